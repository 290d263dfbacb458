#include "gazette/http/response.hpp"

#include "gazette/http/detail/header_syntax.hpp"
#include "gazette/http/local_redirect.hpp"

namespace gazette::http {

std::string_view Response::FindHeader(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (detail::EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

std::string Response::BodyText() const {
  if (!pieces) return std::string(Body());
  std::string text;
  text.reserve(pieces->body.size());
  for (const auto piece : pieces->body.pieces) text += piece;
  return text;
}

bool Response::HasHeader(std::string_view name) const {
  for (const auto& header : headers) {
    if (detail::EqualsIgnoreCase(header.first, name)) return true;
  }
  return false;
}

Response Response::Text(unsigned status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  return response;
}

Response Response::Redirect(unsigned status, std::string location) {
  Response response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  if (!IsSafeLocalRedirect(location)) location = "/";
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

}  // namespace gazette::http
