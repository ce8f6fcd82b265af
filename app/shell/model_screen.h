// The one shape of a screen: a model (plain C++, every write an action it applies), a Ui struct
// (widget state only) and a draw function that reads the model, changes only its Ui and emits
// actions and navigation requests. ModelScreen<Shape> is the Screen the App registers; a screen
// names only what is its own in a Shape struct:
//   using Model, Ui, Action;   static constexpr ScreenId kId;   static constexpr auto draw = draw_x;
//   static std::string title(const Model*);                     // null before the first enter()
//   static void enter(std::unique_ptr<Model>&, Ui&, const Route&, AppContext&);  // build the view once
//   static void apply(Model&, Ui&, const Action&, AppContext&); // after the frame: store, toasts
// and, from ScreenShape or AutosavedShape, what it does between frames (autosave, wake-ups).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/shell/screen.h"

namespace app {

// What one frame's drawing of a screen emits: actions for its model (applied in order after the
// frame is drawn) and requests to the shell. push_back keeps a draw reading like a list of taps.
template <class Action>
struct Emitted {
  std::vector<Action> actions;
  std::optional<Route> open;  // go to this screen after the frame
  bool sync_now = false;      // sync with the hub as soon as possible

  void push_back(Action action) { actions.push_back(std::move(action)); }
};

// A screen whose model keeps nothing typed between frames.
template <class M, class U, class A>
struct ScreenShape {
  using Model = M;
  using Ui = U;
  using Action = A;
  static void tick(Model&, AppContext&) {}
  static void commit_drafts(Model&, AppContext&) {}
  static int wake_after_ms(const Model&, const AppContext&) { return -1; }
};

// A screen whose model autosaves typed drafts: once a frame when typing paused, at once on
// leaving and on lifecycle events, and a frame 300 ms after typing so a pause is noticed.
template <class M, class U, class A, bool (M::*Dirty)() const>
struct AutosavedShape : ScreenShape<M, U, A> {
  static void tick(M& m, AppContext&) { m.autosave(false); }
  static void commit_drafts(M& m, AppContext&) { m.autosave(true); }
  static int wake_after_ms(const M& m, const AppContext&) { return (m.*Dirty)() ? 300 : -1; }
};

// "Debrief · 8B science" once the model has loaded, else the screen's name alone.
template <class M>
std::string title_with(const char* screen, const M* m) {
  return m && m->loaded() ? std::string(screen) + " \xC2\xB7 " + m->title() : std::string(screen);
}

template <class Shape>
class ModelScreen final : public Screen {
 public:
  using Model = typename Shape::Model;
  using Ui = typename Shape::Ui;
  using Action = typename Shape::Action;

  ScreenId id() const override { return Shape::kId; }
  std::string title() const override { return Shape::title(model_.get()); }
  void enter(const Route& route, AppContext& ctx) override {
    if (model_) Shape::commit_drafts(*model_, ctx);  // nothing typed is lost when the view is rebuilt
    Shape::enter(model_, ui_, route, ctx);
  }
  void tick(AppContext& ctx) override {
    if (model_) Shape::tick(*model_, ctx);
  }
  void draw(AppContext& ctx) override {
    if (!model_) return;
    Emitted<Action> out;
    Shape::draw(static_cast<const Model&>(*model_), ui_, static_cast<const AppContext&>(ctx), out);
    for (const Action& a : out.actions) Shape::apply(*model_, ui_, a, ctx);
    if (out.open) ctx.open(*out.open);
    if (out.sync_now) ctx.sync_now = true;
  }
  void commit_drafts(AppContext& ctx) override {
    if (model_) Shape::commit_drafts(*model_, ctx);
  }
  int wake_after_ms(const AppContext& ctx) const override { return model_ ? Shape::wake_after_ms(*model_, ctx) : -1; }

  // For tests and benchmarks: valid after enter().
  Model& model() { return *model_; }
  Ui& ui_state() { return ui_; }

 private:
  std::unique_ptr<Model> model_;
  Ui ui_;
};

}  // namespace app
