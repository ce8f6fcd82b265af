// The hub serving the web client (serve --web DIR): the path mapping on its own, then a real hub
// answering a small web folder that sits inside its data directory, beside hub.sqlite and a
// secret file, so every way out of the folder has something to leak. Then the precompressed
// FILE.gz beside a file: sent only to a browser that accepts gzip, and only while it is current.
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "hub_process.h"
#include "server/web_files.h"

using namespace testing_support;
namespace fs = std::filesystem;

namespace {

const std::string kIndex = "<!doctype html><title>peerobs</title><script src=\"peerobs.js\"></script>\n";
const std::string kWasm = std::string("\0asm\1\0\0\0", 8) + "not really a module";
// The hub does not look inside a .gz; these bytes only have to differ from anything it could make.
const std::string kWasmGz = std::string("\x1f\x8b\x08\0\0\0\0\0\2\3", 10) + "stands for a.wasm, gzipped";
const std::string kSecret = "SECRET-OUTSIDE-THE-WEB-FOLDER";
const std::string kCsp =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; "
    "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'none'";

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// A data directory (hub.sqlite appears there once a hub runs) holding secret.txt and web/:
// index.html, a.wasm, sw.js, a manifest, icons/x.png, two symlinks that lead out of web/ and one
// that stays inside. Removed at the end.
struct WebFolder {
  fs::path data = temp_dir("peerobs-web");
  fs::path web = data / "web";
  WebFolder() {
    write_file(data / "secret.txt", kSecret);
    write_file(web / "index.html", kIndex);
    write_file(web / "a.wasm", kWasm);
    write_file(web / "sw.js", "self.addEventListener('fetch', () => {});\n");
    write_file(web / "manifest.webmanifest", "{\"name\": \"peerobs\"}\n");
    write_file(web / "icons" / "x.png", "\x89PNG\r\n\x1a\n");
    fs::create_symlink(data / "secret.txt", web / "leak.txt");
    fs::create_directory_symlink(data, web / "up");
    fs::create_symlink(web / "index.html", web / "home.html");  // stays inside: allowed
  }
  ~WebFolder() { fs::remove_all(data); }
};

// A real `peerobs-hub serve` on 127.0.0.1 port 0 with extra options (HubProcess takes none).
class ServedHub {
 public:
  explicit ServedHub(const std::string& data_dir, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {hub_binary(), "serve", "--data", data_dir, "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extra.begin(), extra.end());
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], 1);
      close(fds[0]);
      close(fds[1]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[1]);
    std::string line;
    char c;
    while (read(fds[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    close(fds[0]);
    const std::string prefix = "listening on 127.0.0.1:";
    if (line.rfind(prefix, 0) != 0) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      throw std::runtime_error("peerobs-hub did not start: \"" + line + "\"");
    }
    port_ = std::stoi(line.substr(prefix.size()));
  }
  ~ServedHub() {
    ::kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  ServedHub(const ServedHub&) = delete;
  ServedHub& operator=(const ServedHub&) = delete;

  // A client that sends paths exactly as written (no encoding of its own).
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_url_encode(false);
    return c;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

struct WebHub {
  WebFolder folder;
  ServedHub hub{folder.data.string(), {"--web", folder.web.string()}};
};

void check_web_headers(const httplib::Response& res) {
  CHECK(res.get_header_value("Cross-Origin-Opener-Policy") == "same-origin");
  CHECK(res.get_header_value("Cross-Origin-Embedder-Policy") == "require-corp");
  CHECK(res.get_header_value("Cross-Origin-Resource-Policy") == "same-origin");
  CHECK(res.get_header_value("Content-Security-Policy") == kCsp);
  CHECK(res.get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(res.get_header_value("Referrer-Policy") == "no-referrer");
  CHECK(res.get_header_value("Cache-Control") == "no-cache");
}

void check_not_served(const httplib::Result& res) {
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(res->get_header_value("Content-Type") == "text/plain; charset=utf-8");
  CHECK(res->body.find(kSecret) == std::string::npos);
  CHECK(res->body.find("SQLite format") == std::string::npos);
  check_web_headers(*res);
}

}  // namespace

TEST_CASE("web files: a request path names a file inside the web folder, or nothing", "[server][web]") {
  WebFolder f;
  fs::path root = fs::canonical(f.web);
  CHECK(server::web_file_for(root, "/") == root / "index.html");
  CHECK(server::web_file_for(root, "/icons/x.png") == root / "icons" / "x.png");
  CHECK(server::web_file_for(root, "/not-there.js") == root / "not-there.js");  // existence is the caller's
  for (std::string path :
       {"", "index.html", "/../hub.sqlite", "/icons/../../hub.sqlite", "/icons/../index.html", "/./index.html",
        "//etc/passwd", "/icons//x.png", "/icons/", "/..\\hub.sqlite", "/..", "/icons/.."}) {
    INFO(path);
    CHECK_FALSE(server::web_file_for(root, path));
  }
  CHECK_FALSE(server::web_file_for(root, std::string("/index.html\0.png", 16)));
}

TEST_CASE("web files: a symlink is followed only while it stays inside the web folder", "[server][web]") {
  WebFolder f;
  fs::path root = fs::canonical(f.web);
  CHECK(server::web_file_for(root, "/home.html") == root / "index.html");
  CHECK_FALSE(server::web_file_for(root, "/leak.txt"));
  CHECK_FALSE(server::web_file_for(root, "/up/secret.txt"));
  CHECK_FALSE(server::web_file_for(root, "/up/hub.sqlite"));
  // What counts is where the file is, not the way there: this is index.html again.
  CHECK(server::web_file_for(root, "/up/web/index.html") == root / "index.html");
}

TEST_CASE("web files: each kind of file gets the content type a browser needs", "[server][web]") {
  CHECK(server::web_content_type("index.html") == "text/html; charset=utf-8");
  CHECK(server::web_content_type("peerobs.js") == "text/javascript; charset=utf-8");
  CHECK(server::web_content_type("peerobs.worker.js") == "text/javascript; charset=utf-8");
  CHECK(server::web_content_type("module.mjs") == "text/javascript; charset=utf-8");
  CHECK(server::web_content_type("peerobs.wasm") == "application/wasm");
  CHECK(server::web_content_type("peerobs.data") == "application/octet-stream");
  CHECK(server::web_content_type("x.json") == "application/json");
  CHECK(server::web_content_type("manifest.webmanifest") == "application/manifest+json");
  CHECK(server::web_content_type("icons/x.png") == "image/png");
  CHECK(server::web_content_type("ICON.PNG") == "image/png");
  CHECK(server::web_content_type("logo.svg") == "image/svg+xml");
  CHECK(server::web_content_type("favicon.ico") == "image/x-icon");
  CHECK(server::web_content_type("app.css") == "text/css; charset=utf-8");
  CHECK(server::web_content_type("LICENSE.txt") == "text/plain; charset=utf-8");
  CHECK(server::web_content_type("hub.sqlite") == "application/octet-stream");
  CHECK(server::web_content_type("README") == "application/octet-stream");
}

TEST_CASE("web files: a folder without index.html, or one holding the hub's data, cannot be served", "[server][web]") {
  WebFolder f;
  CHECK(server::web_dir_problem(f.web.string(), f.data.string()).empty());
  CHECK(server::web_dir_problem((f.web / "icons").string(), f.data.string()).find("has no index.html") !=
        std::string::npos);
  CHECK(server::web_dir_problem((f.web / "index.html").string(), f.data.string()).find("is not a folder") !=
        std::string::npos);
  write_file(f.data / "index.html", kIndex);
  CHECK(server::web_dir_problem(f.data.string(), f.data.string()).find("holds the hub's data directory") !=
        std::string::npos);
  CHECK(server::web_dir_problem(f.data.string(), (f.data / "hub-data").string()).find("holds the hub's data") !=
        std::string::npos);
}

TEST_CASE("web hub: / answers index.html with the headers cross-origin isolation and the CSP need", "[server][web]") {
  WebHub w;
  auto res = w.hub.client().Get("/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body == kIndex);
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
  check_web_headers(*res);
  std::string etag = res->get_header_value("ETag");
  CHECK(etag.size() > 2);
  CHECK(etag.front() == '"');
  CHECK(etag.back() == '"');
  CHECK_FALSE(res->has_header("Service-Worker-Allowed"));
  auto again = w.hub.client().Get("/index.html");
  REQUIRE(again);
  CHECK(again->body == kIndex);
  CHECK(again->get_header_value("ETag") == etag);
}

TEST_CASE("web hub: each file has its content type, and sw.js may control the whole app", "[server][web]") {
  WebHub w;
  auto wasm = w.hub.client().Get("/a.wasm");
  REQUIRE(wasm);
  CHECK(wasm->status == 200);
  CHECK(wasm->body == kWasm);
  CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
  check_web_headers(*wasm);
  auto sw = w.hub.client().Get("/sw.js");
  REQUIRE(sw);
  CHECK(sw->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(sw->get_header_value("Service-Worker-Allowed") == "/");
  auto manifest = w.hub.client().Get("/manifest.webmanifest");
  REQUIRE(manifest);
  CHECK(manifest->get_header_value("Content-Type") == "application/manifest+json");
  auto icon = w.hub.client().Get("/icons/x.png");
  REQUIRE(icon);
  CHECK(icon->status == 200);
  CHECK(icon->get_header_value("Content-Type") == "image/png");
  auto missing = w.hub.client().Get("/peerobs.data");
  check_not_served(missing);
  CHECK(missing->body == "The web client has no file at this address.\n");
}

TEST_CASE("web hub: a browser that has the file gets 304 with no body", "[server][web]") {
  WebHub w;
  auto first = w.hub.client().Get("/a.wasm");
  REQUIRE(first);
  std::string etag = first->get_header_value("ETag");
  for (std::string if_none_match : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
    INFO(if_none_match);
    auto res = w.hub.client().Get("/a.wasm", {{"If-None-Match", if_none_match}});
    REQUIRE(res);
    CHECK(res->status == 304);
    CHECK(res->body.empty());
    CHECK(res->get_header_value("ETag") == etag);
    check_web_headers(*res);
  }
  auto stale = w.hub.client().Get("/a.wasm", {{"If-None-Match", "\"0-0\""}});
  REQUIRE(stale);
  CHECK(stale->status == 200);
  CHECK(stale->body == kWasm);
  // A new build rewrites the file: its ETag changes, so the old one no longer matches.
  write_file(w.folder.web / "a.wasm", kWasm + "v2");
  auto rebuilt = w.hub.client().Get("/a.wasm", {{"If-None-Match", etag}});
  REQUIRE(rebuilt);
  CHECK(rebuilt->status == 200);
  CHECK(rebuilt->body == kWasm + "v2");
  CHECK(rebuilt->get_header_value("ETag") != etag);
}

TEST_CASE("web hub: HEAD answers the headers without the body", "[server][web]") {
  WebHub w;
  auto res = w.hub.client().Head("/", {{"Accept-Encoding", "identity"}});
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.empty());
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(res->get_header_value("Content-Length") == std::to_string(kIndex.size()));
  CHECK(res->get_header_value("ETag") == w.hub.client().Get("/")->get_header_value("ETag"));
  check_web_headers(*res);
}

TEST_CASE("web hub: no path leads outside the web folder", "[server][web]") {
  WebHub w;
  for (std::string path : {"/../hub.sqlite", "/%2e%2e/hub.sqlite", "/%2E%2E/secret.txt", "/icons/../../hub.sqlite",
                           "/icons/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt",
                           "/%u002e%u002e/secret.txt", "/index.html%00.png", "//etc/passwd", "/leak.txt",
                           "/up/secret.txt", "/up/hub.sqlite", "/hub.sqlite", "/index.html%0a"}) {
    INFO(path);
    check_not_served(w.hub.client().Get(path.c_str()));
  }
  auto inside = w.hub.client().Get("/home.html");  // a symlink that stays inside is an ordinary file
  REQUIRE(inside);
  CHECK(inside->status == 200);
  CHECK(inside->body == kIndex);
}

TEST_CASE("web hub: a folder is not a file", "[server][web]") {
  WebHub w;
  check_not_served(w.hub.client().Get("/icons"));
  check_not_served(w.hub.client().Get("/icons/"));
}

TEST_CASE("web hub: only GET and HEAD are served", "[server][web]") {
  WebHub w;
  auto post = w.hub.client().Post("/", "x", "text/plain");
  REQUIRE(post);
  CHECK((post->status == 404 || post->status == 405));
  CHECK(post->body.find("<!doctype") == std::string::npos);
  auto put = w.hub.client().Put("/index.html", "overwritten", "text/html");
  REQUIRE(put);
  CHECK((put->status == 404 || put->status == 405));
  CHECK(w.hub.client().Get("/")->body == kIndex);
}

TEST_CASE("web hub: the sync API answers exactly as before", "[server][web]") {
  WebHub w;
  auto status = w.hub.client().Get("/v1/status");  // no token
  REQUIRE(status);
  CHECK(status->status == 401);
  CHECK(status->get_header_value("Content-Type") == "text/plain; charset=utf-8");
  CHECK(status->has_header("X-Peerobs-Protocol"));
  CHECK(status->body.find("The hub does not know this device.") == 0);
  CHECK_FALSE(status->has_header("Cross-Origin-Embedder-Policy"));
  auto unknown = w.hub.client().Get("/v1/nothing-here");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(unknown->body == "No such hub endpoint.\n");
  CHECK_FALSE(unknown->has_header("Content-Security-Policy"));
}

TEST_CASE("hub without --web: / says how to serve the web client", "[server][web]") {
  WebFolder f;
  ServedHub hub(f.data.string());
  auto res = hub.client().Get("/");
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(res->get_header_value("Content-Type") == "text/plain; charset=utf-8");
  CHECK(res->body ==
        "This hub does not serve the web client (start it with --web DIR, the folder scripts/web-build.sh makes).\n");
  auto v1 = hub.client().Get("/v1/status");
  REQUIRE(v1);
  CHECK(v1->status == 401);
}

TEST_CASE("hub --web: a folder without index.html is refused before the hub starts", "[server][web]") {
  WebFolder f;
  std::string empty = (f.data / "empty").string();
  fs::create_directories(empty);
  // timeout: a hub that ignored --web would otherwise serve forever.
  auto r = run_command({"/usr/bin/timeout", "20", hub_binary(), "serve", "--data", f.data.string(), "--listen",
                        "127.0.0.1:0", "--web", empty});
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("--web " + empty + " has no index.html") != std::string::npos);
  CHECK(r.out.find("listening") == std::string::npos);
}

TEST_CASE("web files: Accept-Encoding allows gzip only when it says so", "[server][web][gzip]") {
  for (std::string yes : {"gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "GZIP", " deflate ,gzip ", "x-gzip", "*",
                          "br, *;q=0.1", "gzip;q=0.001", "gzip; q=1", "identity, gzip;Q=0.5"}) {
    INFO(yes);
    CHECK(server::web_accepts_gzip(yes));
  }
  for (std::string no : {"", "identity", "br", "deflate, br", "gzip;q=0", "gzip;q=0.000", "*;q=0", "*, gzip;q=0",
                         "gzip;q=0, *", "gzipped", "gzip;q=abc", "gzip;q=", "gzip;q=2", "gzip;level=9", ",,;"}) {
    INFO(no);
    CHECK_FALSE(server::web_accepts_gzip(no));
  }
}

namespace {

// a.wasm.gz beside a.wasm, `age` later than it (negative: older, left from an earlier build).
void write_wasm_gz(const WebFolder& f, std::chrono::seconds age) {
  write_file(f.web / "a.wasm.gz", kWasmGz);
  fs::last_write_time(f.web / "a.wasm.gz", fs::last_write_time(f.web / "a.wasm") + age);
}

// Bytes exactly as sent: httplib's client would otherwise inflate a gzip body itself.
httplib::Result get_raw(const WebHub& w, const std::string& path, const httplib::Headers& headers) {
  auto c = w.hub.client();
  c.set_decompress(false);
  return c.Get(path.c_str(), headers);
}

}  // namespace

TEST_CASE("web hub: a browser that accepts gzip gets FILE.gz, marked as gzip of FILE", "[server][web][gzip]") {
  WebHub w;
  write_wasm_gz(w.folder, std::chrono::seconds(0));  // gzip -k gives the .gz the file's own time
  std::string identity_etag = get_raw(w, "/a.wasm", {{"Accept-Encoding", "identity"}})->get_header_value("ETag");
  for (std::string accept : {"gzip, deflate, br", "gzip", "*"}) {
    INFO(accept);
    auto res = get_raw(w, "/a.wasm", {{"Accept-Encoding", accept}});
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body == kWasmGz);
    CHECK(res->get_header_value("Content-Encoding") == "gzip");
    CHECK(res->get_header_value("Content-Type") == "application/wasm");
    CHECK(res->get_header_value("Content-Length") == std::to_string(kWasmGz.size()));
    CHECK(res->get_header_value("Vary") == "Accept-Encoding");
    std::string etag = res->get_header_value("ETag");
    CHECK(etag.size() > 5);
    CHECK(etag.substr(etag.size() - 4) == "-gz\"");
    CHECK(etag != identity_etag);
    check_web_headers(*res);
  }
  SECTION("a browser holding the gzip bytes gets 304 for them, and not for the file") {
    std::string gz_etag = get_raw(w, "/a.wasm", {{"Accept-Encoding", "gzip"}})->get_header_value("ETag");
    auto same = get_raw(w, "/a.wasm", {{"Accept-Encoding", "gzip"}, {"If-None-Match", gz_etag}});
    REQUIRE(same);
    CHECK(same->status == 304);
    CHECK(same->body.empty());
    CHECK(same->get_header_value("ETag") == gz_etag);
    auto plain = get_raw(w, "/a.wasm", {{"Accept-Encoding", "identity"}, {"If-None-Match", gz_etag}});
    REQUIRE(plain);
    CHECK(plain->status == 200);
    CHECK(plain->body == kWasm);
  }
  SECTION("HEAD gives the gzip length") {
    auto c = w.hub.client();
    auto head = c.Head("/a.wasm", {{"Accept-Encoding", "gzip"}});
    REQUIRE(head);
    CHECK(head->body.empty());
    CHECK(head->get_header_value("Content-Encoding") == "gzip");
    CHECK(head->get_header_value("Content-Length") == std::to_string(kWasmGz.size()));
  }
  SECTION("the .gz itself is an ordinary file") {
    auto res = get_raw(w, "/a.wasm.gz", {{"Accept-Encoding", "gzip"}});
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body == kWasmGz);
    CHECK_FALSE(res->has_header("Content-Encoding"));
    CHECK(res->get_header_value("Content-Type") == "application/octet-stream");
  }
}

TEST_CASE("web hub: a browser that does not accept gzip gets the file itself", "[server][web][gzip]") {
  WebHub w;
  write_wasm_gz(w.folder, std::chrono::seconds(5));
  for (std::string accept : {"identity", "br", "gzip;q=0", "*, gzip;q=0", ""}) {
    INFO(accept);
    auto res = get_raw(w, "/a.wasm", {{"Accept-Encoding", accept}});
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body == kWasm);
    CHECK_FALSE(res->has_header("Content-Encoding"));
    CHECK(res->get_header_value("Content-Type") == "application/wasm");
    check_web_headers(*res);
  }
  SECTION("nor does a Range request, whose offsets count the file's bytes") {
    auto res = get_raw(w, "/a.wasm", {{"Accept-Encoding", "gzip"}, {"Range", "bytes=0-3"}});
    REQUIRE(res);
    CHECK(res->status == 206);
    CHECK(res->body == kWasm.substr(0, 4));
    CHECK_FALSE(res->has_header("Content-Encoding"));
  }
}

TEST_CASE("web hub: a .gz older than its file is left from an earlier build and not sent", "[server][web][gzip]") {
  WebHub w;
  write_wasm_gz(w.folder, std::chrono::seconds(-5));
  auto res = get_raw(w, "/a.wasm", {{"Accept-Encoding", "gzip"}});
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body == kWasm);
  CHECK_FALSE(res->has_header("Content-Encoding"));
  CHECK(res->get_header_value("ETag").find("-gz") == std::string::npos);
  // The build writes the .gz again: it is sent from then on.
  write_wasm_gz(w.folder, std::chrono::seconds(1));
  auto fresh = get_raw(w, "/a.wasm", {{"Accept-Encoding", "gzip"}});
  REQUIRE(fresh);
  CHECK(fresh->body == kWasmGz);
  CHECK(fresh->get_header_value("Content-Encoding") == "gzip");
}

