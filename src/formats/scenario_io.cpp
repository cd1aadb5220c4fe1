#include "entente/formats/scenario_io.hpp"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "entente/core/files.hpp"
#include "entente/core/validation.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/decide_reader.hpp"
#include "entente/formats/ktab_csv.hpp"
#include "entente/formats/ktab_xml.hpp"
#include "entente/formats/one_table_csv.hpp"
#include "entente/formats/xlsx_scenario.hpp"
#include "entente/formats/yaml_scenario.hpp"

namespace entente {
namespace fs = std::filesystem;

Result<ScenarioFormat> DetectFormat(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return ScenarioFormat::kCsvBundle;
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".yaml" || ext == ".yml") return ScenarioFormat::kYaml;
  if (ext == ".xlsx" || ext == ".XLSX") return ScenarioFormat::kXlsx;
  if (ext == ".xls" || ext == ".ods" || ext == ".xlsm" || ext == ".numbers") {
    return Error{Location{path},
                 fmt::format("{} spreadsheets are not read or written, only .xlsx workbooks", ext),
                 "save the workbook as .xlsx (Excel Workbook) and give that file name"};
  }
  if (fs::is_regular_file(path, ec)) {
    Result<std::string> text = ReadTextFile(path);
    if (text && LooksLikeDecide(text.value())) return ScenarioFormat::kDecide;
    if (text && LooksLikeDeu(text.value())) return ScenarioFormat::kDeu;
    if (text && LooksLikeOneTable(text.value())) return ScenarioFormat::kOneTableCsv;
  }
  if (ext.empty()) return ScenarioFormat::kCsvBundle;
  if (ext == ".csv") return ScenarioFormat::kKtabCsv;
  if (ext == ".xml") return ScenarioFormat::kKtabXml;
  return Error{Location{path}, fmt::format("cannot tell the scenario format from '{}'", ext),
               "give a .yaml file, a CSV bundle folder (actors.csv, issues.csv, stances.csv), a "
               "workbook (.xlsx with sheets actors, issues, stances), "
               "a one-table CSV (Actor,Capability,Position,Salience), a Decide file (lines "
               "starting #A, #P, #M, #D), a KTAB scenario (.csv, .xml) or a "
               "DEU table (.tsv with isnr, p<code> and s<code> columns)"};
}

Result<Unit> SetReaderOption(ReaderOptions& options, std::string_view key_value) {
  const std::size_t eq = key_value.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    return Error{Location{}, fmt::format("reader option '{}' is not KEY=VALUE", key_value),
                 "write e.g. com_ep_capability=mean"};
  }
  return SetDeuOption(options.deu, key_value.substr(0, eq), key_value.substr(eq + 1));
}

Result<Scenario> ReadScenario(const std::string& path) {
  Result<ScenarioDocument> doc = ReadDocument(path);
  if (!doc) return doc.errors();
  return std::move(doc).value().scenario;
}

Result<ScenarioDocument> ReadDocument(const std::string& path, const ReaderOptions& options) {
  Result<ScenarioFormat> format = DetectFormat(path);
  if (!format) return format.errors();
  const auto wrap = [](Result<Scenario> s) -> Result<ScenarioDocument> {
    if (!s) return s.errors();
    ScenarioDocument doc;
    doc.scenario = std::move(s).value();
    return doc;
  };
  if (format.value() == ScenarioFormat::kYaml) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    return ParseYamlDocument(text.value(), path);
  }
  if (format.value() == ScenarioFormat::kXlsx) {
    Result<std::string> bytes = ReadTextFile(path);
    if (!bytes) return bytes.errors();
    return ParseXlsxDocument(bytes.value(), path);
  }
  if (format.value() == ScenarioFormat::kDeu) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    return ParseDeu(text.value(), path, options.deu);
  }
  if (format.value() == ScenarioFormat::kDecide) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    return wrap(ParseDecide(text.value(), path));
  }
  if (format.value() == ScenarioFormat::kOneTableCsv) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    return ParseOneTableCsv(text.value(), path);
  }
  if (format.value() == ScenarioFormat::kKtabCsv) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    return wrap(ParseKtabCsv(text.value(), path));
  }
  if (format.value() == ScenarioFormat::kKtabXml) {
    Result<std::string> text = ReadTextFile(path);
    if (!text) return text.errors();
    Result<KtabXmlScenario> xml = ParseKtabXml(text.value(), path);
    if (!xml) return xml.errors();
    return wrap(std::move(xml).value().scenario);
  }
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    return Error{Location{path}, "no such scenario folder or file",
                 "give a .yaml file or a CSV bundle folder"};
  }
  FileSet files;
  Errors errors;
  for (const std::string& name : BundleFileNames()) {
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
  return ParseCsvBundleDocument(files, label);
}

