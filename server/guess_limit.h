// Slows down guessing of enrollment codes and device tokens. The hub counts, per client address
// and per kind of secret, the requests whose code or token it does not know. Past the free ones,
// each further wrong guess shuts that address out for that kind of secret for a delay that
// doubles (1 s, 2 s, 4 s ... up to 15 minutes); while shut out, its requests of that kind get 429
// with Retry-After *before* any secret is checked, so a right guess cannot be told from a wrong
// one during the delay. Right codes and tokens never count, nor do known ones refused for
// another reason (a revoked device, a used or expired code): a revoked tablet retrying all night
// does not shut out the other devices of its school behind the same address.
// A count is forgotten after an hour without a wrong guess. Memory is bounded: at most
// `max_addresses` entries; when full, forgotten ones go first, then the one wrong longest ago.
// Thread-safe (its own mutex, never the database lock).
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace server {

struct GuessLimitOptions {
  int free_guesses = 10;                                   // wrong guesses per address and kind before any delay
  std::chrono::milliseconds first_delay{1000};             // the delay after the first one past them; doubles
  std::chrono::milliseconds max_delay{15 * 60 * 1000};     // the longest delay (15 min)
  std::chrono::milliseconds forget_after{60 * 60 * 1000};  // a count is dropped after this long without a wrong guess
  std::size_t max_addresses = 10000;                       // entries kept, at most (about 100 bytes each)
};

enum class Secret { code, token };

class GuessLimit {
 public:
  using Clock = std::chrono::steady_clock;
  explicit GuessLimit(GuessLimitOptions options = {}) : options_(options) {}

  // How long `address` must still wait before a request carrying this kind of secret is checked
  // (zero: check it now).
  std::chrono::milliseconds wait(Secret kind, const std::string& address, Clock::time_point now = Clock::now());

  struct Wrong {
    int count = 0;                    // wrong guesses of this kind from the address, this one included
    std::chrono::milliseconds delay;  // how long it is now shut out (zero while within the free guesses)
  };
  // Records a wrong guess from `address`.
  Wrong wrong(Secret kind, const std::string& address, Clock::time_point now = Clock::now());

  std::size_t size() const;

 private:
  struct Entry {
    int count = 0;
    Clock::time_point last_wrong, shut_until;
  };
  void make_room(Clock::time_point now);  // called with mutex_ held, when the table is full

  GuessLimitOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // key: the kind's letter and the address
};

}  // namespace server
