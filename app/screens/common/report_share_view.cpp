// See report_share_view.h.
#include "app/screens/common/report_share_view.h"

#include <imgui.h>

#include "app/ui/widgets.h"

namespace app {

std::optional<ShareEvent> draw_share_card(const ReportShare& share, const char* title, const AppContext& ctx) {
  std::optional<ShareEvent> event;
  ui::begin_card("##share_card");
  ui::subheading(title);
  ui::muted_wrapped(ctx.served_by_hub.empty()
                        ? "A PDF to print or pass on, made on this device. Once it leaves peerobs, whoever holds "
                          "it can read it."
                        : "A page to print or keep as PDF, made on this device. Once it leaves peerobs, whoever "
                          "holds it can read it.");
  ImGui::Spacing();
  ImGui::BeginDisabled(ctx.sharing_report);
  for (const auto& c : share.choices()) {
    if (ui::button(c.label.c_str(), ui::Tone::Secondary)) event = ShareEvent{ShareEvent::Kind::Share, c.reader, {}};
    ui::muted_wrapped(c.hint.c_str());
    ImGui::Spacing();
  }
  ui::caption("PAPER");
  const std::pair<core::report::PageSize, const char*> papers[] = {{core::report::PageSize::A4, "A4"},
                                                                   {core::report::PageSize::Letter, "US Letter"}};
  for (const auto& [size, label] : papers) {
    if (size != papers[0].first) ui::flow_next(ui::chip_width(label));
    if (ui::chip(label, share.paper() == size) && share.paper() != size)
      event = ShareEvent{ShareEvent::Kind::Paper, {}, size};
  }
  ImGui::EndDisabled();
  if (ctx.sharing_report)
    ui::muted_wrapped("Making it\xE2\x80\xA6");
  else if (!ctx.report_message.empty()) {
    ui::outcome_wrapped(ctx.report_message, ctx.report_failed);
    ui::record_item(ctx.report_message.c_str());  // in the UI map, so tests read where it went
  }
  ui::end_card();
  return event;
}

}  // namespace app
