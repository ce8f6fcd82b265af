// The meta table and the one spelling of every key. See device_meta.h.
#include "core/store/device_meta.h"

#include <stdexcept>

namespace core {

const char* meta_key_name(MetaKey key) {
  switch (key) {
    case MetaKey::LocalPerson:
      return "local_person";
    case MetaKey::SyncHubUrl:
      return "sync.hub_url";
    case MetaKey::SyncToken:
      return "sync.token";
    case MetaKey::SyncDevice:
      return "sync.device";
    case MetaKey::SyncPerson:
      return "sync.person";
    case MetaKey::SyncCursor:
      return "sync.cursor";
    case MetaKey::SyncLastSuccessMs:
      return "sync.last_success_ms";
    case MetaKey::SyncPushBatch:
      return "sync.push_batch";
    case MetaKey::SyncPullPage:
      return "sync.pull_page";
    case MetaKey::SyncPushWaitsForColleagues:
      return "sync.push_waits_for_colleagues";
    case MetaKey::SyncEnrollPending:
      return "sync.enroll_pending";
    case MetaKey::SyncClearUpTo:
      return "sync.clear_up_to";
    case MetaKey::SyncResealedUpTo:
      return "sync.resealed_up_to";
    case MetaKey::SyncPushSentUpTo:
      return "sync.push_sent_up_to";
    case MetaKey::PersonKeyPair:
      return "crypto.person_key_pair";
    case MetaKey::RecoveryPhraseKept:
      return "crypto.recovery_phrase_kept";
    case MetaKey::TextSize:
      return "text_size";
    case MetaKey::Theme:
      return "theme";
    case MetaKey::RoleHint:
      return "role_hint";
    case MetaKey::ReportPaper:
      return "report_paper";
    case MetaKey::HubFeedCursor:
      return "hub.feed_cursor";
  }
  throw std::logic_error("meta_key_name: a MetaKey without a name");  // -Wswitch names the missing case
}

std::optional<std::string> DeviceMeta::get(MetaKey key) const {
  StmtLease st = c_.cached("SELECT value FROM meta WHERE key = ?");
  st->bind(1, meta_key_name(key));
  if (!st->step()) return std::nullopt;
  return st->col_text(0);
}

void DeviceMeta::set(MetaKey key, const std::string& value) {
  StmtLease st =
      c_.cached("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  st->bind(1, meta_key_name(key)).bind(2, value);
  st->run();
}

void DeviceMeta::erase(MetaKey key) {
  StmtLease st = c_.cached("DELETE FROM meta WHERE key = ?");
  st->bind(1, meta_key_name(key));
  st->run();
}

std::optional<Id> DeviceMeta::local_person() const {
  auto v = get(MetaKey::LocalPerson);
  if (!v) return std::nullopt;
  return Id::from_hex(*v);
}

void DeviceMeta::set_local_person(Id person) { set(MetaKey::LocalPerson, person.hex()); }

}  // namespace core
