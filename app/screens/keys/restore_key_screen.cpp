// The recovery phrase entry's drawing. See restore_key_screen.h.
#include "app/screens/keys/restore_key_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

void draw_restore_key(const RestoreKeyModel& m, RestoreKeyUi& ui, const AppContext&, Emitted<RestoreKeyAction>& out) {
  ui::begin_centred_column("##restore_key", 36.0f);
  ui::begin_card("##restore");
  if (m.restored()) {
    ui::subheading("Your key is on this device");
    ui::body_wrapped(m.message().c_str());
    if (ui::button("Done", ui::Tone::Primary)) out.open = Route{ScreenId::Home, {}, {}};
  } else {
    ui::subheading("Type your recovery phrase");
    ui::body_wrapped(
        "You made it on your first device and wrote it down: 24 letters and digits. Spaces, dashes and "
        "capital letters do not matter.");
    ui::label("Recovery phrase");
    const bool enter =
        ui::exact_text_field("##phrase", "ABCD EFGH JKMN ...", &ui.typed, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::BeginDisabled(m.trying() || ui.typed.empty());
    const bool tapped = ui::button(m.trying() ? "Checking..." : "Open my key", ui::Tone::Primary);
    ImGui::EndDisabled();
    if ((enter || tapped) && !m.trying() && !ui.typed.empty()) out.push_back({ui.typed});
    ui::error_wrapped(m.message());
    ImGui::Spacing();
    ui::caption("The phrase is the only way to your key on a new device: neither peerobs nor your hub can recover it.");
  }
  ui::end_card();
  ui::end_centred_column();
}

struct RestoreKeyShape : ScreenShape<ScreenId::RestoreKey, draw_restore_key> {
  static std::string title(const Model*) { return "Recovery phrase"; }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route&, AppContext& ctx) {
    if (m && m->trying()) return;  // a sync entered the screen again mid-try: keep waiting for it
    m = std::make_unique<RestoreKeyModel>(*ctx.store, ctx.me);
    ui = RestoreKeyUi{};
  }
  static void tick(Model& m, AppContext& ctx) {
    if (m.poll() && m.restored()) ctx.sync_now = true;  // the grants for this key come with the next sync
  }
  static int wake_after_ms(const Model& m, const AppContext&) { return m.trying() ? 100 : -1; }
  static void apply(Model& m, Ui&, const Action& a, AppContext&) { m.apply(a); }
};
template class ModelScreen<RestoreKeyShape, RestoreKeyModel, RestoreKeyUi>;

}  // namespace app
