// Devices for the hub tests: a store in a temp directory, enrolled with a real hub, plus
// helpers to capture observations and read back what a device can see.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "core/net/sync_client.h"
#include "core/store.h"
#include "hub_process.h"

namespace testing_support {

struct Device {
  std::string dir;
  std::unique_ptr<core::Store> store;
  core::net::SyncOptions options;
  std::string hub_url;

  Device() : dir(temp_dir("peerobs-device")), store(std::make_unique<core::Store>(dir + "/peerobs.sqlite")) {}
  ~Device() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
  void enroll(const std::string& url, const std::string& code) {
    hub_url = url;
    core::net::SyncClient(*store, options).enroll(url, code, "test device");
  }
  core::net::SyncResult sync() { return core::net::SyncClient(*store, options).sync(); }
  core::Id me() const { return *store->local_person(); }

  core::Version note(core::Id observation, const std::string& text) {
    core::EvidenceNote n;
    n.observation = observation;
    n.text = text;
    return store->create(n, me());
  }
  std::size_t notes(core::Id observation = core::Id{}) const {
    return store->live(core::RecordType::EvidenceNote, observation).size();
  }
  bool sees(core::Id record) const { return !store->heads(record).empty(); }
};

}  // namespace testing_support
