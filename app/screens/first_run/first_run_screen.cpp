// First run: the form's action and its drawing. See first_run.h.
#include "app/screens/first_run/first_run_screen.h"
#include "app/screens/common/model_text.h"
#include "app/screens/settings/settings_model.h"  // kTextSizeOptions
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/demo_data.h"

namespace app {

namespace {

// The store's meta value for a text size: "1.15", kept within what the layouts were checked at.
std::string text_size_meta(float size) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", static_cast<double>(std::clamp(size, 0.85f, 1.4f)));
  return text;
}

// Stores the size at once; "" when done, else why not in plain words.
std::string set_text_size(core::Store& store, float size) {
  try {
    store.meta().set(core::MetaKey::TextSize, text_size_meta(size));
    return "";
  } catch (const std::exception& e) {
    return std::string("Could not keep the text size: ") + e.what();
  }
}
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
    const std::string size = text_size_meta(form.text_size);
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

void draw_first_run(const FirstRunModel& m, FirstRunUi& ui, const AppContext&, Emitted<FirstRunAction>& out) {
  using K = FirstRunAction::Kind;
  const FirstRunForm& form = m.form;
  const float width = ui::begin_centred_column("##first_run", 38.0f);
  ImGui::Dummy(ImVec2(width, ui::em(1.0f)));
  ui::heading("Welcome to peerobs");
  ui::muted_wrapped(
      "Peer observation that describes what happened in a lesson and never rates it. "
      "Everything you capture stays on this device until you connect to your school's hub.");
  ImGui::Dummy(ImVec2(0, ui::em(0.5f)));

  ui::label("Your name");
  ui::text_field("##name", "e.g. Sam Okafor", &ui.name, 0, width);
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
    if (ui::chip(r.label, form.role == r.role)) out.push_back({K::PickRole, r.role, 1.0f, true, {}});
  }
  ImGui::Dummy(ImVec2(0, ui::em(0.3f)));

  ui::label("Text size");
  first = true;
  for (const auto& t : kTextSizeOptions) {
    if (!first) ui::flow_next(ui::chip_width(t.label));
    first = false;
    if (ui::chip(t.label, std::abs(form.text_size - t.value) < 0.01f))
      out.push_back({K::PickTextSize, {}, t.value, true, {}});
  }
  ImGui::Dummy(ImVec2(0, ui::em(0.3f)));

  ui::label("Start with an example?");
  if (ui::chip("Add a demo cycle to explore", form.demo)) out.push_back({K::PickDemo, {}, 1.0f, true, {}});
  ui::flow_next(ui::chip_width("Start empty"));
  if (ui::chip("Start empty", !form.demo)) out.push_back({K::PickDemo, {}, 1.0f, false, {}});
  ui::caption(
      "The demo is a questioning cycle with three colleagues: one visit observed and debriefed, "
      "and a follow-up visit that you will observe.");
  ImGui::Dummy(ImVec2(0, ui::em(0.8f)));

  ui::error_wrapped(m.error);
  if (ui::button("Start", ui::Tone::Primary, width)) out.push_back({K::Start, {}, 1.0f, true, ui.name});
  ui::end_centred_column();
}

struct FirstRunShape : ScreenShape<ScreenId::FirstRun, draw_first_run> {
  static std::string title(const Model*) { return "Welcome"; }
  static void enter(std::unique_ptr<Model>& m, Ui&, const Route&, AppContext& ctx) {
    if (!m) m = std::make_unique<FirstRunModel>();  // coming back keeps the choices made
    if (auto s = ctx.store->meta().get(core::MetaKey::TextSize)) m->form.text_size = std::strtof(s->c_str(), nullptr);
  }

  // Start completes the first run (complete_first_run); a text size is stored at once, so the
  // person sees the size they pick.
  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx) {
    switch (a.kind) {
      case FirstRunAction::Kind::PickRole:
        m.form.role = a.role;
        break;
      case FirstRunAction::Kind::PickTextSize:
        m.error = set_text_size(*ctx.store, a.text_size);
        if (m.error.empty()) {
          m.form.text_size = a.text_size;
          ctx.theme_changed = true;
        }
        break;
      case FirstRunAction::Kind::PickDemo:
        m.form.demo = a.demo;
        break;
      case FirstRunAction::Kind::Start: {
        m.form.name = a.name;
        FirstRunResult r = complete_first_run(*ctx.store, m.form);
        m.error = r.error;
        if (!r.ok) return;
        ctx.me = r.me;
        ctx.go_home = true;
        ctx.toast = m.form.demo ? "Welcome! The demo cycle is ready." : "Welcome!";
        ui = FirstRunUi{};
        break;
      }
    }
  }
};
template class ModelScreen<FirstRunShape, FirstRunModel, FirstRunUi>;

}  // namespace app
