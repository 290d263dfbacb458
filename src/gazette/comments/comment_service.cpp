#include "gazette/comments/comment_service.hpp"

#include <sodium.h>

#include <charconv>
#include <stdexcept>
#include <variant>

#include <fmt/format.h>

#include "gazette/comments/comment_fields.hpp"
#include "gazette/comments/comment_text.hpp"

namespace gazette::comments {
namespace {

// Names of the site's keys in the accounts store's key table; never rename: a new name is a new key, and
// every form shown before would stop working.
constexpr std::string_view kFormKeyName = "comments.form";
constexpr std::string_view kAddressKeyName = "comments.address";

constexpr std::size_t kAddressHashBytes = 16;

Result<storage::SecretKey> LoadKey(storage::AccountStore& store, std::string_view name) {
  storage::SecretKey fresh;
  randombytes_buf(fresh.data(), fresh.size());
  Result<storage::SecretKey> key = store.GetOrCreateKey(name, fresh);
  sodium_memzero(fresh.data(), fresh.size());
  return key;
}

Error Refused(std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message));
}

Status CheckModerator(const domain::User& user) {
  if (user.disabled || !domain::Can(user.role, domain::Permission::kModerateComments)) {
    return MakeError(ErrorCode::kForbidden, "Only editors and administrators moderate comments.");
  }
  return OkStatus();
}

}  // namespace

Result<ModerationAction> ParseModerationAction(std::string_view name) {
  if (name == "approve") return ModerationAction::kApprove;
  if (name == "reject") return ModerationAction::kReject;
  if (name == "spam") return ModerationAction::kSpam;
  if (name == "delete") return ModerationAction::kDelete;
  return MakeError(ErrorCode::kInvalid, "Choose what to do with the comments: approve, reject, spam or delete.");
}

Result<std::unique_ptr<CommentService>> CommentService::Open(storage::Storage& storage, const Clock& clock,
                                                             CommentOptions options) {
  if (sodium_init() < 0) return MakeError(ErrorCode::kInternal, "libsodium could not be initialised");
  auto form_key = LoadKey(storage.accounts(), kFormKeyName);
  if (!form_key.ok()) return std::move(form_key).error();
  auto address_key = LoadKey(storage.accounts(), kAddressKeyName);
  if (!address_key.ok()) return std::move(address_key).error();
  return std::unique_ptr<CommentService>(new CommentService(storage, clock, options, *form_key, *address_key));
}

CommentService::CommentService(storage::Storage& storage, const Clock& clock, CommentOptions options,
                               const storage::SecretKey& form_key, const storage::SecretKey& address_key)
    : storage_(storage),
      clock_(clock),
      options_(options),
      tokens_(form_key),
      address_key_(address_key),
      rate_limiter_(options.rate_limit_count, options.rate_limit_window) {}

std::string CommentService::IssueFormToken(std::int64_t article_id) const {
  return tokens_.Issue(article_id, clock_.Now());
}

std::string CommentService::HashAddress(std::string_view client_ip) const {
  unsigned char hash[kAddressHashBytes];
  crypto_generichash(hash, sizeof(hash), reinterpret_cast<const unsigned char*>(client_ip.data()),
                     client_ip.size(), address_key_.data(), address_key_.size());
  char hex[kAddressHashBytes * 2 + 1];
  sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
  return std::string(hex);
}

Result<std::optional<std::int64_t>> CommentService::ThreadParent(const domain::Article& article,
                                                                 std::string_view parent) {
  if (parent.empty()) return std::optional<std::int64_t>();
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(parent.data(), parent.data() + parent.size(), id);
  const Error gone = Refused("The comment you answered is no longer there. Your text is below: send it as a "
                             "new comment.");
  if (ec != std::errc() || end != parent.data() + parent.size() || id <= 0) return gone;
  auto found = storage_.comments().Find(id);
  if (!found.ok()) {
    if (found.error().code == ErrorCode::kNotFound) return gone;
    return std::move(found).error();
  }
  if (found->article_id != article.id || found->state != domain::CommentState::kApproved) return gone;
  // A reply to a reply joins its thread: threads are one level deep.
  return std::optional<std::int64_t>(found->parent_id.value_or(found->id));
}

