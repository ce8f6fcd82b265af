// The desktop transport: cpp-httplib over HTTP or HTTPS (OpenSSL), certificates verified: the
// hub's certificate must chain to a trusted authority and be made out for the host name (or IP
// address) in the hub's URL. Trusted: the system's authorities, or only those in one PEM file,
// SyncOptions::ca_file or else the PEEROBS_CA_FILE environment variable (a school's own CA).
#include <httplib.h>
#include <openssl/x509.h>

#include <cstdlib>
#include <fstream>

#include "core/net/http_transport.h"

namespace core::net {

namespace {
// The PEM file of authorities to trust instead of the system's ("" = the system's).
std::string trusted_authorities(const HttpRequest& request) {
  if (!request.ca_file.empty()) return request.ca_file;
  const char* env = std::getenv("PEEROBS_CA_FILE");
  return env ? env : "";
}

// Why a TLS set-up failed, in words that say what to fix.
std::string certificate_problem(long verify_result, const std::string& ca_file) {
  const std::string trusting =
      ca_file.empty() ? "the system's certificate authorities" : "the certificate authorities in " + ca_file;
  if (verify_result != X509_V_OK)
    return std::string("the hub's certificate is not signed by an authority this device trusts (") +
           X509_verify_cert_error_string(verify_result) + "; this device trusts " + trusting +
           "; a hub with its own authority needs its certificate file named in PEEROBS_CA_FILE)";
  return "the hub's certificate is made out for another host name than the one in the hub's address; use the "
         "address the certificate names";
}
}  // namespace

HttpAnswer http_post(const HttpRequest& request) {
  HttpAnswer answer;
  httplib::Client client(request.hub_url);
  if (!client.is_valid()) {
    answer.bad_url = true;
    return answer;
  }
  const std::string ca_file = trusted_authorities(request);
  if (!ca_file.empty() && !std::ifstream(ca_file)) {
    answer.error = "the certificate authority file " + ca_file + " cannot be read";
    return answer;
  }
  client.set_connection_timeout(request.connect_timeout_s, 0);
  client.set_read_timeout(request.read_timeout_s, 0);
  client.set_write_timeout(request.read_timeout_s, 0);
  client.enable_server_certificate_verification(true);
  if (!ca_file.empty()) client.set_ca_cert_path(ca_file.c_str());
  httplib::Headers headers;
  if (!request.token.empty()) headers.emplace("Authorization", "Bearer " + request.token);
  auto res = client.Post(request.path.c_str(), headers, request.body, "application/x-peerobs");
  if (!res) {
    answer.untrusted = res.error() == httplib::Error::SSLServerVerification;
    answer.error = answer.untrusted ? certificate_problem(client.get_openssl_verify_result(), ca_file)
                                    : httplib::to_string(res.error());
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
