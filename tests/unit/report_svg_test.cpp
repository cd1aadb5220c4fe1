// The report's SVG building blocks: escaping, axes, and every chart on empty and small data.
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "entente/report/axis.hpp"
#include "entente/report/bar_charts.hpp"
#include "entente/report/histogram_chart.hpp"
#include "entente/report/scale_chart.hpp"
#include "entente/report/svg.hpp"
#include "entente/report/trajectory_chart.hpp"

namespace entente::report {
namespace {

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

Issue ThreeActors() {
  Issue issue;
  issue.id = "i";
  issue.name = "Trade <terms> & \"tariffs\"";
  issue.scale = Scale{0, 100, "% tariff", {{0, "free trade"}, {100, "embargo"}}};
  issue.status_quo = 40;
  issue.rule = DecisionRule{DecisionKind::kUnanimity, {"B"}};
  issue.stances = {Stance{"A", 10, 1.0, 100, Basis::kUnstated, "", {}},
                   Stance{"B", 60, 0.5, 50, Basis::kUnstated, "", {}},
                   Stance{"C", 90, 0.0, 10, Basis::kUnstated, "", {}}};
  return issue;
}

TEST(ReportSvg, EscapesMarkupCharacters) {
  EXPECT_EQ(EscapeXml(R"(<a href="x">Tom & 'Jerry'</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  EXPECT_EQ(EscapeXml("plain"), "plain");
  Svg svg(10, 10, "<title>");
  svg.Text({1, 2}, "R&D <b>", "c<s");
  const std::string out = std::move(svg).Finish();
  EXPECT_NE(out.find("<title>&lt;title&gt;</title>"), std::string::npos);
  EXPECT_NE(out.find(">R&amp;D &lt;b&gt;</text>"), std::string::npos);
  EXPECT_NE(out.find("class=\"c&lt;s\""), std::string::npos);
  EXPECT_EQ(out.find("<b>"), std::string::npos);
}

TEST(ReportSvg, CoordinatesPrintWithTwoDecimalsAndNoNegativeZero) {
  Svg svg(10, 10, "t");
  svg.Circle({-0.001, 1.0 / 3}, 2, "c");
  svg.Rect(5, 5, -2, -3, "r");  // negative sizes are normalised
  const std::string out = std::move(svg).Finish();
  EXPECT_NE(out.find("cx=\"0.00\" cy=\"0.33\" r=\"2.00\""), std::string::npos);
  EXPECT_NE(out.find("x=\"3.00\" y=\"2.00\" width=\"2.00\" height=\"3.00\""), std::string::npos);
}

TEST(ReportSvg, TruncatesByCodePoint) {
  EXPECT_EQ(Truncate("abcdef", 4), "abc\u2026");
  EXPECT_EQ(Truncate("abcd", 4), "abcd");
  EXPECT_EQ(Truncate("\u00e9\u00e9\u00e9", 2), "\u00e9\u2026");
  EXPECT_EQ(Truncate("abc", 0), "");
}

TEST(ReportAxis, LinearScaleMapsAndHandlesAPointInterval) {
  const LinearScale x{0, 100, 120, 730};
  EXPECT_DOUBLE_EQ(x(0), 120);
  EXPECT_DOUBLE_EQ(x(50), 425);
  EXPECT_DOUBLE_EQ(x(100), 730);
  const LinearScale y{0, 10, 200, 0};  // inverted, as for vertical axes
  EXPECT_DOUBLE_EQ(y(2.5), 150);
  EXPECT_DOUBLE_EQ((LinearScale{5, 5, 0, 100})(5), 50);
}

TEST(ReportAxis, NiceTicksAreRoundStepsInsideTheInterval) {
  EXPECT_EQ(NiceTicks(0, 100, 10),
            (std::vector<double>{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100}));
  EXPECT_EQ(NiceTicks(-12, 13, 5), (std::vector<double>{-10, -5, 0, 5, 10}));
  const std::vector<double> small = NiceTicks(0, 0.37, 4);
  ASSERT_EQ(small.size(), 4u);
  EXPECT_NEAR(small[3], 0.3, 1e-12);
  EXPECT_EQ(NiceTicks(7, 7, 5), std::vector<double>{7});
  EXPECT_TRUE(NiceTicks(10, 0, 5).empty());
  EXPECT_TRUE(NiceTicks(0, std::numeric_limits<double>::infinity(), 5).empty());
  EXPECT_EQ(TickLabel(12.5), "12.5");
  EXPECT_EQ(TickLabel(3), "3");
  EXPECT_EQ(TickLabel(0.25), "0.25");
  EXPECT_EQ(TickLabel(-0.0), "0");
}

TEST(ReportScaleChart, VetoPlayersAreSquaresAndMarkersScaleWithWeight) {
  const std::string svg = ScaleChart(ThreeActors(), {{"m1", 30, 40}, {"m2", 55, 55}});
  EXPECT_EQ(Count(svg, "class=\"veto\""), 2);   // B, plus the legend's sample
  EXPECT_EQ(Count(svg, "class=\"actor\""), 3);  // A, C, plus the legend's sample
  // A has the largest weight (17, the largest radius), C none (3, the smallest).
  EXPECT_NE(svg.find("r=\"17.00\" class=\"actor\""), std::string::npos);
  EXPECT_NE(svg.find("r=\"3.00\" class=\"actor\""), std::string::npos);
  // m1 was moved by the veto (hollow and filled triangles); m2 was not.
  EXPECT_EQ(Count(svg, "class=\"model-raw\""), 2);  // m1 + legend
  EXPECT_EQ(Count(svg, "class=\"model-out\""), 3);  // m1, m2 + legend
  EXPECT_NE(svg.find("status quo 40.0"), std::string::npos);
  EXPECT_EQ(Count(svg, "class=\"winset\""), 1);  // the legend only: no rows carry a win-set
  EXPECT_NE(svg.find("position (% tariff)"), std::string::npos);
  EXPECT_NE(svg.find("Trade &lt;terms&gt; &amp; &quot;tariffs&quot;"), std::string::npos);
}

TEST(ReportScaleChart, WinSetsAreBarsOnTheirRows) {
  // Row m1: [40, 60] on a 0-100 scale drawn from x = 120 to 730 -> 364 and 486 (2 px margin).
  const std::string svg =
      ScaleChart(ThreeActors(), {{"m1", 70, 60, std::pair{40.0, 60.0}}, {"m2", 55, 55, {}}});
  EXPECT_EQ(Count(svg, "class=\"winset\""), 2);  // m1 + legend
  EXPECT_NE(svg.find("x1=\"362.00\""), std::string::npos) << svg;
}

// The text of every `cls` element of `svg`, joined by spaces (the chart wraps long words).
std::string TextOf(const std::string& svg, const std::string& cls) {
  std::string out;
  const std::string open = "class=\"" + cls + "\">";
  for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
    const std::size_t from = at + open.size();
    out += (out.empty() ? "" : " ") + svg.substr(from, svg.find('<', from) - from);
  }
  return out;
}

// Under a rule the first ruled row's win-set is a band behind the actors, and the chart ends
// with the win-set and the explanation (which names the rule) in words; without a rule the
// chart is as before.
TEST(ReportScaleChart, TheRuleAndItsWinSetAreInTheChart) {
  ModelMark m1{"m1", 70, 60, std::pair{40.0, 60.0}};
  m1.rule = "unanimity of B";
  m1.explanation =
      "Under unanimity of B, a move up from the status quo 40.0 passes only as far as 60.0: B is "
      "pivotal (its veto binds), and beyond 60.0 B says no. Outcome 60.0, not the model's 70.0.";
  const std::string plain = ScaleChart(ThreeActors(), {{"m1", 70, 60}, {"m2", 55, 55}});
  const std::string ruled = ScaleChart(ThreeActors(), {m1, {"m2", 55, 55}});
  // The band spans 40 to 60: x = 364 to 486, widened by 1.5 px each side.
  EXPECT_NE(ruled.find("<rect x=\"362.50\" y=\"18.00\" width=\"125.00\""), std::string::npos)
      << ruled;
  EXPECT_EQ(Count(ruled, "class=\"winset-band\""), 1);
  EXPECT_EQ(TextOf(ruled, "rule-words"),
            "Win-set of the status quo (m1 model, shaded): 40.0 to 60.0. Under unanimity of B, a "
            "move up from the status quo 40.0 passes only as far as 60.0: B is pivotal (its veto "
            "binds), and beyond 60.0 B says no. Outcome 60.0, not the model&#39;s 70.0.");
  EXPECT_GE(Count(ruled, "class=\"rule-words\""), 2);  // wrapped: SVG text does not wrap
  EXPECT_EQ(plain.find("winset-band"), std::string::npos);
  EXPECT_EQ(plain.find("rule-words"), std::string::npos);
  // A row with a win-set but no rule in words gets the band and no words.
  const std::string bare = ScaleChart(ThreeActors(), {{"m1", 70, 60, std::pair{40.0, 60.0}}});
  EXPECT_EQ(Count(bare, "class=\"winset-band\""), 1);
  EXPECT_EQ(bare.find("rule-words"), std::string::npos);

  // An explanation that does not name the rule gets the rule up front; an empty win-set says so.
  ModelMark empty{"m1", 70, 40, std::pair{40.0, 40.0}};
  empty.rule = "unanimity of B";
  empty.win_set_empty = true;
  empty.explanation = "B prefers the status quo.";
  EXPECT_EQ(TextOf(ScaleChart(ThreeActors(), {empty}), "rule-words"),
            "Decision rule: unanimity of B. Win-set of the status quo (m1 model): empty, only the "
            "status quo 40.0. B prefers the status quo.");
}

TEST(ReportSvg, WrapWordsBreaksAtSpaces) {
  EXPECT_EQ(WrapWords("aa bb cc dd", 5), (std::vector<std::string>{"aa bb", "cc dd"}));
  EXPECT_EQ(WrapWords("toolongword x", 4), (std::vector<std::string>{"toolongword", "x"}));
  EXPECT_EQ(WrapWords("\u00e9\u00e9 \u00e9\u00e9", 5),
            (std::vector<std::string>{"\u00e9\u00e9 \u00e9\u00e9"}));
  EXPECT_TRUE(WrapWords("", 10).empty());
}

TEST(ReportScaleChart, AnIssueWithoutStancesStillGetsItsScale) {
  Issue issue;
  issue.name = "empty";
  const std::string svg = ScaleChart(issue, {});
  EXPECT_NE(svg.find("class=\"axis\""), std::string::npos);
  EXPECT_EQ(Count(svg, "class=\"actor\""), 1);  // the legend only
}

TEST(ReportHistogram, BarsFollowTheCountsAndEmptyDataSaysSo) {
  const Scale scale{0, 100, "index", {}};
  IssueDistribution empty;
  const std::string none = HistogramChart(empty, scale, "t");
  EXPECT_NE(none.find("no Monte Carlo draws"), std::string::npos);
  EXPECT_EQ(none.find("<rect"), std::string::npos);

  IssueDistribution d;
  d.point = 50;
  d.p05 = 10, d.p50 = 50, d.p95 = 90;
  d.histogram = {{0, 50, 3}, {50, 100, 1}, {100, 100, 0}};
  const std::string svg = HistogramChart(d, scale, "t");
  EXPECT_EQ(Count(svg, "class=\"bar\""), 2);  // the empty bin draws nothing
  // The tallest bar holds 75% of the draws: ticks every 20% up to 60%, none beyond the data.
  EXPECT_NE(svg.find("text-anchor=\"end\" class=\"tick\">60</text>"), std::string::npos);
  EXPECT_EQ(svg.find("text-anchor=\"end\" class=\"tick\">80</text>"), std::string::npos);
  EXPECT_NE(svg.find("share of draws (%)"), std::string::npos);
  EXPECT_NE(svg.find("90% of draws: 10.0 to 90.0"), std::string::npos);
}

TEST(ReportHistogram, StatusQuoMassWasDrawnAsABarBeyondIt) {
  const Scale scale{0, 100, "index", {}};
  IssueDistribution d;
  d.point = 60;
  d.p05 = 50, d.p50 = 60, d.p95 = 90;
  d.histogram = {{50, 55, 1}, {55, 100, 5}, {50, 50, 4}};  // 4 of 10 draws exactly at 50
  const std::string svg = HistogramChart(d, scale, "t");
  EXPECT_EQ(Count(svg, "class=\"bar\""), 2);
  // The mass: 4 px wide, centred on x(50) = 120 + 610 / 2 = 425, 40% of the draws.
  EXPECT_NE(svg.find("<rect x=\"423.00\" y=\"61.20\" width=\"4.00\""), std::string::npos) << svg;
  EXPECT_EQ(Count(svg, "class=\"mass\""), 2);  // the spike and its legend key
  EXPECT_NE(svg.find("status quo 50.0: 40% of draws"), std::string::npos);
}

TEST(ReportTrajectory, OneLinePerActorPlusTheMedian) {
  const Issue issue = ThreeActors();
  IssueForecast f;
  const std::string none = TrajectoryChart(issue, f, "median");
  EXPECT_NE(none.find("the median model has no rounds"), std::string::npos);
  f.rounds = {Round{0, 60, 50, {10, 60, 90}}, Round{1, 55, 50, {30, 55, 80}}};
  const std::string svg = TrajectoryChart(issue, f, "eu");
  EXPECT_EQ(Count(svg, "<polyline"), 4);
  EXPECT_NE(svg.find("bargaining round"), std::string::npos);
  EXPECT_NE(svg.find(">median</text>"), std::string::npos);
}

TEST(ReportBars, TornadoAndGapDrawOneRowPerBar) {
  const Scale scale{0, 100, "index", {}};
  EXPECT_NE(TornadoChart({}, 50, scale, "t").find("no uncertain input moves this outcome"),
            std::string::npos);
  const std::string tornado =
      TornadoChart({{"A position (0 to 20)", 30, 70}, {"B salience", 45, 50}}, 50, scale, "t");
  EXPECT_EQ(Count(tornado, "class=\"bar-low\""), 3);  // two rows + legend
  EXPECT_NE(tornado.find("A position (0 to 20)"), std::string::npos);
  EXPECT_NE(GapChart({}, "t").find("no alliance has two members"), std::string::npos);
  const std::string gap = GapChart({{"A-B", 0.5, 0.25}}, "t");
  EXPECT_NE(gap.find("0.50 \u2192 0.25"), std::string::npos);
}

}  // namespace
}  // namespace entente::report
