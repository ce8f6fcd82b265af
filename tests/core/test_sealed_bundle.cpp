// Sealed bundles (core/crypto/sealed_bundle.h): a push's notes sealed together, compressed
// together, each still a version of its own, and bound so that the hub can neither move nor swap
// nor drop a member unnoticed.
#include <catch2/catch.hpp>

#include "core/crypto/sealed_body.h"
#include "core/crypto/sealed_bundle.h"
#include "core/serialization.h"
#include "core/store.h"
#include "core/sync/sealing.h"
#include "support/temp_dir.h"
#include "support/test_values.h"

using namespace core;
using core::crypto::ContentKey;

namespace {
const Id kBundleAuthor = id("0a000000000000000000000000000001");
const Id kBundleColleague = id("0a000000000000000000000000000002");
const Id kBundleVisit = id("0b000000000000000000000000000001");
const Id kBundleOtherVisit = id("0b000000000000000000000000000002");

Version bundled_version(const RecordBody& body, Id author = kBundleAuthor, Id observation = kBundleVisit) {
  Version v;
  v.version = Id::clustered();
  v.record = Id::clustered();
  v.type = type_of(body);
  v.author = author;
  v.observation = observation;
  v.saved_at_ms = 1795664719089;
  v.body = encode_body(body);
  v.body_hash = body_hash(v.type, false, v.body);
  return v;
}

std::vector<Version> bundle_notes(int n, Id observation = kBundleVisit) {
  std::vector<Version> out;
  for (int i = 0; i < n; ++i)
    out.push_back(bundled_version(note(observation, "Priya explained her sorting rule to table " + std::to_string(i)),
                                  kBundleAuthor, observation));
  return out;
}

bool sentence_has(const std::string& sentence, const std::string& part) {
  return sentence.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("sealed bundle: notes sealed together open back as they were, each with its plain body hash",
          "[crypto][bundle]") {
  const ContentKey key = ContentKey::make();
  std::vector<Version> plain = bundle_notes(3);
  Tally tally;
  tally.observation = kBundleVisit;
  tally.counter_key = "open_questions";
  tally.lesson_ms = 90000;
  plain.push_back(bundled_version(tally));

  const auto sealed = crypto::seal_bundle(plain, key);
  REQUIRE(sealed.size() == 4);
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    CHECK(is_sealed_body(sealed[i].body));
    CHECK(is_bundle_part(sealed[i].body));
    CHECK(sealed[i].version == plain[i].version);
    CHECK(sealed[i].body_hash == body_hash(sealed[i].type, false, sealed[i].body));
    CHECK(crypto::sealed_key_id(sealed[i]) == key.id());
    CHECK(count_of(sealed[i].body, "Priya") == 0);
    CHECK(count_of(sealed[i].body, "open_questions") == 0);
    const auto part = crypto::bundle_part(sealed[i].body);
    REQUIRE(part);
    CHECK(part->index == i);
    if (i > 0) CHECK(part->head == plain[0].version);
  }
  CHECK(crypto::bundle_part(sealed[0].body)->count == 4);

  const auto opened = crypto::open_bundle(sealed, key);
  CHECK(opened.refusal.empty());
  REQUIRE(opened.plain.size() == 4);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CHECK(opened.plain[i].body == plain[i].body);
    CHECK(opened.plain[i].body_hash == plain[i].body_hash);
  }
}

TEST_CASE("sealed bundle: texts alike cost a fraction of their size, not 40 bytes each on top", "[crypto][bundle]") {
  const ContentKey key = ContentKey::make();
  const auto plain = bundle_notes(200);
  std::size_t plain_bytes = 0, bundled_bytes = 0, alone_bytes = 0;
  const auto sealed = crypto::seal_bundle(plain, key);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    plain_bytes += plain[i].body.size();
    bundled_bytes += sealed[i].body.size();
    alone_bytes += crypto::seal_version(plain[i], key).body.size();
  }
  CHECK(alone_bytes > plain_bytes + 40 * plain.size());
  // Each member's 40 clear bytes repeat their neighbours' but for the index: the sync envelope's
  // compression takes them down to a few bytes; the texts themselves are packed inside the head.
  CHECK(sealed[0].body.size() < plain_bytes / 3);
  CHECK(bundled_bytes < alone_bytes);
}

TEST_CASE("sealed bundle: the same members sealed twice give the same bytes, one text changed other bytes",
          "[crypto][bundle]") {
  const ContentKey key = ContentKey::make();
  auto plain = bundle_notes(3);
  CHECK(crypto::seal_bundle(plain, key)[0].body == crypto::seal_bundle(plain, key)[0].body);
  auto changed = plain;
  changed[2].body = encode_body(note(kBundleVisit, "Another text entirely"));
  CHECK(crypto::seal_bundle(changed, key)[0].body != crypto::seal_bundle(plain, key)[0].body);
}

