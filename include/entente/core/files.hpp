#pragma once
/// \file
/// Reading files and writing them atomically: an error never leaves a half-written output.

#include <map>
#include <string>

#include "entente/core/result.hpp"

namespace entente {

/// A folder's files by name (e.g. "actors.csv") with their text.
using FileSet = std::map<std::string, std::string>;

/// The whole file as text; a located error when it cannot be opened or read.
[[nodiscard]] Result<std::string> ReadTextFile(const std::string& path);

/// Writes `content` to `path` via a temporary file in the same folder and a rename, so a
/// reader sees the old file or the new one, never a mix.
[[nodiscard]] Result<Unit> WriteFileAtomic(const std::string& path, const std::string& content);

/// Writes a set of files as folder `path`: built in a temporary sibling folder, then swapped
/// into place. An existing folder is replaced only when `overwrite` is set, and is kept
/// intact if anything fails.
[[nodiscard]] Result<Unit> WriteFolderAtomic(const std::string& path, const FileSet& files,
                                             bool overwrite);

}  // namespace entente
