// bench_language: how fast the language guide checks text. Builds 1 MB of observation notes
// (evidence, quotes, counts, questions, praise and advice, opinion frames, inference, reported speech,
// some accented names), then checks it
// as one text and as separate lines (the way the client checks notes), and prints MB/s and
// ms per MB. Target: under 10 ms per MB on the 2-core reference machine.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/language_guide.h"

namespace {

const char* const kSentences[] = {
    "The teacher asked 14 questions in the first 10 minutes; 11 were closed questions.",
    "\"Great job, Jamal,\" the teacher said after his answer.",
    "At 9:05 the teacher said, \xE2\x80\x9CYou should all have your notebooks open.\xE2\x80\x9D",
    "A good number of students raised their hands for the first question.",
    "Great lesson today, the students were really engaged.",
    "You should call on more students from the back row.",
    "Wait time after questions averaged about 2 seconds (range 1 to 5).",
    "What did you notice about who answered the open questions?",
    "The transition from the carpet to the tables took 4 minutes 20 seconds.",
    "\xC3\x89lodie asked why the sum was negative, and Zo\xC3\xAB explained it with a number line.",
    "The closure was weak and rushed; next time, try a quick exit ticket.",
    "Students at table 2 asked each other three questions before raising a hand.",
    "I noticed that the teacher moved to the back of the room during the video.",
    "Excellent use of wait time during the opening discussion.",
    "How can I support you with the next step?",
    "The teacher circulated to 5 of the 6 tables during independent work.",
    "Students used sentence frames such as 'I agree with ___ because ___.'",
    "The lesson was poorly planned and ran out of time.",
    "Six of the 24 students spoke during the whole-class discussion.",
    "Is this what you expected to see in the seating chart data?",
    // Structural patterns (issue 14): opinion frames with a follower, inference, leading questions, reported speech.
    "I think the groups were too big and the middle section dragged.",
    "Students clearly understood the method by the end.",
    "Why didn't you call on the back row?",
    "The teacher said she thought the pace was too fast for the class.",
    "What do you think students understood from the demo?",
};

std::string make_text(std::size_t bytes) {
  std::mt19937 rng(20240501);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kSentences) - 1);
  std::uniform_int_distribution<int> per_line(1, 4);
  std::string text;
  text.reserve(bytes + 512);
  while (text.size() < bytes) {
    for (int n = per_line(rng); n > 0; --n) text.append(kSentences[pick(rng)]).push_back(' ');
    text.back() = '\n';
  }
  text.resize(bytes);
  return text;
}

// CPU time of this thread: on a shared 2-core machine with builds running, wall time measures the
// neighbours as much as the guide, so both are printed and the target is judged on CPU time.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main() {
  constexpr std::size_t kBytes = 1u << 20;
  constexpr int kRuns = 21;
  const auto guide = core::LanguageGuide::load_builtin();
  const std::string text = make_text(kBytes);
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    lines.emplace_back(text.data() + at, nl - at);
    at = nl + 1;
  }

  std::size_t findings = 0;
  std::vector<double> whole_ms, lines_ms, whole_cpu, lines_cpu;
  for (int run = 0; run < kRuns; ++run) {
    double c0 = thread_cpu_ms();
    auto t0 = std::chrono::steady_clock::now();
    findings = guide.check(text).size();
    auto t1 = std::chrono::steady_clock::now();
    double c1 = thread_cpu_ms();
    std::size_t line_findings = 0;
    for (auto line : lines) line_findings += guide.check(line).size();
    auto t2 = std::chrono::steady_clock::now();
    double c2 = thread_cpu_ms();
    whole_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    lines_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    whole_cpu.push_back(c1 - c0);
    lines_cpu.push_back(c2 - c1);
    if (line_findings != findings) {
      std::fprintf(stderr, "bench_language: %zu findings as one text but %zu line by line\n", findings, line_findings);
      return 1;
    }
  }
  const double mb = double(kBytes) / (1024.0 * 1024.0);
  std::printf("language guide: %zu phrases, %zu exceptions; text %.2f MB, %zu lines, %zu findings\n",
              guide.phrase_count(), guide.exception_count(), mb, lines.size(), findings);
  auto report = [&](const char* what, const std::vector<double>& cpu, const std::vector<double>& wall) {
    const double c = median(cpu) / mb, w = median(wall) / mb;
    std::printf("%-13s CPU %6.2f ms per MB (%7.1f MB/s); wall %6.2f ms per MB (%7.1f MB/s); median of %d runs\n", what,
                c, 1000.0 / c, w, 1000.0 / w, kRuns);
    return c;
  };
  const double whole = report("as one text:", whole_cpu, whole_ms);
  const double by_line = report("line by line:", lines_cpu, lines_ms);
  const double worst = std::max(whole, by_line);
  std::printf("target: under 10 ms of CPU per MB -> %s\n", worst < 10.0 ? "met" : "NOT met");
  return 0;
}
