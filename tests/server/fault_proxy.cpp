// The fault-injecting proxy. See fault_proxy.h.
#include "fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace testing_support {

FaultProxy::FaultProxy(int target_port) : target_(target_port) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(listen_fd_, 64) != 0)
    throw std::runtime_error("fault proxy: cannot listen");
  socklen_t len = sizeof addr;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
  stop_ = true;
  shutdown(listen_fd_, SHUT_RDWR);
  close(listen_fd_);
  acceptor_.join();
  std::lock_guard<std::mutex> lock(workers_mutex_);
  for (auto& w : workers_) w.join();
}

void FaultProxy::set_mode(Mode mode, int amount) {
  amount_ = amount;
  mode_ = mode;
}

void FaultProxy::accept_loop() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    int client = accept(listen_fd_, nullptr, nullptr);
    if (client < 0) continue;
    ++connections_;
    std::lock_guard<std::mutex> lock(workers_mutex_);
    workers_.emplace_back([this, client] { serve(client); });
  }
}

namespace {
// What the proxy learns of the one request on a connection from its first bytes.
struct RequestHead {
  std::string text;  // bytes up to the blank line (at most 16 KiB)
  std::string path;  // "" until the head is complete
  long total = -1;   // head plus body, once known
  void add(const char* data, long n) {
    if (total >= 0 || text.size() > 16384) return;
    text.append(data, static_cast<std::size_t>(n));
    auto end = text.find("\r\n\r\n");
    if (end == std::string::npos) return;
    auto first_space = text.find(' ');
    auto second_space = text.find(' ', first_space + 1);
    path = text.substr(first_space + 1, second_space - first_space - 1);
    long body = 0;
    auto length = text.find("Content-Length: ");
    if (length != std::string::npos && length < end) body = std::stol(text.substr(length + 16));
    total = static_cast<long>(end) + 4 + body;
  }
};
}  // namespace

int FaultProxy::requests_passed(const std::string& path) const {
  std::lock_guard<std::mutex> lock(counts_mutex_);
  auto it = passed_.find(path);
  return it == passed_.end() ? 0 : it->second;
}

int FaultProxy::answers_started(const std::string& path) const {
  std::lock_guard<std::mutex> lock(counts_mutex_);
  auto it = answered_.find(path);
  return it == answered_.end() ? 0 : it->second;
}

int FaultProxy::requests_stalled(const std::string& path) const {
  std::lock_guard<std::mutex> lock(counts_mutex_);
  auto it = stalled_.find(path);
  return it == stalled_.end() ? 0 : it->second;
}

void FaultProxy::count(std::map<std::string, int>& counter, const std::string& path) {
  std::lock_guard<std::mutex> lock(counts_mutex_);
  ++counter[path];
}

void FaultProxy::at_hub(int change) {
  std::lock_guard<std::mutex> lock(counts_mutex_);
  waiting_ += change;
  most_waiting_ = std::max(most_waiting_, waiting_);
}

int FaultProxy::most_requests_at_hub() const {
  std::lock_guard<std::mutex> lock(counts_mutex_);
  return most_waiting_;
}

void FaultProxy::serve(int client) {
  Mode mode = mode_;
  if (mode == Mode::Drop) {
    close(client);
    return;
  }
  int upstream = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(target_.load()));
  if (!source_.empty()) {
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source_.c_str(), &from.sin_addr);
    if (bind(upstream, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
      close(upstream);
      close(client);
      return;
    }
  }
  if (connect(upstream, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(upstream);
    close(client);
    return;
  }
  // Bytes each way may still pass (client to hub, hub to client); -1 = no limit.
  const bool limits_request = mode == Mode::CutRequest || mode == Mode::StallRequest;
  long budget[2] = {limits_request ? amount_.load() : -1, mode == Mode::CutResponse ? amount_.load() : -1};
  RequestHead head;
  long forwarded = 0;
  bool passed = false, answered = false;
  char buf[16384];
  pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
  while (!stop_) {
    if (poll(fds, 2, 200) < 0) break;
    bool done = false;
    for (int i = 0; i < 2 && !done; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        done = true;
        break;
      }
      if (mode == Mode::Delay) std::this_thread::sleep_for(std::chrono::milliseconds(amount_.load()));
      int to = i == 0 ? upstream : client;
      long pass = budget[i] >= 0 ? std::min<long>(n, budget[i]) : n;
      if (i == 0) head.add(buf, pass);
      if (i == 1 && !answered) {
        answered = true;
        count(answered_, head.path);
        if (passed) at_hub(-1);
      }
      if (pass > 0 && write(to, buf, static_cast<std::size_t>(pass)) != pass) done = true;
      if (i == 0) {
        forwarded += pass;
        if (!passed && head.total >= 0 && forwarded >= head.total) {
          passed = true;
          count(passed_, head.path);
          at_hub(+1);
        }
      }
      if (budget[i] < 0) continue;
      budget[i] -= pass;
      if (budget[i] > 0) continue;
      if (i == 0 && mode == Mode::StallRequest) {
        // The hub holds part of the request and waits; only its side is watched from now on.
        if (head.total > forwarded) count(stalled_, head.path);
        fds[0].fd = -1;
        continue;
      }
      done = true;  // cut: the rest never arrives, both ends are closed
    }
    if (done) break;
  }
  close(upstream);
  close(client);
}

}  // namespace testing_support
