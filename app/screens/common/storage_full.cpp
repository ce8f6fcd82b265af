// The full-storage sentence. See storage_full.h.
#include "app/screens/common/storage_full.h"

namespace app {

std::string storage_full_sentence(std::string_view unsaved) {
  return "The device's storage is full: " + std::string(unsaved) +
         " was not saved. Free some space on the device (photos, videos or apps you no longer need), then try again; "
         "everything saved before is safe.";
}

}  // namespace app
