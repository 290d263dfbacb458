#pragma once
/// RequestParser: Beast's HTTP/1.1 request parser feeding connection-owned, reused storage, so that a
/// steady stream of requests parses without allocating. Internal to the server.

#include <boost/beast/http/basic_parser.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/http/server.hpp"

namespace gazette::http::detail {

/// Where a piece of the header lives in RequestStorage::header_bytes.
struct Span {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

/// Reused across requests on one connection (cleared, capacity kept).
struct RequestStorage {
  std::string header_bytes;  ///< method, target, then field names and values, back to back
  std::vector<std::pair<Span, Span>> fields;
  std::string body;
};

class RequestParser final : public boost::beast::http::basic_parser<true> {
 public:
  /// storage and options must outlive the parser. Beast enforces max_header_bytes, and max_body_bytes or
  /// the options' body limit for the request's path (chosen as soon as the request line is read).
  RequestParser(RequestStorage& storage, const ServerOptions& options);

  std::string_view method_token() const { return View(method_); }
  std::string_view target() const { return View(target_); }
  std::string_view body() const { return storage_.body; }
  /// First value of a field, case-insensitive; empty when absent.
  std::string_view Field(std::string_view name) const;
  /// The request-line held a target longer than the limit (answer 414).
  bool target_too_long() const { return target_too_long_; }
  /// The request-line has been parsed (so a header_limit error concerns the fields: 431).
  bool got_request_line() const { return got_request_line_; }
  /// How long the body on this path may take once the header is in (PathBodyLimit::body_timeout), when
  /// the path has a limit of its own.
  std::optional<std::chrono::milliseconds> path_body_timeout() const { return path_body_timeout_; }

  /// Request::HeaderLookup for a native pointer to a RequestParser.
  static std::string_view LookupField(const void* native, std::string_view name);

 private:
  using string_view = boost::beast::string_view;
  using error_code = boost::beast::error_code;

  std::string_view View(Span span) const {
    return std::string_view(storage_.header_bytes).substr(span.offset, span.size);
  }
  Span Append(string_view text);

  void on_request_impl(boost::beast::http::verb method, string_view method_str, string_view target,
                       int version, error_code& ec) override;
  void on_response_impl(int code, string_view reason, int version, error_code& ec) override;
  void on_field_impl(boost::beast::http::field name, string_view name_string, string_view value,
                     error_code& ec) override;
  void on_header_impl(error_code& ec) override;
  void on_body_init_impl(const boost::optional<std::uint64_t>& content_length, error_code& ec) override;
  std::size_t on_body_impl(string_view body, error_code& ec) override;
  void on_chunk_header_impl(std::uint64_t size, string_view extensions, error_code& ec) override;
  std::size_t on_chunk_body_impl(std::uint64_t remain, string_view body, error_code& ec) override;
  void on_finish_impl(error_code& ec) override;

  RequestStorage& storage_;
  const ServerOptions& options_;
  std::optional<std::chrono::milliseconds> path_body_timeout_;
  Span method_;
  Span target_;
  bool target_too_long_ = false;
  bool got_request_line_ = false;
};

}  // namespace gazette::http::detail
