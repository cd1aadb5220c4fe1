// docs/cli.md's command list names every subcommand the CLI defines: the names come from the
// built binary's own --help (CLI11 prints them from the definitions), so a new command without
// its line in the docs fails here.
#include <sys/wait.h>  // WEXITSTATUS

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/core/files.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

std::string ReadText(const std::string& path) {
  return ReadTextFile(path).ValueOrThrow();
}

// The subcommand names in `entente ARGS --help`: the first word of each indented line after
// the "Subcommands:" heading (any case) indented by exactly two spaces (deeper ones continue
// a description), up to the next unindented line.
std::vector<std::string> Subcommands(const std::string& args) {
  const std::string cmd = std::string(ENTENTE_CLI) + " " + args + " --help 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
  if (!pipe) return {};
  std::string help;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe.get()) != nullptr) help += buffer;
  std::vector<std::string> names;
  std::istringstream lines(help);
  bool in_list = false;
  for (std::string line; std::getline(lines, line);) {
    std::string lower = line;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.rfind("subcommands:", 0) == 0) {
      in_list = true;
      continue;
    }
    if (!in_list) continue;
    if (line.empty() || line[0] != ' ') {
      in_list = false;
      continue;
    }
    if (line.size() < 3 || line[1] != ' ' || line[2] == ' ') continue;  // a wrapped description
    std::istringstream words(line);
    std::string name;
    words >> name;
    if (!name.empty()) names.push_back(name);
  }
  return names;
}

// The fenced block at the top of docs/cli.md, one usage line per command.
std::string CommandList() {
  const std::string doc = ReadText(test::SourceDir() + "/docs/cli.md");
  const std::size_t open = doc.find("```\n");
  const std::size_t close = doc.find("```\n", open + 4);
  if (open == std::string::npos || close == std::string::npos) return "";
  return doc.substr(open, close - open);
}

TEST(CliDocs, TheCommandListNamesEverySubcommand) {
  const std::string list = CommandList();
  ASSERT_FALSE(list.empty()) << "docs/cli.md has no ``` command list at its top";
  const std::vector<std::string> commands = Subcommands("");
  ASSERT_GE(commands.size(), 10u) << "could not read the subcommands from entente --help";
  for (const std::string& name : commands) {
    EXPECT_NE(list.find("\nentente " + name + " "), std::string::npos)
        << "docs/cli.md's command list has no line `entente " << name << " ...`; add one";
  }
  // `runs` has its own subcommands, listed on its line.
  const std::vector<std::string> runs = Subcommands("runs");
  ASSERT_FALSE(runs.empty());
  const std::size_t at = list.find("\nentente runs ");
  ASSERT_NE(at, std::string::npos);
  const std::string line = list.substr(at + 1, list.find('\n', at + 1) - at - 1);
  for (const std::string& name : runs) {
    EXPECT_NE(line.find(name + " "), std::string::npos)
        << "docs/cli.md's `entente runs` line lacks `" << name << "`";
  }
}

}  // namespace
}  // namespace entente
