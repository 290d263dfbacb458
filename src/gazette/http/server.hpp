#pragma once
/// Server: HTTP/1.1 over Boost.Beast. One io_context per thread, each with its own SO_REUSEPORT
/// acceptor; keep-alive; pipelined requests answered in order; limits and timeouts on every input.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/http/router.hpp"

namespace gazette::http {

/// The Content-Security-Policy of every answer unless its handler sets one: scripts, styles and images
/// only from the site itself (no inline script or style attribute, so injected markup cannot run), images
/// also as data: URLs, no plugins, forms post only to the site, and no framing (clickjacking).
inline constexpr std::string_view kDefaultContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Headers added to every answer whose handler did not set the same header: the CSP above, nosniff (a
/// browser must not run an upload as a script because it looks like one), a Referer that leaves the site
/// without its path, and no framing for browsers without frame-ancestors.
std::vector<std::pair<std::string, std::string>> DefaultSecurityHeaders();

/// A body limit for the request-targets under one path prefix (uploads), instead of max_body_bytes.
struct PathBodyLimit {
  /// Matched against the raw request-target: "/admin/media" covers "/admin/media", "/admin/media/x" and
  /// "/admin/media?x", not "/admin/mediax". A percent-encoded spelling of the prefix gets the default
  /// limit, which errs on the small side.
  std::string path_prefix;
  std::size_t max_bytes = 0;
  /// Once the header is in, the body on these paths may take this long to arrive instead of what is left
  /// of header_timeout: a large body needs time on a slow line (10 MiB at 1 Mbit/s takes 90 seconds).
  std::chrono::milliseconds body_timeout{300'000};
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0 picks a free port (see Server::port())
  int threads = 2;
  /// Threads that run the slow routes (Pace::kSlow), apart from the event loops; 0 means as many as
  /// threads, and two at least.
  int slow_request_threads = 0;
  /// Longest request-target: far above any real URL, small enough to refuse abuse (414 beyond).
  std::size_t max_target_bytes = 8 * 1024;
  /// All request headers together (431 beyond).
  std::size_t max_header_bytes = 16 * 1024;
  /// Request body (413 beyond): forms and JSON. Paths that take uploads get theirs from body_limits.
  std::size_t max_body_bytes = 1024 * 1024;
  /// Larger (or smaller) body limits for some path prefixes; the longest matching prefix wins. Applied
  /// once the request line is read, before the body, so a body over the limit is refused unread (413).
  std::vector<PathBodyLimit> body_limits;
  /// Added to every answer unless the handler set the same header (compared case-insensitively). Start()
  /// refuses a name or value holding CR, LF or NUL.
  std::vector<std::pair<std::string, std::string>> security_headers = DefaultSecurityHeaders();
  /// A client must send its whole request (header and body) within this time once it has started, and a new
  /// connection must start within it (slowloris), else the connection is closed without an answer.
  std::chrono::milliseconds header_timeout{10'000};
  /// An idle keep-alive connection is closed after this.
  std::chrono::milliseconds keep_alive_timeout{30'000};
  /// Write one line per request (method, path, status, bytes, microseconds) to the log.
  bool access_log = true;

  /// The body_limits entry for a raw request-target ("/admin/media/upload?x=1"), or null when
  /// max_body_bytes and header_timeout apply.
  const PathBodyLimit* BodyLimitFor(std::string_view target) const;
};

/// Start() then Stop(); not restartable. Start and Stop are called from one thread; handlers run on the
/// server's threads concurrently and must be thread-safe.
class Server {
 public:
  Server(ServerOptions options, std::shared_ptr<const Router> router);
  ~Server();  ///< stops if running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and starts the threads. kUnavailable with a message when the address cannot be bound.
  Status Start();
  /// The bound port (after Start).
  std::uint16_t port() const;
  /// Stops accepting, lets in-flight requests finish (up to grace), closes idle connections, joins threads.
  void Stop(std::chrono::milliseconds grace = std::chrono::milliseconds{1500});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::http
