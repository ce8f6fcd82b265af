// The one shape of a screen: a model (plain C++, every write an action it applies), a Ui struct
// (widget state only) and a draw function that reads the model, changes only its Ui and emits
// actions and navigation requests. ModelScreen<Shape, Model, Ui> is the Screen the App registers;
// a screen names only what is its own in a Shape struct (in its .cpp), derived from
// ScreenShape<its id, its draw function> (the model, Ui and action types are the draw's) or
// AutosavedShape<id, draw, what says a draft waits>, which say what it does between frames:
//   static std::string title(const Model*);                     // null before the first enter()
//   static void enter(std::unique_ptr<Model>&, Ui&, const Route&, AppContext&);  // build the view once
//   static void apply(Model&, Ui&, const Action&, AppContext&); // after the frame: store, toasts
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

// The types a draw function works on: void draw_x(const Model&, Ui&, const AppContext&, Emitted<Action>&).
template <class Draw>
struct DrawnTypes;
template <class M, class U, class A>
struct DrawnTypes<void (*)(const M&, U&, const AppContext&, Emitted<A>&)> {
  using Model = M;
  using Ui = U;
  using Action = A;
};

// A screen whose model keeps nothing typed between frames.
template <ScreenId Id, auto Draw>
struct ScreenShape {
  using Model = typename DrawnTypes<decltype(Draw)>::Model;
  using Ui = typename DrawnTypes<decltype(Draw)>::Ui;
  using Action = typename DrawnTypes<decltype(Draw)>::Action;
  static constexpr ScreenId kId = Id;
  static constexpr auto draw = Draw;
  static void tick(Model&, AppContext&) {}
  static void commit_drafts(Model&, AppContext&) {}
  static int wake_after_ms(const Model&, const AppContext&) { return -1; }

  // For enter(): a fresh model over the store, me and the clock, loaded with the route's visit.
  static Model& load_visit(std::unique_ptr<Model>& m, const Route& route, AppContext& ctx) {
    m = std::make_unique<Model>(*ctx.store, ctx.me, ctx.now_ms);
    m->load(route.observation);
    return *m;
  }
};

// A screen whose model autosaves typed drafts: once a frame when typing paused, at once on
// leaving and on lifecycle events, and a frame 300 ms after typing so a pause is noticed.
// `Dirty` is the model's `bool dirty() const` that says a typed change waits to be written.
template <ScreenId Id, auto Draw, auto Dirty>
struct AutosavedShape : ScreenShape<Id, Draw> {
  using Model = typename ScreenShape<Id, Draw>::Model;
  static void tick(Model& m, AppContext&) { m.autosave(false); }
  static void commit_drafts(Model& m, AppContext&) { m.autosave(true); }
  static int wake_after_ms(const Model& m, const AppContext&) { return (m.*Dirty)() ? 300 : -1; }
};

// "Debrief · 8B science" once the model has loaded, else the screen's name alone.
template <class M>
std::string title_with(const char* screen, const M* m) {
  return m && m->loaded() ? std::string(screen) + " \xC2\xB7 " + m->title() : std::string(screen);
}

// The Screen of a Shape (declared in the screen's .cpp, with the model, Ui and action types its
// header names). The member functions are in model_screen_impl.h, which only the screen's .cpp
// includes, followed by `template class ModelScreen<Shape, Model, Ui>;`; the header declares
// `extern template class ModelScreen<Shape, Model, Ui>;` so nothing else instantiates them.
template <class Shape, class Model, class Ui>
class ModelScreen final : public Screen {
 public:
  ScreenId id() const override;
  std::string title() const override;
  void enter(const Route& route, AppContext& ctx) override;
  void tick(AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  void commit_drafts(AppContext& ctx) override;
  int wake_after_ms(const AppContext& ctx) const override;

  // For tests and benchmarks: valid after enter().
  Model& model() { return *model_; }
  Ui& ui_state() { return ui_; }

 private:
  std::unique_ptr<Model> model_;
  Ui ui_;
};

}  // namespace app
