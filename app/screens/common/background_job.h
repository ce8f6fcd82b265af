// One piece of slow work (an Argon2id derivation: 0.2-0.5 s) off the UI thread, so no frame
// waits for it: start() runs it on a thread of its own, take() hands the result over once, from
// the frame. The work must open its own Store connection on the store's file and close it before
// it returns, as the sync worker does: a connection is never shared between threads.
// The thread is detached and the state shared with it, so dropping a job (leaving the screen)
// never blocks the frame; in the browser a join on the page's thread could even deadlock, as the
// worker's file calls are served by that thread. The work must not throw: it returns its failure.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace app {

template <class Result>
class BackgroundJob {
 public:
  // False when one is still running (nothing is started then).
  bool start(std::function<Result()> work) {
    if (running()) return false;
    state_ = std::make_shared<State>();
    std::thread([state = state_, work = std::move(work)] {
      Result result = work();
      std::lock_guard<std::mutex> lock(state->mutex);
      state->result = std::move(result);
      state->finished = true;
    }).detach();
    return true;
  }
  bool running() const {
    if (!state_) return false;
    std::lock_guard<std::mutex> lock(state_->mutex);
    return !state_->finished || state_->result.has_value();
  }
  // The finished work's result, once; nullopt while it runs or when nothing was started.
  std::optional<Result> take() {
    if (!state_) return std::nullopt;
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (!state_->finished) return std::nullopt;
    std::optional<Result> out = std::move(state_->result);
    state_->result.reset();
    return out;
  }

 private:
  struct State {
    std::mutex mutex;
    bool finished = false;
    std::optional<Result> result;
  };
  std::shared_ptr<State> state_;
};

}  // namespace app
