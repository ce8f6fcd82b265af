// Rows and bars the screens about a lesson share, so they look like one app: a full-width
// tappable row with a check box (evidence picked for a prompt), one with a leading "+" (a
// suggested question), and a footer bar with the error or a hint on the left and buttons on the
// right. Like every kit widget they are at least touch_px() tall and listed for headless tests.
#pragma once
#include <string>

namespace ui {

// A full-width tappable row with a check box, a small caption line (may be empty) and wrapped
// text; listed for tests by its text. True when tapped.
bool pick_row(const char* id, const char* caption, const std::string& text, bool picked);
// A full-width tappable row of wrapped text with a leading "+"; listed by its text.
bool suggestion_row(const char* id, const std::string& text);
// A footer bar at the bottom of the body: the error (if any, else the muted hint) on the left;
// returns the x where the caller's buttons of total width `buttons_w` start, cursor placed there.
float footer_begin(const std::string& error, float buttons_w, const char* hint = nullptr);
// The height to keep free for footer_begin's bar.
float footer_height();

}  // namespace ui
