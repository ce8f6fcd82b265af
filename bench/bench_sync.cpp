// bench_sync: 10,000 evidence notes pushed from one device and pulled by a second through a
// real peerobs-hub on loopback; prints push, pull and no-op sync times and bytes on the wire
// (request + response bodies). Usage: bench_sync [NOTES] (default 10000). Used by
// bench/pouchdb_compare.sh for the side-by-side with PouchDB; never run by the test command.
// For experiments: BENCH_PAGE and BENCH_BATCH set the pull page and push batch sizes, and
// BENCH_KEEP=1 keeps the temporary directory (hub and device databases) and prints its path.
// BENCH_SEAL=1 seals the bodies end to end (docs/encryption.md): A seals as it pushes, B opens as it
// pulls, with the visit's key handed to B directly (a grant's work, which this does not time).
// The CPU time of each side (this process, all threads; the hub) during the push and the pull is
// printed too: a steadier figure than wall time when other work shares the machine.
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "bench_note.h"
#include "core/crypto/sealing_scope.h"
#include "core/net/sync_client.h"
#include "core/store.h"

namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double cpu_ms(clockid_t clock) {
  timespec ts{};
  if (clock_gettime(clock, &ts) != 0) return 0;
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// CPU time used during one phase, by this process and by the hub.
struct PhaseCpu {
  clockid_t hub;
  double device_at = 0, hub_at = 0;
  double device_ms = 0, hub_ms = 0;
  void start() {
    device_at = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
    hub_at = cpu_ms(hub);
  }
  void stop() {
    device_ms = cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - device_at;
    hub_ms = cpu_ms(hub) - hub_at;
  }
};

std::string run(const std::string& cmd) {
  std::string out;
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) throw std::runtime_error("cannot run " + cmd);
  char buf[256];
  while (fgets(buf, sizeof buf, f)) out += buf;
  if (pclose(f) != 0) throw std::runtime_error(cmd + " failed: " + out);
  return out.substr(0, out.find('\n'));
}
}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("peerobs-bench-sync-" + core::Id::random().short_hex());
  fs::create_directories(dir);
  std::string hub = (fs::path(PEEROBS_BINARY_DIR) / "server" / "peerobs-hub").string();
  std::string data = (dir / "hub").string();
  std::string a_id = run(hub + " add-person --data " + data + " --name A");
  std::string b_id = run(hub + " add-person --data " + data + " --name B");
  std::string code_a = run(hub + " issue-code --data " + data + " --person " + a_id);
  std::string code_b = run(hub + " issue-code --data " + data + " --person " + b_id);

  int fds[2];
  if (pipe(fds) != 0) return 1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    execl(hub.c_str(), hub.c_str(), "serve", "--data", data.c_str(), "--listen", "127.0.0.1:0", nullptr);
    _exit(127);
  }
  close(fds[1]);
  std::string line;
  char c;
  while (read(fds[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  std::string url = "http://" + line.substr(line.rfind(' ') + 1);
  clockid_t hub_clock{};
  if (clock_getcpuclockid(pid, &hub_clock) != 0) hub_clock = CLOCK_PROCESS_CPUTIME_ID;

  int rc = 0;
  try {
    core::Store a((dir / "a.sqlite").string()), b((dir / "b.sqlite").string());
    core::net::SyncOptions opts;
    if (const char* p = std::getenv("BENCH_PAGE")) opts.page_size = std::atoi(p);
    if (const char* p = std::getenv("BENCH_BATCH")) opts.batch_size = std::atoi(p);
    const bool seal = std::getenv("BENCH_SEAL") != nullptr;
    opts.seal_bodies = seal;
    core::net::SyncClient ca(a, opts), cb(b, opts);
    ca.enroll(url, code_a, "bench A");
    cb.enroll(url, code_b, "bench B");
    core::Observation o;
    o.participants = {{*core::Id::from_hex(a_id), core::Role::TeacherLeader},
                      {*core::Id::from_hex(b_id), core::Role::Coach}};
    core::Id me = *a.meta().local_person();
    core::Id obs;
    a.transaction([&] {
      obs = a.create(o, me).record;
      for (int i = 0; i < n; ++i) {
        a.create(bench::bench_note(obs, i), me);
      }
    });
    core::net::SyncResult push, pull;
    PhaseCpu push_cpu{hub_clock}, pull_cpu{hub_clock};
    push_cpu.start();
    auto t0 = Clock::now();
    ca.push(push);
    double push_ms = ms_since(t0);
    push_cpu.stop();
    if (seal) {
      core::crypto::SealingScope visit;
      visit.scope = obs;
      b.keys().add(*a.keys().current(visit), visit);
    }
    pull_cpu.start();
    t0 = Clock::now();
    cb.pull(pull);
    double pull_ms = ms_since(t0);
    pull_cpu.stop();
    const int rounds = 50;
    core::net::SyncResult idle;
    t0 = Clock::now();
    for (int i = 0; i < rounds; ++i) {
      core::net::SyncResult r;
      cb.push(r);
      cb.pull(r);
      idle.bytes_sent += r.bytes_sent;
    }
    double noop_ms = ms_since(t0) / rounds;
    std::size_t got = b.live(core::RecordType::EvidenceNote).size();
    std::printf(
        "peerobs%s  notes=%d  push_ms=%.1f  pull_ms=%.1f  total_ms=%.1f  bytes=%lld  (push up %lld, down %lld; "
        "pull up %lld, down %lld)  noop_sync_ms=%.2f  received=%zu  cpu_ms: push device=%.0f hub=%.0f, pull "
        "device=%.0f hub=%.0f\n",
        seal ? " (sealed)" : "", n, push_ms, pull_ms, push_ms + pull_ms,
        static_cast<long long>(push.bytes_sent + push.bytes_received + pull.bytes_sent + pull.bytes_received),
        static_cast<long long>(push.bytes_sent), static_cast<long long>(push.bytes_received),
        static_cast<long long>(pull.bytes_sent), static_cast<long long>(pull.bytes_received), noop_ms, got,
        push_cpu.device_ms, push_cpu.hub_ms, pull_cpu.device_ms, pull_cpu.hub_ms);
    if (got != static_cast<std::size_t>(n)) rc = 1;
  } catch (const std::exception& e) {
    std::cerr << "bench_sync: " << e.what() << "\n";
    rc = 1;
  }
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  if (!std::getenv("BENCH_KEEP"))
    fs::remove_all(dir);
  else
    std::printf("kept %s\n", dir.c_str());
  return rc;
}
