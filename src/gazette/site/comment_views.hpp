#pragma once
/// The comments part of the public site's pages: the count on teasers and article pages, and under an
/// article its approved comments (replies under their thread) and the comment form. Every string typed by
/// readers is escaped by the templates; only text_html, made by comments::CommentTextToHtml, is HTML.
/// When adding a key, also update themes/default/templates/partials/comments.mustache and teaser/lead.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/domain/article.hpp"
#include "gazette/render/view.hpp"
#include "gazette/site/live_text.hpp"
#include "gazette/site/site_context.hpp"

namespace gazette::site {

/// The path the comment form posts to: the article's path + "/comments".
std::string CommentPostPath(std::string_view article_path);

/// Where an article's comments feeds live: the article's path + "/comments", to which "/feed/rss" and
/// "/feed/atom" are added (a FeedLink's base_path).
std::string CommentFeedBasePath(std::string_view article_path);

/// The id of a comment's element on its article's page ("comment-42"): the fragment of links to it.
std::string CommentAnchor(std::int64_t comment_id);

/// "No comments", "1 comment", "1,234 comments".
std::string CommentCountText(std::int64_t count);

/// Sets comment_count and comment_count_text on each teaser of list, for articles in order, from one
/// query. A failed count leaves the teasers without one (logged): the list matters more than the count.
void AddCommentCounts(const SiteContext& ctx, const std::vector<domain::ArticleSummary>& articles,
                      render::View& list);

/// What the form shows again after a refusal, with the reason.
struct CommentFormState {
  std::string name;
  std::string email;
  std::string text;
  std::string parent;
  std::string problem;
};

/// The page's "comments" view: count, count_text, items (threads with replies), open or closed, form
/// (action, token, name, email, text, parent, replying_to, cancel_url, problem) and the notice asked for
/// by ?comment=. Reads the approved comments in one query. reply_to comes from ?reply=. The form's token
/// comes from live (a fresh one when null).
Result<render::View> CommentsView(const SiteContext& ctx, const domain::Article& article,
                                  std::string_view article_path, std::string_view notice_code,
                                  std::string_view reply_to, const CommentFormState& form,
                                  const LiveText* live = nullptr);

}  // namespace gazette::site
