#include "error_json.hpp"

namespace entente::server {

using Json = nlohmann::ordered_json;

nlohmann::ordered_json ErrorJson(const Error& error) {
  const Location& at = error.where;
  return Json{{"where", at.line > 0 ? at.file : at.Where()},
              {"path", at.path},
              {"names", at.names},
              {"line", at.line},
              {"field", at.field},
              {"message", error.message},
              {"hint", error.hint},
              {"text", error.ToString()}};
}

nlohmann::ordered_json ErrorsJson(const Errors& errors) {
  Json list = Json::array();
  for (const Error& e : errors) list.push_back(ErrorJson(e));
  return Json{{"errors", list}};
}

}  // namespace entente::server
