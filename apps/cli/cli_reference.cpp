// `entente cli-reference`: every command and option as Markdown, read from the CLI11
// definitions themselves, so docs/cli.md's reference cannot drift from the binary
// (tests/cli_reference.cmake compares the two).
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace entente::cli {
namespace {

std::string Cell(std::string text) {
  std::string out;
  for (const char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string OptionRow(const CLI::Option& opt) {
  const bool positional = opt.get_lnames().empty() && opt.get_snames().empty();
  std::string name = positional ? opt.get_name(true) : opt.get_name(false, true);
  std::string names;
  for (size_t at = 0; at < name.size();) {
    const size_t comma = name.find(',', at);
    const std::string one = name.substr(at, comma == std::string::npos ? comma : comma - at);
    names += (names.empty() ? "" : ", ") + fmt::format("`{}`", one);
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  std::string value = opt.get_type_name().empty() ? "flag" : opt.get_type_name();
  if (opt.get_expected_max() > 1) value += " ...";
  std::string notes;
  if (opt.get_required()) notes = "required";
  if (positional) notes += notes.empty() ? "positional" : ", positional";
  return fmt::format("| {} | {} | {} | {} | {} |\n", names, Cell(value),
                     Cell(opt.get_default_str()), Cell(notes), Cell(opt.get_description()));
}

void Describe(const CLI::App& cmd, const std::string& path, std::string& out) {
  out += fmt::format("### `{}`\n\n{}\n\n", path, cmd.get_description());
  const std::vector<const CLI::Option*> options =
      cmd.get_options([](const CLI::Option* o) { return o->get_name() != "--help"; });
  if (!options.empty()) {
    out += "| option | value | default | | meaning |\n|---|---|---|---|---|\n";
    for (const CLI::Option* opt : options) out += OptionRow(*opt);
    out += '\n';
  }
  for (const CLI::App* sub :
       cmd.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    Describe(*sub, path + " " + sub->get_name(), out);
}

}  // namespace

void AddCliReferenceCommand(CLI::App& app) {
  // An empty group hides the command from --help: it serves the docs, not the analyst.
  CLI::App* cmd = app.add_subcommand("cli-reference", "print every command and option as Markdown");
  cmd->group("");
  cmd->callback([&app]() {
    std::string out;
    for (const CLI::App* sub :
         app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
      Describe(*sub, "entente " + sub->get_name(), out);
    Emit(out, "");
  });
}

}  // namespace entente::cli
