// A small fault-injecting TCP proxy between a test's client and the hub on loopback: passes
// bytes through, or drops connections, cuts the response after N bytes (the request reached
// the hub, its answer never arrives), cuts the request after N bytes (Wi-Fi lost mid-upload:
// the hub never gets all of it), or delays every chunk. The mode can change at any time.
#pragma once
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace testing_support {

class FaultProxy {
 public:
  enum class Mode { Pass, Drop, CutResponse, CutRequest, Delay };
  explicit FaultProxy(int target_port);
  ~FaultProxy();
  int port() const { return port_; }
  void set_target(int target_port) { target_ = target_port; }
  void set_mode(Mode mode, int amount = 0);  // Cut*: bytes let through; Delay: ms per chunk
  int connections() const { return connections_; }

 private:
  void accept_loop();
  void serve(int client);

  std::atomic<int> target_;
  std::atomic<Mode> mode_{Mode::Pass};
  std::atomic<int> amount_{0};
  std::atomic<int> connections_{0};
  std::atomic<bool> stop_{false};
  int listen_fd_ = -1;
  int port_ = 0;
  std::thread acceptor_;
  std::mutex workers_mutex_;
  std::vector<std::thread> workers_;
};

}  // namespace testing_support
