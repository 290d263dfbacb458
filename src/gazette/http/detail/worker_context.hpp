#pragma once
/// WorkerContext: what the connections of one server thread share: options, router, the pool of request
/// buffers and the list of live connections. Touched only from that thread, so nothing here is locked.

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gazette/http/detail/access_log.hpp"
#include "gazette/http/detail/request_parser.hpp"
#include "gazette/http/response.hpp"
#include "gazette/http/router.hpp"
#include "gazette/http/server.hpp"

namespace boost::asio {
class thread_pool;
}

namespace gazette::http::detail {

class Connection;

/// The memory a connection needs only while it works on a request. Idle keep-alive connections hand it
/// back, so thousands of them cost a socket, a timer and a few pointers each.
struct ActiveState {
  explicit ActiveState(std::size_t input_limit) : input(input_limit) {}
  boost::beast::flat_buffer input;
  RequestStorage storage;
  std::optional<RequestParser> parser;
  std::optional<Request> request;  ///< the parsed request, while it is answered (views into storage)
  std::optional<Response> response;
  std::string head;  ///< serialized status line and fields of the answer being written
  std::vector<boost::asio::const_buffer> buffers;  ///< head and body pieces of that answer: one gather write
};

struct WorkerContext {
  WorkerContext(const ServerOptions& server_options, const Router& server_router,
                boost::asio::thread_pool& slow_requests)
      : options(server_options), router(server_router), slow_request_pool(slow_requests) {}
  WorkerContext(const WorkerContext&) = delete;
  WorkerContext& operator=(const WorkerContext&) = delete;

  /// A cleared ActiveState, from the pool when one is free.
  std::unique_ptr<ActiveState> Acquire();
  /// Returns state to the pool, trimming what a large request left behind.
  void Release(std::unique_ptr<ActiveState> state);

  /// The input buffer holds a whole header plus room to read on; bodies stream out of it.
  std::size_t InputLimit() const { return options.max_header_bytes + kInputSlack; }

  const ServerOptions& options;
  const Router& router;
  boost::asio::thread_pool& slow_request_pool;  ///< shared by all event loops: where slow routes run
  AccessLog* access_log = nullptr;  ///< the worker's; null when access logging is off
  bool stopping = false;
  /// Connections waiting for their next request with a buffer in hand (see Connection::AwaitRequest).
  std::size_t warm_idle_connections = 0;
  /// Warm waits save a system call per request on busy connections; this bounds what they hold,
  /// a 16 KiB read buffer and a request's state each, however many connections sit idle.
  static constexpr std::size_t kMaxWarmIdle = 256;
  Connection* connections = nullptr;  ///< intrusive list head of live connections

 private:
  /// Reading past a full header by this much lets the parser see the header limit before the buffer fills.
  static constexpr std::size_t kInputSlack = 4096;
  /// Enough for every busy connection of a loaded thread; more free states than this are just memory.
  static constexpr std::size_t kMaxPooled = 256;
  /// A state that grew past this for one large body is shrunk before reuse.
  static constexpr std::size_t kMaxRetainedBody = 64 * 1024;
  std::vector<std::unique_ptr<ActiveState>> pool_;
};

}  // namespace gazette::http::detail
