#pragma once
/// AdminClient: a person in the back office, for integration tests: keeps the cookies the server sets,
/// logs in through the login form, and sends forms with the session's CSRF token as a browser would.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/test_http_client.hpp"

namespace gazette::testing {

using FormFields = std::vector<std::pair<std::string, std::string>>;

/// application/x-www-form-urlencoded text of fields.
std::string EncodeForm(const FormFields& fields);

/// A file field of a multipart form.
struct UploadFile {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string bytes;
};

class AdminClient {
 public:
  explicit AdminClient(std::uint16_t port) : port_(port) {}

  /// Opens the login page and sends the form. Returns the answer to the POST (303 on success); after a
  /// success the CSRF token of the dashboard is known.
  HttpResponse LogIn(const std::string& email, const std::string& password);

  /// GET with the cookies held; a page's CSRF token, when it shows one, becomes the one sent next.
  HttpResponse Get(const std::string& target, HeaderList headers = {});
  /// POST of a url-encoded form; the CSRF token is added unless fields already name "csrf".
  HttpResponse Post(const std::string& target, FormFields fields, HeaderList headers = {});
  /// POST of a multipart/form-data form with files; the CSRF token is added as for Post.
  HttpResponse PostMultipart(const std::string& target, FormFields fields, const std::vector<UploadFile>& files);
  /// POST without adding a CSRF token (for tests of the refusal).
  HttpResponse PostWithoutToken(const std::string& target, const FormFields& fields);

  const std::string& csrf() const { return csrf_; }
  /// The value of a cookie the client holds, empty when none.
  std::string CookieValue(const std::string& name) const;
  void SetCookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  void ForgetCookies() { cookies_.clear(); }

 private:
  HttpResponse Send(const std::string& method, const std::string& target, HeaderList headers,
                    std::string body);
  void Remember(const HttpResponse& response);

  std::uint16_t port_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

/// The value of the hidden input called name in html, empty when absent.
std::string HiddenInput(const std::string& html, const std::string& name);

}  // namespace gazette::testing
