// Serving the web client's files. See web_files.h; why each header is there: docs/web_hosting.md.
#include "server/web_files.h"

#include <httplib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace server {

namespace fs = std::filesystem;

namespace {

// One policy for every answer: each part allows what the client needs and nothing more.
const char* const kContentSecurityPolicy =
    "default-src 'self'; "                    // whatever is not named below: this hub only
    "script-src 'self' 'wasm-unsafe-eval'; "  // our own scripts (no inline ones); compiling
                                              // peerobs.wasm needs wasm-unsafe-eval, not unsafe-eval
    "worker-src 'self' blob:; "               // emscripten's pthread workers: peerobs.worker.js,
                                              // or a blob: URL it makes from it; and sw.js
    "connect-src 'self'; "                    // fetching peerobs.wasm/.data and syncing: this hub only
    "img-src 'self' data: blob:; "            // icons, and images the app makes in memory
    "style-src 'self' 'unsafe-inline'; "      // the page sizes its canvas with inline styles
    "object-src 'none'; "                     // no plugins, ever
    "base-uri 'none'; "                       // an injected <base> cannot re-point relative URLs
    "frame-ancestors 'none'; "                // no other site may frame the app (clickjacking)
    "form-action 'none'";                     // the app posts no forms, so injected ones go nowhere

const char* const kNoWebClient =
    "This hub does not serve the web client (start it with --web DIR, the folder scripts/web-build.sh makes).\n";
const char* const kNoSuchFile = "The web client has no file at this address.\n";

// On every answer, the 404s and 304s too: a page is only cross-origin isolated (and so gets
// SharedArrayBuffer for WebAssembly threads) when every response it loads carries COOP/COEP/CORP.
void set_web_headers(httplib::Response& res) {
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  res.set_header("Cross-Origin-Embedder-Policy", "require-corp");
  res.set_header("Cross-Origin-Resource-Policy", "same-origin");
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  // The service worker is what opens the app offline; the HTTP cache only saves bytes, so the
  // browser asks every time and gets a 304 when nothing changed (a new build shows at once).
  res.set_header("Cache-Control", "no-cache");
  // A file with a current FILE.gz goes as that to browsers that accept gzip; httplib compresses
  // the other text types (html, js, css, json, svg) itself for browsers that accept it.
  res.set_header("Vary", "Accept-Encoding");
}

void not_found(httplib::Response& res, const char* message) {
  res.status = 404;  // with a body, so the hub's error handler leaves it as it is
  res.set_content(message, "text/plain; charset=utf-8");
}

std::string hex(unsigned long long n) {
  std::ostringstream s;
  s << std::hex << n;
  return s.str();
}

// If-None-Match holds "*" or a list of tags, weak or strong, compared weakly (RFC 9110 13.1.2).
bool etag_matches(const std::string& if_none_match, const std::string& etag) {
  std::size_t pos = 0;
  while (pos <= if_none_match.size()) {
    std::size_t comma = std::min(if_none_match.find(',', pos), if_none_match.size());
    std::string tag = if_none_match.substr(pos, comma - pos);
    tag.erase(0, tag.find_first_not_of(" \t"));
    tag.erase(tag.find_last_not_of(" \t") + 1);
    if (tag == "*" || tag == etag || tag == "W/" + etag) return true;
    pos = comma + 1;
  }
  return false;
}

long long mtime_ns(const struct stat& st) {
  return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

// Strong: a new build changes size or time (ns) of every file it rewrites. `suffix` tells the
// gzip bytes of a file from the file itself (RFC 9110 8.8.3: each encoding has its own tag).
std::string etag_of(const struct stat& st, const char* suffix) {
  return "\"" + hex(static_cast<unsigned long long>(st.st_size)) + "-" +
         hex(static_cast<unsigned long long>(mtime_ns(st))) + suffix + "\"";
}

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string trimmed(const std::string& s) {
  std::size_t first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") + 1 - first);
}

// Whether `path` lies strictly inside `root`, compared element by element (so /srv/web2 is not
// inside /srv/web, as a string prefix test would say).
bool strictly_inside(const fs::path& root, const fs::path& path) {
  auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end() && p != path.end();
}

}  // namespace

std::string web_dir_problem(const std::string& web_dir, const std::string& data_dir) {
  std::error_code ec;
  if (!fs::is_directory(web_dir, ec))
    return "--web " + web_dir + " is not a folder; give the folder scripts/web-build.sh makes.";
  if (!fs::is_regular_file(fs::path(web_dir) / "index.html", ec))
    return "--web " + web_dir + " has no index.html; give the folder scripts/web-build.sh makes.";
  fs::path web = fs::canonical(web_dir, ec);
  if (ec) return "--web " + web_dir + " cannot be read: " + ec.message() + ".";
  fs::path data = fs::weakly_canonical(data_dir, ec);
  if (ec) return "the data directory " + data_dir + " cannot be read: " + ec.message() + ".";
  if (data == web || strictly_inside(web, data))
    return "--web " + web_dir + " holds the hub's data directory " + data_dir +
           ", so its database could be downloaded; give the web client a folder of its own.";
  return "";
}

std::optional<fs::path> web_file_for(const fs::path& root, const std::string& request_path) {
  if (request_path.empty() || request_path[0] != '/') return std::nullopt;
  if (request_path.find('\0') != std::string::npos || request_path.find('\\') != std::string::npos) return std::nullopt;
  std::string relative = request_path == "/" ? "index.html" : request_path.substr(1);
  // Browsers never send empty, "." or ".." segments; refusing them also keeps "//etc/passwd"
  // from becoming an absolute path that would replace the root when joined.
  std::size_t start = 0;
  while (start <= relative.size()) {
    std::size_t slash = std::min(relative.find('/', start), relative.size());
    std::string segment = relative.substr(start, slash - start);
    if (segment.empty() || segment == "." || segment == "..") return std::nullopt;
    start = slash + 1;
  }
  // Symlinks are followed, then the result must still be inside the folder: a link to
  // /etc/passwd or to the hub's database is refused like a `..`.
  std::error_code ec;
  fs::path file = fs::weakly_canonical(root / relative, ec);
  if (ec || !strictly_inside(root, file)) return std::nullopt;
  return file;
}

std::string web_content_type(const fs::path& file) {
  std::string ext = lowercase(file.extension().string());
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".wasm") return "application/wasm";  // required by WebAssembly.instantiateStreaming
  if (ext == ".data") return "application/octet-stream";
  if (ext == ".json") return "application/json";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".png") return "image/png";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool web_accepts_gzip(const std::string& accept_encoding) {
  // -1: not listed. A coding listed without q has q=1 (RFC 9110 12.5.3).
  double gzip_q = -1, any_q = -1;
  std::size_t pos = 0;
  while (pos < accept_encoding.size()) {
    std::size_t comma = std::min(accept_encoding.find(',', pos), accept_encoding.size());
    std::string item = accept_encoding.substr(pos, comma - pos);
    pos = comma + 1;
    std::size_t semi = item.find(';');
    std::string coding = lowercase(trimmed(item.substr(0, semi)));
    double q = 1;
    if (semi != std::string::npos) {
      std::string param = lowercase(trimmed(item.substr(semi + 1)));
      if (param.rfind("q=", 0) != 0) {
        q = 0;  // a parameter we do not understand: not a yes
      } else {
        std::string value = param.substr(2);
        char* end = nullptr;
        q = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() || !(q >= 0 && q <= 1)) q = 0;
      }
    }
    if (coding == "gzip" || coding == "x-gzip")
      gzip_q = std::max(gzip_q, q);
    else if (coding == "*")
      any_q = std::max(any_q, q);
  }
  return gzip_q >= 0 ? gzip_q > 0 : any_q > 0;
}

