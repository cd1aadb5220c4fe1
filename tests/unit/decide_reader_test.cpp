// Decide '#A/#P/#M/#D' reader: quoting, separators, bounds, located errors, sniffing.
#include <gtest/gtest.h>

#include "entente/formats/decide_reader.hpp"

namespace entente {
namespace {

TEST(DecideReader, ReadsQuotedTabSeparatedInput) {
  const std::string text =
      "'#A'\t'USA'\t'United States'\t''\n'#A'\t'China'\t'China'\t''\n"
      "'#P'\t'eaa'\t'eaa'\t'early action'\n'#M'\t'eaa'\t0.5\n'#M'\t'eaa'\t7\n"
      "'#D'\t'USA'\t'eaa'\t3.0\t0.4\t1.0\n'#D'\t'China'\t'eaa'\t7\t1\t0.5\n";
  Result<Scenario> r = ParseDecide(text, "x.csv");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  const Scenario& s = r.value();
  ASSERT_EQ(s.actors.size(), 2u);
  EXPECT_EQ(s.actors[0].name, "United States");
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].description, "early action");
  EXPECT_DOUBLE_EQ(s.issues[0].scale.min, 0.5);
  EXPECT_DOUBLE_EQ(s.issues[0].scale.max, 7);
  ASSERT_EQ(s.issues[0].stances.size(), 2u);
  EXPECT_DOUBLE_EQ(s.issues[0].stances[1].capability, 0.5);
  EXPECT_EQ(s.issues[0].stances[1].origin.line, 7);
}

TEST(DecideReader, UnquotedInputWithCommentsAndNoBoundsUsesZeroToHundred) {
  const std::string text = "#O;Talks\n#/;comment\n#A;a\n#P;p;Issue p\n#D;a;p;10;0.5;1\n";
  Result<Scenario> r = ParseDecide(text, "x.csv");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  EXPECT_EQ(r.value().meta.title, "Talks");
  EXPECT_DOUBLE_EQ(r.value().issues[0].scale.max, 100);
}

TEST(DecideReader, EveryProblemIsLocated) {
  const std::string text =
      "#A\ta\n#P\tp\n#D\tb\tp\t10\t0.5\t1\n#D\ta\tp\tten\t0.5\t1\n#X\tz\n#D\ta\tp\n";
  Result<Scenario> r = ParseDecide(text, "bad.csv");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 4u);
  EXPECT_EQ(r.errors()[0].ToString(),
            "bad.csv:3: unknown actor 'b' (field 'actor'); fix: define it with an #A line first");
  EXPECT_EQ(r.errors()[1].where.line, 4);
  EXPECT_EQ(r.errors()[1].where.field, "position");
  EXPECT_EQ(r.errors()[2].where.line, 5);
  EXPECT_EQ(r.errors()[3].where.line, 6);
}

TEST(DecideReader, SniffsTheContent) {
  EXPECT_TRUE(LooksLikeDecide("'#A'\t'x'"));
  EXPECT_TRUE(LooksLikeDecide("\n#O\tCopenhagen"));
  EXPECT_FALSE(LooksLikeDecide("id,name\nUS,United States\n"));
  EXPECT_FALSE(LooksLikeDecide("# a YAML comment\ntitle: x\n"));
}

}  // namespace
}  // namespace entente
