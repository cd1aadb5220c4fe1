// The encoding rule end to end through the `entente` binary (issue #16 item 5): a file that is
// not UTF-8 fails `validate` and `forecast` alike with exit 2 and its place, never "internal
// error", and a run stored with such bytes by an older version still exports as JSON.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "entente/core/encoding.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/store/run_record.hpp"
#include "entente/store/run_store.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

namespace fs = std::filesystem;

class EncodingCli : public test::CliTest {
 protected:
  int Run(const std::string& args) { return RunCli(args); }
};

TEST_F(EncodingCli, latin1_bundle_fails_validate_and_forecast_alike) {
  for (const char* command :
       {"validate $", "forecast $ --no-db", "simulate $ --draws 10 --no-db", "convert $ OUT"}) {
    std::string args = command;
    args.replace(args.find('$'), 1, "tests/data/bad/latin1_bundle");
    if (const std::size_t out = args.find("OUT"); out != std::string::npos) {
      args.replace(out, 3, Path("x.yaml"));
    }
    EXPECT_EQ(Run(args), 2) << command;
    EXPECT_NE(err_.find("latin1_bundle/issues.csv:2: the text is not UTF-8: byte 0xE9"),
              std::string::npos)
        << command << ": " << err_;
    EXPECT_EQ(err_.find("internal error"), std::string::npos) << err_;
  }
}

TEST_F(EncodingCli, cp1252_decide_file_fails_with_its_place) {
  EXPECT_EQ(Run("forecast tests/data/bad/decide_cp1252.csv --model exchange --no-db"), 2);
  EXPECT_NE(err_.find("decide_cp1252.csv:1: the text is not UTF-8: byte 0x96"), std::string::npos)
      << err_;
}

TEST_F(EncodingCli, utf16_yaml_forecasts_like_its_utf8_twin) {
  ASSERT_EQ(Run("forecast tests/data/encoding/utf16le.yaml --format json --no-db"), 0) << err_;
  const std::string utf16 = out_;
  ASSERT_EQ(Run("forecast tests/data/encoding/utf8_bom.yaml --format json --no-db"), 0) << err_;
  EXPECT_EQ(utf16, out_);
}

// A runs database written before the encoding rule could hold any bytes in the stored
// scenario; `runs export` then threw from the JSON writer ("internal error").
TEST_F(EncodingCli, run_stored_with_latin1_bytes_exports_as_json) {
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  RunRecord run = MakeRunRecord(RunKind::kForecast, s, "us-rok.yaml", RunParameters{},
                                ForecastJson(s, RunForecast(s, "median", {})));
  run.scenario_title =
      "S\xE9"
      "curit\xE9";
  run.scenario_path = "caf\xE9.yaml";
  run.scenario_text.insert(run.scenario_text.find("title: ") + 7, "Caf\xE9 ");
  const std::string db = Path("old.db");
  {
    RunStore store = RunStore::Open(db).ValueOrThrow();
    ASSERT_EQ(store.Save(run).ValueOrThrow(), 1);
    ASSERT_EQ(store
                  .Save(MakeRunRecord(RunKind::kForecast, s, "us-rok.yaml", RunParameters{},
                                      ForecastJson(s, RunForecast(s, "median", {}))))
                  .ValueOrThrow(),
              2);
  }
  ASSERT_EQ(Run("runs export 1 --db " + db), 0) << err_;
  ASSERT_TRUE(IsValidUtf8(out_));
  const nlohmann::json j = nlohmann::json::parse(out_);
  EXPECT_EQ(j["scenario"]["title"],
            "S\xC3\xA9"
            "curit\xC3\xA9");
  EXPECT_EQ(j["scenario"]["path"], "caf\xC3\xA9.yaml");
  EXPECT_NE(j["scenario"]["yaml"].get<std::string>().find("Caf\xC3\xA9 "), std::string::npos);
  EXPECT_EQ(Run("runs show 1 --db " + db), 0) << err_;
  EXPECT_EQ(Run("runs diff 1 2 --db " + db), 0) << err_;
  EXPECT_EQ(Run("runs list --db " + db), 0) << err_;
  EXPECT_TRUE(IsValidUtf8(out_));
}

}  // namespace
}  // namespace entente
