// An article's comments feed: /YYYY/MM/slug/comments/feed/rss and .../comments/feed/atom, mostly for expert
// panels, whose readers follow the discussion (docs/feeds-and-seo.md). Like every feed, not counted as a
// visit.
#include <algorithm>

#include "gazette/base/html_escape.hpp"
#include "gazette/comments/comment_text.hpp"
#include "gazette/site/comment_views.hpp"
#include "gazette/site/public_site.hpp"
#include "gazette/site/text_excerpt.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

/// Comments per feed, newest first: the same bound as the article feeds. A reader polling every hour
/// misses none on all but the busiest discussion, and a feed stays small however long the discussion
/// grows (the whole discussion is on the page).
constexpr std::int64_t kCommentFeedItems = 20;

/// Bytes of a comment's summary (RSS description, Atom summary): a few lines for readers that show only
/// that; the whole comment is in the content.
constexpr std::size_t kCommentSummaryBytes = 400;

}  // namespace

http::Response PublicSite::CommentFeed(const http::Request& request) const {
  auto lookup = FindSyndication(request);
  if (lookup.answer) return std::move(*lookup.answer);
  const Timestamp now = ctx_.clock.Now();
  // Drafts, scheduled, archived, trashed and unpublished articles are not found: their comments are not
  // shown on any page either.
  auto page = ctx_.storage.articles().FindVisibleBySlug(request.Param("slug"), now);
  if (!page.ok()) return StoreError(page.error());
  const domain::Article& article = page->article;
  const auto settings = ctx_.live.Current();
  const Timestamp published = article.publish_at.value_or(article.created_at);
  const std::string article_path = ArticlePath(published, article.slug, settings->dates.zone());
  const std::string feed_path =
      CommentFeedBasePath(article_path) + (request.path().ends_with("/atom") ? "/feed/atom" : "/feed/rss");
  // As for the article page: the slug identifies the article, the one address is the canonical one.
  if (request.path() != feed_path) return http::Response::Redirect(301, feed_path);

  auto comments = ctx_.storage.comments().ListLatestApproved(article.id, kCommentFeedItems);
  if (!comments.ok()) return StoreError(comments.error());
  // The article page advertises the feed on the same condition (article_page.cpp).
  if (!article.comments_open && comments->empty()) return ErrorPage(404, "This article has no comments.");

  const std::string& base_url = settings->site.base_url;
  const std::string title = domain::LabelledTitle(article.country, article.title);
  feeds::Feed feed;
  feed.title = "Comments on: " + title + " | " + settings->site.name;
  feed.description = "Readers' comments on " + title;
  feed.page_link = feeds::AbsoluteUrl(base_url, article_path);
  feed.self_link = feeds::AbsoluteUrl(base_url, feed_path);
  // The feed's own address is its permanent id, as for the article feeds.
  feed.id = feed.self_link;
  feed.language = settings->site.language;
  // An empty feed was last changed, for its reader, when the article appeared.
  feed.updated = published;
  for (const domain::Comment& comment : *comments) {
    feeds::FeedItem item;
    item.id = feeds::TagUri(base_url, comment.created_at, "comment/" + std::to_string(comment.id));
    item.title = "Comment by " + comment.name;
    item.link = feeds::AbsoluteUrl(base_url, article_path + "#" + CommentAnchor(comment.id));
    // Comments have no edit time: an editor's correction keeps the time it was written.
    item.published = comment.created_at;
    item.updated = comment.created_at;
    // The name only: the e-mail address is for the editors (domain/comment.hpp).
    item.author_name = comment.name;
    // The HTML the page shows; the writers escape it like any other HTML.
    item.content_html = comments::CommentTextToHtml(comment.text);
    item.summary_html = HtmlEscape(ExcerptFromHtml(item.content_html, kCommentSummaryBytes));
    feed.updated = std::max(feed.updated, item.updated);
    feed.items.push_back(std::move(item));
  }
  return KeepFeed(request, lookup, feed);
}

}  // namespace gazette::site
