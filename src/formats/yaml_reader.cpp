// The YAML scenario file: its text as a tree (lines kept), read by the one scenario reader.
#include "entente/formats/scenario_tree.hpp"
#include "entente/formats/yaml_scenario.hpp"

namespace entente {

Result<Scenario> ParseYamlScenario(std::string_view text, const std::string& file) {
  Result<TreeNode> tree = TreeFromYaml(text, file);
  if (!tree) return tree.errors();
  return ReadScenarioTree(tree.value(), file);
}

}  // namespace entente
