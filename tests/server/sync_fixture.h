// Devices for the hub tests: a store in a temp directory, enrolled with a real hub, plus
// helpers to capture observations and read back what a device can see; and the usual cast of
// two colleagues sharing one observation through a hub.
#pragma once
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <variant>

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
  core::Id me() const { return *store->meta().local_person(); }

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

// A device that sends bodies in clear (SyncOptions::seal_bodies = false), for the hub tests whose
// subject is not encryption and that count versions, requests or bytes exactly, expect a colleague
// to read what was pushed after one sync, or read bodies on the hub: sealed, a sync also pushes
// this person's published key and grants, and a colleague reads once a key holder has synced since
// the colleague published theirs. The hub applies the same rules to sealed versions' clear routing
// fields; sealing itself is tested in test_hub_sealed_sync.cpp and test_hub_e2e_sealed.cpp.
struct ClearDevice : Device {
  ClearDevice() { options.seal_bodies = false; }
};

// A running hub with Lena and Chidi on its roster, and after enroll() a device each and an
// observation Lena leads with Chidi as coach. The hub is killed and its data removed at the end.
struct TwoColleagues {
  HubProcess hub{temp_dir("peerobs-hub")};
  std::string lena_id, chidi_id;
  Device lena, chidi;
  core::Id obs;

  // Sealed::No: both devices send in clear, as a ClearDevice does, and for the same reasons.
  enum class Sealed { Yes, No };
  explicit TwoColleagues(Sealed sealed = Sealed::Yes) {
    lena.options.seal_bodies = chidi.options.seal_bodies = sealed == Sealed::Yes;
    hub.start();
    lena_id = hub.add_person("Lena");
    chidi_id = hub.add_person("Chidi");
  }
  ~TwoColleagues() {
    hub.kill_hard();
    std::filesystem::remove_all(hub.data_dir());
  }
  // Through these addresses (a fault proxy's, say), or the hub's own when empty.
  void enroll(const std::string& lena_url = "", const std::string& chidi_url = "") {
    lena.enroll(lena_url.empty() ? hub.url() : lena_url, hub.issue_code(lena_id));
    chidi.enroll(chidi_url.empty() ? hub.url() : chidi_url, hub.issue_code(chidi_id));
    core::Observation o;
    o.participants = {{*core::Id::from_hex(lena_id), core::Role::TeacherLeader},
                      {*core::Id::from_hex(chidi_id), core::Role::Coach}};
    obs = lena.store->create(o, lena.me()).record;
  }
  // A colleague who joins the visit later: `newcomer` is enrolled for a new person `name` on the
  // hub's roster and synced once (a sealing device publishes its key so), then Lena adds the person
  // to the visit as `role` and syncs. Returns the person's id.
  std::string join_visit(Device& newcomer, const std::string& name, core::Role role) {
    const std::string id = hub.add_person(name);
    newcomer.enroll(hub.url(), hub.issue_code(id));
    newcomer.sync();
    auto plan = std::get<core::Observation>(lena.store->get(obs)->body);
    plan.participants.push_back({*core::Id::from_hex(id), role});
    lena.store->update(obs, plan, lena.me());
    lena.sync();
    return id;
  }
  // `d` holds exactly `n` notes of the observation, each with exactly one version: every note
  // arrived, none twice.
  void check_notes(const Device& d, std::size_t n) const {
    auto notes = d.store->live(core::RecordType::EvidenceNote, obs);
    CHECK(notes.size() == n);
    for (auto& [r, h] : notes) CHECK(d.store->versions_of(r).size() == 1);
  }
};

}  // namespace testing_support
