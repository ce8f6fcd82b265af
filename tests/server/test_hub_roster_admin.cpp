// The hub admin's roster verbs, through the real peerobs-hub and real devices: codes for
// everyone not yet enrolled, renaming a person (every device gets the new name as the record's
// one head) and deactivating one (their devices are refused, no code is issued, what they wrote
// stays with their colleagues).
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): a colleague reads
// a note after one sync of its writer.
#include <catch2/catch.hpp>

#include <ctime>
#include <sstream>

#include "core/serialization.h"
#include "core/sqlite.h"
#include "support/test_values.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
struct RosterHub {
  HubProcess hub{temp_dir("peerobs-hub")};
  RosterHub() { hub.start(); }
  ~RosterHub() {
    hub.kill_hard();
    std::filesystem::remove_all(hub.data_dir());
  }
  std::string add(const std::string& name, const std::string& email) {
    std::string out = hub.admin({"add-person", "--name", name, "--email", email});
    return out.substr(0, 32);
  }
  CommandResult verb(std::vector<std::string> args) const {
    args.insert(args.begin() + 1, {"--data", hub.data_dir()});
    args.insert(args.begin(), hub_binary());
    return run_command(args);
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, '\t');) out.push_back(field);
  return out;
}

std::string date_in_days(int days) {
  std::time_t t = std::time(nullptr) + std::time_t(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string person_name_on(const Device& d, Id person) {
  auto h = d.store->get(person);
  return h ? std::get<Person>(h->body).name : "";
}
}  // namespace

TEST_CASE("hub admin: issue-code --all-unenrolled hands out one code to each active person without a device",
          "[server][admin]") {
  RosterHub h;
  std::string ana = h.add("Ana Lopes", "ana@school.example");
  std::string bo = h.add("Bo Chen", "bo@school.example");
  std::string cy = h.add("Cy Diallo", "");
  std::string dee = h.add("Dee Okafor", "dee@school.example");
  ClearDevice ana_laptop;
  ana_laptop.enroll(h.hub.url(), h.hub.issue_code(ana));
  h.hub.admin({"deactivate", "--person", cy});

  auto r = h.verb({"issue-code", "--all-unenrolled", "--days", "10"});
  REQUIRE(r.exit_code == 0);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "name\temail\tcode\tvalid until");
  // Bo and Dee, by name; Ana has a device and Cy is deactivated.
  auto bo_row = fields_of(lines[1]), dee_row = fields_of(lines[2]);
  REQUIRE(bo_row.size() == 4);
  REQUIRE(dee_row.size() == 4);
  CHECK(bo_row[0] == "Bo Chen");
  CHECK(bo_row[1] == "bo@school.example");
  CHECK(dee_row[0] == "Dee Okafor");
  CHECK(lines[3] == "2 codes issued; each enrolls one device, once. Hand each person their own.");
  for (const auto& row : {bo_row, dee_row}) {
    CHECK(row[2].size() == 14);                                         // ABCD-EFGH-JKMN
    CHECK((row[3] == date_in_days(10) || row[3] == date_in_days(11)));  // the run may cross midnight
  }
  CHECK(r.out.find("Ana") == std::string::npos);
  CHECK(r.out.find("Cy") == std::string::npos);

  // The printed codes enroll: Bo's device is Bo's.
  ClearDevice bo_tablet;
  bo_tablet.enroll(h.hub.url(), bo_row[2]);
  CHECK(bo_tablet.me() == id(bo));

  SECTION("a second run issues only for who is still without a device") {
    auto again = h.verb({"issue-code", "--all-unenrolled"});
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("Dee Okafor") != std::string::npos);
    CHECK(again.out.find("Bo Chen") == std::string::npos);
    CHECK(again.out.find("1 code issued") != std::string::npos);
  }
  SECTION("nobody left: a plain sentence, no list") {
    ClearDevice dee_tablet;
    dee_tablet.enroll(h.hub.url(), dee_row[2]);
    auto none = h.verb({"issue-code", "--all-unenrolled"});
    CHECK(none.exit_code == 0);
    CHECK(none.out == "Nobody to issue a code for: every active person on the roster has an enrolled device.\n");
  }
}

