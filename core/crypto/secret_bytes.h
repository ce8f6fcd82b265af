// SecretBytes: the one owner of secret bytes (secret keys, recovery phrases, keys derived from them).
// The bytes live in one heap buffer that is wiped with sodium_memzero before it is freed or
// replaced. A move hands the buffer over and leaves the source empty, so no copy stays behind in a
// moved-from object; copying is explicit (copy()), so a second copy is never made by accident.
#pragma once
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

namespace core::crypto {

class SecretBytes {
 public:
  SecretBytes() = default;
  // `size` zero bytes, to be filled through data().
  explicit SecretBytes(std::size_t size) : bytes_(size ? new std::uint8_t[size]() : nullptr), size_(size) {}
  SecretBytes(const std::uint8_t* data, std::size_t size) : SecretBytes(size) {
    if (size) std::memcpy(bytes_.get(), data, size);
  }
  explicit SecretBytes(std::string_view text)
      : SecretBytes(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()) {}

  SecretBytes(SecretBytes&& other) noexcept : bytes_(std::move(other.bytes_)), size_(other.size_) { other.size_ = 0; }
  SecretBytes& operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
      wipe();
      bytes_ = std::move(other.bytes_);
      size_ = other.size_;
      other.size_ = 0;
    }
    return *this;
  }
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  ~SecretBytes() { wipe(); }

  // A second owner of the same bytes, for the rare place that must keep its own.
  SecretBytes copy() const { return SecretBytes(bytes_.get(), size_); }

  std::uint8_t* data() { return bytes_.get(); }
  const std::uint8_t* data() const { return bytes_.get(); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // The bytes as characters (a phrase to show), valid while this object lives and is not moved.
  std::string_view view() const { return {reinterpret_cast<const char*>(bytes_.get()), size_}; }

  // Constant time, so comparing a secret leaks nothing through timing but its length.
  friend bool operator==(const SecretBytes& a, const SecretBytes& b) {
    return a.size_ == b.size_ && (a.size_ == 0 || sodium_memcmp(a.bytes_.get(), b.bytes_.get(), a.size_) == 0);
  }
  friend bool operator!=(const SecretBytes& a, const SecretBytes& b) { return !(a == b); }

 private:
  void wipe() {
    if (bytes_) sodium_memzero(bytes_.get(), size_);
    bytes_.reset();
    size_ = 0;
  }

  std::unique_ptr<std::uint8_t[]> bytes_;
  std::size_t size_ = 0;
};

}  // namespace core::crypto
