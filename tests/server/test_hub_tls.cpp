// Hub tests over HTTPS: the test makes its own certificate authority and certificates with the
// openssl command line, serves the hub with one (`serve --cert --key`), and a device that trusts
// that authority (SyncOptions::ca_file, or PEEROBS_CA_FILE) enrolls and syncs. A device refuses a
// hub whose certificate it does not trust, or whose certificate names another host, with a
// sentence saying which, and is not enrolled.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// pushed versions and read after one sync of the writer.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "sync_fixture.h"

using namespace testing_support;
using core::net::SyncError;

namespace {
// Runs openssl; a failure stops the test with its output.
void openssl(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/usr/bin/openssl"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_command(argv);
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
}

// Certificate authorities and hub certificates in a temp directory (P-256 keys: made in ms).
struct Certificates {
  std::string dir = temp_dir("peerobs-tls");
  ~Certificates() { std::filesystem::remove_all(dir); }
  std::string path(const std::string& name) const { return dir + "/" + name; }

  // NAME.crt and NAME.key: a self-signed authority.
  void authority(const std::string& name) {
    openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
             path(name + ".key"), "-out", path(name + ".crt"), "-days", "2", "-subj", "/CN=" + name});
  }
  // NAME.crt and NAME.key, signed by the authority `ca`, made out for `alt_names` ("IP:127.0.0.1").
  void hub(const std::string& name, const std::string& ca, const std::string& alt_names) {
    openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
             path(name + ".key"), "-out", path(name + ".csr"), "-subj", "/CN=peerobs hub"});
    std::ofstream(path(name + ".ext")) << "subjectAltName=" << alt_names << "\n";
    openssl({"x509", "-req", "-in", path(name + ".csr"), "-CA", path(ca + ".crt"), "-CAkey", path(ca + ".key"),
             "-CAcreateserial", "-out", path(name + ".crt"), "-days", "2", "-extfile", path(name + ".ext")});
  }
};

// A hub serving HTTPS with the certificate `name` of `certs`, with Lena and Chidi on its roster.
struct HttpsHub {
  HubProcess hub{temp_dir("peerobs-hub")};
  std::string lena_id, chidi_id;
  HttpsHub(const Certificates& certs, const std::string& name) {
    hub.serve_options = {"--cert", certs.path(name + ".crt"), "--key", certs.path(name + ".key")};
    hub.start();
    lena_id = hub.add_person("Lena");
    chidi_id = hub.add_person("Chidi");
  }
  ~HttpsHub() {
    hub.kill_hard();
    std::filesystem::remove_all(hub.data_dir());
  }
};

// PEEROBS_CA_FILE set for one test, unset at its end whatever happens.
struct TrustedAuthorityVariable {
  explicit TrustedAuthorityVariable(const std::string& file) { setenv("PEEROBS_CA_FILE", file.c_str(), 1); }
  ~TrustedAuthorityVariable() { unsetenv("PEEROBS_CA_FILE"); }
};

// The sentence a device gives when it refuses to enroll with `hub`; the device stays unenrolled.
std::string refusal(Device& device, const HttpsHub& https) {
  try {
    device.enroll(https.hub.url(), https.hub.issue_code(https.lena_id));
  } catch (const SyncError& e) {
    CHECK_FALSE(core::net::SyncClient(*device.store).enrolled());
    return e.what();
  }
  FAIL("the device enrolled with a hub it should not trust");
  return "";
}
}  // namespace

TEST_CASE("hub over HTTPS: a device that trusts the school's own authority enrolls and syncs", "[server][sync]") {
  Certificates certs;
  certs.authority("school-ca");
  certs.hub("hub", "school-ca", "IP:127.0.0.1,DNS:localhost");
  HttpsHub https(certs, "hub");
  REQUIRE(https.hub.url().rfind("https://", 0) == 0);
  ClearDevice lena, chidi;
  lena.options.ca_file = certs.path("school-ca.crt");
  SECTION("named in the sync options") { chidi.options.ca_file = certs.path("school-ca.crt"); }
  std::optional<TrustedAuthorityVariable> variable;
  SECTION("named in PEEROBS_CA_FILE") { variable.emplace(certs.path("school-ca.crt")); }
  lena.enroll(https.hub.url(), https.hub.issue_code(https.lena_id));
  chidi.enroll(https.hub.url(), https.hub.issue_code(https.chidi_id));
  core::Observation o;
  o.participants = {{*core::Id::from_hex(https.lena_id), core::Role::TeacherLeader},
                    {*core::Id::from_hex(https.chidi_id), core::Role::Coach}};
  core::Id obs = lena.store->create(o, lena.me()).record;
  lena.note(obs, "noticed over an encrypted connection");
  CHECK(lena.sync().pushed == 2);
  chidi.sync();
  CHECK(chidi.notes(obs) == 1);
}

TEST_CASE("hub over HTTPS: a device refuses a hub whose certificate it does not trust or that names another host",
          "[server][sync]") {
  Certificates certs;
  certs.authority("school-ca");
  certs.authority("stranger-ca");
  certs.hub("hub", "school-ca", "IP:127.0.0.1,DNS:localhost");
  certs.hub("elsewhere", "school-ca", "DNS:hub.school.example");
  ClearDevice device;

  SECTION("signed by an authority the device does not know") {
    HttpsHub https(certs, "hub");
    SECTION("the system's authorities") {}
    SECTION("another authority's file") { device.options.ca_file = certs.path("stranger-ca.crt"); }
    const std::string why = refusal(device, https);
    // The hub is there; "not reachable" would send the teacher to check the Wi-Fi.
    CHECK(why.rfind("This device did not connect to the hub at " + https.hub.url() + ": ", 0) == 0);
    CHECK(why.find("the hub's certificate is not signed by an authority this device trusts") != std::string::npos);
    CHECK(why.find("PEEROBS_CA_FILE") != std::string::npos);
  }
  SECTION("made out for another host") {
    HttpsHub https(certs, "elsewhere");
    device.options.ca_file = certs.path("school-ca.crt");
    CHECK(refusal(device, https).find("the hub's certificate is made out for another host name") != std::string::npos);
  }
  SECTION("an authority file that is not there") {
    HttpsHub https(certs, "hub");
    device.options.ca_file = certs.path("no-such-ca.crt");
    CHECK(refusal(device, https)
              .find("the certificate authority file " + certs.path("no-such-ca.crt") + " cannot be read") !=
          std::string::npos);
  }
}
