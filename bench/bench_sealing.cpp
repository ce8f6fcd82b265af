// bench_sealing: where sealing's cost goes in a sync (docs/encryption.md, "What sealing costs a
// sync"). Times each step a sealed version takes that a clear one does not, on N evidence notes
// like bench_sync's, in this thread's CPU time (steady while other builds share the machine):
// sealing and its parts, packing and the envelope's zstd both ways, the hub's check, a device's
// opening, and what compressing each body before sealing it would save.
// Usage: bench_sealing [NOTES] [ROUNDS] (defaults 10000 and 7); prints the median of the rounds.
#include <time.h>
#include <zstd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "bench_note.h"
#include "core/crypto/sealed_body.h"
#include "core/crypto/sealed_bundle.h"
#include "core/serialization.h"
#include "core/store/version_log.h"
#include "core/sync/messages.h"

namespace {
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median_ms(int rounds, const std::function<void()>& step) {
  std::vector<double> ms;
  for (int i = 0; i < rounds; ++i) {
    double t0 = thread_cpu_ms();
    step();
    ms.push_back(thread_cpu_ms() - t0);
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

std::vector<core::Version> bench_notes(int n) {
  core::Id obs = core::Id::clustered(), author = core::Id::random();
  std::vector<core::Version> out;
  for (int i = 0; i < n; ++i) {
    const core::EvidenceNote note = bench::bench_note(obs, i);
    core::Version v;
    v.version = v.record = core::Id::clustered();
    v.type = core::RecordType::EvidenceNote;
    v.author = author;
    v.observation = obs;
    v.saved_at_ms = 1764700000000 + i;
    v.body = core::encode_body(note);
    v.body_hash = core::body_hash(v.type, false, v.body);
    out.push_back(std::move(v));
  }
  return out;
}

std::size_t body_bytes(const std::vector<core::Version>& vs) {
  std::size_t n = 0;
  for (const auto& v : vs) n += v.body.size();
  return n;
}
}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 7;
  namespace crypto = core::crypto;
  namespace sync = core::sync;
  const auto key = crypto::ContentKey::make();
  const std::vector<core::Version> plain = bench_notes(n);
  std::vector<core::Version> sealed;
  for (const auto& v : plain) sealed.push_back(crypto::seal_version(v, key));

  // In bundles, as a push seals one author's notes of one visit (sync::seal_for_push).
  auto seal_in_bundles = [&] {
    std::vector<std::vector<core::Version>> bundles;
    for (std::size_t at = 0; at < plain.size(); at += crypto::kMaxBundleMembers) {
      const std::vector<core::Version> run(plain.begin() + static_cast<std::ptrdiff_t>(at),
                                           plain.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                                               plain.size(), at + crypto::kMaxBundleMembers)));
      bundles.push_back(run.size() > 1 ? crypto::seal_bundle(run, key)
                                       : std::vector{crypto::seal_version(run[0], key)});
    }
    return bundles;
  };
  const auto bundles = seal_in_bundles();

  sync::PushRequest clear_req, sealed_req, bundled_req;
  clear_req.batch = sealed_req.batch = bundled_req.batch = core::Id::random();
  clear_req.versions = plain;
  sealed_req.versions = sealed;
  for (const auto& b : bundles) bundled_req.versions.insert(bundled_req.versions.end(), b.begin(), b.end());
  const std::string clear_env = sync::pack(clear_req), sealed_env = sync::pack(sealed_req),
                    bundled_env = sync::pack(bundled_req);

  std::printf(
      "notes=%d  body bytes: clear %zu, sealed alone %zu, in bundles %zu  envelope bytes: clear %zu, "
      "sealed alone %zu, in bundles %zu\n",
      n, body_bytes(plain), body_bytes(sealed), body_bytes(bundled_req.versions), clear_env.size(), sealed_env.size(),
      bundled_env.size());
  auto row = [&](const char* what, double ms) { std::printf("  %-58s %8.1f ms\n", what, ms); };

  row("device: seal every body (seal_version)", median_ms(rounds, [&] {
        for (const auto& v : plain) crypto::seal_version(v, key);
      }));
  row("  of which nonce derivation (BLAKE2b)", median_ms(rounds, [&] {
        for (const auto& v : plain) crypto::derive_nonce(key, v.version, v.body);
      }));
  row("  of which body hash of the sealed bytes (SHA-256)", median_ms(rounds, [&] {
        for (const auto& v : sealed) core::body_hash(v.type, false, v.body);
      }));
  row("  of which XChaCha20-Poly1305", median_ms(rounds, [&] {
        std::array<std::uint8_t, crypto::kSealNonceBytes> nonce{};
        for (const auto& v : plain) crypto::aead_seal(key, nonce, v.body, "additional data of about 120 bytes");
      }));
  row("  of which copying the plain version", median_ms(rounds, [&] {
        for (const auto& v : plain) {
          core::Version c = v;
          (void)c;
        }
      }));
  row("  of which additional data", median_ms(rounds, [&] {
        for (const auto& v : plain) crypto::sealed_additional_data(v, "0123456789012345678901234567890123456789012345");
      }));
  {
    // Compressing each plain body before sealing it (a candidate of docs/encryption.md): what it
    // would save on these notes, alone and with the clear ids the hub knows anyway as a dictionary.
    std::size_t alone = 0, with_ids = 0;
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    std::string out(ZSTD_compressBound(4096), '\0');
    row("per-body zstd 1 before sealing (not done)", median_ms(rounds, [&] {
          alone = 0;
          for (const auto& v : plain)
            alone += ZSTD_compressCCtx(cctx, out.data(), out.size(), v.body.data(), v.body.size(), 1);
        }));
    row("per-body zstd 1, the version's ids as dictionary (not done)", median_ms(rounds, [&] {
          with_ids = 0;
          for (const auto& v : plain) {
            std::string ids(reinterpret_cast<const char*>(v.observation.bytes.data()), 16);
            ids.append(reinterpret_cast<const char*>(v.author.bytes.data()), 16);
            with_ids += ZSTD_compress_usingDict(cctx, out.data(), out.size(), v.body.data(), v.body.size(), ids.data(),
                                                ids.size(), 1);
          }
        }));
    ZSTD_freeCCtx(cctx);
    std::printf("  plain bodies %zu bytes; compressed one by one %zu, with the ids as dictionary %zu\n",
                body_bytes(plain), alone, with_ids);
  }
  row("pack + envelope zstd, clear", median_ms(rounds, [&] { sync::pack(clear_req); }));
  row("pack + envelope zstd, sealed", median_ms(rounds, [&] { sync::pack(sealed_req); }));
  row("open envelope + unpack, clear", median_ms(rounds, [&] { sync::unpack<sync::PushRequest>(clear_env); }));
  row("open envelope + unpack, sealed", median_ms(rounds, [&] { sync::unpack<sync::PushRequest>(sealed_env); }));
  row("hub and puller: check, clear (hash, decode)", median_ms(rounds, [&] {
        for (const auto& v : plain) core::VersionLog::check(v);
      }));
  row("hub and puller: check_routing, sealed (hash, routing)", median_ms(rounds, [&] {
        for (const auto& v : sealed) core::VersionLog::check_routing(v);
      }));
  row("puller: open every body (open_version: AEAD, decode, hash)", median_ms(rounds, [&] {
        for (const auto& v : sealed) crypto::open_version(v, key);
      }));
  row("device: seal in bundles of 256 (seal_bundle)", median_ms(rounds, [&] { seal_in_bundles(); }));
  row("pack + envelope zstd, in bundles", median_ms(rounds, [&] { sync::pack(bundled_req); }));
  row("hub and puller: check_routing, in bundles", median_ms(rounds, [&] {
        for (const auto& v : bundled_req.versions) core::VersionLog::check_routing(v);
      }));
  row("puller: open the bundles (open_bundle: AEAD, unzstd, decode, hash)", median_ms(rounds, [&] {
        for (const auto& b : bundles)
          if (b.size() > 1) crypto::open_bundle(b, key);
      }));
  return 0;
}
