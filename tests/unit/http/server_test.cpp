#include "gazette/http/server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <future>
#include <thread>

#include "gazette/http/detail/worker_context.hpp"
#include "support/test_http_client.hpp"

namespace gazette::http {
namespace {

using testing::Exchange;
using testing::Get;
using testing::HttpResponse;
using testing::KeepAliveConnection;
using testing::ParseResponse;
using testing::ParseResponses;
using testing::SendRaw;

constexpr std::string_view kLastModified = "Tue, 15 Nov 1994 12:45:26 GMT";

std::shared_ptr<Router> ToyRouter(std::promise<void>* slow_entered) {
  auto router = std::make_shared<Router>();
  router->Get("/", [](const Request&) { return Response::Text(200, "home"); });
  router->Get("/hello/{name}",
              [](const Request& r) { return Response::Text(200, "hello " + std::string(r.Param("name"))); });
  router->Get("/query", [](const Request& r) {
    return Response::Text(200, std::string(r.Query("q").value_or("none")));
  });
  router->Get("/header",
              [](const Request& r) { return Response::Text(200, std::string(r.Header("x-probe"))); });
  router->Post("/echo", [](const Request& r) { return Response::Text(200, std::string(r.body())); });
  router->Get("/big", [](const Request&) { return Response::Text(200, std::string(100'000, 'b')); });
  router->Get("/dated", [](const Request&) {
    return Response::Text(200, "dated").SetHeader("Last-Modified", std::string(kLastModified));
  });
  router->Get("/tagged",
              [](const Request&) { return Response::Text(200, "tagged").SetHeader("ETag", "\"v1\""); });
  router->Get("/shared", [](const Request&) {
    Response response;
    response.shared_body = std::make_shared<const std::string>("shared bytes");
    return response;
  });
  router->Get("/inject", [](const Request&) {
    return Response::Text(200, "x").SetHeader("X-Bad", "a\r\nSet-Cookie: evil=1").SetHeader("X-Good", "fine");
  });
  router->Get("/throw", [](const Request&) -> Response { throw std::runtime_error("boom"); });
  router->Get("/slow", [slow_entered](const Request&) {
    slow_entered->set_value();
    // Simulated work that is still running when the test asks the server to stop.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return Response::Text(200, "slow done");
  });
  router->SetErrorRenderer([](const Request*, unsigned status, std::string_view message) {
    return Response::Text(status, "error page: " + std::string(message));
  });
  return router;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    options.max_target_bytes = 1024;
    options.max_header_bytes = 4096;
    options.max_body_bytes = 64 * 1024;
    options.header_timeout = std::chrono::milliseconds(300);
    options.keep_alive_timeout = std::chrono::milliseconds(3000);
    options.access_log = false;
    server_ = std::make_unique<Server>(options, ToyRouter(&slow_entered_));
    const Status started = server_->Start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    port_ = server_->port();
    ASSERT_NE(port_, 0);
  }

  void TearDown() override { server_->Stop(); }

  /// The server must keep answering after whatever a test threw at it.
  void ExpectStillServing() {
    const HttpResponse response = Get(port_, "/");
    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(response.body, "home");
  }

  std::promise<void> slow_entered_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
};

TEST_F(ServerTest, AnswersARouteWithTheStandardHeaders) {
  const HttpResponse response = Get(port_, "/hello/world");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "hello world");
  EXPECT_EQ(response.Header("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(response.Header("Content-Length"), "11");
  EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_TRUE(response.Header("Date").ends_with(" GMT"));
  EXPECT_EQ(response.Header("ETag").size(), 18u);
}

TEST_F(ServerTest, PassesDecodedQueryAndHeadersToHandlers) {
  EXPECT_EQ(Get(port_, "/query?q=caf%C3%A9+au+lait").body, "café au lait");
  EXPECT_EQ(Get(port_, "/header", {{"X-Probe", "seen"}}).body, "seen");
  EXPECT_EQ(testing::Request(port_, "POST", "/echo", {}, "posted body").body, "posted body");
}

TEST_F(ServerTest, UnknownPathIs404FromTheErrorRenderer) {
  const HttpResponse response = Get(port_, "/nowhere");
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(response.body, "error page: Page not found");
  EXPECT_FALSE(response.HasHeader("ETag"));
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  const HttpResponse response = testing::Request(port_, "POST", "/");
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(response.Header("Allow"), "GET, HEAD");
  const HttpResponse delete_echo = testing::Request(port_, "DELETE", "/echo");
  EXPECT_EQ(delete_echo.status, 405u);
  EXPECT_EQ(delete_echo.Header("Allow"), "POST");
}

TEST_F(ServerTest, UnknownMethodIs501) {
  EXPECT_EQ(testing::Request(port_, "BREW", "/").status, 501u);
  ExpectStillServing();
}

TEST_F(ServerTest, ThrowingHandlerIs500AndTheServerGoesOn) {
  const HttpResponse response = Get(port_, "/throw");
  EXPECT_EQ(response.status, 500u);
  EXPECT_EQ(response.body.find("boom"), std::string::npos);
  ExpectStillServing();
}

TEST_F(ServerTest, LongTargetIs414) {
  // Within the header limit: Beast hands us the request line and we measure the target.
  EXPECT_EQ(Get(port_, "/" + std::string(2000, 'a')).status, 414u);
  // Longer than the whole header limit: told apart from big headers by looking at the buffer.
  EXPECT_EQ(Get(port_, "/" + std::string(10'000, 'a')).status, 414u);
  ExpectStillServing();
}

TEST_F(ServerTest, HugeHeadersAre431) {
  testing::HeaderList headers;
  for (int i = 0; i < 40; ++i) headers.emplace_back("X-Filler-" + std::to_string(i), std::string(200, 'h'));
  EXPECT_EQ(Get(port_, "/", headers).status, 431u);
  EXPECT_EQ(Get(port_, "/", {{"X-One", std::string(8000, 'h')}}).status, 431u);
  // One field far over the whole limit: the buffer then holds no line end at all.
  EXPECT_EQ(Get(port_, "/", {{"X-Huge", std::string(40000, 'h')}}).status, 431u);
  ExpectStillServing();
}

TEST_F(ServerTest, DeclaredBodyOverTheLimitIs413WithoutReadingIt) {
  const std::string raw =
      SendRaw(port_, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\nabc");
  const auto response = ParseResponse(raw);
  ASSERT_TRUE(response.has_value()) << raw;
  EXPECT_EQ(response->status, 413u);
  EXPECT_EQ(response->Header("Connection"), "close");
  ExpectStillServing();
}

TEST_F(ServerTest, SentBodyOverTheLimitIs413AndTheClientReadsTheAnswer) {
  EXPECT_EQ(testing::Request(port_, "POST", "/echo", {}, std::string(300'000, 'x')).status, 413u);
  const std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                              std::string("10000\r\n") + std::string(0x10000, 'y') + "\r\n10\r\n" +
                              std::string(16, 'z') + "\r\n0\r\n\r\n";
  const auto response = ParseResponse(SendRaw(port_, chunked));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 413u);
  ExpectStillServing();
}

TEST_F(ServerTest, ChunkedBodyWithinTheLimitIsReassembled) {
  const auto response = ParseResponse(
      SendRaw(port_,
              "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
              "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200u);
  EXPECT_EQ(response->body, "hello world");
}

TEST_F(ServerTest, ExpectContinueGetsAnInterimAnswerBeforeTheBody) {
  KeepAliveConnection connection(port_);
  ASSERT_TRUE(connection.connected());
  const HttpResponse interim =
      connection.Send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
  EXPECT_EQ(interim.status, 100u);
  const HttpResponse final_answer = connection.Send("hello");
  EXPECT_EQ(final_answer.status, 200u);
  EXPECT_EQ(final_answer.body, "hello");
}

TEST_F(ServerTest, BadPercentEncodingAndInvalidUtf8Are400) {
  for (const char* target : {"/%zz", "/%", "/%ff%fe", "/a%00b", "/?q=%", "*"}) {
    const HttpResponse response = Get(port_, target);
    EXPECT_EQ(response.status, 400u) << target;
  }
  ExpectStillServing();
}

TEST_F(ServerTest, MalformedRequestIs400AndClosed) {
  for (const char* raw : {"GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET / HTTP/1.1\r\nBad Header\r\n\r\n",
                          "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"}) {
    const auto exchange = Exchange(port_, raw);
    const auto response = ParseResponse(exchange.received);
    ASSERT_TRUE(response.has_value()) << raw;
    EXPECT_EQ(response->status, 400u) << raw;
    EXPECT_TRUE(exchange.closed_by_server) << raw;
  }
  ExpectStillServing();
}

TEST_F(ServerTest, HalfAHeaderThenSilenceIsClosedAfterTheHeaderTimeout) {
  // The test client waits five seconds; the server's 300 ms header timeout must close it first.
  const auto exchange = Exchange(port_, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  EXPECT_TRUE(exchange.closed_by_server);
  EXPECT_TRUE(exchange.received.empty());
  ExpectStillServing();
}

TEST_F(ServerTest, SilentNewConnectionIsClosedAfterTheHeaderTimeout) {
  KeepAliveConnection connection(port_);
  ASSERT_TRUE(connection.connected());
  EXPECT_TRUE(connection.WaitForClose());
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  const std::string raw = SendRaw(port_,
                                  "GET /hello/a HTTP/1.1\r\nHost: x\r\n\r\n"
                                  "GET /hello/b HTTP/1.1\r\nHost: x\r\n\r\n"
                                  "GET /hello/c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto responses = ParseResponses(raw);
  ASSERT_EQ(responses.size(), 3u) << raw;
  EXPECT_EQ(responses[0].body, "hello a");
  EXPECT_EQ(responses[1].body, "hello b");
  EXPECT_EQ(responses[2].body, "hello c");
  EXPECT_EQ(responses[2].Header("Connection"), "close");
}

TEST_F(ServerTest, KeepAliveConnectionServesSeveralRequests) {
  KeepAliveConnection connection(port_);
  ASSERT_TRUE(connection.connected());
  for (const char* name : {"one", "two", "three"}) {
    const HttpResponse response =
        connection.Send(std::string("GET /hello/") + name + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(response.body, std::string("hello ") + name);
    EXPECT_FALSE(response.HasHeader("Connection"));
  }
  const HttpResponse big = connection.Send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(big.body.size(), 100'000u);
  const HttpResponse last = connection.Send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(last.status, 200u);
  EXPECT_TRUE(connection.WaitForClose());
}

TEST_F(ServerTest, AKeptAliveConnectionAnswersAfterItsQuietSpell) {
  // Past the 300 ms header timeout the connection's timer hands an idle connection's buffer back; the
  // connection must go on waiting without it and answer the next request, until the keep-alive timeout.
  KeepAliveConnection connection(port_);
  ASSERT_TRUE(connection.connected());
  ASSERT_EQ(connection.Send("GET /hello/before HTTP/1.1\r\nHost: x\r\n\r\n").body, "hello before");
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  const HttpResponse after = connection.Send("GET /hello/after HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(after.status, 200u);
  EXPECT_EQ(after.body, "hello after");
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  EXPECT_EQ(connection.Send("GET /hello/later HTTP/1.1\r\nHost: x\r\n\r\n").body, "hello later");
}

TEST(Server, ServesMoreKeptAliveConnectionsThanItKeepsWarm) {
  // One thread keeps at most kMaxWarmIdle idle connections with a buffer; the others wait without one.
  // Every connection must be answered, on each of its requests, whichever way it waits.
  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 1;
  options.access_log = false;
  Server server(options, ToyRouter(nullptr));
  ASSERT_TRUE(server.Start().ok());
  constexpr std::size_t kConnections = detail::WorkerContext::kMaxWarmIdle + 44;
  std::vector<std::unique_ptr<KeepAliveConnection>> connections;
  for (std::size_t i = 0; i < kConnections; ++i) {
    connections.push_back(std::make_unique<KeepAliveConnection>(server.port()));
    ASSERT_TRUE(connections.back()->connected());
  }
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < kConnections; ++i) {
      const std::string name = std::to_string(round) + "-" + std::to_string(i);
      const HttpResponse response =
          connections[i]->Send("GET /hello/" + name + " HTTP/1.1\r\nHost: x\r\n\r\n");
      ASSERT_EQ(response.status, 200u) << "connection " << i << ", round " << round;
      ASSERT_EQ(response.body, "hello " + name);
    }
  }
  server.Stop();
}

TEST_F(ServerTest, Http10ClosesUnlessAskedToKeepAlive) {
  const auto exchange = Exchange(port_, "GET / HTTP/1.0\r\n\r\n");
  EXPECT_TRUE(exchange.closed_by_server);
  EXPECT_EQ(ParseResponse(exchange.received)->body, "home");
}

TEST_F(ServerTest, HeadSendsTheHeadersOfGetWithoutTheBody) {
  const HttpResponse get = Get(port_, "/big");
  const auto exchange = Exchange(port_, "HEAD /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(exchange.received.ends_with("\r\n\r\n")) << exchange.received.size();
  const auto head = ParseResponse(exchange.received, /*head_request=*/true);
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->status, 200u);
  EXPECT_EQ(head->Header("Content-Length"), "100000");
  EXPECT_EQ(head->Header("ETag"), get.Header("ETag"));
  EXPECT_TRUE(head->body.empty());
}

TEST_F(ServerTest, IfNoneMatchGives304) {
  const HttpResponse first = Get(port_, "/hello/etag");
  const std::string etag(first.Header("ETag"));
  ASSERT_FALSE(etag.empty());
  for (const std::string& condition : {etag, "W/" + etag, "\"nope\", " + etag, std::string("*")}) {
    const HttpResponse again = Get(port_, "/hello/etag", {{"If-None-Match", condition}});
    EXPECT_EQ(again.status, 304u) << condition;
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(again.Header("ETag"), etag);
    EXPECT_FALSE(again.HasHeader("Content-Length"));
  }
  EXPECT_EQ(Get(port_, "/hello/etag", {{"If-None-Match", "\"nope\""}}).status, 200u);
  EXPECT_EQ(Get(port_, "/hello/other", {{"If-None-Match", etag}}).status, 200u);
}

TEST_F(ServerTest, HandlerEtagIsKeptAndHonoured) {
  EXPECT_EQ(Get(port_, "/tagged").Header("ETag"), "\"v1\"");
  EXPECT_EQ(Get(port_, "/tagged", {{"If-None-Match", "\"v1\""}}).status, 304u);
}

TEST_F(ServerTest, IfModifiedSinceGives304AgainstLastModified) {
  const HttpResponse same = Get(port_, "/dated", {{"If-Modified-Since", std::string(kLastModified)}});
  EXPECT_EQ(same.status, 304u);
  EXPECT_EQ(same.Header("Last-Modified"), kLastModified);
  EXPECT_EQ(Get(port_, "/dated", {{"If-Modified-Since", "Mon, 14 Nov 1994 00:00:00 GMT"}}).status, 200u);
  EXPECT_EQ(Get(port_, "/dated", {{"If-Modified-Since", "garbage"}}).status, 200u);
  // If-None-Match decides alone when present.
  EXPECT_EQ(Get(port_, "/dated",
                {{"If-None-Match", "\"other\""}, {"If-Modified-Since", std::string(kLastModified)}})
                .status,
            200u);
  // Without a Last-Modified there is nothing to compare.
  EXPECT_EQ(Get(port_, "/", {{"If-Modified-Since", std::string(kLastModified)}}).status, 200u);
}

TEST_F(ServerTest, SharedBodyIsSent) {
  const HttpResponse response = Get(port_, "/shared");
  EXPECT_EQ(response.body, "shared bytes");
  EXPECT_EQ(response.Header("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(ServerTest, HeaderValuesWithLineBreaksAreDropped) {
  const HttpResponse response = Get(port_, "/inject");
  EXPECT_FALSE(response.HasHeader("Set-Cookie"));
  EXPECT_FALSE(response.HasHeader("X-Bad"));
  EXPECT_EQ(response.Header("X-Good"), "fine");
}

TEST_F(ServerTest, StopLetsTheInFlightRequestFinishAndClosesIdleConnections) {
  KeepAliveConnection idle(port_);
  ASSERT_EQ(idle.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").status, 200u);

  auto slow = std::async(std::launch::async, [port = port_] { return Get(port, "/slow"); });
  slow_entered_.get_future().wait();
  server_->Stop();

  const HttpResponse response = slow.get();
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "slow done");
  EXPECT_TRUE(idle.WaitForClose());
  EXPECT_EQ(Get(port_, "/").status, 0u);  // nobody listens any more
}

/// A one-event-loop server whose slow "/held" route waits until the test lets it go, beside quick routes.
class SlowRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto router = std::make_shared<Router>();
    router->Get(
        "/held",
        [this](const Request&) {
          held_entered_.set_value();
          // Bounded: a broken server must fail the test, not hang it.
          const bool released = release_.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
          return Response::Text(200, released ? "held done" : "never released");
        },
        Pace::kSlow);
    router->Get("/quick", [](const Request&) { return Response::Text(200, "quick"); });
    router->Get(
        "/slow-throws", [](const Request&) -> Response { throw std::runtime_error("slow handler failed"); },
        Pace::kSlow);
    router->Get(
        "/long",
        [](const Request&) {
          std::this_thread::sleep_for(std::chrono::milliseconds(700));  // longer than the header timeout
          return Response::Text(200, "long done");
        },
        Pace::kSlow);
    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 1;
    options.slow_request_threads = 2;
    options.header_timeout = std::chrono::milliseconds(300);
    options.access_log = false;
    server_ = std::make_unique<Server>(options, router);
    ASSERT_TRUE(server_->Start().ok());
  }

  void TearDown() override {
    if (!released_) release_promise_.set_value();
    server_->Stop();
  }

  void Release() {
    released_ = true;
    release_promise_.set_value();
  }

  std::promise<void> held_entered_;
  std::promise<void> release_promise_;
  std::shared_future<void> release_ = release_promise_.get_future().share();
  bool released_ = false;
  std::unique_ptr<Server> server_;
};

TEST_F(SlowRoutesTest, ASlowHandlerAtWorkHoldsUpNoOtherAnswerOnItsEventLoop) {
  auto held = std::async(std::launch::async, [port = server_->port()] { return Get(port, "/held"); });
  held_entered_.get_future().wait();
  // The only event loop is free while "/held" is being answered: other requests are answered before it.
  const HttpResponse quick = Get(server_->port(), "/quick");
  EXPECT_EQ(quick.status, 200u);
  EXPECT_EQ(quick.body, "quick");
  EXPECT_EQ(Get(server_->port(), "/nowhere").status, 404u);
  Release();
  const HttpResponse done = held.get();
  EXPECT_EQ(done.status, 200u);
  EXPECT_EQ(done.body, "held done");
}

TEST_F(SlowRoutesTest, ASlowHandlerThatThrowsAnswers500AndTheConnectionGoesOn) {
  KeepAliveConnection connection(server_->port());
  ASSERT_TRUE(connection.connected());
  EXPECT_EQ(connection.Send("GET /slow-throws HTTP/1.1\r\nHost: x\r\n\r\n").status, 500u);
  EXPECT_EQ(connection.Send("GET /quick HTTP/1.1\r\nHost: x\r\n\r\n").body, "quick");
}

TEST_F(SlowRoutesTest, AnAnswerSlowerThanTheHeaderTimeoutIsStillSent) {
  // The request arrives at once; answering it outlasts the 300 ms in which a request must arrive.
  KeepAliveConnection connection(server_->port());
  ASSERT_TRUE(connection.connected());
  const HttpResponse response = connection.Send("GET /long HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "long done");
  EXPECT_EQ(connection.Send("GET /quick HTTP/1.1\r\nHost: x\r\n\r\n").body, "quick");
}

TEST_F(SlowRoutesTest, PipelinedRequestsStayInOrderWhenSomeAreSlow) {
  const std::string raw = SendRaw(server_->port(),
                                  "GET /long HTTP/1.1\r\nHost: x\r\n\r\n"
                                  "GET /quick HTTP/1.1\r\nHost: x\r\n\r\n"
                                  "GET /slow-throws HTTP/1.1\r\nHost: x\r\n\r\n"
                                  "GET /quick HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto responses = ParseResponses(raw);
  ASSERT_EQ(responses.size(), 4u) << raw;
  EXPECT_EQ(responses[0].body, "long done");
  EXPECT_EQ(responses[1].body, "quick");
  EXPECT_EQ(responses[2].status, 500u);
  EXPECT_EQ(responses[3].body, "quick");
}

TEST_F(SlowRoutesTest, StopWaitsForTheSlowAnswerBeingMade) {
  auto held = std::async(std::launch::async, [port = server_->port()] { return Get(port, "/held"); });
  held_entered_.get_future().wait();
  auto stopping = std::async(std::launch::async, [this] { server_->Stop(std::chrono::milliseconds(5000)); });
  Release();
  stopping.get();
  const HttpResponse done = held.get();
  EXPECT_EQ(done.status, 200u);
  EXPECT_EQ(done.body, "held done");
}

TEST(Server, RefusesAnAddressInUse) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor taken(io,
                                       {boost::asio::ip::make_address("127.0.0.1"), 0});  // no SO_REUSEPORT
  ServerOptions options;
  options.port = taken.local_endpoint().port();
  options.access_log = false;
  Server server(options, std::make_shared<Router>());
  const Status status = server.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(status.error().message.find(std::to_string(options.port)), std::string::npos);
}

TEST(Server, RefusesAnUnresolvableHost) {
  ServerOptions options;
  options.host = "no-such-host.invalid";
  options.port = 0;
  options.access_log = false;
  Server server(options, std::make_shared<Router>());
  const Status status = server.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
}

TEST(Server, AccessLogDoesNotDisturbAnswersAndHasEveryLineWhenTheServerStops) {
  auto router = std::make_shared<Router>();
  router->Get("/", [](const Request&) { return Response::Text(200, "logged"); });
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.access_log = true;
  ::testing::internal::CaptureStderr();
  {
    Server server(options, router);
    ASSERT_TRUE(server.Start().ok());
    EXPECT_EQ(Get(server.port(), "/").body, "logged");
    EXPECT_EQ(Get(server.port(), "/%zz").status, 400u);
    for (int i = 0; i < 20; ++i) EXPECT_EQ(Get(server.port(), "/?n=" + std::to_string(i)).status, 200u);
    server.Stop();
  }
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(log.find("] [access] [info] GET / 200 6 "), std::string::npos) << log;
  EXPECT_NE(log.find("] [access] [info] GET /%zz 400 "), std::string::npos) << log;
  for (int i = 0; i < 20; ++i) {
    EXPECT_NE(log.find("GET /?n=" + std::to_string(i) + " 200 6 "), std::string::npos) << i;
  }
}

}  // namespace
}  // namespace gazette::http
