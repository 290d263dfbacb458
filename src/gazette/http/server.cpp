#include "gazette/http/server.hpp"

#include <unistd.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "gazette/http/detail/connection.hpp"
#include "gazette/http/detail/header_syntax.hpp"
#include "gazette/http/detail/worker_context.hpp"

namespace gazette::http {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

/// After a failed accept (often EMFILE: out of descriptors) wait this long instead of spinning on it.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

/// A header the server is asked to add must not be able to start another line or end the head.
bool IsSafeHeader(const std::pair<std::string, std::string>& header) {
  const auto& [name, value] = header;
  if (name.empty()) return false;
  for (const char c : name) {
    if (!detail::IsTokenChar(c)) return false;
  }
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> DefaultSecurityHeaders() {
  return {
      {"Content-Security-Policy", std::string(kDefaultContentSecurityPolicy)},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"X-Frame-Options", "DENY"},
  };
}

const PathBodyLimit* ServerOptions::BodyLimitFor(std::string_view target) const {
  const std::string_view path = target.substr(0, target.find('?'));
  const PathBodyLimit* best = nullptr;
  for (const PathBodyLimit& limit : body_limits) {
    const std::string_view prefix = limit.path_prefix;
    if (prefix.empty() || !path.starts_with(prefix)) continue;
    // Whole segments only: "/admin/media" is no prefix of "/admin/mediafiles".
    const bool whole_segment =
        path.size() == prefix.size() || prefix.back() == '/' || path[prefix.size()] == '/';
    if (whole_segment && (best == nullptr || prefix.size() > best->path_prefix.size())) best = &limit;
  }
  return best;
}

/// One thread: its own io_context and its own SO_REUSEPORT acceptor, so threads share nothing per request.
struct Worker {
  Worker(const ServerOptions& options, const Router& router, asio::thread_pool& slow_request_pool)
      : context(options, router, slow_request_pool) {
    if (options.access_log) {
      access_log.emplace(io.get_executor(), STDERR_FILENO);
      context.access_log = &*access_log;
    }
  }

  // Declared before the io_context: connections destroyed with it unlink themselves from context.
  detail::WorkerContext context;
  // One thread runs it and does all its I/O, so the reactor needs no locking; other threads only post to
  // it (Stop(), and the slow-request threads handing back their answers).
  asio::io_context io{BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO};
  tcp::acceptor acceptor{io};
  asio::steady_timer accept_retry{io};
  // After the io_context: its timer must go first. Lines of connections still open at the end are dropped
  // with them, as their answers are.
  std::optional<detail::AccessLog> access_log;
  std::thread thread;

  void Accept() {
    acceptor.async_accept(io, [this](boost::system::error_code ec, tcp::socket socket) {
      if (context.stopping || ec == asio::error::operation_aborted) return;
      if (ec) {
        spdlog::warn("accept failed: {}", ec.message());
        accept_retry.expires_after(kAcceptRetryDelay);
        accept_retry.async_wait([this](boost::system::error_code wait_ec) {
          if (!wait_ec && !context.stopping) Accept();
        });
        return;
      }
      std::make_shared<detail::Connection>(context, std::move(socket))->Start();
      Accept();
    });
  }

  void BeginStop() {
    context.stopping = true;
    boost::system::error_code ec;
    acceptor.close(ec);
    accept_retry.cancel();
    if (access_log) access_log->WriteThrough();
    for (detail::Connection* c = context.connections; c != nullptr;) {
      detail::Connection* next = c->next_in_list();
      c->OnServerStop();
      c = next;
    }
  }
};

struct Server::Impl {
  ServerOptions options;
  std::shared_ptr<const Router> router;
  std::optional<asio::thread_pool> slow_request_pool;
  std::vector<std::unique_ptr<Worker>> workers;
  std::uint16_t port = 0;
  bool started = false;
  bool stopped = false;
  std::mutex mutex;
  std::condition_variable finished_changed;
  std::size_t finished = 0;