TEST_CASE("web hub: a text file goes as its .gz too, never compressed a second time", "[server][web][gzip]") {
  WebHub w;
  // httplib compresses text types itself; it must leave these bytes alone.
  write_file(w.folder.web / "index.html.gz", kWasmGz);
  fs::last_write_time(w.folder.web / "index.html.gz", fs::last_write_time(w.folder.web / "index.html"));
  for (std::string path : {"/", "/index.html"}) {
    for (std::string accept : {"gzip", "br, gzip, deflate"}) {
      INFO(path << " " << accept);
      auto res = get_raw(w, path, {{"Accept-Encoding", accept}});
      REQUIRE(res);
      CHECK(res->status == 200);
      CHECK(res->body == kWasmGz);
      CHECK(res->get_header_value("Content-Encoding") == "gzip");
      CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
      CHECK(res->get_header_value("Content-Length") == std::to_string(kWasmGz.size()));
      check_web_headers(*res);
    }
  }
  SECTION("without a .gz, httplib still compresses it for a browser that accepts that") {
    auto res = w.hub.client().Get("/sw.js", {{"Accept-Encoding", "gzip"}});  // the client inflates
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body == "self.addEventListener('fetch', () => {});\n");
    CHECK(res->get_header_value("Content-Encoding") == "gzip");
    CHECK(res->get_header_value("ETag").find("-gz") == std::string::npos);
  }
}

TEST_CASE("web hub: a .gz that leads out of the web folder is never sent", "[server][web][gzip]") {
  WebHub w;
  fs::create_symlink(w.folder.data / "secret.txt", w.folder.web / "a.wasm.gz");
  auto res = get_raw(w, "/a.wasm", {{"Accept-Encoding", "gzip"}});
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body == kWasm);
  CHECK_FALSE(res->has_header("Content-Encoding"));
}
