// Atomic writes (issue #16 items 1 and 2): `-o` writes through symbolic links, devices and
// pipes, keeps the target's mode, and replacing a bundle folder never deletes a user's file.
#include <sys/stat.h>
#include <sys/sysmacros.h>  // makedev
#include <sys/types.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "entente/core/files.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/scenario_io.hpp"
#include "test_support.hpp"

namespace entente {
namespace {
namespace fs = std::filesystem;

// A fresh folder per test, removed afterwards.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() /
              ("entente-files-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void Put(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

mode_t ModeOf(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

// Hidden temporary names (".x.tmp-...") left in a folder.
int Leftovers(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string()[0] == '.';
  return n;
}

TEST(FilesRegression, OutputSymlinkWasReplacedByARegularFile) {
  TempDir dir("symlink");
  Put(dir.path() / "real.txt", "old");
  fs::create_symlink("real.txt", dir.path() / "link.txt");  // relative, as `ln -s` makes them
  ASSERT_TRUE(WriteFileAtomic((dir.path() / "link.txt").string(), "new").ok());
  EXPECT_TRUE(fs::is_symlink(dir.path() / "link.txt")) << "the link was replaced";
  EXPECT_EQ(Slurp(dir.path() / "real.txt"), "new");
  EXPECT_EQ(Leftovers(dir.path()), 0);
}

TEST(FilesRegression, OutputSymlinkChainIntoAnotherFolderIsFollowed) {
  TempDir dir("chain");
  fs::create_directories(dir.path() / "data");
  Put(dir.path() / "data" / "target.txt", "old");
  fs::create_symlink("data/target.txt", dir.path() / "one");
  fs::create_symlink(dir.path() / "one", dir.path() / "two");  // absolute, to a link
  ASSERT_TRUE(WriteFileAtomic((dir.path() / "two").string(), "new").ok());
  EXPECT_TRUE(fs::is_symlink(dir.path() / "one"));
  EXPECT_TRUE(fs::is_symlink(dir.path() / "two"));
  EXPECT_EQ(Slurp(dir.path() / "data" / "target.txt"), "new");
  EXPECT_EQ(Leftovers(dir.path() / "data"), 0) << "the temporary file belongs beside the target";
}

TEST(FilesRegression, OutputDanglingSymlinkCreatesItsTarget) {
  TempDir dir("dangling");
  fs::create_symlink("later.txt", dir.path() / "link.txt");
  ASSERT_TRUE(WriteFileAtomic((dir.path() / "link.txt").string(), "text").ok());
  EXPECT_TRUE(fs::is_symlink(dir.path() / "link.txt"));
  EXPECT_EQ(Slurp(dir.path() / "later.txt"), "text");
}

TEST(FilesRegression, OutputSymlinkLoopIsAClearError) {
  TempDir dir("loop");
  fs::create_symlink("b", dir.path() / "a");
  fs::create_symlink("a", dir.path() / "b");
  const Result<Unit> r = WriteFileAtomic((dir.path() / "a").string(), "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors()[0].message.find("symbolic links"), std::string::npos);
  EXPECT_TRUE(fs::is_symlink(dir.path() / "a"));
}

TEST(FilesRegression, OutputPrivateFileBecameWorldReadable) {
  TempDir dir("mode");
  const fs::path p = dir.path() / "secret.json";
  Put(p, "old");
  ASSERT_EQ(::chmod(p.c_str(), 0600), 0);
  ASSERT_TRUE(WriteFileAtomic(p.string(), "new").ok());
  EXPECT_EQ(Slurp(p), "new");
  EXPECT_EQ(ModeOf(p), 0600u);
  ASSERT_EQ(::chmod(p.c_str(), 0640), 0);
  ASSERT_TRUE(WriteFileAtomic(p.string(), "newer").ok());
  EXPECT_EQ(ModeOf(p), 0640u);
}

TEST(Files, NewFileGetsTheUmaskMode) {
  TempDir dir("umask");
  const mode_t before = ::umask(027);
  const Result<Unit> r = WriteFileAtomic((dir.path() / "new.txt").string(), "x");
  ::umask(before);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ModeOf(dir.path() / "new.txt"), 0640u);
}

TEST(FilesRegression, OutputDevNullWasReplacedByAFile) {
  // As root the old rename replaced the device node; as anyone else it failed. Both are wrong.
  // Root writes to its own copy of /dev/null (so a regression cannot break the machine's);
  // anyone else may use /dev/null itself, which they cannot replace.
  TempDir dir("device");
  std::string device = (dir.path() / "null").string();
  if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    if (::geteuid() == 0) GTEST_SKIP() << "cannot make a device node here (no CAP_MKNOD)";
    device = "/dev/null";
  }
  const Result<Unit> r = WriteFileAtomic(device, "discarded");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  struct stat st {};
  ASSERT_EQ(::stat(device.c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << device << " is no longer a character device";
}

TEST(FilesRegression, OutputNamedPipeWasReplacedByAFile) {
  TempDir dir("fifo");
  const fs::path fifo = dir.path() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = Slurp(fifo); });
  const Result<Unit> r = WriteFileAtomic(fifo.string(), "through the pipe");
  reader.join();
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  EXPECT_EQ(received, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(Leftovers(dir.path()), 0);
}

// `-o /dev/stdout` when stdout is a pipe: the link chain ends in "pipe:[N]", which is no path.
TEST(Files, OutputThroughAProcFdLinkToAPipeIsWrittenDirectly) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string path = "/proc/self/fd/" + std::to_string(fds[1]);
  const Result<Unit> r = WriteFileAtomic(path, "to the pipe");
  ::close(fds[1]);
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  char buffer[64] = {};
  const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
  ::close(fds[0]);
  EXPECT_EQ(std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0), "to the pipe");
}

TEST(Files, OutputFolderIsRefused) {
  TempDir dir("folder");
  const Result<Unit> r = WriteFileAtomic(dir.path().string(), "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors()[0].message.find("folder"), std::string::npos);
}

// A two-issue scenario small enough to write anywhere.
Scenario Small() {
  Scenario s = test::OneIssue({10, 60}, {0.5, 0.8}, {1, 2});
  s.meta.title = "small";
  return s;
}

TEST(FilesRegression, ConvertForceDeletedTheUsersFilesInTheFolder) {
  TempDir dir("foreign");
  const fs::path bundle = dir.path() / "bundle";
  ASSERT_TRUE(WriteScenario(Small(), bundle.string(), false).ok());
  const std::string actors = Slurp(bundle / "actors.csv");
  Put(bundle / "notes.txt", "my notes");
  fs::create_directories(bundle / "drafts");
  Scenario changed = Small();
  changed.issues[0].stances[0].position = 40;
  const Result<Unit> r = WriteScenario(changed, bundle.string(), true);
  ASSERT_FALSE(r.ok()) << "a folder with other files was replaced";
  EXPECT_NE(r.errors()[0].message.find("'drafts', 'notes.txt'"), std::string::npos)
      << r.errors()[0].message;
  EXPECT_EQ(Slurp(bundle / "notes.txt"), "my notes");
  EXPECT_TRUE(fs::is_directory(bundle / "drafts"));
  EXPECT_EQ(Slurp(bundle / "actors.csv"), actors);
  EXPECT_EQ(LoadScenario(bundle.string()).ValueOrThrow().issues[0].stances[0].position, 10);
  EXPECT_EQ(Leftovers(dir.path()), 0);
}

TEST(Files, BundleOnlyFolderIsReplacedAndStaleBundleFilesGo) {
  TempDir dir("replace");
  const fs::path bundle = dir.path() / "bundle";
  ASSERT_TRUE(WriteScenario(Small(), bundle.string(), false).ok());
  Put(bundle / "moves.csv", "a stale moves file from an earlier bundle\n");  // a bundle name
  ASSERT_EQ(::chmod(bundle.c_str(), 0750), 0);
  Scenario changed = Small();
  changed.issues[0].stances[0].position = 40;
  const Result<Unit> r = WriteScenario(changed, bundle.string(), true);
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  EXPECT_EQ(LoadScenario(bundle.string()).ValueOrThrow().issues[0].stances[0].position, 40);
  EXPECT_FALSE(fs::exists(bundle / "moves.csv"));
  EXPECT_EQ(ModeOf(bundle), 0750u);
  EXPECT_EQ(Leftovers(dir.path()), 0);
}

TEST(Files, FolderWriterNeverDeletesWhatItDoesNotOwn) {
  TempDir dir("owned");
  const fs::path out = dir.path() / "out";
  fs::create_directories(out);
  Put(out / "a.txt", "old a");
  Put(out / "keep.txt", "mine");
  const Result<Unit> refused = WriteFolderAtomic(out.string(), {{"a.txt", "new a"}}, true);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(Slurp(out / "a.txt"), "old a");
  EXPECT_EQ(Slurp(out / "keep.txt"), "mine");
  const Result<Unit> ok = WriteFolderAtomic(out.string(), {{"a.txt", "new a"}}, true, {"keep.txt"});
  ASSERT_TRUE(ok.ok()) << FormatErrors(ok.errors());
  EXPECT_EQ(Slurp(out / "a.txt"), "new a");
  EXPECT_FALSE(fs::exists(out / "keep.txt")) << "owned by the writer, so replaced";
}

// `entente convert s.yaml out/` failed with "cannot create folder": the trailing '/' put the
// temporary folder inside the one still to be made.
TEST(FilesRegression, FolderPathEndingInASlashCouldNotBeWritten) {
  TempDir dir("slash");
  const std::string out = (dir.path() / "bundle").string() + "/";
  const Result<Unit> ok = WriteFolderAtomic(out, {{"a.txt", "a"}}, false);
  ASSERT_TRUE(ok.ok()) << FormatErrors(ok.errors());
  EXPECT_EQ(Slurp(dir.path() / "bundle" / "a.txt"), "a");
  const Result<Unit> again = WriteFolderAtomic(out, {{"a.txt", "b"}}, true);
  ASSERT_TRUE(again.ok()) << FormatErrors(again.errors());
  EXPECT_EQ(Slurp(dir.path() / "bundle" / "a.txt"), "b");
}

TEST(FilesRegression, SaveToUnwritablePathWasAScenarioError) {
  // A refusal is an input problem (a located error); a write that fails is an IoError, which
  // the CLI reports with exit 1 and Python raises as OSError.
  EXPECT_THROW((void)WriteScenario(Small(), "/nonexistent-entente-dir/s.yaml", false), IoError);
  EXPECT_THROW((void)WriteScenario(Small(), "/nonexistent-entente-dir/bundle", false), IoError);
}

}  // namespace
}  // namespace entente
