// The "Edited on two devices" screen's drawing. See conflicts_screen.h.
#include "app/screens/conflicts/conflicts_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
void draw_version_body(const ConflictVersionView& v) {
  std::string head = v.who + (v.deleted ? " deleted it" : "") + (v.when.empty() ? "" : " \xC2\xB7 " + v.when);
  ui::subheading(head.c_str());
  if (v.deleted) ui::muted_wrapped("This version removes the item. Keeping it deletes the item on every device.");
  for (std::size_t i = 0; i < v.lines.size(); ++i) {
    const auto& line = v.lines[i];
    const bool differs = i < v.differs.size() && v.differs[i];
    std::string label = line.label + (differs ? "  \xE2\x80\xA2 differs" : "");
    if (differs) ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().accent);
    ImGui::PushFont(ui::fonts().small);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopFont();
    if (differs) ImGui::PopStyleColor();
    if (line.value.empty())
      ui::muted_wrapped("(empty)");
    else
      ui::body_wrapped(line.value.c_str());
  }
  ImGui::Spacing();
}

std::string keep_label(int conflict, int version) {
  return "Keep this version##" + std::to_string(conflict) + "." + std::to_string(version);
}
}  // namespace

void draw_conflicts(const ConflictsModel& m, ConflictsUi&, const AppContext&, Emitted<ConflictChoice>& out) {
  ui::begin_centred_column("##conflicts", 60.0f);
  ui::begin_card("##about", true);
  ui::subheading("Both versions are kept until you choose");
  ui::body_wrapped(
      "These items were changed on two devices before either could sync. Nothing was overwritten. "
      "Pick the version to keep; the other stays in the item's history on every device.");
  ui::end_card();
  ImGui::Spacing();
  ui::outcome_wrapped(m.message(), m.message_is_error());
  if (m.conflicts().empty()) ui::muted_wrapped("Nothing waits for a choice: every item you edited has one version.");
  if (m.others() > 0) {
    std::string text =
        m.others() == 1
            ? std::string("1 item edited by someone else on two devices also waits; its author chooses.")
            : std::to_string(m.others()) + " items edited by others on two devices also wait; their authors choose.";
    ui::caption(text.c_str());
  }
  int n = 0;
  for (const auto& c : m.conflicts()) {
    ImGui::PushID(n);
    ui::begin_card("##conflict");
    std::string title = c.kind + (c.where.empty() ? "" : " \xC2\xB7 " + c.where);
    ui::heading(title.c_str());
    const float inner = ui::content_width();
    const int count = static_cast<int>(c.versions.size());
    const float gap = ui::em(1.0f);
    // Side by side when each version still gets a readable column; stacked otherwise.
    const bool side_by_side =
        count > 1 && (inner - gap * static_cast<float>(count - 1)) / static_cast<float>(count) >= ui::em(16.0f);
    const float col =
        side_by_side ? std::floor((inner - gap * static_cast<float>(count - 1)) / static_cast<float>(count)) : inner;
    if (side_by_side) {
      // Columns at fixed x from one top line; the buttons share one row under the tallest.
      const ImVec2 top = ImGui::GetCursorScreenPos();
      float bottom = top.y;
      for (int i = 0; i < count; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + static_cast<float>(i) * (col + gap), top.y));
        ImGui::PushID(i);
        ui::begin_column(col);
        draw_version_body(c.versions[static_cast<std::size_t>(i)]);
        ui::end_column();
        ImGui::PopID();
        bottom = std::max(bottom, ImGui::GetItemRectMax().y);
      }
      for (int i = 0; i < count; ++i) {
        ImGui::SetCursorScreenPos(
            ImVec2(top.x + static_cast<float>(i) * (col + gap), bottom + ImGui::GetStyle().ItemSpacing.y));
        if (ui::button(keep_label(n, i).c_str(), ui::Tone::Primary))
          out.push_back(ConflictChoice{c.record, c.versions[static_cast<std::size_t>(i)].version});
      }
    } else {
      for (int i = 0; i < count; ++i) {
        if (i > 0) {
          ImGui::Spacing();
          ImGui::Separator();
          ImGui::Spacing();
        }
        ImGui::PushID(i);
        draw_version_body(c.versions[static_cast<std::size_t>(i)]);
        ImGui::PopID();
        if (ui::button(keep_label(n, i).c_str(), ui::Tone::Primary))
          out.push_back(ConflictChoice{c.record, c.versions[static_cast<std::size_t>(i)].version});
      }
    }
    ui::end_card();
    ImGui::Spacing();
    ImGui::PopID();
    ++n;
  }
  ui::end_centred_column();
}

struct ConflictsShape : ScreenShape<ScreenId::Conflicts, draw_conflicts> {
  static std::string title(const Model*) { return "Edited on two devices"; }
  static void enter(std::unique_ptr<Model>& m, Ui&, const Route&, AppContext& ctx) {
    m = std::make_unique<ConflictsModel>(*ctx.store, ctx.me);
    m->load();
  }

  static void apply(Model& m, Ui&, const Action& c, AppContext& ctx) {
    if (!m.keep(c.record, c.version)) return;
    ctx.toast = "Version kept";
    ctx.sync.conflicts = std::max<std::int64_t>(0, ctx.sync.conflicts - 1);
    ctx.sync_now = ctx.sync.enrolled;  // send the choice so the other device settles too
  }
};
template class ModelScreen<ConflictsShape, ConflictsModel, ConflictsUi>;

}  // namespace app
