// The Settings screen's drawing. See settings_screen.h.
#include "app/screens/settings/settings_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
using SettingsKind = SettingsAction::Kind;
using Out = Emitted<SettingsAction>;

void draw_profile_card(const SettingsModel& m, SettingsUi& ui, Out& out) {
  ui::begin_card("##profile");
  ui::subheading("Profile");
  ui::label("Your name");
  float save_w = ui::button_width("Save");
  bool enter = ui::text_field("##name", "Your name", &ui.name, ImGuiInputTextFlags_EnterReturnsTrue,
                              ui::content_width() - save_w - ImGui::GetStyle().ItemSpacing.x);
  ImGui::SameLine();
  ImGui::BeginDisabled(ui.name == m.name());
  bool tapped = ui::button("Save", ui::Tone::Primary, save_w);
  ImGui::EndDisabled();
  if (enter || tapped) out.push_back({SettingsKind::SaveName, ui.name, 1.0f, false, {}, {}});
  ui::caption("Colleagues see this name on the observations you share.");
  ui::end_card();
}

void draw_look_card(const SettingsModel& m, Out& out) {
  ui::begin_card("##look");
  ui::subheading("Text size");
  bool first = true;
  for (const auto& t : kTextSizeOptions) {
    if (!first) ui::flow_next(ui::chip_width(t.label));
    first = false;
    if (ui::chip(t.label, std::fabs(m.text_size() - t.value) < 0.01f))
      out.push_back({SettingsKind::SetTextSize, {}, t.value, false, {}, {}});
  }
  ImGui::Spacing();
  ui::subheading("Theme");
  if (ui::chip("Light", !m.dark())) out.push_back({SettingsKind::SetDark, {}, 1.0f, false, {}, {}});
  ui::flow_next(ui::chip_width("Dark"));
  if (ui::chip("Dark", m.dark())) out.push_back({SettingsKind::SetDark, {}, 1.0f, true, {}, {}});
  ui::end_card();
}

void draw_hub_card(const SettingsModel& m, SettingsUi& ui, const AppContext& ctx, Out& out) {
  ui::begin_card("##hub");
  ui::subheading("Your school's hub");
  if (ctx.sync.enrolled) {
    std::string text = describe(ctx.sync);
    ui::body_wrapped(text.c_str());
    if (ui::button(ctx.sync.syncing ? "Syncing..." : "Sync now", ui::Tone::Secondary)) out.sync_now = true;
    if (m.colleagues_only_here() > 0 && ctx.has(ScreenId::MatchColleagues)) {
      ImGui::Spacing();
      std::string only_here = m.colleagues_only_here() == 1
                                  ? std::string(
                                        "1 colleague you typed into plans is only on this device and does not "
                                        "receive those visits.")
                                  : std::to_string(m.colleagues_only_here()) +
                                        " colleagues you typed into plans are only on this device and do not "
                                        "receive those visits.";
      ui::body_wrapped(only_here.c_str());
      if (ui::button("Match them with the roster")) out.open = Route{ScreenId::MatchColleagues, {}, {}};
    }
  } else {
    ui::body_wrapped(
        "Connect this device to share observations with the colleagues taking part in them. Ask your "
        "program lead for the hub's address and a one-time code.");
    // In the browser the hub that served this page is the one to join: the address is filled in.
    if (ui.hub_url.empty() && !ctx.served_by_hub.empty() && !ui.hub_url_edited) ui.hub_url = ctx.served_by_hub;
    ui::label("Hub address");
    if (ui::exact_text_field("##hub_url", "https://hub.your-school.example", &ui.hub_url)) ui.hub_url_edited = true;
    ui::label("Enrollment code");
    ui::exact_text_field("##code", "e.g. ABCD-EFGH-JKMN", &ui.code);
    bool ready = !ui.hub_url.empty() && !ui.code.empty() && !ctx.enrolling;
    ImGui::BeginDisabled(!ready);
    if (ui::button(ctx.enrolling ? "Connecting..." : "Connect", ui::Tone::Primary))
      out.push_back({SettingsKind::Connect, ui.hub_url, 1.0f, false, ui.code, {}});
    ImGui::EndDisabled();
    ui::caption("Everything you captured before connecting is kept and sent.");
  }
  if (!ctx.enroll_message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.enroll_failed ? ui::palette().danger : ui::palette().text);
    ui::body_wrapped(ctx.enroll_message.c_str());
    ImGui::PopStyleColor();
  }
  ui::end_card();
}

