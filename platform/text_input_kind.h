// What the focused text field holds, for the on-screen keyboard. Prose gets the keyboard's help
// (autocorrect, a capital at the start of a sentence, spell checking); an exact field (a recovery
// phrase, an enrollment code, a hub address, a date) gets none of it: on an iPad, autocorrect
// would turn "KXPA" into a word, and the phrase would then not open. The app marks an exact field
// in each frame it is active (ui::exact_text_field); the browser's window reads and resets the
// mark when it hands text input to its hidden field. The desktop's keyboards do not correct.
#pragma once

namespace platform {

enum class TextKind { Prose, Exact };

// The mark for this frame. One instance for the program (an inline function's static).
inline TextKind& active_text_kind() {
  static TextKind kind = TextKind::Prose;
  return kind;
}

}  // namespace platform
