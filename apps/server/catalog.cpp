#include "catalog.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

namespace entente::server {
namespace {

namespace fs = std::filesystem;

bool IsYaml(const fs::path& p) {
  return p.extension() == ".yaml" || p.extension() == ".yml";
}
bool IsBundle(const fs::path& p) {
  return fs::is_directory(p) && fs::exists(p / "actors.csv");
}

}  // namespace

Result<Catalog> Catalog::Build(const std::vector<std::string>& paths) {
  Catalog c;
  Errors errors;
  const auto add = [&](const fs::path& p) {
    const std::string name = p.stem().string();
    const std::string full = fs::absolute(p).lexically_normal().string();
    auto [it, inserted] = c.entries_.emplace(name, full);
    if (!inserted && it->second != full) {
      errors.push_back(
          Error{Location{p.string(), 0, ""},
                fmt::format("two scenarios are called '{}' ({} and {})", name, it->second, full),
                "rename one of them or serve them separately"});
    }
  };
  for (const std::string& given : paths) {
    const fs::path p(given);
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      errors.push_back(Error{Location{given, 0, ""}, "no such file or folder", "check the path"});
    } else if (IsYaml(p) || IsBundle(p)) {
      add(p);
    } else if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        if ((e.is_regular_file() && IsYaml(e.path())) || IsBundle(e.path()))
          found.push_back(e.path());
      }
      std::sort(found.begin(), found.end());
      for (const fs::path& f : found) add(f);
    } else {
      errors.push_back(Error{Location{given, 0, ""},
                             "not a scenario (.yaml, CSV bundle folder or folder of them)",
                             "name a .yaml file or a folder"});
    }
  }
  if (!errors.empty()) return errors;
  return c;
}

const std::string* Catalog::Find(const std::string& name) const {
  const auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace entente::server
