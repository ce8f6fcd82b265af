// bench_report_pdf: the evidence timeline of a 2,000-note visit (a 2,000-row table, with a few
// facts and a chart around it) rendered to PDF bytes; prints the best and median of a few runs
// in ms, wall clock and this process's CPU time (the machine is shared: CPU time is the steadier
// figure). The target is well under 1 s. Usage: bench_report_pdf [rows] [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "core/report/pdf/render_pdf.h"

using namespace core::report;

namespace {
Document timeline(int rows) {
  Document d;
  d.title = "Visit summary: 8B science, 19 Nov 2026";
  d.notice = "This summary describes what was seen and heard. It is not an evaluation.";
  d.made_for = "Made by Ana Lopes on 2 Dec 2026 for Mia Chen: what Mia may see.";
  d.blocks.push_back(FactTable{{{"Class", "8B science"}, {"Observer", "Ana Lopes"}}});
  d.blocks.push_back(BarChart{"Counts", {}, {BarGroup{"Open questions", {Bar{7, "7"}}}}});
  d.blocks.push_back(Heading{"Evidence"});
  Table t{{"Time", "Kind", "What"}, {0.12, 0.16, 0.72}, {}};
  const char* kinds[] = {"Noticing", "Question", "Quote", "Wondering"};
  for (int i = 0; i < rows; ++i) {
    std::string what = "Note " + std::to_string(i) + ": the teacher asked \"why?\" and waited; three students answered";
    if (i % 7 == 0) what += ", and one compared the two experiments with what they had seen at home last week";
    t.rows.push_back({std::to_string(9 + i / 600) + ":" + std::to_string(10 + (i / 10) % 50), kinds[i % 4], what});
  }
  d.blocks.push_back(std::move(t));
  return d;
}
}  // namespace

int main(int argc, char** argv) {
  int rows = argc > 1 ? std::atoi(argv[1]) : 2000;
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  Document d = timeline(rows);
  std::vector<double> ms, cpu_ms;
  std::size_t bytes = 0;
  for (int r = 0; r < std::max(1, runs); ++r) {
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    bytes = render_pdf(d, PageSize::A4).size();
    cpu_ms.push_back(1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  std::printf(
      "render_pdf: %d rows, %zu KB PDF: wall best %.0f ms, median %.0f ms; CPU best %.0f ms, median %.0f ms "
      "(%zu runs)\n",
      rows, bytes / 1024, ms.front(), ms[ms.size() / 2], cpu_ms.front(), cpu_ms[cpu_ms.size() / 2], ms.size());
}
