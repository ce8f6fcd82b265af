// HTTP routing for the hub. See hub_http.h.
#include "server/hub_http.h"

#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>

#include "core/sync/messages.h"
#include "server/group_commit.h"
#include "server/hub_reader.h"
#include "server/hub_store.h"
#include "server/seen_later.h"
#include "server/web_files.h"

namespace server {

namespace sync = core::sync;

bool is_loopback(const std::string& host) { return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0; }

namespace {
void refuse(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_header("X-Peerobs-Protocol", std::to_string(sync::kProtocolVersion));
  res.set_content(message + "\n", "text/plain; charset=utf-8");
}

void reply(httplib::Response& res, const std::string& envelope) {
  res.status = 200;
  res.set_header("X-Peerobs-Protocol", std::to_string(sync::kProtocolVersion));
  res.set_content(envelope, "application/x-peerobs");
}

std::string bearer(const httplib::Request& req) {
  std::string h = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (h.rfind(prefix, 0) != 0) return "";
  return h.substr(prefix.size());
}

// One line on stderr for a refused code or token: who, where, what was wrong; never the secret.
void log_refusal(const httplib::Request& req, const std::string& what) {
  std::cerr << "peerobs-hub: refused " << req.remote_addr << " " << req.method << " " << req.path << ": " << what
            << std::endl;
}

// Runs one request, turning every failure into a clear refusal. `fn` takes the writer's lock
// (or a reader) only around its database work: decoding the request and encoding the answer
// (milliseconds for a large batch) run outside it, alongside other devices' requests.
template <class Fn>
void guarded(const httplib::Request& req, httplib::Response& res, Fn&& fn) {
  try {
    fn();
  } catch (const HubRefusal& e) {
    // Machine-readable: names each refused version so the device can hold exactly those back.
    res.status = e.status;
    res.set_header("X-Peerobs-Protocol", std::to_string(sync::kProtocolVersion));
    res.set_content(sync::pack(e.refusal), "application/x-peerobs");
  } catch (const HubError& e) {
    if (!e.for_log.empty()) log_refusal(req, e.for_log);
    refuse(res, e.status, e.what());
    if (e.retry_after_s > 0) res.set_header("Retry-After", std::to_string(e.retry_after_s));
  } catch (const sync::WireError& e) {
    refuse(res, e.http_status(), std::string("The hub could not read the request: ") + e.what());
  } catch (const core::DiskFull& e) {
    // 507: the devices say so in their own words, keep what they have not sent, and still pull.
    std::cerr << "peerobs-hub: the disk holding the hub's database is full: " << e.what() << std::endl;
    refuse(res, 507,
           "The hub's storage is full, so it stored nothing of this request; everything it held before is "
           "safe. The person who runs the hub needs to free or add disk space.");
  } catch (const core::DbError& e) {
    std::cerr << "peerobs-hub: database error: " << e.what() << std::endl;
    refuse(res, 503, "The hub could not use its database right now; try again later.");
  } catch (const std::exception& e) {
    std::cerr << "peerobs-hub: " << e.what() << std::endl;
    refuse(res, 500, std::string("The hub failed: ") + e.what());
  }
}

// The 429 for an address shut out after too many wrong codes or tokens.
HubError shut_out(Secret kind, std::chrono::milliseconds wait) {
  const int seconds = static_cast<int>(std::max<long long>(1, (wait.count() + 999) / 1000));
  const std::string what = kind == Secret::code ? "enrollment codes" : "device tokens";
  HubError e(429,
             "Too many wrong " + what + " came from this network. The hub will check another in " +
                 std::to_string(seconds) + (seconds == 1 ? " second" : " seconds") + "; try again then.",
             "too many wrong " + std::string(kind == Secret::code ? "codes" : "tokens") + " from this address, " +
                 std::to_string(seconds) + " s left");
  e.retry_after_s = seconds;
  return e;
}

// guarded() for a request carrying a code or a token: refused at once (429) while its address
// is shut out, and a wrong guess counted.
template <class Fn>
void guarded(GuessLimit& limit, Secret kind, const httplib::Request& req, httplib::Response& res, Fn&& fn) {
  guarded(req, res, [&] {
    if (auto wait = limit.wait(kind, req.remote_addr); wait.count() > 0) throw shut_out(kind, wait);
    try {
      fn();
    } catch (HubError& e) {
      if (!e.wrong_guess) throw;
      const GuessLimit::Wrong w = limit.wrong(kind, req.remote_addr);
      e.for_log += " (" + std::to_string(w.count) + " wrong from this address";
      if (w.delay.count() > 0) e.for_log += "; the next is checked in " + std::to_string(w.delay.count()) + " ms";
      e.for_log += ")";
      throw;
    }
  });
}

// Why the hub must not start with these options ("" when it may): half an HTTPS setup, plain
// HTTP on a public address, a --web folder that is not the web client's.
std::string options_problem(const ServeOptions& options, bool https) {
  if (https && (options.cert_file.empty() || options.key_file.empty())) return "HTTPS needs both --cert and --key.";
  if (!https && !is_loopback(options.host) && !options.allow_insecure_http)
    return "refusing plain HTTP on " + options.host +
           ": device tokens and teachers' notes would cross the network unencrypted. Give --cert and --key, "
           "listen on 127.0.0.1 behind a TLS proxy, or pass --allow-insecure-http if you really mean it.";
  if (!options.web_dir.empty()) return web_dir_problem(options.web_dir, options.data_dir);
  return "";
}

// An HTTPS server with the certificate, or a plain one; null (and a message printed) when the
// certificate or key cannot be loaded. Limits and timeouts are set.
std::unique_ptr<httplib::Server> make_server(const ServeOptions& options, bool https) {
  std::unique_ptr<httplib::Server> server;
  if (https) {
    auto ssl = std::make_unique<httplib::SSLServer>(options.cert_file.c_str(), options.key_file.c_str());
    if (!ssl->is_valid()) {
      std::cerr << "peerobs-hub: could not load the certificate " << options.cert_file << " and key "
                << options.key_file << ".\n";
      return nullptr;
    }
    server = std::move(ssl);
  } else {
    server = std::make_unique<httplib::Server>();
  }
  server->set_payload_max_length(sync::kMaxWireBytes + sync::kHeaderBytes);
  server->set_read_timeout(30, 0);
  server->set_write_timeout(30, 0);
  return server;
}

// The hub's database as the routes use it: one writer (the HubStore behind `writer`) for enroll
// and push (several pushes to a commit: group_commit.h), and read connections for everything that
// only reads (the token check of every device request, pull, status), which never wait for the
// writer (hub_reader.h).
struct HubDatabase {
  HubStore& store;
  std::mutex& writer;
  HubReaders& readers;
  SeenLater& seen;

