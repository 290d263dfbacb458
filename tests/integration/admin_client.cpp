#include "integration/admin_client.hpp"

#include <fmt/format.h>

#include <strings.h>

#include <cctype>

namespace gazette::testing {
namespace {

std::string PercentEncode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

bool HasField(const FormFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return true;
  }
  return false;
}

}  // namespace

std::string EncodeForm(const FormFields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += PercentEncode(name) + "=" + PercentEncode(value);
  }
  return body;
}

std::string HiddenInput(const std::string& html, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  const auto at = html.find(marker);
  if (at == std::string::npos) return {};
  const auto start = at + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

std::string AdminClient::CookieValue(const std::string& name) const {
  auto it = cookies_.find(name);
  return it == cookies_.end() ? std::string() : it->second;
}

void AdminClient::Remember(const HttpResponse& response) {
  for (const auto& [name, value] : response.headers) {
    if (name.size() != 10 || strncasecmp(name.c_str(), "set-cookie", 10) != 0) continue;
    const auto eq = value.find('=');
    const auto semicolon = value.find(';');
    if (eq == std::string::npos) continue;
    const std::string cookie = value.substr(0, eq);
    const std::string cookie_value = value.substr(eq + 1, semicolon == std::string::npos ? std::string::npos : semicolon - eq - 1);
    if (value.find("Max-Age=0") != std::string::npos) {
      cookies_.erase(cookie);
    } else {
      cookies_[cookie] = cookie_value;
    }
  }
  if (auto token = HiddenInput(response.body, "csrf"); !token.empty()) csrf_ = token;
}

HttpResponse AdminClient::Send(const std::string& method, const std::string& target, HeaderList headers,
                               std::string body) {
  std::string cookie_header;
  for (const auto& [name, value] : cookies_) {
    if (!cookie_header.empty()) cookie_header += "; ";
    cookie_header += name + "=" + value;
  }
  if (!cookie_header.empty()) headers.emplace_back("Cookie", cookie_header);
  auto response = Request(port_, method, target, std::move(headers), std::move(body));
  Remember(response);
  return response;
}

HttpResponse AdminClient::Get(const std::string& target, HeaderList headers) {
  return Send("GET", target, std::move(headers), {});
}

HttpResponse AdminClient::Post(const std::string& target, FormFields fields, HeaderList headers) {
  if (!HasField(fields, "csrf")) fields.emplace_back("csrf", csrf_);
  headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  return Send("POST", target, std::move(headers), EncodeForm(fields));
}

HttpResponse AdminClient::PostWithoutToken(const std::string& target, const FormFields& fields) {
  return Send("POST", target, {{"Content-Type", "application/x-www-form-urlencoded"}}, EncodeForm(fields));
}

HttpResponse AdminClient::PostMultipart(const std::string& target, FormFields fields,
                                        const std::vector<UploadFile>& files) {
  if (!HasField(fields, "csrf")) fields.emplace_back("csrf", csrf_);
  const std::string boundary = "----GazetteTestBoundary7MA4YWxkTrZu0gW";
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
  for (const auto& file : files) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field + "\"; filename=\"" +
            file.filename + "\"\r\nContent-Type: " + file.content_type + "\r\n\r\n" + file.bytes + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return Send("POST", target, {{"Content-Type", "multipart/form-data; boundary=" + boundary}}, std::move(body));
}

HttpResponse AdminClient::LogIn(const std::string& email, const std::string& password) {
  auto form = Get("/admin/login");
  auto response = Post("/admin/login", {{"email", email},
                                        {"password", password},
                                        {"login_token", HiddenInput(form.body, "login_token")},
                                        {"next", "/admin"},
                                        {"csrf", ""}});
  if (response.status == 303) Get("/admin");
  return response;
}

}  // namespace gazette::testing
