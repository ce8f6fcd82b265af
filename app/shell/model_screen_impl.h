// ModelScreen's member functions (model_screen.h): included only by a screen's .cpp, after its
// Shape, which then instantiates ModelScreen<Shape, Model, Ui> once.
#pragma once
#include "app/shell/model_screen.h"

namespace app {

template <class Shape, class Model, class Ui>
ScreenId ModelScreen<Shape, Model, Ui>::id() const {
  return Shape::kId;
}

template <class Shape, class Model, class Ui>
std::string ModelScreen<Shape, Model, Ui>::title() const {
  return Shape::title(model_.get());
}

template <class Shape, class Model, class Ui>
void ModelScreen<Shape, Model, Ui>::enter(const Route& route, AppContext& ctx) {
  if (model_) Shape::commit_drafts(*model_, ctx);  // nothing typed is lost when the view is rebuilt
  Shape::enter(model_, ui_, route, ctx);
}

template <class Shape, class Model, class Ui>
void ModelScreen<Shape, Model, Ui>::tick(AppContext& ctx) {
  if (model_) Shape::tick(*model_, ctx);
}

template <class Shape, class Model, class Ui>
void ModelScreen<Shape, Model, Ui>::draw(AppContext& ctx) {
  if (!model_) return;
  Emitted<typename Shape::Action> out;
  Shape::draw(static_cast<const Model&>(*model_), ui_, static_cast<const AppContext&>(ctx), out);
  for (const auto& action : out.actions) Shape::apply(*model_, ui_, action, ctx);
  if (out.open) ctx.open(*out.open);
  if (out.sync_now) ctx.sync_now = true;
}

template <class Shape, class Model, class Ui>
void ModelScreen<Shape, Model, Ui>::commit_drafts(AppContext& ctx) {
  if (model_) Shape::commit_drafts(*model_, ctx);
}

template <class Shape, class Model, class Ui>
int ModelScreen<Shape, Model, Ui>::wake_after_ms(const AppContext& ctx) const {
  return model_ ? Shape::wake_after_ms(*model_, ctx) : -1;
}

}  // namespace app
