// The visibility and write rules of privacy.h. Pure: no store, no clock, no network.
#include "core/sync/privacy.h"

#include <variant>

namespace core::sync {

bool ObservationFacts::has(Id person) const {
  for (const auto& p : participants)
    if (p.person == person) return true;
  return false;
}

bool ObservationFacts::has_role(Id person, Role role) const {
  for (const auto& p : participants)
    if (p.person == person && p.role == role) return true;
  return false;
}

ObservationFacts facts_from_heads(const std::vector<const Observation*>& heads) {
  ObservationFacts f;
  for (const auto* o : heads) {
    if (!o) continue;
    f.known = true;
    for (const auto& p : o->participants)
      if (!f.has_role(p.person, p.role)) f.participants.push_back(p);
  }
  return f;
}

CoachingPair coaching_pair(const CoachingNote& note, Id author) {
  return CoachingPair{note.coach.empty() ? author : note.coach, note.teacher_leader};
}

Audience readers_of(const Version& v, const RecordBody* body, const ObservationFacts& obs, const CycleFacts& cycle) {
  Audience a;
  a.people.insert(v.author);
  switch (v.type) {
    case RecordType::Person:
      a.everyone = true;
      return a;
    case RecordType::Cycle:
      if (!cycle.observed_teacher.empty()) a.people.insert(cycle.observed_teacher);
      if (body)
        if (const auto* c = std::get_if<Cycle>(body)) a.people.insert(c->observed_teacher);
      a.people.insert(cycle.participants.begin(), cycle.participants.end());
      return a;
    case RecordType::Observation:
      for (const auto& p : obs.participants) a.people.insert(p.person);
      if (body)
        if (const auto* o = std::get_if<Observation>(body))
          for (const auto& p : o->participants) a.people.insert(p.person);
      return a;
    case RecordType::CoachingNote:
      if (body)
        if (const auto* n = std::get_if<CoachingNote>(body)) {
          CoachingPair pair = coaching_pair(*n, v.author);
          a.people.insert(pair.coach);
          a.people.insert(pair.teacher_leader);
        }
      return a;
    case RecordType::Prompt: {
      bool shared = false;
      if (body)
        if (const auto* p = std::get_if<Prompt>(body)) shared = p->shared;
      for (const auto& p : obs.participants) {
        // Someone who is the observed teacher sees an unshared prompt only if they also
        // observe (another role in the same observation).
        bool observed_only = p.role == Role::ObservedTeacher && !obs.has_role(p.person, Role::TeacherLeader) &&
                             !obs.has_role(p.person, Role::Coach);
        if (shared || !observed_only) a.people.insert(p.person);
      }
      return a;
    }
    default:
      for (const auto& p : obs.participants) a.people.insert(p.person);
      return a;
  }
}

namespace {
WriteVerdict refuse(std::string reason) { return WriteVerdict{false, std::move(reason)}; }
std::string what(const Version& v) { return std::string(type_name(v.type)) + " version " + v.version.short_hex(); }

// A coaching note's own rule, once the scoped-record rule (author is a participant) has passed.
WriteVerdict may_write_coaching(const Version& v, const RecordBody* body, const ObservationFacts& obs,
                                const std::optional<CoachingPair>& before) {
  if (v.tombstone) {
    if (!before) return refuse("The " + what(v) + " deletes a coaching note the hub does not know.");
    if (!before->has(v.author))
      return refuse("The " + what(v) + " deletes a coaching note between " + before->coach.short_hex() + " and " +
                    before->teacher_leader.short_hex() + ": only those two may.");
    return {};
  }
  const auto* note = std::get_if<CoachingNote>(body);
  if (!note) return refuse("The " + what(v) + " has no readable body.");
  CoachingPair pair = coaching_pair(*note, v.author);
  if (!obs.has_role(pair.coach, Role::Coach))
    return refuse("The " + what(v) + " names " + pair.coach.short_hex() +
                  " as its coach, who is not a coach of "
                  "observation " +
                  v.observation.short_hex() +
                  ": a coaching note is between a coach who co-observed "
                  "and a teacher leader.");
  if (!obs.has_role(pair.teacher_leader, Role::TeacherLeader))
    return refuse("The " + what(v) + " is addressed to " + pair.teacher_leader.short_hex() +
                  ", who is not a teacher leader of observation " + v.observation.short_hex() + ".");
  if (!pair.has(v.author))
    return refuse("The " + what(v) + " is written by " + v.author.short_hex() +
                  ", who is neither its coach nor its "
                  "teacher leader: only those two write in a coaching thread.");
  if (before && !(*before == pair))
    return refuse("The " + what(v) + " moves coaching note " + v.record.short_hex() +
                  " to another coach or teacher leader; a note stays between the two it was written for.");
  return {};
}
}  // namespace

WriteVerdict may_write(const Version& v, const RecordBody* body, Id device_person, const ObservationFacts& obs,
                       const CycleFacts& cycle, const std::optional<CoachingPair>& coaching_before) {
  if (v.author != device_person)
    return refuse("The " + what(v) + " names author " + v.author.short_hex() + ", but this device belongs to " +
                  device_person.short_hex() + ": a device may only send what its own person wrote.");
  if (!v.tombstone && !body) return refuse("The " + what(v) + " has no readable body.");
  if (!v.tombstone && observation_of(*body) != v.observation)
    return refuse("The " + what(v) + " claims observation " + v.observation.short_hex() + " but its body belongs to " +
                  observation_of(*body).short_hex() + ".");
  switch (v.type) {
    case RecordType::Person:
      if (v.record != v.author)
        return refuse("The " + what(v) + " describes person " + v.record.short_hex() +
                      ": people other than yourself are added to the roster by the program lead.");
      return {};
    case RecordType::Cycle: {
      if (!cycle.known) {
        if (v.tombstone) return refuse("The " + what(v) + " deletes a cycle the hub does not know.");
        return {};
      }
      if (v.author == cycle.creator || v.author == cycle.observed_teacher || cycle.participants.count(v.author))
        return {};
      return refuse("The " + what(v) + " changes a cycle its author takes no part in.");
    }
    case RecordType::Observation: {
      if (!obs.known) {
        if (v.tombstone) return refuse("The " + what(v) + " deletes an observation the hub does not know.");
        const auto* o = std::get_if<Observation>(body);
        if (o)
          for (const auto& p : o->participants)
            if (p.person == v.author) return {};
        return refuse("The new observation " + v.record.short_hex() +
                      " does not list its author as a participant; add yourself before sharing it.");
      }
      if (obs.has(v.author)) return {};
      return refuse("The " + what(v) + " changes observation " + v.record.short_hex() +
                    ", which its author is not a participant of.");
    }
    default:
      if (v.observation.empty()) return refuse("The " + what(v) + " belongs to no observation.");
      if (!obs.known)
        return refuse("The " + what(v) + " belongs to observation " + v.observation.short_hex() +
                      ", which the hub does not know (it was never shared with it).");
      if (!obs.has(v.author))
        return refuse("The " + what(v) + " belongs to observation " + v.observation.short_hex() +
                      ", which its author is not a participant of.");
      if (v.type == RecordType::CoachingNote) return may_write_coaching(v, body, obs, coaching_before);
      return {};
  }
}

}  // namespace core::sync
