// Home's view, built from the store once per visit of Home, and its actions. See home_model.h.
#include "app/screens/home/home_model.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "app/screens/keys/keys_model.h"
#include "app/screens/plan/visit_schedule.h"
#include "core/lesson/people.h"

namespace app {

namespace {

bool sooner(const HomeObservation& a, const HomeObservation& b) {
  // Undated plans sort last; otherwise by date and time as typed (ISO sorts as text).
  if (a.when.empty() != b.when.empty()) return !a.when.empty();
  return a.when < b.when;
}

const char* const kDot = " \xC2\xB7 ";

// One line of "Waiting for you".
WaitingItem waiting(WaitingItem::Kind kind, core::Id observation, std::string text, std::string detail,
                    std::string due) {
  WaitingItem w;
  w.kind = kind;
  w.observation = observation;
  w.text = std::move(text);
  w.detail = std::move(detail);
  w.due = std::move(due);
  return w;
}

struct Names {
  std::map<core::Id, std::string> of;
  std::set<core::Id> changed_keys;  // colleagues whose key changed (keys_model.h)
  std::string operator()(core::Id person) const {
    auto it = of.find(person);
    return it != of.end() ? it->second : std::string("someone not on this device");
  }
};

// A participant's part in a visit, in the words a colleague would use.
const char* part_in_visit(core::Role role) {
  switch (role) {
    case core::Role::ObservedTeacher:
      return "observed teacher";
    case core::Role::TeacherLeader:
      return "teacher leader";
    case core::Role::Coach:
      return "coach";
  }
  return "";
}

// Who else takes part, with their roles, in the words Home shows.
std::string others(const core::Observation& o, core::Id me, core::Role my_role, const Names& name) {
  std::string out;
  for (const auto& p : o.participants) {
    if (p.person == me) continue;
    out += (out.empty() ? "" : ", ") + name(p.person) + " (" + part_in_visit(p.role) +
           (name.changed_keys.count(p.person) ? ", key changed" : "") + ")";
  }
  if (out.empty()) return out;
  // In my classroom the others are the observers, which is what the teacher wants to know.
  return (my_role == core::Role::ObservedTeacher ? "Observers: " : "with ") + out;
}

std::string leaders_of(const core::Observation& o, const Names& name) {
  std::string out;
  for (const auto& p : o.participants)
    if (p.role == core::Role::TeacherLeader) out += (out.empty() ? "" : " and ") + name(p.person);
  return out.empty() ? std::string("the teacher leader") : out;
}

std::string proposal_words(const core::Observation& o, core::Id me, const Names& name) {
  if (o.proposed_date.empty()) return "";
  const std::string when = visit_when(o.proposed_date, o.proposed_time.empty() ? o.time : o.proposed_time);
  if (o.proposed_by == me) return "You proposed " + when + "; " + leaders_of(o, name) + " has not answered yet.";
  return name(o.proposed_by) + " proposes " + when + " instead.";
}

// The coach's part of Home: for every visit I co-observed that has happened, whether its debrief
// and my coaching note to each of its teacher leaders are still to come.
void add_coaching(HomeView& v, const core::Store& store, core::Id me, const Names& name,
                  const std::map<core::Id, core::Observation>& coached, const std::map<core::Id, std::string>& labels) {
  if (coached.empty()) return;
  std::set<std::pair<core::Id, core::Id>> noted;  // (observation, teacher leader) I wrote to
  for (const auto& [id, h] : store.live(core::RecordType::CoachingNote)) {
    const auto& n = std::get<core::CoachingNote>(h.body);
    if (h.version.author == me) noted.insert({n.observation, n.teacher_leader});
  }
  std::map<core::Id, CoachedLeader> by_leader;
  for (const auto& [obs, o] : coached) {
    for (const auto& p : o.participants) {
      if (p.role != core::Role::TeacherLeader || p.person == me) continue;
      CoachedLeader& leader = by_leader[p.person];
      leader.person = p.person;
      leader.name = name(p.person);
      const CoachingWait visit{CoachingWait::Kind::Debrief, obs, o.cycle, "", labels.at(obs), o.date};
      if (o.status == core::ObservationStatus::Observed) {
        CoachingWait w = visit;
        w.text = "Waits for the debrief";
        leader.waiting.push_back(w);
      }
      if (!noted.count({obs, p.person})) {
        CoachingWait w = visit;
        w.kind = CoachingWait::Kind::CoachingNote;
        w.text = "No coaching note from you yet";
        leader.waiting.push_back(w);
      }
    }
  }
  for (auto& [id, leader] : by_leader) {
    std::stable_sort(leader.waiting.begin(), leader.waiting.end(),
                     [](const CoachingWait& a, const CoachingWait& b) { return a.due < b.due; });
    v.coached.push_back(std::move(leader));
  }
  std::stable_sort(v.coached.begin(), v.coached.end(),
                   [](const CoachedLeader& a, const CoachedLeader& b) { return a.name < b.name; });
}
// What the visits I take part in say, gathered in one pass over the observations.
struct MyVisits {
  std::map<core::Id, std::string> cycle_titles;
  std::map<core::Id, core::Observation> observed_in;  // my lessons (I am the observed teacher)
  std::map<core::Id, core::Observation> i_observed;   // lessons I observed as teacher leader, not debriefed
  std::map<core::Id, core::Observation> coached;      // lessons I co-observed as coach that have happened
  std::map<core::Id, std::string> labels;             // "8B science · 2026-11-19"
  std::map<core::Id, HomeCycle> cycles;
  std::map<core::Id, int> visit_count;
  std::map<core::Id, std::string> latest_date;
};

HomeObservation home_observation(core::Id id, const core::Observation& o, core::Role role, core::Id me,
                                 const Names& name, const MyVisits& mv) {
  HomeObservation ho;
  ho.id = id;
  ho.cycle = o.cycle;
  ho.role = role;
  ho.status = o.status;
  auto cycle = mv.cycle_titles.find(o.cycle);
  ho.title = !o.class_name.empty()            ? o.class_name
             : cycle != mv.cycle_titles.end() ? cycle->second
                                              : std::string("Observation");
  ho.date = o.date;
  ho.time = o.time;
  ho.when = visit_when(o.date, o.time);
  ho.focus = o.focus_question;
  ho.follow_up = !o.follows.empty();
  ho.with = others(o, me, role, name);
  return ho;
}

void count_in_cycle(core::Id id, const core::Observation& o, MyVisits& mv) {
  auto title = mv.cycle_titles.find(o.cycle);
  if (o.cycle.empty() || title == mv.cycle_titles.end()) return;
  HomeCycle& c = mv.cycles[o.cycle];
  c.id = o.cycle;
  c.title = title->second;
  ++mv.visit_count[o.cycle];
  if (c.latest.empty() || o.date > mv.latest_date[o.cycle]) {
    c.latest = id;
    mv.latest_date[o.cycle] = o.date;
  }
}

// Lists each visit I take part in by my role, and the waiting items a visit's own state says.
void read_visits(const core::Store& store, core::Id me, const std::string& today, const Names& name, HomeView& v,
                 MyVisits& mv) {
  for (const auto& [id, h] : store.live(core::RecordType::Cycle))
    mv.cycle_titles[id] = std::get<core::Cycle>(h.body).title;
  for (const auto& [id, h] : store.live(core::RecordType::Observation)) {
    const auto& o = std::get<core::Observation>(h.body);
    auto me_in = std::find_if(o.participants.begin(), o.participants.end(),
                              [&](const core::Participant& p) { return p.person == me; });
    if (me_in == o.participants.end()) continue;
    const core::Role role = me_in->role;
    HomeObservation ho = home_observation(id, o, role, me, name, mv);
    if (o.status == core::ObservationStatus::Cancelled) {
      // Said where visits are listed, so nobody comes to a lesson that will not be observed.
      if (today.empty() || o.date.empty() || o.date >= today) v.cancelled.push_back(ho);
      continue;
    }
    count_in_cycle(id, o, mv);
    mv.labels[id] = ho.title + (o.date.empty() ? "" : kDot + o.date);
    if (role == core::Role::ObservedTeacher) mv.observed_in[id] = o;
    if (role == core::Role::TeacherLeader && o.status == core::ObservationStatus::Observed) mv.i_observed[id] = o;
    if (role == core::Role::Coach && o.status != core::ObservationStatus::Planned) mv.coached[id] = o;
    // A coach's debriefs are listed with the teacher leader they coach (add_coaching).
    if (o.status == core::ObservationStatus::Observed && role != core::Role::Coach)
      v.waiting.push_back(waiting(WaitingItem::Kind::HoldDebrief, id, "Hold the debrief", mv.labels[id], o.date));
    if (o.status != core::ObservationStatus::Planned) continue;
    const bool leading = role == core::Role::TeacherLeader;
    ho.can_reschedule = leading;
    ho.can_propose = !leading;
    ho.proposal = proposal_words(o, me, name);
    if (leading && !o.proposed_date.empty() && o.proposed_by != me) {
      v.waiting.push_back(waiting(WaitingItem::Kind::ProposedTime, id, ho.proposal,
                                  "Planned: " + ho.title + (ho.when.empty() ? std::string() : kDot + ho.when),
                                  o.proposed_date < o.date || o.date.empty() ? o.proposed_date : o.date));
    }
    switch (role) {
      case core::Role::TeacherLeader:
        v.observing.push_back(ho);
        break;
      case core::Role::ObservedTeacher:
        v.being_observed.push_back(ho);
        break;
      case core::Role::Coach:
        v.co_observing.push_back(ho);
        break;
    }
  }
  for (auto* list : {&v.observing, &v.being_observed, &v.co_observing, &v.cancelled})
    std::stable_sort(list->begin(), list->end(), sooner);
}

// The observed teacher: shared prompts on my lessons that I have not answered yet.
void add_prompts_to_answer(const core::Store& store, MyVisits& mv, HomeView& v) {
  if (mv.observed_in.empty()) return;
  std::set<core::Id> answered;
  for (const auto& [id, h] : store.live(core::RecordType::Reflection))
    answered.insert(std::get<core::Reflection>(h.body).prompt);
  std::map<core::Id, int> open_prompts;
  for (const auto& [id, h] : store.live(core::RecordType::Prompt)) {
    const auto& p = std::get<core::Prompt>(h.body);
    if (p.shared && mv.observed_in.count(p.observation) && !answered.count(id)) ++open_prompts[p.observation];
  }
  for (const auto& [obs, n] : open_prompts) {
    v.waiting.push_back(waiting(WaitingItem::Kind::AnswerPrompts, obs,
                                n == 1 ? "1 prompt to answer" : std::to_string(n) + " prompts to answer",
                                mv.labels[obs], mv.observed_in[obs].date));
  }
}

// The teacher leader, after the lesson: until I have shared a prompt, the teacher has nothing to
// reflect on.
void add_prompts_to_write(const core::Store& store, core::Id me, MyVisits& mv, HomeView& v) {
  if (mv.i_observed.empty()) return;
  std::set<core::Id> shared_by_me;
  for (const auto& [id, h] : store.live(core::RecordType::Prompt)) {
    const auto& p = std::get<core::Prompt>(h.body);
    if (p.shared && h.version.author == me) shared_by_me.insert(p.observation);
  }
  for (const auto& [obs, o] : mv.i_observed) {
    if (shared_by_me.count(obs)) continue;
    v.waiting.push_back(
        waiting(WaitingItem::Kind::WritePrompts, obs, "Write prompts for the teacher", mv.labels[obs], o.date));
  }
}

void add_next_steps(const core::Store& store, core::Id me, HomeView& v) {
  for (const auto& [id, h] : store.live(core::RecordType::NextStep)) {
    const auto& s = std::get<core::NextStep>(h.body);
    if (s.owner != me || s.status != core::NextStepStatus::Open) continue;
    WaitingItem w =
        waiting(WaitingItem::Kind::NextStep, s.observation, s.text,
                s.follow_up_date.empty() ? std::string("Next step, no follow-up date yet")
                                         : "Next step" + std::string(kDot) + "follow-up " + s.follow_up_date,
                s.follow_up_date);
    w.record = id;
    v.waiting.push_back(w);
  }
}

// My cycles, the one with the latest visit first.
void add_cycles(MyVisits& mv, HomeView& v) {
  for (auto& [id, c] : mv.cycles) {
    const int n = mv.visit_count[id];
    c.detail = (n == 1 ? std::string("1 visit") : std::to_string(n) + " visits") +
               (mv.latest_date[id].empty() ? std::string() : kDot + std::string("latest ") + mv.latest_date[id]);
    v.cycles.push_back(c);
  }
  std::stable_sort(v.cycles.begin(), v.cycles.end(),
                   [&](const HomeCycle& a, const HomeCycle& b) { return mv.latest_date[a.id] > mv.latest_date[b.id]; });
}

// Soonest first; for one visit, in the order of the cycle: its time is settled, prompts are
// written, answered, then the debrief is held, and next steps follow from it.
void sort_waiting(std::vector<WaitingItem>& waiting_items) {
  auto step = [](WaitingItem::Kind k) {
    switch (k) {
      case WaitingItem::Kind::ProposedTime:
        return 0;
      case WaitingItem::Kind::WritePrompts:
        return 1;
      case WaitingItem::Kind::AnswerPrompts:
        return 2;
      case WaitingItem::Kind::HoldDebrief:
        return 3;
      case WaitingItem::Kind::NextStep:
        return 4;
    }
    return 5;
  };
  std::stable_sort(waiting_items.begin(), waiting_items.end(), [&](const WaitingItem& a, const WaitingItem& b) {
    if (a.due.empty() != b.due.empty()) return !a.due.empty();
    if (a.due != b.due) return a.due < b.due;
    return step(a.kind) < step(b.kind);
  });
}

}  // namespace

HomeView build_home(const core::Store& store, core::Id me, const std::string& today) {
  HomeView v;
  try {
    const KeysView keys = build_keys(store, me);
    v.recovery_phrase_wanted = keys.phrase_wanted;
    v.recovery_phrase_needed = keys.phrase_needed;
    Names name{core::person_names(store), {}};
    for (const auto& c : keys.colleagues)
      if (c.changed) {
        v.changed_keys.push_back(c.name);
        name.changed_keys.insert(c.person);
      }
    v.my_name = core::name_or(name.of, me, "");
    MyVisits mv;
    read_visits(store, me, today, name, v, mv);
    add_prompts_to_answer(store, mv, v);
    add_prompts_to_write(store, me, mv, v);
    add_coaching(v, store, me, name, mv.coached, mv.labels);
    add_next_steps(store, me, v);
    add_cycles(mv, v);
    sort_waiting(v.waiting);
  } catch (const std::exception& e) {
    v.error = std::string("Could not read this device's observations: ") + e.what();
  }
  return v;
}

HomeOutcome apply_home_action(core::Store& store, core::Id me, const HomeAction& a) {
  auto outcome = [](const std::string& problem, const char* done) {
    return HomeOutcome{problem.empty(), problem.empty() ? done : problem};
  };
  switch (a.kind) {
    case HomeAction::Kind::CancelVisit:
      return outcome(cancel_visit(store, me, a.visit), "Visit cancelled");
    case HomeAction::Kind::MoveVisit:
      return outcome(move_visit(store, me, a.visit, a.date, a.time), "Visit moved");
    case HomeAction::Kind::ProposeTime:
      return outcome(propose_time(store, me, a.visit, a.date, a.time), "Your proposal is saved");
    case HomeAction::Kind::AcceptProposal:
      return outcome(accept_proposal(store, me, a.visit), "Visit moved to the proposed time");
    case HomeAction::Kind::KeepPlannedTime:
      return outcome(keep_planned_time(store, me, a.visit), "The planned time stays");
    case HomeAction::Kind::SendRefusedAgain:
      // Refused items wait on this device until the person asks again (after the program lead
      // fixed the roster, say); retrying blindly on a timer would only be refused again.
      try {
        const std::int64_t n = store.outbox().retry_held_back();
        return HomeOutcome{true, std::to_string(n) + (n == 1 ? " item goes" : " items go") + " out with the next sync"};
      } catch (const std::exception& e) {
        return HomeOutcome{false, std::string("Could not queue them again: ") + e.what()};
      }
  }
  return HomeOutcome{};
}

}  // namespace app
