// Reading a PDF from outside, as a person's viewer would: poppler's pdftotext for the words,
// pdfinfo for the page size and count, pdftoppm for ink on each page. Needs poppler-utils
// (scripts/install-deps.sh). Shared by the renderer's tests and the peerobs-cli report tests.
#pragma once
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "support/run_command.h"
#include "support/temp_dir.h"

namespace poppler {

using testing_support::run_command;
using testing_support::TempDir;

inline void require_tools() {
  for (const char* tool : {"pdftotext", "pdfinfo", "pdftoppm"}) {
    INFO(tool << " is missing: install poppler-utils (scripts/install-deps.sh) to run the PDF tests.");
    REQUIRE(std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0);
  }
}

inline std::string run(const TempDir& dir, const std::string& command) {
  auto r = run_command(command, dir.file("stderr.txt"));
  INFO(command << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

inline std::string pdf_text(const TempDir& dir, const std::string& pdf, int page = 0) {
  std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  return run(dir, "pdftotext -layout" + range + " '" + pdf + "' -");
}

struct PdfInfo {
  int pages = 0;
  double width = 0, height = 0;  // pt
};

inline PdfInfo pdf_info(const TempDir& dir, const std::string& pdf) {
  std::string out = run(dir, "pdfinfo '" + pdf + "'");
  PdfInfo info;
  std::smatch m;
  if (std::regex_search(out, m, std::regex(R"(Pages:\s+(\d+))"))) info.pages = std::stoi(m[1]);
  if (std::regex_search(out, m, std::regex(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)"))) {
    info.width = std::stod(m[1]);
    info.height = std::stod(m[2]);
  }
  return info;
}

// Dark pixels of each page above its footer (the top 85 %), from pdftoppm's greyscale PGM (P5)
// at 20 dpi: a page with only its footer counts as blank.
inline std::vector<long> ink_per_page(const TempDir& dir, const std::string& pdf) {
  std::string prefix = dir.file("page");
  run(dir, "pdftoppm -gray -r 20 '" + pdf + "' '" + prefix + "'");
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    if (e.path().filename().string().rfind("page-", 0) == 0 && e.path().extension() == ".pgm")
      files.push_back(e.path().string());
  std::sort(files.begin(), files.end());  // page-01, page-02, ...: same width, so sorted is in order
  std::vector<long> ink;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string magic;
    int w = 0, h = 0, max = 0;
    in >> magic >> w >> h >> max;
    in.get();  // the single whitespace before the pixels
    REQUIRE(magic == "P5");
    REQUIRE(max == 255);
    std::string pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), '\0');
    in.read(pixels.data(), static_cast<std::streamsize>(pixels.size()));
    REQUIRE(in.gcount() == static_cast<std::streamsize>(pixels.size()));
    ink.push_back(
        std::count_if(pixels.begin(), pixels.end(), [](char p) { return static_cast<unsigned char>(p) < 200; }));
    std::filesystem::remove(f);
  }
  return ink;
}

// Whitespace runs made single spaces: pdftotext -layout pads columns with spaces.
inline std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

}  // namespace poppler
