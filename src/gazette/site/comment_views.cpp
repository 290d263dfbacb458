#include "gazette/site/comment_views.hpp"

#include <spdlog/spdlog.h>

#include "gazette/comments/comment_service.hpp"
#include "gazette/comments/comment_text.hpp"
#include "gazette/site/views.hpp"

namespace gazette::site {
namespace {

using render::View;

View CommentItem(const settings::SiteSnapshot& settings, const domain::Comment& comment,
                 std::string_view article_path) {
  View item;
  render::Put(item, "id", render::Text(std::to_string(comment.id)));
  render::Put(item, "anchor", render::Text(CommentAnchor(comment.id)));
  render::Put(item, "name", comment.name);
  render::Put(item, "date_iso", render::Text(settings.dates.IsoDate(comment.created_at)));
  render::Put(item, "date_text", render::Text(settings.dates.Format(comment.created_at)));
  render::Put(item, "text_html", render::Text(comments::CommentTextToHtml(comment.text)));
  render::Put(item, "reply_url", render::Text(std::string(article_path) + "?reply=" + std::to_string(comment.id) +
                                               "#comment-form"));
  return item;
}

std::string_view NoticeText(std::string_view code) {
  if (code == "pending") return "Thank you, your comment awaits moderation.";
  if (code == "published") return "Thank you, your comment is published.";
  return {};
}

}  // namespace

std::string CommentPostPath(std::string_view article_path) {
  return std::string(article_path) + "/comments";
}

std::string CommentFeedBasePath(std::string_view article_path) {
  return std::string(article_path) + "/comments";
}

std::string CommentAnchor(std::int64_t comment_id) {
  return "comment-" + std::to_string(comment_id);
}

std::string CommentCountText(std::int64_t count) {
  if (count == 0) return "No comments";
  return FormatCount(count) + (count == 1 ? " comment" : " comments");
}

void AddCommentCounts(const SiteContext& ctx, const std::vector<domain::ArticleSummary>& articles,
                      render::View& list) {
  if (articles.empty()) return;
  std::vector<std::int64_t> ids;
  ids.reserve(articles.size());
  for (const auto& article : articles) ids.push_back(article.id);
  auto counts = ctx.storage.comments().CountApproved(ids);
  if (!counts.ok()) {
    spdlog::warn("comment counts not shown: {}", counts.error().message);
    return;
  }
  // list holds one teaser per article, in the same order (TeaserList).
  View counted{View::type::list};
  std::size_t i = 0;
  for (auto teaser : list.list_value()) {
    const auto found = i < ids.size() ? counts->find(ids[i]) : counts->end();
    const std::int64_t count = found == counts->end() ? 0 : found->second;
    teaser.set("comment_count", FormatCount(count));
    teaser.set("comment_count_text", CommentCountText(count));
    counted.push_back(teaser);
    ++i;
  }
  list = std::move(counted);
}

Result<render::View> CommentsView(const SiteContext& ctx, const domain::Article& article,
                                  std::string_view article_path, std::string_view notice_code,
                                  std::string_view reply_to, const CommentFormState& form,
                                  const LiveText* live) {
  auto approved = ctx.storage.comments().ListApproved(article.id);
  if (!approved.ok()) return std::move(approved).error();
  const auto settings = ctx.live.Current();

  // Threads in the order they started, each with its replies oldest first. A reply whose parent is not
  // shown (not approved) is shown as a thread of its own rather than hidden.
  std::map<std::int64_t, std::size_t> thread_of;
  std::vector<View> threads;
  std::vector<View> replies;
  std::vector<std::vector<std::size_t>> thread_replies;
  const domain::Comment* replying_to = nullptr;
  for (const auto& comment : *approved) {
    if (reply_to == std::to_string(comment.id)) replying_to = &comment;
    const auto parent = comment.parent_id ? thread_of.find(*comment.parent_id) : thread_of.end();
    if (parent == thread_of.end()) {
      thread_of.emplace(comment.id, threads.size());
      threads.push_back(CommentItem(*settings, comment, article_path));
      thread_replies.emplace_back();
    } else {
      thread_replies[parent->second].push_back(replies.size());
      replies.push_back(CommentItem(*settings, comment, article_path));
    }
  }
  View items = render::ListView(threads.size());
  for (std::size_t t = 0; t < threads.size(); ++t) {
    View list = render::ListView(thread_replies[t].size());
    // Each reply belongs to one thread only, so it can be moved there.
    for (std::size_t r : thread_replies[t]) render::Append(list, std::move(replies[r]));
    render::Put(threads[t], "replies", std::move(list));
    render::Put(threads[t], "has_replies", !thread_replies[t].empty());
    render::Append(items, std::move(threads[t]));
  }

  const auto count = static_cast<std::int64_t>(approved->size());
  View view;
  render::Put(view, "count", render::Text(FormatCount(count)));
  render::Put(view, "count_text", render::Text(CommentCountText(count)));
  render::Put(view, "items", std::move(items));
  render::Put(view, "has_items", count > 0);
  render::Put(view, "open", article.comments_open);
  render::Put(view, "closed", !article.comments_open);
  if (const auto notice = NoticeText(notice_code); !notice.empty())
    render::Put(view, "notice", render::Text(std::string(notice)));
  if (article.comments_open) {
    View form_view;
    render::Put(form_view, "action", render::Text(CommentPostPath(article_path)));
    render::Put(form_view, "token",
                render::Text(live != nullptr ? live->Value({LiveKind::kCommentToken, article.id})
                                             : ctx.comments.IssueFormToken(article.id)));
    render::Put(form_view, "name", form.name);
    render::Put(form_view, "email", form.email);
    render::Put(form_view, "text", form.text);
    std::string parent = form.parent;
    if (replying_to != nullptr) {
      parent = std::to_string(replying_to->id);
      render::Put(form_view, "replying_to", replying_to->name);
      render::Put(form_view, "cancel_url", render::Text(std::string(article_path) + "#comment-form"));
    }
    render::Put(form_view, "parent", render::Text(std::move(parent)));
    if (!form.problem.empty()) render::Put(form_view, "problem", form.problem);
    render::Put(view, "form", std::move(form_view));
  }
  return view;
}

}  // namespace gazette::site
