// What a screen says when the device's storage is full (core::DiskFull): what was not saved, and
// the one thing that helps. Nothing saved before is lost, and what the person typed stays on the
// screen, so the sentence asks them to free space and try again rather than to get help.
#pragma once
#include <string>
#include <string_view>

namespace app {

// "The device's storage is full: this note was not saved. Free some space ..., then try again."
// `unsaved` names what was not saved ("this note", "this tap").
std::string storage_full_sentence(std::string_view unsaved);

}  // namespace app
