#include "entente/core/files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <fcntl.h>   // open
#include <unistd.h>  // write, fsync, close, getpid

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

Result<Unit> WriteAndSync(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Error{Location{path}, fmt::format("cannot create file: {}", std::strerror(errno)),
                 "check that the folder exists and is writable"};
  }
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(path.c_str());
      return Error{Location{path}, fmt::format("cannot write file: {}", std::strerror(err)),
                   "check free disk space and permissions"};
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(path.c_str());
    return Error{Location{path}, fmt::format("cannot flush file: {}", std::strerror(errno)),
                 "check free disk space"};
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
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    return Error{Location{path}, "is a folder; refusing to replace it with a file",
                 "give a file name"};
  }
  const std::string tmp = TempSibling(fs::path(path));
  if (Result<Unit> w = WriteAndSync(tmp, content); !w) return w;
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Error{Location{path},
                 fmt::format("cannot move the finished file into place: {}", std::strerror(err)),
                 "check permissions on the folder"};
  }
  return Unit{};
}

Result<Unit> WriteFolderAtomic(const std::string& path, const FileSet& files, bool overwrite) {
  std::error_code ec;
  const fs::path target = fs::path(path).lexically_normal();
  const bool exists = fs::exists(target, ec);
  if (exists && !fs::is_directory(target, ec)) {
    return Error{Location{path}, "exists and is a file, not a folder",
                 "give a folder name for a CSV bundle, or a .yaml file name"};
  }
  if (exists && !overwrite) {
    return Error{Location{path}, "folder already exists", "pass --force to replace it"};
  }
  const fs::path tmp = TempSibling(target);
  fs::create_directories(tmp, ec);
  if (ec) {
    return Error{Location{path}, fmt::format("cannot create folder: {}", ec.message()),
                 "check that the parent folder exists and is writable"};
  }
  for (const auto& [name, content] : files) {
    if (Result<Unit> w = WriteAndSync((tmp / name).string(), content); !w) {
      fs::remove_all(tmp, ec);
      return w;
    }
  }
  if (exists) {
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
    fs::remove_all(old, ec);
    return Unit{};
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignore;
    fs::remove_all(tmp, ignore);
    return Error{Location{path}, fmt::format("cannot move folder into place: {}", ec.message()),
                 "check permissions on the parent folder"};
  }
  return Unit{};
}

}  // namespace entente
