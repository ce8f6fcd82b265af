// First run: the form's action and its drawing. See first_run.h.
#include "app/screens/first_run/first_run_screen.h"
#include "app/screens/common/model_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/demo_data.h"

namespace app {

namespace {

struct TextSizeChoice {
  const char* label;
  float value;
};
const TextSizeChoice kTextSizes[] = {{"Small", 0.9f}, {"Medium", 1.0f}, {"Large", 1.15f}, {"Extra large", 1.3f}};
}  // namespace

FirstRunResult complete_first_run(core::Store& store, const FirstRunForm& form) {
  FirstRunResult r;
  std::string name = trim(form.name);
  if (name.empty()) {
    r.error = "Type your name: colleagues see it on the observations you share.";
    return r;
  }
  if (name.size() > 120) {
    r.error = "That name is longer than 120 characters; use a shorter one.";
    return r;
  }
  try {
    char size[16];
    std::snprintf(size, sizeof size, "%.2f", static_cast<double>(std::clamp(form.text_size, 0.85f, 1.4f)));
    store.transaction([&] {
      // The person record is authored by the person it describes, as the hub requires.
      r.me = core::Id::random();
      store.create_with_id(r.me, core::Person{name, ""}, r.me);
      store.meta().set_local_person(r.me);
      store.meta().set(core::MetaKey::RoleHint, core::role_name(form.role));
      store.meta().set(core::MetaKey::TextSize, size);
    });
    if (form.demo) core::seed_demo_data(store, r.me);
    r.ok = true;
  } catch (const std::exception& e) {
    r.error = std::string("Could not save your profile: ") + e.what();
  }
  return r;
}

void FirstRunScreen::enter(const Route&, AppContext& ctx) {
  if (auto s = ctx.store->meta().get(core::MetaKey::TextSize)) form_.text_size = std::strtof(s->c_str(), nullptr);
}

void FirstRunScreen::draw(AppContext& ctx) {
  ui::begin_scroll_area("##first_run");
  float width = std::min(ImGui::GetContentRegionAvail().x, ui::em(38.0f));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f));
  ui::begin_column(width);
  ImGui::Dummy(ImVec2(width, ui::em(1.0f)));
  ui::heading("Welcome to peerobs");
  ui::muted_wrapped(
      "Peer observation that describes what happened in a lesson and never rates it. "
      "Everything you capture stays on this device until you connect to your school's hub.");
  ImGui::Dummy(ImVec2(0, ui::em(0.5f)));

  ui::label("Your name");
  ui::text_field("##name", "e.g. Sam Okafor", &form_.name, 0, width);
  ImGui::Dummy(ImVec2(0, ui::em(0.3f)));

  ui::label("What do you usually do?");
  struct RoleChoice {
    const char* label;
    core::Role role;
  };
  const RoleChoice roles[] = {{"I observe colleagues", core::Role::TeacherLeader},
                              {"I am observed", core::Role::ObservedTeacher},
                              {"I coach observers", core::Role::Coach}};
  bool first = true;
  for (const auto& r : roles) {
    if (!first) ui::flow_next(ui::chip_width(r.label));
    first = false;
    if (ui::chip(r.label, form_.role == r.role)) form_.role = r.role;
  }
  ImGui::Dummy(ImVec2(0, ui::em(0.3f)));

  ui::label("Text size");
  first = true;
  for (const auto& t : kTextSizes) {
    if (!first) ui::flow_next(ui::chip_width(t.label));
    first = false;
    if (ui::chip(t.label, std::abs(form_.text_size - t.value) < 0.01f)) {
      form_.text_size = t.value;
      char size[16];
      std::snprintf(size, sizeof size, "%.2f", static_cast<double>(t.value));
      ctx.store->meta().set(core::MetaKey::TextSize, size);  // applied at once so the person sees the size they pick
      ctx.theme_changed = true;
    }
  }
  ImGui::Dummy(ImVec2(0, ui::em(0.3f)));

  ui::label("Start with an example?");
  if (ui::chip("Add a demo cycle to explore", form_.demo)) form_.demo = true;
  ui::flow_next(ui::chip_width("Start empty"));
  if (ui::chip("Start empty", !form_.demo)) form_.demo = false;
  ui::caption(
      "The demo is a questioning cycle with three colleagues: one visit observed and debriefed, "
      "and a follow-up visit that you will observe.");
  ImGui::Dummy(ImVec2(0, ui::em(0.8f)));

  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().danger);
    ui::body_wrapped(error_.c_str());
    ImGui::PopStyleColor();
  }
  if (ui::button("Start", ui::Tone::Primary, width)) {
    FirstRunResult r = complete_first_run(*ctx.store, form_);
    if (r.ok) {
      ctx.me = r.me;
      ctx.go_home = true;
      ctx.toast = form_.demo ? "Welcome! The demo cycle is ready." : "Welcome!";
      error_.clear();
    } else {
      error_ = r.error;
    }
  }
  ui::end_column();
  ui::end_scroll_area();
}

}  // namespace app
