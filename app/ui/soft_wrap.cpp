// Soft wrapping for multi-line text fields. See soft_wrap.h for the encoding and the guarantees.
#include "app/ui/soft_wrap.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace ui::soft_wrap {

namespace {

bool is_soft_cr(std::string_view d, std::size_t i) { return i + 1 < d.size() && d[i] == '\r' && d[i + 1] == '\n'; }

// Stored offsets of the soft breaks of one hard line [begin, end).
void wrap_line(std::string_view s, std::size_t begin, std::size_t end, float width, const Advance& advance,
               std::vector<std::size_t>& breaks) {
  std::size_t line_start = begin, break_at = std::string_view::npos;
  float x = 0.0f, x_at_break = 0.0f;  // widths of [line_start, i) and [line_start, break_at)
  for (std::size_t i = begin; i < end;) {
    char32_t cp = 0;
    const std::size_t n = core::utf8::decode(s, i, cp);
    const float w = advance(cp);
    const bool space = cp == ' ' || cp == '\t';
    // Spaces hang past the edge, so a break never leaves a line starting with the space that
    // separated two words; the loop runs twice when the tail after a word break is still too long.
    while (!space && x + w > width && i > line_start) {
      if (break_at != std::string_view::npos && break_at > line_start) {
        line_start = break_at;
        x -= x_at_break;
      } else {  // one word longer than the line: break inside it
        line_start = i;
        x = 0.0f;
      }
      breaks.push_back(line_start);
      break_at = std::string_view::npos;
    }
    x += w;
    if (space) {
      break_at = i + n;
      x_at_break = x;
    }
    i += n;
  }
}

}  // namespace

bool can_wrap(std::string_view stored) { return stored.find('\r') == std::string_view::npos; }

std::string wrap(std::string_view stored, float width, const Advance& advance) {
  if (!can_wrap(stored)) return std::string(stored);
  std::vector<std::size_t> breaks;
  for (std::size_t begin = 0; begin <= stored.size();) {
    std::size_t end = stored.find('\n', begin);
    if (end == std::string_view::npos) end = stored.size();
    wrap_line(stored, begin, end, width, advance, breaks);
    begin = end + 1;
  }
  std::string out;
  out.reserve(stored.size() + 2 * breaks.size());
  std::size_t from = 0;
  for (std::size_t b : breaks) {
    out.append(stored.substr(from, b - from));
    out.append("\r\n");
    from = b;
  }
  out.append(stored.substr(from));
  return out;
}

std::string unwrap(std::string_view display) {
  std::string out;
  out.reserve(display.size());
  for (std::size_t i = 0; i < display.size(); ++i) {
    if (is_soft_cr(display, i)) {
      ++i;  // skip the '\n' too
      continue;
    }
    out.push_back(display[i]);
  }
  return out;
}

int to_stored(std::string_view display, int display_pos) {
  const auto end = std::min(static_cast<std::size_t>(std::max(display_pos, 0)), display.size());
  int stored = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (is_soft_cr(display, i)) {
      ++i;  // both marker bytes (or only the '\r' when the caret sits between them) count as nothing
      continue;
    }
    ++stored;
  }
  return stored;
}

int to_display(std::string_view display, int stored_pos, Side side) {
  int stored = 0;
  for (std::size_t i = 0; i < display.size(); ++i) {
    if (is_soft_cr(display, i)) {
      if (stored == stored_pos) return static_cast<int>(side == Side::LineEnd ? i + 1 : i + 2);
      ++i;
      continue;
    }
    if (stored == stored_pos) return static_cast<int>(i);
    ++stored;
  }
  return static_cast<int>(display.size());
}

bool inside_soft_break(std::string_view display, int pos) {
  return pos > 0 && static_cast<std::size_t>(pos) < display.size() &&
         is_soft_cr(display, static_cast<std::size_t>(pos) - 1);
}

int settle_caret(std::string_view display, int pos, int previous) {
  if (pos < 0 || !is_soft_cr(display, static_cast<std::size_t>(pos))) return pos;
  if (previous == pos + 1 && pos > 0)
    return pos - static_cast<int>(core::utf8::length_before(display, static_cast<std::size_t>(pos)));
  return pos + 1;
}

StoredEdit apply_display_edit(std::string_view old_display, int old_caret, std::string_view new_display,
                              int new_caret) {
  // Dear ImGui leaves the caret at the end of what it typed or pasted and where it deleted, so the
  // text after the caret is the unchanged tail; that pins the edit even where a soft break's bytes
  // match the typed ones (a newline typed between '\r' and '\n'). Undo can place the caret
  // elsewhere: then the longest common tail is used.
  const std::size_t limit = std::min(old_display.size(), new_display.size());
  const auto caret_at = static_cast<std::size_t>(std::clamp(new_caret, 0, static_cast<int>(new_display.size())));
  std::size_t q = new_display.size() - caret_at;
  if (q > old_display.size() || old_display.substr(old_display.size() - q) != new_display.substr(caret_at)) {
    q = 0;
    while (q < limit && old_display[old_display.size() - 1 - q] == new_display[new_display.size() - 1 - q]) ++q;
  }
  std::size_t p = 0;
  while (p < limit - std::min(q, limit) && old_display[p] == new_display[p]) ++p;
  const std::size_t old_end = old_display.size() - q, new_end = new_display.size() - q;

  const std::string old_stored = unwrap(old_display);
  const auto ss = static_cast<std::size_t>(to_stored(old_display, static_cast<int>(p)));
  const auto se = static_cast<std::size_t>(to_stored(old_display, static_cast<int>(old_end)));
  std::string inserted;
  for (std::size_t i = p; i < new_end; ++i)
    if (new_display[i] != '\r') inserted.push_back(new_display[i]);  // never typed; kept out for safety

  StoredEdit out;
  if (ss == se && inserted.empty() && old_display != new_display) {
    // Only a soft break went: the key was Delete if the caret stood at the start of what went.
    if (old_caret <= static_cast<int>(p)) {
      char32_t cp = 0;
      const std::size_t n = ss < old_stored.size() ? core::utf8::decode(old_stored, ss, cp) : 0;
      out.stored = old_stored.substr(0, ss) + old_stored.substr(ss + n);
      out.caret = static_cast<int>(ss);
    } else {
      const std::size_t n = ss > 0 ? core::utf8::length_before(old_stored, ss) : 0;
      out.stored = old_stored.substr(0, ss - n) + old_stored.substr(ss);
      out.caret = static_cast<int>(ss - n);
    }
    return out;
  }

  out.stored = old_stored.substr(0, ss) + inserted + old_stored.substr(se);
  const auto caret = static_cast<std::size_t>(std::clamp(new_caret, 0, static_cast<int>(new_display.size())));
  if (caret <= p) {
    out.caret = to_stored(old_display, static_cast<int>(caret));
  } else if (caret >= new_end) {
    const int old_pos = static_cast<int>(caret - new_end + old_end);
    out.caret =
        static_cast<int>(out.stored.size()) - (static_cast<int>(old_stored.size()) - to_stored(old_display, old_pos));
  } else {
    int n = 0;
    for (std::size_t i = p; i < caret; ++i)
      if (new_display[i] != '\r') ++n;
    out.caret = static_cast<int>(ss) + n;
  }
  out.caret = std::clamp(out.caret, 0, static_cast<int>(out.stored.size()));
  return out;
}

int line_count(std::string_view display) {
  return 1 + static_cast<int>(std::count(display.begin(), display.end(), '\n'));
}

}  // namespace ui::soft_wrap
