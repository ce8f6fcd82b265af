// The Prompt screen's drawing and how its actions are applied. See prompt_screen.h.
#include "app/screens/prompt/prompt_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/screens/common/lesson_data_view.h"
#include "app/screens/common/model_text.h"
#include "app/ui/rows.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/dates.h"

namespace app {

std::string shown_text(const EvidenceItem& item) {
  if (item.kind == core::EvidenceKind::Note && item.note_kind == core::NoteKind::Quote) return as_quote(item.text);
  return item.text;
}

namespace {
using PromptKind = PromptAction::Kind;
constexpr std::size_t kStemsShown = 4;  // the rest behind "Show all", so the composer stays near the top

PromptAction act(PromptKind kind, std::string text = {}) {
  PromptAction a;
  a.kind = kind;
  a.text = std::move(text);
  return a;
}

std::string evidence_caption(const EvidenceItem& it) {
  std::string c = core::evidence_kind_label(it.kind, it.note_kind);
  if (it.kind == core::EvidenceKind::Note)
    c += " \xC2\xB7 " + core::format_lesson_time(it.lesson_ms) + " \xC2\xB7 " + it.author_name;
  else if (!it.author_name.empty())
    c += " \xC2\xB7 " + it.author_name;  // several observers counted: whose count this is
  return c;
}

void draw_composer(const PromptModel& m, PromptUi& ui, const AppContext& ctx, Emitted<PromptAction>& out) {
  ui::begin_card("##composer");
  ui::subheading("Write a prompt");
  ui::caption(
      "A question that invites the teacher to think about the evidence. Start from a suggestion or write your own.");
  ui::text_area("##prompt_text", "e.g. Is this what you thought was happening?", &ui.draft, 4.5f);
  if (ui.draft != m.draft()) out.push_back(act(PromptKind::EditDraft, ui.draft));
  ui.hint.draw(ctx.guide, ui.draft);
  std::string picked = m.picked().empty()
                           ? std::string("No evidence picked yet: tap items in Evidence to attach them.")
                           : std::to_string(m.picked().size()) +
                                 (m.picked().size() == 1 ? " evidence item attached" : " evidence items attached");
  ui::caption(picked.c_str());
  ImGui::BeginDisabled(!m.can_write());
  if (ui::button("Save prompt", ui::Tone::Primary)) out.push_back(act(PromptKind::SavePrompt));
  ImGui::EndDisabled();
  if (!m.stems().empty()) {
    ImGui::Spacing();
    ui::label("Suggested questions");
    std::size_t n = ui.all_stems ? m.stems().size() : std::min(kStemsShown, m.stems().size());
    for (std::size_t i = 0; i < n; ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ui::suggestion_row("##stem", m.stems()[i])) out.push_back(act(PromptKind::UseStem, m.stems()[i]));
      ImGui::PopID();
    }
    if (m.stems().size() > kStemsShown) {
      std::string more = ui.all_stems ? std::string("Show fewer") : "Show all " + std::to_string(m.stems().size());
      if (ui::button(more.c_str(), ui::Tone::Quiet)) ui.all_stems = !ui.all_stems;
    }
  }
  ui::end_card();
}

void draw_evidence(const PromptModel& m, Emitted<PromptAction>& out) {
  ui::begin_card("##evidence");
  ui::subheading("Evidence");
  ui::caption("Tap what the prompt is about. The teacher sees the items you attach.");
  if (m.evidence().empty()) ui::muted_wrapped("Nothing was captured in this observation yet.");
  int i = 0;
  for (const auto& it : m.evidence()) {
    ImGui::PushID(i++);
    std::string cap = evidence_caption(it);
    if (ui::pick_row("##ev", cap.c_str(), shown_text(it), m.picked().count(it.key) > 0))
      out.push_back(act(PromptKind::ToggleEvidence, it.key));
    ImGui::PopID();
  }
  ui::end_card();
}

void draw_prompts(const PromptModel& m, Emitted<PromptAction>& out) {
  std::string head = "Prompts \xC2\xB7 " + std::to_string(m.prompts().size());
  ui::subheading(head.c_str());
  if (m.prompts().empty()) ui::caption("Saved prompts appear here. Share them when they are ready.");
  int i = 0;
  for (const auto& p : m.prompts()) {
    ImGui::PushID(i++);
    ui::begin_card("##p", p.prompt.shared);
    ui::body_wrapped(p.prompt.text.c_str());
    for (const auto& e : p.evidence_texts) {
      std::string line = "\xE2\x80\xA2 " + e;
      ui::caption(line.c_str());
    }
    std::string state = p.prompt.shared
                            ? (m.teacher_name().empty() ? std::string("Shared") : "Shared with " + m.teacher_name())
                            : std::string("Not shared yet");
    if (!p.mine) state += " \xC2\xB7 by " + p.author_name;
    ImGui::AlignTextToFramePadding();
    ui::caption(state.c_str());
    if (p.mine && !p.prompt.shared) {
      ImGui::SameLine();
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ui::content_width() - ui::button_width("Delete")));
      if (ui::button("Delete", ui::Tone::Quiet)) {
        PromptAction a = act(PromptKind::DeletePrompt);
        a.record = p.id;
        out.push_back(a);
      }
    }
    ui::end_card();
    ImGui::PopID();
  }
}
}  // namespace

