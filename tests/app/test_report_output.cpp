// The desktop's report files (platform/report_files.h): which folder, and names that never replace
// an older report. Pure functions over a pretend file system, so no HOME is touched; saving runs in
// a temporary folder with a stand-in writer (the PDF itself is tested in tests/report).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>

#include "platform/report_files.h"

using platform::ReportFolderPlaces;

namespace {
auto in(const std::set<std::string>& paths) {
  return [paths](const std::string& p) { return paths.count(p) > 0; };
}
}  // namespace

TEST_CASE("report files: the folder is <documents>/peerobs when there is one, else <data>/reports",
          "[platform][report]") {
  ReportFolderPlaces places{"/home/ana/Dokumente", "/home/ana", "/home/ana/.local/share/peerobs"};
  SECTION("XDG_DOCUMENTS_DIR when it exists") {
    CHECK(platform::choose_report_folder(places, in({"/home/ana/Dokumente", "/home/ana/Documents"})) ==
          "/home/ana/Dokumente/peerobs");
  }
  SECTION("~/Documents when XDG_DOCUMENTS_DIR is not set or does not exist") {
    CHECK(platform::choose_report_folder(places, in({"/home/ana/Documents"})) == "/home/ana/Documents/peerobs");
    places.xdg_documents_dir.clear();
    CHECK(platform::choose_report_folder(places, in({"/home/ana/Documents"})) == "/home/ana/Documents/peerobs");
  }
  SECTION("the data folder when there is no documents folder") {
    CHECK(platform::choose_report_folder(places, in({})) == "/home/ana/.local/share/peerobs/reports");
    places.home.clear();
    places.xdg_documents_dir.clear();
    CHECK(platform::choose_report_folder(places, in({"/Documents"})) == "/home/ana/.local/share/peerobs/reports");
  }
}

TEST_CASE("report files: the documents folder is read from user-dirs.dirs", "[platform][report]") {
  const std::string text =
      "# This file is written by xdg-user-dirs-update\n"
      "XDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
      "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n";
  CHECK(platform::documents_dir_from_user_dirs(text, "/home/ana") == "/home/ana/Dokumente");
  CHECK(platform::documents_dir_from_user_dirs("XDG_DOCUMENTS_DIR=\"/srv/docs\"\n", "/home/ana") == "/srv/docs");
  SECTION("none named, or disabled by naming $HOME itself") {
    CHECK(platform::documents_dir_from_user_dirs("XDG_MUSIC_DIR=\"$HOME/Music\"\n", "/home/ana").empty());
    CHECK(platform::documents_dir_from_user_dirs("XDG_DOCUMENTS_DIR=\"$HOME/\"\n", "/home/ana").empty());
    CHECK(platform::documents_dir_from_user_dirs("", "/home/ana").empty());
  }
}

TEST_CASE("report files: a new report never replaces an older one", "[platform][report]") {
  const std::string folder = "/home/ana/Documents/peerobs";
  CHECK(platform::unused_file_name(folder, "visit-8B", ".pdf", in({})) == folder + "/visit-8B.pdf");
  CHECK(platform::unused_file_name(folder, "visit-8B", ".pdf", in({folder + "/visit-8B.pdf"})) ==
        folder + "/visit-8B-2.pdf");
  CHECK(platform::unused_file_name(folder, "visit-8B", ".pdf",
                                   in({folder + "/visit-8B.pdf", folder + "/visit-8B-2.pdf"})) ==
        folder + "/visit-8B-3.pdf");
  SECTION("another extension is another name") {
    CHECK(platform::unused_file_name(folder, "visit-8B", ".pdf", in({folder + "/visit-8B.html"})) ==
          folder + "/visit-8B.pdf");
  }
  SECTION("when every name is taken it says so instead of overwriting") {
    CHECK_THROWS_WITH(platform::unused_file_name(folder, "visit", ".pdf", [](const std::string&) { return true; }),
                      Catch::Contains("Move some of them elsewhere"));
  }
}

TEST_CASE("report files: a class name becomes a safe file name", "[platform][report]") {
  CHECK(platform::safe_file_stem("visit-2026-11-19-8B") == "visit-2026-11-19-8B");
  CHECK(platform::safe_file_stem("visit-8B/science") == "visit-8B-science");
  CHECK(platform::safe_file_stem("../../etc/passwd") == "-..-etc-passwd");
  CHECK(platform::safe_file_stem("a\nb\tc:d?e") == "a-b-c-d-e");
  CHECK(platform::safe_file_stem("زيارة-الصف") == "زيارة-الصف");
  CHECK(platform::safe_file_stem("") == "report");
  CHECK(platform::safe_file_stem(" .. ") == "report");
}

TEST_CASE("report files: saving makes the folder, never overwrites, and turns failures into sentences",
          "[platform][report]") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("peerobs-report-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::string folder = (root / "Documents" / "peerobs").string();
  const auto write_text = [](const std::string& text) {
    return [text](const std::string& path) { std::ofstream(path) << text; };
  };

  const platform::ReportOutcome first = platform::save_report_file(folder, "visit-8B", ".pdf", write_text("one"));
  REQUIRE(first.ok);
  CHECK(first.path == folder + "/visit-8B.pdf");
  CHECK(first.sentence == "Saved as " + folder + "/visit-8B.pdf");
  const platform::ReportOutcome second = platform::save_report_file(folder, "visit-8B", ".pdf", write_text("two"));
  REQUIRE(second.ok);
  CHECK(second.path == folder + "/visit-8B-2.pdf");
  std::string kept;
  std::getline(std::ifstream(first.path), kept);
  CHECK(kept == "one");

  SECTION("a file where the folder should be") {
    std::ofstream(root / "blocked") << "x";
    const auto outcome =
        platform::save_report_file((root / "blocked" / "peerobs").string(), "visit", ".pdf", write_text("never"));
    CHECK_FALSE(outcome.ok);
    CHECK(outcome.path.empty());
    CHECK_THAT(outcome.sentence, Catch::StartsWith("The summary was not saved: the folder"));
  }
  SECTION("a writer that fails (a full disk)") {
    const auto outcome = platform::save_report_file(folder, "visit", ".pdf", [](const std::string&) {
      throw std::runtime_error("Could not write visit.pdf: is the disk full?");
    });
    CHECK_FALSE(outcome.ok);
    CHECK(outcome.sentence == "The summary was not saved: Could not write visit.pdf: is the disk full?");
  }
  fs::remove_all(root);
}
