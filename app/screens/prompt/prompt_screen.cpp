// The Prompt screen's drawing, and the drawing helpers the after-the-lesson screens share.
// See prompt_screen.h.
#include "app/screens/prompt/prompt_screen.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "app/screens/common/model_text.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace after {

namespace {
struct Recorded {
  ImVec2 min, max;
  int frame = -1;
};
bool g_recording = false;
std::map<std::string, Recorded> g_items;

void remember(const std::string& label) {
  if (g_recording && ImGui::IsItemVisible())
    g_items[label] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::GetFrameCount()};
}
}  // namespace

void record_items(bool on) {
  g_recording = on;
  g_items.clear();
}

bool find_item(const std::string& label, ImVec2& center) {
  auto it = g_items.find(label);
  if (it == g_items.end() || it->second.frame != ImGui::GetFrameCount()) return false;
  center = ImVec2((it->second.min.x + it->second.max.x) * 0.5f, (it->second.min.y + it->second.max.y) * 0.5f);
  return true;
}

bool text_area(const char* id, const char* hint, std::string* text, float height_em) {
  bool changed = ui::text_area(id, hint, text, height_em);
  remember(id);
  return changed;
}

bool pick_row(const char* id, const char* caption, const std::string& text, bool picked) {
  const ui::Palette& p = ui::palette();
  const float w = ui::content_width(), pad = ui::em(0.7f), box = ui::em(1.3f);
  const float text_x = pad + box + ui::em(0.7f), wrap = w - text_x - pad;
  ImFont* small = ui::fonts().small;
  ImFont* body = ImGui::GetFont();
  const float cap_h = caption && *caption ? small->FontSize + ui::em(0.15f) : 0.0f;
  ImVec2 ts = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, text.c_str());
  const float h = std::max(ui::touch_px(), pad * 2 + cap_h + ts.y);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool tapped = ImGui::InvisibleButton(id, ImVec2(w, h));
  remember(text);
  bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + w, pos.y + h);
  dl->AddRectFilled(pos, max, ui::col(picked ? p.accent_soft : p.surface_alt, held ? 0.7f : 1.0f), ui::em(0.6f));
  ImVec2 b0(pos.x + pad, pos.y + (h - box) * 0.5f), b1(b0.x + box, b0.y + box);
  if (picked) {
    dl->AddRectFilled(b0, b1, ui::col(p.accent), ui::em(0.3f));
    ImGui::RenderCheckMark(dl, ImVec2(b0.x + box * 0.2f, b0.y + box * 0.2f), ui::col(p.on_accent), box * 0.6f);
  } else {
    dl->AddRect(b0, b1, ui::col(p.text_muted), ui::em(0.3f), 0, std::max(1.5f, ui::em(0.1f)));
  }
  float y = pos.y + pad;
  if (cap_h > 0) {
    dl->AddText(small, small->FontSize, ImVec2(pos.x + text_x, y), ui::col(p.text_muted), caption);
    y += cap_h;
  }
  dl->AddText(body, body->FontSize, ImVec2(pos.x + text_x, y), ui::col(p.text), text.c_str(), nullptr, wrap);
  return tapped;
}

bool suggestion_row(const char* id, const std::string& text) {
  const ui::Palette& p = ui::palette();
  const float w = ui::content_width(), pad = ui::em(0.7f);
  const float text_x = pad + ui::em(1.4f), wrap = w - text_x - pad;
  ImFont* body = ImGui::GetFont();
  ImVec2 ts = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, text.c_str());
  const float h = std::max(ui::touch_px(), pad * 2 + ts.y);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool tapped = ImGui::InvisibleButton(id, ImVec2(w, h));
  remember(text);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (ImGui::IsItemActive()) dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), ui::col(p.accent_soft), ui::em(0.6f));
  ImFont* bold = ui::fonts().bold;
  dl->AddText(bold, bold->FontSize, ImVec2(pos.x + pad, pos.y + pad), ui::col(p.accent), "+");
  dl->AddText(body, body->FontSize, ImVec2(pos.x + text_x, pos.y + pad), ui::col(p.text), text.c_str(), nullptr, wrap);
  dl->AddLine(ImVec2(pos.x + text_x, pos.y + h - 1), ImVec2(pos.x + w - pad, pos.y + h - 1), ui::col(p.border));
  return tapped;
}

