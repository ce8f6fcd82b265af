// See conflicts_model.h.
#include "app/screens/conflicts/conflicts_model.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/screens/common/model_text.h"
#include "app/shell/sync_state.h"
#include "core/lesson/people.h"

namespace app {

namespace {
// Thrown inside the keep() transaction so nothing is written when the heads moved.
struct HeadsMoved {};

std::set<core::Id> head_set(const std::vector<core::RecordHead>& heads) {
  std::set<core::Id> out;
  for (const auto& h : heads) out.insert(h.version.version);
  return out;
}

void mark_differences(ConflictView& c) {
  std::vector<ConflictVersionView*> bodies;
  for (auto& v : c.versions)
    if (!v.deleted) bodies.push_back(&v);
  for (auto* v : bodies) v->differs.assign(v->lines.size(), false);
  if (bodies.size() < 2) return;
  for (std::size_t i = 0; i < bodies.front()->lines.size(); ++i) {
    bool differ = false;
    for (auto* v : bodies)
      if (i >= v->lines.size() || v->lines[i].value != bodies.front()->lines[i].value) differ = true;
    for (auto* v : bodies)
      if (i < v->differs.size()) v->differs[i] = differ;
  }
}
}  // namespace

ConflictsModel::ConflictsModel(core::Store& store, core::Id me) : store_(store), me_(me) {}

void ConflictsModel::load() {
  conflicts_.clear();
  others_ = 0;
  try {
    const auto names = core::person_names(store_);
    for (core::Id record : store_.conflicted_records()) {
      auto heads = store_.heads(record);
      if (heads.size() < 2) continue;
      bool mine =
          std::any_of(heads.begin(), heads.end(), [&](const core::RecordHead& h) { return h.version.author == me_; });
      if (!mine) {
        ++others_;
        continue;
      }
      ConflictView c;
      c.record = record;
      c.kind = record_kind_name(heads.front().version.type);
      core::Observation plan;
      bool have_plan = false;
      if (!heads.front().version.observation.empty())
        if (auto obs = store_.get(heads.front().version.observation))
          if (auto* o = std::get_if<core::Observation>(&obs->body)) {
            plan = *o;
            have_plan = true;
            c.where = visit_title(plan);
          }
      // Mine first, then the others; within that, by save time on each device's clock (only an
      // order for reading, never a winner).
      std::stable_sort(heads.begin(), heads.end(), [&](const core::RecordHead& a, const core::RecordHead& b) {
        bool am = a.version.author == me_, bm = b.version.author == me_;
        if (am != bm) return am;
        return a.version.saved_at_ms < b.version.saved_at_ms;
      });
      for (const auto& h : heads) {
        ConflictVersionView v;
        v.version = h.version.version;
        v.deleted = h.version.tombstone;
        v.who = h.version.author == me_ ? std::string("You") : core::name_or(names, h.version.author, "Someone");
        v.when = format_sync_time(h.version.saved_at_ms);
        if (!v.deleted) v.lines = summarize(h.body, names, have_plan ? &plan : nullptr);
        c.versions.push_back(std::move(v));
      }
      mark_differences(c);
      conflicts_.push_back(std::move(c));
    }
    std::stable_sort(conflicts_.begin(), conflicts_.end(),
                     [](const ConflictView& a, const ConflictView& b) { return a.where + a.kind < b.where + b.kind; });
  } catch (const std::exception& e) {
    message_ = std::string("Could not read the edits from two devices: ") + e.what();
    message_error_ = true;
  }
}

bool ConflictsModel::keep(core::Id record, core::Id version) {
  auto view =
      std::find_if(conflicts_.begin(), conflicts_.end(), [&](const ConflictView& c) { return c.record == record; });
  if (view == conflicts_.end()) {
    message_ = "That item is no longer waiting for a choice.";
    message_error_ = true;
    return false;
  }
  std::set<core::Id> shown;
  for (const auto& v : view->versions) shown.insert(v.version);
  if (!shown.count(version)) {
    message_ = "That version is not one of the versions shown.";
    message_error_ = true;
    return false;
  }
  try {
    store_.transaction([&] {
      auto heads = store_.heads(record);
      // A sync may have brought another edit since the screen was drawn: choosing now would
      // silently settle a version the person never saw.
      if (head_set(heads) != shown) throw HeadsMoved{};
      auto chosen = std::find_if(heads.begin(), heads.end(),
                                 [&](const core::RecordHead& h) { return h.version.version == version; });
      if (chosen->version.tombstone)
        store_.remove(record, me_);
      else
        store_.update(record, chosen->body, me_);
    });
  } catch (const HeadsMoved&) {
    load();
    message_ = "This item changed again while you were looking (another edit arrived). Look at the versions again.";
    message_error_ = true;
    return false;
  } catch (const std::exception& e) {
    message_ = std::string("Could not save your choice: ") + e.what();
    message_error_ = true;
    return false;
  }
  load();
  message_ = "Kept. The other version stays in the history.";
  message_error_ = false;
  return true;
}

}  // namespace app
