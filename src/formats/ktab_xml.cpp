// KTAB XML scenarios, parsed with expat into a small element tree that keeps line numbers.
#include "entente/formats/ktab_xml.hpp"

#include <expat.h>  // XML_Parser

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "entente/core/encoding.hpp"
#include "entente/core/text.hpp"

namespace entente {
namespace {

struct Node {
  std::string name;
  std::string text;
  int line = 0;
  std::vector<std::unique_ptr<Node>> children;

  [[nodiscard]] const Node* Child(std::string_view n) const {
    for (const auto& c : children) {
      if (c->name == n) return c.get();
    }
    return nullptr;
  }
  [[nodiscard]] std::vector<const Node*> All(std::string_view n) const {
    std::vector<const Node*> out;
    for (const auto& c : children) {
      if (c->name == n) out.push_back(c.get());
    }
    return out;
  }
};

// KTAB scenarios nest five elements deep (Scenario > Actors > Actor > ... ); the tree's
// destructor recurses once per level, so a hostile file ~200,000 levels deep overflowed the
// stack. Parsing stops, with a located error, past this depth.
constexpr std::size_t kMaxDepth = 64;

struct Builder {
  XML_Parser parser = nullptr;
  Node root;
  std::vector<Node*> stack{&root};
  int too_deep_line = 0;  ///< where the depth limit was hit (0: not hit)
};

void XMLCALL Start(void* data, const XML_Char* name, const XML_Char** /*attrs*/) {
  auto* b = static_cast<Builder*>(data);
  if (b->stack.size() > kMaxDepth) {
    b->too_deep_line = static_cast<int>(XML_GetCurrentLineNumber(b->parser));
    XML_StopParser(b->parser, XML_FALSE);
    return;
  }
  auto node = std::make_unique<Node>();
  node->name = name;
  node->line = static_cast<int>(XML_GetCurrentLineNumber(b->parser));
  Node* raw = node.get();
  b->stack.back()->children.push_back(std::move(node));
  b->stack.push_back(raw);
}

void XMLCALL End(void* data, const XML_Char* /*name*/) {
  auto* b = static_cast<Builder*>(data);
  if (b->too_deep_line > 0) return;  // expat may still close the element it refused
  b->stack.pop_back();
}

void XMLCALL Text(void* data, const XML_Char* s, int len) {
  static_cast<Builder*>(data)->stack.back()->text.append(s, static_cast<std::size_t>(len));
}

// KTAB parameter name -> (ktab-smp option, KTAB value -> option value).
const std::map<std::string, std::pair<std::string, std::map<std::string, std::string>>>&
Parameters() {
  static const std::map<std::string, std::pair<std::string, std::map<std::string, std::string>>>
      kParameters = {
          {"VictoryProbModel",
           {"victory",
            {{"Linear", "linear"},
             {"Square", "square"},
             {"Quartic", "quartic"},
             {"Octic", "octic"},
             {"Binary", "binary"}}}},
          {"PCEModel",
           {"pce",
            {{"ConditionalPCM", "conditional"},
             {"Conditional", "conditional"},
             {"MarkovIPCM", "markov-incentive"},
             {"MarkovIncentive", "markov-incentive"},
             {"MarkovUPCM", "markov-uniform"},
             {"MarkovUniform", "markov-uniform"}}}},
          {"StateTransitions",
           {"transition",
            {{"DeterministicSTM", "deterministic"},
             {"Deterministic", "deterministic"},
             {"StochasticSTM", "stochastic"},
             {"Stochastic", "stochastic"}}}},
          {"VotingRule",
           {"voting",
            {{"Binary", "binary"},
             {"PropBin", "prop-bin"},
             {"Prop", "prop"},
             {"PropCbc", "prop-cbc"},
             {"Cubic", "cubic"},
             {"ASymProsp", "asym-prosp"}}}},
          {"BigRAdjust",
           {"risk_adjust",
            {{"NoRA", "none"},
             {"None", "none"},
             {"HalfRA", "half"},
             {"Half", "half"},
             {"OneThirdRA", "one-third"},
             {"OneThird", "one-third"},
             {"TwoThirdsRA", "two-thirds"},
             {"TwoThirds", "two-thirds"},
             {"FullRA", "full"},
             {"Full", "full"}}}},
          {"BigRRange", {"risk_range", {{"Min", "min"}, {"Mid", "mid"}, {"Max", "max"}}}},
          {"ThirdPartyCommit",
           {"third_party",
            {{"NoCommit", "no-commit"},
             {"SemiCommit", "semi-commit"},
             {"FullCommit", "full-commit"}}}},
          {"InterVecBrgn", {"interp", {{"S1P1", "s1p1"}, {"S2P2", "s2p2"}, {"S2PMax", "s2pmax"}}}},
          {"BargnModel",
           {"bargain",
            {{"InitOnlyInterp", "initiator"},
             {"InitRcvrInterp", "compromise"},
             {"PWCompInterp", "compromise"}}}},
      };
  return kParameters;
}

// True when the XML declaration names an encoding other than UTF-8 or UTF-16 (e.g.
// ISO-8859-1). XML 1.0 section 4.3.3 lets a document say its encoding, so reading it is no
// guess: expat converts it. Everything else follows the common rule of DecodeText.
bool DeclaresOtherEncoding(std::string_view text) {
  if (!text.starts_with("<?xml")) return false;
  const std::string_view decl = text.substr(0, text.find("?>"));
  const std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return false;
  const std::size_t open = decl.find_first_of("\"'", at);
  if (open == std::string_view::npos) return false;
  const std::size_t close = decl.find(decl[open], open + 1);
  std::string name(decl.substr(open + 1, close == std::string_view::npos ? 0 : close - open - 1));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name != "utf-8" && name != "utf8" && name != "utf-16" && name != "utf16";
}

}  // namespace

Result<KtabXmlScenario> ParseKtabXml(std::string_view bytes, const std::string& file) {
  const bool declared = DeclaresOtherEncoding(bytes);
  std::string decoded;
  if (!declared) {
    Result<std::string> d = DecodeText(bytes, file);
    if (!d) return d.errors();
    decoded = std::move(d).value();
  }
  const std::string_view text = declared ? bytes : std::string_view(decoded);
  Builder b;
  // Decoded text is UTF-8 whatever its declaration says (a converted UTF-16 file still says
  // UTF-16), so expat is told so; a document declaring another encoding is left to expat.
  b.parser = XML_ParserCreate(declared ? nullptr : "UTF-8");
  XML_SetUserData(b.parser, &b);
  XML_SetElementHandler(b.parser, Start, End);
  XML_SetCharacterDataHandler(b.parser, Text);
  const bool ok =
      XML_Parse(b.parser, text.data(), static_cast<int>(text.size()), 1) != XML_STATUS_ERROR;
  const int error_line = static_cast<int>(XML_GetCurrentLineNumber(b.parser));
  const std::string error_text = ok ? "" : XML_ErrorString(XML_GetErrorCode(b.parser));
  XML_ParserFree(b.parser);
  if (b.too_deep_line > 0) {
    return Error{Location{file, b.too_deep_line},
                 fmt::format("elements nest more than {} levels deep", kMaxDepth),
                 "a KTAB scenario needs about five levels (Scenario > Actors > Actor > ...); "
                 "check that every element is closed where it should be"};
  }
  if (!ok) {
    return Error{Location{file, error_line}, "XML syntax error: " + error_text,
                 "fix the XML (every element closed, one root element)"};
  }
  const Node* root = b.root.Child("Scenario");
  if (root == nullptr) {
    return Error{Location{file, 1}, "no <Scenario> root element",
                 "a KTAB XML scenario starts with <Scenario>"};
  }
  Errors errors;
  auto at = [&](const Node* n, std::string_view field) {
    return Location{file, n->line, std::string(field)};
  };
  auto required = [&](const Node* parent, std::string_view name) -> const Node* {
    const Node* n = parent->Child(name);
    if (n == nullptr) {
      errors.push_back({at(parent, parent->name),
                        fmt::format("<{}> has no <{}>", parent->name, name),
                        fmt::format("add <{}> inside <{}>", name, parent->name)});
    }
    return n;
  };
  auto number = [&](const Node* n, double lo, double hi) -> double {
    const std::optional<double> v = ParseNumber(n->text);
    if (!v || *v < lo || *v > hi) {
      errors.push_back({at(n, n->name),
                        hi > 1e299 ? fmt::format("<{}> '{}' is not a number >= {}", n->name,
                                                 std::string(Trim(n->text)), lo)
                                   : fmt::format("<{}> '{}' is not a number in [{}, {}]", n->name,
                                                 std::string(Trim(n->text)), lo, hi),
                        "KTAB coordinates and saliences are on 0-100; capability is >= 0"});
      return 0;
    }
    return *v;
  };

  KtabXmlScenario out;
  Scenario& s = out.scenario;
  if (const Node* n = root->Child("name")) s.meta.title = std::string(Trim(n->text));
  if (const Node* n = root->Child("desc")) s.meta.description = std::string(Trim(n->text));
  s.meta.sources.push_back("KTAB XML scenario " + file);
  if (const Node* n = root->Child("prngSeed")) {
    const std::string seed(Trim(n->text));
    try {
      out.seed = seed.empty() ? 0 : std::stoull(seed);
    } catch (const std::exception&) {
      errors.push_back({at(n, "prngSeed"), fmt::format("seed '{}' is not a whole number", seed),
                        "give a decimal integer below 2^64"});
    }
  }
  if (const Node* params = root->Child("ModelParameters")) {
    for (const auto& p : params->children) {
      const auto known = Parameters().find(p->name);
      if (known == Parameters().end()) {
        errors.push_back({at(p.get(), p->name),
                          fmt::format("unknown model parameter <{}>", p->name),
                          "remove it, or use one of VictoryProbModel, PCEModel, StateTransitions, "
                          "VotingRule, BigRAdjust, BigRRange, ThirdPartyCommit, InterVecBrgn, "
                          "BargnModel"});
        continue;
      }
      const std::string value(Trim(p->text));
      const auto mapped = known->second.second.find(value);
      if (mapped == known->second.second.end()) {
        std::string allowed;
        for (const auto& [k, v] : known->second.second)
          allowed += (allowed.empty() ? "" : ", ") + k;
        errors.push_back({at(p.get(), p->name),
                          fmt::format("<{}> '{}' is not known", p->name, value),
                          "use one of " + allowed});
        continue;
      }
      out.options.Set(known->second.first, mapped->second);
    }
  }
  const Node* dims = required(root, "Dimensions");
  const Node* actors = required(root, "Actors");
  if (dims == nullptr || actors == nullptr) return errors;
  for (const Node* d : dims->All("dName")) {
    Issue issue;
    issue.name = std::string(Trim(d->text));
    issue.id = issue.name.empty() ? fmt::format("dim{}", s.issues.size() + 1) : issue.name;
    issue.scale = Scale{0, 100, "KTAB position", {}};
    issue.origin = at(d, "dName");
    s.issues.push_back(std::move(issue));
  }
  if (s.issues.empty()) {
    errors.push_back(
        {at(dims, "Dimensions"), "no <dName> dimensions", "list at least one <dName>"});
    return errors;
  }
  const std::size_t nd = s.issues.size();
  for (const Node* a : actors->All("Actor")) {
    Actor actor;
    if (const Node* n = required(a, "name")) actor.id = actor.name = std::string(Trim(n->text));
    if (const Node* n = a->Child("description")) actor.description = std::string(Trim(n->text));
    actor.origin = at(a, "Actor");
    const Node* cap = required(a, "capability");
    const Node* pos = required(a, "Position");
    const Node* sal = required(a, "Salience");
    if (cap == nullptr || pos == nullptr || sal == nullptr) continue;
    const double c = number(cap, 0, 1e300);
    const std::vector<const Node*> xs = pos->All("dCoord");
    const std::vector<const Node*> ss = sal->All("dSal");
    if (xs.size() != nd || ss.size() != nd) {
      errors.push_back({at(a, actor.id),
                        fmt::format("actor '{}' has {} dCoord and {} dSal for {} "
                                    "dimensions",
                                    actor.id, xs.size(), ss.size(), nd),
                        "give one <dCoord> and one <dSal> per <dName>"});
      continue;
    }
    double total = 0;
    for (std::size_t k = 0; k < nd; ++k) {
      Stance st;
      st.actor = actor.id;
      st.position = number(xs[k], 0, 100);
      st.salience = number(ss[k], 0, 100) / 100.0;
      st.capability = c;
      st.origin = at(xs[k], "dCoord");
      total += st.salience;
      s.issues[k].stances.push_back(std::move(st));
    }
    if (total > 1 + 1e-9) {
      errors.push_back({at(sal, "Salience"),
                        fmt::format("actor '{}' saliences sum to {:.2f}, more "
                                    "than 100",
                                    actor.id, 100 * total),
                        "KTAB needs each actor's saliences to add up to at most 100"});
    }
    s.actors.push_back(std::move(actor));
  }
  if (const Node* ia = root->Child("IdealAdjustment")) {
    const std::size_t n = s.actors.size();
    out.affinity.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) out.affinity[i * n + i] = 1.0;
    auto index = [&](const Node* node) -> std::ptrdiff_t {
      const std::string id(Trim(node->text));
      for (std::size_t i = 0; i < n; ++i) {
        if (s.actors[i].id == id) return static_cast<std::ptrdiff_t>(i);
      }
      errors.push_back({at(node, node->name), fmt::format("unknown actor '{}'", id),
                        "name an actor listed under <Actors>"});
      return -1;
    };
    std::string pairs;
    for (const Node* pair : ia->All("iaPair")) {
      const Node* who = required(pair, "adjustingIdeal");
      const Node* ref = required(pair, "referencePos");
      const Node* adj = required(pair, "adjust");
      if (who == nullptr || ref == nullptr || adj == nullptr) continue;
      const std::ptrdiff_t i = index(who), j = index(ref);
      const double v = number(adj, 0, 1);
      if (i >= 0 && j >= 0) {
        const auto si = static_cast<std::size_t>(i), sj = static_cast<std::size_t>(j);
        out.affinity[si * n + sj] = v;
        pairs += fmt::format("{}{}:{}={}", pairs.empty() ? "" : ";", s.actors[si].id,
                             s.actors[sj].id, FormatNumber(v));
      }
    }
    if (!pairs.empty()) out.options.Set("ideal_adjustment", pairs);
  }
  if (!errors.empty()) return errors;
  // The scenario carries them, so every front end runs ktab-smp as the file says.
  for (const auto& [key, value] : out.options.values())
    out.scenario.model_options["ktab-smp"][key] = value;
  return out;
}

}  // namespace entente
