// What ServerOptions adds to the server: security headers on every answer, and body limits per path.
#include <gtest/gtest.h>
#include <strings.h>

#include <string>

#include "gazette/http/server.hpp"
#include "support/test_http_client.hpp"

namespace gazette::http {
namespace {

using testing::HttpResponse;
using testing::ParseResponse;
using testing::SendRaw;

constexpr std::size_t kDefaultBodyLimit = 16 * 1024;
constexpr std::size_t kUploadBodyLimit = 256 * 1024;

std::size_t CountHeaders(const HttpResponse& response, std::string_view name) {
  std::size_t count = 0;
  for (const auto& [key, value] : response.headers) {
    if (key.size() == name.size() && ::strncasecmp(key.data(), name.data(), name.size()) == 0) ++count;
  }
  return count;
}

void ExpectSecurityHeaders(const HttpResponse& response, const std::string& what) {
  EXPECT_EQ(response.Header("Content-Security-Policy"), kDefaultContentSecurityPolicy) << what;
  EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff") << what;
  EXPECT_EQ(response.Header("Referrer-Policy"), "strict-origin-when-cross-origin") << what;
  EXPECT_EQ(response.Header("X-Frame-Options"), "DENY") << what;
  for (const char* name :
       {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"}) {
    EXPECT_EQ(CountHeaders(response, name), 1u) << what << ": " << name;
  }
}

class ServerOptionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto router = std::make_shared<Router>();
    router->Get("/", [](const Request&) { return Response::Text(200, "home"); });
    router->Get("/framed", [](const Request&) {
      return Response::Text(200, "own policy")
          .SetHeader("content-security-policy", "default-src 'none'")
          .SetHeader("X-Frame-Options", "SAMEORIGIN");
    });
    router->Get("/cookie", [](const Request& r) {
      return Response::Text(200, std::string(r.Cookie("session").value_or("none")));
    });
    router->Post("/done", [](const Request&) { return Response::SeeOther("/"); });
    const auto size = [](const Request& r) { return Response::Text(200, std::to_string(r.body().size())); };
    router->Post("/echo", size);
    router->Post("/upload", size);
    router->Post("/upload/file", size);
    router->Post("/uploadx", size);
    router->SetErrorRenderer([](const Request*, unsigned status, std::string_view message) {
      return Response::Text(status, std::string(message));
    });

    ServerOptions options;
    options.port = 0;
    options.threads = 1;
    options.max_body_bytes = kDefaultBodyLimit;
    options.body_limits = {{"/upload", kUploadBodyLimit}};
    options.header_timeout = std::chrono::milliseconds(2000);
    options.access_log = false;
    server_ = std::make_unique<Server>(options, std::move(router));
    const Status started = server_->Start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    port_ = server_->port();
  }

  void TearDown() override { server_->Stop(); }

  HttpResponse Post(const std::string& target, std::size_t body_bytes) const {
    return testing::Request(port_, "POST", target, {}, std::string(body_bytes, 'u'));
  }

