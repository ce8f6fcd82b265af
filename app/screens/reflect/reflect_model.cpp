// The Reflect screen's model. See reflect_model.h for the guarantees.
#include "app/screens/reflect/reflect_model.h"
#include "app/screens/common/model_text.h"

#include <algorithm>

namespace app {

std::vector<OwnReflection> own_reflections_of(const core::Store& store, core::Id observation, core::Id me,
                                              const std::map<core::Id, std::string>& names) {
  std::vector<std::pair<std::int64_t, OwnReflection>> rows;
  for (const auto& [id, h] : store.live(core::RecordType::Reflection, observation)) {
    const auto& r = std::get<core::Reflection>(h.body);
    if (!r.prompt.empty()) continue;  // an answer to a prompt, shown with its prompt
    OwnReflection o;
    o.id = id;
    o.text = r.text;
    o.mine = h.version.author == me;
    auto n = names.find(h.version.author);
    o.author = o.mine ? std::string("You") : n == names.end() ? std::string("The observed teacher") : n->second;
    // The first save orders them as they were written, whatever was changed later.
    std::int64_t first = h.version.saved_at_ms;
    for (const auto& v : store.versions_of(id)) first = std::min(first, v.saved_at_ms);
    rows.push_back({first, std::move(o)});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<OwnReflection> out;
  for (auto& r : rows) out.push_back(std::move(r.second));
  return out;
}

ReflectModel::ReflectModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms)
    : store_(store), me_(me), now_ms_(std::move(now_ms)) {}

std::string ReflectModel::title() const { return visit_title(plan_); }

int ReflectModel::unanswered() const {
  return static_cast<int>(
      std::count_if(prompts_.begin(), prompts_.end(), [](const ReflectPrompt& p) { return p.answer.empty(); }));
}

bool ReflectModel::any_dirty() const {
  return new_own_.dirty() ||
         std::any_of(prompts_.begin(), prompts_.end(), [](const ReflectPrompt& p) { return p.draft.dirty(); }) ||
         std::any_of(own_.begin(), own_.end(), [](const OwnReflection& o) { return o.draft.dirty(); });
}

std::vector<const ObserverData*> ReflectModel::shown_observers() const {
  std::vector<const ObserverData*> out;
  for (const auto& o : lesson_.observers)
    if (o.ended) out.push_back(&o);
  return out;
}

std::vector<const ObserverData*> ReflectModel::still_observing() const {
  std::vector<const ObserverData*> out;
  for (const auto& o : lesson_.observers)
    if (!o.ended) out.push_back(&o);
  return out;
}

ReflectPrompt* ReflectModel::find(core::Id prompt) {
  for (auto& p : prompts_)
    if (p.id == prompt) return &p;
  return nullptr;
}

OwnReflection* ReflectModel::find_own(core::Id record) {
  for (auto& o : own_)
    if (o.id == record) return &o;
  return nullptr;
}

void ReflectModel::reload_own() {
  // Changes typed into other reflections and not autosaved yet stay as they are.
  std::map<core::Id, TextDraft> typing;
  for (auto& o : own_) typing[o.id] = std::move(o.draft);
  own_ = own_reflections_of(store_, observation_, me_, person_names(store_));
  for (auto& o : own_) {
    if (!o.mine) continue;
    auto t = typing.find(o.id);
    if (t != typing.end())
      o.draft = std::move(t->second);
    else
      o.draft.open(store_, own_draft_key(o.id));
  }
}

bool ReflectModel::load(core::Id observation) {
  observation_ = core::Id{};
  plan_ = core::Observation{};
  lesson_ = LessonData{};
  prompts_.clear();
  own_.clear();
  new_own_ = TextDraft{};
  teacher_name_.clear();
  can_answer_ = false;
  error_.clear();
  try {
    auto head = store_.get(observation);
    if (!head || !std::holds_alternative<core::Observation>(head->body)) {
      error_ = "This observation is not on this device (it may have been deleted).";
      return false;
    }
    plan_ = std::get<core::Observation>(head->body);
    auto names = person_names(store_);
    auto name = [&](core::Id id) { return names.count(id) ? names[id] : std::string("a colleague"); };
    for (const auto& p : plan_.participants) {
      if (p.person == me_ && p.role == core::Role::ObservedTeacher) can_answer_ = true;
      if (p.role == core::Role::ObservedTeacher && teacher_name_.empty() && names.count(p.person))
        teacher_name_ = names[p.person];
    }
    lesson_ = summarize_by_observer(store_, observation, plan_, names);
    std::vector<EvidenceItem> items = evidence_items(store_, observation, lesson_, names);

    std::map<core::Id, std::pair<core::Id, core::RecordHead>> answers;  // prompt -> reflection
    for (const auto& [id, h] : store_.live(core::RecordType::Reflection, observation)) {
      const auto& r = std::get<core::Reflection>(h.body);
      if (r.prompt.empty()) continue;  // an own reflection, listed on its own
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
        if (std::any_of(item.records.begin(), item.records.end(), [&](const core::Id& r) {
              return std::find(p.evidence.begin(), p.evidence.end(), r) != p.evidence.end();
            }))
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
    reload_own();
    new_own_.open(store_, new_own_draft_key(observation));
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
      case ReflectAction::Kind::SaveAnswer:
        return save_answer(a.prompt);
      case ReflectAction::Kind::EditOwn: {
        if (a.record.empty()) {
          new_own_.edit(a.text, now_ms_());
          return true;
        }
        OwnReflection* o = find_own(a.record);
        if (!o || !o->mine) {
          error_ = "That reflection is no longer here.";
          return false;
        }
        o->draft.edit(a.text, now_ms_());
        return true;
      }
      case ReflectAction::Kind::SaveOwn:
        return save_own(a.record);
      case ReflectAction::Kind::RemoveOwn:
        return remove_own(a.record);
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
    if (record.empty())
      record = store_.create(r, me_).record;
    else
      store_.update(record, r, me_);
    store_.drafts().clear(draft_key(prompt));
  });
  p->reflection = record;
  p->answer = text;
  p->answered_by.clear();
  p->draft.forget();
  return true;
}

bool ReflectModel::save_own(core::Id record) {
  if (!can_answer_) {
    error_ = "Only the observed teacher writes reflections here.";
    return false;
  }
  OwnReflection* existing = record.empty() ? nullptr : find_own(record);
  if (!record.empty() && (!existing || !existing->mine)) {
    error_ = "That reflection is no longer here.";
    return false;
  }
  TextDraft& draft = existing ? existing->draft : new_own_;
  std::string text = trim(draft.text());
  if (text.empty()) {
    error_ = existing ? "A reflection cannot be empty. To take it away, use Remove."
                      : "Write your reflection first. A sentence or two is enough.";
    return false;
  }
  core::Reflection r{observation_, core::Id{}, text};  // no prompt: the teacher's own words
  const std::string key = draft.key();
  store_.transaction([&] {
    if (existing)
      store_.update(record, r, me_);
    else
      store_.create(r, me_);
    store_.drafts().clear(key);
  });
  draft.forget();
  reload_own();
  return true;
}

bool ReflectModel::remove_own(core::Id record) {
  OwnReflection* o = find_own(record);
  if (!o || !o->mine) {
    error_ = "Only the person who wrote a reflection removes it.";
    return false;
  }
  store_.transaction([&] {
    store_.remove(record, me_);
    store_.drafts().clear(own_draft_key(record));
  });
  reload_own();
  return true;
}

void ReflectModel::autosave(bool force) {
  std::string err;
  for (auto& p : prompts_)
    if (!p.draft.autosave(store_, now_ms_(), force, err)) error_ = err;
  for (auto& o : own_)
    if (!o.draft.autosave(store_, now_ms_(), force, err)) error_ = err;
  if (!new_own_.autosave(store_, now_ms_(), force, err)) error_ = err;
}

}  // namespace app