  // Runs `fn` holding the writer, after writing the last_seen stamps read requests left.
  template <class Fn>
  auto write(Fn&& fn) {
    std::lock_guard<std::mutex> guard(writer);
    write_seen();
    return fn();
  }
  // After a request answered on a read connection: its device's last_seen stamp when due,
  // written now if the writer is free, else by the next write (seen_later.h).
  void saw(const DeviceRow& device) {
    const std::int64_t now = core::wall_clock_ms();
    if (!last_seen_due(device, now)) return;
    seen.note(device.id, now);
    std::unique_lock<std::mutex> guard(writer, std::try_to_lock);
    if (guard.owns_lock()) write_seen();
  }
  // Under the writer. A stamp that cannot be written now waits for the next write; it never
  // fails the request that happens to carry it.
  void write_seen() {
    auto stamps = seen.take();
    try {
      store.record_seen(stamps);
    } catch (const core::DbError& e) {
      std::cerr << "peerobs-hub: could not record when devices were last seen: " << e.what() << std::endl;
      for (const auto& [device, at] : stamps) seen.note(device, at);
    }
  }

  // Applies pushes under the writer, several to a commit.
  GroupCommit pushes{[this](const std::vector<HubStore::Pushing>& group) -> std::vector<HubStore::Pushed> {
    std::lock_guard<std::mutex> guard(writer);  // write()'s steps: its auto return is not known yet here
    write_seen();
    return store.push_together(group);
  }};
};

// The sync API under /v1/, the web client's files at every other GET, and plain-words errors.
void add_routes(httplib::Server& server, HubDatabase& db, const WebFiles& web, GuessLimit& limit) {
  server.Post("/v1/enroll", [&db, &limit](const httplib::Request& req, httplib::Response& res) {
    guarded(limit, Secret::code, req, res, [&] {
      auto enroll = sync::unpack<sync::EnrollRequest>(req.body);
      reply(res, sync::pack(db.write([&] { return db.store.enroll(enroll); })));
    });
  });
  server.Post("/v1/push", [&db, &limit](const httplib::Request& req, httplib::Response& res) {
    guarded(limit, Secret::token, req, res, [&] {
      // Who is asking is checked before the body is decoded: an unknown token costs no decoding.
      // On a reader: the check does not queue behind the pushes the writer is applying.
      auto device = db.readers.lease()->authenticate(bearer(req));
      auto push = sync::unpack<sync::PushRequest>(req.body);
      if (const std::int64_t now = core::wall_clock_ms(); last_seen_due(device, now)) db.seen.note(device.id, now);
      reply(res, sync::pack(db.pushes.push(device, push)));
    });
  });
  server.Post("/v1/pull", [&db, &limit](const httplib::Request& req, httplib::Response& res) {
    guarded(limit, Secret::token, req, res, [&] {
      DeviceRow device;
      sync::PullResponse page;
      {
        auto reader = db.readers.lease();
        device = reader->authenticate(bearer(req));
        auto pull = sync::unpack<sync::PullRequest>(req.body);
        page = reader->pull(device, pull);
      }
      db.saw(device);
      reply(res, sync::pack(page));
    });
  });
  server.Get("/v1/status", [&db, &limit](const httplib::Request& req, httplib::Response& res) {
    guarded(limit, Secret::token, req, res, [&] {
      DeviceRow device;
      sync::StatusResponse status;
      {
        auto reader = db.readers.lease();
        device = reader->authenticate(bearer(req));
        status = reader->status(device);
      }
      db.saw(device);
      reply(res, sync::pack(status));
    });
  });
  // Every other GET/HEAD is the web client's (httplib routes HEAD to GET handlers), even a path
  // with a decoded newline ([\s\S], not "."). /v1/ stays out of it, so an unknown endpoint
  // still gets the API's own 404 from the error handler below.
  server.Get(R"((?!/v1/)[\s\S]*)",
             [&web](const httplib::Request& req, httplib::Response& res) { web.answer(req, res); });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413)
      refuse(res, 413, "The request is larger than the hub accepts (16 MiB).");
    else if (res.status == 404)
      refuse(res, 404, "No such hub endpoint.");
    else
      refuse(res, res.status, "The hub could not handle this request.");
  });
}

