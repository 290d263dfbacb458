// Search: the /search page and the /api/v1/search API, over the same request reading and the same store.
#include <boost/json.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "gazette/base/utf8.hpp"
#include "gazette/http/error_status.hpp"
#include "gazette/search/snippet_html.hpp"
#include "gazette/site/json_response.hpp"
#include "gazette/site/public_site.hpp"
#include "gazette/site/search_request.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

static_assert(storage::kSnippetMatchOpen == search::kMatchOpen &&
                  storage::kSnippetMatchClose == search::kMatchClose,
              "the store and the snippet renderer must agree on the match marks");

/// One page of results, counted: what the page and the API both show.
struct SearchResults {
  std::vector<storage::SearchHit> hits;
  std::int64_t total = 0;  ///< at most kMaxSearchResults
  domain::PageLinks links;
};

Result<SearchResults> RunSearch(const SiteContext& ctx, const SearchRequest& request, int page_size) {
  SearchResults results;
  const domain::PageWindow window{request.page, page_size};
  const Timestamp now = ctx.clock.Now();
  if (window.offset() >= kMaxSearchResults) {
    results.links = domain::LinksFor(window, 0);
  } else {
    auto hits = ctx.storage.search().Search(request.query.match, request.filter, request.order, now,
                                            window.offset(), window.limit());
    if (!hits.ok()) return std::move(hits).error();
    results.links = domain::LinksFor(window, hits->size());
    // The count stops at kMaxSearchResults, and so do the pages.
    if (window.offset() + window.page_size >= kMaxSearchResults) results.links.has_next = false;
    hits->resize(std::min<std::size_t>(hits->size(), static_cast<std::size_t>(page_size)));
    results.hits = std::move(hits).value();
  }
  auto total = ctx.storage.search().Count(request.query.match, request.filter, now, kMaxSearchResults + 1);
  if (!total.ok()) return std::move(total).error();
  results.total = *total;
  return results;
}

std::string CountText(std::int64_t total) {
  if (total > kMaxSearchResults) return fmt::format("More than {} results", FormatCount(kMaxSearchResults));
  if (total == 0) return "No results";
  if (total == 1) return "1 result";
  return fmt::format("{} results", FormatCount(total));
}

/// The category choices of the form, every level, in navigation order, indented by depth.
void AddCategoryOptions(const CategoryDirectory& categories, const std::vector<const domain::Category*>& level,
                        int depth, std::string_view selected, render::View& options) {
  for (const auto* category : level) {
    render::View option;
    option.set("slug", category->slug);
    option.set("name", std::string(static_cast<std::size_t>(depth) * 2, ' ') + category->name);
    option.set("selected", category->slug == selected);
    options.push_back(option);
    AddCategoryOptions(categories, categories.ChildrenOf(category->id), depth + 1, selected, options);
  }
}

}  // namespace

