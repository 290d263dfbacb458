#pragma once
/// Connection: one accepted socket. Reads requests into pooled buffers, runs the router, writes each answer
/// as one gather write, and enforces the limits and timeouts of ServerOptions. Internal to the server.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>
#include <chrono>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "gazette/http/detail/worker_context.hpp"

namespace gazette::http::detail {

/// Lives as long as an asynchronous operation holds it (shared_from_this); all calls on the worker thread.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(WorkerContext& context, boost::asio::ip::tcp::socket socket);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Start();
  /// The server is stopping: an idle connection closes now, a busy one after its current answer.
  void OnServerStop();

  Connection* next_in_list() const { return next_; }

 private:
  using Clock = std::chrono::steady_clock;
  enum class State { kIdle, kReading, kRouting, kWriting, kLingering, kClosed };

  /// Waits for the next request warm (reading into a buffer kept from the last one) while the thread has
  /// room for another warm connection, else cold (WaitForRequest).
  void AwaitRequest(Clock::duration timeout);
  /// Waits for readability holding no buffer: how an idle connection waits.
  void WaitForRequest(Clock::duration timeout);
  void LeaveWarmIdle();
  void CoolDown();
  void ReadMore();
  void OnRead(boost::beast::error_code ec, std::size_t bytes);
  void Parse();
  void SendContinue();
  void HandleRequest();
  /// Runs what the request was matched to; on the event loop or, for a slow route, on a slow-request thread.
  Response Route(const Router::Match& match);
  static Response FailedAnswer(const Request& request, const std::exception& error);
  void Answer(Response response);
  void AnswerProtocolError(boost::beast::error_code ec);
  void Write(Response response, bool head_only, bool keep_alive, std::string_view etag);
  void OnWritten(boost::beast::error_code ec);
  void LogAccess();
  void LingerAndClose();
  void Drain();
  void Close();
  void SetDeadline(Clock::duration timeout);
  void WaitForDeadline();

  WorkerContext& context_;
  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer timer_;
  Clock::time_point deadline_;
  std::uint32_t timer_generation_ = 0;
  State state_ = State::kIdle;
  bool keep_alive_ = true;
  bool request_deadline_set_ = false;  ///< the current request is incomplete and on the header_timeout clock
  bool body_deadline_set_ = false;     ///< ...and its body on the longer clock of its path (uploads)
  bool continue_sent_ = false;         ///< "100 Continue" already went out for the current request
  bool warm_idle_ = false;             ///< idle, with a read pending into active_'s buffer
  bool cooling_ = false;               ///< that read was cancelled to hand the buffer back
  std::size_t lingered_bytes_ = 0;
  std::unique_ptr<ActiveState> active_;  ///< held only while a request is read, handled or written
  std::string peer_;
  Connection* prev_ = nullptr;
  Connection* next_ = nullptr;
  // For the access log line of the answer being written.
  Clock::time_point request_start_;
  unsigned status_ = 0;
  std::size_t body_bytes_ = 0;
};

}  // namespace gazette::http::detail
