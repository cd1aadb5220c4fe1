#include "entente/analysis/calibration.hpp"

#include "entente/analysis/calibrate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "entente/core/error.hpp"
#include "entente/core/random.hpp"
#include "entente/formats/calibration_yaml.hpp"

namespace entente {
namespace {

// Cases in `groups` groups of 3; columns: compromise (outcome + noise), a two-point grid of
// "shifted" (compromise + 10 and the truth itself when `informative`), and a feature "bad".
CalibrationData Synthetic(int groups, bool informative, std::uint64_t seed) {
  CalibrationData d;
  d.columns = {
      {"compromise", {}}, {"shifted", {{"k", "a"}}}, {"shifted", {{"k", "b"}}}, {"bad", {}}};
  Rng rng(seed, 3);
  for (int g = 0; g < groups; ++g) {
    d.groups.push_back("g" + std::to_string(100 + g));
    for (int k = 0; k < 3; ++k) {
      CalibrationCase c;
      c.issue = d.groups.back() + "i" + std::to_string(k);
      c.group = g;
      c.outcome = std::round(Uniform01(rng) * 100);
      c.sigma = 10;
      const double comp = std::clamp(c.outcome + (Uniform01(rng) - 0.5) * 40, 0.0, 100.0);
      const double b = informative ? c.outcome + (Uniform01(rng) - 0.5) * 4 : comp + 10;
      c.base = {comp, comp + 10, b, 100 - c.outcome};
      d.cases.push_back(c);
    }
  }
  return d;
}

std::vector<int> All(const CalibrationData& d) {
  std::vector<int> r(d.cases.size());
  for (std::size_t i = 0; i < r.size(); ++i) r[i] = static_cast<int>(i);
  return r;
}

TEST(calibration, folds_hold_out_whole_groups_in_sorted_order) {
  const CalibrationData d = Synthetic(7, false, 1);
  const std::vector<int> fold = GroupedFolds(d, All(d), 3);
  for (const CalibrationCase& c : d.cases) {
    // Groups g100..g106 sort as listed: the r-th goes to fold r mod 3.
    EXPECT_EQ(fold[static_cast<std::size_t>(&c - d.cases.data())], c.group % 3);
  }
  const std::vector<int> lopo = GroupedFolds(d, All(d), 0);
  EXPECT_EQ(std::set<int>(lopo.begin(), lopo.end()).size(), 7u);
}

TEST(calibration, the_ensemble_finds_an_informative_option_set) {
  const CalibrationData d = Synthetic(20, true, 2);
  const PointDesign e = FitEnsemble(d, All(d));
  // Option set b of "shifted" tracks the outcome within 2 points: it takes (nearly) all weight.
  EXPECT_GT(e.weights[2], 0.9);
  EXPECT_EQ(e.weights[1], 0);  // the other option set of the same model is not used
  const Selection s = SelectDesign(d, All(d), 5);
  EXPECT_EQ(s.design.kind, "ensemble");
  EXPECT_LT(s.cv_mae_ensemble, s.cv_mae_compromise);
}

// Every other base is a copy of the compromise: the ensemble can only tie it, and a tie keeps
// the compromise (the ensemble must be strictly better under the inner CV).
CalibrationData Copies(int groups, std::uint64_t seed) {
  CalibrationData d = Synthetic(groups, false, seed);
  for (CalibrationCase& c : d.cases) c.base = {c.base[0], c.base[0], c.base[0], c.base[0]};
  return d;
}

TEST(calibration, without_signal_the_compromise_is_kept) {
  const CalibrationData d = Copies(20, 3);
  const Selection s = SelectDesign(d, All(d), 5);
  EXPECT_EQ(s.design.kind, "compromise");
  EXPECT_EQ(s.design.weights[0], 1);
}

TEST(calibration, held_out_forecasts_never_use_their_own_outcome) {
  // Changing the outcomes of one group changes no out-of-fold forecast of that group.
  CalibrationData d = Synthetic(12, true, 4);
  const CrossValidation a = CrossValidate(d, {4, 3});
  for (CalibrationCase& c : d.cases) {
    if (c.group == 5) c.outcome = 100 - c.outcome;
  }
  const CrossValidation b = CrossValidate(d, {4, 3});
  for (std::size_t i = 0; i < d.cases.size(); ++i) {
    if (d.cases[i].group != 5) continue;
    EXPECT_EQ(a.ensemble[i], b.ensemble[i]);
    EXPECT_EQ(a.selected[i], b.selected[i]);
    EXPECT_EQ(a.atoms[i], b.atoms[i]);
  }
}

TEST(calibration, atoms_come_from_the_training_residuals) {
  const CalibrationData d = Synthetic(10, false, 5);
  const CrossValidation cv = CrossValidate(d, {5, 5});
  for (std::size_t i = 0; i < d.cases.size(); ++i) {
    // Training cases: those outside the fold (two groups of three held out per fold).
    EXPECT_EQ(cv.atoms[i].size(), d.cases.size() - 6);
  }
}

TEST(calibration, final_z_are_standardized_out_of_fold_residuals) {
  const CalibrationData d = Copies(10, 6);
  const FinalFit f = FitFinal(d, {5, 5});
  ASSERT_EQ(f.selection.design.kind, "compromise");
  std::vector<double> z;
  for (const CalibrationCase& c : d.cases) z.push_back((c.outcome - c.base[0]) / c.sigma);
  std::sort(z.begin(), z.end());
  EXPECT_EQ(f.z, z);
}

TEST(calibration, yaml_round_trips) {
  CalibrationRecord r;
  r.created = "2024-06-01";
  r.entente_version = "0.1.0";
  r.training = {{"../shared/x.tsv", "ab12", 171, 69}};
  r.settings.models = {"compromise", "eu"};
  r.settings.features = {"mean"};
  r.settings.setter = "com";
  r.settings.grid["eu"]["q"] = {"0.5", "1"};
  r.design = "ensemble";
  r.weights = {{"compromise", 0.75}, {"mean", 0.25}};
  r.options["eu"]["q"] = "0.5";
  r.z["ensemble"] = {-1.5, 0.1, 2};
  r.z["compromise"] = {-1, 0, 1.25};
  r.scores.push_back(
      {"compromise", {23.97, 20.8, 27.2}, std::nullopt, std::nullopt, std::nullopt, {}});
  r.scores.push_back({"selected",
                      {23.9, 20, 27},
                      Interval{-0.07, -0.5, 0.4},
                      Interval{16.7, 15, 18},
                      Interval{-7.2, -8.5, -6},
                      {{0.5, 0.4, 0.6}, {0.8, 0.7, 0.9}, {0.9, 0.8, 0.95}}});
  const std::string text = WriteCalibrationYaml(r);
  const Result<CalibrationRecord> back = ParseCalibrationYaml(text, "c.yaml");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(WriteCalibrationYaml(back.value()), text);
  EXPECT_EQ(back.value().settings.grid.at("eu").at("q"), (std::vector<std::string>{"0.5", "1"}));
  EXPECT_EQ(back.value().options.at("eu").at("q"), "0.5");
}

TEST(calibration, a_damaged_file_is_a_located_error) {
  const Result<CalibrationRecord> r = ParseCalibrationYaml("format: 1\ntraining: 3\n", "c.yaml");
  ASSERT_FALSE(r.ok());
  bool training = false;
  for (const Error& e : r.errors()) {
    EXPECT_EQ(e.where.file, "c.yaml");
    if (e.where.field == "training") {
      training = true;
      EXPECT_EQ(e.where.line, 2);  // the line of `training: 3`, which is not a list
    }
  }
  EXPECT_TRUE(training);
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

// `calibrate --grid ktab-smp.pcw=...` (a key the model lacks) failed only after every other
// column's forecasts had run (14 s on DEU I): the grid's options are now checked first.
TEST(CalibrationRegression, GridOptionsAreCheckedBeforeAnyForecastRuns) {
  CalibrationSettings s;
  s.models = {"compromise", "ktab-smp"};
  s.features = {};
  s.grid["ktab-smp"]["pcw"] = {"true", "false"};
  try {
    (void)CalibrationColumns(s);
    FAIL() << "an unknown grid key was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("has no option 'pcw'"), std::string::npos) << e.what();
  }
  s.grid.clear();
  s.models = {"compromise", "eu"};
  s.grid["eu"]["q"] = {"1", "half"};
  try {
    (void)CalibrationColumns(s);
    FAIL() << "a value that is not a number was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("'half' is not a number"), std::string::npos) << e.what();
  }
  s.grid["eu"]["q"] = {"1", "0.5"};
  EXPECT_EQ(CalibrationColumns(s).size(), 3u);
}

}  // namespace
}  // namespace entente
