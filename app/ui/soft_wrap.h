// Soft wrapping for multi-line text fields. The text a teacher typed (the "stored" text) is shown
// as "display" text in which a soft break, encoded as "\r\n", is inserted wherever a line would be
// wider than the field: Dear ImGui 1.86 starts a new line at '\n' and draws '\r' as nothing.
// Plain C++ with no ImGui, so the wrapping and the caret/edit mapping are unit-tested.
// Guarantees: unwrap(wrap(s)) == s for every s that can_wrap(s); breaks fall between code points;
// no display line is wider than the width except for hanging spaces and a lone over-wide glyph.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace ui::soft_wrap {

// The advance width of one code point, in the same unit as the wrap width (pixels in the app).
using Advance = std::function<float(char32_t)>;

// Stored text containing '\r' cannot be told apart from soft breaks; such text is shown unwrapped.
// (Dear ImGui filters '\r' out of typing and pasting, so only text made elsewhere can have one.)
bool can_wrap(std::string_view stored);

// The display text of `stored` for lines at most `width` wide. Words break at spaces; spaces at
// the end of a line hang past the edge (like a browser's textarea); a word longer than a line
// breaks inside the word. Invalid UTF-8 bytes count as one glyph each.
std::string wrap(std::string_view stored, float width, const Advance& advance);

// The stored text of a display text: every soft break removed.
std::string unwrap(std::string_view display);

// Where a soft break is, a display has three caret offsets for one stored offset: before '\r' and
// between '\r' and '\n' (both drawn at the end of the upper line) and after '\n' (the start of the
// lower line).
enum class Side { LineEnd, LineStart };
int to_stored(std::string_view display, int display_pos);
int to_display(std::string_view display, int stored_pos, Side side);
// True when `pos` is between the '\r' and the '\n' of a soft break.
bool inside_soft_break(std::string_view display, int pos);

// The caret offset a teacher should see after a caret move from `previous` to `pos` with no edit.
// "Before a soft break's '\r'" looks the same as "between '\r' and '\n'", so it is never kept: a
// move left carries on past the last glyph of the line, any other move settles between the two.
int settle_caret(std::string_view display, int pos, int previous);

// One edit Dear ImGui made to the display text, turned into the edit the teacher meant on the
// stored text. Dear ImGui only ever replaces one contiguous range, so the common prefix and suffix
// of the two displays locate it. Deleting only a soft break (Backspace at the start of a wrapped
// line, Delete at the end of one) deletes the neighbouring glyph instead, which is what the
// teacher sees next to the caret.
struct StoredEdit {
  std::string stored;  // the stored text after the edit
  int caret = 0;       // the caret as a stored offset
};
StoredEdit apply_display_edit(std::string_view old_display, int old_caret, std::string_view new_display, int new_caret);

// Number of lines of a display text (hard and soft), at least 1.
int line_count(std::string_view display);

}  // namespace ui::soft_wrap
