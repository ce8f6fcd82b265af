// bench_recovery: what the key primitives of issue 16 cost on this machine, for docs/encryption.md:
// one Argon2id INTERACTIVE derivation from a recovery phrase (what opening a key backup waits for),
// sealing and opening a whole key backup, and wrapping and unwrapping one content key (what a device
// does once per participant and scope), each as a mean over N runs.
// Each figure is given as wall time and as this process's CPU time: on a shared machine the
// second is the steadier one (the work is single-threaded, so on a quiet machine they agree).
// Usage: bench_recovery [N_DERIVE=10] [N_WRAP=2000]
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>

#include "core/crypto/key_backup.h"
#include "core/crypto/key_wrap.h"

using RecoveryClock = std::chrono::steady_clock;

namespace {
// Wall and CPU milliseconds since it was made.
struct RecoveryTimer {
  RecoveryClock::time_point wall = RecoveryClock::now();
  std::clock_t cpu = std::clock();
  double wall_ms() const { return std::chrono::duration<double, std::milli>(RecoveryClock::now() - wall).count(); }
  double cpu_ms() const { return 1000.0 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};
struct RecoveryMean {
  double wall = 0, cpu = 0;
};
RecoveryMean recovery_mean(const RecoveryTimer& t, int n, double scale = 1.0) {
  return {t.wall_ms() * scale / n, t.cpu_ms() * scale / n};
}
}  // namespace

int main(int argc, char** argv) {
  namespace crypto = core::crypto;
  const int n_derive = argc > 1 ? std::atoi(argv[1]) : 10;
  const int n_wrap = argc > 2 ? std::atoi(argv[2]) : 2000;
  if (n_derive < 1 || n_wrap < 1) {
    std::fprintf(stderr, "usage: bench_recovery [N_DERIVE>=1] [N_WRAP>=1]\n");
    return 2;
  }
  const crypto::RecoveryPhrase phrase = crypto::RecoveryPhrase::make();
  const crypto::PersonKeys lena = crypto::PersonKeys::make();
  const crypto::PersonKeys omar = crypto::PersonKeys::make();
  const core::Id person = core::Id::random();

  std::array<std::uint8_t, crypto::kBackupSaltBytes> salt{};
  RecoveryTimer t;
  for (int i = 0; i < n_derive; ++i) {
    salt[0] = static_cast<std::uint8_t>(i);
    if (crypto::backup_key_from_phrase(phrase, salt).size() != 32)
      throw std::runtime_error("a derived key is not 32 bytes");
  }
  const RecoveryMean derive_ms = recovery_mean(t, n_derive);

  t = RecoveryTimer{};
  std::string sealed;
  for (int i = 0; i < n_derive; ++i) sealed = crypto::seal_key_backup(lena, person, phrase);
  const RecoveryMean seal_ms = recovery_mean(t, n_derive);
  t = RecoveryTimer{};
  for (int i = 0; i < n_derive; ++i)
    if (!crypto::open_key_backup(sealed, person, phrase).keys) throw std::runtime_error("a key backup did not open");
  const RecoveryMean open_ms = recovery_mean(t, n_derive);

  const crypto::ContentKey key = crypto::ContentKey::make();
  crypto::KeyBinding binding;
  binding.key_id = key.id();
  binding.scope_id = core::Id::random();
  binding.recipient = core::Id::random();
  binding.sender = person;
  t = RecoveryTimer{};
  std::string wrapped;
  for (int i = 0; i < n_wrap; ++i) wrapped = crypto::wrap_key(key, binding, omar.public_key(), lena);
  const RecoveryMean wrap_us = recovery_mean(t, n_wrap, 1000.0);
  t = RecoveryTimer{};
  for (int i = 0; i < n_wrap; ++i)
    if (!crypto::unwrap_key(wrapped, binding, lena.public_key(), omar).key)
      throw std::runtime_error("a wrapped key did not open");
  const RecoveryMean unwrap_us = recovery_mean(t, n_wrap, 1000.0);

  std::printf("means, wall time (CPU time of this process)\n");
  std::printf("Argon2id INTERACTIVE (ops %llu, %zu MiB), %d runs: %.1f ms (%.1f ms) per derivation\n",
              static_cast<unsigned long long>(crypto_pwhash_OPSLIMIT_INTERACTIVE),
              static_cast<std::size_t>(crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20), n_derive, derive_ms.wall,
              derive_ms.cpu);
  std::printf("key backup, %d runs: seal %.1f ms (%.1f ms), open %.1f ms (%.1f ms)\n", n_derive, seal_ms.wall,
              seal_ms.cpu, open_ms.wall, open_ms.cpu);
  std::printf("content key, %d runs: wrap %.1f us (%.1f us), unwrap %.1f us (%.1f us)\n", n_wrap, wrap_us.wall,
              wrap_us.cpu, unwrap_us.wall, unwrap_us.cpu);
  return 0;
}
