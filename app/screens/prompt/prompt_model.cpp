// The Prompt screen's model. See prompt_model.h for the guarantees.
#include "app/screens/prompt/prompt_model.h"
#include "app/screens/common/model_text.h"

#include <algorithm>

namespace app {

PromptModel::PromptModel(core::Store& store, core::Id me, const core::TemplateLibrary* templates,
                         std::function<std::int64_t()> now_ms)
    : store_(store), me_(me), templates_(templates), now_ms_(std::move(now_ms)) {}

std::string PromptModel::title() const { return visit_title(plan_); }

int PromptModel::unshared_mine() const {
  return static_cast<int>(
      std::count_if(prompts_.begin(), prompts_.end(), [](const PromptEntry& p) { return p.mine && !p.prompt.shared; }));
}

bool PromptModel::load(core::Id observation) {
  observation_ = core::Id{};
  plan_ = core::Observation{};
  evidence_.clear();
  prompts_.clear();
  stems_.clear();
  picked_.clear();
  draft_text_.clear();
  teacher_name_.clear();
  can_write_ = false;
  error_.clear();
  try {
    auto head = store_.get(observation);
    if (!head || !std::holds_alternative<core::Observation>(head->body)) {
      error_ = "This observation is not on this device (it may have been deleted).";
      return false;
    }
    plan_ = std::get<core::Observation>(head->body);
    observation_ = observation;
    names_ = person_names(store_);
    for (const auto& p : plan_.participants) {
      if (p.role == core::Role::ObservedTeacher && teacher_name_.empty() && names_.count(p.person))
        teacher_name_ = names_[p.person];
      if (p.person == me_ && p.role != core::Role::ObservedTeacher) can_write_ = true;
    }
    evidence_ = evidence_items(store_, observation, summarize_by_observer(store_, observation, plan_, names_), names_);
    if (templates_) {
      if (const auto* t = templates_->find(plan_.template_key)) stems_ = t->prompt_bank;
      if (const auto* c = templates_->conversation())
        for (const auto& s : c->prompt_bank)
          if (std::find(stems_.begin(), stems_.end(), s) == stems_.end()) stems_.push_back(s);
    }
    reload_prompts();
    draft_.open(store_, draft_key(observation));
    if (!draft_.text().empty()) {
      auto fields = split_draft_fields(draft_.text(), 2);
      std::size_t b = 0;
      const std::string& keys = fields[0];
      while (b < keys.size()) {
        std::size_t e = keys.find('\x1f', b);
        if (e == std::string::npos) e = keys.size();
        std::string k = keys.substr(b, e - b);
        // Evidence deleted since the draft was typed is simply no longer picked.
        if (std::any_of(evidence_.begin(), evidence_.end(), [&](const EvidenceItem& i) { return i.key == k; }))
          picked_.insert(k);
        b = e + 1;
      }
      draft_text_ = fields[1];
    }
  } catch (const std::exception& e) {
    error_ = std::string("Could not read this observation: ") + e.what();
    observation_ = core::Id{};
    return false;
  }
  return true;
}

void PromptModel::reload_prompts() {
  prompts_.clear();
  std::vector<std::pair<std::int64_t, PromptEntry>> rows;
  for (const auto& [id, h] : store_.live(core::RecordType::Prompt, observation_)) {
    PromptEntry p;
    p.id = id;
    p.prompt = std::get<core::Prompt>(h.body);
    p.mine = h.version.author == me_;
    if (!p.mine)
      p.author_name = names_.count(h.version.author) ? names_[h.version.author] : std::string("a co-observer");
    for (const auto& item : evidence_)
      if (std::any_of(item.records.begin(), item.records.end(), [&](const core::Id& r) {
            return std::find(p.prompt.evidence.begin(), p.prompt.evidence.end(), r) != p.prompt.evidence.end();
          }))
        p.evidence_texts.push_back(item.text);
    // The first version's save time orders prompts as they were written, not as they were shared.
    auto versions = store_.versions_of(id);
    std::int64_t first = versions.empty() ? h.version.saved_at_ms : versions.front().saved_at_ms;
    for (const auto& v : versions) first = std::min(first, v.saved_at_ms);
    rows.push_back({first, std::move(p)});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& r : rows) prompts_.push_back(std::move(r.second));
}

void PromptModel::store_draft_text() {
  std::string keys;
  for (const auto& k : picked_) keys += (keys.empty() ? "" : "\x1f") + k;
  draft_.edit(draft_text_.empty() && picked_.empty() ? std::string() : join_draft_fields({keys, draft_text_}),
              now_ms_());
}

bool PromptModel::apply(const PromptAction& a) {
  if (!loaded()) return false;
  error_.clear();
  using K = PromptAction::Kind;
  try {
    switch (a.kind) {
      case K::EditDraft:
        draft_text_ = a.text;
        store_draft_text();
        return true;
      case K::UseStem:
        // A stem replaces an empty draft; otherwise it is added after what is there.
        draft_text_ = trim(draft_text_).empty() ? a.text : trim(draft_text_) + " " + a.text;
        store_draft_text();
        return true;
      case K::ToggleEvidence: {
        if (!std::any_of(evidence_.begin(), evidence_.end(), [&](const EvidenceItem& i) { return i.key == a.text; })) {
          error_ = "That evidence is no longer in this observation.";
          return false;
        }
        if (!picked_.erase(a.text)) picked_.insert(a.text);
        store_draft_text();
        return true;
      }
      case K::SavePrompt:
        return save_prompt();
      case K::DeletePrompt:
        return delete_prompt(a.record);
      case K::Share:
        return share();
    }
  } catch (const std::exception& e) {
    error_ = std::string("Could not save: ") + e.what();
    return false;
  }
  return false;
}

bool PromptModel::save_prompt() {
  if (!can_write_) {
    error_ = "Only the people who observed this lesson write its prompts.";
    return false;
  }
  std::string text = trim(draft_text_);
  if (text.empty()) {
    error_ = "Write a question for the teacher first, or tap one of the suggested questions.";
    return false;
  }
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
  if (it == prompts_.end()) {
    error_ = "That prompt is no longer here.";
    return false;
  }
  if (!it->mine) {
    error_ = "Only the person who wrote a prompt can delete it.";
    return false;
  }
  if (it->prompt.shared) {
    error_ = "This prompt is already shared with the teacher, so it stays.";
    return false;
  }
  store_.remove(record, me_);
  prompts_.erase(it);
  return true;
}

bool PromptModel::share() {
  if (unshared_mine() == 0) {
    error_ = "There are no new prompts to share. Save a prompt first.";
    return false;
  }
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

void PromptModel::autosave(bool force) {
  if (!loaded()) return;
  std::string err;
  if (!draft_.autosave(store_, now_ms_(), force, err)) error_ = err;
}

}  // namespace app
