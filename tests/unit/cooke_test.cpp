// Cooke's classical model: the chi-square tail, calibration and information by hand, the
// weights with the cut-off, and seed validation naming coder and question.
#include <gtest/gtest.h>

#include <cmath>

#include "entente/analysis/cooke.hpp"
#include "entente/core/coding.hpp"

namespace entente {
namespace {

SeedAnswer Answer(std::string coder, std::string question, double q05, double q50, double q95,
                  double realization) {
  return SeedAnswer{std::move(coder), std::move(question), q05, q50, q95, realization, {}};
}

TEST(Cooke, ChiSquareThreeDegreesOfFreedom) {
  EXPECT_DOUBLE_EQ(ChiSquare3Cdf(0), 0);
  EXPECT_NEAR(ChiSquare3Cdf(7.814727903), 0.95, 1e-9);  // the 5% critical value (3 dof)
  EXPECT_NEAR(ChiSquare3Cdf(11.34486673), 0.99, 1e-9);  // the 1% critical value
  EXPECT_NEAR(ChiSquare3Cdf(2.365973884), 0.5, 1e-9);   // the median
}

// Two coders, two seed questions. Realizations 10 and 0.5.
// Coder a: q1 (5, 9, 12) -> 10 in bin 3; q2 (0.2, 0.4, 0.6) -> 0.5 in bin 3: s = (0, 0, 1, 0).
// Coder b: q1 (8, 11, 20) -> bin 2; q2 (0.45, 0.55, 0.7) -> bin 2: s = (0, 1, 0, 0).
// Both: I(s, p) = ln(1 / 0.45) = 0.7985077; 2 N I = 3.1940308; C = 1 - F3(3.1940308) = 0.3626660.
// Intrinsic ranges: q1 L = 5, U = 20, k = 0.1 -> [3.5, 21.5] (width 18);
//                   q2 L = 0.2, U = 0.7 -> [0.15, 0.75] (width 0.6).
// Coder a, q1: ln 18 + .05 ln(.05/1.5) + .45 ln(.45/4) + .45 ln(.45/3) + .05 ln(.05/9.5)
//            = 2.8903718 - 0.1700599 - 0.9831610 - 0.8537040 - 0.2623512 = 0.6210957
//          q2: ln .6 + .05 ln(.05/.05) + .45 ln(.45/.2) + .45 ln(.45/.2) + .05 ln(.05/.15)
//            = -0.5108256 + 0 + 0.3649186 + 0.3649186 - 0.0549306 = 0.1640810
//          Inf(a) = (0.6210957 + 0.1640810) / 2 = 0.3925884.
TEST(Cooke, CalibrationAndInformationByHand) {
  const std::vector<SeedAnswer> seeds = {
      Answer("a", "q1", 5, 9, 12, 10), Answer("a", "q2", 0.2, 0.4, 0.6, 0.5),
      Answer("b", "q1", 8, 11, 20, 10), Answer("b", "q2", 0.45, 0.55, 0.7, 0.5)};
  const CookeResult r = ClassicalModel(seeds);
  ASSERT_EQ(r.coders.size(), 2u);
  EXPECT_EQ(r.questions, 2u);
  const double c = 1 - ChiSquare3Cdf(4 * std::log(1 / 0.45));
  EXPECT_NEAR(c, 0.3626660, 1e-7);
  EXPECT_NEAR(r.coders[0].calibration, c, 1e-12);
  EXPECT_NEAR(r.coders[1].calibration, c, 1e-12);
  const double a1 = std::log(18) + .05 * std::log(.05 / 1.5) + .45 * std::log(.45 / 4) +
                    .45 * std::log(.45 / 3) + .05 * std::log(.05 / 9.5);
  const double a2 = std::log(.6) + .05 * std::log(.05 / .05) + .45 * std::log(.45 / .2) +
                    .45 * std::log(.45 / .2) + .05 * std::log(.05 / .15);
  EXPECT_NEAR(a1, 0.6210957, 1e-6);
  EXPECT_NEAR(a2, 0.1640810, 1e-6);
  EXPECT_NEAR(r.coders[0].information, 0.3925884, 1e-7);
  EXPECT_NEAR(r.coders[0].information, (a1 + a2) / 2, 1e-12);
  // Coder b: q1 bins [3.5, 8, 11, 20, 21.5], q2 [0.15, 0.45, 0.55, 0.7, 0.75].
  const double b1 = std::log(18) + .05 * std::log(.05 / 4.5) + .45 * std::log(.45 / 3) +
                    .45 * std::log(.45 / 9) + .05 * std::log(.05 / 1.5);
  const double b2 = std::log(.6) + .05 * std::log(.05 / .3) + .45 * std::log(.45 / .1) +
                    .45 * std::log(.45 / .15) + .05 * std::log(.05 / .05);
  EXPECT_NEAR(r.coders[1].information, (b1 + b2) / 2, 1e-12);
  EXPECT_NEAR(r.coders[0].combined, c * (a1 + a2) / 2, 1e-12);
  // Equal calibration: whatever the cut-off (0 or that score) both coders stay, so the weights
  // are C I normalised, i.e. I_a / (I_a + I_b); equal weights beside them.
  const double ia = (a1 + a2) / 2;
  const double ib = (b1 + b2) / 2;
  EXPECT_NEAR(r.coders[0].weight, ia / (ia + ib), 1e-12);
  EXPECT_NEAR(r.coders[1].weight, ib / (ia + ib), 1e-12);
  EXPECT_NEAR(r.coders[0].weight + r.coders[1].weight, 1, 1e-12);
  EXPECT_DOUBLE_EQ(r.coders[0].equal_weight, 0.5);
}

// Published worked example: Cooke, Nane & Hanea, "Decision Making Under Uncertainty:
// Introduction to Structured Expert Judgment" (TU Delft OpenCourseWare), reading 2.3.4
// "Computing calibration scores" (https://ocw.tudelft.nl/course-readings/2-3-4-computing-
// calibration-scores/?course_id=34671): an expert answers 10 calibration questions and the
// realizations fall in the four inter-quantile bins as s = (1/10, 2/10, 5/10, 2/10); the course
// prints I(s, p) = 0.2370678, 2 m I = 4.741356, F = 0.81 and Cal = 1 - 0.81 = 0.19 (two decimals).
// Here each question's answers put its realization (10) in the bin the example asks for.
TEST(Cooke, CalibrationMatchesTheTuDelftCourseExample) {
  std::vector<SeedAnswer> seeds;
  const int bins[10] = {1, 2, 2, 3, 3, 3, 3, 3, 4, 4};
  for (int i = 0; i < 10; ++i) {
    const std::string q = "q" + std::to_string(i);
    switch (bins[i]) {
      case 1: seeds.push_back(Answer("e", q, 10, 12, 14, 10)); break;  // x <= q05
      case 2: seeds.push_back(Answer("e", q, 5, 10, 15, 10)); break;   // q05 < x <= q50
      case 3: seeds.push_back(Answer("e", q, 5, 8, 15, 10)); break;    // q50 < x <= q95
      default: seeds.push_back(Answer("e", q, 2, 4, 6, 10)); break;    // x > q95
    }
  }
  const double s[4] = {0.1, 0.2, 0.5, 0.2};
  const double p[4] = {0.05, 0.45, 0.45, 0.05};
  double relative = 0;
  for (int k = 0; k < 4; ++k) relative += s[k] * std::log(s[k] / p[k]);
  EXPECT_NEAR(relative, 0.2370678, 1e-7);                      // printed I(s, p)
  EXPECT_NEAR(ChiSquare3Cdf(2 * 10 * relative), 0.81, 0.005);  // printed F(4.741356)
  const CookeResult r = ClassicalModel(seeds);
  ASSERT_EQ(r.coders.size(), 1u);
  EXPECT_EQ(r.coders[0].questions, 10u);
  EXPECT_NEAR(r.coders[0].calibration, 0.19, 0.005);  // printed Cal(e)
  EXPECT_NEAR(r.coders[0].calibration, 1 - ChiSquare3Cdf(4.741356097), 1e-9);
  EXPECT_DOUBLE_EQ(r.coders[0].weight, 1);  // one expert takes all the weight
}

// Published worked example with inputs, scores and weights: Cooke, Nane & Hanea, "Decision
// Making Under Uncertainty: Introduction to Structured Expert Judgment" (TU Delft
// OpenCourseWare), reading 3.7.3 "The calibration score of the DM (2)"
// (https://ocw.tudelft.nl/course-readings/3-7-3-the-calibration-score-of-the-dm-2/?course_id=34671):
// three experts' 5/50/95% values on five questions. The course prints (to three decimals)
// calibration 3.621E-05 / 0.608 / 0.327, information 1.418 / 0.558 / 1.354, and the
// performance weights 0.00006565341 / 0.4338007 / 0.5661336 (calibration x information,
// normalised, no cut-off: our `combined`).
TEST(Cooke, WeightsMatchTheTuDelftThreeExpertExample) {
  const double real[5] = {24, 11, 68, 47, 31};
  const double q[3][5][3] = {
      {{2, 5, 7}, {12, 13, 15}, {87, 89, 92}, {2, 5, 8}, {48, 50, 52}},         // A
      {{20, 23, 34}, {8, 10, 11}, {60, 70, 90}, {20, 35, 45}, {30, 35, 40}},    // B
      {{20, 25, 28}, {10, 13, 15}, {65, 67, 70}, {42, 44, 46}, {32, 33, 35}}};  // C
  std::vector<SeedAnswer> seeds;
  const char* names[3] = {"A", "B", "C"};
  for (int e = 0; e < 3; ++e) {
    for (int i = 0; i < 5; ++i) {
      seeds.push_back(Answer(names[e], "q" + std::to_string(i + 1), q[e][i][0], q[e][i][1],
                             q[e][i][2], real[i]));
    }
  }
  const CookeResult r = ClassicalModel(seeds);
  ASSERT_EQ(r.coders.size(), 3u);
  EXPECT_NEAR(r.coders[0].calibration, 3.621e-5, 0.0005e-5);
  EXPECT_NEAR(r.coders[1].calibration, 0.608, 0.0005);
  EXPECT_NEAR(r.coders[2].calibration, 0.327, 0.0005);
  EXPECT_NEAR(r.coders[0].information, 1.418, 0.0005);
  EXPECT_NEAR(r.coders[1].information, 0.558, 0.0005);
  EXPECT_NEAR(r.coders[2].information, 1.354, 0.0005);
  double total = 0;
  for (const CoderScore& c : r.coders) total += c.combined;
  // The printed weights come from the printed (rounded) scores' precursors; relative 1e-3.
  EXPECT_NEAR(r.coders[0].combined / total, 0.00006565341, 0.00006565341 * 1e-3);
  EXPECT_NEAR(r.coders[1].combined / total, 0.4338007, 0.4338007 * 1e-3);
  EXPECT_NEAR(r.coders[2].combined / total, 0.5661336, 0.5661336 * 1e-3);
}

TEST(Cooke, UncalibratedCoderWeighsNothing) {
  // `far` puts every realization above its 95% value: s = (0, 0, 0, 1), C = 1 - F3(2 N ln 20).
  // `good` catches them in its central bins; `vague` too, with wide ranges (less information).
  std::vector<SeedAnswer> seeds;
  const double truth[] = {3, 5, 7, 4, 6, 8};
  for (int i = 0; i < 6; ++i) {
    const std::string q = "q" + std::to_string(i);
    const double x = truth[i];
    seeds.push_back(Answer("good", q, x - 2, x + (i % 2 == 0 ? 0.5 : -0.5), x + 2, x));
    seeds.push_back(Answer("vague", q, x - 9, x + (i % 2 == 0 ? 1 : -1), x + 9, x));
    seeds.push_back(Answer("far", q, x - 3, x - 2, x - 1, x));
  }
  const CookeResult r = ClassicalModel(seeds);
  ASSERT_EQ(r.coders.size(), 3u);
  EXPECT_NEAR(r.coders[2].calibration, 1 - ChiSquare3Cdf(12 * std::log(20)), 1e-12);
  EXPECT_LT(r.coders[2].calibration, 1e-6);
  EXPECT_GT(r.coders[0].information, r.coders[1].information);
  // The cut-off is 0 or one of the calibration scores; `far` weighs next to nothing either way.
  EXPECT_TRUE(r.alpha == 0 || r.alpha == r.coders[0].calibration ||
              r.alpha == r.coders[1].calibration || r.alpha == r.coders[2].calibration);
  EXPECT_LT(r.coders[2].weight, 1e-6);
  EXPECT_NEAR(r.coders[0].weight + r.coders[1].weight + r.coders[2].weight, 1, 1e-12);
  EXPECT_GT(r.performance.combined, 0);
  EXPECT_GE(r.performance.combined, r.equal.combined);
  const CoderWeights w = PerformanceWeights(r);
  EXPECT_EQ(w.coders, (std::vector<std::string>{"good", "vague", "far"}));
}

TEST(Cooke, SeedProblemsNameCoderAndQuestion) {
  std::vector<SeedAnswer> seeds = {Answer("a", "q1", 5, 4, 12, 10), Answer("a", "q2", 1, 2, 3, 2),
                                   Answer("b", "q1", 1, 2, 3, 11), Answer("a", "q1", 1, 2, 3, 10)};
  const std::string text = FormatErrors(ValidateSeeds(seeds));
  EXPECT_NE(text.find("coder 'a', seed question 'q1': the values 5 / 4 / 12 do not increase"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("coder 'b', seed question 'q1': realization 11 differs from 10"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("coder 'a', seed question 'q1': answered twice"), std::string::npos) << text;
  EXPECT_NE(text.find("coder 'b' did not answer seed question 'q2'"), std::string::npos) << text;
  EXPECT_THROW((void)ClassicalModel(seeds), InputError);
  EXPECT_THROW((void)ClassicalModel({}), InputError);
}

}  // namespace
}  // namespace entente
