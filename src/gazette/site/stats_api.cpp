// The statistics API: /api/v1/stats (the counter's figures) and /api/v1/stats/top (most read articles).
#include <charconv>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "gazette/http/error_status.hpp"
#include "gazette/site/json_response.hpp"
#include "gazette/site/public_site.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

/// The longest "most read" window: a year, so that the query stays an index range over daily rows.
constexpr std::int64_t kMaxTopDays = 366;
/// Most articles a "most read" list returns.
constexpr std::int64_t kMaxTopLimit = 100;

/// A whole number in [low, high] from a query parameter, or fallback when absent.
Result<std::int64_t> BoundedParameter(const http::Request& request, std::string_view name, std::int64_t low,
                                      std::int64_t high, std::int64_t fallback) {
  const auto text = request.Query(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  const auto* end = text->data() + text->size();
  auto [stop, error] = std::from_chars(text->data(), end, value);
  if (text->empty() || error != std::errc{} || stop != end || value < low || value > high) {
    return MakeError(ErrorCode::kInvalid, fmt::format("{} must be a whole number from {} to {}", name, low, high));
  }
  return value;
}

}  // namespace

http::Response PublicSite::StatsApi(const http::Request&) const {
  const auto figures = ctx_.visitors.Current();
  return JsonResponse(200, boost::json::object{
                       {"today", figures.today},
                       {"yesterday", figures.yesterday},
                       {"this_week", figures.this_week},
                       {"this_month", figures.this_month},
                       {"all", figures.all},
                       {"timezone", ctx_.live.Current()->dates.zone().name()},
                   });
}

http::Response PublicSite::TopArticlesApi(const http::Request& request) const {
  auto days = BoundedParameter(request, "days", 1, kMaxTopDays, 7);
  if (!days.ok()) return JsonErrorResponse(400, days.error().message);
  auto limit = BoundedParameter(request, "limit", 1, kMaxTopLimit, 10);
  if (!limit.ok()) return JsonErrorResponse(400, limit.error().message);

  const Timestamp now = ctx_.clock.Now();
  const auto settings = ctx_.live.Current();
  const LocalDate to = settings->dates.zone().DateOf(now);
  LocalDate from = to;
  for (std::int64_t i = 1; i < *days; ++i) from = from.PreviousDay();
  auto top = ctx_.storage.stats().TopArticles(from, to, now, *limit);
  if (!top.ok()) {
    return JsonErrorResponse(http::StatusForError(top.error().code), "the figures are not available now");
  }

  boost::json::array articles;
  for (const auto& entry : *top) {
    const auto& article = entry.article;
    articles.push_back(boost::json::object{
        {"id", article.id},
        {"title", article.title},
        {"country", article.country},
        {"label_title", domain::LabelledTitle(article.country, article.title)},
        {"url", settings->site.base_url + ArticlePath(article.publish_at, article.slug, settings->dates.zone())},
        {"hits", entry.hits},
    });
  }
  return JsonResponse(200, boost::json::object{
                       {"days", *days},
                       {"from", from.ToIso()},
                       {"to", to.ToIso()},
                       {"articles", std::move(articles)},
                   });
}

}  // namespace gazette::site
