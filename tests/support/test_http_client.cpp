#include "support/test_http_client.hpp"

#include <strings.h>

#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <charconv>
#include <functional>

namespace gazette::testing {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

std::optional<std::size_t> ParseSize(std::string_view text, int base = 10) {
  std::size_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (result.ec != std::errc{} || result.ptr == text.data()) return std::nullopt;
  return value;
}

std::string BuildRequest(const std::string& method, const std::string& target, const HeaderList& headers,
                         const std::string& body) {
  std::string out = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  bool has_connection = false;
  for (const auto& [name, value] : headers) {
    has_connection = has_connection || EqualsIgnoreCase(name, "Connection");
    out += name + ": " + value + "\r\n";
  }
  if (!has_connection) out += "Connection: close\r\n";
  if (!body.empty()) out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  out += "\r\n";
  out += body;
  return out;
}

}  // namespace

std::string_view HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

bool HttpResponse::HasHeader(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return true;
  }
  return false;
}

RawExchange Exchange(std::uint16_t port, std::string bytes, std::chrono::milliseconds timeout) {
  RawExchange result;
  asio::io_context io;
  tcp::socket socket(io);
  std::array<char, 16 * 1024> chunk{};
  std::function<void()> read_more;
  read_more = [&] {
    socket.async_read_some(asio::buffer(chunk), [&](boost::system::error_code ec, std::size_t n) {
      result.received.append(chunk.data(), n);
      if (ec) {
        result.closed_by_server = ec == asio::error::eof || ec == asio::error::connection_reset;
        return;
      }
      read_more();
    });
  };
  socket.async_connect(
      tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), [&](boost::system::error_code ec) {
        if (ec) return;
        // Read while writing: a server may answer (and close) before taking a large body.
        read_more();
        asio::async_write(socket, asio::buffer(bytes), [](boost::system::error_code, std::size_t) {});
      });
  io.run_for(timeout);
  return result;
}

std::string SendRaw(std::uint16_t port, std::string bytes, std::chrono::milliseconds timeout) {
  return Exchange(port, std::move(bytes), timeout).received;
}

HttpResponse Request(std::uint16_t port, std::string method, std::string target, HeaderList headers,
                     std::string body) {
  const std::string raw = SendRaw(port, BuildRequest(method, target, headers, body));
  auto parsed = ParseResponse(raw, method == "HEAD");
  return parsed ? std::move(*parsed) : HttpResponse{};
}

HttpResponse Get(std::uint16_t port, std::string target, HeaderList headers) {
  return Request(port, "GET", std::move(target), std::move(headers));
}

struct KeepAliveConnection::Impl {
  asio::io_context io;
  tcp::socket socket{io};
  std::string pending;  ///< bytes read past the last answer
  bool connected = false;
  bool closed = false;

  /// Reads more into pending; false on timeout, close or error.
  bool ReadSome(std::chrono::milliseconds timeout) {
    std::array<char, 16 * 1024> chunk{};
    bool done = false;
    bool ok = false;
    socket.async_read_some(asio::buffer(chunk), [&](boost::system::error_code ec, std::size_t n) {
      done = true;
      pending.append(chunk.data(), n);
      ok = !ec;
      // A read cancelled by our own timeout leaves the connection open for the next Send.
      if (ec && ec != asio::error::operation_aborted) closed = true;
    });
    io.restart();
    io.run_for(timeout);
    if (!done) {
      socket.cancel();
      io.restart();
      io.run();  // let the cancelled read finish before chunk goes away
    }
    return ok;
  }
};

KeepAliveConnection::KeepAliveConnection(std::uint16_t port) : impl_(std::make_unique<Impl>()) {
  boost::system::error_code ec;
  impl_->socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
  impl_->connected = !ec;
}

KeepAliveConnection::~KeepAliveConnection() = default;

bool KeepAliveConnection::connected() const {
  return impl_->connected;
}

HttpResponse KeepAliveConnection::Send(std::string raw, bool head_request,
                                       std::chrono::milliseconds timeout) {
  boost::system::error_code ec;
  asio::write(impl_->socket, asio::buffer(raw), ec);
  if (ec) return {};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    std::size_t consumed = 0;
    if (auto response = ParseResponse(impl_->pending, head_request, &consumed);
        response &&
        (consumed < impl_->pending.size() || response->HasHeader("Content-Length") || head_request ||
         response->status == 304 || response->status == 204 || response->status < 200 || impl_->closed)) {
      impl_->pending.erase(0, consumed);
      return std::move(*response);
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || impl_->closed || !impl_->ReadSome(left)) {
      if (auto response = ParseResponse(impl_->pending, head_request); response && impl_->closed)
        return *response;
      return {};
    }
  }
}

bool KeepAliveConnection::WaitForClose(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!impl_->closed) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    impl_->ReadSome(left);
  }
  return true;
}

std::optional<HttpResponse> ParseResponse(std::string_view raw, bool head_request, std::size_t* consumed) {
  const std::size_t head_end = raw.find("\r\n\r\n");
  if (head_end == std::string_view::npos) return std::nullopt;
  std::string_view head = raw.substr(0, head_end + 2);
  HttpResponse response;
  // Status line: "HTTP/1.1 200 OK"
  const std::size_t line_end = head.find("\r\n");
  const std::string_view status_line = head.substr(0, line_end);
  if (status_line.substr(0, 5) != "HTTP/" || status_line.size() < 12) return std::nullopt;
  const auto status = ParseSize(status_line.substr(9, 3));
  if (!status) return std::nullopt;
  response.status = static_cast<unsigned>(*status);
  head.remove_prefix(line_end + 2);
  while (!head.empty()) {
    const std::size_t end = head.find("\r\n");
    const std::string_view line = head.substr(0, end);
    head.remove_prefix(end + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    response.headers.emplace_back(std::string(line.substr(0, colon)),
                                  std::string(Trim(line.substr(colon + 1))));
  }

  std::size_t position = head_end + 4;
  const bool bodiless =
      head_request || response.status == 204 || response.status == 304 || response.status < 200;
  if (bodiless) {
    // nothing
  } else if (EqualsIgnoreCase(response.Header("Transfer-Encoding"), "chunked")) {
    while (true) {
      const std::size_t size_end = raw.find("\r\n", position);
      if (size_end == std::string_view::npos) return std::nullopt;
      const auto size = ParseSize(raw.substr(position, size_end - position), 16);
      if (!size) return std::nullopt;
      position = size_end + 2;
      if (*size == 0) {
        const std::size_t trailer_end = raw.find("\r\n", position);
        if (trailer_end == std::string_view::npos) return std::nullopt;
        position = trailer_end + 2;
        break;
      }
      if (raw.size() < position + *size + 2) return std::nullopt;
      response.body.append(raw.substr(position, *size));
      position += *size + 2;
    }
  } else if (response.HasHeader("Content-Length")) {
    const auto length = ParseSize(response.Header("Content-Length"));
    if (!length || raw.size() < position + *length) return std::nullopt;
    response.body = std::string(raw.substr(position, *length));
    position += *length;
  } else {
    response.body = std::string(raw.substr(position));
    position = raw.size();
  }
  if (consumed != nullptr) *consumed = position;
  return response;
}

std::vector<HttpResponse> ParseResponses(std::string_view raw) {
  std::vector<HttpResponse> responses;
  while (!raw.empty()) {
    std::size_t consumed = 0;
    auto response = ParseResponse(raw, false, &consumed);
    if (!response) break;
    responses.push_back(std::move(*response));
    raw.remove_prefix(consumed);
  }
  return responses;
}

}  // namespace gazette::testing