void language_hint(const AppContext& ctx, const std::string& text, std::string& hint_for, std::string& hint) {
  if (hint_for == text) return;
  hint_for = text;
  hint.clear();
  if (!ctx.guide || text.empty()) return;
  auto findings = ctx.guide->check(text);
  if (findings.empty()) return;
  const auto& f = findings.front();
  std::string words = text.substr(f.start, f.end - f.start);
  hint = "\xE2\x80\x9C" + words + "\xE2\x80\x9D sounds like " + core::category_name(f.category) + ". " + f.suggestion;
}

void hint_line(const std::string& hint) {
  if (hint.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().text_muted);
  ui::body_wrapped(hint.c_str());
  ImGui::PopStyleColor();
}

void error_line(const std::string& error) {
  if (error.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().danger);
  ui::body_wrapped(error.c_str());
  ImGui::PopStyleColor();
}

float footer_height() { return ui::touch_px() + ui::em(1.4f); }

float footer_begin(const std::string& error, float buttons_w, const char* hint) {
  const float width = ImGui::GetContentRegionAvail().x;
  ImVec2 origin = ImGui::GetCursorScreenPos();
  const ui::Palette& p = ui::palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + footer_height()), ui::col(p.surface));
  dl->AddLine(origin, ImVec2(origin.x + width, origin.y), ui::col(p.border));
  const float y = ImGui::GetCursorPosY() + ui::em(0.7f);
  const float x_buttons = std::max(ui::em(1.0f), width - buttons_w - ui::em(1.0f));
  if (!error.empty()) {
    ImGui::SetCursorPos(ImVec2(ui::em(1.0f), y));
    ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    ImGui::PushTextWrapPos(x_buttons - ui::em(1.0f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  } else if (hint && *hint) {
    ImGui::SetCursorPos(ImVec2(ui::em(1.0f), y));
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ImGui::PushTextWrapPos(x_buttons - ui::em(1.0f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(hint);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::SetCursorPos(ImVec2(x_buttons, y));
  return x_buttons;
}

std::string shown_text(const EvidenceItem& item) {
  if (item.kind == EvidenceKind::Note && item.note_kind == core::NoteKind::Quote) return as_quote(item.text);
  return item.text;
}

}  // namespace after

namespace {
using K = PromptAction::Kind;
constexpr std::size_t kStemsShown = 4;  // the rest behind "Show all", so the composer stays near the top

PromptAction act(K kind, std::string text = {}) {
  PromptAction a;
  a.kind = kind;
  a.text = std::move(text);
  return a;
}

std::string evidence_caption(const EvidenceItem& it) {
  std::string c = evidence_kind_label(it);
  if (it.kind == EvidenceKind::Note)
    c += " \xC2\xB7 " + ui::format_lesson_time(it.lesson_ms) + " \xC2\xB7 " + it.author_name;
  else if (!it.author_name.empty())
    c += " \xC2\xB7 " + it.author_name;  // several observers counted: whose count this is
  return c;
}

void draw_composer(const PromptModel& m, PromptUi& ui, const AppContext& ctx, std::vector<PromptAction>& out) {
  ui::begin_card("##composer");
  ui::subheading("Write a prompt");
  ui::caption(
      "A question that invites the teacher to think about the evidence. Start from a suggestion or write your own.");
  after::text_area("##prompt_text", "e.g. Is this what you thought was happening?", &ui.draft, 4.5f);
  if (ui.draft != m.draft()) out.push_back(act(K::EditDraft, ui.draft));
  after::language_hint(ctx, ui.draft, ui.hint_for, ui.hint);
  after::hint_line(ui.hint);
  std::string picked = m.picked().empty()
                           ? std::string("No evidence picked yet: tap items in Evidence to attach them.")
                           : std::to_string(m.picked().size()) +
                                 (m.picked().size() == 1 ? " evidence item attached" : " evidence items attached");
  ui::caption(picked.c_str());
  ImGui::BeginDisabled(!m.can_write());
  if (ui::button("Save prompt", ui::Tone::Primary)) out.push_back(act(K::SavePrompt));
  ImGui::EndDisabled();
  if (!m.stems().empty()) {
    ImGui::Spacing();
    ui::label("Suggested questions");
    std::size_t n = ui.all_stems ? m.stems().size() : std::min(kStemsShown, m.stems().size());
    for (std::size_t i = 0; i < n; ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (after::suggestion_row("##stem", m.stems()[i])) out.push_back(act(K::UseStem, m.stems()[i]));
      ImGui::PopID();
    }
    if (m.stems().size() > kStemsShown) {
      std::string more = ui.all_stems ? std::string("Show fewer") : "Show all " + std::to_string(m.stems().size());
      if (ui::button(more.c_str(), ui::Tone::Quiet)) ui.all_stems = !ui.all_stems;
    }
  }
  ui::end_card();
}

void draw_evidence(const PromptModel& m, std::vector<PromptAction>& out) {
  ui::begin_card("##evidence");
  ui::subheading("Evidence");
  ui::caption("Tap what the prompt is about. The teacher sees the items you attach.");
  if (m.evidence().empty()) ui::muted_wrapped("Nothing was captured in this observation yet.");
  int i = 0;
  for (const auto& it : m.evidence()) {
    ImGui::PushID(i++);
    std::string cap = evidence_caption(it);
    if (after::pick_row("##ev", cap.c_str(), after::shown_text(it), m.picked().count(it.key) > 0))
      out.push_back(act(K::ToggleEvidence, it.key));
    ImGui::PopID();
  }
  ui::end_card();
}

void draw_prompts(const PromptModel& m, std::vector<PromptAction>& out) {
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
        PromptAction a = act(K::DeletePrompt);
        a.record = p.id;
        out.push_back(a);
      }
    }
    ui::end_card();
    ImGui::PopID();
  }
}
}  // namespace

