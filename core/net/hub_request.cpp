// One request to the hub: HTTP(S) set-up, timeouts, and every failure in plain words. See
// hub_request.h.
#include "core/net/hub_request.h"

#include <httplib.h>

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
  httplib::Client client(hub_url);
  if (!client.is_valid())
    throw SyncError(SyncError::Kind::Local, 0, "The hub address \"" + hub_url + "\" is not a valid http(s) URL.");
  client.set_connection_timeout(options.connect_timeout_s, 0);
  client.set_read_timeout(options.read_timeout_s, 0);
  client.set_write_timeout(options.read_timeout_s, 0);
  client.enable_server_certificate_verification(true);
  if (!options.ca_file.empty()) client.set_ca_cert_path(options.ca_file.c_str());
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  auto res = client.Post(path.c_str(), headers, body, "application/x-peerobs");
  if (!res) {
    SyncError error(SyncError::Kind::Unreachable, 0,
                    "The hub is not reachable. (" + httplib::to_string(res.error()) + " at " + hub_url + ")");
    // Read and Write (timeouts included) come after the connection was made; Connection,
    // ConnectionTimeout and the TLS set-up errors mean the hub was never reached, which a
    // smaller request would not change.
    error.cut = res.error() == httplib::Error::Read || res.error() == httplib::Error::Write;
    throw error;
  }
  if (result) {
    result->bytes_sent += static_cast<std::int64_t>(body.size());
    result->bytes_received += static_cast<std::int64_t>(res->body.size());
  }
  if (res->status == 200) return res->body;
  using K = SyncError::Kind;
  if ((res->status == 403 || res->status == 409) &&
      res->get_header_value("Content-Type").rfind("application/x-peerobs", 0) == 0) {
    sync::RefusalResponse refusal;
    try {
      refusal = sync::unpack<sync::RefusalResponse>(res->body);
    } catch (const sync::WireError& e) {
      throw SyncError(K::HubFailure, res->status, std::string("The hub refused a push, and its answer could not be "
                                                              "read: ") + e.what());
    }
    SyncError error(res->status == 403 ? K::Refused : K::Conflict, res->status,
                    "The hub refused what this device sent: " + first_line(refusal.message));
    error.refused = std::move(refusal.refused);
    throw error;
  }
  std::string msg = first_line(res->body);
  if (msg.empty()) msg = "The hub answered HTTP " + std::to_string(res->status) + ".";
  // A proxy in front of the hub (a school's nginx, say) may refuse a large body (413) or give up
  // on a slow answer (502, 504) before the hub is done: a smaller request may pass, so these
  // count as cut. Their bodies are the proxy's HTML, not the hub's words.
  if (res->status == 413 || res->status == 502 || res->status == 504) {
    bool ours = res->get_header_value("Content-Type").rfind("text/plain", 0) == 0;
    SyncError error(res->status == 413 ? K::Rejected : K::HubFailure, res->status,
                    res->status == 413
                        ? "The request was too large for the hub or a proxy in front of it (HTTP 413)" +
                              (ours ? ": " + msg : std::string("."))
                        : "A proxy in front of the hub could not get its answer (HTTP " +
                              std::to_string(res->status) + "). The hub may be slow or down.");
    error.cut = true;
    throw error;
  }
  switch (res->status) {
    case 401: throw SyncError(K::Unauthorized, 401, msg);
    case 403: throw SyncError(K::Refused, 403, "The hub refused what this device sent: " + msg);
    case 409: throw SyncError(K::Conflict, 409, "The hub refused what this device sent: " + msg);
    case 426: throw SyncError(K::Protocol, 426, "This app and the hub do not speak the same sync protocol: " + msg);
    case 400: throw SyncError(K::Rejected, res->status, "The hub could not accept a request: " + msg);
    default: throw SyncError(K::HubFailure, res->status, "The hub had a problem (HTTP " +
                                                             std::to_string(res->status) + "): " + msg);
  }
}

}  // namespace core::net
