// The buffered access log: lines in the server's log format, written when the buffer fills, by the flush
// timer, on WriteThrough and at the end, and never interleaved between event loops.
#include "gazette/http/detail/access_log.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace gazette::http::detail {
namespace {

/// A pipe whose read end does not block: Drain() returns what has been written so far.
class Pipe {
 public:
  Pipe() {
    if (::pipe(fds_) != 0) throw std::runtime_error("pipe failed");
    ::fcntl(fds_[0], F_SETFL, ::fcntl(fds_[0], F_GETFL) | O_NONBLOCK);
  }
  ~Pipe() {
    ::close(fds_[0]);
    ::close(fds_[1]);
  }
  int write_end() const { return fds_[1]; }
  std::string Drain() const {
    std::string out;
    char chunk[4096];
    while (true) {
      const ssize_t got = ::read(fds_[0], chunk, sizeof chunk);
      if (got <= 0) break;
      out.append(chunk, static_cast<std::size_t>(got));
    }
    return out;
  }

 private:
  int fds_[2] = {-1, -1};
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start) + "<no newline>");
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

/// "[YYYY-mm-dd HH:MM:SS.mmm] [access] [info] " then the request's figures.
bool IsWellFormed(const std::string& line, const std::string& message) {
  if (line.size() != 26 + std::string("[access] [info] ").size() + message.size()) return false;
  for (const std::size_t digit : {1u, 2u, 3u, 4u, 6u, 7u, 9u, 10u, 12u, 13u, 15u, 16u, 18u, 19u, 21u, 22u, 23u}) {
    if (line[digit] < '0' || line[digit] > '9') return false;
  }
  return line[0] == '[' && line[5] == '-' && line[8] == '-' && line[11] == ' ' && line[14] == ':' &&
         line[17] == ':' && line[20] == '.' && line.substr(24) == "] [access] [info] " + message;
}

TEST(AccessLog, KeepsLinesUntilFlushedAndWritesThemInTheLogFormat) {
  boost::asio::io_context io;
  Pipe pipe;
  AccessLog log(io.get_executor(), pipe.write_end());
  log.Add("GET", "/2026/01/a?page=2", 200, 16489, 78);
  log.Add("HEAD", "/", 304, 0, 5);
  EXPECT_EQ(pipe.Drain(), "");
  log.Flush();
  const auto lines = Lines(pipe.Drain());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(IsWellFormed(lines[0], "GET /2026/01/a?page=2 200 16489 78us")) << lines[0];
  EXPECT_TRUE(IsWellFormed(lines[1], "HEAD / 304 0 5us")) << lines[1];
}

TEST(AccessLog, TheTimerWritesAQuietLoopsLines) {
  boost::asio::io_context io;
  Pipe pipe;
  AccessLog log(io.get_executor(), pipe.write_end());
  log.Add("GET", "/", 200, 10, 1);
  EXPECT_EQ(pipe.Drain(), "");
  io.run();  // returns once the flush timer has fired: nothing else is pending
  const auto lines = Lines(pipe.Drain());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(IsWellFormed(lines[0], "GET / 200 10 1us")) << lines[0];
}

TEST(AccessLog, AFullBufferIsWrittenAtOnce) {
  boost::asio::io_context io;
  Pipe pipe;
  AccessLog log(io.get_executor(), pipe.write_end());
  const std::string target = "/" + std::string(200, 'x');
  const std::string message = "GET " + target + " 200 1 1us";
  const std::size_t line_bytes = 24 + std::string("] [access] [info] ").size() + message.size() + 1;
  // Without running the timer: nothing goes out until the buffer is full, then all of it at once.
  std::string written;
  std::size_t added = 0;
  while (written.empty() && added < 1000) {
    log.Add("GET", target, 200, 1, 1);
    ++added;
    written = pipe.Drain();
  }
  EXPECT_EQ(added, (AccessLog::kFlushBytes + line_bytes - 1) / line_bytes);
  const auto lines = Lines(written);
  EXPECT_EQ(lines.size(), added);
  for (const auto& line : lines) EXPECT_TRUE(IsWellFormed(line, message)) << line;
}

TEST(AccessLog, WriteThroughAndTheEndLeaveNothingBehind) {
  boost::asio::io_context io;
  Pipe pipe;
  {
    AccessLog log(io.get_executor(), pipe.write_end());
    log.Add("GET", "/kept", 200, 1, 1);
    log.WriteThrough();
    EXPECT_EQ(Lines(pipe.Drain()).size(), 1u);
    log.Add("GET", "/at-once", 200, 1, 1);
    EXPECT_EQ(Lines(pipe.Drain()).size(), 1u);
  }
  {
    AccessLog last(io.get_executor(), pipe.write_end());
    last.Add("GET", "/last", 200, 1, 1);
    EXPECT_EQ(pipe.Drain(), "");
  }
  const auto lines = Lines(pipe.Drain());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(IsWellFormed(lines[0], "GET /last 200 1 1us")) << lines[0];
}

TEST(AccessLog, LinesOfTwoLoopsNeverInterleave) {
  Pipe pipe;
  std::string read;
  std::atomic<bool> writing{true};
  std::thread reader([&] {
    while (writing) read += pipe.Drain();
    read += pipe.Drain();
  });
  std::vector<std::thread> loops;
  for (const char* method : {"GET", "POST"}) {
    loops.emplace_back([&pipe, method] {
      boost::asio::io_context io;
      AccessLog log(io.get_executor(), pipe.write_end());
      const std::string target = "/" + std::string(300, method[0]);
      for (int i = 0; i < 3000; ++i) log.Add(method, target, 200, 1, 1);
    });
  }
  for (auto& loop : loops) loop.join();
  writing = false;
  reader.join();
  const auto lines = Lines(read);
  ASSERT_EQ(lines.size(), 6000u);
  for (const auto& line : lines) {
    const bool get = IsWellFormed(line, "GET /" + std::string(300, 'G') + " 200 1 1us");
    const bool post = IsWellFormed(line, "POST /" + std::string(300, 'P') + " 200 1 1us");
    ASSERT_TRUE(get || post) << line.substr(0, 80);
  }
}

}  // namespace
}  // namespace gazette::http::detail
