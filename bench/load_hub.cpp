// load_hub: N devices syncing against one peerobs-hub on loopback for a fixed time, as in the
// minutes after a lesson: each device, in turn, saves a lesson's worth of taps and a note, pushes
// them and pulls what is new. Every device has its own store, its own token and its own
// connections. Prints p50/p99/max latency of push and of pull (one request each for these sizes),
// requests per second, errors (they must be 0) and the hub's peak RSS.
// Usage: load_hub [DEVICES=100] [SECONDS=20] [THREADS=32]
// Bodies travel sealed, as SyncOptions has them by default (docs/encryption.md); LOAD_CLEAR=1
// sends them in clear, to compare the two on one machine minutes apart.
// The hub is this build's (PEEROBS_BINARY_DIR/server/peerobs-hub), or the one PEEROBS_HUB names
// (to compare two hubs on the same machine minutes apart); figures in docs/hardening.md.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/net/sync_client.h"
#include "core/store.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string run(const std::string& cmd) {
  std::string out;
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) throw std::runtime_error("cannot run " + cmd);
  char buf[512];
  while (fgets(buf, sizeof buf, f)) out += buf;
  if (pclose(f) != 0) throw std::runtime_error(cmd + " failed: " + out);
  return out;
}

struct Device {
  std::unique_ptr<core::Store> store;
  std::unique_ptr<core::net::SyncClient> client;
  core::Id me, visit;
  std::int64_t minute = 0;
};

struct Figures {
  std::mutex mutex;
  std::vector<double> push_ms, pull_ms;
  std::atomic<long> errors{0};
  std::vector<std::string> first_errors;
  void error(const std::string& what) {
    ++errors;
    std::lock_guard<std::mutex> lock(mutex);
    if (first_errors.size() < 5) first_errors.push_back(what);
  }
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

long peak_rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// One round of a device: a lesson's few minutes of taps and a note, saved, pushed, then a pull.
void one_round(Device& d, Figures& f) {
  d.store->transaction([&] {
    for (int i = 0; i < 5; ++i) d.store->create(core::Tally{d.visit, "open-q", (d.minute * 60 + i * 7) * 1000}, d.me);
    d.store->create(
        core::EvidenceNote{
            d.visit, d.minute * 60000, "Pairs compare answers at the window table.", core::NoteKind::Noticing, {}},
        d.me);
  });
  ++d.minute;
  core::net::SyncResult r;
  auto t = Clock::now();
  d.client->push(r);
  const double push = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  t = Clock::now();
  d.client->pull(r);
  const double pull = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  std::lock_guard<std::mutex> lock(f.mutex);
  f.push_ms.push_back(push);
  f.pull_ms.push_back(pull);
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 100;
  const int seconds = argc > 2 ? std::atoi(argv[2]) : 20;
  const int threads = std::min(n, argc > 3 ? std::atoi(argv[3]) : 32);
  const fs::path dir = fs::temp_directory_path() / ("peerobs-load-" + std::to_string(getpid()));
  fs::create_directories(dir / "devices");
  const char* hub_override = std::getenv("PEEROBS_HUB");
  const std::string hub = hub_override && *hub_override
                              ? std::string(hub_override)
                              : (fs::path(PEEROBS_BINARY_DIR) / "server" / "peerobs-hub").string();
  const std::string data = (dir / "hub").string();

  // The roster and one code per person, through the admin verbs.
  {
    std::ofstream roster(dir / "roster.csv");
    for (int i = 0; i < n; ++i) roster << "Teacher " << i << ",t" << i << "@school.example\n";
  }
  run(hub + " import-roster --data " + data + " " + (dir / "roster.csv").string());
  std::istringstream listing(run(hub + " issue-code --data " + data + " --all-unenrolled"));
  std::vector<std::string> codes;
  for (std::string line; std::getline(listing, line);) {
    std::vector<std::string> cols;
    std::istringstream fields(line);
    for (std::string c; std::getline(fields, c, '\t');) cols.push_back(c);
    if (cols.size() == 4 && cols[0] != "name") codes.push_back(cols[2]);
  }
  if (static_cast<int>(codes.size()) != n) {
    std::fprintf(stderr, "load_hub: %zu codes for %d people\n", codes.size(), n);
    return 1;
  }

  int fds[2];
  if (pipe(fds) != 0) return 1;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    execl(hub.c_str(), hub.c_str(), "serve", "--data", data.c_str(), "--listen", "127.0.0.1:0", nullptr);
    _exit(127);
  }
  close(fds[1]);
  std::string line;
  for (char c; read(fds[0], &c, 1) == 1 && c != '\n';) line.push_back(c);
  const std::string url = "http://" + line.substr(line.rfind(' ') + 1);

