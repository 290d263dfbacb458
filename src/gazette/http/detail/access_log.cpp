#include "gazette/http/detail/access_log.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <ctime>
#include <mutex>

namespace gazette::http::detail {
namespace {

constexpr std::chrono::milliseconds kFlushDelay{200};

/// Every event loop writes to the same descriptor: a whole buffer goes out under this lock, so that lines
/// of two loops never interleave even when write() takes a buffer in parts (a pipe to a slow reader).
std::mutex& WriteMutex() {
  static std::mutex mutex;
  return mutex;
}

void WriteAll(int fd, std::string_view bytes) {
  std::lock_guard lock(WriteMutex());
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;  // nowhere to log to (closed stderr, full disk): serving goes on
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

void AppendNumber(std::string& out, std::uint64_t value, int min_digits = 1) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  for (auto width = end - digits; width < min_digits; ++width) out.push_back('0');
  out.append(digits, end);
}

}  // namespace

AccessLog::AccessLog(boost::asio::any_io_executor executor, int fd) : fd_(fd), timer_(std::move(executor)) {
  buffer_.reserve(kFlushBytes + 1024);
}

AccessLog::~AccessLog() {
  Flush();
}

void AccessLog::Add(std::string_view method, std::string_view target, unsigned status, std::size_t body_bytes,
                    std::int64_t micros) {
  AppendTimestamp();
  buffer_.append("] [access] [info] ");
  buffer_.append(method);
  buffer_.push_back(' ');
  buffer_.append(target);
  buffer_.push_back(' ');
  AppendNumber(buffer_, status);
  buffer_.push_back(' ');
  AppendNumber(buffer_, body_bytes);
  buffer_.push_back(' ');
  AppendNumber(buffer_, static_cast<std::uint64_t>(micros < 0 ? 0 : micros));
  buffer_.append("us\n");
  if (write_through_ || buffer_.size() >= kFlushBytes) return Flush();
  if (timer_armed_) return;
  timer_armed_ = true;
  timer_.expires_after(kFlushDelay);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    timer_armed_ = false;
    if (!ec) Flush();
  });
}

void AccessLog::Flush() {
  if (buffer_.empty()) return;
  WriteAll(fd_, buffer_);
  buffer_.clear();
}

void AccessLog::WriteThrough() {
  write_through_ = true;
  Flush();
  timer_.cancel();
}

void AccessLog::AppendTimestamp() {
  const auto now = std::chrono::system_clock::now();
  const auto since_epoch = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
  const std::int64_t second = since_epoch.count() / 1000;
  if (second != stamp_second_) {
    const std::time_t time = static_cast<std::time_t>(second);
    std::tm local{};
    localtime_r(&time, &local);
    char text[32];
    const std::size_t length = std::strftime(text, sizeof text, "[%Y-%m-%d %H:%M:%S.", &local);
    stamp_.assign(text, length);
    stamp_second_ = second;
  }
  buffer_.append(stamp_);
  AppendNumber(buffer_, static_cast<std::uint64_t>(since_epoch.count() % 1000), 3);
}

}  // namespace gazette::http::detail