WebFiles::WebFiles(const std::string& web_dir) {
  if (!web_dir.empty()) root_ = fs::canonical(web_dir);
}

void WebFiles::answer(const httplib::Request& req, httplib::Response& res) const {
  set_web_headers(res);
  if (root_.empty()) return not_found(res, kNoWebClient);
  auto file = web_file_for(root_, req.path);
  // One stat gives type, size and time together, so the ETag describes a single state of the file.
  struct stat st {};
  if (!file || ::stat(file->c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return not_found(res, kNoSuchFile);
  const std::string content_type = web_content_type(*file);
  // FILE.gz goes instead when the browser accepts gzip and the .gz is no older than FILE (gzip -k
  // gives it FILE's time; an older one is left from an earlier build). It is looked up like any
  // requested path, so it cannot lead out of the folder either. Range requests get FILE: ranges
  // would count the gzip bytes, a trap for caches.
  fs::path body_file = *file;
  std::string etag = etag_of(st, "");
  bool gzipped = false;
  if (web_accepts_gzip(req.get_header_value("Accept-Encoding")) && !req.has_header("Range")) {
    auto gz_file = web_file_for(root_, (req.path == "/" ? "/index.html" : req.path) + ".gz");
    struct stat gz {};
    if (gz_file && ::stat(gz_file->c_str(), &gz) == 0 && S_ISREG(gz.st_mode) && gz.st_size > 0 &&
        mtime_ns(gz) >= mtime_ns(st)) {
      body_file = *gz_file;
      st = gz;
      etag = etag_of(gz, "-gz");
      gzipped = true;
    }
  }
  res.set_header("ETag", etag);
  // The service worker may claim the whole app as its scope, whatever scope the page registers.
  if (req.path == "/sw.js") res.set_header("Service-Worker-Allowed", "/");
  if (etag_matches(req.get_header_value("If-None-Match"), etag)) {
    res.status = 304;
    return;
  }
  std::ifstream in(body_file, std::ios::binary);
  std::ostringstream bytes;
  if (!in || (st.st_size > 0 && !(bytes << in.rdbuf()))) {
    std::cerr << "peerobs-hub: could not read the web client's " << body_file.string() << "\n";
    return not_found(res, kNoSuchFile);
  }
  if (!gzipped) {
    // The status is left to httplib: 200, or 206 when the browser asked for a Range. httplib
    // compresses text types itself (brotli or gzip) when there is no .gz.
    res.set_content(bytes.str(), content_type);
    return;
  }
  // httplib 0.11 would compress a text body a second time (it does not look at a Content-Encoding
  // already set), but never a body given with its length through a content provider.
  res.set_header("Content-Encoding", "gzip");
  auto body = std::make_shared<std::string>(bytes.str());
  res.set_content_provider(body->size(), content_type,
                           [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             return sink.write(body->data() + offset, length);
                           });
}

}  // namespace server
