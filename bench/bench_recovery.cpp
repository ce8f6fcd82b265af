// bench_recovery: what the key primitives of issue 16 cost on this machine, for docs/encryption.md:
// one Argon2id INTERACTIVE derivation from a recovery phrase (what opening a key backup waits for),
// sealing and opening a whole key backup, and wrapping and unwrapping one content key (what a device
// does once per participant and scope), each as a mean over N runs.
// Usage: bench_recovery [N_DERIVE=10] [N_WRAP=2000]
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "core/crypto/key_backup.h"
#include "core/crypto/key_wrap.h"

using RecoveryClock = std::chrono::steady_clock;

namespace {
double recovery_ms_since(RecoveryClock::time_point t) {
  return std::chrono::duration<double, std::milli>(RecoveryClock::now() - t).count();
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
  auto t = RecoveryClock::now();
  for (int i = 0; i < n_derive; ++i) {
    salt[0] = static_cast<std::uint8_t>(i);
    if (crypto::backup_key_from_phrase(phrase, salt).size() != 32)
      throw std::runtime_error("a derived key is not 32 bytes");
  }
  const double derive_ms = recovery_ms_since(t) / n_derive;

  t = RecoveryClock::now();
  std::string sealed;
  for (int i = 0; i < n_derive; ++i) sealed = crypto::seal_key_backup(lena, person, phrase);
  const double seal_ms = recovery_ms_since(t) / n_derive;
  t = RecoveryClock::now();
  for (int i = 0; i < n_derive; ++i)
    if (!crypto::open_key_backup(sealed, person, phrase).keys) throw std::runtime_error("a key backup did not open");
  const double open_ms = recovery_ms_since(t) / n_derive;

  const crypto::ContentKey key = crypto::ContentKey::make();
  crypto::KeyBinding binding;
  binding.key_id = key.id();
  binding.scope_id = core::Id::random();
  binding.recipient = core::Id::random();
  binding.sender = person;
  t = RecoveryClock::now();
  std::string wrapped;
  for (int i = 0; i < n_wrap; ++i) wrapped = crypto::wrap_key(key, binding, omar.public_key(), lena);
  const double wrap_us = recovery_ms_since(t) * 1000.0 / n_wrap;
  t = RecoveryClock::now();
  for (int i = 0; i < n_wrap; ++i)
    if (!crypto::unwrap_key(wrapped, binding, lena.public_key(), omar).key)
      throw std::runtime_error("a wrapped key did not open");
  const double unwrap_us = recovery_ms_since(t) * 1000.0 / n_wrap;

  std::printf("Argon2id INTERACTIVE (ops %llu, %zu MiB), mean of %d: %.1f ms per derivation\n",
              static_cast<unsigned long long>(crypto_pwhash_OPSLIMIT_INTERACTIVE),
              static_cast<std::size_t>(crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20), n_derive, derive_ms);
  std::printf("key backup, mean of %d: seal %.1f ms, open %.1f ms\n", n_derive, seal_ms, open_ms);
  std::printf("content key, mean of %d: wrap %.1f us, unwrap %.1f us\n", n_wrap, wrap_us, unwrap_us);
  return 0;
}
