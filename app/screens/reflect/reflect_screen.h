// The Reflect screen (for the observed teacher): ImGui drawing over ReflectModel. Each observer's
// data and timeline are drawn by lesson_data_view.h, which Debrief shares.
#pragma once
#include <map>
#include <set>
#include <string>

#include "app/screens/reflect/reflect_model.h"
#include "app/shell/model_screen.h"
#include "app/ui/language_hint.h"

namespace app {

// Transient widget state only.
struct ReflectUi {
  std::map<core::Id, std::string> answers;     // per prompt, the text field's buffer
  std::set<core::Id> editing;                  // prompts whose saved answer is being changed
  std::map<core::Id, ui::LanguageHint> hints;  // per prompt or own reflection; the empty id: the new one
  std::string own_new;                         // the "reflection of your own" composer's buffer
  std::map<core::Id, std::string> own_text;    // own reflections being changed: their buffers
  core::Id confirm_remove;                     // the own reflection whose Remove asks "for good?"
  std::set<core::Id> with_taps;                // observers whose timeline lists every tap and mark
};

void draw_reflect(const ReflectModel& model, ReflectUi& ui, const AppContext& ctx, Emitted<ReflectAction>& out);

using ReflectScreen = ModelScreen<struct ReflectShape, ReflectModel, ReflectUi>;
extern template class ModelScreen<ReflectShape, ReflectModel, ReflectUi>;

}  // namespace app
