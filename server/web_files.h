// The web client's static files, served by the hub beside /v1/*: maps a request path to a file
// under the web folder and answers it (GET and HEAD), with the headers the client needs
// (cross-origin isolation for WebAssembly threads, a strict CSP, revalidation by ETag). A file
// with an up-to-date FILE.gz beside it goes as those bytes, gzip-encoded, to browsers that accept
// gzip (httplib compresses only text types itself, and those with brotli at a cost of ~0.3 s for
// peerobs.js on a loaded 2-core hub).
// Guarantee: nothing outside the canonical web folder is ever answered; `..` segments, NUL
// bytes, backslashes, folders and symlinks that lead out are all a plain-text 404.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace server {

// Why `web_dir` cannot be served as the web client ("" when it can): it is not a folder, has no
// index.html, or holds `data_dir` (the hub's database would then be one URL away).
std::string web_dir_problem(const std::string& web_dir, const std::string& data_dir);

// The file `request_path` names under `root` (a canonical folder), resolved through any symlinks,
// or nothing when it must not be served. `request_path` is already percent-decoded (httplib's
// req.path); "/" names index.html. Whether the file exists is left to the caller.
std::optional<std::filesystem::path> web_file_for(const std::filesystem::path& root, const std::string& request_path);

// The Content-Type for a file, by its extension (case-insensitive); unknown ones are octet-stream.
std::string web_content_type(const std::filesystem::path& file);

// Whether an Accept-Encoding header allows a gzip body: `gzip` (or `x-gzip`) or `*` listed with a
// q-value above 0, an explicit `gzip;q=0` overriding `*`. An absent header, `identity` alone or a
// q-value that does not parse mean no.
bool web_accepts_gzip(const std::string& accept_encoding);

class WebFiles {
 public:
  explicit WebFiles(const std::string& web_dir);  // "" = this hub serves no web client
  // Answers a GET or HEAD for any path outside /v1/. Files are read per request (a few MB).
  void answer(const httplib::Request& req, httplib::Response& res) const;

 private:
  std::filesystem::path root_;  // canonical; empty = no web client
};

}  // namespace server
