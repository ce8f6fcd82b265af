// Observation templates: every built-in loads cleanly and is usable, its prompt bank passes the
// language guide, a school's folder overrides and adds, and a bad file is reported with its file,
// line and field while the other templates still load.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "core/language_guide.h"
#include "core/templates.h"
#include "support/temp_dir.h"

namespace {

const core::TemplateLoadError* error_for(const core::TemplateLibrary& lib, const std::string& file_suffix) {
  for (const auto& e : lib.errors)
    if (e.file.size() >= file_suffix.size() &&
        e.file.compare(e.file.size() - file_suffix.size(), file_suffix.size(), file_suffix) == 0)
      return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("templates: every built-in template loads with no errors", "[core][templates]") {
  auto lib = core::load_templates({core::builtin_template_dir()});
  for (const auto& e : lib.errors) FAIL_CHECK(core::describe(e));
  CHECK(lib.errors.empty());
  for (const char* key : {"questioning", "student-discourse", "participation-equity", "checking-for-understanding",
                          "wait-time", "routines-and-transitions", "feedback-to-students", "small-group-instruction"}) {
    INFO(key);
    CHECK(lib.find(key) != nullptr);
  }
  REQUIRE(lib.conversation() != nullptr);
  CHECK(lib.conversation()->key == "conversation");
  CHECK(lib.conversation()->prompt_bank.size() == 5);
  for (std::size_t i = 1; i < lib.templates.size(); ++i) CHECK(lib.templates[i - 1].title <= lib.templates[i].title);
}

TEST_CASE("templates: each built-in focus has look-fors, data tools and question stems", "[core][templates]") {
  auto lib = core::load_templates({core::builtin_template_dir()});
  int with_seating_chart = 0;
  for (const auto& t : lib.templates) {
    INFO(t.key);
    CHECK_FALSE(t.title.empty());
    CHECK_FALSE(t.description.empty());
    CHECK(t.source_file.find(core::builtin_template_dir()) == 0);
    if (t.conversation) continue;
    CHECK(t.look_fors.size() >= 3);
    CHECK(t.counters.size() + t.timers.size() > 0);
    CHECK(t.prompt_bank.size() >= 5);
    with_seating_chart += t.seating_chart ? 1 : 0;
    // An exclusive group of one timer would be a pair with nothing to pair with.
    for (const auto& group : core::timer_groups(t))
      if (!group.key.empty()) CHECK(group.timers.size() >= 2);
  }
  CHECK(with_seating_chart >= 1);
  auto groups = core::timer_groups(*lib.find("questioning"));
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].key == "talk");
  CHECK(groups[0].timers.size() == 2);
}

TEST_CASE("templates: every prompt stem is a question the language guide finds non-evaluative", "[core][templates]") {
  const auto guide = core::LanguageGuide::load_builtin();
  auto lib = core::load_templates({core::builtin_template_dir()});
  std::size_t stems = 0;
  for (const auto& t : lib.templates)
    for (const auto& stem : t.prompt_bank) {
      INFO(t.key << ": " << stem);
      CHECK(guide.check(stem).empty());
      CHECK(stem.back() == '?');
      ++stems;
    }
  CHECK(stems >= 50);
}

TEST_CASE("templates: a school's folder overrides a built-in by key and adds new ones", "[core][templates]") {
  testing_support::TempDir data;
  std::filesystem::create_directories(data.file("templates"));
  std::ofstream(data.file("templates/our_questioning.json")) << R"J({"format": 1, "key": "questioning",
    "title": "Questioning (district version)", "description": "Ours.", "look_fors": ["Open questions"],
    "counters": [{"key": "open-q", "label": "Open"}], "prompt_bank": ["What did you notice?"]})J";
  std::ofstream(data.file("templates/notes.txt")) << "not a template";
  auto dirs = core::template_dirs_for(data.path());
  REQUIRE(dirs.size() == 2);
  CHECK(dirs[0] == core::builtin_template_dir());
  auto lib = core::load_templates(dirs);
  CHECK(lib.errors.empty());
  const auto* q = lib.find("questioning");
  REQUIRE(q != nullptr);
  CHECK(q->title == "Questioning (district version)");
  CHECK(q->source_file == data.file("templates/our_questioning.json"));
  std::set<std::string> keys;
  for (const auto& t : lib.templates) CHECK(keys.insert(t.key).second);
  CHECK(lib.find("wait-time") != nullptr);
  SECTION("a data directory without a templates folder just gives the built-ins") {
    testing_support::TempDir empty;
    auto plain = core::load_templates(core::template_dirs_for(empty.path()));
    CHECK(plain.errors.empty());
    CHECK(plain.templates.size() == core::load_templates({core::builtin_template_dir()}).templates.size());
  }
}