Result<AcceptedComment> CommentService::Submit(const domain::Article& article,
                                               const CommentSubmission& submission) {
  if (!article.comments_open) {
    return MakeError(ErrorCode::kForbidden, "Comments on this article are closed.");
  }
  const Timestamp now = clock_.Now();
  // People never see the honeypot field, so only a script fills it in.
  if (!submission.honeypot.empty()) {
    return Refused("Your comment could not be accepted: it looks like it was sent by a program.");
  }
  if (Status ok = tokens_.Check(submission.token, article.id, now, options_.min_form_age); !ok.ok()) {
    return std::move(ok).error();
  }
  auto checked = CheckCommentFields(submission.name, submission.email, submission.text);
  if (auto* problem = std::get_if<FieldProblem>(&checked)) return Refused(problem->message);
  CommentFields fields = std::get<CommentFields>(std::move(checked));

  auto parent = ThreadParent(article, submission.parent);
  if (!parent.ok()) return std::move(parent).error();

  if (CountCommentLinks(fields.text) > static_cast<std::size_t>(options_.max_links)) {
    return Refused(options_.max_links == 0
                       ? std::string("Comments on this site may not hold links. Please remove them.")
                       : fmt::format("A comment may hold at most {} link{}. Please remove some.",
                                     options_.max_links, options_.max_links == 1 ? "" : "s"));
  }
  const std::string ip_hash = HashAddress(submission.client_ip);
  auto duplicate = storage_.comments().IsDuplicate(article.id, fields.text, ip_hash, now - options_.duplicate_window);
  if (!duplicate.ok()) return std::move(duplicate).error();
  if (*duplicate) return Refused("This comment has already been sent.");
  if (!rate_limiter_.TryAcquire(ip_hash, now)) {
    return Refused("You have sent several comments in a short time. Please wait a few minutes, then send it again.");
  }

  domain::Comment comment;
  comment.article_id = article.id;
  comment.parent_id = *parent;
  comment.name = std::move(fields.name);
  comment.email = std::move(fields.email);
  comment.text = std::move(fields.text);
  comment.created_at = now;
  comment.ip_hash = ip_hash;
  comment.state = domain::CommentState::kPending;
  if (options_.moderation == ModerationMode::kTrusted && !comment.email.empty()) {
    auto trusted = storage_.comments().HasApprovedEmail(comment.email);
    if (!trusted.ok()) return std::move(trusted).error();
    if (*trusted) comment.state = domain::CommentState::kApproved;
  }
  auto id = storage_.comments().Insert(comment);
  if (!id.ok()) return std::move(id).error();
  return AcceptedComment{*id, comment.state};
}

Result<std::int64_t> CommentService::Moderate(const domain::User& user, std::span<const std::int64_t> ids,
                                              ModerationAction action) {
  if (Status ok = CheckModerator(user); !ok.ok()) return std::move(ok).error();
  switch (action) {
    case ModerationAction::kApprove: return storage_.comments().SetState(ids, domain::CommentState::kApproved);
    case ModerationAction::kReject: return storage_.comments().SetState(ids, domain::CommentState::kRejected);
    case ModerationAction::kSpam: return storage_.comments().SetState(ids, domain::CommentState::kSpam);
    case ModerationAction::kDelete: return storage_.comments().Delete(ids);
  }
  return MakeError(ErrorCode::kInternal, "unknown moderation action");
}

Status CommentService::Edit(const domain::User& user, std::int64_t id, std::string_view name,
                            std::string_view email, std::string_view text) {
  if (Status ok = CheckModerator(user); !ok.ok()) return ok;
  auto checked = CheckCommentFields(name, email, text);
  if (auto* problem = std::get_if<FieldProblem>(&checked)) return Refused(problem->message);
  const auto& fields = std::get<CommentFields>(checked);
  return storage_.comments().Update(id, fields.name, fields.email, fields.text);
}

}  // namespace gazette::comments