// Fingerprints are compared aloud, so each is drawn in the bold font as three groups.
void draw_keys_card(const SettingsModel& m, Out& out) {
  const KeysView& k = m.keys();
  if (k.my_fingerprint.empty() && k.colleagues.empty() && k.error.empty()) return;
  ui::begin_card("##keys");
  ui::subheading("Keys");
  ui::error_wrapped(k.error);
  ui::caption(
      "What you write is locked with keys only the people in a visit hold. To be sure a key is really "
      "your colleague's, compare its fingerprint with them in person once.");
  if (!k.my_fingerprint.empty()) {
    ui::label("Your fingerprint");
    ImGui::PushFont(ui::fonts().bold);
    ImGui::TextUnformatted(k.my_fingerprint.c_str());
    ImGui::PopFont();
  }
  for (std::size_t i = 0; i < k.colleagues.size(); ++i) {
    const ColleagueKey& c = k.colleagues[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Spacing();
    ui::label(c.changed ? (c.name + " \xC2\xB7 key changed").c_str() : c.name.c_str());
    ImGui::PushFont(ui::fonts().bold);
    ImGui::TextUnformatted(c.fingerprint.c_str());
    ImGui::PopFont();
    if (c.changed) {
      const std::string why = c.name + "'s key is not the one this device knew. Compare the fingerprint with " +
                              c.name + " in person before accepting: until then, nothing new is shared with this key.";
      ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().danger);
      ui::body_wrapped(why.c_str());
      ImGui::PopStyleColor();
      if (ui::button("Accept new key", ui::Tone::Secondary)) {
        SettingsAction a{SettingsKind::AcceptKey, {}, 1.0f, false, {}, c.person};
        out.push_back(a);
      }
    }
    ImGui::PopID();
  }
  ui::end_card();
}

void draw_data_card(const SettingsModel& m, const AppContext& ctx, Out& out) {
  ui::begin_card("##data");
  ui::subheading("Your data");
  if (ctx.served_by_hub.empty()) {
    ui::label("Data folder");
    ui::body_wrapped(m.data_dir().c_str());
    ui::label("Store file");
    ui::body_wrapped(m.store_path().c_str());
    ui::caption(
        "Everything you capture is saved here first, and reaches your school's hub when a connection is available.");
  } else {
    ui::body_wrapped(
        "Everything you capture is kept in this browser on this device first, and reaches your "
        "school's hub when a connection is available. Clearing this browser's site data for the hub's "
        "address deletes what has not reached the hub yet.");
  }
  ImGui::Spacing();
  if (ctx.served_by_hub.empty()) {
    if (ui::button("Export everything to a file", ui::Tone::Secondary))
      out.push_back({SettingsKind::Export, {}, 1.0f, false, {}, {}});
    ui::caption("A JSON file with every record and its history, in the data folder. peerobs-cli import reads it back.");
  } else {
    // A file written inside the browser's storage is out of the person's reach; until the browser
    // build offers downloads, say where an export can be made instead of offering a button that
    // seems to do nothing.
    ui::caption(
        "To export everything to a file, connect to your hub and use peerobs on a computer "
        "(the desktop app or peerobs-cli).");
  }
  ui::end_card();
}
}  // namespace

void draw_settings(const SettingsModel& m, SettingsUi& ui, const AppContext& ctx, Emitted<SettingsAction>& out) {
  ui::begin_centred_column("##settings", 38.0f);
  draw_profile_card(m, ui, out);
  draw_look_card(m, out);
  draw_hub_card(m, ui, ctx, out);
  draw_keys_card(m, out);
  draw_data_card(m, ctx, out);
  if (!m.message().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, m.message_is_error() ? ui::palette().danger : ui::palette().text);
    ui::body_wrapped(m.message().c_str());
    ImGui::PopStyleColor();
  }
  ui::end_centred_column();
}

struct SettingsShape : ScreenShape<ScreenId::Settings, draw_settings> {
  static std::string title(const Model*) { return "Settings"; }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route&, AppContext& ctx) {
    m = std::make_unique<SettingsModel>(*ctx.store, ctx.me, ctx.data_dir, ctx.now_ms);
    m->load();
    ui.name = m->name();
  }

  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx) {
    if (a.kind == SettingsKind::Connect) {
      ctx.enroll = AppContext::EnrollRequest{a.text, a.code};
      ctx.enroll_message.clear();
      return;
    }
    if (!m.apply(a)) return;
    switch (a.kind) {
      case SettingsKind::SaveName:
        ui.name = m.name();
        ctx.toast = "Name saved";
        break;
      case SettingsKind::SetTextSize:
      case SettingsKind::SetDark:
        ctx.theme_changed = true;  // the shell rebuilds fonts and colours before the next frame
        break;
      case SettingsKind::Export:
        ctx.toast = "Exported";
        break;
      case SettingsKind::Connect:
        break;
      case SettingsKind::AcceptKey:
        ctx.toast = "New key accepted";
        ctx.sync_now = true;  // what waits for this colleague is granted on the next sync
        break;
    }
  }
};
template class ModelScreen<SettingsShape, SettingsModel, SettingsUi>;

}  // namespace app