// The port bound (the OS's choice for port 0), or -1.
// cpp-httplib listens with a backlog of 5 connections (CPPHTTPLIB_LISTEN_BACKLOG, compiled into
// Debian's library). When more devices than that connect while its accepting thread waits for
// a core, the kernel drops their connection requests and each device tries again a second later:
// with 1,000 devices on loopback, about 1 request in 150 took over a second (TcpExtListenOverflows
// counted them). Calling listen() again on the bound socket raises the backlog to the system's
// limit (somaxconn).
int bind_port(httplib::Server& server, const ServeOptions& options) {
  int listening_socket = -1;
  server.set_socket_options([&listening_socket](socket_t sock) {
    httplib::default_socket_options(sock);
    listening_socket = sock;
  });
  int port = -1;
  if (options.port == 0)
    port = std::max(-1, server.bind_to_any_port(options.host.c_str()));
  else
    port = server.bind_to_port(options.host.c_str(), options.port) ? options.port : -1;
  if (port >= 0 && listening_socket >= 0 && ::listen(listening_socket, SOMAXCONN) != 0)
    std::cerr << "peerobs-hub: could not raise the listen backlog; busy moments may cost devices a retry.\n";
  return port;
}

// Serves until SIGINT/SIGTERM (or until listening fails); true for a clean stop. `announcement`
// is printed (flushed) only once the signals are caught, so a caller that stops the hub as soon
// as it reads it always gets a clean stop.
bool listen_until_signal(httplib::Server& server, const std::string& announcement) {
  // A dedicated thread waits for the signals; they are blocked in every other thread, including
  // httplib's workers, which are created after this point.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
  std::cout << announcement << std::endl;
  const bool ok = server.listen_after_bind();
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);  // wakes sigwait if listen ended another way
    stopper.join();
  }
  return ok;
}

}  // namespace

int serve(const ServeOptions& options) {
  const bool https = !options.cert_file.empty() || !options.key_file.empty();
  if (const std::string problem = options_problem(options, https); !problem.empty()) {
    std::cerr << "peerobs-hub: " << problem << "\n";
    return 2;
  }
  HubStore hub(options.data_dir);
  const WebFiles web(options.web_dir);
  std::unique_ptr<httplib::Server> server = make_server(options, https);
  if (!server) return 2;
  std::mutex writer;
  HubReaders readers(hub.path());
  SeenLater seen;
  HubDatabase db{hub, writer, readers, seen};
  GuessLimit limit(options.guess_limit);
  add_routes(*server, db, web, limit);
  const int port = bind_port(*server, options);
  if (port < 0) {
    std::cerr << "peerobs-hub: could not listen on " << options.host << ":" << options.port << ".\n";
    return 1;
  }
  const std::string listening = "listening on " + options.host + ":" + std::to_string(port) + (https ? " (https)" : "");
  const bool clean = listen_until_signal(*server, listening);
  db.write([] {});  // the last_seen stamps still owed
  return clean ? 0 : 1;
}

}  // namespace server
