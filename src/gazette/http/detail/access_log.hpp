#pragma once
/// AccessLog: one event loop's access log. Lines are kept in a buffer and written to the log's file
/// descriptor (stderr) with one write() when the buffer fills, 200 ms after the first unwritten line, and
/// when the server stops. A line per request had cost a write() and a process-wide lock on every answer.
/// The line format is the one the server's other logs use:
///   [2026-11-28 14:08:12.467] [access] [info] GET / 200 16489 78us
/// Internal to the server.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gazette::http::detail {

class AccessLog {
 public:
  /// Bytes kept before they are written at once: a few hundred lines.
  static constexpr std::size_t kFlushBytes = 32 * 1024;

  /// fd stays open and owned by the caller; the log only writes to it. Runs its timer on executor.
  AccessLog(boost::asio::any_io_executor executor, int fd);
  ~AccessLog();  ///< writes what is left
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  /// One answered request. method and target come from the request line, which the parser has checked
  /// for control characters.
  void Add(std::string_view method, std::string_view target, unsigned status, std::size_t body_bytes,
           std::int64_t micros);
  /// Writes the buffered lines now.
  void Flush();
  /// From now on each line is written as it is added, so that a stopping server has no timer waiting.
  void WriteThrough();

 private:
  void AppendTimestamp();

  int fd_;
  boost::asio::steady_timer timer_;
  bool timer_armed_ = false;
  bool write_through_ = false;
  std::string buffer_;
  std::int64_t stamp_second_ = -1;
  std::string stamp_;  ///< "[YYYY-mm-dd HH:MM:SS." of stamp_second_, local time
};

}  // namespace gazette::http::detail
