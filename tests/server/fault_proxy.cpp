// The fault-injecting proxy. See fault_proxy.h.
#include "fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

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
  if (connect(upstream, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(upstream);
    close(client);
    return;
  }
  // Bytes each way may still pass (client to hub, hub to client); -1 = no limit.
  long budget[2] = {mode == Mode::CutRequest ? amount_.load() : -1, mode == Mode::CutResponse ? amount_.load() : -1};
  char buf[16384];
  pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
  while (!stop_) {
    if (poll(fds, 2, 200) < 0) break;
    bool done = false;
    for (int i = 0; i < 2 && !done; ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        done = true;
        break;
      }
      if (mode == Mode::Delay) std::this_thread::sleep_for(std::chrono::milliseconds(amount_.load()));
      int to = i == 0 ? upstream : client;
      if (budget[i] >= 0) {
        long pass = std::min<long>(n, budget[i]);
        if (pass > 0 && write(to, buf, static_cast<std::size_t>(pass)) < 0) done = true;
        budget[i] -= pass;
        if (budget[i] <= 0) done = true;  // cut: the rest never arrives, both ends are closed
        continue;
      }
      if (write(to, buf, static_cast<std::size_t>(n)) != n) done = true;
    }
    if (done) break;
  }
  close(upstream);
  close(client);
}

}  // namespace testing_support
