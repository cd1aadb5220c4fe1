// The YAML scenario file: its text as a tree (lines kept), read by the one scenario reader.
#include "entente/formats/scenario_tree.hpp"
#include "entente/formats/yaml_scenario.hpp"

namespace entente {

Result<ScenarioDocument> ParseYamlDocument(std::string_view bytes, const std::string& file) {
  Result<TreeNode> tree = TreeFromYaml(bytes, file);
  if (!tree) return tree.errors();
  return ReadScenarioDocumentTree(tree.value(), file);
}

Result<Scenario> ParseYamlScenario(std::string_view bytes, const std::string& file) {
  Result<ScenarioDocument> doc = ParseYamlDocument(bytes, file);
  if (!doc) return doc.errors();
  return std::move(doc).value().scenario;
}

}  // namespace entente
