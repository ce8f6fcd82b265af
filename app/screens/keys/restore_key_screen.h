// The "Type your recovery phrase" screen: ImGui drawing over RestoreKeyModel. One field; the
// sentence the try returns under it; once restored, the screen has asked for a sync and offers
// the way Home.
#pragma once
#include <string>

#include "app/screens/keys/restore_key_model.h"
#include "app/shell/model_screen.h"

namespace app {

struct RestoreKeyUi {
  std::string typed;  // the phrase field's buffer
};

void draw_restore_key(const RestoreKeyModel& model, RestoreKeyUi& ui, const AppContext& ctx,
                      Emitted<RestoreKeyAction>& out);

using RestoreKeyScreen = ModelScreen<struct RestoreKeyShape, RestoreKeyModel, RestoreKeyUi>;
extern template class ModelScreen<RestoreKeyShape, RestoreKeyModel, RestoreKeyUi>;

}  // namespace app
