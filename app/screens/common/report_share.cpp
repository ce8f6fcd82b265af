// See report_share.h.
#include "app/screens/common/report_share.h"

#include <algorithm>
#include <cctype>

#include "core/dates.h"
#include "core/lesson/people.h"
#include "core/report/cycle_report.h"
#include "core/report/visit_report.h"

namespace app {
namespace {

std::string first_name(const std::string& name) { return name.substr(0, name.find(' ')); }

// The observed teacher's copy (unless that is me), then mine.
std::vector<ShareChoice> choices(const core::Store& store, ReportShare::Of of, core::Id teacher, core::Id me) {
  const auto names = core::person_names(store);
  const bool visit = of == ReportShare::Of::Visit;
  std::vector<ShareChoice> out;
  if (!teacher.empty() && teacher != me) {
    const std::string name = core::name_or(names, teacher, "the observed teacher");
    out.push_back({teacher, "For " + name,
                   visit ? "What " + first_name(name) + " may see in peerobs: no coaching notes, no unshared prompts."
                         : "The visits " + first_name(name) + " takes part in, their data and the next steps."});
  }
  out.push_back({me, "My own copy",
                 visit ? "Everything you may see here, coaching notes included."
                       : "Every visit of this cycle you take part in."});
  return out;
}

core::report::Audience audience(core::Id reader, core::Id me, std::int64_t now_ms) {
  return {reader, me, core::local_date(now_ms)};
}

template <typename Build>
std::optional<ReportRequest> request(const core::Store& store, const Build& build, std::string& error) {
  error.clear();
  try {
    ReportRequest r;
    r.size = report_paper(store);
    build(r);
    return r;
  } catch (const core::report::ReportError& e) {
    error = e.what();
  } catch (const std::exception& e) {
    error = std::string("Could not read what the report needs: ") + e.what();
  }
  return std::nullopt;
}

std::string reader_part(const core::Store& store, core::Id reader, core::Id me) {
  return reader == me ? std::string("my-copy") : "for-" + core::name_or(core::person_names(store), reader, "");
}

}  // namespace

std::vector<ShareChoice> visit_share_choices(const core::Store& store, core::Id visit, core::Id me) {
  core::Id teacher;
  if (auto h = store.get(visit); h && std::holds_alternative<core::Observation>(h->body))
    for (const auto& p : std::get<core::Observation>(h->body).participants)
      if (p.role == core::Role::ObservedTeacher && teacher.empty()) teacher = p.person;
  return choices(store, ReportShare::Of::Visit, teacher, me);
}

std::vector<ShareChoice> cycle_share_choices(const core::Store& store, core::Id cycle, core::Id me) {
  core::Id teacher;
  if (auto h = store.get(cycle); h && std::holds_alternative<core::Cycle>(h->body))
    teacher = std::get<core::Cycle>(h->body).observed_teacher;
  return choices(store, ReportShare::Of::Cycle, teacher, me);
}

std::optional<ReportRequest> visit_summary_request(const core::Store& store, core::Id visit, core::Id reader,
                                                   core::Id me, std::int64_t now_ms, std::string& error) {
  return request(
      store,
      [&](ReportRequest& r) {
        r.document = core::report::visit_report(store, visit, audience(reader, me, now_ms));
        const auto head = store.get(visit);  // there: visit_report found it
        const auto& plan = std::get<core::Observation>(head->body);
        r.file_stem = file_stem({"visit", plan.date, plan.class_name, reader_part(store, reader, me)});
      },
      error);
}

std::optional<ReportRequest> cycle_report_request(const core::Store& store, core::Id cycle, core::Id reader,
                                                  core::Id me, std::int64_t now_ms, std::string& error) {
  return request(
      store,
      [&](ReportRequest& r) {
        r.document = core::report::cycle_report(store, cycle, audience(reader, me, now_ms));
        const auto head = store.get(cycle);  // there: cycle_report found it
        const auto& info = std::get<core::Cycle>(head->body);
        r.file_stem = file_stem({"cycle", info.title, reader_part(store, reader, me)});
      },
      error);
}

core::report::PageSize report_paper(const core::Store& store) {
  core::report::PageSize size = core::report::PageSize::A4;
  if (auto v = store.meta().get(core::MetaKey::ReportPaper)) core::report::page_size_from_name(*v, size);
  return size;
}

void set_report_paper(core::Store& store, core::report::PageSize size) {
  store.meta().set(core::MetaKey::ReportPaper, size == core::report::PageSize::Letter ? "letter" : "a4");
}

void ReportShare::load(const core::Store& store, Of of, core::Id subject, core::Id me) {
  of_ = of;
  subject_ = subject;
  me_ = me;
  request_.reset();
  choices_ = of == Of::Visit ? visit_share_choices(store, subject, me) : cycle_share_choices(store, subject, me);
  paper_ = report_paper(store);
}

bool ReportShare::choose_paper(core::Store& store, core::report::PageSize size, std::string& error) {
  try {
    set_report_paper(store, size);
  } catch (const std::exception& e) {
    error = std::string("Could not keep the paper size: ") + e.what();
    return false;
  }
  paper_ = size;
  return true;
}

bool ReportShare::share(const core::Store& store, core::Id reader, std::int64_t now_ms, std::string& error) {
  if (std::none_of(choices_.begin(), choices_.end(), [&](const ShareChoice& c) { return c.reader == reader; })) {
    error = "That copy is not one you can make here.";
    return false;
  }
  request_ = of_ == Of::Visit ? visit_summary_request(store, subject_, reader, me_, now_ms, error)
                              : cycle_report_request(store, subject_, reader, me_, now_ms, error);
  return request_.has_value();
}

std::optional<ReportRequest> ReportShare::take_request() {
  auto r = std::move(request_);
  request_.reset();
  return r;
}

std::string file_stem(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) {
    std::string word;
    for (unsigned char c : part) {
      if (std::isalnum(c) && c < 0x80)
        word += static_cast<char>(std::tolower(c));
      else if (!word.empty() && word.back() != '-')
        word += '-';
    }
    while (!word.empty() && word.back() == '-') word.pop_back();
    if (!word.empty()) out += (out.empty() ? "" : "-") + word;
  }
  return out.empty() ? std::string("peerobs-report") : out;
}

}  // namespace app
