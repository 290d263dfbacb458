#pragma once
/// The names of what the audit log records, as stored in audit_log.action. Stable: stored rows and
/// filters in the back office refer to them, so rename none; add new ones as "object.verb".

#include <string_view>

namespace gazette::accounts::audit_action {

inline constexpr std::string_view kLogin = "login";
inline constexpr std::string_view kLoginFailed = "login.failed";
inline constexpr std::string_view kLogout = "logout";
inline constexpr std::string_view kLogoutEverywhere = "logout.everywhere";

inline constexpr std::string_view kUserCreated = "user.created";
inline constexpr std::string_view kUserRoleChanged = "user.role_changed";
inline constexpr std::string_view kUserPasswordChanged = "user.password_changed";
inline constexpr std::string_view kUserAuthorChanged = "user.author_changed";
inline constexpr std::string_view kUserDisabled = "user.disabled";
inline constexpr std::string_view kUserEnabled = "user.enabled";

inline constexpr std::string_view kArticleCreated = "article.created";
inline constexpr std::string_view kArticleUpdated = "article.updated";
inline constexpr std::string_view kArticlePublished = "article.published";
inline constexpr std::string_view kArticleUnpublished = "article.unpublished";
inline constexpr std::string_view kArticleDeleted = "article.deleted";
inline constexpr std::string_view kArticleScheduled = "article.scheduled";
inline constexpr std::string_view kArticleSubmitted = "article.submitted";
inline constexpr std::string_view kArticleArchived = "article.archived";
inline constexpr std::string_view kArticleRestored = "article.restored";

inline constexpr std::string_view kPanelSaved = "panel.saved";
inline constexpr std::string_view kPanelRemoved = "panel.removed";
inline constexpr std::string_view kPanelContributionAdded = "panel.contribution_added";
inline constexpr std::string_view kPanelContributionUpdated = "panel.contribution_updated";
inline constexpr std::string_view kPanelContributionMoved = "panel.contribution_moved";
inline constexpr std::string_view kPanelContributionRemoved = "panel.contribution_removed";

inline constexpr std::string_view kCommentModerated = "comment.moderated";
inline constexpr std::string_view kCommentEdited = "comment.edited";
inline constexpr std::string_view kSettingsChanged = "settings.changed";

}  // namespace gazette::accounts::audit_action