TEST_CASE("sealed bundle: a member moved, swapped, dropped or re-dated by the hub does not open, with a sentence",
          "[crypto][bundle]") {
  const ContentKey key = ContentKey::make();
  const auto sealed = crypto::seal_bundle(bundle_notes(3), key);
  auto refused = [&](const std::vector<Version>& members) {
    const auto opened = crypto::open_bundle(members, key);
    CHECK(opened.plain.empty());
    return opened.refusal;
  };

  auto moved = sealed;
  moved[1].record = Id::clustered();
  CHECK(sentence_has(refused(moved), "sealed for other versions, records, observations or authors"));

  auto elsewhere = sealed;
  elsewhere[2].observation = kBundleOtherVisit;
  CHECK(sentence_has(refused(elsewhere), "not of its author, visit or kind"));

  auto swapped = sealed;
  std::swap(swapped[1].body, swapped[2].body);
  CHECK(sentence_has(refused(swapped), "names another bundle or place"));

  auto swapped_ids = sealed;  // bodies in place, the versions' ids exchanged
  std::swap(swapped_ids[1].version, swapped_ids[2].version);
  CHECK(sentence_has(refused(swapped_ids), "sealed for other versions"));

  auto dropped = sealed;
  dropped.pop_back();
  CHECK(sentence_has(refused(dropped), "its head names 3 members"));

  auto redated = sealed;
  redated[0].saved_at_ms += 1;
  CHECK(sentence_has(refused(redated), "changed after it was sealed"));

  auto other_author = sealed;
  for (auto& v : other_author) v.author = kBundleColleague;
  CHECK(sentence_has(refused(other_author), "sealed for other versions, records, observations or authors"));

  auto cut = sealed;
  cut[0].body.resize(cut[0].body.size() - 1);
  CHECK(sentence_has(refused(cut), "could not be opened"));

  CHECK(sentence_has(crypto::open_bundle(sealed, ContentKey::make()).refusal, "sealed with key"));
}

TEST_CASE("sealed bundle: only live versions of one author and visit, of the types readers share, are bundled",
          "[crypto][bundle]") {
  const ContentKey key = ContentKey::make();
  Prompt prompt{kBundleVisit, "What did you notice about who answered first?", {}, false};
  CoachingNote coaching{kBundleVisit, kBundleAuthor, "Your second question opened the room up", kBundleColleague};
  CHECK_FALSE(crypto::bundles(bundled_version(prompt)));
  CHECK_FALSE(crypto::bundles(bundled_version(coaching)));
  CHECK(crypto::bundles(bundled_version(note(kBundleVisit, "a note"))));

  auto notes = bundle_notes(2);
  CHECK_THROWS_AS(crypto::seal_bundle({notes[0]}, key), std::invalid_argument);
  CHECK_THROWS_AS(crypto::seal_bundle({notes[0], bundled_version(prompt)}, key), std::invalid_argument);
  CHECK_THROWS_AS(crypto::seal_bundle({notes[0], bundled_version(note(kBundleVisit, "x"), kBundleColleague)}, key),
                  std::invalid_argument);
  CHECK_THROWS_AS(crypto::seal_bundle({notes[0], bundle_notes(1, kBundleOtherVisit)[0]}, key), std::invalid_argument);
}

TEST_CASE("sealed bundle: the hub reads a part's routing view, and a damaged part is named", "[crypto][bundle]") {
  const ContentKey key = ContentKey::make();
  const auto sealed = crypto::seal_bundle(bundle_notes(2), key);
  for (const Version& v : sealed) {
    const RecordBody view = crypto::decode_stored_body(v);
    CHECK(std::get<EvidenceNote>(view).observation == kBundleVisit);
    CHECK(std::get<EvidenceNote>(view).text.empty());
  }
  Version cut = sealed[1];
  cut.body.resize(cut.body.size() - 2);
  CHECK_THROWS_WITH(crypto::decode_stored_body(cut), Catch::Contains("bundle membership is not"));
  Version prompt_part = sealed[1];
  prompt_part.type = RecordType::Prompt;
  CHECK_THROWS_WITH(crypto::decode_stored_body(prompt_part), Catch::Contains("is sealed alone"));
}

TEST_CASE("sealing a push: the notes of one visit travel as bundles in batch order, prompts alone", "[sync][bundle]") {
  testing_support::TempDir dir;
  Store store{dir.file("s.sqlite")};
  std::vector<Version> batch = bundle_notes(300);
  batch.insert(batch.begin() + 5, bundled_version(Prompt{kBundleVisit, "What did you notice?", {}, false}));
  const auto sealed = sync::seal_for_push(store.keys(), batch, sync::Bundles::Yes);
  REQUIRE(sealed.size() == batch.size());
  int heads = 0, alone = 0;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    CHECK(sealed[i].version == batch[i].version);
    auto part = crypto::bundle_part(sealed[i].body);
    if (!part) ++alone;
    if (part && part->index == 0) ++heads;
  }
  CHECK(alone == 1);  // the prompt
  CHECK(heads == 2);  // 300 notes: 256 and 44

  // A batch read again shorter seals the same bundles but its last.
  const std::vector<Version> shorter(batch.begin(), batch.begin() + 280);
  const auto again = sync::seal_for_push(store.keys(), shorter, sync::Bundles::Yes);
  for (std::size_t i = 0; i < 257; ++i) CHECK(again[i].body == sealed[i].body);
  CHECK(again[257].body != sealed[257].body);

  const auto one_by_one = sync::seal_for_push(store.keys(), batch, sync::Bundles::No);
  for (const Version& v : one_by_one) CHECK_FALSE(is_bundle_part(v.body));
}

