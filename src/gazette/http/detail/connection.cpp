#include "gazette/http/detail/connection.hpp"

#include <spdlog/spdlog.h>
#include <strings.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <exception>

#include "gazette/http/conditional.hpp"
#include "gazette/http/content_hash.hpp"
#include "gazette/http/detail/response_head.hpp"
#include "gazette/http/target.hpp"

namespace gazette::http::detail {
namespace asio = boost::asio;
namespace beast = boost::beast;

namespace {

/// One read asks the kernel for at most this much: a typical request fits, and a body streams through.
constexpr std::size_t kReadChunk = 16 * 1024;
/// After refusing a request we still read (and drop) this much of what the client keeps sending, so that
/// closing does not reset the connection before the client has read our answer.
constexpr std::size_t kMaxLingerBytes = 4 * 1024 * 1024;
/// ...and for at most this long.
constexpr std::chrono::milliseconds kLingerTimeout{1000};

std::string PeerAddress(const asio::ip::tcp::socket& socket) {
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  if (ec) return "-";
  auto address = endpoint.address();
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  }
  return address.to_string();
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

/// On a header_limit error: true when the request line itself is too long (414), false when the request
/// line was fine and the fields overflowed (431). Beast reports both the same way.
bool RequestLineTooLong(std::string_view buffered, std::size_t max_target_bytes) {
  const std::size_t line_end = buffered.find('\n');
  if (line_end == std::string_view::npos) return true;
  const std::string_view line = buffered.substr(0, line_end);
  const std::size_t first_space = line.find(' ');
  const std::size_t last_space = line.rfind(' ');
  if (first_space == std::string_view::npos || last_space <= first_space) return false;
  return last_space - first_space - 1 > max_target_bytes;
}

}  // namespace

Connection::Connection(WorkerContext& context, asio::ip::tcp::socket socket)
    : context_(context),
      socket_(std::move(socket)),
      timer_(socket_.get_executor()),
      peer_(PeerAddress(socket_)) {
  next_ = context_.connections;
  if (next_ != nullptr) next_->prev_ = this;
  context_.connections = this;
}

Connection::~Connection() {
  if (active_) context_.Release(std::move(active_));
  if (prev_ != nullptr) prev_->next_ = next_;
  if (next_ != nullptr) next_->prev_ = prev_;
  if (context_.connections == this) context_.connections = next_;
}

void Connection::Start() {
  beast::error_code ec;
  // Pipelined answers are separate writes; Nagle would hold the second one for the client's delayed ACK.
  socket_.set_option(asio::ip::tcp::no_delay(true), ec);
  // On loopback and busy links the first request is often here already: a read finds it without a wait.
  AwaitRequest(context_.options.header_timeout);
}

void Connection::OnServerStop() {
  if (state_ == State::kIdle) Close();
}

void Connection::AwaitRequest(Clock::duration timeout) {
  if (context_.warm_idle_connections >= WorkerContext::kMaxWarmIdle) {
    if (active_) context_.Release(std::move(active_));
    return WaitForRequest(timeout);
  }
  // Warm: keep the buffer and read into it. The read asks the kernel once (asio learns from the last read
  // that the socket is drained) and needs no change to the epoll set, unlike the buffer-less wait below:
  // an answer costs one send, one receive and a share of one epoll_wait, as nginx's do.
  if (!active_) active_ = context_.Acquire();
  state_ = State::kIdle;
  warm_idle_ = true;
  ++context_.warm_idle_connections;
  SetDeadline(timeout);
  ReadMore();
}

void Connection::LeaveWarmIdle() {
  if (!warm_idle_) return;
  warm_idle_ = false;
  --context_.warm_idle_connections;
}

void Connection::CoolDown() {
  // Called by the deadline timer on a connection still idle with its buffer: give the buffer back and
  // wait for readability instead. The pending read ends with operation_aborted (see ReadMore).
  cooling_ = true;
  beast::error_code ec;
  socket_.cancel(ec);
}

void Connection::WaitForRequest(Clock::duration timeout) {
  state_ = State::kIdle;
  SetDeadline(timeout);
  // Waiting for readability (not reading) lets an idle connection hold no buffer at all.
  socket_.async_wait(asio::ip::tcp::socket::wait_read, [self = shared_from_this()](beast::error_code ec) {
    if (self->state_ == State::kClosed) return;
    if (ec) return self->Close();
    self->active_ = self->context_.Acquire();
    self->state_ = State::kReading;
    // No header deadline yet: most requests arrive whole in the first read, and then none is needed.
    self->ReadMore();
  });
}

void Connection::ReadMore() {
  auto& input = active_->input;
  const std::size_t room = input.max_size() - input.size();
  if (room == 0) {
    // Cannot happen while the parser enforces header_limit below the buffer's size; refuse rather than spin.
    return AnswerProtocolError(beast::http::error::header_limit);
  }
  socket_.async_read_some(input.prepare(std::min(room, kReadChunk)),
                          [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                            self->OnRead(ec, bytes);
                          });
}

void Connection::OnRead(beast::error_code ec, std::size_t bytes) {
  if (state_ == State::kClosed) return;
  const bool was_idle = warm_idle_;
  const bool cooled = cooling_;
  LeaveWarmIdle();
  cooling_ = false;
  if (was_idle && cooled && ec == asio::error::operation_aborted) {
    context_.Release(std::move(active_));
    return WaitForRequest(deadline_ - Clock::now());
  }
  if (ec) return Close();  // the client left, possibly mid-request
  // A read that completed before the cancel reached it is a request like any other.
  state_ = State::kReading;
  active_->input.commit(bytes);
  Parse();
}

void Connection::Parse() {
  ActiveState& active = *active_;
  const ServerOptions& options = context_.options;
  if (!active.parser) {
    active.parser.emplace(active.storage, options);
  }
  beast::error_code ec;
  while (active.input.size() > 0 && !active.parser->is_done()) {
    const std::size_t used = active.parser->put(active.input.data(), ec);
    active.input.consume(used);
    if (ec || used == 0) break;
  }
  if (ec == beast::http::error::need_more) ec = {};
  if (ec) return AnswerProtocolError(ec);
  if (active.parser->is_done()) return HandleRequest();
  if (active.parser->is_header_done() && !continue_sent_ && active.input.size() == 0 &&
      EqualsIgnoreCase(active.parser->Field("Expect"), "100-continue")) {
    return SendContinue();
  }
  if (!request_deadline_set_) {
    // The request is incomplete: from now on the client has header_timeout to finish it (slowloris guard).
    request_deadline_set_ = true;
    SetDeadline(options.header_timeout);
  }
  if (!body_deadline_set_ && active.parser->is_header_done()) {
    if (const auto timeout = active.parser->path_body_timeout()) {
      // An upload path: its body may take longer to arrive than a header may.
      body_deadline_set_ = true;
      SetDeadline(*timeout);
    }
  }
  ReadMore();
}

void Connection::SendContinue() {
  // RFC 9110 section 10.1.1: the client waits for this before sending its body (curl does, for a second).
  continue_sent_ = true;
  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  asio::async_write(socket_, asio::buffer(kContinue.data(), kContinue.size()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      if (self->state_ == State::kClosed) return;
                      if (ec) return self->Close();
                      self->Parse();
                    });
}

void Connection::HandleRequest() {
  request_start_ = Clock::now();
  ActiveState& active = *active_;
  RequestParser& parser = *active.parser;
  const Method method = ParseMethod(parser.method_token());
  auto target = ParseTarget(parser.target());
  if (!target) {
    Response response = context_.router.Error(nullptr, 400, target.error().message);
    keep_alive_ = false;
    return Write(std::move(response), method == Method::kHead, /*keep_alive=*/false, {});
  }

  Request& request = active.request.emplace(method, parser.target(), std::move(target->path),
                                            std::move(target->query), parser.body(), peer_, &parser,
                                            &RequestParser::LookupField);
  Router::Match match;
  try {
    match = context_.router.Resolve(request);
  } catch (const std::exception& e) {
    return Answer(FailedAnswer(request, e));
  }
  if (match.pace() == Pace::kQuick) return Answer(Route(match));

  // A slow handler runs on the slow-request threads while this loop goes on serving its other connections.
  // The work guard keeps the loop running (also through Stop()) until the answer is back.
  state_ = State::kRouting;
  asio::post(context_.slow_request_pool, [self = shared_from_this(), match = std::move(match),
                                          work = asio::make_work_guard(socket_.get_executor())]() mutable {
    Response response = self->Route(match);
    asio::post(work.get_executor(),
               [self, response = std::move(response)]() mutable { self->Answer(std::move(response)); });
    work.reset();
  });
}

Response Connection::Route(const Router::Match& match) {
  // Maybe on a slow-request thread: only the request is used, which nothing else touches until the answer
  // is back.
  Request& request = *active_->request;
  try {
    return context_.router.Answer(match, request);
  } catch (const std::exception& e) {
    return FailedAnswer(request, e);
  }
}

Response Connection::FailedAnswer(const Request& request, const std::exception& error) {
  // The router already catches handler errors: this is routing or the error page itself failing.
  spdlog::error("answering {} {} failed: {}", MethodName(request.method()), request.target(), error.what());
  return Response::Text(500, "Internal server error\n");
}

void Connection::Answer(Response response) {
  if (state_ == State::kClosed) return;  // closed while the answer was being made: nobody to send it to
  RequestParser& parser = *active_->parser;
  const Method method = active_->request->method();
  EtagChars computed_etag{};
  std::string_view added_etag;
  if (response.status == 200 && (method == Method::kGet || method == Method::kHead)) {
    std::string_view etag = response.FindHeader("ETag");
    if (etag.empty() && !response.pieces) {  // an answer in pieces comes with its ETag
      computed_etag = StrongEtagChars(response.Body());
      added_etag = etag = std::string_view(computed_etag.data(), computed_etag.size());
    }
    if (IsNotModified(parser.Field("If-None-Match"), parser.Field("If-Modified-Since"), etag,
                      response.FindHeader("Last-Modified"))) {
      response.status = 304;
      response.body.clear();
      response.shared_body.reset();
      response.pieces.reset();
    }
  }
  Write(std::move(response), method == Method::kHead, parser.keep_alive() && !context_.stopping, added_etag);
}

void Connection::AnswerProtocolError(beast::error_code ec) {
  request_start_ = Clock::now();
  const ServerOptions& options = context_.options;
  unsigned status = 400;
  std::string_view message = "Bad request";
  const RequestParser* parser = active_->parser ? &*active_->parser : nullptr;
  const auto* data = static_cast<const char*>(active_->input.data().data());
  const std::string_view buffered(data, active_->input.size());
  // Once the parser has the request line, an overflow is the fields' (431), whatever the buffer holds.
  const bool request_line_parsed = parser != nullptr && parser->got_request_line();
  if ((parser != nullptr && parser->target_too_long()) ||
      (ec == beast::http::error::header_limit && !request_line_parsed &&
       RequestLineTooLong(buffered, options.max_target_bytes))) {
    status = 414;
    message = "Request-target too long";
  } else if (ec == beast::http::error::header_limit) {
    status = 431;
    message = "Request header fields too large";
  } else if (ec == beast::http::error::body_limit) {
    status = 413;
    message = "Request body too large";
  }
  Response response = context_.router.Error(nullptr, status, message);
  Write(std::move(response), /*head_only=*/false, /*keep_alive=*/false, {});
}

void Connection::Write(Response response, bool head_only, bool keep_alive, std::string_view etag) {
  state_ = State::kWriting;
  request_deadline_set_ = false;
  body_deadline_set_ = false;
  continue_sent_ = false;
  keep_alive_ = keep_alive;
  ActiveState& active = *active_;
  const Response& stored = active.response.emplace(std::move(response));
  const std::size_t body_size = stored.BodySize();
  SerializeHead(stored, HeadOptions{body_size, etag, keep_alive, context_.options.security_headers},
                active.head);
  const bool send_body = !head_only && stored.status != 304 && stored.status != 204 && stored.status >= 200;
  status_ = stored.status;
  body_bytes_ = send_body ? body_size : 0;
  // A client that stops reading our answer holds memory; give it as long as an idle connection, no more.
  SetDeadline(context_.options.keep_alive_timeout);
  auto& buffers = active.buffers;
  buffers.clear();
  buffers.push_back(asio::buffer(active.head));
  if (send_body && stored.pieces) {
    for (const auto piece : stored.pieces->body.pieces) buffers.push_back(asio::buffer(piece.data(), piece.size()));
  } else if (send_body) {
    const std::string_view body = stored.Body();
    buffers.push_back(asio::buffer(body.data(), body.size()));
  }
  asio::async_write(socket_, buffers,
                    [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnWritten(ec); });
}

void Connection::OnWritten(beast::error_code ec) {
  if (state_ == State::kClosed) return;
  LogAccess();
  if (ec) return Close();
  if (!keep_alive_ || context_.stopping) return LingerAndClose();
  active_->request.reset();
  active_->parser.reset();
  active_->response.reset();
  if (active_->input.size() > 0) {  // a pipelined request is already buffered: answer it next, in order
    state_ = State::kReading;
    return Parse();
  }
  AwaitRequest(context_.options.keep_alive_timeout);
}

void Connection::LogAccess() {
  if (!context_.access_log) return;
  std::string_view method = "-";
  std::string_view target = "-";
  if (active_ && active_->parser && !active_->parser->method_token().empty()) {
    method = active_->parser->method_token();
    target = active_->parser->target();
  }
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - request_start_).count();
  context_.access_log->Add(method, target, status_, body_bytes_, micros);
}

