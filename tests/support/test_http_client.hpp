#pragma once
/// A tiny blocking HTTP/1.1 client for tests: one connection per call, bounded by a timeout, so a broken
/// server fails a test instead of hanging it.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  unsigned status = 0;  ///< 0 when no answer could be read
  HeaderList headers;
  std::string body;

  /// First value of a header, case-insensitive; empty when absent.
  std::string_view Header(std::string_view name) const;
  bool HasHeader(std::string_view name) const;
};

/// Time any call waits for the whole answer before giving up.
inline constexpr std::chrono::milliseconds kDefaultClientTimeout{5000};

/// GET target from 127.0.0.1:port with "Connection: close"; status 0 when nothing came back.
HttpResponse Get(std::uint16_t port, std::string target, HeaderList headers = {});

/// Any method; a body gets a Content-Length. A HEAD answer is parsed without a body.
HttpResponse Request(std::uint16_t port, std::string method, std::string target, HeaderList headers = {},
                     std::string body = {});

/// Writes bytes as they are, then returns everything read until the server closes or timeout passes.
std::string SendRaw(std::uint16_t port, std::string bytes,
                    std::chrono::milliseconds timeout = kDefaultClientTimeout);

/// Like SendRaw, and also tells whether the server closed the connection (true) or the timeout hit (false).
struct RawExchange {
  std::string received;
  bool closed_by_server = false;
};
RawExchange Exchange(std::uint16_t port, std::string bytes,
                     std::chrono::milliseconds timeout = kDefaultClientTimeout);

/// One kept-alive connection for tests that send requests one after another on the same socket.
class KeepAliveConnection {
 public:
  explicit KeepAliveConnection(std::uint16_t port);
  ~KeepAliveConnection();
  KeepAliveConnection(const KeepAliveConnection&) = delete;
  KeepAliveConnection& operator=(const KeepAliveConnection&) = delete;

  bool connected() const;
  /// Writes raw and reads one whole answer (status 0 on timeout or when the server closed first).
  HttpResponse Send(std::string raw, bool head_request = false,
                    std::chrono::milliseconds timeout = kDefaultClientTimeout);
  /// True when the server closes the connection within timeout (reads and drops anything else).
  bool WaitForClose(std::chrono::milliseconds timeout = kDefaultClientTimeout);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Parses one answer at the start of raw; *consumed (when given) receives its length. Bodies are framed
/// by Content-Length, chunked encoding, or the end of raw. Empty optional when raw holds no whole answer.
std::optional<HttpResponse> ParseResponse(std::string_view raw, bool head_request = false,
                                          std::size_t* consumed = nullptr);

/// Every whole answer in raw, in order (pipelined or keep-alive exchanges).
std::vector<HttpResponse> ParseResponses(std::string_view raw);

}  // namespace gazette::testing
