#pragma once
/// \file
/// The scenarios a server offers: files and folders named on the command line, resolved once
/// at start. Requests name a scenario; no path from a request ever reaches the file system.

#include <map>
#include <string>
#include <vector>

#include "entente/core/result.hpp"

namespace entente::server {

/// Scenario name (file stem) -> path, sorted by name.
class Catalog {
 public:
  /// Resolves `paths`: a YAML file or CSV bundle is one scenario; any other folder offers its
  /// `*.yaml`/`*.yml` files and CSV bundle subfolders. A located error for a missing path or
  /// two scenarios with the same name.
  [[nodiscard]] static Result<Catalog> Build(const std::vector<std::string>& paths);

  /// The path of `name`, or nullptr when the server offers no such scenario.
  [[nodiscard]] const std::string* Find(const std::string& name) const;
  /// Every entry, by name.
  [[nodiscard]] const std::map<std::string, std::string>& entries() const { return entries_; }

 private:
  std::map<std::string, std::string> entries_;
};

}  // namespace entente::server
