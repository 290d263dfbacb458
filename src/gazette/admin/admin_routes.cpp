#include "gazette/admin/admin_routes.hpp"

#include <stdexcept>

namespace gazette::admin {

void AdminRoutes::Get(std::string_view pattern, domain::Permission permission, AdminHandler handler) {
  Add(http::Method::kGet, pattern, permission, std::move(handler));
}

void AdminRoutes::Post(std::string_view pattern, domain::Permission permission, AdminHandler handler) {
  Add(http::Method::kPost, pattern, permission, std::move(handler));
}

void AdminRoutes::Add(http::Method method, std::string_view pattern, domain::Permission permission,
                      AdminHandler handler) {
  if (!pattern.starts_with("/admin")) throw std::invalid_argument("back-office routes live under /admin");
  const bool state_changing = method != http::Method::kGet;
  // Back-office screens read and write in bulk (lists with filters, statistics, uploads, saves that may
  // wait for the database's write lock): none of that may hold up an event loop serving the site.
  router_.Add(
      method, pattern,
      [gate = &gate_, permission, state_changing, handler = std::move(handler)](const http::Request& request) {
        auto admitted = gate->Admit(request, permission, state_changing);
        if (auto* stop = std::get_if<http::Response>(&admitted)) return std::move(*stop);
        return handler(std::get<AdminRequest>(admitted));
      },
      http::Pace::kSlow);
}

}  // namespace gazette::admin
