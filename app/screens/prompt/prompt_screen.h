// The Prompt screen (after the lesson, for the observers): ImGui drawing over PromptModel.
// Drawing only reads the model and emits PromptActions; the model commits them to the store.
#pragma once
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "app/screens/prompt/prompt_model.h"
#include "app/shell/screen.h"

namespace app {

// Transient widget state only.
struct PromptUi {
  std::string draft;       // the composer's buffer, mirrored into the model on change
  bool all_stems = false;  // show the whole prompt bank instead of the first few
  std::string hint_for;    // the text the language hint was computed for
  std::string hint;        // the gentle hint under the composer, "" = none
};

// Draws the screen; every user action is appended to `out`.
void draw_prompt(const PromptModel& model, PromptUi& ui, const AppContext& ctx, std::vector<PromptAction>& out);

class PromptScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Prompt; }
  std::string title() const override;
  void enter(const Route& route, AppContext& ctx) override;
  void tick(AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  void commit_drafts(AppContext& ctx) override;
  int wake_after_ms(const AppContext& ctx) const override;
  PromptModel& model() { return *model_; }  // valid after enter()

 private:
  std::unique_ptr<PromptModel> model_;
  PromptUi ui_;
};

// Shared drawing helpers of the after-the-lesson screens (Prompt, Reflect, Debrief, Cycle,
// Coaching notes, Settings), so they look like one app.
namespace after {
// A full-width tappable row with a check box, a small caption line and wrapped text.
bool pick_row(const char* id, const char* caption, const std::string& text, bool picked);
// A full-width tappable row of wrapped text with a leading "+" (a suggested question).
bool suggestion_row(const char* id, const std::string& text);
// The gentle language hint for `text`, recomputed only when the text changed.
void language_hint(const AppContext& ctx, const std::string& text, std::string& hint_for, std::string& hint);
// Draws a hint or an error line (muted or danger) if not empty.
void hint_line(const std::string& hint);
void error_line(const std::string& error);
// A footer row at the bottom of the body: the error (if any, else the muted hint) on the left,
// then the caller draws its buttons right-aligned. Returns the x where buttons of total width `buttons_w` start.
float footer_begin(const std::string& error, float buttons_w, const char* hint = nullptr);
// The height to keep free for footer_begin's row.
float footer_height();
// Quotes a note of kind Quote.
std::string shown_text(const EvidenceItem& item);
// ui::text_area, and listed for headless tests like the kit's own widgets.
bool text_area(const char* id, const char* hint, std::string* text, float height_em);
// A hook for headless tests, for the widgets above that the kit does not list (rows, text
// areas): when on, each is remembered by label with its rectangle in the frame it was drawn.
void record_items(bool on);
// The centre of the widget labelled `label` drawn in the current frame; false if not drawn.
bool find_item(const std::string& label, ImVec2& center);
}  // namespace after

}  // namespace app
