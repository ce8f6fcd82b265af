// HubLink: the worker, enrollment on its own thread, and snapshots for the UI.
#include "app/shell/hub_link.h"

#include "core/net/sync_client.h"

namespace app {

HubLink::HubLink(std::string store_path, core::net::WorkerOptions options)
    : store_path_(std::move(store_path)), worker_(std::make_unique<core::net::SyncWorker>(store_path_, options)) {
  worker_->start();
}

HubLink::~HubLink() {
  if (enroll_thread_.joinable()) enroll_thread_.join();
  worker_.reset();
}

void HubLink::sync_now() { worker_->sync_now(); }

bool HubLink::enrolling() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return enrolling_;
}

bool HubLink::enroll(const std::string& hub_url, const std::string& code, const std::string& device_name) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (enrolling_) return false;
    enrolling_ = true;
    enroll_result_.reset();
  }
  if (enroll_thread_.joinable()) enroll_thread_.join();
  enroll_thread_ = std::thread([this, hub_url, code, device_name] {
    EnrollResult result;
    try {
      core::Store store(store_path_);
      core::net::SyncClient client(store);
      auto outcome = client.enroll(hub_url, code, device_name);
      result.ok = true;
      result.person = outcome.person;
      result.message = "Connected as " + outcome.person_name + ". Your work now syncs with " + hub_url + ".";
      if (outcome.colleagues_to_match > 0) {
        // The matching screen opens next and needs the roster: pull it now (a pull sends nothing,
        // and sending waits for the match anyway). If it fails, the worker's next sync brings it.
        result.message = "Connected as " + outcome.person_name +
                         ". Before your work is sent, say who the colleagues "
                         "you typed into plans are on your school's roster.";
        try {
          core::net::SyncResult pulled;
          client.pull(pulled);
        } catch (const std::exception&) {
          result.message += " The roster has not arrived yet; it comes with the next sync.";
        }
      }
    } catch (const std::exception& e) {
      result.message = e.what();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    enroll_result_ = result;
    enrolling_ = false;
  });
  return true;
}

std::optional<EnrollResult> HubLink::take_enroll_result() {
  std::optional<EnrollResult> out;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    out.swap(enroll_result_);
  }
  if (out && out->ok) worker_->sync_now();
  return out;
}

bool HubLink::poll(SyncState& state, bool& data_changed) {
  state = worker_->status();
  data_changed = state.data_generation != last_polled_.data_generation;
  const bool changed = state != last_polled_;
  last_polled_ = state;
  return changed;
}

}  // namespace app
