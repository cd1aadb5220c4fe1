#pragma once
/// \file
/// Reading files and writing them atomically: an error never leaves a half-written output.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "entente/core/result.hpp"

namespace entente {

/// A folder's files by name (e.g. "actors.csv") with their text.
using FileSet = std::map<std::string, std::string>;

/// The whole file as text; a located error when it cannot be opened or read.
[[nodiscard]] Result<std::string> ReadTextFile(const std::string& path);

/// Writes `content` to `path` so that a reader sees the old file or the new one, never a mix:
/// a temporary file beside the target, flushed, then renamed over it. A symbolic link is
/// followed to the file it names (the link stays a link; a dangling link's target is created),
/// an existing file keeps its mode (and owner, where permitted), a new one gets 0666 less the
/// umask. Character devices, pipes and sockets (`/dev/null`, `/dev/stdout`, a FIFO) are written
/// directly, without the rename that would replace them with a regular file.
[[nodiscard]] Result<Unit> WriteFileAtomic(const std::string& path, const std::string& content);

/// The names in folder `path` that are not regular files named in `owned`, sorted (none when
/// the folder is missing or empty).
[[nodiscard]] std::vector<std::string> ForeignEntries(const std::string& path,
                                                      const std::set<std::string>& owned);

/// Whether WriteFolderAtomic may put a folder at `path`: yes when nothing is there; an existing
/// folder only with `overwrite` and only when it holds nothing but regular files named in
/// `owned`, so that replacing it can never delete a file that is not the writer's own. The
/// error names the other entries.
[[nodiscard]] Result<Unit> CheckFolderReplaceable(const std::string& path, bool overwrite,
                                                  const std::set<std::string>& owned);

/// Writes a set of files as folder `path`: built in a temporary sibling folder, then swapped
/// into place (it keeps the old folder's mode). An existing folder is replaced only as
/// CheckFolderReplaceable allows, with `owned` plus the names in `files` as the writer's own;
/// it is kept intact if anything fails. Only those files of the old folder are deleted.
[[nodiscard]] Result<Unit> WriteFolderAtomic(const std::string& path, const FileSet& files,
                                             bool overwrite,
                                             const std::set<std::string>& owned = {});

}  // namespace entente
