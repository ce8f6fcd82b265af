// The Reflect screen's model. See reflect_model.h for the guarantees.
#include "app/screens/reflect/reflect_model.h"

#include <algorithm>

#include "app/screens/common/first_save.h"
#include "app/screens/common/model_text.h"
#include "core/lesson/people.h"

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
    o.author = o.mine ? std::string("You") : core::name_or(names, h.version.author, "The observed teacher");
    // The first save orders them as they were written, whatever was changed later.
    rows.push_back({first_save(store, id, h).saved_at_ms, std::move(o)});
  }
  return in_time_order(std::move(rows));
}

ReflectModel::ReflectModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms)
    : ObservationModel(store, me, std::move(now_ms)) {}

int ReflectModel::unanswered() const {
  return static_cast<int>(
      std::count_if(prompts_.begin(), prompts_.end(), [](const ReflectPrompt& p) { return p.answer.empty(); }));
}

bool ReflectModel::any_dirty() const {
  return new_own_.dirty() ||
         std::any_of(prompts_.begin(), prompts_.end(), [](const ReflectPrompt& p) { return p.draft.dirty(); }) ||
         std::any_of(own_.begin(), own_.end(), [](const OwnReflection& o) { return o.draft.dirty(); });
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
  own_ = own_reflections_of(store_, observation_, me_, core::person_names(store_));
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
  lesson_ = core::LessonData{};
  prompts_.clear();
  own_.clear();
  new_own_ = TextDraft{};
  teacher_name_.clear();
  can_answer_ = false;
  return load_observation(observation, [&] {
    auto names = core::person_names(store_);
    for (const auto& p : plan_.participants)
      if (p.person == me_ && p.role == core::Role::ObservedTeacher) can_answer_ = true;
    teacher_name_ = core::observed_teacher_name(plan_, names);
    lesson_ = core::summarize_by_observer(store_, observation, plan_, names);
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
      const FirstSave first = first_save(store_, id, h);
      rp.from = core::name_or(names, first.author, "a colleague");
      for (const auto& item : items)
        if (std::any_of(item.records.begin(), item.records.end(), [&](const core::Id& r) {
              return std::find(p.evidence.begin(), p.evidence.end(), r) != p.evidence.end();
            }))
          rp.evidence.push_back(item);
      if (auto a = answers.find(id); a != answers.end()) {
        rp.reflection = a->second.first;
        rp.answer = std::get<core::Reflection>(a->second.second.body).text;
        rp.answered_by = core::name_or(names, a->second.second.version.author, "a colleague");
      }
      rp.draft.open(store_, draft_key(id));
      rows.push_back({first.saved_at_ms, std::move(rp)});
    }
    prompts_ = in_time_order(std::move(rows));
    reload_own();
    new_own_.open(store_, new_own_draft_key(observation));
  });
}

bool ReflectModel::apply(const ReflectAction& a) {
  return run_action(
      [&] {
        switch (a.kind) {
          case ReflectAction::Kind::EditAnswer: {
            ReflectPrompt* p = find(a.prompt);
            if (!p) return refuse("That prompt is no longer here.");
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
            if (!o || !o->mine) return refuse("That reflection is no longer here.");
            o->draft.edit(a.text, now_ms_());
            return true;
          }
          case ReflectAction::Kind::SaveOwn:
            return save_own(a.record);
          case ReflectAction::Kind::RemoveOwn:
            return remove_own(a.record);
        }
        return false;
      },
      "Could not save your answer: ");
}

bool ReflectModel::save_answer(core::Id prompt) {
  ReflectPrompt* p = find(prompt);
  if (!p) return refuse("That prompt is no longer here.");
  if (!can_answer_) return refuse("Only the observed teacher answers these prompts.");
  std::string text = trim(p->draft.text());
  if (text.empty()) return refuse("Write your answer first. A sentence or two is enough.");
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
  if (!can_answer_) return refuse("Only the observed teacher writes reflections here.");
  OwnReflection* existing = record.empty() ? nullptr : find_own(record);
  if (!record.empty() && (!existing || !existing->mine)) return refuse("That reflection is no longer here.");
  TextDraft& draft = existing ? existing->draft : new_own_;
  std::string text = trim(draft.text());
  if (text.empty())
    return refuse(existing ? "A reflection cannot be empty. To take it away, use Remove."
                           : "Write your reflection first. A sentence or two is enough.");
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
  if (!o || !o->mine) return refuse("Only the person who wrote a reflection removes it.");
  store_.transaction([&] {
    store_.remove(record, me_);
    store_.drafts().clear(own_draft_key(record));
  });
  reload_own();
  return true;
}

void ReflectModel::autosave(bool force) {
  for (auto& p : prompts_) autosave_draft(p.draft, force);
  for (auto& o : own_) autosave_draft(o.draft, force);
  autosave_draft(new_own_, force);
}

}  // namespace app