TEST_CASE("hub admin: a rename reaches every device as the one newest version of the person", "[server][admin]") {
  TwoColleagues p(TwoColleagues::Sealed::No);
  p.enroll();
  p.lena.note(p.obs, "Students asked three questions.");
  p.lena.sync();
  p.chidi.sync();
  Id lena = id(p.lena_id);
  REQUIRE(person_name_on(p.chidi, lena) == "Lena");

  std::string school;
  SECTION("straight after add-person") {}
  SECTION("after Lena edited her own name and school on her device") {
    school = "Hill School";
    p.lena.store->update(lena, Person{"Lena K.", school}, lena);
    p.lena.sync();
    p.chidi.sync();
    REQUIRE(p.chidi.store->heads(lena).size() == 1);
    REQUIRE(p.chidi.store->versions_of(lena).size() == 2);
  }
  auto r = run_command(
      {hub_binary(), "rename", "--data", p.hub.data_dir(), "--person", p.lena_id, "--name", "Lena Kowalska"});
  REQUIRE(r.exit_code == 0);
  p.lena.sync();
  p.chidi.sync();
  for (Device* d : {&p.lena, &p.chidi}) {
    auto heads = d->store->heads(lena);
    REQUIRE(heads.size() == 1);  // no conflict: the rename's parents are every earlier head
    CHECK(std::get<Person>(heads[0].body).name == "Lena Kowalska");
  }
  CHECK(p.chidi.store->conflicted_records().empty());
  CHECK(std::get<Person>(p.chidi.store->get(lena)->body).school == school);  // what else it said is kept
  // A device enrolled afterwards, and the admin's own lists, show the new name.
  ClearDevice lena_tablet;
  lena_tablet.enroll(p.hub.url(), p.hub.issue_code(p.lena_id));
  CHECK(person_name_on(lena_tablet, lena) == "Lena Kowalska");
  CHECK(p.hub.admin({"people"}).find("Lena Kowalska") != std::string::npos);
  CHECK(p.hub.admin({"devices"}).find("Lena Kowalska") != std::string::npos);
}

TEST_CASE("hub admin: rename refuses an unknown person and an empty name, changing nothing", "[server][admin]") {
  RosterHub h;
  std::string ana = h.add("Ana Lopes", "");
  auto unknown = h.verb({"rename", "--person", "0123456789abcdef0123456789abcdef", "--name", "X"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.out.find("No person 0123456789abcdef0123456789abcdef on this hub's roster") != std::string::npos);
  auto empty = h.verb({"rename", "--person", ana, "--name", ""});
  CHECK(empty.exit_code == 1);
  CHECK(empty.out.find("A person needs a name") != std::string::npos);
  CHECK(h.hub.admin({"people"}).find("Ana Lopes") != std::string::npos);
}

TEST_CASE("hub admin: a deactivated person's devices get 401, no code is issued, what they wrote stays",
          "[server][admin]") {
  TwoColleagues p(TwoColleagues::Sealed::No);
  p.enroll();
  Id note = p.lena.note(p.obs, "Students asked three questions.").record;
  p.lena.sync();
  std::string unused_code = p.hub.issue_code(p.lena_id);  // handed out before, never used

  auto r = run_command({hub_binary(), "deactivate", "--data", p.hub.data_dir(), "--person", p.lena_id});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("deactivated Lena: 1 device revoked") != std::string::npos);

  try {
    p.lena.sync();
    FAIL("a deactivated person's device synced");
  } catch (const core::net::SyncError& e) {
    CHECK(e.http_status == 401);
    CHECK(std::string(e.what()).find("This device was revoked on ") == 0);
  }
  auto refused = run_command({hub_binary(), "issue-code", "--data", p.hub.data_dir(), "--person", p.lena_id});
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.find("Lena was deactivated on ") != std::string::npos);
  CHECK(refused.out.find("peerobs-hub reactivate --person " + p.lena_id) != std::string::npos);
  ClearDevice other;
  CHECK_THROWS_WITH(other.enroll(p.hub.url(), unused_code), Catch::Contains("no longer active on this hub"));
  CHECK(p.hub.admin({"people"}).find("DEACTIVATED") != std::string::npos);

  // Chidi still receives and keeps what Lena wrote, under her name.
  p.chidi.sync();
  CHECK(p.chidi.sees(note));
  CHECK(person_name_on(p.chidi, id(p.lena_id)) == "Lena");

  SECTION("reactivated, she enrolls again with a new code; the old devices stay revoked") {
    p.hub.admin({"reactivate", "--person", p.lena_id});
    ClearDevice lena_again;
    lena_again.enroll(p.hub.url(), p.hub.issue_code(p.lena_id));
    lena_again.sync();
    CHECK(lena_again.sees(note));
    CHECK_THROWS_AS(p.lena.sync(), core::net::SyncError);
  }
  SECTION("deactivating twice says so") {
    auto twice = run_command({hub_binary(), "deactivate", "--data", p.hub.data_dir(), "--person", p.lena_id});
    CHECK(twice.exit_code == 1);
    CHECK(twice.out.find("Lena was already deactivated on ") != std::string::npos);
  }
}

TEST_CASE("hub admin: a hub database from before deactivation existed gains it and keeps its people",
          "[server][admin]") {
  RosterHub h;
  std::string ana = h.add("Ana Lopes", "ana@school.example");
  h.hub.stop();
  {
    // What hub_people was before: no deactivated_at column, no index of devices by person.
    core::Db db(h.hub.data_dir() + "/hub.sqlite", false);
    db.exec("DROP INDEX hub_devices_by_person");
    db.exec("ALTER TABLE hub_people DROP COLUMN deactivated_at");
  }
  auto listed = h.verb({"people"});
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out == ana + "  Ana Lopes  ana@school.example  0 devices\n");
  auto off = h.verb({"deactivate", "--person", ana});
  CHECK(off.exit_code == 0);
  CHECK(h.verb({"people"}).out.find("DEACTIVATED") != std::string::npos);
}
