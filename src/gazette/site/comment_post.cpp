// A reader's comment: POST /YYYY/MM/slug/comments, from the form under the article.
#include <spdlog/spdlog.h>

#include "gazette/http/form.hpp"
#include "gazette/http/http_date.hpp"
#include "gazette/site/public_site.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

/// The form's fields: the names the theme's comment form uses (partials/comments.mustache).
std::string Field(const http::Form& form, std::string_view name) {
  return std::string(form.Get(name).value_or(""));
}

}  // namespace

http::Response PublicSite::PostComment(const http::Request& request) const {
  const Timestamp now = ctx_.clock.Now();
  auto page = ctx_.storage.articles().FindVisibleBySlug(request.Param("slug"), now);
  if (!page.ok()) return StoreError(page.error());
  const domain::Article& article = page->article;
  const std::string path =
      ArticlePath(article.publish_at.value_or(article.created_at), article.slug, ctx_.live.Current()->dates.zone());
  if (request.path() != CommentPostPath(path)) return ErrorPage(404, "There is no page at this address.");
  if (!article.comments_open) return ErrorPage(403, "Comments on this article are closed.");

  auto form = http::ParseUrlEncodedForm(request.body());
  if (!form.ok()) {
    // Nothing of what was sent can be shown again safely: it is not valid text.
    CommentFormState state;
    state.problem = "Your comment could not be read: " + form.error().message +
                    ". Please check the text (no control characters) and send it again.";
    return ShowArticle(request, state, 400, CurrentLive()).response;
  }
  comments::CommentSubmission submission;
  submission.name = Field(*form, "name");
  submission.email = Field(*form, "email");
  submission.text = Field(*form, "text");
  submission.token = Field(*form, "token");
  submission.honeypot = Field(*form, "website");
  submission.parent = Field(*form, "parent");
  submission.client_ip = ClientAddress(request);

  auto accepted = ctx_.comments.Submit(article, submission);
  if (!accepted.ok()) {
    const Error& error = accepted.error();
    if (error.code == ErrorCode::kForbidden) return ErrorPage(403, error.message);
    if (error.code != ErrorCode::kInvalid) return StoreError(error);
    CommentFormState state{submission.name, submission.email, submission.text, submission.parent, error.message};
    return ShowArticle(request, state, 400, CurrentLive()).response;
  }
  if (accepted->state == domain::CommentState::kApproved) {
    return http::Response::SeeOther(path + "?comment=published#comment-" + std::to_string(accepted->id));
  }
  return http::Response::SeeOther(path + "?comment=pending#comments");
}

}  // namespace gazette::site
