#pragma once
/// Server: HTTP/1.1 over Boost.Beast. One io_context per thread, each with its own SO_REUSEPORT
/// acceptor; keep-alive; pipelined requests answered in order; limits and timeouts on every input.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "gazette/base/result.hpp"
#include "gazette/http/router.hpp"

namespace gazette::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0 picks a free port (see Server::port())
  int threads = 2;
  /// Longest request-target: far above any real URL, small enough to refuse abuse (414 beyond).
  std::size_t max_target_bytes = 8 * 1024;
  /// All request headers together (431 beyond).
  std::size_t max_header_bytes = 16 * 1024;
  /// Request body (413 beyond): forms and JSON only; uploads get their own limit later.
  std::size_t max_body_bytes = 1024 * 1024;
  /// A client must send its whole request (header and body) within this time once it has started, and a new
  /// connection must start within it (slowloris), else the connection is closed without an answer.
  std::chrono::milliseconds header_timeout{10'000};
  /// An idle keep-alive connection is closed after this.
  std::chrono::milliseconds keep_alive_timeout{30'000};
  /// Write one line per request (method, path, status, bytes, microseconds) to the log.
  bool access_log = true;
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