TEST_CASE("opening a pull: a bundle split across two pages waits for its rest, then opens in place", "[sync][bundle]") {
  testing_support::TempDir dir;
  Store sender{dir.file("a.sqlite")}, receiver{dir.file("b.sqlite")};
  const auto plain = bundle_notes(6);
  const auto sealed = sync::seal_for_push(sender.keys(), plain, sync::Bundles::Yes);
  for (const auto& entry : sender.keys().all()) receiver.keys().add(entry.first, entry.second);

  // Whole in one page: every member opens, in the page's order.
  const auto whole = sync::open_pulled(sync::HeldKeys(receiver.keys()), sealed);
  CHECK(whole.refused.empty());
  CHECK(whole.waiting.empty());
  REQUIRE(whole.versions.size() == 6);
  for (std::size_t i = 0; i < 6; ++i) CHECK(whole.versions[i].body == plain[i].body);

  // Split: the first page's parts wait (not for a key), the second's complete the bundle once stored.
  const auto first = sync::open_pulled(sync::HeldKeys(receiver.keys()), {sealed.begin(), sealed.begin() + 4});
  CHECK(first.versions.empty());
  CHECK(first.waiting.size() == 4);
  CHECK(first.waiting_for_key == 0);
  receiver.transaction([&] {
    for (const Version& v : first.waiting) receiver.keys().wait(v);
  });
  auto none_yet = sync::open_waiting(receiver);
  CHECK(none_yet.opened == 0);
  CHECK(receiver.keys().waiting() == 4);
  CHECK(receiver.keys().waiting_for_key() == 0);  // the app does not say they wait for a key

  const auto second = sync::open_pulled(sync::HeldKeys(receiver.keys()), {sealed.begin() + 4, sealed.end()});
  CHECK(second.waiting.size() == 2);
  receiver.transaction([&] {
    for (const Version& v : second.waiting) receiver.keys().wait(v);
  });
  auto opened = sync::open_waiting(receiver);
  CHECK(opened.refused.empty());
  CHECK(opened.opened == 6);
  CHECK(receiver.keys().waiting() == 0);
  for (const Version& v : plain) CHECK(receiver.versions().by_id(v.version)->body == v.body);
}

TEST_CASE("opening a pull: a bundle whose key has not arrived waits for the key, counted as such", "[sync][bundle]") {
  testing_support::TempDir dir;
  Store sender{dir.file("a.sqlite")}, receiver{dir.file("b.sqlite")};
  const auto sealed = sync::seal_for_push(sender.keys(), bundle_notes(3), sync::Bundles::Yes);
  const auto page = sync::open_pulled(sync::HeldKeys(receiver.keys()), sealed);
  CHECK(page.waiting.size() == 3);
  CHECK(page.waiting_for_key == 3);
  receiver.transaction([&] {
    for (const Version& v : page.waiting) receiver.keys().wait(v);
  });
  CHECK(receiver.keys().waiting_for_key() == 3);
  for (const auto& entry : sender.keys().all()) receiver.keys().add(entry.first, entry.second);
  CHECK(receiver.keys().waiting_for_key() == 0);
  CHECK(sync::open_waiting(receiver).opened == 3);
}

TEST_CASE("opening a pull: a stranger the hub puts into a bundle's place is refused with the bundle",
          "[sync][bundle]") {
  testing_support::TempDir dir;
  Store sender{dir.file("a.sqlite")}, receiver{dir.file("b.sqlite")};
  auto sealed = sync::seal_for_push(sender.keys(), bundle_notes(3), sync::Bundles::Yes);
  for (const auto& entry : sender.keys().all()) receiver.keys().add(entry.first, entry.second);
  Version stranger = sealed[2];
  stranger.version = Id::clustered();
  sealed.push_back(stranger);
  const auto page = sync::open_pulled(sync::HeldKeys(receiver.keys()), sealed);
  CHECK(page.versions.empty());
  REQUIRE(page.refused.size() == 1);
  CHECK(sentence_has(page.refused[0], "another version in it"));

  sealed.pop_back();
  sealed[1].record = Id::clustered();  // a member moved to another record
  const auto moved = sync::open_pulled(sync::HeldKeys(receiver.keys()), sealed);
  CHECK(moved.versions.empty());
  REQUIRE(moved.refused.size() == 1);
  CHECK(sentence_has(moved.refused[0], "could not be opened"));
}
