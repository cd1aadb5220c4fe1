#include "entente/core/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <fcntl.h>     // open
#include <sys/stat.h>  // lstat, stat, fchmod
#include <unistd.h>    // write, fsync, close, getpid, readlink, fchown

#include <fmt/format.h>

namespace entente {
namespace fs = std::filesystem;
namespace {

std::string TempSibling(const fs::path& target) {
  static std::mt19937_64 unique{std::random_device{}()};  // names only; never model randomness
  return (target.parent_path() /
          fmt::format(".{}.tmp-{}-{:x}", target.filename().string(), getpid(), unique()))
      .string();
}

// Writes all of `content` to an open descriptor, retrying short writes; errno on failure.
bool WriteAll(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Creates `path` (which must not exist) with `content`, flushed to disk. With `like`, the new
// file takes that file's owner (when permitted) and mode, so replacing a 0600 file keeps it
// 0600; without, it gets 0666 less the umask, as any new file does.
Result<Unit> WriteAndSync(const std::string& path, const std::string& content,
                          const struct stat* like = nullptr) {
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, like != nullptr ? 0600 : 0666);
  if (fd < 0) {
    return Error{Location{path}, fmt::format("cannot create file: {}", std::strerror(errno)),
                 "check that the folder exists and is writable"};
  }
  const auto fail = [&](const char* what, const char* hint) -> Result<Unit> {
    const int err = errno;
    ::close(fd);
    ::unlink(path.c_str());
    return Error{Location{path}, fmt::format("{}: {}", what, std::strerror(err)), hint};
  };
  if (like != nullptr) {
    // Owner first: chown clears set-id bits, which the fchmod then restores. Only root (or the
    // owner, for a group it belongs to) may chown; otherwise the file is simply ours.
    if (like->st_uid != ::geteuid() || like->st_gid != ::getegid()) {
      (void)!::fchown(fd, like->st_uid, like->st_gid);
    }
    if (::fchmod(fd, like->st_mode & 07777) != 0) {
      return fail("cannot set the file's mode", "check permissions on the folder");
    }
  }
  if (!WriteAll(fd, content))
    return fail("cannot write file", "check free disk space and permissions");
  if (::fsync(fd) != 0) return fail("cannot flush file", "check free disk space");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(path.c_str());
    return Error{Location{path}, fmt::format("cannot flush file: {}", std::strerror(err)),
                 "check free disk space"};
  }
  return Unit{};
}

// The file a write to `path` lands in: symbolic links followed to their final target (which
// need not exist yet, like a shell's `>`), relative links read from the link's folder.
Result<fs::path> FinalTarget(const std::string& path) {
  fs::path p = path;
  for (int hops = 0; hops < 40; ++hops) {  // Linux gives up after 40 links (ELOOP)
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
    std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4096) + 1, '\0');
    const ssize_t n = ::readlink(p.c_str(), target.data(), target.size());
    if (n < 0) {
      return Error{
          Location{path},
          fmt::format("cannot read symbolic link {}: {}", p.string(), std::strerror(errno)),
          "check the link and its permissions"};
    }
    target.resize(static_cast<std::size_t>(n));
    const fs::path next = target;
    p = next.is_absolute() ? next : p.parent_path() / next;
  }
  return Error{Location{path}, "too many levels of symbolic links",
               "point the link at a file, not at a chain of links that loops"};
}

// Character devices, pipes and sockets are written as they are: no temporary file, no rename
// (which would replace `/dev/null` with a regular file, or a named pipe with nothing reading it).
Result<Unit> WriteDirectly(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    return Error{Location{path}, fmt::format("cannot open for writing: {}", std::strerror(errno)),
                 "check the device or pipe and its permissions"};
  }
  const bool ok = WriteAll(fd, content);
  const int err = errno;
  if (::close(fd) != 0 && ok) {
    return Error{Location{path}, fmt::format("cannot write: {}", std::strerror(errno)),
                 "check the device or pipe"};
  }
  if (!ok) {
    return Error{Location{path}, fmt::format("cannot write: {}", std::strerror(err)),
                 "check the device or pipe (is anything reading it?)"};
  }
  return Unit{};
}

}  // namespace

Result<std::string> ReadTextFile(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    return Error{Location{path}, "is a folder, not a file", "name a file"};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{Location{path}, fmt::format("cannot open: {}", std::strerror(errno)),
                 "check the path and that the file is readable"};
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error{Location{path}, "read error", "check the file and the disk"};
  return buffer.str();
}

