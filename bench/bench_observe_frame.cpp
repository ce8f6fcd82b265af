// Observe-screen frame cost and client cold start, headless (ImGui with no renderer).
// A store with 1,000 observations, one of which holds 2,000 captured items from two observers;
// prints CPU time per Observe frame (p50/p99/max), cold start to the first frame, the time to
// open the Observe screen, and the cost of one counter tap (a durable insert).
// Usage: bench_observe_frame [FRAMES]   (default 3000)
#include <imgui.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "app/screens/observe/observe_screen.h"
#include "app/shell/app.h"
#include "bench/observe_store.h"
#include "core/paths.h"
#include "core/store.h"

namespace {
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
double wall_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

void frame(app::App& a) {
  a.refresh_theme();
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
  ImGui::NewFrame();
  a.frame();
  ImGui::Render();
}
}  // namespace

int main(int argc, char** argv) {
  int frames = argc > 1 ? std::atoi(argv[1]) : 3000;
  if (frames < 100) frames = 100;
  std::string dir =
      (std::filesystem::temp_directory_path() / ("peerobs-bench-observe-" + std::to_string(::getpid()))).string();
  std::filesystem::create_directories(dir);
  core::Id target;
  {
    core::Store store(core::store_path_in(dir));
    double t0 = wall_ms();
    target = bench::seed_observe_store(store);
    std::printf("seeded 1,000 observations and 2,000 captured items in %.0f ms\n", wall_ms() - t0);
  }

  // Cold start: open the store, build the app (templates, language guide), the font atlas and
  // the first frame of Home (which reads every observation once).
  double w0 = wall_ms(), c0 = cpu_ms();
  core::Store store(core::store_path_in(dir));
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60.0f;
  app::AppOptions options;
  options.data_dir = dir;
  options.asset_dir = core::asset_dir();
  {
    app::App a(store, options);
    frame(a);
    std::printf("cold start to the first frame (Home): %.1f ms wall, %.1f ms CPU\n", wall_ms() - w0, cpu_ms() - c0);

    double o0 = wall_ms();
    a.context().open(app::Route{app::ScreenId::Observe, target, {}});
    frame(a);  // navigation happens at the end of this frame: Observe builds its view here
    frame(a);
    std::printf("open Observe with 2,000 items (view build + first frame): %.1f ms\n", wall_ms() - o0);
    auto* observe = static_cast<app::ObserveScreen*>(a.screen(app::ScreenId::Observe));
    if (a.route().screen != app::ScreenId::Observe || observe->model().timeline().size() != 2000) {
      std::fprintf(stderr, "bench_observe_frame: the Observe screen did not open with the 2,000 items\n");
      return 1;
    }
    app::ObserveAction start;
    start.kind = app::ObserveAction::Kind::Start;
    observe->model().apply(start);

    for (int pass = 0; pass < 2; ++pass) {
      io.DisplaySize = pass == 0 ? ImVec2(1280, 800) : ImVec2(768, 1024);
      for (int i = 0; i < 50; ++i) frame(a);  // warm up at this size
      std::vector<double> times;
      times.reserve(static_cast<std::size_t>(frames));
      for (int i = 0; i < frames; ++i) {
        double s = cpu_ms();
        frame(a);
        times.push_back(cpu_ms() - s);
      }
      std::printf(
          "Observe frame CPU at %.0fx%.0f over %d frames: p50 %.3f ms, p99 %.3f ms, max %.3f ms (target p99 <= 2 ms)\n",
          io.DisplaySize.x, io.DisplaySize.y, frames, pct(times, 0.5), pct(times, 0.99), pct(times, 1.0));
    }

    std::vector<double> taps;
    app::ObserveAction tap;
    tap.kind = app::ObserveAction::Kind::TapCounter;
    tap.key = "open-q";
    for (int i = 0; i < 200; ++i) {
      double s = wall_ms();
      observe->model().apply(tap);
      taps.push_back(wall_ms() - s);
    }
    std::printf("counter tap (durable insert + view update), 200 taps: p50 %.2f ms, p99 %.2f ms\n", pct(taps, 0.5),
                pct(taps, 0.99));
  }
  ImGui::DestroyContext();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return 0;
}