Result<Scenario> LoadScenario(const std::string& path) {
  Result<ScenarioDocument> doc = LoadDocument(path);
  if (!doc) return doc.errors();
  return std::move(doc).value().scenario;
}

Result<ScenarioDocument> LoadDocument(const std::string& path, const ReaderOptions& options) {
  Result<ScenarioDocument> read = ReadDocument(path, options);
  if (!read) return read;
  Errors errors = Validate(read.value().scenario);
  const Errors outcome_errors = ValidateOutcomes(read.value().scenario, read.value().outcomes);
  errors.insert(errors.end(), outcome_errors.begin(), outcome_errors.end());
  if (!errors.empty()) return errors;
  return read;
}

Result<std::vector<Outcome>> ReadOutcomesFile(const std::string& path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text) return text.errors();
  return ParseOutcomesCsv(text.value(), path);
}

Result<Unit> WriteScenario(const Scenario& scenario, const std::string& path, bool overwrite) {
  ScenarioDocument doc;
  doc.scenario = scenario;
  return WriteDocument(doc, path, overwrite);
}

Result<Unit> WriteDocument(const ScenarioDocument& document, const std::string& path,
                           bool overwrite) {
  Result<ScenarioFormat> format = DetectFormat(path);
  if (!format) return format.errors();
  if (format.value() == ScenarioFormat::kDeu) {
    return Error{Location{path}, "Entente reads DEU tables but does not write them",
                 "write a .yaml file or a CSV bundle folder instead"};
  }
  if (format.value() == ScenarioFormat::kOneTableCsv) {
    return Error{Location{path}, "Entente reads one-table CSVs but does not write them",
                 "write a .yaml file or a CSV bundle folder instead"};
  }
  if (format.value() == ScenarioFormat::kKtabCsv || format.value() == ScenarioFormat::kKtabXml) {
    return Error{Location{path}, "Entente reads KTAB scenarios but does not write them",
                 "write a .yaml file or a CSV bundle folder instead"};
  }
  if (format.value() == ScenarioFormat::kDecide) {
    return Error{Location{path}, "Entente reads Decide files but does not write them",
                 "write a .yaml file or a CSV bundle folder instead"};
  }
  // Refusals above and here are input problems (Result); a failed write is an IoError.
  if (format.value() == ScenarioFormat::kYaml || format.value() == ScenarioFormat::kXlsx) {
    std::error_code ec;
    if (!overwrite && fs::exists(path, ec)) {
      return Error{Location{path}, "file already exists",
                   "choose another name, or ask to replace it (entente convert --force; Python: "
                   "save(path, overwrite=True))"};
    }
    std::string content;
    if (format.value() == ScenarioFormat::kXlsx) {
      Result<std::string> bytes = WriteXlsxDocument(document);
      if (!bytes) return bytes.errors();
      content = std::move(bytes).value();
    } else {
      content = WriteYamlDocument(document);
    }
    Result<Unit> written = WriteFileAtomic(path, content);
    if (!written) throw IoError(FormatErrors(written.errors()));
    return Unit{};
  }
  Result<FileSet> files = WriteCsvBundle(document);
  if (!files) return files.errors();
  const std::set<std::string> owned(BundleFileNames().begin(), BundleFileNames().end());
  if (Result<Unit> ok = CheckFolderReplaceable(path, overwrite, owned); !ok) return ok;
  Result<Unit> written = WriteFolderAtomic(path, files.value(), overwrite, owned);
  if (!written) throw IoError(FormatErrors(written.errors()));
  return Unit{};
}

}  // namespace entente
