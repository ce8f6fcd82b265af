// Keeps the text field being edited where the teacher can see it, above an on-screen keyboard.
// SDL2 on X11 does not report an on-screen keyboard, and on Android and Linux tablets the window
// usually shrinks when one opens, so the honest rule needs no keyboard size: when a field becomes
// active, or the window is resized while it is, its scroll area scrolls so the field's top sits at
// most kFocusTopRatio down the visible height. The same happens with a laptop's keyboard (a
// field tapped near the bottom of a long form comes up to where the eye is), which is harmless.
#pragma once

namespace ui {

// The highest the top of an active field may sit, as a fraction of its scroll area's visible height.
inline constexpr float kFocusTopRatio = 0.35f;

// Call right after drawing a text field (its item is the last one).
void keep_active_field_in_view();
// Call inside a scroll area just before it ends: while a field in it is active, space below the
// content lets even the last field scroll up to the upper part. The space stays after the field
// lets go while the area is scrolled into it, so the form never jumps under the next tap.
void add_keyboard_inset();

}  // namespace ui
