// The test command's driver for a fuzz harness (harness.h), without libFuzzer: runs the seeds,
// every file under the given corpus folders (inputs earlier runs found), then mutations of them
// (bit flips, cut and repeated ranges, inserted bytes) for the given seconds with a fixed seed,
// so a run is repeatable. A crash is the sanitizer's report and a non-zero exit, as in libFuzzer.
// Usage: fuzz_<name> [--seconds S] [--write-seeds DIR] [CORPUS_DIR...]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "harness.h"

namespace {

void run_one(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

std::string mutate(std::string s, std::mt19937& rng) {
  auto pick = [&](std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  for (int edits = 1 + static_cast<int>(pick(4)); edits > 0; --edits) {
    switch (pick(5)) {
      case 0:  // flip a bit
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1 << pick(8));
        break;
      case 1:  // cut the tail
        s.resize(pick(s.size() + 1));
        break;
      case 2:  // a byte in
        s.insert(s.begin() + static_cast<std::ptrdiff_t>(pick(s.size() + 1)), static_cast<char>(pick(256)));
        break;
      case 3: {  // a range repeated
        if (s.empty()) break;
        const std::size_t at = pick(s.size()), len = 1 + pick(std::min<std::size_t>(64, s.size() - at));
        s.insert(at, s.substr(at, len));
        break;
      }
      default:  // an extreme byte (lengths, counts)
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(pick(2) ? 0xFF : 0x00);
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 0;
  std::vector<std::string> corpus = fuzz_seeds();
  const std::size_t seeds = corpus.size();
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (std::strcmp(argv[i], "--write-seeds") == 0 && i + 1 < argc) {
      const std::filesystem::path dir = argv[++i];
      std::filesystem::create_directories(dir);
      for (std::size_t s = 0; s < seeds; ++s)
        std::ofstream(dir / ("seed-" + std::to_string(s)), std::ios::binary) << corpus[s];
    } else if (std::filesystem::is_directory(argv[i])) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i]))
        if (e.is_regular_file()) {
          std::ifstream in(e.path(), std::ios::binary);
          std::ostringstream bytes;
          bytes << in.rdbuf();
          corpus.push_back(bytes.str());
        }
    }
  }
  for (const auto& input : corpus) run_one(input);
  std::mt19937 rng(20261202);
  long mutations = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!corpus.empty() && std::chrono::steady_clock::now() < until) {
    for (int i = 0; i < 64; ++i, ++mutations) run_one(mutate(corpus[rng() % corpus.size()], rng));
  }
  std::printf("%s: %zu seeds, %zu corpus files, %ld mutations: nothing crashed\n", argv[0], seeds,
              corpus.size() - seeds, mutations);
  return 0;
}