TEST_CASE("templates: a bad file is named with its line and field, and the other templates still load",
          "[core][templates]") {
  auto builtins = core::load_templates({core::builtin_template_dir()});
  auto lib = core::load_templates({core::builtin_template_dir(), PEEROBS_TEST_DATA_DIR "/templates/mixed"});
  CHECK(lib.errors.size() == 4);
  CHECK(lib.templates.size() == builtins.templates.size() + 1);
  CHECK(lib.find("school-read-aloud") != nullptr);
  CHECK(lib.find("bad-counter") == nullptr);

  const auto* label = error_for(lib, "a_bad_counter_label.json");
  REQUIRE(label != nullptr);
  CHECK(label->line == 10);
  CHECK(label->field == "counters[2].label");
  CHECK(label->message == "expected a string, found a number");
  CHECK(core::describe(*label) ==
        std::string(PEEROBS_TEST_DATA_DIR) +
            "/templates/mixed/a_bad_counter_label.json:10: counters[2].label: expected a string, found a number");

  const auto* syntax = error_for(lib, "b_syntax_error.json");
  REQUIRE(syntax != nullptr);
  CHECK(syntax->line == 5);
  CHECK(syntax->field.empty());
  CHECK_THAT(syntax->message, Catch::StartsWith("JSON syntax"));

  const auto* missing = error_for(lib, "d_missing_prompts.json");
  REQUIRE(missing != nullptr);
  CHECK(missing->field == "prompt_bank");
  CHECK(missing->line == 1);
  CHECK(missing->message == "is missing (it is required)");

  const auto* typo = error_for(lib, "e_unknown_field.json");
  REQUIRE(typo != nullptr);
  CHECK(typo->field == "seatingchart");
  CHECK(typo->line == 8);
  CHECK_THAT(typo->message, Catch::Contains("not a known field"));
}

TEST_CASE("templates: parse_template checks keys, types and duplicates", "[core][templates]") {
  core::ObservationTemplate t;
  core::TemplateLoadError e;
  auto parse = [&](const std::string& json) { return core::parse_template(json, "t.json", t, e); };
  const std::string head =
      R"({"key": "k", "title": "T", "description": "D", "look_fors": ["L"], "prompt_bank": ["Q?"])";
  CHECK(parse(head + "}"));
  CHECK(t.key == "k");
  CHECK_FALSE(t.seating_chart);
  CHECK_FALSE(
      parse(R"({"key": "Has Spaces", "title": "T", "description": "D", "look_fors": ["L"], "prompt_bank": ["Q?"]})"));
  CHECK(e.field == "key");
  CHECK_FALSE(parse(head + R"(, "counters": [{"key": "a", "label": "A"}, {"key": "a", "label": "B"}]})"));
  CHECK(e.field == "counters[1].key");
  CHECK_FALSE(parse(head + R"(, "timers": [{"key": "a", "label": "A", "group": 3}]})"));
  CHECK(e.field == "timers[0].group");
  CHECK_FALSE(parse(head + R"(, "seating_chart": "yes"})"));
  CHECK(e.field == "seating_chart");
  CHECK_FALSE(parse(R"({"key": "k", "title": "T", "description": "D", "look_fors": [], "prompt_bank": ["Q?"]})"));
  CHECK(e.field == "look_fors");
  CHECK_FALSE(parse(head + R"(, "format": 2})"));
  CHECK(e.field == "format");
  CHECK_FALSE(parse("[]"));
  CHECK(e.message == "expected an object {...}, found a list");
  SECTION("a conversation template needs no look-fors") {
    CHECK(parse(R"({"key": "c", "title": "T", "description": "D", "conversation": true, "prompt_bank": ["Q?"]})"));
    CHECK(t.conversation);
  }
  SECTION("two files with one key in the same folder: the second is refused") {
    testing_support::TempDir dir;
    std::ofstream(dir.file("a.json")) << head + "}";
    std::ofstream(dir.file("b.json")) << head + "}";
    auto lib = core::load_templates({dir.path()});
    CHECK(lib.templates.size() == 1);
    REQUIRE(lib.errors.size() == 1);
    CHECK(lib.errors[0].file == dir.file("b.json"));
    CHECK(lib.errors[0].field == "key");
    CHECK_THAT(lib.errors[0].message, Catch::Contains(dir.file("a.json")));
  }
}
