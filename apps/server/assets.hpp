#pragma once
/// \file
/// The dashboard's built files, embedded in the binary by a CMake step (generated assets.cpp).

#include <span>
#include <string_view>

namespace entente::server {

/// One embedded file.
struct Asset {
  std::string_view path;          ///< URL path, e.g. "/index.html"
  std::string_view content_type;  ///< MIME type from the extension
  std::string_view data;          ///< the bytes
};

/// Every embedded file; empty when the build had no node/npm (the API still works).
[[nodiscard]] std::span<const Asset> DashboardAssets();

/// The embedded file at `path` ("/" means "/index.html"), or nullptr.
[[nodiscard]] const Asset* FindAsset(std::string_view path);

}  // namespace entente::server