  int rc = 0;
  Figures f;
  std::vector<Device> devices(static_cast<std::size_t>(n));
  std::atomic<int> next{0};
  auto each_device = [&](const std::function<void(int)>& work) {
    next = 0;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&] {
        for (int i; (i = next++) < n;) work(i);
      });
    for (auto& t : pool) t.join();
  };
  const bool clear = std::getenv("LOAD_CLEAR") != nullptr;
  const auto setup = Clock::now();
  each_device([&](int i) {
    Device& d = devices[static_cast<std::size_t>(i)];
    try {
      d.store = std::make_unique<core::Store>((dir / "devices" / (std::to_string(i) + ".sqlite")).string());
      core::net::SyncOptions options;
      options.seal_bodies = !clear;
      d.client = std::make_unique<core::net::SyncClient>(*d.store, options);
      d.client->enroll(url, codes[static_cast<std::size_t>(i)], "load device " + std::to_string(i));
      d.me = *d.store->meta().local_person();
      core::Observation o;
      o.class_name = "Load " + std::to_string(i);
      o.tools.counters = {{"open-q", "Open questions"}};
      o.participants = {{d.me, core::Role::TeacherLeader}};
      d.visit = d.store->create(o, d.me).record;
      d.client->sync();  // the roster comes down once; the measured rounds are the steady state
    } catch (const std::exception& e) {
      f.error(std::string("enrolling: ") + e.what());
    }
  });
  const double setup_s = std::chrono::duration<double>(Clock::now() - setup).count();

  // Sealed, each device's first sync also published its person's key, so the devices that
  // enrolled early have not seen the keys of those that came after them: the first pull after
  // everyone enrolled brings up to N-1 colleagues' person records, once. It is timed apart, as the
  // day a school starts, so the measured rounds below are the steady state.
  std::vector<double> catch_up_ms;
  std::mutex catch_up_mutex;
  each_device([&](int i) {
    Device& d = devices[static_cast<std::size_t>(i)];
    if (!d.client) return;
    try {
      core::net::SyncResult r;
      const auto t = Clock::now();
      d.client->pull(r);
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
      std::lock_guard<std::mutex> lock(catch_up_mutex);
      catch_up_ms.push_back(ms);
    } catch (const std::exception& e) {
      f.error(std::string("catching up: ") + e.what());
    }
  });

  // The measured minutes: devices take turns, as many at once as there are threads.
  const auto start = Clock::now(), until = start + std::chrono::seconds(seconds);
  std::atomic<long> rounds{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      // Thread t owns devices t, t + threads, t + 2 * threads, ...: a store is never used by two
      // threads at once (it is one SQLite connection).
      for (int i = t; Clock::now() < until; i = i + threads < n ? i + threads : t) {
        Device& d = devices[static_cast<std::size_t>(i)];
        if (!d.client) continue;
        try {
          one_round(d, f);
          ++rounds;
        } catch (const std::exception& e) {
          f.error(e.what());
        }
      }
    });
  for (auto& t : pool) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  const long rss = peak_rss_kib(pid);

  std::printf("load_hub: %d devices, %d threads, %d s, bodies %s (enrolling and a first sync each took %.1f s)\n", n,
              threads, seconds, clear ? "in clear" : "sealed", setup_s);
  std::printf("  catching up after everyone enrolled, one pull each: p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms\n",
              percentile(catch_up_ms, 0.5), percentile(catch_up_ms, 0.99), percentile(catch_up_ms, 1.0));
  std::printf("  push  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%zu requests)\n", percentile(f.push_ms, 0.5),
              percentile(f.push_ms, 0.99), percentile(f.push_ms, 1.0), f.push_ms.size());
  std::printf("  pull  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%zu requests)\n", percentile(f.pull_ms, 0.5),
              percentile(f.pull_ms, 0.99), percentile(f.pull_ms, 1.0), f.pull_ms.size());
  std::printf("  %.0f requests/s, %ld rounds (6 records each), %ld errors, hub peak RSS %ld MiB\n",
              static_cast<double>(f.push_ms.size() + f.pull_ms.size()) / elapsed, rounds.load(), f.errors.load(),
              rss / 1024);
  for (const auto& e : f.first_errors) std::printf("  error: %s\n", e.c_str());
  if (f.errors > 0) rc = 1;

  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  devices.clear();
  fs::remove_all(dir);
  return rc;
}
