// bench_report: how long the largest visit summary takes to make, from the store to the file.
// A visit with 2,000 notes (plus the demo visit's taps, spans and marks from two observers):
// reading it into a report (visit_report), the PDF (render_pdf, cairo + pango), the printable
// HTML (render_html) and the CSV (visit_csv); the median of 5 runs each, and the PDF's pages and
// size. Target: the PDF of a 2,000-note visit in under 1 s on the reference machine (2 cores).
// Usage: bench_report [DIR]   (DIR defaults to a fresh directory under /tmp)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

#include "core/demo_data.h"
#include "core/paths.h"
#include "core/report/csv_export.h"
#include "core/report/pdf/render_pdf.h"
#include "core/report/render_html.h"
#include "core/report/visit_report.h"

using Clock = std::chrono::steady_clock;

namespace {

double median_ms(const std::function<void()>& work) {
  std::vector<double> runs;
  for (int i = 0; i < 5; ++i) {
    const auto t = Clock::now();
    work();
    runs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const fs::path dir =
      argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / ("peerobs-bench-report-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  core::Store store(core::store_path_in(dir.string()));
  const core::Id me = store.create(core::Person{"Sam Okafor", ""}, core::Id{}).record;
  store.meta().set_local_person(me);
  const core::DemoData demo = core::seed_demo_data(store, me);
  const core::Id visit = demo.observed_visit;
  constexpr int kNotes = 2000;
  store.transaction([&] {
    for (int i = 0; i < kNotes; ++i)
      store.create(core::EvidenceNote{visit,
                                      i * 1500LL,
                                      "Note " + std::to_string(i) +
                                          ": the group by the window compares two answers and asks the teacher "
                                          "which one is right; she asks them what each answer assumes.",
                                      static_cast<core::NoteKind>(i % 3),
                                      {}},
                   me);
  });
  const core::report::Audience audience{me, me, "2026-12-02"};

  core::report::Document doc;
  const double build = median_ms([&] { doc = core::report::visit_report(store, visit, audience); });
  std::string pdf;
  const double render = median_ms([&] { pdf = core::report::render_pdf(doc, core::report::PageSize::A4); });
  std::string html;
  const double page = median_ms([&] { html = core::report::render_html(doc, core::report::PageSize::A4); });
  std::string csv;
  const double rows = median_ms([&] { csv = core::report::visit_csv(store, visit, audience); });
  const std::string out = (dir / "visit.pdf").string();
  const double whole = median_ms([&] {
    core::report::write_pdf_file(core::report::visit_report(store, visit, audience), core::report::PageSize::A4, out);
  });

  std::printf("bench_report: a visit with %d notes (plus the demo's taps, spans and marks), median of 5\n", kNotes);
  std::printf("  read into a report   %8.1f ms\n", build);
  std::printf("  PDF (cairo + pango)  %8.1f ms  %zu KiB\n", render, pdf.size() / 1024);
  std::printf("  HTML (mustache)      %8.1f ms  %zu KiB\n", page, html.size() / 1024);
  std::printf("  CSV                  %8.1f ms  %zu KiB\n", rows, csv.size() / 1024);
  std::printf("  store to PDF file    %8.1f ms  (target < 1000 ms)\n", whole);
  fs::remove_all(dir);
  return whole < 1000 ? 0 : 1;
}
