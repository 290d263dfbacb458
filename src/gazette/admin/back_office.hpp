#pragma once
/// BackOffice: the newsroom at /admin. Builds the gate and every screen, and registers their routes; an
/// unknown /admin address gets the same answer as a known one would without a session (a redirect to the
/// login page), so that nobody can map the back office before logging in.

#include <string_view>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/account_screen.hpp"
#include "gazette/admin/admin_gate.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/article_edit_screen.hpp"
#include "gazette/admin/article_list_screen.hpp"
#include "gazette/admin/article_revisions_screen.hpp"
#include "gazette/admin/audit_screen.hpp"
#include "gazette/admin/author_screen.hpp"
#include "gazette/admin/category_screen.hpp"
#include "gazette/admin/comment_queue_screen.hpp"
#include "gazette/admin/dashboard_screen.hpp"
#include "gazette/admin/login_screen.hpp"
#include "gazette/admin/media_screen.hpp"
#include "gazette/admin/panel_screen.hpp"
#include "gazette/admin/settings_screen.hpp"
#include "gazette/admin/tag_screen.hpp"
#include "gazette/admin/users_screen.hpp"
#include "gazette/http/request.hpp"
#include "gazette/http/response.hpp"
#include "gazette/http/router.hpp"

namespace gazette::admin {

/// Thread-safe once its routes are registered. Must outlive the router it registers on.
class BackOffice {
 public:
  explicit BackOffice(AdminContext context);
  BackOffice(const BackOffice&) = delete;
  BackOffice& operator=(const BackOffice&) = delete;

  /// Registers every back-office route and the fallback for unknown /admin addresses. Call once.
  void RegisterRoutes(http::Router& router);

  /// The back office's error page for an error the router answers itself (405, 500...) on an /admin path.
  http::Response ErrorPage(const http::Request* request, unsigned status, std::string_view message) const;

  /// Whether path belongs to the back office ("/admin" and below).
  static bool Owns(std::string_view path);

 private:
  http::Response AssetFile(const http::Request& request) const;
  http::Response UnknownAddress(const http::Request& request) const;

  AdminContext ctx_;
  AdminPages pages_;
  AdminGate gate_;
  LoginScreen login_;
  DashboardScreen dashboard_;
  ArticleListScreen article_list_;
  ArticleEditScreen article_edit_;
  ArticleRevisionsScreen article_revisions_;
  PanelScreen panels_;
  CategoryScreen categories_;
  TagScreen tags_;
  AuthorScreen authors_;
  MediaScreen media_;
  UsersScreen users_;
  AuditScreen audit_;
  SettingsScreen settings_;
  AccountScreen account_;
  CommentQueueScreen comments_;
};

}  // namespace gazette::admin
