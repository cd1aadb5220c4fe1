#include "entente/formats/training_files.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "entente/core/files.hpp"
#include "entente/core/sha256.hpp"
#include "entente/formats/scenario_io.hpp"

namespace entente {

Result<CalibratePart> ReadTrainingFiles(const std::vector<std::string>& paths) {
  CalibratePart part;
  for (const std::string& p : paths) {
    if (std::filesystem::is_directory(p)) {
      return Error{Location{p}, "calibrate reads single files (DEU table, YAML), not a folder",
                   fmt::format("convert a CSV bundle with `entente convert {} FILE.yaml`", p)};
    }
    Result<std::string> bytes = ReadTextFile(p);
    if (!bytes) return bytes.errors();
    Result<ScenarioDocument> doc = LoadDocument(p);
    if (!doc) return doc.errors();
    part.paths.push_back(std::filesystem::path(p).filename().string());
    part.sha256.push_back(Sha256Hex(bytes.value()));
    part.documents.push_back(std::move(doc).value());
  }
  return part;
}

}  // namespace entente
