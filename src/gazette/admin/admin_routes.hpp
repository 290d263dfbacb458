#pragma once
/// AdminRoutes: how a back-office screen registers its addresses. Every route added here is behind the
/// gate with the permission it names; POST routes also require the CSRF token. Screens never add routes
/// to the router directly, so that none can forget the gate.

#include <functional>
#include <string_view>

#include "gazette/admin/admin_gate.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_request.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/http/router.hpp"

namespace gazette::admin {

using AdminHandler = std::function<http::Response(AdminRequest&)>;

/// Used while the server is being set up, from one thread.
class AdminRoutes {
 public:
  AdminRoutes(http::Router& router, const AdminGate& gate, AdminPages& pages)
      : router_(router), gate_(gate), pages_(pages) {}

  /// Precondition: pattern starts with "/admin".
  void Get(std::string_view pattern, domain::Permission permission, AdminHandler handler);
  void Post(std::string_view pattern, domain::Permission permission, AdminHandler handler);

  /// Adds a link to the back office's navigation (shown to the roles with permission).
  void AddNavigation(std::string label, std::string url, domain::Permission permission) {
    pages_.AddNavigation({std::move(label), std::move(url), permission});
  }

 private:
  void Add(http::Method method, std::string_view pattern, domain::Permission permission,
           AdminHandler handler);

  http::Router& router_;
  const AdminGate& gate_;
  AdminPages& pages_;
};

}  // namespace gazette::admin
