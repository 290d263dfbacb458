#pragma once
/// Router: method + path pattern -> handler. Patterns are literal segments and {name} segments
/// ("/category/{slug}", "/{year}/{month}/{slug}"); a literal segment wins over a {name} one.
/// Every GET route answers HEAD too. A path that matches no route gives 404; a path that matches with
/// another method gives 405 with Allow. Each route says how long its handler may take (Pace), which tells
/// the server where to run it.

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

/// How long a handler may take. Most answers take microseconds (a cached page, a page built from a few
/// indexed reads) and are made on the event loop that read the request. A handler that can take
/// milliseconds or more is kSlow: a password check, a full-text search, a large document, a write that
/// may wait for the database's lock, the back office. The server runs those on its slow-request threads,
/// so that the event loop goes on answering its other connections meanwhile.
enum class Pace { kQuick, kSlow };

/// Built at start-up, then only read: Dispatch is thread-safe once routes are added.
class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  /// Precondition: pattern starts with '/'. Throws std::invalid_argument on a duplicate route (a bug).
  void Add(Method method, std::string_view pattern, Handler handler, Pace pace = Pace::kQuick);
  void Get(std::string_view pattern, Handler handler, Pace pace = Pace::kQuick) {
    Add(Method::kGet, pattern, std::move(handler), pace);
  }
  void Post(std::string_view pattern, Handler handler, Pace pace = Pace::kQuick) {
    Add(Method::kPost, pattern, std::move(handler), pace);
  }

  /// Runs handler instead of the 404 or 405 answer for a path under prefix that matches no route for its
  /// method: "/admin" covers "/admin" and "/admin/anything", not "/administrator". The longest matching
  /// prefix wins. For a 405, Param(kAllowParam) holds what the Allow header would. For areas whose addresses
  /// must not be told apart before a login (the back office).
  void SetPrefixFallback(std::string_view prefix, Handler handler, Pace pace = Pace::kQuick);

  void SetErrorRenderer(ErrorRenderer renderer);
  /// Renders an error with the configured renderer (a plain text answer when none is set).
  Response Error(const Request* request, unsigned status, std::string_view message) const;

  /// A request matched to what answers it (a handler, or an error page), before anything runs.
  class Match {
   public:
    Pace pace() const { return pace_; }

   private:
    friend class Router;
    const Handler* handler_ = nullptr;  ///< null: the answer is the error page of error_status_
    Pace pace_ = Pace::kQuick;
    unsigned error_status_ = 0;
    std::string allow_;  ///< for a 405: the Allow header
  };

  /// Finds what answers request and sets its path parameters; runs nothing. For HEAD on a GET route, the
  /// GET handler (the server drops the body).
  Match Resolve(Request& request) const;
  /// Runs what match found. Handler exceptions are caught, logged, and turned into a 500 page.
  Response Answer(const Match& match, Request& request) const;
  /// Resolve and Answer in one.
  Response Dispatch(Request& request) const { return Answer(Resolve(request), request); }

  struct Route {
    Method method;
    std::string pattern;
    Pace pace;
  };
  /// Every registered route, for tests that walk them all.
  std::vector<Route> Routes() const;

 private:
  /// Runs a handler, turning an exception into a logged 500.
  Response Run(const Handler& handler, Request& request) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::http
