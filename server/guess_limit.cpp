// Counting wrong codes and tokens per address. See guess_limit.h.
#include "server/guess_limit.h"

#include <algorithm>

namespace server {

namespace {
std::string key(Secret kind, const std::string& address) { return (kind == Secret::code ? "c " : "t ") + address; }
}  // namespace

std::chrono::milliseconds GuessLimit::wait(Secret kind, const std::string& address, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(key(kind, address));
  if (it == entries_.end() || it->second.shut_until <= now) return std::chrono::milliseconds(0);
  return std::chrono::ceil<std::chrono::milliseconds>(it->second.shut_until - now);
}

GuessLimit::Wrong GuessLimit::wrong(Secret kind, const std::string& address, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string k = key(kind, address);
  auto it = entries_.find(k);
  if (it == entries_.end()) {
    if (entries_.size() >= options_.max_addresses) make_room(now);
    it = entries_.emplace(k, Entry{}).first;
  } else if (now - it->second.last_wrong > options_.forget_after) {
    it->second = Entry{};
  }
  Entry& e = it->second;
  e.count += 1;
  e.last_wrong = now;
  Wrong w{e.count, std::chrono::milliseconds(0)};
  const int past_free = e.count - options_.free_guesses;
  if (past_free > 0) {
    // first_delay * 2^(past_free - 1), capped without overflowing.
    w.delay = options_.first_delay;
    for (int i = 1; i < past_free && w.delay < options_.max_delay; ++i) w.delay *= 2;
    w.delay = std::min(w.delay, options_.max_delay);
    e.shut_until = now + w.delay;
  }
  return w;
}

std::size_t GuessLimit::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

void GuessLimit::make_room(Clock::time_point now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    const bool forgotten = now - it->second.last_wrong > options_.forget_after && it->second.shut_until <= now;
    it = forgotten ? entries_.erase(it) : std::next(it);
  }
  if (entries_.size() < options_.max_addresses || entries_.empty()) return;
  auto stalest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
    return a.second.last_wrong < b.second.last_wrong;
  });
  entries_.erase(stalest);
}

}  // namespace server
