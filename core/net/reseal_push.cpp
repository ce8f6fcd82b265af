// SyncClient::reseal: this person's versions the hub holds in clear, pushed again sealed, batch
// after batch, each acknowledged batch remembered before the next is read (core/sync/reseal.h).
#include <set>

#include "core/net/adaptive_size.h"
#include "core/net/hub_request.h"
#include "core/net/sync_client.h"
#include "core/sync/reseal.h"

namespace core::net {

void SyncClient::reseal(Id me, SyncResult& result) {
  const std::string url = hub_url(), token = store_.meta().get(MetaKey::SyncToken).value_or("");
  AdaptiveSize size(store_, MetaKey::SyncPushBatch, options_.batch_size);
  int cuts = 0;
  std::set<Id> refused;  // this run's: the batch goes again without them, and the walk passes them
  for (;;) {
    sync::ResealBatch batch = sync::next_reseal_batch(store_, me, size.get(), sync::kPushBatchBytes);
    if (batch.last_seq == 0) return;
    std::vector<Version> plain;
    for (auto& v : batch.plain)
      if (!refused.count(v.version)) plain.push_back(std::move(v));
    if (plain.empty()) {
      sync::reseal_acknowledged(store_, batch.last_seq);
      result.reseal_passed_over += static_cast<std::int64_t>(batch.passed_over);
      continue;
    }
    const sync::PushRequest request = sync::reseal_request(store_, plain);
    std::string answer;
    try {
      answer = post_to_hub(url, token, "/v1/push", sync::pack(request), options_, &result);
    } catch (const SyncError& e) {
      if (e.cut) {
        if (!size.shrink(plain.size()) || ++cuts >= kCutRetries) throw;
        continue;
      }
      std::set<Id> sent;
      for (const auto& v : plain) sent.insert(v.version);
      std::size_t named = 0;
      for (const auto& r : e.refused) {
        if (!sent.count(r.version) || !refused.insert(r.version).second) continue;
        ++named;
        // 409: the hub holds it with another body, which a re-seal cannot change: sealed already
        // (another of this person's devices, with another key of the scope). 403 is a refusal
        // someone should read.
        if (r.status != 409) result.reseal_refused.push_back(r.reason);
      }
      if (named == 0) throw;  // nothing of this batch named: progress is not possible
      continue;
    }
    const auto response = read_answer<sync::PushResponse>(answer);
    if (response.batch != request.batch)
      throw SyncError(SyncError::Kind::HubFailure, 0, "The hub acknowledged a different batch than was sent.");
    if (options_.fault) options_.fault("after_reseal_ack");
    sync::reseal_acknowledged(store_, batch.last_seq);
    result.resealed += response.stored;
    result.reseal_passed_over += static_cast<std::int64_t>(batch.passed_over);
    cuts = 0;
    size.grow();
  }
}

}  // namespace core::net
