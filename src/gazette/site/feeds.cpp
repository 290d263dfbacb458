// Feeds: the latest articles of the site, a category, a tag or an author, as RSS 2.0 and Atom 1.0.
// Paths: /feed/rss, /feed/atom, /category/{slug}/feed/rss, /tag/{slug}/feed/atom, ...
// (docs/feeds-and-seo.md); an article's comments have theirs in comment_feed.cpp.
// Feeds are read by programs, not people: they are not counted as visits.
#include <algorithm>
#include <unordered_map>

#include "gazette/feeds/atom_writer.hpp"
#include "gazette/feeds/feed.hpp"
#include "gazette/feeds/rss_writer.hpp"
#include "gazette/http/content_hash.hpp"
#include "gazette/site/public_site.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

/// Items per feed: what readers show, and what a reader polling every hour needs not to miss a story.
constexpr std::int64_t kFeedItems = 20;

constexpr std::string_view kRssType = "application/rss+xml; charset=utf-8";
constexpr std::string_view kAtomType = "application/atom+xml; charset=utf-8";

}  // namespace

PublicSite::SyndicationLookup PublicSite::FindSyndication(const http::Request& request) const {
  SyndicationLookup lookup;
  lookup.sources = CurrentSources();  // first: whatever changes after this read raises the version past it
  if (!lookup.sources) return lookup;
  const Timestamp now = ctx_.clock.Now();
  if (const auto entry = syndication_cache_.Find(request.path(), *lookup.sources, now)) {
    http::Response& response = lookup.answer.emplace();
    response.content_type = entry->content_type;
    response.shared_body = entry->body;
    response.SetHeader("ETag", entry->etag);
    return lookup;
  }
  // A scheduled article appearing or leaving changes the feeds too.
  auto next_change = ctx_.storage.articles().NextVisibilityChange(now);
  if (!next_change.ok()) {
    lookup.sources.reset();
    return lookup;
  }
  lookup.sources->next_visibility_change = *next_change;
  return lookup;
}

http::Response PublicSite::KeepSyndication(const http::Request& request, const SyndicationLookup& lookup,
                                           std::string body, std::string_view content_type) const {
  auto entry = std::make_shared<SyndicationEntry>();
  entry->etag = http::StrongEtag(body);
  entry->body = std::make_shared<const std::string>(std::move(body));
  entry->content_type = std::string(content_type);
  entry->built_at = ctx_.clock.Now();
  http::Response response;
  response.content_type = entry->content_type;
  response.shared_body = entry->body;
  response.SetHeader("ETag", entry->etag);
  if (lookup.sources) {
    entry->sources = *lookup.sources;
    syndication_cache_.Put(request.path(), std::move(entry));
  }
  return response;
}

http::Response PublicSite::ArticleFeed(const http::Request& request, const SyndicationLookup& lookup,
                                       const storage::ArticleFilter& filter, std::string title,
                                       std::string description, std::string_view page_path) const {
  const Timestamp now = ctx_.clock.Now();
  const auto settings = ctx_.live.Current();
  auto rows = ctx_.storage.articles().ListVisible(filter, now, 0, kFeedItems);
  if (!rows.ok()) return StoreError(rows.error());
  std::vector<std::int64_t> ids;
  ids.reserve(rows->size());
  for (const auto& row : *rows) ids.push_back(row.id);
  auto extras = ctx_.storage.articles().FeedExtrasOf(ids);
  if (!extras.ok()) return StoreError(extras.error());
  std::unordered_map<std::int64_t, const storage::ArticleFeedExtras*> extras_by_id;
  for (const auto& extra : *extras) extras_by_id.emplace(extra.id, &extra);

  const std::string& base_url = settings->site.base_url;
  feeds::Feed feed;
  feed.title = std::move(title);
  feed.description = std::move(description);
  feed.page_link = feeds::AbsoluteUrl(base_url, page_path);
  feed.self_link = feeds::AbsoluteUrl(base_url, request.path());
  // The feed's own address is its permanent id: feeds are never moved.
  feed.id = feed.self_link;
  feed.language = settings->site.language;
  for (const auto& row : *rows) {
    const auto extra = extras_by_id.find(row.id);
    feeds::FeedItem item;
    // The id is made of what never changes: the site's host, the day of the first save and the article id.
    const Timestamp created = extra != extras_by_id.end() ? extra->second->created_at : row.publish_at;
    item.id = feeds::TagUri(base_url, created, "article/" + std::to_string(row.id));
    item.title = domain::LabelledTitle(row.country, row.title);
    item.link = feeds::AbsoluteUrl(base_url, ArticlePath(row.publish_at, row.slug, settings->dates.zone()));
    item.published = row.publish_at;
    // An article scheduled after its last edit was last changed, for the reader, when it appeared.
    item.updated = std::max(row.updated_at, row.publish_at);
    item.author_name = row.author.name;
    item.categories.push_back(row.category.name);
    item.summary_html = row.intro_html;
    if (extra != extras_by_id.end()) item.content_html = row.intro_html + "\n" + extra->second->body_html;
    feed.updated = std::max(feed.updated, item.updated);
    feed.items.push_back(std::move(item));
  }
  return KeepFeed(request, lookup, feed);
}

http::Response PublicSite::KeepFeed(const http::Request& request, const SyndicationLookup& lookup,
                                    const feeds::Feed& feed) const {
  if (request.path().ends_with("/atom")) return KeepSyndication(request, lookup, feeds::WriteAtom(feed), kAtomType);
  return KeepSyndication(request, lookup, feeds::WriteRss(feed), kRssType);
}

http::Response PublicSite::SiteFeed(const http::Request& request) const {
  auto lookup = FindSyndication(request);
  if (lookup.answer) return std::move(*lookup.answer);
  const auto settings = ctx_.live.Current();
  return ArticleFeed(request, lookup, {}, settings->site.name, settings->site.tagline, "/");
}

http::Response PublicSite::CategoryFeed(const http::Request& request) const {
  auto lookup = FindSyndication(request);
  if (lookup.answer) return std::move(*lookup.answer);
  const auto categories = ctx_.categories.Current();
  const auto* category = categories->FindBySlug(request.Param("slug"));
  if (category == nullptr) return ErrorPage(404, "There is no such category.");
  storage::ArticleFilter filter;
  filter.category_id = category->id;
  return ArticleFeed(request, lookup, filter, category->name + " | " + ctx_.live.Current()->site.name,
                     category->description, CategoryPath(category->slug));
}

http::Response PublicSite::TagFeed(const http::Request& request) const {
  auto lookup = FindSyndication(request);
  if (lookup.answer) return std::move(*lookup.answer);
  auto tag = ctx_.storage.catalog().FindTagBySlug(request.Param("slug"));
  if (!tag.ok()) return StoreError(tag.error());
  storage::ArticleFilter filter;
  filter.tag_id = tag->id;
  return ArticleFeed(request, lookup, filter, "Tag: " + tag->name + " | " + ctx_.live.Current()->site.name,
                     "Articles tagged " + tag->name, TagPath(tag->slug));
}

http::Response PublicSite::AuthorFeed(const http::Request& request) const {
  auto lookup = FindSyndication(request);
  if (lookup.answer) return std::move(*lookup.answer);
  auto author = ctx_.storage.catalog().FindAuthorBySlug(request.Param("slug"));
  if (!author.ok()) return StoreError(author.error());
  storage::ArticleFilter filter;
  filter.author_id = author->id;
  return ArticleFeed(request, lookup, filter, author->name + " | " + ctx_.live.Current()->site.name,
                     "Articles by " + author->name, AuthorPath(author->slug));
}

}  // namespace gazette::site
