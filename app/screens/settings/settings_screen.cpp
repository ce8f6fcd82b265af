// The Settings screen's drawing. See settings_screen.h.
#include "app/screens/settings/settings_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

void SettingsScreen::enter(const Route&, AppContext& ctx) {
  model_ = std::make_unique<SettingsModel>(*ctx.store, ctx.me, ctx.data_dir, ctx.now_ms);
  model_->load();
  ui_.name = model_->name();
}

void SettingsScreen::draw(AppContext& ctx) {
  if (!model_) return;
  SettingsModel& m = *model_;
  ui::begin_scroll_area("##settings");
  const float width = std::min(ImGui::GetContentRegionAvail().x, ui::em(38.0f));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f));
  ui::begin_column(width);

  ui::begin_card("##profile");
  ui::subheading("Profile");
  ui::label("Your name");
  float save_w = ui::button_width("Save");
  bool enter = ui::text_field("##name", "Your name", &ui_.name, ImGuiInputTextFlags_EnterReturnsTrue,
                              ui::content_width() - save_w - ImGui::GetStyle().ItemSpacing.x);
  ImGui::SameLine();
  ImGui::BeginDisabled(ui_.name == m.name());
  bool tapped = ui::button("Save", ui::Tone::Primary, save_w);
  ImGui::EndDisabled();
  if ((enter || tapped) && m.save_name(ui_.name)) {
    ui_.name = m.name();
    ctx.toast = "Name saved";
  }
  ui::caption("Colleagues see this name on the observations you share.");
  ui::end_card();

  ui::begin_card("##look");
  ui::subheading("Text size");
  bool first = true;
  for (const auto& t : kTextSizeOptions) {
    if (!first) ui::flow_next(ui::chip_width(t.label));
    first = false;
    if (ui::chip(t.label, std::fabs(m.text_size() - t.value) < 0.01f) && m.set_text_size(t.value))
      ctx.theme_changed = true;
  }
  ImGui::Spacing();
  ui::subheading("Theme");
  if (ui::chip("Light", !m.dark()) && m.set_dark(false)) ctx.theme_changed = true;
  ui::flow_next(ui::chip_width("Dark"));
  if (ui::chip("Dark", m.dark()) && m.set_dark(true)) ctx.theme_changed = true;
  ui::end_card();

  ui::begin_card("##hub");
  ui::subheading("Your school's hub");
  if (ctx.sync.enrolled) {
    std::string text = describe(ctx.sync);
    ui::body_wrapped(text.c_str());
    if (ui::button(ctx.sync.syncing ? "Syncing..." : "Sync now", ui::Tone::Secondary)) ctx.sync_now = true;
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
      if (ui::button("Match them with the roster")) ctx.open(Route{ScreenId::MatchColleagues, {}, {}});
    }
  } else {
    ui::body_wrapped(
        "Connect this device to share observations with the colleagues taking part in them. Ask your "
        "program lead for the hub's address and a one-time code.");
    // In the browser the hub that served this page is the one to join: the address is filled in.
    if (ui_.hub_url.empty() && !ctx.served_by_hub.empty() && !ui_.hub_url_edited) ui_.hub_url = ctx.served_by_hub;
    ui::label("Hub address");
    if (ui::text_field("##hub_url", "https://hub.your-school.example", &ui_.hub_url)) ui_.hub_url_edited = true;
    ui::label("Enrollment code");
    ui::text_field("##code", "e.g. ABCD-EFGH-JKMN", &ui_.code);
    bool ready = !ui_.hub_url.empty() && !ui_.code.empty() && !ctx.enrolling;
    ImGui::BeginDisabled(!ready);
    if (ui::button(ctx.enrolling ? "Connecting..." : "Connect", ui::Tone::Primary)) {
      ctx.enroll = AppContext::EnrollRequest{ui_.hub_url, ui_.code};
      ctx.enroll_message.clear();
    }
    ImGui::EndDisabled();
    ui::caption("Everything you captured before connecting is kept and sent.");
  }
  if (!ctx.enroll_message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.enroll_failed ? ui::palette().danger : ui::palette().text);
    ui::body_wrapped(ctx.enroll_message.c_str());
    ImGui::PopStyleColor();
  }
  ui::end_card();

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
    if (ui::button("Export everything to a file", ui::Tone::Secondary)) {
      if (m.export_all()) ctx.toast = "Exported";
    }
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

  if (!m.message().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, m.message_is_error() ? ui::palette().danger : ui::palette().text);
    ui::body_wrapped(m.message().c_str());
    ImGui::PopStyleColor();
  }
  ui::end_column();
  ui::end_scroll_area();
}

}  // namespace app
