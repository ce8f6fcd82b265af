// The hub's push path end to end, as server/hub_http.cpp runs it for POST /v1/push from an
// enrolled device: the envelope decoded, then HubStore::push_together (the checks: authors,
// privacy rules, hashes, parents; then the writes) and the answer packed. A hostile push must
// end in a refusal (HubError, WireError, ...) with nothing half-stored, never a crash.
// One hub store serves many inputs (a new one per input would be a thousand times slower); it
// is made again once it has taken kHubPushStoredLimit versions, so it stays small and fast.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <type_traits>
#include <variant>

#include "core/crypto/sealed_body.h"
#include "core/sync/messages.h"
#include "core/sync/wire.h"
#include "fixed_random.h"
#include "harness.h"
#include "server/hub_store.h"
#include "support/records_samples.h"

namespace {

constexpr std::uint32_t kHubPushStoredLimit = 20000;

// A hub in a temporary folder with a teacher and a coach on its roster and the teacher's
// device enrolled. The ids come from fixed_random.h, so every process gets the same ones.
struct PushHub {
  std::string dir;
  std::unique_ptr<server::HubStore> hub;
  server::DeviceRow device;
  core::Id teacher, coach;
  std::uint32_t stored = 0;

  PushHub() {
    std::string pattern = (std::filesystem::temp_directory_path() / "peerobs-fuzz-hub-push-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    dir = pattern;
    fuzz::fixed_random_restart(20261203);
    hub = std::make_unique<server::HubStore>(dir);
    teacher = hub->add_person("Amira Haddad", "");
    coach = hub->add_person("Dara Quinn", "");
    device = hub->authenticate(hub->enroll({hub->issue_code(teacher, 7), "tablet"}).token);
  }
  ~PushHub() {
    hub.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

std::unique_ptr<PushHub>& push_hub() {
  static std::unique_ptr<PushHub> hub;
  static const bool cleanup = [] {
    std::atexit([] { push_hub().reset(); });
    return true;
  }();
  (void)cleanup;
  if (!hub || hub->stored > kHubPushStoredLimit) {
    hub.reset();
    hub = std::make_unique<PushHub>();
  }
  return hub;
}

// A sample body made to belong to the teacher's observation (sample_bodies() points elsewhere).
template <class Body>
void hub_push_point_at(Body& body, core::Id observation, core::Id teacher) {
  if constexpr (!std::is_same_v<Body, core::Person> && !std::is_same_v<Body, core::Cycle> &&
                !std::is_same_v<Body, core::Observation> && !std::is_same_v<Body, core::KeyBackup>) {
    if constexpr (std::is_same_v<Body, core::KeyGrant>)
      body.scope = observation;
    else
      body.observation = observation;
  }
  if constexpr (std::is_same_v<Body, core::NextStep>) {
    body.owner = teacher;
    body.follow_up_observation = core::Id{};
  }
}

// The answer the hub sends: what it stored, or the versions it refused.
void hub_push_answer(PushHub& h, const std::string& body) {
  auto push = core::sync::unpack<core::sync::PushRequest>(body);
  auto pushed = h.hub->push_together({{&h.device, &push}});
  if (pushed.at(0).error) {
    try {
      std::rethrow_exception(pushed[0].error);
    } catch (const server::HubRefusal& e) {
      core::sync::pack(e.refusal);
    }
    return;
  }
  h.stored += pushed[0].response.stored;
  core::sync::pack(pushed[0].response);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& h = *push_hub();
  try {
    hub_push_answer(h, std::string(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception&) {
    // A refusal with a sentence (hub_http.cpp's guarded() answers it with a status).
  }
  return 0;
}

const core::crypto::ContentKey& hub_push_key() {
  static const core::crypto::ContentKey key = core::crypto::ContentKey::make();
  return key;
}

std::vector<std::string> fuzz_seeds() {
  // The teacher's device as it syncs after a lesson: the plan, the evidence, an edit and a removal.
  PushHub h;
  const auto path = std::filesystem::path(h.dir) / "device.sqlite";
  std::vector<std::string> out;
  {
    core::Store device(path.string());
    auto bodies = testing_support::sample_bodies();
    auto& plan = std::get<core::Observation>(bodies[2]);
    plan.cycle = core::Id{};
    plan.follows = core::Id{};
    plan.participants = {{h.teacher, core::Role::ObservedTeacher}, {h.coach, core::Role::Coach}};
    std::vector<core::Version> lesson;
    lesson.push_back(device.create(core::Cycle{"Questioning", h.teacher, "Who gets to answer?"}, h.teacher));
    plan.cycle = lesson.back().record;
    lesson.push_back(device.create(plan, h.teacher));
    const core::Id obs = lesson.back().record;
    out.push_back(core::sync::pack(core::sync::PushRequest{core::Id::random(), lesson}));
    // Then each piece of evidence in a batch of its own, so one the rules refuse (a batch is
    // all or nothing) does not keep the others out of the hub's store.
    core::Version last;
    for (std::size_t i = 3; i < bodies.size(); ++i) {
      std::visit([&](auto& body) { hub_push_point_at(body, obs, h.teacher); }, bodies[i]);
      last = device.create(bodies[i], h.teacher);
      out.push_back(core::sync::pack(core::sync::PushRequest{core::Id::random(), {last}}));
      // The same evidence sealed end to end (docs/encryption.md), under a version id of its own:
      // the hub routes it by the clear fields it parses from bytes anyone could send.
      if (core::crypto::travels_sealed(last.type)) {
        core::Version sealed = last;
        sealed.version = core::Id::random();
        out.push_back(core::sync::pack(
            core::sync::PushRequest{core::Id::random(), {core::crypto::seal_version(sealed, hub_push_key())}}));
      }
    }
    out.push_back(
        core::sync::pack(core::sync::PushRequest{core::Id::random(), {device.remove(last.record, h.teacher)}}));
    out.push_back(core::sync::pack(core::sync::PushRequest{core::Id::random(), {}}));
  }
  return out;
}
