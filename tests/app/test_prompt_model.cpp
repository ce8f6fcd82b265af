// PromptModel against a real store: what each action leaves on disk.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/screens/prompt/prompt_model.h"
#include "core/templates.h"
#include "demo_store.h"

using app::PromptAction;
using PromptKind = app::PromptAction::Kind;

namespace {
PromptAction act(PromptKind kind, std::string text = {}) {
  PromptAction a;
  a.kind = kind;
  a.text = std::move(text);
  return a;
}

const app::EvidenceItem& item(const app::PromptModel& m, const std::string& key) {
  auto it =
      std::find_if(m.evidence().begin(), m.evidence().end(), [&](const app::EvidenceItem& e) { return e.key == key; });
  REQUIRE(it != m.evidence().end());
  return *it;
}

core::TemplateLibrary templates() { return core::load_templates({core::builtin_template_dir()}); }
}  // namespace

TEST_CASE("prompt: a saved prompt keeps its text and the records of the picked evidence, unshared", "[app][prompt]") {
  test::DemoStore s;
  auto lib = templates();
  app::PromptModel m(s.store, s.me, &lib, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  REQUIRE(m.can_write());
  const auto before = s.live<core::Prompt>(core::RecordType::Prompt, s.demo.observed_visit).size();
  const std::string note_key = m.evidence().front().key;
  CHECK(m.evidence().front().kind == core::EvidenceKind::Note);
  REQUIRE(m.apply(act(PromptKind::ToggleEvidence, note_key)));
  // The demo visit was co-observed (the coach tapped student questions), so each count names its observer.
  const std::string open_q = "counter:open-q@" + s.me.hex();
  REQUIRE(m.apply(act(PromptKind::ToggleEvidence, open_q)));
  CHECK(item(m, open_q).text == "Open questions: 7, counted by Sam Okafor");
  REQUIRE(m.apply(act(PromptKind::EditDraft, "  What did you notice about the first question?  ")));
  REQUIRE(m.apply(act(PromptKind::SavePrompt)));

  auto prompts = s.live<core::Prompt>(core::RecordType::Prompt, s.demo.observed_visit);
  REQUIRE(prompts.size() == before + 1);
  auto saved = std::find_if(prompts.begin(), prompts.end(), [](const auto& p) {
    return p.second.text == "What did you notice about the first question?";
  });
  REQUIRE(saved != prompts.end());
  CHECK_FALSE(saved->second.shared);
  CHECK(saved->second.evidence.size() == 1 + 7);  // the note and each of the 7 open-question tallies
  CHECK(std::count(saved->second.evidence.begin(), saved->second.evidence.end(), item(m, note_key).records.front()) ==
        1);
  CHECK_FALSE(s.store.drafts().get(app::PromptModel::draft_key(s.demo.observed_visit)));
  CHECK(m.draft().empty());
  CHECK(m.picked().empty());
  CHECK(m.unshared_mine() == 1);
}

TEST_CASE("prompt: sharing saves a shared version of each of my unshared prompts and nobody else's", "[app][prompt]") {
  test::DemoStore s;
  auto lib = templates();
  // A co-observer's draft prompt on the same visit must stay as it is.
  core::Id coach_prompt =
      s.store.create(core::Prompt{s.demo.observed_visit, "Coach's own question", {}, false}, s.demo.coach).record;
  app::PromptModel m(s.store, s.me, &lib, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  for (const char* text : {"Is this what you thought was happening?", "What would you change?"}) {
    REQUIRE(m.apply(act(PromptKind::EditDraft, text)));
    REQUIRE(m.apply(act(PromptKind::SavePrompt)));
  }
  REQUIRE(m.unshared_mine() == 2);
  CHECK(m.teacher_name() == "Amira Haddad");
  REQUIRE(m.apply(act(PromptKind::Share)));
  CHECK(m.unshared_mine() == 0);

  int mine_shared = 0;
  for (const auto& [id, p] : s.live<core::Prompt>(core::RecordType::Prompt, s.demo.observed_visit)) {
    if (p.text == "Is this what you thought was happening?" || p.text == "What would you change?") {
      CHECK(p.shared);
      CHECK(s.store.versions_of(id).size() == 2);  // the unshared save and the shared one
      ++mine_shared;
    }
  }
  CHECK(mine_shared == 2);
  auto coach = s.store.get(coach_prompt);
  REQUIRE(coach);
  CHECK_FALSE(std::get<core::Prompt>(coach->body).shared);
  SECTION("sharing again with nothing new says so and writes nothing") {
    auto versions = s.store.all_versions().size();
    CHECK_FALSE(m.apply(act(PromptKind::Share)));
    CHECK(m.error().find("no new prompts") != std::string::npos);
    CHECK(s.store.all_versions().size() == versions);
  }
}

TEST_CASE("prompt: the typed prompt and its picked evidence are autosaved within a second and restored",
          "[app][prompt]") {
  test::DemoStore s;
  auto lib = templates();
  std::string key;
  {
    app::PromptModel m(s.store, s.me, &lib, s.clock());
    REQUIRE(m.load(s.demo.observed_visit));
    key = m.evidence().front().key;
    REQUIRE(m.apply(act(PromptKind::ToggleEvidence, key)));
    REQUIRE(m.apply(act(PromptKind::EditDraft, "Which question got the longest answers")));
    m.autosave(false);
    CHECK_FALSE(s.store.drafts().get(app::PromptModel::draft_key(s.demo.observed_visit)));  // still typing
    s.now += 1000;
    m.autosave(false);
    CHECK(s.store.drafts().get(app::PromptModel::draft_key(s.demo.observed_visit)));
  }  // the app is killed here: no forced save
  app::PromptModel again(s.store, s.me, &lib, s.clock());
  REQUIRE(again.load(s.demo.observed_visit));
  CHECK(again.draft() == "Which question got the longest answers");
  CHECK(again.picked().count(key) == 1);
}

TEST_CASE("prompt: suggested questions come from the plan's template and the conversation template", "[app][prompt]") {
  test::DemoStore s;
  auto lib = templates();
  app::PromptModel m(s.store, s.me, &lib, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  const auto* questioning = lib.find("questioning");
  REQUIRE(questioning);
  REQUIRE(lib.conversation());
  REQUIRE(m.stems().size() >= questioning->prompt_bank.size());
  CHECK(m.stems().front() == questioning->prompt_bank.front());
  CHECK(std::find(m.stems().begin(), m.stems().end(), lib.conversation()->prompt_bank.front()) != m.stems().end());
  REQUIRE(m.apply(act(PromptKind::UseStem, m.stems().front())));
  CHECK(m.draft() == m.stems().front());
}

TEST_CASE("prompt: an empty prompt and a prompt from the observed teacher are refused with a reason", "[app][prompt]") {
  test::DemoStore s;
  auto lib = templates();
  const auto before = s.store.all_versions().size();
  SECTION("empty") {
    app::PromptModel m(s.store, s.me, &lib, s.clock());
    REQUIRE(m.load(s.demo.observed_visit));
    REQUIRE(m.apply(act(PromptKind::EditDraft, "   ")));
    CHECK_FALSE(m.apply(act(PromptKind::SavePrompt)));
    CHECK(m.error().find("Write a question") != std::string::npos);
  }
  SECTION("the observed teacher") {
    app::PromptModel m(s.store, s.demo.observed_teacher, &lib, s.clock());
    REQUIRE(m.load(s.demo.observed_visit));
    CHECK_FALSE(m.can_write());
    REQUIRE(m.apply(act(PromptKind::EditDraft, "A question to myself")));
    CHECK_FALSE(m.apply(act(PromptKind::SavePrompt)));
    CHECK(m.error().find("observed this lesson") != std::string::npos);
  }
  CHECK(s.store.all_versions().size() == before);
}

TEST_CASE("prompt: an unknown observation is reported in plain words", "[app][prompt]") {
  test::DemoStore s;
  app::PromptModel m(s.store, s.me, nullptr, s.clock());
  CHECK_FALSE(m.load(core::Id::random()));
  CHECK(m.error() == "This observation is not on this device (it may have been deleted).");
}