void draw_prompt(const PromptModel& m, PromptUi& ui, const AppContext& ctx, Emitted<PromptAction>& out) {
  if (!m.loaded()) return ui::message_body("##prompt_missing", m.error());
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float body_h = avail.y - ui::footer_height();
  auto intro = [&] {
    draw_focus_question("FOCUS QUESTION", m.plan().focus_question);
    if (!m.can_write())
      ui::muted_wrapped("Prompts are written by the people who observed this lesson. You can read them here.");
    ImGui::Spacing();
  };
  if (ui::is_narrow()) {
    ui::begin_scroll_area("##prompt", ImVec2(avail.x, body_h));
    intro();
    if (m.can_write()) draw_composer(m, ui, ctx, out);
    draw_evidence(m, out);
    draw_prompts(m, out);
    ui::end_scroll_area();
  } else {
    float left = std::floor(avail.x * 0.5f);
    ui::begin_scroll_area("##prompt_left", ImVec2(left, body_h));
    intro();
    draw_evidence(m, out);
    ui::end_scroll_area();
    ImGui::SameLine(0, 0);
    ui::begin_scroll_area("##prompt_right", ImVec2(avail.x - left, body_h));
    if (m.can_write()) draw_composer(m, ui, ctx, out);
    draw_prompts(m, out);
    ui::end_scroll_area();
  }
  std::string share = m.teacher_name().empty() ? std::string("Share prompts") : "Share with " + m.teacher_name();
  const int n = m.unshared_mine();
  if (n > 0) share += " (" + std::to_string(n) + ")";
  float w = ui::button_width(share.c_str());
  // A greyed button alone does not say why: say what makes it work.
  ui::footer_begin(m.error(), w,
                   n == 0 && m.can_write() ? "Prompts you save wait here until you share them." : nullptr);
  ImGui::BeginDisabled(n == 0);
  if (ui::button(share.c_str(), ui::Tone::Primary, w)) out.push_back(act(PromptKind::Share));
  ImGui::EndDisabled();
}

// ---- the screen ----

struct PromptShape : AutosavedShape<ScreenId::Prompt, draw_prompt, &PromptModel::draft_dirty> {
  static std::string title(const Model* m) { return title_with("Prompts", m); }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx) {
    // Always rebuilt: other screens (and sync) may have changed the evidence or the prompts; the
    // draft was committed before, so nothing typed is lost.
    m = std::make_unique<PromptModel>(*ctx.store, ctx.me, ctx.templates, ctx.now_ms);
    m->load(route.observation);
    const bool all_stems = ui.all_stems;  // how many suggestions were shown stays as it was
    ui = PromptUi{};
    ui.all_stems = all_stems;
    ui.draft = m->draft();
  }

  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx) {
    if (!m.apply(a)) return;
    if (a.kind == PromptKind::SavePrompt) {
      ui.draft.clear();
      ctx.toast = "Prompt saved";
    }
    if (a.kind == PromptKind::UseStem) ui.draft = m.draft();
    if (a.kind == PromptKind::DeletePrompt) ctx.toast = "Prompt deleted";
    if (a.kind == PromptKind::Share)
      ctx.toast = m.teacher_name().empty() ? std::string("Prompts shared") : "Shared with " + m.teacher_name();
  }
};
template class ModelScreen<PromptShape, PromptModel, PromptUi>;

}  // namespace app
