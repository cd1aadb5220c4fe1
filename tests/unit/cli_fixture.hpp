#pragma once
/// \file
/// A test fixture that runs the `entente` binary end to end in a temporary folder of its own.

#include <sys/wait.h>  // WEXITSTATUS
#include <unistd.h>    // getpid

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace entente::test {

/// Each test gets a fresh folder named after its suite, the process and the test (so ctest may
/// run tests in parallel); RunCli runs the CLI built with the tests (ENTENTE_CLI) from the
/// repository root, so relative paths such as scenarios/us-rok-2021.yaml resolve.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("entente-" + std::string(info->test_suite_name()) + "-" + std::to_string(::getpid()) +
            "-" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  /// Runs `entente ARGS` with `env` (e.g. "ENTENTE_DB=/tmp/x.db") before it; stdout lands in
  /// out_, stderr in err_; returns the exit code.
  int RunCli(const std::string& args, const std::string& env = "") {
    const std::string out = Path("stdout.txt");
    const std::string err = Path("stderr.txt");
    const std::string cmd = "cd " + SourceDir() + " && " + env + (env.empty() ? "" : " ") +
                            std::string(ENTENTE_CLI) + " " + args + " >" + out + " 2>" + err;
    const int status = std::system(cmd.c_str());
    out_ = Read(out);
    err_ = Read(err);
    return WEXITSTATUS(status);
  }

  /// The whole file at `path` (empty when it cannot be read).
  static std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  /// `name` inside the test's folder.
  [[nodiscard]] std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;  ///< the test's own folder, removed afterwards
  std::string out_;            ///< the last run's standard output
  std::string err_;            ///< the last run's standard error
};

}  // namespace entente::test
