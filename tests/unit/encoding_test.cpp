// The encoding rule (core/encoding) and every reader that applies it. Regression tests for
// issue #16 item 5: a Latin-1 issue name in a CSV bundle, a cp1252 Decide file and invalid
// UTF-8 in YAML passed `validate` and then failed as "internal error ... please report this".
#include "entente/core/encoding.hpp"

#include <unistd.h>  // getpid

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "entente/core/validation.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/decide_reader.hpp"
#include "entente/formats/ktab_csv.hpp"
#include "entente/formats/ktab_xml.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

using namespace std::string_literals;

std::string Utf16(const std::u16string& text, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t c : text) {
    const char hi = static_cast<char>(c >> 8);
    const char lo = static_cast<char>(c & 0xFF);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

std::string FirstError(const Result<std::string>& r) {
  return r ? std::string("(no error)") : r.errors().front().ToString();
}

TEST(Encoding, Utf8PassesUnchangedAndLosesItsByteOrderMark) {
  EXPECT_EQ(DecodeText("S\xC3\xA9"
                       "curit\xC3\xA9 \xF0\x9F\x98\x80",
                       "f")
                .value(),
            "S\xC3\xA9"
            "curit\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(DecodeText("\xEF\xBB\xBFid,name\n", "f").value(), "id,name\n");
  EXPECT_EQ(DecodeText("", "f").value(), "");
}

TEST(Encoding, Utf16WithAByteOrderMarkBecomesUtf8) {
  const std::u16string text = u"a: \u00E9\n\U0001F600 \u20AC";
  const std::string utf8 = "a: \xC3\xA9\n\xF0\x9F\x98\x80 \xE2\x82\xAC";
  EXPECT_EQ(DecodeText(Utf16(text, true), "f").value(), utf8);
  EXPECT_EQ(DecodeText(Utf16(text, false), "f").value(), utf8);
}

TEST(Encoding, BrokenUtf16AndUtf32AreLocatedErrors) {
  EXPECT_EQ(FirstError(DecodeText(Utf16(u"a\nb", true) + "x", "f.yaml")),
            "f.yaml:2: the UTF-16 LE text ends in half a character (an odd number of bytes); "
            "fix: the file is cut short: save it again, as UTF-8");
  EXPECT_NE(FirstError(DecodeText(Utf16(u"a\nb\n\xD800x", false), "f.yaml"))
                .find("f.yaml:3: the UTF-16 BE text has an unpaired surrogate 0xD800"),
            std::string::npos);
  EXPECT_NE(FirstError(DecodeText("\xFF\xFE\0\0a\0\0\0"s, "f")).find("UTF-32"), std::string::npos);
}

TEST(Encoding, Latin1ByteIsLocatedByLineAndByteWithTheFix) {
  const std::string text =
      "issue,name\nsecu,S\xE9"
      "curit\xE9 sociale\n";
  EXPECT_EQ(FirstError(DecodeText(text, "issues.csv")),
            "issues.csv:2: the text is not UTF-8: byte 0xE9 (byte 7 of the line; '\xC3\xA9' in "
            "Windows-1252), and 1 more such byte in the file; fix: save the file as UTF-8 "
            "(Excel: 'CSV UTF-8'; LibreOffice: character set 'Unicode (UTF-8)'; Notepad: "
            "encoding 'UTF-8'), or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8");
}

TEST(Encoding, MalformedUtf8FormsAreRefused) {
  for (const char* bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "\xF5\x80\x80\x80", "\xC3", "\xE2\x82", "\x80"}) {
    EXPECT_EQ(FindInvalidUtf8(std::string("0123456789abcdef") + bad), 16u) << bad;
  }
  EXPECT_EQ(FindInvalidUtf8("\xEF\xBF\xBF\xF4\x8F\xBF\xBF\xC2\x80"), std::string_view::npos);
}

TEST(Encoding, NulByteIsALocatedError) {
  EXPECT_EQ(FirstError(DecodeText("a: 1\nb: x\0y\n"s, "f.yaml")),
            "f.yaml:2: NUL byte (0x00) at byte 5 of the line; scenario text holds none; fix: "
            "remove it; a file saved as UTF-16 without a byte-order mark looks like this: save it "
            "as UTF-8");
}

TEST(Encoding, RepairReadsStrayBytesAsWindows1252) {
  EXPECT_EQ(RepairUtf8("Soci\xE9t\xE9 \x80 \x93x\x94 \x81"),
            "Soci\xC3\xA9t\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D \xC2\x81");
  EXPECT_EQ(RepairUtf8("d\xC3\xA9j\xC3\xA0 \xE9"), "d\xC3\xA9j\xC3\xA0 \xC3\xA9");
  EXPECT_TRUE(IsValidUtf8(RepairUtf8("\xFF\xFE\xC0\xAF\xED\xA0\x80")));
}

// Every reader goes through DecodeText: the same Latin-1 byte is the same located error.
TEST(Encoding, Latin1CsvBundleIsALocatedErrorNotAnInternalOne) {
  const Result<Scenario> r = ReadScenario(test::SourceDir() + "/tests/data/bad/latin1_bundle");
  ASSERT_FALSE(r);
  EXPECT_NE(r.errors().front().ToString().find(
                "latin1_bundle/issues.csv:2: the text is not UTF-8: byte 0xE9"),
            std::string::npos)
      << r.errors().front().ToString();
}

TEST(Encoding, Cp1252DecideFileIsALocatedErrorNotAnInternalOne) {
  const std::string path = test::SourceDir() + "/tests/data/bad/decide_cp1252.csv";
  EXPECT_EQ(DetectFormat(path).value(), ScenarioFormat::kDecide);
  const Result<Scenario> r = ReadScenario(path);
  ASSERT_FALSE(r);
  EXPECT_NE(r.errors().front().ToString().find("decide_cp1252.csv:1: the text is not UTF-8: byte "
                                               "0x96 (byte 17 of the line; '\xE2\x80\x93'"),
            std::string::npos)
      << r.errors().front().ToString();
}

TEST(Encoding, InvalidUtf8InYamlIsALocatedErrorNotAnInternalOne) {
  const Result<Scenario> r = ReadScenario(test::SourceDir() + "/tests/data/bad/latin1.yaml");
  ASSERT_FALSE(r);
  EXPECT_NE(r.errors().front().ToString().find("latin1.yaml:8: the text is not UTF-8"),
            std::string::npos)
      << r.errors().front().ToString();
}

TEST(Encoding, Utf16AndBomFilesReadLikeUtf8) {
  const std::string dir = test::SourceDir() + "/tests/data/encoding/";
  const Scenario a = LoadScenario(dir + "utf16le.yaml").ValueOrThrow();
  const Scenario b = LoadScenario(dir + "utf8_bom.yaml").ValueOrThrow();
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.issues[0].name,
            "S\xC3\xA9"
            "curit\xC3\xA9 sociale");
}