Result<Unit> WriteFileAtomic(const std::string& path, const std::string& content) {
  // stat first: the kernel follows every link, including /proc's (/dev/stdout names
  // "pipe:[123]", which is no path), so devices and pipes are recognised however they are named.
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    return Error{Location{path}, "is a folder; refusing to replace it with a file",
                 "give a file name"};
  }
  if (exists && !S_ISREG(st.st_mode)) return WriteDirectly(path, content);
  Result<fs::path> resolved = FinalTarget(path);  // the regular file, or where to create it
  if (!resolved) return resolved.errors();
  const fs::path& target = resolved.value();
  const std::string tmp = TempSibling(target);
  if (Result<Unit> w = WriteAndSync(tmp, content, exists ? &st : nullptr); !w) return w;
  if (std::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Error{Location{path},
                 fmt::format("cannot move the finished file into place: {}", std::strerror(err)),
                 "check permissions on the folder"};
  }
  return Unit{};
}

std::vector<std::string> ForeignEntries(const std::string& path,
                                        const std::set<std::string>& owned) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(path, ec)) {
    std::string name = e.path().filename().string();
    if (owned.count(name) == 0 || !e.is_regular_file(ec)) out.push_back(std::move(name));
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<Unit> CheckFolderReplaceable(const std::string& path, bool overwrite,
                                    const std::set<std::string>& owned) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(path, ec);
  if (!fs::exists(status)) return Unit{};
  if (!fs::is_directory(status)) {
    return Error{Location{path}, "exists and is not a folder",
                 "give a folder name for a CSV bundle, or a .yaml file name"};
  }
  if (!overwrite) {
    return Error{Location{path}, "folder already exists",
                 "choose another name, or ask to replace it (entente convert --force; Python: "
                 "save(path, overwrite=True))"};
  }
  const std::vector<std::string> foreign = ForeignEntries(path, owned);
  if (!foreign.empty()) {
    std::string names;
    for (std::size_t i = 0; i < foreign.size() && i < 5; ++i) {
      names += fmt::format("{}'{}'", i == 0 ? "" : ", ", foreign[i]);
    }
    if (foreign.size() > 5) names += fmt::format(" and {} more", foreign.size() - 5);
    return Error{Location{path},
                 fmt::format("folder holds {} that {} not part of a bundle ({}); nothing was "
                             "written or deleted",
                             foreign.size() == 1 ? "an entry" : "entries",
                             foreign.size() == 1 ? "is" : "are", names),
                 "only a folder holding nothing but bundle files is replaced: move the other "
                 "files out, or write the bundle to a new folder"};
  }
  return Unit{};
}

Result<Unit> WriteFolderAtomic(const std::string& path, const FileSet& files, bool overwrite,
                               const std::set<std::string>& owned) {
  std::set<std::string> ours = owned;
  for (const auto& entry : files) ours.insert(entry.first);
  if (Result<Unit> ok = CheckFolderReplaceable(path, overwrite, ours); !ok) return ok;
  std::error_code ec;
  fs::path target = fs::path(path).lexically_normal();
  // "out/" names the folder "out": its temporary sibling must be "out.tmp...", not inside it.
  if (!target.has_filename() && target.has_parent_path()) target = target.parent_path();
  const bool exists = fs::exists(target, ec);
  const fs::path tmp = TempSibling(target);
  fs::create_directory(tmp, ec);  // not its parents: a missing folder is an error, as for files
  if (ec) {
    return Error{Location{path}, fmt::format("cannot create folder: {}", ec.message()),
                 "check that the parent folder exists and is writable"};
  }
  for (const auto& [name, content] : files) {
    if (Result<Unit> w = WriteAndSync((tmp / name).string(), content); !w) {
      fs::remove_all(tmp, ec);  // our own temporary folder: only our files are in it
      return w;
    }
  }
  if (!exists) {
    fs::rename(tmp, target, ec);
    if (ec) {
      std::error_code ignore;
      fs::remove_all(tmp, ignore);
      return Error{Location{path}, fmt::format("cannot move folder into place: {}", ec.message()),
                   "check permissions on the parent folder"};
    }
    return Unit{};
  }
  fs::permissions(tmp, fs::status(target, ec).permissions(), ec);  // keep the folder's mode
  const fs::path old = TempSibling(target);
  fs::rename(target, old, ec);
  if (!ec) fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignore;
    if (!fs::exists(target, ignore)) fs::rename(old, target, ignore);
    fs::remove_all(tmp, ignore);
    return Error{Location{path}, fmt::format("cannot replace folder: {}", ec.message()),
                 "check permissions on the parent folder"};
  }
  // Delete only the old bundle's files. Anything else (a file someone added after the check
  // above) moves into the new folder, so no file of the user's is ever lost.
  for (const std::string& name : ours) fs::remove(old / name, ec);
  for (const std::string& name : ForeignEntries(old.string(), {})) {
    fs::rename(old / name, target / name, ec);
  }
  fs::remove(old, ec);
  return Unit{};
}

}  // namespace entente
