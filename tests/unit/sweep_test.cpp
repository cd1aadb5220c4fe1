#include "entente/analysis/sweep.hpp"

#include <gtest/gtest.h>

#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/sweep_partial.hpp"
#include "entente/formats/sweep_spec.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

const std::string kScenario = test::SourceDir() + "/scenarios/us-rok-2021.yaml";

SweepSpec Parse(const std::string& body) {
  return ParseSweepSpec("scenario: " + kScenario + "\n" + body, "sweep.yaml").ValueOrThrow();
}

std::string ErrorsOf(const std::string& body) {
  const Result<SweepSpec> r = ParseSweepSpec("scenario: " + kScenario + "\n" + body, "sweep.yaml");
  EXPECT_FALSE(r.ok());
  std::string out;
  if (!r.ok()) {
    for (const Error& e : r.errors()) out += e.message + " | " + e.hint + "\n";
  }
  return out;
}

TEST(SweepSpec, GridVariesTheFirstKeySlowestThenTheListFollows) {
  const SweepSpec spec = Parse(
      "models: [median, eu]\n"
      "base: {seed: 3}\n"
      "grid:\n  set: {US.capability: [60, 80]}\n  seed: [1, 2]\n"
      "points:\n  - {name: calm, noise_percent: 1}\n");
  ASSERT_EQ(spec.plan.points.size(), 5u);
  EXPECT_EQ(spec.plan.points[0].label, "US.capability=60 seed=1");
  EXPECT_EQ(spec.plan.points[1].label, "US.capability=60 seed=2");
  EXPECT_EQ(spec.plan.points[2].label, "US.capability=80 seed=1");
  EXPECT_EQ(spec.plan.points[4].label, "calm");
  EXPECT_EQ(spec.plan.points[1].params.seed, 2u);
  EXPECT_EQ(spec.plan.points[4].params.seed, 3u);  // from base
  EXPECT_EQ(spec.plan.points[4].params.noise_percent, 1.0);
  EXPECT_EQ(spec.plan.points[2].params.edits.size(), 1u);
  EXPECT_EQ(SweepUnits(spec.plan), 10);
}

TEST(SweepSpec, SettingsASweepCannotShowAreRefusedNotIgnored) {
  const std::string errors =
      ErrorsOf("points:\n  - {draws: 5}\n  - {model: eu}\n  - {thresholds: []}\n");
  EXPECT_NE(errors.find("takes no 'draws'"), std::string::npos) << errors;
  EXPECT_NE(errors.find("takes no 'model'"), std::string::npos) << errors;
  EXPECT_NE(errors.find("takes no 'thresholds'"), std::string::npos) << errors;
}

TEST(SweepSpec, AnUnknownKeyAndAGridWithoutListsAreLocated) {
  EXPECT_NE(ErrorsOf("colour: red\n").find("unknown key 'colour'"), std::string::npos);
  EXPECT_NE(ErrorsOf("grid:\n  seed: 4\n").find("needs a list"), std::string::npos);
}

// The rows of every shard, through the partial file and merged, are the whole sweep's.
TEST(Sweep, ShardsMergeToTheWholeSweep) {
  const Scenario s = LoadScenario(kScenario).ValueOrThrow();
  const SweepSpec spec = Parse(
      "models: [median, ktab-smp]\ndraws: 32\n"
      "grid:\n  noise_percent: [5, 15]\npoints:\n  - {set: [US.capability=70]}\n");
  const std::vector<SweepRow> whole = RunSweep(s, spec.plan);
  ASSERT_EQ(whole.size(), 3u * 2u * s.issues.size());
  for (const std::int64_t n : {1, 2, 4, 7}) {
    std::vector<SweepPart> parts;
    for (std::int64_t k = 1; k <= n; ++k) {
      SweepPart p;
      p.spec_sha256 = "h";
      p.units = SweepUnits(spec.plan);
      p.draws = spec.plan.draws;
      p.shard = ShardSpec{k, n};
      p.rows = RunSweep(s, spec.plan, p.shard, 1);
      parts.push_back(
          ParseSweepPartial(WriteSweepPartial(p), "p" + std::to_string(k)).ValueOrThrow());
    }
    const std::vector<SweepRow> merged = MergeSweepParts(parts);
    ASSERT_EQ(merged.size(), whole.size()) << n << " shards";
    for (std::size_t i = 0; i < whole.size(); ++i) {
      EXPECT_EQ(merged[i].unit, whole[i].unit);
      EXPECT_EQ(merged[i].label, whole[i].label);
      EXPECT_EQ(merged[i].issue, whole[i].issue);
      EXPECT_EQ(merged[i].outcome, whole[i].outcome);
      EXPECT_EQ(merged[i].mean, whole[i].mean) << n << " shards, row " << i;
      EXPECT_EQ(merged[i].p95, whole[i].p95) << n << " shards, row " << i;
    }
    if (n > 1) {
      parts.pop_back();
      EXPECT_THROW((void)MergeSweepParts(parts), InputError);
    }
  }
}

// Units are independent: a point's rows do not depend on which other points the sweep has.
TEST(Sweep, APointsRowsDoNotDependOnTheOtherPoints) {
  const Scenario s = LoadScenario(kScenario).ValueOrThrow();
  const SweepSpec two = Parse("draws: 16\npoints:\n  - {seed: 1}\n  - {seed: 2}\n");
  const SweepSpec one = Parse("draws: 16\npoints:\n  - {seed: 2}\n");
  const std::vector<SweepRow> a = RunSweep(s, two.plan);
  const std::vector<SweepRow> b = RunSweep(s, one.plan);
  ASSERT_EQ(a.size(), 2 * b.size());
  for (std::size_t i = 0; i < b.size(); ++i) EXPECT_EQ(a[b.size() + i].mean, b[i].mean);
}

}  // namespace
}  // namespace entente
