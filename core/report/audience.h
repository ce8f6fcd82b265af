// Who a report is for, and what it may therefore hold. A report is a copy for one reader (the
// observed teacher's copy to hand over, or the maker's own): it holds a record only when the
// privacy rules (core/sync/privacy.h, the same rules the hub enforces) let that reader see it,
// so the observed teacher's copy never has coaching notes or unshared prompts, whoever makes it.
// The device making it holds only what its person may see, so a copy is never more than that.
#pragma once
#include <map>
#include <string>

#include "core/records.h"
#include "core/store.h"
#include "core/sync/privacy.h"

namespace core::report {

// A sentence for the person: the visit or cycle is not on this device, the reader is not in it.
struct ReportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Audience {
  Id reader;            // whom the copy is for
  Id maker;             // who makes it (this device's person)
  std::string made_on;  // "YYYY-MM-DD", the day it is made
};

// The participants of `observation` as the store's current heads list them.
sync::ObservationFacts observation_facts(const Store& store, Id observation);

// The plan of `visit` and its participants, once `reader` is known to take part in it. Throws
// ReportError with a sentence when the visit is not on this device or the reader is not in it.
struct ReadableVisit {
  Observation plan;
  sync::ObservationFacts facts;
};
ReadableVisit readable_visit(const Store& store, Id visit, Id reader, const std::map<Id, std::string>& names);

// May `reader` see this head of a record inside an observation with `facts`?
bool may_read(const RecordHead& head, const sync::ObservationFacts& facts, Id reader);

// "Made by Ana Lopes on 2 Dec 2026 for Amira Haddad, with only what Amira may see in peerobs."
std::string made_for_line(const Audience& audience, const std::map<Id, std::string>& names);

// "19 Nov 2026" from "2026-11-19"; the text itself when it is not a date.
std::string report_date(const std::string& date);
// A duration in words: "45 s", "4 min 10 s", "1 h 2 min".
std::string duration_words(std::int64_t ms);

}  // namespace core::report
