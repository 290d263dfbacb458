#include "gazette/admin/admin_gate.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "gazette/accounts/tokens.hpp"
#include "gazette/http/multipart.hpp"

namespace gazette::admin {

std::string EncodeQueryValue(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                            byte == '~' || byte == '/';
    if (unreserved) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

std::string AdminGate::ClientAddress(const http::Request& request) const {
  return ctx_.proxies.ClientAddress(request.peer(), request.Header("X-Forwarded-For"),
                                    request.Header("Forwarded"));
}

Result<accounts::AuthenticatedSession> AdminGate::Authenticate(const http::Request& request) const {
  const auto cookie = request.Cookie(kSessionCookie);
  if (!cookie) return MakeError(ErrorCode::kForbidden, "no session cookie");
  auto session = ctx_.accounts.sessions().Authenticate(*cookie);
  if (!session.ok() && session.error().code != ErrorCode::kForbidden) {
    spdlog::error("checking a back-office session failed: {}", session.error().message);
  }
  return session;
}

std::optional<accounts::AuthenticatedSession> AdminGate::SessionOf(const http::Request& request) const {
  auto session = Authenticate(request);
  if (!session.ok()) return std::nullopt;
  return std::move(session).value();
}

http::Response AdminGate::LoginRequired(const http::Request& request) const {
  if (AdminPages::WantsJson(request)) {
    auto response = AdminPages::Json(401, R"({"error":"Log in to the back office first."})");
    return response;
  }
  // A form sent after the session ended cannot be replayed after the login: go to the dashboard then.
  const bool get = request.method() == http::Method::kGet || request.method() == http::Method::kHead;
  const std::string_view back = get ? request.target() : std::string_view("/admin");
  return http::Response::Redirect(302, "/admin/login?next=" + EncodeQueryValue(back));
}

std::variant<AdminRequest, http::Response> AdminGate::Admit(const http::Request& request,
                                                            domain::Permission permission,
                                                            bool state_changing) const {
  // A storage failure while checking the session is told apart from "not logged in": sending someone to
  // the login page because the database was busy would lose the form they sent.
  auto session = Authenticate(request);
  if (!session.ok()) {
    if (session.error().code == ErrorCode::kForbidden) return LoginRequired(request);
    return pages_.Error(&request, 503, "The site is busy. Please try again in a moment.");
  }
  AdminRequest admitted{request, std::move(session).value(), ClientAddress(request), http::Form{}};

  if (!admitted.Can(permission)) {
    return pages_.Error(&request, 403,
                        fmt::format("Your role ({}) may not do this. Ask an administrator if you need to.",
                                    domain::RoleName(admitted.user().role)),
                        &admitted);
  }
  if (state_changing) {
    // Scripts send the token in a header and may send no form at all (JSON or an empty body).
    std::string_view token = request.Header(kCsrfHeader);
    if (!request.body().empty() || token.empty()) {
      auto form = http::ParseFormBody(request.Header("Content-Type"), request.body());
      if (!form.ok()) {
        if (token.empty()) {
          return pages_.Error(&request, 400, "The form could not be read: " + form.error().message, &admitted);
        }
      } else {
        admitted.form = std::move(form).value();
      }
    }
    if (token.empty()) token = admitted.form.Get(kCsrfField).value_or("");
    if (!accounts::TokensMatch(admitted.session.csrf_token, token)) {
      return pages_.Error(&request, 403,
                          "This form has expired or did not come from this site. Reload the page and try again.",
                          &admitted);
    }
  }
  return admitted;
}

}  // namespace gazette::admin