template <class T>
std::string FirstProblem(const Result<T>& r) {
  return r ? std::string("(no error)") : r.errors().front().ToString();
}

TEST(Encoding, EveryStringReaderAppliesTheRule) {
  const std::string latin1 = "S\xE9";
  const std::string ktab =
      "n,d,1,1\nActor,Description,Power,Pstn1,Sal1\n" + latin1 + ",x,1,50,50\n";
  EXPECT_EQ(FirstProblem(ParseYamlScenario("title: " + latin1 + "\n", "y"))
                .find("y:1: the text "
                      "is not UTF-8"),
            0u);
  EXPECT_EQ(FirstProblem(ParseDecide("#A\tx\t" + latin1 + "\n", "d")).find("d:1: the text is not"),
            0u);
  EXPECT_EQ(FirstProblem(ParseKtabCsv(ktab, "k.csv")).find("k.csv:3: the text is not UTF-8"), 0u);
  EXPECT_EQ(FirstProblem(ParseCsvBundle({{"actors.csv", "actor,name\nA," + latin1 + "\n"}}, "b"))
                .find("b/actors.csv:2: the text is not UTF-8"),
            0u);
  EXPECT_EQ(FirstProblem(ParseKtabXml("<Scenario><name>" + latin1 + "</name></Scenario>", "k.xml"))
                .find("k.xml:1: the text is not UTF-8"),
            0u);
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// XML may declare its encoding (XML 1.0, 4.3.3): a file that declares ISO-8859-1 is no guess,
// and expat reads it. Without a declaration the common rule applies; UTF-16 is converted
// whatever its declaration says.
TEST(Encoding, KtabXmlFollowsItsEncodingDeclaration) {
  std::string xml = ReadBytes(test::SourceDir() + "/tests/data/ktab/three_actors.xml");
  const Scenario original = ParseKtabXml(xml, "k.xml").ValueOrThrow().scenario;
  const std::size_t name = xml.find("Three actors");
  ASSERT_NE(name, std::string::npos);
  std::string latin1 = xml;
  latin1.replace(name, 5, "Tr\xE8s");
  const std::size_t decl = latin1.find("UTF-8");
  EXPECT_EQ(FirstProblem(ParseKtabXml(latin1, "k.xml")).find("k.xml:4: the text is not UTF-8"), 0u);
  latin1.replace(decl, 5, "ISO-8859-1");
  EXPECT_EQ(ParseKtabXml(latin1, "k.xml").ValueOrThrow().scenario.meta.title, "Tr\xC3\xA8s actors");
  std::u16string wide;
  for (char c : xml) wide += static_cast<char16_t>(static_cast<unsigned char>(c));
  EXPECT_EQ(ParseKtabXml(Utf16(wide, true), "k.xml").ValueOrThrow().scenario, original);
}

// A program (Python bytes, an API) can build text no reader would accept; validation says so
// instead of JSON output failing later.
TEST(Encoding, ValidationRefusesTextThatIsNotUtf8) {
  Scenario s = test::OneIssue({10, 90}, {1, 1}, {1, 1});
  s.actors[0].name = "S\xE9";
  s.issues[0].stances[1].note = "a\0b"s;
  const std::string problems = FormatErrors(Validate(s));
  EXPECT_NE(problems.find("name is not UTF-8 text: byte 0xE9 at byte 2 (field 'name')"),
            std::string::npos)
      << problems;
  EXPECT_NE(problems.find("note holds a NUL character at byte 2"), std::string::npos) << problems;
}

}  // namespace
}  // namespace entente
