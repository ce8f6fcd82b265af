// The Reflect screen's model. See reflect_model.h for the guarantees.
#include "app/screens/reflect_model.h"
#include "app/screens/model_text.h"

#include <algorithm>

namespace app {

ReflectModel::ReflectModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms)
    : store_(store), me_(me), now_ms_(std::move(now_ms)) {}

std::string ReflectModel::title() const {
  return visit_title(plan_);
}

int ReflectModel::unanswered() const {
  return static_cast<int>(std::count_if(prompts_.begin(), prompts_.end(), [](const ReflectPrompt& p) { return p.answer.empty(); }));
}

bool ReflectModel::any_dirty() const {
  return std::any_of(prompts_.begin(), prompts_.end(), [](const ReflectPrompt& p) { return p.draft.dirty(); });
}

ReflectPrompt* ReflectModel::find(core::Id prompt) {
  for (auto& p : prompts_)
    if (p.id == prompt) return &p;
  return nullptr;
}

bool ReflectModel::load(core::Id observation) {
  observation_ = core::Id{};
  plan_ = core::Observation{};
  summary_ = DataSummary{};
  prompts_.clear();
  can_answer_ = false;
  error_.clear();
  try {
    auto head = store_.get(observation);
    if (!head || !std::holds_alternative<core::Observation>(head->body)) {
      error_ = "This observation is not on this device (it may have been deleted).";
      return false;
    }
    plan_ = std::get<core::Observation>(head->body);
    for (const auto& p : plan_.participants)
      if (p.person == me_ && p.role == core::Role::ObservedTeacher) can_answer_ = true;
    auto names = person_names(store_);
    auto name = [&](core::Id id) { return names.count(id) ? names[id] : std::string("a colleague"); };
    summary_ = summarize(store_, observation, plan_);
    std::vector<EvidenceItem> items = evidence_items(store_, observation, summary_, names);

    std::map<core::Id, std::pair<core::Id, core::RecordHead>> answers;  // prompt -> reflection
    for (const auto& [id, h] : store_.live(core::RecordType::Reflection, observation)) {
      const auto& r = std::get<core::Reflection>(h.body);
      // My own answer wins over someone else's when both exist (e.g. an answer typed on two devices).
      if (!answers.count(r.prompt) || h.version.author == me_) answers[r.prompt] = {id, h};
    }
    std::vector<std::pair<std::int64_t, ReflectPrompt>> rows;
    for (const auto& [id, h] : store_.live(core::RecordType::Prompt, observation)) {
      const auto& p = std::get<core::Prompt>(h.body);
      if (!p.shared) continue;  // the observer has not shared it: the teacher never sees it
      ReflectPrompt rp;
      rp.id = id;
      rp.text = p.text;
      auto versions = store_.versions_of(id);
      core::Id author = h.version.author;
      std::int64_t first = h.version.saved_at_ms;
      for (const auto& v : versions)
        if (v.saved_at_ms <= first) {
          first = v.saved_at_ms;
          author = v.author;
        }
      rp.from = name(author);
      for (const auto& item : items)
        if (std::any_of(item.records.begin(), item.records.end(),
                        [&](const core::Id& r) { return std::find(p.evidence.begin(), p.evidence.end(), r) != p.evidence.end(); }))
          rp.evidence.push_back(item);
      if (auto a = answers.find(id); a != answers.end()) {
        rp.reflection = a->second.first;
        rp.answer = std::get<core::Reflection>(a->second.second.body).text;
        rp.answered_by = name(a->second.second.version.author);
      }
      rp.draft.open(store_, draft_key(id));
      rows.push_back({first, std::move(rp)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& r : rows) prompts_.push_back(std::move(r.second));
    observation_ = observation;
  } catch (const std::exception& e) {
    error_ = std::string("Could not read this observation: ") + e.what();
    return false;
  }
  return true;
}

bool ReflectModel::apply(const ReflectAction& a) {
  if (!loaded()) return false;
  error_.clear();
  try {
    switch (a.kind) {
      case ReflectAction::Kind::EditAnswer: {
        ReflectPrompt* p = find(a.prompt);
        if (!p) {
          error_ = "That prompt is no longer here.";
          return false;
        }
        p->draft.edit(a.text, now_ms_());
        return true;
      }
      case ReflectAction::Kind::SaveAnswer: return save_answer(a.prompt);
    }
  } catch (const std::exception& e) {
    error_ = std::string("Could not save your answer: ") + e.what();
    return false;
  }
  return false;
}

bool ReflectModel::save_answer(core::Id prompt) {
  ReflectPrompt* p = find(prompt);
  if (!p) {
    error_ = "That prompt is no longer here.";
    return false;
  }
  if (!can_answer_) {
    error_ = "Only the observed teacher answers these prompts.";
    return false;
  }
  std::string text = trim(p->draft.text());
  if (text.empty()) {
    error_ = "Write your answer first. A sentence or two is enough.";
    return false;
  }
  core::Reflection r{observation_, prompt, text};
  core::Id record = p->reflection;  // set on the view only once the transaction committed
  store_.transaction([&] {
    if (record.empty()) record = store_.create(r, me_).record;
    else store_.update(record, r, me_);
    store_.clear_draft(draft_key(prompt));
  });
  p->reflection = record;
  p->answer = text;
  p->answered_by.clear();
  p->draft.forget();
  return true;
}

void ReflectModel::autosave(bool force) {
  for (auto& p : prompts_) {
    std::string err;
    if (!p.draft.autosave(store_, now_ms_(), force, err)) error_ = err;
  }
}

}  // namespace app
