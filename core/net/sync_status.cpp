// The words for sync figures that core reports. See sync_status.h.
#include "core/net/sync_status.h"

namespace core::net {

std::string held_back_message(std::int64_t held_back, const std::string& reason) {
  if (held_back <= 0) return "";
  std::string out =
      held_back == 1 ? "1 item could not be sent" : std::to_string(held_back) + " items could not be sent";
  if (!reason.empty())
    out += ": " + reason;
  else
    out += ".";
  if (out.back() != '.') out += '.';
  return out + " They stay on this device.";
}

}  // namespace core::net
