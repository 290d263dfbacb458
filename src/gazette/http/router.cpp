#include "gazette/http/router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <exception>
#include <map>
#include <stdexcept>

namespace gazette::http {
namespace {

constexpr std::size_t kMethodCount = static_cast<std::size_t>(Method::kOther);

std::size_t Index(Method method) {
  return static_cast<std::size_t>(method);
}

/// Splits "/a/b/" into {"a", "b", ""}: a trailing slash is a distinct (empty) segment, so "/a/" and "/a"
/// are different routes, as they are different URLs.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return segments;  // "/" is the root: no segments
  while (true) {
    const std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

/// "/admin" covers "/admin" and "/admin/x", not "/administrator".
bool IsUnder(std::string_view path, std::string_view prefix) {
  return path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

bool IsParam(std::string_view segment) {
  return segment.size() >= 3 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

struct Router::Impl {
  struct Node {
    std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
    /// {name} children in the order added; differently named ones are tried in turn.
    std::vector<std::pair<std::string, std::unique_ptr<Node>>> params;
    std::array<Handler, kMethodCount> handlers;
    std::array<Pace, kMethodCount> paces{};
    std::string pattern;

    bool HasAnyHandler() const {
      for (const auto& handler : handlers) {
        if (handler) return true;
      }
      return false;
    }
  };

  struct Fallback {
    std::string prefix;
    Handler handler;
    Pace pace;
  };

  Node root;
  ErrorRenderer error_renderer;
  std::vector<Fallback> fallbacks;

  /// The fallback whose prefix covers path (the longest), or null.
  const Fallback* FallbackFor(std::string_view path) const {
    const Fallback* best = nullptr;
    for (const auto& fallback : fallbacks) {
      if (IsUnder(path, fallback.prefix) && (best == nullptr || fallback.prefix.size() > best->prefix.size()))
        best = &fallback;
    }
    return best;
  }
  std::vector<Route> routes;

  /// Walks matches in precedence order (literal before {name}, depth first) and stops at the first node
  /// that has a handler for the method. allowed collects the methods of every matching node on the way.
  const Node* Find(const Node& node, const std::vector<std::string_view>& segments, std::size_t depth,
                   std::size_t method_index, std::vector<std::pair<std::string_view, std::string>>& params,
                   std::array<bool, kMethodCount>& allowed) const {
    if (depth == segments.size()) {
      if (!node.HasAnyHandler()) return nullptr;
      for (std::size_t i = 0; i < kMethodCount; ++i)
        allowed[i] = allowed[i] || static_cast<bool>(node.handlers[i]);
      return node.handlers[method_index] ? &node : nullptr;
    }
    const std::string_view segment = segments[depth];
    if (auto it = node.literals.find(segment); it != node.literals.end()) {
      if (const Node* found = Find(*it->second, segments, depth + 1, method_index, params, allowed))
        return found;
    }
    if (segment.empty()) return nullptr;  // {name} never matches an empty segment
    for (const auto& [name, child] : node.params) {
      params.emplace_back(name, std::string(segment));
      if (const Node* found = Find(*child, segments, depth + 1, method_index, params, allowed)) return found;
      params.pop_back();
    }
    return nullptr;
  }
};

Router::Router() : impl_(std::make_unique<Impl>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(Method method, std::string_view pattern, Handler handler, Pace pace) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("route pattern must start with '/'");
  if (method == Method::kOther || method == Method::kHead) {
    throw std::invalid_argument("routes take a known method other than HEAD (GET routes answer HEAD)");
  }
  Impl::Node* node = &impl_->root;
  for (const std::string_view segment : Segments(pattern)) {
    if (IsParam(segment)) {
      const std::string_view name = segment.substr(1, segment.size() - 2);
      auto it = std::find_if(node->params.begin(), node->params.end(),
                             [&](const auto& entry) { return entry.first == name; });
      if (it == node->params.end()) {
        node->params.emplace_back(std::string(name), std::make_unique<Impl::Node>());
        it = std::prev(node->params.end());
      }
      node = it->second.get();
    } else {
      auto& child = node->literals[std::string(segment)];
      if (!child) child = std::make_unique<Impl::Node>();
      node = child.get();
    }
  }
  Handler& slot = node->handlers[Index(method)];
  if (slot)
    throw std::invalid_argument(std::string("duplicate route ") + MethodName(method) + " " +
                                std::string(pattern));
  slot = std::move(handler);
  node->paces[Index(method)] = pace;
  node->pattern = std::string(pattern);
  impl_->routes.push_back(Route{method, std::string(pattern), pace});
}

void Router::SetPrefixFallback(std::string_view prefix, Handler handler, Pace pace) {
  if (prefix.empty() || prefix.front() != '/' || prefix.back() == '/')
    throw std::invalid_argument("a fallback prefix starts with '/' and does not end with one");
  impl_->fallbacks.push_back(Impl::Fallback{std::string(prefix), std::move(handler), pace});
}

void Router::SetErrorRenderer(ErrorRenderer renderer) {
  impl_->error_renderer = std::move(renderer);
}

Response Router::Error(const Request* request, unsigned status, std::string_view message) const {
  if (impl_->error_renderer) {
    try {
      Response response = impl_->error_renderer(request, status, message);
      response.status = status;
      return response;
    } catch (const std::exception& e) {
      spdlog::error("error page for status {} failed: {}", status, e.what());
    } catch (...) {
      spdlog::error("error page for status {} failed with an unknown exception", status);
    }
  }
  return Response::Text(status, std::string(message) + "\n");
}

Router::Match Router::Resolve(Request& request) const {
  Match match;
  // RFC 9110 section 15.6.2: 501 is for methods the server does not recognise at all.
  if (request.method() == Method::kOther) {
    match.error_status_ = 501;
    return match;
  }
  const Method lookup = request.method() == Method::kHead ? Method::kGet : request.method();
  const auto segments = Segments(request.path());
  std::vector<std::pair<std::string_view, std::string>> params;
  std::array<bool, kMethodCount> allowed{};
  const Impl::Node* node = impl_->Find(impl_->root, segments, 0, Index(lookup), params, allowed);
  const auto fallback_to = [&match](const Impl::Fallback& fallback) {
    match.handler_ = &fallback.handler;
    match.pace_ = fallback.pace;
    return match;
  };
  // Under a fallback's prefix only the routes registered there count: "/admin/x/y" must not reach a route
  // outside it such as "/{year}/{month}/{slug}".
  const Impl::Fallback* fallback = impl_->FallbackFor(request.path());
  if (fallback != nullptr && node != nullptr && !IsUnder(node->pattern, fallback->prefix))
    return fallback_to(*fallback);
  if (node == nullptr) {
    std::string allow;
    for (std::size_t i = 0; i < kMethodCount; ++i) {
      if (!allowed[i]) continue;
      if (!allow.empty()) allow += ", ";
      allow += MethodName(static_cast<Method>(i));
      if (static_cast<Method>(i) == Method::kGet) allow += ", HEAD";
    }
    if (fallback != nullptr) {
      if (!allow.empty()) request.SetParams({{kAllowParam, allow}});
      return fallback_to(*fallback);
    }
    match.error_status_ = allow.empty() ? 404 : 405;
    match.allow_ = std::move(allow);
    return match;
  }
  request.SetParams(std::move(params));
  match.handler_ = &node->handlers[Index(lookup)];
  match.pace_ = node->paces[Index(lookup)];
  return match;
}

Response Router::Answer(const Match& match, Request& request) const {
  if (match.handler_ != nullptr) return Run(*match.handler_, request);
  switch (match.error_status_) {
    case 501:
      return Error(&request, 501, "Method not implemented");
    case 405: {
      Response response = Error(&request, 405, "Method not allowed");
      response.SetHeader("Allow", match.allow_);
      return response;
    }
    default:
      return Error(&request, 404, "Page not found");
  }
}

Response Router::Run(const Handler& handler, Request& request) const {
  try {
    return handler(request);
  } catch (const std::exception& e) {
    spdlog::error("handler for {} {} failed: {}", MethodName(request.method()), request.path(), e.what());
  } catch (...) {
    spdlog::error("handler for {} {} failed with an unknown exception", MethodName(request.method()),
                  request.path());
  }
  return Error(&request, 500, "Internal server error");
}

std::vector<Router::Route> Router::Routes() const {
  return impl_->routes;
}

}  // namespace gazette::http
