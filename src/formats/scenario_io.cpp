#include "entente/formats/scenario_io.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "entente/core/validation.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/decide_reader.hpp"
#include "entente/core/files.hpp"
#include "entente/formats/ktab_csv.hpp"
#include "entente/formats/ktab_xml.hpp"
#include "entente/formats/yaml_scenario.hpp"

namespace entente {
namespace fs = std::filesystem;

Result<ScenarioFormat> DetectFormat(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return ScenarioFormat::kCsvBundle;
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".yaml" || ext == ".yml") return ScenarioFormat::kYaml;
  if (fs::is_regular_file(path, ec)) {
    Result<std::string> text = ReadTextFile(path);
    if (text && LooksLikeDecide(text.value())) return ScenarioFormat::kDecide;
  }
  if (ext.empty()) return ScenarioFormat::kCsvBundle;
  if (ext == ".csv") return ScenarioFormat::kKtabCsv;
  if (ext == ".xml") return ScenarioFormat::kKtabXml;
  return Error{Location{path}, fmt::format("cannot tell the scenario format from '{}'", ext),
               "give a .yaml file, a CSV bundle folder (actors.csv, issues.csv, stances.csv), "
               "a Decide file (lines starting #A, #P, #M, #D) or a KTAB scenario (.csv, .xml)"};
}

Result<Scenario> ReadScenario(const std::string& path) {
  Result<ScenarioFormat> format = DetectFormat(path);
  if (!format) return format.errors();
  if (format.value() == ScenarioFormat::kYaml) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    return ParseYamlScenario(text.value(), path);
  }
  if (format.value() == ScenarioFormat::kDecide) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    return ParseDecide(text.value(), path);
  }
  if (format.value() == ScenarioFormat::kKtabCsv) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    return ParseKtabCsv(text.value(), path);
  }
  if (format.value() == ScenarioFormat::kKtabXml) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    Result<KtabXmlScenario> xml = ParseKtabXml(text.value(), path);
    if (!xml) return xml.errors();
    return std::move(xml).value().scenario;  // carries <ModelParameters> as model_options
  }
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    return Error{Location{path}, "no such scenario folder or file",
                 "give a .yaml file or a CSV bundle folder"};
  }
  FileSet files;
  Errors errors;
  for (const char* name :
       {"scenario.csv", "actors.csv", "issues.csv", "stances.csv", "alliances.csv", "moves.csv"}) {
    const fs::path file = fs::path(path) / name;
    if (!fs::exists(file, ec)) continue;
    Result<std::string> text = ReadTextFile(file.string());
    if (text)
      files[name] = std::move(text).value();
    else
      errors.insert(errors.end(), text.errors().begin(), text.errors().end());
  }
  if (!errors.empty()) return errors;
  std::string label = path;  // "bundle/" and "bundle" name files the same way in messages
  while (label.size() > 1 && label.back() == '/') label.pop_back();
  return ParseCsvBundle(files, label);
}

Result<Scenario> LoadScenario(const std::string& path) {
  Result<Scenario> read = ReadScenario(path);
  if (!read) return read;
  return Validated(std::move(read).value());
}

Result<Unit> WriteScenario(const Scenario& scenario, const std::string& path, bool overwrite) {
  Result<ScenarioFormat> format = DetectFormat(path);
  if (!format) return format.errors();
  if (format.value() == ScenarioFormat::kKtabCsv || format.value() == ScenarioFormat::kKtabXml) {
    return Error{Location{path}, "Entente reads KTAB scenarios but does not write them",
                 "write a .yaml file or a CSV bundle folder instead"};
  }
  if (format.value() == ScenarioFormat::kYaml) {
    std::error_code ec;
    if (!overwrite && fs::exists(path, ec)) {
      return Error{Location{path}, "file already exists", "pass --force to replace it"};
    }
    return WriteFileAtomic(path, WriteYamlScenario(scenario));
  }
  if (format.value() == ScenarioFormat::kDecide) {
    return Error{Location{path}, "Entente reads Decide files but does not write them",
                 "write a .yaml file or a CSV bundle folder instead"};
  }
  Result<FileSet> files = WriteCsvBundle(scenario);
  if (!files) return files.errors();
  return WriteFolderAtomic(path, files.value(), overwrite);
}

}  // namespace entente