void draw_prompt(const PromptModel& m, PromptUi& ui, const AppContext& ctx, std::vector<PromptAction>& out) {
  if (!m.loaded()) {
    ui::begin_scroll_area("##prompt_missing");
    ui::body_wrapped(m.error().c_str());
    ui::end_scroll_area();
    return;
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float body_h = avail.y - after::footer_height();
  auto intro = [&] {
    ui::caption("FOCUS QUESTION");
    ImGui::PushFont(ui::fonts().bold);
    ui::body_wrapped(m.plan().focus_question.empty() ? "No focus question in the plan."
                                                     : m.plan().focus_question.c_str());
    ImGui::PopFont();
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
  after::footer_begin(m.error(), w,
                      n == 0 && m.can_write() ? "Prompts you save wait here until you share them." : nullptr);
  ImGui::BeginDisabled(n == 0);
  if (ui::button(share.c_str(), ui::Tone::Primary, w)) out.push_back(act(K::Share));
  ImGui::EndDisabled();
}

// ---- the screen ----

std::string PromptScreen::title() const {
  return model_ && model_->loaded() ? "Prompts \xC2\xB7 " + model_->title() : "Prompts";
}

void PromptScreen::enter(const Route& route, AppContext& ctx) {
  // Always rebuilt: other screens (and sync) may have changed the evidence or the prompts; the
  // draft was committed when the screen was left, so nothing typed is lost.
  if (model_) model_->autosave(true);
  model_ = std::make_unique<PromptModel>(*ctx.store, ctx.me, ctx.templates, ctx.now_ms);
  model_->load(route.observation);
  bool keep_stems = ui_.all_stems;
  ui_ = PromptUi{};
  ui_.all_stems = keep_stems;
  ui_.draft = model_->draft();
}

void PromptScreen::tick(AppContext&) {
  if (model_) model_->autosave(false);
}

void PromptScreen::draw(AppContext& ctx) {
  if (!model_) return;
  std::vector<PromptAction> actions;
  draw_prompt(*model_, ui_, ctx, actions);
  for (const auto& a : actions) {
    bool ok = model_->apply(a);
    if (a.kind == PromptAction::Kind::SavePrompt && ok) {
      ui_.draft.clear();
      ctx.toast = "Prompt saved";
    }
    if (a.kind == PromptAction::Kind::UseStem && ok) ui_.draft = model_->draft();
    if (a.kind == PromptAction::Kind::DeletePrompt && ok) ctx.toast = "Prompt deleted";
    if (a.kind == PromptAction::Kind::Share && ok)
      ctx.toast =
          model_->teacher_name().empty() ? std::string("Prompts shared") : "Shared with " + model_->teacher_name();
  }
}

void PromptScreen::commit_drafts(AppContext&) {
  if (model_) model_->autosave(true);
}

int PromptScreen::wake_after_ms(const AppContext&) const { return model_ && model_->draft_dirty() ? 300 : -1; }

}  // namespace app
