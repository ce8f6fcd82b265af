// The peerobs data model: plain structs, one per record type, and the version envelope.
//
// Every record has a random 128-bit id and an author. Every save is an immutable Version
// (version id, parent version ids, author, body hash); a delete is a Version with
// tombstone=true. Nothing here is ever a score, rating or level: evidence is descriptive
// (text, counts, durations, seat marks) and feedback is questions.
// Times inside a lesson are milliseconds since that observer started the lesson clock;
// calendar dates are ISO "YYYY-MM-DD" strings as the user typed them. No wall clock ever
// decides which version wins.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/hash.h"
#include "core/ids.h"

namespace core {

// ---- people and cycles ---------------------------------------------------------------

struct Person {
  std::string name;    // display name, as the person typed it
  std::string school;  // optional, free text; default ""
  // The person's X25519 public key (32 bytes), published so colleagues' devices can grant them
  // content keys (docs/encryption.md); "" = none yet. Since body version 2; empty in version-1 bodies.
  std::string public_key{};
};

// A sequence of observations with one focus, owned by the observed teacher.
struct Cycle {
  std::string title;           // e.g. "Questioning in Year 8 science"
  Id observed_teacher;         // the teacher whose classroom is observed
  std::string focus_question;  // the teacher's own question about their classroom
};

// ---- the observation plan ------------------------------------------------------------

enum class Role : std::uint8_t { ObservedTeacher = 0, TeacherLeader = 1, Coach = 2 };

struct Participant {
  Id person;
  Role role = Role::TeacherLeader;
};

// A named counter; `key` is stable across the visits of a cycle so follow-ups compare.
struct CounterTool {
  std::string key;    // e.g. "open-q"; unique within an observation
  std::string label;  // e.g. "Open questions"
};

// A duration timer. Timers that share a non-empty exclusive_group run one at a time
// (teacher talk vs student talk).
struct TimerTool {
  std::string key;              // unique within an observation
  std::string label;            // e.g. "Teacher talk"
  std::string exclusive_group;  // "" = independent
};

struct Seat {
  std::string key;    // unique within the chart, e.g. "r2c3"
  std::string label;  // what the observer sees, e.g. a first name or "A3"
  int row = 0;        // 0-based grid row, front of the room = row 0
  int col = 0;        // 0-based grid column
};

struct SeatingChart {
  bool enabled = false;
  int rows = 0;
  int cols = 0;
  std::vector<Seat> seats;
};

struct DataTools {
  bool evidence_notes = true;
  std::vector<CounterTool> counters;
  std::vector<TimerTool> timers;
  SeatingChart seating;
};

enum class ObservationStatus : std::uint8_t { Planned = 0, Observed = 1, Debriefed = 2, Cancelled = 3 };

struct Observation {
  Id cycle;
  std::string focus_question;          // the observed teacher's question, shown while observing
  std::vector<std::string> look_fors;  // what to look for, chosen by the observed teacher
  DataTools tools;                     // the data the teacher asked for
  std::string template_key;            // the template it started from ("" = none)
  std::string class_name;              // e.g. "8B science"
  std::string date;                    // "YYYY-MM-DD" planned lesson date
  std::string time;                    // "HH:MM" planned start, "" if not set
  std::vector<Participant> participants;
  ObservationStatus status = ObservationStatus::Planned;
  Id follows;  // the earlier observation this one follows up (empty = first)
  // Another time for a planned visit, proposed by a participant (usually the observed teacher)
  // and waiting for the teacher leader, who accepts it (date and time move) or keeps the plan;
  // either clears it. Since body version 2; empty in version-1 bodies.
  std::string proposed_date;  // "YYYY-MM-DD", "" = no proposal waiting
  std::string proposed_time;  // "HH:MM", "" = no time proposed
  Id proposed_by;             // who proposed it (empty = no proposal)
};

// One observer's lesson clock for one observation (each device keeps its own).
struct LessonClock {
  Id observation;
  std::int64_t elapsed_ms = 0;  // lesson time accumulated up to the last pause/resume
  bool running = false;         // true while the observer is observing
  bool ended = false;           // the observer pressed End
};

// ---- evidence ------------------------------------------------------------------------

enum class NoteKind : std::uint8_t { Noticing = 0, Quote = 1, Wondering = 2 };

struct EvidenceNote {
  Id observation;
  std::int64_t lesson_ms = 0;  // lesson time at which typing began
  std::string text;
  NoteKind kind = NoteKind::Noticing;
  std::vector<std::string> look_for_tags;  // look-for texts from the plan
};

// One tap on a counter.
struct Tally {
  Id observation;
  std::string counter_key;
  std::int64_t lesson_ms = 0;
};

// One stretch of a running timer; end_ms < 0 while it is still running.
struct TimerSpan {
  Id observation;
  std::string timer_key;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = -1;
};

// One participation mark on the seating chart.
struct SeatMark {
  Id observation;
  std::string seat_key;
  std::int64_t lesson_ms = 0;
};

// ---- after the lesson ----------------------------------------------------------------

// A reflective question from an observer, about selected evidence. The observed teacher
// sees it only once shared = true.
struct Prompt {
  Id observation;
  std::string text;
  std::vector<Id> evidence;  // record ids of notes/tallies/marks it refers to
  bool shared = false;
};

struct Reflection {
  Id observation;
  Id prompt;  // the prompt this answers
  std::string text;
};

struct DebriefNote {
  Id observation;
  std::string text;
};

enum class NextStepStatus : std::uint8_t { Open = 0, Done = 1, Dropped = 2 };

struct NextStep {
  Id observation;
  std::string text;            // what will be tried
  Id owner;                    // who owns it (usually the observed teacher)
  std::string support;         // support needed, free text
  std::string follow_up_date;  // "YYYY-MM-DD" when follow-up data is collected, "" if not set
  NextStepStatus status = NextStepStatus::Open;
  Id follow_up_observation;  // set once the follow-up visit is scheduled
};

// One note of a coaching thread: a coach who co-observed and one teacher leader talk about the
// leader's observing and debrief moves. Either of the two writes; only those two ever see it.
struct CoachingNote {
  Id observation;
  Id teacher_leader;  // the teacher leader the thread is with
  std::string text;
  Id coach{};  // the coach the thread is with; empty (every version-1 body, written only by
               // coaches) means the author of the version
};

// ---- keys (docs/encryption.md) -----------------------------------------------------------
// Both carry what core/crypto makes as opaque bytes; this layer only stores and routes them.

// What a content key opens: everything in one observation but its coaching notes; one coaching
// thread (an observation's coach and teacher leader); or one cycle's own body.
enum class KeyScope : std::uint8_t { Observation = 0, CoachingThread = 1, Cycle = 2 };

// A content key wrapped for one person. The author is the participant who sends it; only the
// author and the recipient ever receive it.
struct KeyGrant {
  Id key_id;                                    // the content key's random id
  KeyScope scope_kind = KeyScope::Observation;  // what the key opens
  Id scope;                                     // the observation (Observation, CoachingThread) or the cycle (Cycle)
  Id recipient;                                 // the person it is wrapped for
  Id coach;                                     // a coaching thread's coach; empty for the other scopes
  Id teacher_leader;                            // a coaching thread's teacher leader; empty for the other scopes
  std::string wrapped;  // the key wrapped for the recipient's public key (core/crypto), opaque here
};

// A person's key pair sealed under their recovery phrase. The author is the person; only the
// person's own devices ever receive it.
struct KeyBackup {
  Id person;           // whose key pair (always the author)
  std::string sealed;  // the sealed key pair (core/crypto), opaque here
};

// ---- the envelope ----------------------------------------------------------------------

enum class RecordType : std::uint8_t {
  Person = 1,
  Cycle,
  Observation,
  LessonClock,
  EvidenceNote,
  Tally,
  TimerSpan,
  SeatMark,
  Prompt,
  Reflection,
  DebriefNote,
  NextStep,
  CoachingNote,
  KeyGrant,
  KeyBackup,
};
constexpr int kRecordTypeCount = 15;

using RecordBody = std::variant<Person, Cycle, Observation, LessonClock, EvidenceNote, Tally, TimerSpan, SeatMark,
                                Prompt, Reflection, DebriefNote, NextStep, CoachingNote, KeyGrant, KeyBackup>;

RecordType type_of(const RecordBody& body);
const char* type_name(RecordType type);  // "evidence_note", stable, used in JSON and stats
bool type_from_name(const std::string& name, RecordType& out);
const char* role_name(Role role);  // "observed_teacher" | "teacher_leader" | "coach"
bool valid_record_type(int value);

// The observation a body belongs to (empty for people, cycles and observations themselves,
// which use their own record id; a key grant's observation or coaching thread's observation, and
// empty for a cycle's grant and for key backups).
Id observation_of(const RecordBody& body);

// One immutable save of a record.
struct Version {
  Id version;  // random, unique per save
  Id record;   // the record this is a version of
  RecordType type = RecordType::EvidenceNote;
  std::vector<Id> parents;       // the heads this save replaced (empty = first version)
  Id author;                     // the person who saved it
  Id observation;                // scope for privacy: the observation, or empty
  bool tombstone = false;        // a delete
  std::int64_t saved_at_ms = 0;  // device wall clock, informational only
  std::string body;              // cereal portable binary of the typed body
  Sha256 body_hash{};            // sha256 over type, tombstone and body bytes
};

// What a record looks like now: one head, or several when devices edited it concurrently.
struct RecordHead {
  Version version;
  RecordBody body;
};

}  // namespace core
