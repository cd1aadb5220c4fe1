#include "entente/core/version.hpp"

namespace entente {

std::string_view Version() {
  return ENTENTE_VERSION;
}  // set by CMake from project(VERSION)

}  // namespace entente
