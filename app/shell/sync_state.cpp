// Sync state from the store. See sync_state.h.
#include "app/shell/sync_state.h"

#include <cstdlib>
#include <ctime>

namespace app {

SyncState read_sync_state(const core::Store& store) {
  SyncState s;
  if (auto hub = store.meta().get(core::MetaKey::SyncHubUrl); hub && !hub->empty()) {
    s.enrolled = true;
    s.hub_url = *hub;
  }
  if (auto last = store.meta().get(core::MetaKey::SyncLastSuccessMs)) s.last_success_ms = std::atoll(last->c_str());
  s.outbox = store.outbox().size();
  // Conflicts are not counted here: that scans every head (30-60 ms at 100,000 records) on the
  // UI thread at each navigation. The sync worker counts them off the frame, hub or not, and its
  // first report comes before any network call. The held-back list is small.
  s.held_back = store.outbox().held_back_size();
  s.sealed_waiting = store.keys().waiting_for_key();
  if (s.held_back > 0)
    s.held_back_note = core::net::held_back_message(s.held_back, store.outbox().held_back().front().reason);
  return s;
}

std::string format_sync_time(std::int64_t ms) {
  if (ms <= 0) return "";
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm local{};
  localtime_r(&t, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%d %b at %H:%M", &local);
  return buf;
}

std::string describe(const SyncState& s) {
  std::string conflicts;
  if (s.conflicts > 0)
    conflicts = " " + std::to_string(s.conflicts) +
                (s.conflicts == 1 ? " item was edited on two devices; both versions are kept until you choose."
                                  : " items were edited on two devices; both versions are kept until you choose.");
  std::string keys = describe_keys(s);
  if (!keys.empty()) keys.insert(0, " ");
  if (!s.error.empty()) return "Sync problem: " + s.error + " Your work is safe on this device." + conflicts + keys;
  if (!s.enrolled) return "Not connected to a hub \xE2\x80\x94 your work is kept on this device." + conflicts;
  std::string out = "Syncing with " + s.hub_url + ".";
  if (const std::string last_sync = format_sync_time(s.last_success_ms); !last_sync.empty())
    out += " Last sync " + last_sync + ".";
  if (s.outbox > 0)
    out += " " + std::to_string(s.outbox) + (s.outbox == 1 ? " change waits" : " changes wait") + " to be sent.";
  else
    out += " Everything is sent.";
  out += conflicts;
  if (!s.held_back_note.empty()) out += " " + s.held_back_note;
  return out + keys;
}

std::string describe_keys(const SyncState& s) {
  std::string out;
  if (s.sealed_waiting > 0)
    out = s.sealed_waiting == 1 ? "1 item waits for a key from a colleague's device."
                                : std::to_string(s.sealed_waiting) + " items wait for a key from a colleague's device.";
  if (s.unopened > 0) {
    if (!out.empty()) out += " ";
    out += s.first_unopened;
    if (s.unopened > 1)
      out += " " + std::to_string(s.unopened - 1) +
             (s.unopened == 2 ? " more item was refused the same way." : " more items were refused the same way.");
  }
  return out;
}

}  // namespace app
