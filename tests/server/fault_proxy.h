// A small fault-injecting TCP proxy between a test's client and the hub on loopback: passes
// bytes through, or drops connections, cuts the response after N bytes (the request reached
// the hub, its answer never arrives), cuts the request after N bytes (Wi-Fi lost mid-upload:
// the hub never gets all of it), stalls the request after N bytes (the hub holds part of it and
// waits for the rest), or delays every chunk. The mode can change at any time; a connection
// keeps the mode it started with.
// It also reads each request's line and Content-Length (one request per connection, as the sync
// client makes them), so a test can tell that a request reached the hub whole and that its answer
// has not started: a fault test proves the fault landed where it says instead of trusting a sleep.
#pragma once
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace testing_support {

class FaultProxy {
 public:
  enum class Mode { Pass, Drop, CutResponse, CutRequest, StallRequest, Delay };
  explicit FaultProxy(int target_port);
  ~FaultProxy();
  int port() const { return port_; }
  void set_target(int target_port) { target_ = target_port; }
  // Connects to the hub from this loopback address ("127.0.0.2"), so the hub sees another client.
  void set_source(const std::string& address) { source_ = address; }
  // Cut*: bytes let through; StallRequest: request bytes let through, then the connection stays
  // open and nothing more is sent to the hub (until the hub closes it); Delay: ms per chunk.
  void set_mode(Mode mode, int amount = 0);
  int connections() const { return connections_; }

  // Requests to `path` ("/v1/push") passed whole to the hub, answers to them of which a first
  // byte came back, and requests stalled part-way (StallRequest) that were longer than the stall.
  int requests_passed(const std::string& path) const;
  int answers_started(const std::string& path) const;
  int requests_stalled(const std::string& path) const;
  // The most requests that were at the hub whole, not yet answered, at one moment (any path).
  int most_requests_at_hub() const;

 private:
  void accept_loop();
  void serve(int client);
  void count(std::map<std::string, int>& counter, const std::string& path);
  void at_hub(int change);

  std::atomic<int> target_;
  std::string source_;  // set before any connection
  std::atomic<Mode> mode_{Mode::Pass};
  std::atomic<int> amount_{0};
  std::atomic<int> connections_{0};
  std::atomic<bool> stop_{false};
  int listen_fd_ = -1;
  int port_ = 0;
  std::thread acceptor_;
  std::mutex workers_mutex_;
  std::vector<std::thread> workers_;
  mutable std::mutex counts_mutex_;
  std::map<std::string, int> passed_, answered_, stalled_;
  int waiting_ = 0, most_waiting_ = 0;
};

}  // namespace testing_support