void Connection::LingerAndClose() {
  state_ = State::kLingering;
  beast::error_code ec;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  if (ec) return Close();
  lingered_bytes_ = 0;
  active_->input.clear();
  SetDeadline(kLingerTimeout);
  Drain();
}

void Connection::Drain() {
  auto& input = active_->input;
  socket_.async_read_some(input.prepare(std::min(input.max_size(), kReadChunk)),
                          [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                            if (self->state_ == State::kClosed) return;
                            self->lingered_bytes_ += bytes;
                            if (ec || self->lingered_bytes_ > kMaxLingerBytes) return self->Close();
                            self->Drain();
                          });
}

void Connection::Close() {
  if (state_ == State::kClosed) return;
  state_ = State::kClosed;
  LeaveWarmIdle();
  beast::error_code ec;
  socket_.close(ec);
  timer_.cancel();
  // active_ goes back to the pool in the destructor: a cancelled write may still name its buffers until then.
}

void Connection::SetDeadline(Clock::duration timeout) {
  deadline_ = Clock::now() + timeout;
  // The running wait wakes no later than the new deadline: keep it (it re-arms itself when woken early).
  if (timer_generation_ != 0 && timer_.expiry() <= deadline_) return;
  WaitForDeadline();
}

void Connection::WaitForDeadline() {
  timer_.expires_at(deadline_);  // cancels an earlier wait, whose handler then sees a stale generation
  const std::uint32_t generation = ++timer_generation_;
  timer_.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
    if (ec || generation != self->timer_generation_ || self->state_ == State::kClosed) return;
    // A request being answered is not timed out: its handler runs to the end and its answer goes out
    // (the write then has keep_alive_timeout).
    if (self->state_ == State::kRouting) {
      self->deadline_ = std::max(self->deadline_, Clock::now() + self->context_.options.keep_alive_timeout);
    }
    if (Clock::now() >= self->deadline_) return self->Close();
    // Woken before the deadline (it moved on with later requests): a connection found idle with its
    // buffer has had a quiet stretch, at least the time since the wait began; it hands the buffer back.
    if (self->warm_idle_ && !self->cooling_) self->CoolDown();
    self->WaitForDeadline();
  });
}

}  // namespace gazette::http::detail
