// The client's frame loop, shared by the desktop and the browser. See client_session.h.
#include "app/client_session.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/ui/widgets.h"
#include "core/paths.h"
#include "platform/font_files.h"
#include "platform/host.h"

namespace app {

namespace {
// For the UI tests (PEEROBS_UI_MAP=FILE): after each frame, the widgets drawn and their centres,
// one "label<TAB>x<TAB>y" a line, so a script can tap "Start". Written only when it changed,
// through a rename so a reader never sees half a file.
std::string ui_map_text(int screen) {
  std::string text = "screen\t" + std::to_string(screen) + "\n";
  for (const auto& r : ui::recorded_items())
    text += r.label + "\t" + std::to_string(static_cast<int>((r.min.x + r.max.x) * 0.5f)) + "\t" +
            std::to_string(static_cast<int>((r.min.y + r.max.y) * 0.5f)) + "\n";
  return text;
}

void write_file_atomically(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  if (FILE* f = std::fopen(tmp.c_str(), "w")) {
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
  }
}

AppOptions app_options(const ClientOptions& options, float display_scale) {
  AppOptions o;
  o.data_dir = options.data_dir;
  o.asset_dir = core::asset_dir();
  o.display_scale = display_scale;
  // Script fonts come from the platform (a file read on a thread, or a download in the browser).
  o.font_files = [](const std::string& name) {
    const platform::FontFile f = platform::font_file(name);
    ui::FontFileResult r;
    r.state = f.state == platform::FontFile::State::Ready     ? ui::FontFileResult::State::Ready
              : f.state == platform::FontFile::State::Missing ? ui::FontFileResult::State::Missing
                                                              : ui::FontFileResult::State::Loading;
    r.bytes = f.bytes;
    return r;
  };
  return o;
}
}  // namespace

ClientSession::ImGuiContextOwner::ImGuiContextOwner() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini: the layout is the app's, not the user's
}
ClientSession::ImGuiContextOwner::~ImGuiContextOwner() { ImGui::DestroyContext(); }

ClientSession::ClientSession(const ClientOptions& options)
    : options_(options),
      store_((core::ensure_directory(options.data_dir), core::store_path_in(options.data_dir))),
      window_(options.window),
      app_(store_, app_options(options, window_.display_scale())),
      hub_(core::store_path_in(options.data_dir)) {
  if (!app_.theme_error().empty()) std::fprintf(stderr, "peerobs: %s\n", app_.theme_error().c_str());
  app_.context().served_by_hub = platform::page_origin();
  handlers_.commit_drafts = [this] { app_.commit_drafts(); };
  handlers_.draw_now = [this] { draw_now(3); };
  handlers_.network_back = [this] {
    if (app_.context().sync.enrolled) hub_.sync_now();
  };
  if (!options_.ui_map_path.empty()) ui::record_items(true);
}

ClientSession::~ClientSession() = default;

bool ClientSession::poll_hub() {
  AppContext& ctx = app_.context();
  if (ctx.sync_now) {
    ctx.sync_now = false;
    hub_.sync_now();
  }
  if (ctx.enroll) {
    hub_.enroll(ctx.enroll->hub_url, ctx.enroll->code, platform::device_description());
    ctx.enroll.reset();
  }
  bool changed = false;
  if (auto done = hub_.take_enroll_result()) {
    ctx.enroll_message = done->message;
    ctx.enroll_failed = !done->ok;
    if (done->ok) {
      app_.reload_me();
      ctx.toast = done->message;
    }
    changed = true;
  }
  ctx.enrolling = hub_.enrolling();
  SyncState state;
  bool data_changed = false;
  if (hub_.poll(state, data_changed)) {
    app_.set_sync(state, data_changed);
    changed = true;
  }
  // Where saving is asynchronous (the browser), "Saving..." shows until the data is stored.
  const platform::StorageState storage = platform::storage_state();
  if (storage.pending != ctx.storage_pending || storage.problem != ctx.storage_problem) {
    ctx.storage_pending = storage.pending;
    ctx.storage_problem = storage.problem;
    changed = true;
  }
  return changed;
}

bool ClientSession::poll_report() {
  AppContext& ctx = app_.context();
  if (ctx.share_report && !report_.valid()) {
    ReportRequest r = std::move(*ctx.share_report);
    ctx.share_report.reset();
    report_ = platform::start_offer_report(std::move(r.document), std::move(r.file_stem), r.size, options_.data_dir);
    ctx.sharing_report = true;
    ctx.report_message.clear();
    return true;
  }
  if (!report_.valid() || report_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  const platform::ReportOutcome outcome = report_.get();
  ctx.sharing_report = false;
  ctx.report_message = outcome.sentence;
  ctx.report_failed = !outcome.ok;
  return true;
}

void ClientSession::draw_frame() {
  app_.set_display_scale(window_.display_scale());
  if (app_.refresh_theme()) window_.fonts_changed();
  window_.new_frame();
  ImGui::NewFrame();
  app_.frame();
  window_.render();
  if (!options_.ui_map_path.empty()) {
    std::string text = ui_map_text(static_cast<int>(app_.route().screen));
    if (text != last_map_) {
      last_map_ = text;
      write_file_atomically(options_.ui_map_path, text);
      platform::publish_ui_map(text);
    }
  }
}

bool ClientSession::step() {
  int wait = frames_left_ > 0 || window_.touch_active() || window_.input_pending() || app_.animating()
                 ? 0
                 : app_.wake_after_ms();
  // A timed wake-up the screen asked for (a running clock, an autosave) is kept as a moment, not
  // recomputed each pass: in the browser step() runs every animation frame without sleeping, and
  // a deadline of "now + wait" taken anew each time would never arrive.
  if (wait > 0) {
    const auto at = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait);
    if (!wake_at_ || at < *wake_at_) wake_at_ = at;
  }
  // While sync, an enrollment or a save to storage may report, look at its snapshot every
  // second (cheap: a mutex and a copy); a frame is drawn only when what it shows changed.
  const AppContext& ctx = app_.context();
  const bool hub_active = ctx.sync.enrolled || ctx.enrolling || ctx.storage_pending || ctx.sharing_report;
  if (wait != 0 && hub_active)
    wait = wait < 0 ? 1000 : std::min(wait, ctx.storage_pending || ctx.sharing_report ? 50 : 1000);
  if (!window_.handle_events(wait, handlers_)) return false;
  if (window_.had_events()) frames_left_ = 3;
  if (poll_hub()) frames_left_ = std::max(frames_left_, 2);
  if (poll_report()) frames_left_ = std::max(frames_left_, 2);
  if (wake_at_ && std::chrono::steady_clock::now() >= *wake_at_) {
    frames_left_ = std::max(frames_left_, 1);
    wake_at_.reset();
  }
  if (frames_left_ == 0 && !window_.touch_active() && !window_.input_pending() && !app_.animating()) return true;
  if (frames_left_ > 0) --frames_left_;
  draw_frame();
  return true;
}

void ClientSession::draw_now(int frames) {
  for (int i = 0; i < frames; ++i) {
    window_.handle_events(0, handlers_);
    draw_frame();
  }
  frames_left_ = std::max(frames_left_, 2);
}

void ClientSession::finish() {
  // Characters that arrived with the close are still in ImGui's input queue: one last frame
  // moves them into the draft, then the draft is committed.
  draw_frame();
  app_.commit_drafts();
}

}  // namespace app
