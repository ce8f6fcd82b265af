// The recovery phrase screen's drawing. See recovery_phrase_screen.h.
#include "app/screens/keys/recovery_phrase_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
// Groups on one line of the phrase: three (two lines of twelve characters) where they fit, else
// two (three lines of eight: a phone at 390 px, or a large text size). Six groups divide evenly
// either way, and a group is never split or pushed past the card's edge.
int phrase_groups_per_line(const std::vector<std::string_view>& groups, float gap) {
  float widest = 0.0f;
  for (auto g : groups) widest = std::max(widest, ImGui::CalcTextSize(g.data(), g.data() + g.size()).x);
  const float room = ImGui::GetContentRegionAvail().x;
  for (int n = 3; n > 1; --n)
    if (static_cast<float>(n) * widest + static_cast<float>(n - 1) * gap <= room) return n;
  return 1;
}

// The groups in the clock font, each drawn as one word so a line never breaks inside one.
void phrase_groups(const RecoveryPhraseModel& m) {
  const auto groups = m.groups();
  ImGui::PushFont(ui::fonts().clock);
  const float gap = ui::em(1.2f);
  const int per_line = phrase_groups_per_line(groups, gap);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (i % static_cast<std::size_t>(per_line) != 0) ImGui::SameLine(0.0f, gap);
    const std::string group(groups[i]);
    ImGui::TextUnformatted(group.c_str());
  }
  ImGui::PopFont();
}
}  // namespace

void draw_recovery_phrase(const RecoveryPhraseModel& m, RecoveryPhraseUi&, const AppContext&,
                          Emitted<RecoveryPhraseAction>& out) {
  ui::begin_centred_column("##recovery_phrase", 36.0f);
  ui::begin_card("##phrase");
  if (m.kept()) {
    ui::subheading("Your recovery phrase is kept");
    ui::body_wrapped(
        "Keep the paper somewhere safe, away from this device. On a new device, type it when peerobs asks "
        "for it.");
    if (ui::button("Done", ui::Tone::Primary)) out.open = Route{ScreenId::Home, {}, {}};
  } else if (m.shown()) {
    ui::subheading("Write this down on paper");
    ImGui::Spacing();
    phrase_groups(m);
    // Copying by hand, the doubt is "an O or a 0?": the code alphabet leaves the look-alikes out.
    ui::caption("There is no I, L, O, 0 or 1 in it.");
    ImGui::Spacing();
    ui::body_wrapped(
        "peerobs shows this phrase only now. With it, your observations open on another device, or on this "
        "one after it is reset.");
    ui::body_wrapped(
        "If you lose every device and this phrase, no one can read what you wrote, not even your hub's "
        "admin.");
    ImGui::Spacing();
    if (ui::button("I have written it down", ui::Tone::Primary))
      out.push_back({RecoveryPhraseAction::Kind::WrittenDown});
    ui::caption("Until you tap it, Home keeps reminding you; a new phrase made later replaces this one.");
  } else if (m.making()) {
    ui::subheading("Making your recovery phrase...");
    ui::caption("This takes a moment.");
  } else {
    ui::subheading("Keep a recovery phrase");
    ui::error_wrapped(m.problem());
    if (ui::button("Try again", ui::Tone::Primary)) out.push_back({RecoveryPhraseAction::Kind::Make});
  }
  ui::end_card();
  ui::end_centred_column();
}

struct RecoveryPhraseShape : ScreenShape<ScreenId::RecoveryPhrase, draw_recovery_phrase> {
  static std::string title(const Model*) { return "Recovery phrase"; }
  static void enter(std::unique_ptr<Model>& m, Ui&, const Route&, AppContext& ctx) {
    // A sync that changed data enters the screen again while the person may be writing: the phrase
    // being made or shown stays (its backup is the current one); once kept, a visit starts afresh.
    if (m && (m->making() || m->shown())) return;
    m = std::make_unique<RecoveryPhraseModel>(*ctx.store, ctx.me);
    m->make();
  }
  static void tick(Model& m, AppContext&) { m.poll(); }
  static int wake_after_ms(const Model& m, const AppContext&) { return m.making() ? 100 : -1; }
  static void apply(Model& m, Ui&, const Action& a, AppContext& ctx) {
    if (m.apply(a) && a.kind == RecoveryPhraseAction::Kind::WrittenDown) ctx.toast = "Recovery phrase kept";
  }
};
template class ModelScreen<RecoveryPhraseShape, RecoveryPhraseModel, RecoveryPhraseUi>;

}  // namespace app
