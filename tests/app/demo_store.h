// DemoStore: a temp-file store with a local person ("Sam Okafor", teacher leader) and the demo
// cycle seeded (core/demo_data.h), plus a wall clock the test moves. For every model and screen
// test that needs a realistic store: each test gets its own file, removed afterwards.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/demo_data.h"
#include "core/paths.h"
#include "core/store.h"
#include "ui_harness.h"

namespace test {

struct DemoStore {
  TempDir dir;
  core::Store store{core::store_path_in(dir.path())};
  core::Id me;
  core::DemoData demo;
  std::int64_t now = 1'800'000'000'000;

  DemoStore() {
    me = store.create(core::Person{"Sam Okafor", ""}, core::Id{}).record;
    store.meta().set_local_person(me);
    demo = core::seed_demo_data(store, me);
  }
  std::function<std::int64_t()> clock() {
    return [this] { return now; };
  }
  template <typename T>
  std::vector<std::pair<core::Id, T>> live(core::RecordType type, core::Id obs = {}) {
    std::vector<std::pair<core::Id, T>> out;
    for (const auto& [id, h] : store.live(type, obs)) out.push_back({id, std::get<T>(h.body)});
    return out;
  }
};

}  // namespace test
