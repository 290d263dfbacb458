#pragma once
/// Router: method + path pattern -> handler. Patterns are literal segments and {name} segments
/// ("/category/{slug}", "/{year}/{month}/{slug}"); a literal segment wins over a {name} one.
/// Every GET route answers HEAD too. A path that matches no route gives 404; a path that matches with
/// another method gives 405 with Allow.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/http/request.hpp"
#include "gazette/http/response.hpp"

namespace gazette::http {

using Handler = std::function<Response(const Request&)>;

/// The parameter a prefix fallback finds the allowed methods in when the path exists with other methods.
inline constexpr std::string_view kAllowParam = "*allow";

/// Renders an error answer (404, 405, 400, ...) the way the site wants it (its error page template).
/// message is safe to show to the reader; the renderer must escape it.
using ErrorRenderer = std::function<Response(const Request*, unsigned status, std::string_view message)>;

/// Built at start-up, then only read: Dispatch is thread-safe once routes are added.
class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  /// Precondition: pattern starts with '/'. Throws std::invalid_argument on a duplicate route (a bug).
  void Add(Method method, std::string_view pattern, Handler handler);
  void Get(std::string_view pattern, Handler handler) { Add(Method::kGet, pattern, std::move(handler)); }
  void Post(std::string_view pattern, Handler handler) { Add(Method::kPost, pattern, std::move(handler)); }

  /// Runs handler instead of the 404 or 405 answer for a path under prefix that matches no route for its
  /// method: "/admin" covers "/admin" and "/admin/anything", not "/administrator". The longest matching
  /// prefix wins. For a 405, Param(kAllowParam) holds what the Allow header would. For areas whose addresses
  /// must not be told apart before a login (the back office).
  void SetPrefixFallback(std::string_view prefix, Handler handler);

  void SetErrorRenderer(ErrorRenderer renderer);
  /// Renders an error with the configured renderer (a plain text answer when none is set).
  Response Error(const Request* request, unsigned status, std::string_view message) const;

  /// Finds and runs the handler. For HEAD on a GET route, the GET handler runs (the server drops the body).
  /// Handler exceptions are caught, logged, and turned into a 500 page.
  Response Dispatch(Request& request) const;

  /// Every registered (method, pattern), for tests that walk all routes.
  std::vector<std::pair<Method, std::string>> Routes() const;

 private:
  /// Runs a handler, turning an exception into a logged 500.
  Response Run(const Handler& handler, Request& request) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::http