  Status Listen(Worker& worker, const tcp::endpoint& endpoint) {
    boost::system::error_code ec;
    auto& acceptor = worker.acceptor;
    if (!acceptor.open(endpoint.protocol(), ec) &&
        !acceptor.set_option(tcp::acceptor::reuse_address(true), ec) &&
        !acceptor.set_option(ReusePort(true), ec) && !acceptor.bind(endpoint, ec) &&
        !acceptor.listen(asio::socket_base::max_listen_connections, ec)) {
      return OkStatus();
    }
    return MakeError(ErrorCode::kUnavailable, "cannot listen on " + options.host + ":" +
                                                  std::to_string(endpoint.port()) + ": " + ec.message());
  }

  void Run(Worker& worker) {
    while (true) {
      try {
        worker.io.run();
        break;
      } catch (const std::exception& e) {  // a bug: no handler should throw; keep serving
        spdlog::error("server thread caught: {}", e.what());
      }
    }
    std::lock_guard lock(mutex);
    ++finished;
    finished_changed.notify_all();
  }
};

Server::Server(ServerOptions options, std::shared_ptr<const Router> router)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->router = std::move(router);
}

Server::~Server() {
  Stop();
}

Status Server::Start() {
  Impl& impl = *impl_;
  if (impl.started) return MakeError(ErrorCode::kInternal, "server already started");
  if (!impl.router) return MakeError(ErrorCode::kInternal, "server has no router");
  for (const auto& header : impl.options.security_headers) {
    if (!IsSafeHeader(header)) {
      return MakeError(ErrorCode::kInvalid, "security header \"" + header.first + "\" is not a valid header");
    }
  }
  impl.started = true;

  boost::system::error_code ec;
  auto address = asio::ip::make_address(impl.options.host, ec);
  if (ec) {
    asio::io_context resolver_io;
    tcp::resolver resolver(resolver_io);
    const auto results = resolver.resolve(impl.options.host, "", ec);
    if (ec || results.empty()) {
      return MakeError(ErrorCode::kUnavailable, "cannot resolve host " + impl.options.host);
    }
    address = results.begin()->endpoint().address();
  }

  const int threads = std::max(1, impl.options.threads);
  // Two at least: one long password check must not queue every other slow request behind it.
  const int slow_request_threads =
      impl.options.slow_request_threads > 0 ? impl.options.slow_request_threads : std::max(2, threads);
  impl.slow_request_pool.emplace(static_cast<std::size_t>(slow_request_threads));
  std::uint16_t port = impl.options.port;
  for (int i = 0; i < threads; ++i) {
    auto worker = std::make_unique<Worker>(impl.options, *impl.router, *impl.slow_request_pool);
    // The first acceptor picks the port (when 0); the others join it through SO_REUSEPORT.
    if (Status listening = impl.Listen(*worker, tcp::endpoint(address, port)); !listening) {
      impl.workers.clear();
      impl.slow_request_pool->join();
      return listening;
    }
    port = worker->acceptor.local_endpoint(ec).port();
    impl.workers.push_back(std::move(worker));
  }
  impl.port = port;
  for (auto& worker : impl.workers) {
    worker->Accept();
    worker->thread = std::thread([&impl, w = worker.get()] { impl.Run(*w); });
  }
  return OkStatus();
}

std::uint16_t Server::port() const {
  return impl_->port;
}

void Server::Stop(std::chrono::milliseconds grace) {
  Impl& impl = *impl_;
  if (!impl.started || impl.stopped) return;
  impl.stopped = true;
  for (auto& worker : impl.workers) {
    asio::post(worker->io, [w = worker.get()] { w->BeginStop(); });
  }
  {
    std::unique_lock lock(impl.mutex);
    impl.finished_changed.wait_for(lock, grace, [&] { return impl.finished == impl.workers.size(); });
  }
  // Past the grace period, abandon what is still in flight. A handler that is running is not interrupted.
  for (auto& worker : impl.workers) worker->io.stop();
  for (auto& worker : impl.workers) {
    if (worker->thread.joinable()) worker->thread.join();
  }
  // A handler still running finishes first: it posts its answer to an event loop that must still exist
  // (the answer is then dropped with the loop).
  impl.slow_request_pool->join();
  impl.workers.clear();
}

}  // namespace gazette::http
