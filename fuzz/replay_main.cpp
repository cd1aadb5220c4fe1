// A main() for the fuzz targets where libFuzzer is not available (g++ builds, CI): runs every
// seed file, then a fixed number of seeded mutations of them (bit flips, interesting bytes and
// tokens, deletions, duplications, splices). The same seed and count run the same inputs, so a
// CI failure reproduces; a crash (a signal, or a sanitizer's report) writes the input that
// caused it to a file, to replay under `make fuzz` (libFuzzer) or a debugger.
//
//   fuzz_x [--mutations N] [--seed S] [--max-len L] [--crash-file F] PATH...
//
// PATH is a seed file or a folder of them (read in name order).
#include <fcntl.h>   // open
#include <unistd.h>  // write, close

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/random.hpp"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
#define ENTENTE_REPLAY_SANITIZED 1
#include <sanitizer/common_interface_defs.h>  // __sanitizer_set_death_callback
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define ENTENTE_REPLAY_SANITIZED 1
#include <sanitizer/common_interface_defs.h>
#endif
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {
namespace fs = std::filesystem;

// The input being run, for the crash handlers (set before each run; plain globals because a
// signal handler may read nothing else).
const char* g_input = nullptr;
std::size_t g_input_size = 0;
const char* g_crash_file = "fuzz-crash-input";

// Async-signal-safe: open, write, close only.
void SaveCrashInput() {
  const int fd = ::open(g_crash_file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd >= 0) {
    std::size_t done = 0;
    while (done < g_input_size) {
      const ssize_t n = ::write(fd, g_input + done, g_input_size - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  static const char kNote[] = "fuzz replay: the crashing input was saved (see --crash-file)\n";
  (void)!::write(STDERR_FILENO, kNote, sizeof kNote - 1);
}

extern "C" void OnCrashSignal(int sig) {
  SaveCrashInput();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> Seeds(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    if (fs::is_directory(path)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(path)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) out.push_back(Slurp(f));
    } else if (fs::is_regular_file(path)) {
      out.push_back(Slurp(path));
    } else {
      std::fprintf(stderr, "fuzz replay: no seed file or folder '%s'\n", path.c_str());
      std::exit(2);
    }
  }
  return out;
}

// Bytes and tokens that parsers and models treat specially.
constexpr std::string_view kTokens[] = {"0",
                                        "1",
                                        "-1",
                                        "1e308",
                                        "-1e308",
                                        "1e-300",
                                        "nan",
                                        "inf",
                                        "-0",
                                        "0.5",
                                        "100",
                                        "1e400",
                                        "9999999999999999999",
                                        ",",
                                        ";",
                                        ":",
                                        "\n",
                                        "\r\n",
                                        "\"",
                                        "'",
                                        "#",
                                        "{",
                                        "}",
                                        "[",
                                        "]",
                                        "<",
                                        ">",
                                        "</",
                                        "=",
                                        " ",
                                        "\t",
                                        "\xef\xbb\xbf",
                                        "\xff",
                                        std::string_view("\0", 1),
                                        "- ",
                                        "---",
                                        "&",
                                        "*"};

// Numbers that sit at the edges of what validation accepts: a number of the input replaced by
// one of these keeps the text well formed, so the input reaches validation and the models.
constexpr std::string_view kNumbers[] = {
    "0",     "1",     "-1",     "0.5",   "1e-9",     "1e-300", "5e-324",   "1e15", "1e154",
    "1e300", "1e308", "-1e308", "0.999", "1.000001", "100",    "-100",     "50",   "2147483648",
    "1e-5",  "3",     "0.0001", "99",    "101",      "-0",     "4.9e-324", "1e-16"};

std::string Mutate(const std::vector<std::string>& seeds, entente::Rng& rng, std::size_t max_len) {
  const auto pick = [&rng](std::size_t n) { return n == 0 ? 0 : rng() % n; };
  std::string s = seeds[pick(seeds.size())];
  const int steps = 1 + static_cast<int>(pick(4));
  for (int step = 0; step < steps; ++step) {
    const std::size_t at = pick(s.size() + 1);
    switch (pick(8)) {
      case 6:
      case 7: {  // replace the next number with one at the edge of what validation accepts
        std::size_t begin = at;
        while (begin < s.size() && std::isdigit(static_cast<unsigned char>(s[begin])) == 0) ++begin;
        if (begin == s.size()) break;
        if (begin > 0 && s[begin - 1] == '-') --begin;
        std::size_t end = begin + 1;
        while (end < s.size() && std::strchr("0123456789.eE+-", s[end]) != nullptr) ++end;
        const std::string_view n = kNumbers[pick(std::size(kNumbers))];
        s.replace(begin, end - begin, n.data(), n.size());
        break;
      }
      case 0:  // flip a bit
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8));
        break;
      case 1: {  // insert a token
        const std::string_view t = kTokens[pick(std::size(kTokens))];
        s.insert(at, t.data(), t.size());
        break;
      }
      case 2: {  // replace a run of digits or letters with a token
        const std::string_view t = kTokens[pick(std::size(kTokens))];
        std::size_t end = at;
        while (end < s.size() && std::isalnum(static_cast<unsigned char>(s[end])) != 0) ++end;
        s.replace(at, std::max<std::size_t>(end - at, 1), t.data(), t.size());
        break;
      }
      case 3:  // delete a range
        s.erase(at, 1 + pick(16));
        break;
      case 4: {  // duplicate a range
        const std::size_t len =
            std::min<std::size_t>(1 + pick(64), s.size() - std::min(at, s.size()));
        s.insert(at, s.substr(at, len));
        break;
      }
      default: {  // splice in part of another seed
        const std::string& other = seeds[pick(seeds.size())];
        const std::size_t from = pick(other.size() + 1);
        s.insert(at, other.substr(from, 1 + pick(128)));
        break;
      }
    }
  }
  if (s.size() > max_len) s.resize(max_len);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  long mutations = 1000;
  std::uint64_t seed = 1;
  std::size_t max_len = 16384;
  std::string crash_file = "fuzz-crash-input";
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--mutations" && has_value) {
      mutations = std::strtol(argv[++i], nullptr, 10);
    } else if (a == "--seed" && has_value) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--max-len" && has_value) {
      max_len = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--crash-file" && has_value) {
      crash_file = argv[++i];
    } else {
      paths.emplace_back(a);
    }
  }
  const std::vector<std::string> seeds = Seeds(paths);
  if (seeds.empty()) {
    std::fprintf(stderr, "usage: %s [--mutations N] [--seed S] [--max-len L] SEED_FILE|DIR...\n",
                 argv[0]);
    return 2;
  }
  g_crash_file = crash_file.c_str();
  for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP})
    std::signal(sig, OnCrashSignal);
#ifdef ENTENTE_REPLAY_SANITIZED
  __sanitizer_set_death_callback(SaveCrashInput);
#endif
  const auto run = [](const std::string& input) {
    g_input = input.data();
    g_input_size = input.size();
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  };
  for (const std::string& s : seeds) run(s);
  entente::Rng rng(seed, 0x66757a7a);  // "fuzz"
  for (long m = 0; m < mutations; ++m) run(Mutate(seeds, rng, max_len));
  std::printf("%s: %zu seeds and %ld mutations (seed %llu) ran without a crash\n", argv[0],
              seeds.size(), mutations, static_cast<unsigned long long>(seed));
  return 0;
}
