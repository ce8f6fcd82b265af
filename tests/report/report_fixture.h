// A store with the demo cycle (core/demo_data.h) seen from the teacher leader's device, and a way
// to read a report Document as plain text, for the report tests.
#pragma once
#include <string>
#include <variant>

#include "core/demo_data.h"
#include "core/paths.h"
#include "core/report/audience.h"
#include "core/report/document.h"
#include "core/store.h"
#include "support/temp_dir.h"

namespace test {

struct ReportStore {
  testing_support::TempDir dir;
  core::Store store{core::store_path_in(dir.path())};
  core::Id me;
  core::DemoData demo;

  ReportStore() {
    me = store.create(core::Person{"Sam Okafor", ""}, core::Id{}).record;
    store.meta().set_local_person(me);
    demo = core::seed_demo_data(store, me);
  }
  core::report::Audience for_me() const { return {me, me, "2026-12-02"}; }
  core::report::Audience for_teacher() const { return {demo.observed_teacher, me, "2026-12-02"}; }
};

// Every text of the document, one per line, in reading order (what pdftotext should find).
inline std::string document_text(const core::report::Document& doc) {
  using namespace core::report;
  std::string out = doc.title + "\n" + doc.notice + "\n" + doc.made_for + "\n";
  auto line = [&](const std::string& s) { out += s + "\n"; };
  for (const auto& block : doc.blocks) {
    if (auto* h = std::get_if<Heading>(&block)) line(h->text);
    if (auto* h = std::get_if<Subheading>(&block)) line(h->text);
    if (auto* p = std::get_if<Paragraph>(&block)) line(p->text);
    if (auto* l = std::get_if<BulletList>(&block))
      for (const auto& i : l->items) line(i);
    if (auto* f = std::get_if<FactTable>(&block))
      for (const auto& r : f->rows) line(r.label + ": " + r.value);
    if (auto* t = std::get_if<Table>(&block))
      for (const auto& r : t->rows)
        for (const auto& c : r) line(c);
    if (auto* l = std::get_if<ItemList>(&block))
      for (const auto& i : l->items) {
        line(i.text);
        for (const auto& d : i.details) line(d.label + ": " + d.value);
      }
    if (auto* c = std::get_if<BarChart>(&block)) {
      line(c->caption);
      for (const auto& g : c->groups) {
        line(g.label);
        for (const auto& b : g.bars) line(b.text);
      }
    }
    if (auto* s = std::get_if<ShareBar>(&block)) {
      line(s->caption);
      for (const auto& seg : s->segments) line(seg.label + " " + seg.text);
    }
    if (auto* m = std::get_if<SeatMap>(&block)) line(m->caption);
  }
  return out;
}

}  // namespace test