http::Response PublicSite::SearchPage(const http::Request& request) const {
  const auto settings = ctx_.live.Current();
  PageMeta meta;
  meta.title = "Search";
  meta.description = "Search the articles of " + settings->site.name;
  meta.canonical_path = "/search";

  auto read = ReadSearchRequest(ctx_, request);
  if (!read.ok() && read.error().code != ErrorCode::kInvalid) return StoreError(read.error());
  // A refused request shows the form again with the message, as typed, so that the reader can fix it.
  SearchRequest fallback;
  if (!read.ok()) {
    const std::pair<const char*, std::string*> fields[] = {
        {"q", &fallback.text},     {"category", &fallback.category}, {"label", &fallback.label},
        {"tag", &fallback.tag},    {"author", &fallback.author},     {"from", &fallback.from},
        {"to", &fallback.to},      {"sort", &fallback.sort}};
    for (const auto& [name, field] : fields) {
      const std::string_view value = request.Query(name).value_or("");
      if (IsValidUtf8(value)) *field = std::string(TruncateUtf8(value, search::kMaxQueryBytes));
    }
  }
  const SearchRequest& wanted = read.ok() ? *read : fallback;

  render::View view = LayoutView(ctx_, meta);
  view.set("q", wanted.text);
  view.set("label", wanted.label);
  view.set("tag", wanted.tag);
  view.set("author", wanted.author);
  view.set("from", wanted.from);
  view.set("to", wanted.to);
  view.set("sort_date", wanted.sort == "date");
  {
    const auto categories = ctx_.categories.Current();
    render::View options{render::View::type::list};
    AddCategoryOptions(*categories, categories->TopLevel(), 0, wanted.category, options);
    view.set("categories", options);
  }
  if (!read.ok()) {
    view.set("problem", read.error().message);
    return Render("search", std::move(view), 400);
  }
  render::View notes{render::View::type::list};
  for (const auto& note : wanted.query.notes) notes.push_back(render::View(note));
  view.set("notes", notes);
  if (wanted.query.empty()) return Render("search", std::move(view));

  auto results = RunSearch(ctx_, wanted, settings->site.page_size);
  if (!results.ok()) {
    if (results.error().code != ErrorCode::kInvalid) return StoreError(results.error());
    view.set("problem", results.error().message);
    return Render("search", std::move(view), 400);
  }
  view.set("searched", true);
  view.set("count_text", CountText(results->total));
  render::View list{render::View::type::list};
  for (const auto& hit : results->hits) {
    render::View item = TeaserView(ctx_, *settings, hit.article);
    item.set("snippet_html", search::SnippetHtml(hit.snippet));
    list.push_back(item);
  }
  view.set("results", list);
  render::View pagination;
  const auto& links = results->links;
  pagination.set("page", std::to_string(links.page));
  pagination.set("has_previous", links.has_previous);
  pagination.set("has_next", links.has_next);
  if (links.has_previous) pagination.set("previous_url", wanted.PathFor("/search", links.page - 1));
  if (links.has_next) pagination.set("next_url", wanted.PathFor("/search", links.page + 1));
  pagination.set("any", links.has_previous || links.has_next);
  view.set("pagination", pagination);
  return Render("search", std::move(view));
}

http::Response PublicSite::SearchApi(const http::Request& request) const {
  auto asked = ReadSearchRequest(ctx_, request);
  if (!asked.ok()) {
    const unsigned status = http::StatusForError(asked.error().code);
    if (status >= 500) spdlog::error("search: {}", asked.error().message);
    return JsonErrorResponse(status,
                             status >= 500 ? "the search is not available now" : asked.error().message);
  }
  const auto settings = ctx_.live.Current();
  boost::json::array notes;
  for (const auto& note : asked->query.notes) notes.emplace_back(note);
  boost::json::array items;
  std::int64_t total = 0;
  bool more = false;
  if (!asked->query.empty()) {
    auto results = RunSearch(ctx_, *asked, settings->site.page_size);
    if (!results.ok()) {
      const unsigned status = http::StatusForError(results.error().code);
      if (status >= 500) spdlog::error("search: {}", results.error().message);
      return JsonErrorResponse(status,
                               status >= 500 ? "the search is not available now" : results.error().message);
    }
    total = std::min(results->total, kMaxSearchResults);
    more = results->total > kMaxSearchResults;
    for (const auto& hit : results->hits) {
      const auto& article = hit.article;
      items.push_back(boost::json::object{
          {"id", article.id},
          {"title", article.title},
          {"label", article.country},
          {"label_title", domain::LabelledTitle(article.country, article.title)},
          {"url", settings->site.base_url + ArticlePath(article.publish_at, article.slug, settings->dates.zone())},
          {"date", settings->dates.IsoDate(article.publish_at)},
          {"snippet_html", search::SnippetHtml(hit.snippet)},
      });
    }
  }
  return JsonResponse(200, boost::json::object{
                       {"query", asked->text},
                       {"total", total},
                       {"total_is_lower_bound", more},
                       {"page", asked->page},
                       {"page_size", settings->site.page_size},
                       {"notes", std::move(notes)},
                       {"results", std::move(items)},
                   });
}

}  // namespace gazette::site
