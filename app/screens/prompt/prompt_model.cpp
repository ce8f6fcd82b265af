// The Prompt screen's model. See prompt_model.h for the guarantees.
#include "app/screens/prompt/prompt_model.h"

#include <algorithm>

#include "app/screens/common/first_save.h"
#include "app/screens/common/model_text.h"
#include "core/lesson/people.h"

namespace app {

PromptModel::PromptModel(core::Store& store, core::Id me, const core::TemplateLibrary* templates,
                         std::function<std::int64_t()> now_ms)
    : ObservationModel(store, me, std::move(now_ms)), templates_(templates) {}

int PromptModel::unshared_mine() const {
  return static_cast<int>(
      std::count_if(prompts_.begin(), prompts_.end(), [](const PromptEntry& p) { return p.mine && !p.prompt.shared; }));
}

bool PromptModel::load(core::Id observation) {
  evidence_.clear();
  prompts_.clear();
  stems_.clear();
  picked_.clear();
  draft_text_.clear();
  teacher_name_.clear();
  can_write_ = false;
  return load_observation(observation, [&] {
    names_ = core::person_names(store_);
    teacher_name_ = core::observed_teacher_name(plan_, names_);
    for (const auto& p : plan_.participants)
      if (p.person == me_ && p.role != core::Role::ObservedTeacher) can_write_ = true;
    evidence_ =
        evidence_items(store_, observation, core::summarize_by_observer(store_, observation, plan_, names_), names_);
    if (templates_) {
      if (const auto* t = templates_->find(plan_.template_key)) stems_ = t->prompt_bank;
      if (const auto* c = templates_->conversation())
        for (const auto& s : c->prompt_bank)
          if (std::find(stems_.begin(), stems_.end(), s) == stems_.end()) stems_.push_back(s);
    }
    reload_prompts();
    draft_.open(store_, draft_key(observation));
    if (draft_.text().empty()) return;
    auto fields = split_draft_fields(draft_.text(), 2);
    for (const auto& k : split_draft_list(fields[0]))
      // Evidence deleted since the draft was typed is simply no longer picked.
      if (std::any_of(evidence_.begin(), evidence_.end(), [&](const EvidenceItem& i) { return i.key == k; }))
        picked_.insert(k);
    draft_text_ = fields[1];
  });
}

void PromptModel::reload_prompts() {
  std::vector<std::pair<std::int64_t, PromptEntry>> rows;
  for (const auto& [id, h] : store_.live(core::RecordType::Prompt, observation_)) {
    PromptEntry p;
    p.id = id;
    p.prompt = std::get<core::Prompt>(h.body);
    p.mine = h.version.author == me_;
    if (!p.mine) p.author_name = core::name_or(names_, h.version.author, "a co-observer");
    for (const auto& item : evidence_)
      if (std::any_of(item.records.begin(), item.records.end(), [&](const core::Id& r) {
            return std::find(p.prompt.evidence.begin(), p.prompt.evidence.end(), r) != p.prompt.evidence.end();
          }))
        p.evidence_texts.push_back(item.text);
    // Prompts in the order they were written, not as they were shared.
    rows.push_back({first_save(store_, id, h).saved_at_ms, std::move(p)});
  }
  prompts_ = in_time_order(std::move(rows));
}

void PromptModel::store_draft_text() {
  const std::string keys = join_draft_list({picked_.begin(), picked_.end()});
  draft_.edit(draft_text_.empty() && picked_.empty() ? std::string() : join_draft_fields({keys, draft_text_}),
              now_ms_());
}

bool PromptModel::apply(const PromptAction& a) {
  return run_action([&] {
    switch (a.kind) {
      case PromptAction::Kind::EditDraft:
        draft_text_ = a.text;
        store_draft_text();
        return true;
      case PromptAction::Kind::UseStem:
        // A stem replaces an empty draft; otherwise it is added after what is there.
        draft_text_ = trim(draft_text_).empty() ? a.text : trim(draft_text_) + " " + a.text;
        store_draft_text();
        return true;
      case PromptAction::Kind::ToggleEvidence:
        if (!std::any_of(evidence_.begin(), evidence_.end(), [&](const EvidenceItem& i) { return i.key == a.text; }))
          return refuse("That evidence is no longer in this observation.");
        if (!picked_.erase(a.text)) picked_.insert(a.text);
        store_draft_text();
        return true;
      case PromptAction::Kind::SavePrompt:
        return save_prompt();
      case PromptAction::Kind::DeletePrompt:
        return delete_prompt(a.record);
      case PromptAction::Kind::Share:
        return share();
    }
    return false;
  });
}

bool PromptModel::save_prompt() {
  if (!can_write_) return refuse("Only the people who observed this lesson write its prompts.");
  std::string text = trim(draft_text_);
  if (text.empty()) return refuse("Write a question for the teacher first, or tap one of the suggested questions.");
  core::Prompt p;
  p.observation = observation_;
  p.text = text;
  for (const auto& item : evidence_)
    if (picked_.count(item.key)) p.evidence.insert(p.evidence.end(), item.records.begin(), item.records.end());
  p.shared = false;
  store_.transaction([&] {
    store_.create(p, me_);
    store_.drafts().clear(draft_key(observation_));
  });
  draft_.forget();
  draft_text_.clear();
  picked_.clear();
  reload_prompts();
  return true;
}

bool PromptModel::delete_prompt(core::Id record) {
  auto it = std::find_if(prompts_.begin(), prompts_.end(), [&](const PromptEntry& p) { return p.id == record; });
  if (it == prompts_.end()) return refuse("That prompt is no longer here.");
  if (!it->mine) return refuse("Only the person who wrote a prompt can delete it.");
  if (it->prompt.shared) return refuse("This prompt is already shared with the teacher, so it stays.");
  store_.remove(record, me_);
  prompts_.erase(it);
  return true;
}

bool PromptModel::share() {
  if (unshared_mine() == 0) return refuse("There are no new prompts to share. Save a prompt first.");
  store_.transaction([&] {
    for (const auto& p : prompts_) {
      if (!p.mine || p.prompt.shared) continue;
      core::Prompt shared = p.prompt;
      shared.shared = true;
      store_.update(p.id, shared, me_);
    }
  });
  for (auto& p : prompts_)
    if (p.mine) p.prompt.shared = true;
  return true;
}

}  // namespace app
