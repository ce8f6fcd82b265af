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
    case RecordType::KeyGrant:
      // A wrapped content key is for its recipient alone (and the sender's own devices); no other
      // participant, and no other device of the hub, receives it.
      if (body)
        if (const auto* g = std::get_if<KeyGrant>(body)) a.people.insert(g->recipient);
      return a;
    case RecordType::KeyBackup:
      return a;  // the person's own devices, nobody else's
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

// A key grant: sent by someone who holds the scope's key (a participant, or one of a coaching
// thread's pair, or someone taking part in the cycle). The recipient is not checked against the
// participants: a grant racing a removal would refuse the sender's whole push, and what a grant
// can reach is limited anyway by whom the hub gives it to (its recipient).
WriteVerdict may_write_key_grant(const Version& v, const KeyGrant& g, const ObservationFacts& obs,
                                 const CycleFacts& cycle) {
  if (g.key_id.empty()) return refuse("The " + what(v) + " names no key.");
  if (g.recipient.empty()) return refuse("The " + what(v) + " is for nobody: it names no recipient.");
  switch (g.scope_kind) {
    case KeyScope::Observation:
    case KeyScope::CoachingThread: {
      if (!obs.known)
        return refuse("The " + what(v) + " is for observation " + g.scope.short_hex() +
                      ", which the hub does not know (it was never shared with it).");
      if (!obs.has(v.author))
        return refuse("The " + what(v) + " shares a key of observation " + g.scope.short_hex() + ", which " +
                      v.author.short_hex() + " is not a participant of.");
      const CoachingPair pair{g.coach, g.teacher_leader};
      if (g.scope_kind == KeyScope::Observation) {
        if (!pair.coach.empty() || !pair.teacher_leader.empty())
          return refuse("The " + what(v) + " is for a whole observation but names a coaching pair.");
        return {};
      }
      if (pair.coach.empty() || pair.teacher_leader.empty() || !pair.has(v.author) || !pair.has(g.recipient))
        return refuse("The " + what(v) + " shares the key of a coaching thread between " + pair.coach.short_hex() +
                      " and " + pair.teacher_leader.short_hex() + ": only those two hold it, and only for each other.");
      return {};
    }
    case KeyScope::Cycle:
      if (!cycle.known)
        return refuse("The " + what(v) + " is for cycle " + g.scope.short_hex() + ", which the hub does not know.");
      if (v.author == cycle.creator || v.author == cycle.observed_teacher || cycle.participants.count(v.author))
        return {};
      return refuse("The " + what(v) + " shares a key of cycle " + g.scope.short_hex() + ", which " +
                    v.author.short_hex() + " takes no part in.");
  }
  return refuse("The " + what(v) + " has a kind of scope this hub does not know: update the hub.");
}

WriteVerdict may_write_key_record(const Version& v, const RecordBody* body, const ObservationFacts& obs,
                                  const CycleFacts& cycle) {
  // Removal works by a new key for those who remain (docs/encryption.md), never by deleting a
  // grant, and a backup is replaced by a newer version; a tombstone would only hide a key.
  if (v.tombstone) return refuse("The " + what(v) + " deletes a key record; keys are replaced, never deleted.");
  if (const auto* g = std::get_if<KeyGrant>(body)) return may_write_key_grant(v, *g, obs, cycle);
  if (const auto* b = std::get_if<KeyBackup>(body)) {
    if (b->person != v.author)
      return refuse("The " + what(v) + " is the key backup of " + b->person.short_hex() +
                    ": a person backs up only their own key pair.");
    return {};
  }
  return refuse("The " + what(v) + " has no readable body.");
}
}  // namespace

WriteVerdict may_write(const Version& v, const RecordBody* body, Id device_person, const ObservationFacts& obs,
                       const CycleFacts& cycle, const std::optional<CoachingPair>& coaching_before) {
  if (v.author != device_person)
    return refuse("The " + what(v) + " names author " + v.author.short_hex() + ", but this device belongs to " +
                  device_person.short_hex() + ": a device may only send what its own person wrote.");
  if (v.type == RecordType::KeyGrant || v.type == RecordType::KeyBackup)
    if (v.tombstone) return may_write_key_record(v, body, obs, cycle);
  if (!v.tombstone && !body) return refuse("The " + what(v) + " has no readable body.");
  if (!v.tombstone && observation_of(*body) != v.observation)
    return refuse("The " + what(v) + " claims observation " + v.observation.short_hex() + " but its body belongs to " +
                  observation_of(*body).short_hex() + ".");
  switch (v.type) {
    case RecordType::Person:
      if (v.record != v.author)
        return refuse("The " + what(v) + " describes person " + v.record.short_hex() +
                      ": people other than yourself are added to the roster by the program lead.");
      if (const auto* p = std::get_if<Person>(body); p && !p->public_key.empty() && p->public_key.size() != 32)
        return refuse("The " + what(v) + " publishes a public key of " + std::to_string(p->public_key.size()) +
                      " bytes; a public key is 32 bytes.");
      return {};
    case RecordType::KeyGrant:
    case RecordType::KeyBackup:
      return may_write_key_record(v, body, obs, cycle);
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
