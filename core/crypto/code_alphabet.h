// The characters people read aloud and type back: those of enrollment codes (server/hub_store.cpp),
// letters and digits without the look-alikes I, L, O, 0 and 1. Recovery phrases and key
// fingerprints use them, so a teacher meets one alphabet everywhere. 31 characters: 4.95 bits each.
#pragma once
#include <string_view>

namespace core::crypto {

constexpr std::string_view kCodeCharacters = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
static_assert(kCodeCharacters.size() == 31);

// The position of `c` (upper case) in kCodeCharacters, or -1 when it is not one of them.
constexpr int code_character_index(char c) {
  const auto at = kCodeCharacters.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace core::crypto