  /// A POST that declares Content-Length but sends almost nothing: refused before any body is read.
  unsigned DeclaredPostStatus(const std::string& target, std::size_t declared) const {
    const std::string raw = SendRaw(port_, "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                               std::to_string(declared) + "\r\n\r\nabc");
    const auto response = ParseResponse(raw);
    return response ? response->status : 0;
  }

  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
};

TEST_F(ServerOptionsTest, EveryAnswerCarriesTheSecurityHeaders) {
  ExpectSecurityHeaders(testing::Get(port_, "/"), "page");
  ExpectSecurityHeaders(testing::Get(port_, "/nowhere"), "404");
  ExpectSecurityHeaders(testing::Request(port_, "DELETE", "/"), "405");
  ExpectSecurityHeaders(testing::Get(port_, "/%zz"), "400 bad target");
  ExpectSecurityHeaders(testing::Request(port_, "HEAD", "/"), "HEAD");
  ExpectSecurityHeaders(testing::Request(port_, "POST", "/done", {}, "x=1"), "303");
  const HttpResponse first = testing::Get(port_, "/");
  ExpectSecurityHeaders(testing::Get(port_, "/", {{"If-None-Match", std::string(first.Header("ETag"))}}),
                        "304");
  const auto too_large =
      ParseResponse(SendRaw(port_, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n"));
  ASSERT_TRUE(too_large.has_value());
  EXPECT_EQ(too_large->status, 413u);
  ExpectSecurityHeaders(*too_large, "413");
}

TEST_F(ServerOptionsTest, AHandlersOwnHeaderReplacesTheDefault) {
  const HttpResponse response = testing::Get(port_, "/framed");
  EXPECT_EQ(response.Header("Content-Security-Policy"), "default-src 'none'");
  EXPECT_EQ(response.Header("X-Frame-Options"), "SAMEORIGIN");
  EXPECT_EQ(CountHeaders(response, "Content-Security-Policy"), 1u);
  EXPECT_EQ(CountHeaders(response, "X-Frame-Options"), 1u);
  EXPECT_EQ(response.Header("Referrer-Policy"), "strict-origin-when-cross-origin") << "others stay";
}

TEST_F(ServerOptionsTest, SeeOtherAnswersAPostWith303) {
  const HttpResponse response = testing::Request(port_, "POST", "/done", {}, "x=1");
  EXPECT_EQ(response.status, 303u);
  EXPECT_EQ(response.Header("Location"), "/");
}

TEST_F(ServerOptionsTest, HandlersReadCookies) {
  EXPECT_EQ(testing::Get(port_, "/cookie", {{"Cookie", "a=1; session=xyz; b=2"}}).body, "xyz");
  EXPECT_EQ(testing::Get(port_, "/cookie").body, "none");
}

TEST_F(ServerOptionsTest, AnUploadPathTakesALargerBody) {
  const HttpResponse upload = Post("/upload/file", 200'000);
  EXPECT_EQ(upload.status, 200u);
  EXPECT_EQ(upload.body, "200000");
  EXPECT_EQ(Post("/upload", 200'000).body, "200000");
  EXPECT_EQ(Post("/upload/file?x=1", kUploadBodyLimit).body, std::to_string(kUploadBodyLimit));
}

TEST_F(ServerOptionsTest, OtherPathsKeepTheSmallLimit) {
  EXPECT_EQ(Post("/echo", kDefaultBodyLimit).status, 200u);
  EXPECT_EQ(Post("/echo", 200'000).status, 413u);
  EXPECT_EQ(DeclaredPostStatus("/echo", 200'000), 413u);
  EXPECT_EQ(DeclaredPostStatus("/uploadx", 200'000), 413u) << "a prefix covers whole segments only";
  EXPECT_EQ(DeclaredPostStatus("/%75pload/file", 200'000), 413u) << "an encoded spelling gets the default";
}

TEST_F(ServerOptionsTest, AnUploadPathStillHasALimit) {
  EXPECT_EQ(DeclaredPostStatus("/upload/file", kUploadBodyLimit + 1), 413u);
  EXPECT_EQ(Post("/upload/file", kUploadBodyLimit + 100'000).status, 413u);
}

TEST(ServerOptions, AnUploadPathGivesTheBodyMoreTimeThanAHeader) {
  auto router = std::make_shared<Router>();
  const auto size = [](const Request& r) { return Response::Text(200, std::to_string(r.body().size())); };
  router->Post("/upload", size);
  router->Post("/echo", size);
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.access_log = false;
  options.header_timeout = std::chrono::milliseconds(200);
  options.body_limits = {{"/upload", kUploadBodyLimit, std::chrono::milliseconds(60'000)}};
  Server server(options, router);
  ASSERT_TRUE(server.Start().ok());

  const auto half_then_rest = [&](const std::string& target) {
    testing::KeepAliveConnection connection(server.port());
    const std::string head = "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n";
    // Waiting for an answer that does not come lets three header timeouts pass mid-body.
    const HttpResponse early = connection.Send(head + "12345", false, std::chrono::milliseconds(600));
    EXPECT_EQ(early.status, 0u);
    return connection.Send("67890").status;
  };
  EXPECT_EQ(half_then_rest("/upload"), 200u);
  EXPECT_EQ(half_then_rest("/echo"), 0u) << "an ordinary path is closed after the header timeout";
  server.Stop();
}

TEST(ServerOptions, BodyLimitForPicksTheLongestWholeSegmentPrefix) {
  ServerOptions options;
  options.body_limits = {{"/admin", 1}, {"/admin/media", 2}, {"/files/", 3}};
  const auto limit = [&](std::string_view target) {
    const PathBodyLimit* found = options.BodyLimitFor(target);
    return found ? found->max_bytes : 0;
  };
  EXPECT_EQ(limit("/admin"), 1u);
  EXPECT_EQ(limit("/admin/articles"), 1u);
  EXPECT_EQ(limit("/admin/media"), 2u);
  EXPECT_EQ(limit("/admin/media/"), 2u);
  EXPECT_EQ(limit("/admin/media/upload?x=1"), 2u);
  EXPECT_EQ(limit("/admin/media?x=/"), 2u);
  EXPECT_EQ(limit("/admin/mediafiles"), 1u);
  EXPECT_EQ(limit("/administrator"), 0u);
  EXPECT_EQ(limit("/files/a"), 3u);
  EXPECT_EQ(limit("/files"), 0u);
  EXPECT_EQ(limit("/"), 0u);
  EXPECT_EQ(limit("/?/admin/media"), 0u) << "the query is no part of the path";
}

TEST(ServerOptions, DefaultSecurityHeadersAllowNoInlineScript) {
  EXPECT_EQ(std::string_view(kDefaultContentSecurityPolicy).find("unsafe-inline"), std::string_view::npos);
  ServerOptions options;
  EXPECT_EQ(options.security_headers, DefaultSecurityHeaders());
  EXPECT_EQ(options.security_headers.size(), 4u);
}

TEST(ServerOptions, StartRefusesASecurityHeaderThatWouldSplitTheHead) {
  for (const std::pair<std::string, std::string>& header :
       {std::pair<std::string, std::string>{"X-Test", "a\r\nSet-Cookie: x=1"},
        {"X-Test", "a\nb"},
        {"X Test", "a"},
        {"", "a"},
        {"X-Test:", "a"}}) {
    ServerOptions options;
    options.port = 0;
    options.threads = 1;
    options.access_log = false;
    options.security_headers.push_back(header);
    Server server(options, std::make_shared<Router>());
    const Status status = server.Start();
    EXPECT_FALSE(status.ok()) << header.first;
  }
}

}  // namespace
}  // namespace gazette::http
