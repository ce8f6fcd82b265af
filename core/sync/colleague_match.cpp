// Device-only colleagues and matching them with the roster. See colleague_match.h.
#include "core/sync/colleague_match.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/serialization.h"
#include "core/sync/rekey.h"
#include "core/utf8.h"

namespace core::sync {

namespace {
constexpr MetaKey kPushWaits = MetaKey::SyncPushWaitsForColleagues;
// The record types with person fields (rekey.h's for_each_person_field).
constexpr RecordType kNamingTypes[] = {RecordType::Observation, RecordType::Cycle, RecordType::NextStep,
                                       RecordType::CoachingNote};

bool can_leave_device(const Store& store, const Version& v) {
  return !store.outbox().is_local_only(v.record) &&
         (v.observation.empty() || !store.outbox().is_local_only(v.observation));
}

std::string person_name(const RecordHead& h) {
  const auto* p = std::get_if<Person>(&h.body);
  return p ? p->name : std::string();
}

// Base letters of U+00C0..U+00FF and U+0100..U+017F; '?' marks the few handled apart.
constexpr char kLatin1[] = "aaaaaa?ceeeeiiiidnooooo?ouuuuy??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";
constexpr char kLatinExtA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(sizeof(kLatin1) == 64 + 1 && sizeof(kLatinExtA) == 128 + 1, "one letter per code point");

std::string fold_code_point(unsigned cp) {
  if (cp == 0xC6 || cp == 0xE6) return "ae";
  if (cp == 0xDE || cp == 0xFE) return "th";
  if (cp == 0xDF) return "ss";
  if (cp == 0x132 || cp == 0x133) return "ij";
  if (cp == 0x152 || cp == 0x153) return "oe";
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != '?') return std::string(1, kLatin1[cp - 0xC0]);
  if (cp >= 0x100 && cp <= 0x17F && kLatinExtA[cp - 0x100] != '?') return std::string(1, kLatinExtA[cp - 0x100]);
  return {};
}

std::vector<std::string> words_of(const std::string& comparable) {
  std::vector<std::string> out;
  std::istringstream in(comparable);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool contains_all(const std::vector<std::string>& haystack, const std::vector<std::string>& needles) {
  for (const auto& n : needles)
    if (std::find(haystack.begin(), haystack.end(), n) == haystack.end()) return false;
  return true;
}

template <class T>
void sort_by_name(std::vector<T>& people) {
  std::sort(people.begin(), people.end(), [](const T& a, const T& b) {
    std::string ka = comparable_name(a.name), kb = comparable_name(b.name);
    return ka != kb ? ka < kb : a.person < b.person;
  });
}
// A new version of `head`'s record with `body`, by `me`, replacing that head only (so a record
// edited on two devices stays in conflict, for people to resolve).
Version child_of(const Version& head, const RecordBody& body, Id me) {
  Version v;
  v.version = Id::clustered();
  v.record = head.record;
  v.type = head.type;
  v.parents = {head.version};
  v.author = me;
  v.observation = head.observation;
  v.saved_at_ms = wall_clock_ms();
  v.body = encode_body(body);
  v.body_hash = body_hash(v.type, false, v.body);
  return v;
}
}  // namespace

std::string comparable_name(const std::string& name) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < name.size();) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    std::string piece;
    std::size_t len = 1;
    if (c < 0x80) {
      piece = std::string(1, static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else {
      // Accented Latin letters fold to their base letter; other scripts (and malformed bytes,
      // one at a time) are compared as typed.
      char32_t cp = 0;
      len = utf8::decode(name, i, cp);
      piece = fold_code_point(static_cast<unsigned>(cp));
      if (piece.empty()) piece = name.substr(i, len);
    }
    i += len;
    if (piece == " " || piece == "\t" || piece == "\n") {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += piece;
  }
  return out;
}

std::vector<RosterPerson> likely_matches(const std::string& typed, const std::vector<RosterPerson>& roster) {
  const std::string key = comparable_name(typed);
  const auto words = words_of(key);
  if (words.empty()) return {};
  auto sorted_words = words;
  std::sort(sorted_words.begin(), sorted_words.end());
  std::vector<std::pair<int, RosterPerson>> ranked;  // rank: 0 same name, 1 same words, 2 contains them
  for (const auto& r : roster) {
    const std::string rk = comparable_name(r.name);
    auto rw = words_of(rk);
    int rank = -1;
    if (rk == key) {
      rank = 0;
    } else {
      auto sorted_rw = rw;
      std::sort(sorted_rw.begin(), sorted_rw.end());
      if (sorted_rw == sorted_words)
        rank = 1;
      else if (contains_all(rw, words))
        rank = 2;
    }
    if (rank >= 0) ranked.push_back({rank, r});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RosterPerson> out;
  for (const auto& [rank, r] : ranked) {
    if (out.size() == 3) break;
    out.push_back(r);
  }
  return out;
}

std::vector<RosterPerson> search_roster(const std::string& text, const std::vector<RosterPerson>& roster) {
  const std::string key = comparable_name(text);
  std::vector<RosterPerson> out;
  for (const auto& r : roster)
    if (comparable_name(r.name).find(key) != std::string::npos) out.push_back(r);
  return out;
}

std::vector<DeviceOnlyColleague> device_only_colleagues(const Store& store, Id me) {
  // People first (a few dozen): most stores have no typed colleague, and then no record is read.
  std::map<Id, DeviceOnlyColleague> candidates;
  for (auto& [person, head] : store.live(RecordType::Person))
    if (person != me && store.outbox().is_local_only(person)) candidates[person] = {person, person_name(head), 0};
  if (candidates.empty()) return {};
  std::set<Id> named;  // by something that can leave this device
  for (RecordType type : kNamingTypes)
    for (auto& [record, head] : store.live(type)) {
      if (!can_leave_device(store, head.version)) continue;
      std::set<Id> here;
      for_each_person_field(head.body, [&](Id& field) { here.insert(field); });
      for (const Id& person : here) {
        auto it = candidates.find(person);
        if (it == candidates.end()) continue;
        named.insert(person);
        if (type == RecordType::Observation) ++it->second.visits;
      }
    }
  std::vector<DeviceOnlyColleague> out;
  for (const Id& person : named) out.push_back(candidates[person]);
  sort_by_name(out);
  return out;
}

std::vector<RosterPerson> roster_people(const Store& store, Id me) {
  std::vector<RosterPerson> out;
  for (auto& [person, head] : store.live(RecordType::Person))
    if (person != me && !store.outbox().is_local_only(person)) out.push_back({person, person_name(head)});
  sort_by_name(out);
  return out;
}

bool push_waits_for_colleagues(const Store& store) { return store.meta().get(kPushWaits).value_or("") == "1"; }

void set_push_waits_for_colleagues(Store& store, bool waits) { store.meta().set(kPushWaits, waits ? "1" : "0"); }

MatchOutcome match_colleague(Store& store, Id me, Id colleague, Id roster) {
  MatchOutcome outcome;
  store.transaction([&] {
    auto typed = store.get(colleague);
    if (!typed || !std::holds_alternative<Person>(typed->body) || !store.outbox().is_local_only(colleague) ||
        colleague == me)
      throw std::runtime_error("This colleague is no longer only on this device (already matched?).");
    auto listed = store.get(roster);
    if (!listed || !std::holds_alternative<Person>(listed->body) || store.outbox().is_local_only(roster) ||
        roster == me)
      throw std::runtime_error("That person is not on your school's roster on this device.");
    const std::map<Id, Id> people{{colleague, roster}};
    if (push_waits_for_colleagues(store)) {
      // Nothing has been sent since this store's first enrollment: rewrite, so the hub never
      // sees the typed id at all.
      outcome.rewritten = rekey_references(store, people);
    } else {
      // Observations first (kNamingTypes' order, which the outbox keeps): the hub checks a next
      // step or coaching note against the participants it already holds.
      for (RecordType type : kNamingTypes)
        for (auto& [record, live] : store.live(type)) {
          bool every_head_named = true;
          for (auto& head : store.heads(record)) {
            if (head.version.tombstone || !rekey_body(head.body, people)) {
              every_head_named = false;
              continue;
            }
            if (type == RecordType::CoachingNote) {
              // The hub keeps a coaching note between the two it was written for (privacy.cpp),
              // so it is not moved: the same text goes to the roster person as a new note.
              store.create(head.body, me);
              ++outcome.new_versions;
              continue;
            }
            store.apply_version(child_of(head.version, head.body, me), true);
            ++outcome.new_versions;
          }
          // The note addressed to the typed id, now copied, leaves the thread (its history stays).
          if (type == RecordType::CoachingNote && every_head_named) {
            store.remove(record, me);
            ++outcome.new_versions;
          }
        }
    }
    store.remove(colleague, me);  // local-only: the typed person's history stays on this device
  });
  return outcome;
}

}  // namespace core::sync
