#include "core/sync/key_recovery.h"

#include <stdexcept>

#include "core/crypto/key_backup.h"
#include "core/sync/key_grants.h"

namespace core::sync {

namespace {
// The person's KeyBackup record on this device (one record, kept current), if any.
std::optional<std::pair<Id, KeyBackup>> recovery_backup_of(const Store& store, Id me) {
  for (const auto& [id, head] : store.live(RecordType::KeyBackup))
    if (const auto* b = std::get_if<KeyBackup>(&head.body); b && b->person == me && head.version.author == me)
      return std::make_pair(id, *b);
  return std::nullopt;
}
}  // namespace

crypto::RecoveryPhrase back_up_key_pair(Store& store, Id me) {
  auto keys = stored_key_pair(store);
  if (!keys)
    throw std::runtime_error(
        "This device holds no key yet, so there is nothing to back up: sync once with the hub first.");
  crypto::RecoveryPhrase phrase = crypto::RecoveryPhrase::make();
  const KeyBackup backup{me, crypto::seal_key_backup(*keys, me, phrase)};
  store.transaction([&] {
    if (auto earlier = recovery_backup_of(store, me))
      store.update(earlier->first, backup, me);
    else
      store.create(backup, me);
  });
  return phrase;
}

bool needs_recovery_phrase(const Store& store, Id me) {
  if (store.meta().get(MetaKey::PersonKeyPair)) return false;
  auto head = store.get(me);
  const auto* person = head ? std::get_if<Person>(&head->body) : nullptr;
  return person && !person->public_key.empty();
}

RestoreOutcome restore_key_pair(Store& store, Id me, std::string_view typed) {
  auto parsed = crypto::parse_recovery_phrase(typed);
  if (!parsed.phrase) return {false, parsed.refusal};
  auto backup = recovery_backup_of(store, me);
  if (!backup)
    return {false,
            "No backup of your key has reached this device yet. Sync with the hub first; if it still is not "
            "here, the device where you made your recovery phrase has not synced since."};
  auto opened = crypto::open_key_backup(backup->second.sealed, me, *parsed.phrase);
  if (!opened.keys) return {false, opened.refusal};
  store.transaction([&] { keep_key_pair(store, *opened.keys); });
  return {true, "Your key is on this device now: the next sync brings what colleagues shared with you."};
}

}  // namespace core::sync
