// One request to the hub through the platform's transport (http_transport.h), and every failure
// in plain words. See hub_request.h.
#include "core/net/hub_request.h"

#include "core/net/http_transport.h"

namespace core::net {

namespace sync = core::sync;

namespace {
std::string first_line(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  return line.substr(0, 400);
}
}  // namespace

std::string post_to_hub(const std::string& hub_url, const std::string& token, const std::string& path,
                        const std::string& body, const SyncOptions& options, SyncResult* result) {
  HttpRequest request;
  request.hub_url = hub_url;
  request.path = path;
  request.token = token;
  request.body = body;
  request.connect_timeout_s = options.connect_timeout_s;
  request.read_timeout_s = options.read_timeout_s;
  request.ca_file = options.ca_file;
  HttpAnswer answer = http_post(request);
  if (answer.bad_url)
    throw SyncError(SyncError::Kind::Local, 0, "The hub address \"" + hub_url + "\" is not a valid http(s) URL.");
  if (answer.untrusted)
    throw SyncError(SyncError::Kind::Unreachable, 0,
                    "This device did not connect to the hub at " + hub_url + ": " + answer.error + ".");
  if (!answer.reached) {
    SyncError error(SyncError::Kind::Unreachable, 0,
                    "The hub is not reachable. (" + answer.error + " at " + hub_url + ")");
    error.cut = answer.cut;
    throw error;
  }
  if (result) {
    result->bytes_sent += static_cast<std::int64_t>(body.size());
    result->bytes_received += static_cast<std::int64_t>(answer.body.size());
  }
  if (answer.status == 200) return std::move(answer.body);
  using K = SyncError::Kind;
  if ((answer.status == 403 || answer.status == 409) && answer.content_type.rfind("application/x-peerobs", 0) == 0) {
    sync::RefusalResponse refusal;
    try {
      refusal = sync::unpack<sync::RefusalResponse>(answer.body);
    } catch (const sync::WireError& e) {
      throw SyncError(K::HubFailure, answer.status,
                      std::string("The hub refused a push, and its answer could not be "
                                  "read: ") +
                          e.what());
    }
    SyncError error(answer.status == 403 ? K::Refused : K::Conflict, answer.status,
                    "The hub refused what this device sent: " + first_line(refusal.message));
    error.refused = std::move(refusal.refused);
    throw error;
  }
  std::string msg = first_line(answer.body);
  if (msg.empty()) msg = "The hub answered HTTP " + std::to_string(answer.status) + ".";
  // A proxy in front of the hub (a school's nginx, say) may refuse a large body (413) or give up
  // on a slow answer (502, 504) before the hub is done: a smaller request may pass, so these
  // count as cut. Their bodies are the proxy's HTML, not the hub's words.
  if (answer.status == 413 || answer.status == 502 || answer.status == 504) {
    bool ours = answer.content_type.rfind("text/plain", 0) == 0;
    SyncError error(answer.status == 413 ? K::Rejected : K::HubFailure, answer.status,
                    answer.status == 413
                        ? "The request was too large for the hub or a proxy in front of it (HTTP 413)" +
                              (ours ? ": " + msg : std::string("."))
                        : "A proxy in front of the hub could not get its answer (HTTP " +
                              std::to_string(answer.status) + "). The hub may be slow or down.");
    error.cut = true;
    throw error;
  }
  switch (answer.status) {
    case 401:
      throw SyncError(K::Unauthorized, 401, msg);
    case 403:
      throw SyncError(K::Refused, 403, "The hub refused what this device sent: " + msg);
    case 409:
      throw SyncError(K::Conflict, 409, "The hub refused what this device sent: " + msg);
    case 429:  // too many wrong codes or tokens from this network: the hub's sentence says how long to wait
      throw SyncError(K::Unauthorized, 429, msg);
    case 426:
      throw SyncError(K::Protocol, 426, "This app and the hub do not speak the same sync protocol: " + msg);
    case 400:
      throw SyncError(K::Rejected, answer.status, "The hub could not accept a request: " + msg);
    case 507:  // the hub's disk is full: its sentence says so; nothing here is lost
      throw SyncError(K::HubFailure, 507,
                      msg + " This device keeps what it has not sent and sends it once the hub has space.");
    default:
      throw SyncError(K::HubFailure, answer.status,
                      "The hub had a problem (HTTP " + std::to_string(answer.status) + "): " + msg);
  }
}

}  // namespace core::net
