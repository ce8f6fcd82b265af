// The desktop transport: cpp-httplib over HTTP or HTTPS (OpenSSL), certificates verified.
#include <httplib.h>

#include "core/net/http_transport.h"

namespace core::net {

HttpAnswer http_post(const HttpRequest& request) {
  HttpAnswer answer;
  httplib::Client client(request.hub_url);
  if (!client.is_valid()) {
    answer.bad_url = true;
    return answer;
  }
  client.set_connection_timeout(request.connect_timeout_s, 0);
  client.set_read_timeout(request.read_timeout_s, 0);
  client.set_write_timeout(request.read_timeout_s, 0);
  client.enable_server_certificate_verification(true);
  if (!request.ca_file.empty()) client.set_ca_cert_path(request.ca_file.c_str());
  httplib::Headers headers;
  if (!request.token.empty()) headers.emplace("Authorization", "Bearer " + request.token);
  auto res = client.Post(request.path.c_str(), headers, request.body, "application/x-peerobs");
  if (!res) {
    answer.error = httplib::to_string(res.error());
    // Read and Write (timeouts included) come after the connection was made; Connection,
    // ConnectionTimeout and the TLS set-up errors mean the hub was never reached, which a
    // smaller request would not change.
    answer.cut = res.error() == httplib::Error::Read || res.error() == httplib::Error::Write;
    return answer;
  }
  answer.reached = true;
  answer.status = res->status;
  answer.body = std::move(res->body);
  answer.content_type = res->get_header_value("Content-Type");
  return answer;
}

}  // namespace core::net
