// Who may see and who may write a version: the privacy rules as pure functions.
//
// The hub evaluates these on every push and when it writes the feed devices pull from (it never
// trusts a client's filter); devices do not evaluate them: a refusal reaches them as the hub's
// sentence. The hub gathers the facts (latest known participants, the cycle's people) from its
// store (facts.h, its participants index); the rules themselves touch no database and no clock.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/records.h"

namespace core::sync {

// What is known about one observation: the union of the participants of its current heads
// (concurrent edits may disagree; both lists count until someone resolves the conflict).
struct ObservationFacts {
  bool known = false;  // the observation record exists at the reader
  std::vector<Participant> participants;
  bool has(Id person) const;
  bool has_role(Id person, Role role) const;
};

// What is known about one cycle: its observed teacher and everyone taking part in one of its
// observations.
struct CycleFacts {
  bool known = false;
  Id creator;                 // author of its first version
  Id observed_teacher;        // from its latest body
  std::set<Id> participants;  // of all observations that name this cycle
};

// The two people a coaching note is between: its coach (for a body naming none, which every
// version-1 body is, the version's author: only coaches wrote them) and its teacher leader.
struct CoachingPair {
  Id coach;
  Id teacher_leader;
  bool operator==(const CoachingPair& o) const { return coach == o.coach && teacher_leader == o.teacher_leader; }
  bool has(Id person) const { return person == coach || person == teacher_leader; }
};
CoachingPair coaching_pair(const CoachingNote& note, Id author);

// The people a version is visible to. everyone = every person on the hub (people records).
struct Audience {
  bool everyone = false;
  std::set<Id> people;
  bool includes(Id person) const { return everyone || people.count(person) > 0; }
};

// body: the decoded body of `v`; for a tombstone, the newest known non-tombstone body of the
// same record (or nullptr when none is known: then only the author sees it).
// obs: facts about v.observation, or for an Observation version about that record itself,
// already including `v` if the caller has applied it. cycle: used for Cycle versions only.
//
// Rules: the author always sees their own versions. People records: everyone. Cycles: the
// observed teacher and the participants of its observations. Observations and everything in
// them: their participants, except coaching notes (only their author and the note's pair,
// coaching_pair) and prompts (the observed teacher sees only versions with shared = true).
// Key grants: their recipient only; key backups: nobody but their author (the person's devices).
// A coaching note's tombstone needs the last live body with its coach filled in
// (last_live_body_with_coach, coaching_facts.h): resolved against the tombstone's author it
// could miss the coach.
Audience readers_of(const Version& v, const RecordBody* body, const ObservationFacts& obs, const CycleFacts& cycle);

struct WriteVerdict {
  bool allowed = true;
  std::string reason;  // when refused: which rule, naming the version and people involved
};

// May a device belonging to `device_person` write `v`? obs are the facts BEFORE `v` is applied
// (for an Observation version, about that record; for scoped records, about v.observation).
// Rules: the author must be the device's person; a person record only for oneself; a new
// observation must list its author as a participant, any later version of it must come from a
// current participant; records inside an observation only from its participants; a cycle is
// new (anyone may start one) or written by its creator, its observed teacher or a participant.
// A coaching note only from one of its pair, whose coach is a coach and whose teacher leader is
// a teacher leader of the observation (so never from the observed teacher, never naming someone
// else); `coaching_before` is the pair of the record's newest live version the hub holds (none
// for a new note): a later version keeps that pair, and a delete comes from one of it.
// A key grant comes from someone who holds its scope's key: a participant of its observation, one
// of a coaching thread's pair granting the other (or their own other devices), or someone taking
// part in its cycle (`cycle` = the facts of the grant's cycle, facts.h cycle_scope_of). A key
// backup comes from its own person. Key records are never deleted. A person's public key, when
// published, is 32 bytes.
WriteVerdict may_write(const Version& v, const RecordBody* body, Id device_person, const ObservationFacts& obs,
                       const CycleFacts& cycle, const std::optional<CoachingPair>& coaching_before = std::nullopt);

// Participants of observation bodies (the heads of one observation record), merged.
ObservationFacts facts_from_heads(const std::vector<const Observation*>& heads);

}  // namespace core::sync
