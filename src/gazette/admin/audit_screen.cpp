#include "gazette/admin/audit_screen.hpp"

#include <charconv>
#include <map>

#include "gazette/render/date_formatter.hpp"

namespace gazette::admin {
namespace {

/// Date and time to the second: an audit entry is read for the moment it happened, not the day.
constexpr std::string_view kWhenPattern = "yyyy-MM-dd HH:mm:ss";

/// ?page=N, 1-based; 1 when absent. nullopt for anything else, including pages past kMaxAuditPage.
std::optional<std::int64_t> PageNumber(const http::Request& request) {
  const auto text = request.Query("page");
  if (!text) return 1;
  std::int64_t page = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), page);
  if (error != std::errc{} || end != text->data() + text->size() || page < 1 || page > kMaxAuditPage) {
    return std::nullopt;
  }
  return page;
}

}  // namespace

void AuditScreen::Register(AdminRoutes& routes) const {
  routes.AddNavigation("Audit log", "/admin/audit", domain::Permission::kViewAuditLog);
  routes.Get("/admin/audit", domain::Permission::kViewAuditLog,
             [this](AdminRequest& request) { return Show(request); });
}

http::Response AuditScreen::Show(AdminRequest& request) const {
  const auto page = PageNumber(request.http);
  if (!page) return pages_.Error(&request.http, 400, "There is no such page of the audit log.", &request);
  // One more than shown tells whether an older page exists, without counting the table.
  auto entries = ctx_.accounts.audit().List((*page - 1) * kAuditPageSize, kAuditPageSize + 1);
  if (!entries.ok()) return pages_.ServiceError(request, entries.error());
  auto users = ctx_.storage.accounts().ListUsers();
  if (!users.ok()) return pages_.ServiceError(request, users.error());
  std::map<std::int64_t, std::string> names;
  for (const auto& user : *users) names.emplace(user.id, user.name + " <" + user.email + ">");
  // Built per request: the site's zone may change while the server runs.
  auto when = render::DateFormatter::Create(kWhenPattern, "en", ctx_.dates.zone());
  if (!when.ok()) return pages_.ServiceError(request, when.error());

  const bool older = static_cast<std::int64_t>(entries->size()) > kAuditPageSize;
  if (older) entries->pop_back();
  render::View rows{render::View::type::list};
  for (const auto& entry : *entries) {
    render::View row;
    row.set("when", when->Format(entry.at));
    row.set("iso", when->IsoDate(entry.at));
    std::string who = "command line or visitor";
    if (entry.user_id) {
      const auto it = names.find(*entry.user_id);
      who = it != names.end() ? it->second : "user #" + std::to_string(*entry.user_id);
    }
    row.set("who", who);
    row.set("action", entry.action);
    row.set("target", entry.target);
    row.set("detail", entry.detail);
    row.set("ip", entry.ip);
    rows.push_back(row);
  }
  render::View view = pages_.PageView(request, "Audit log");
  view.set("entries", rows);
  view.set("empty", entries->empty());
  view.set("page", std::to_string(*page));
  view.set("zone", ctx_.dates.zone().name());
  if (*page > 1) view.set("newer_url", "/admin/audit?page=" + std::to_string(*page - 1));
  if (older) view.set("older_url", "/admin/audit?page=" + std::to_string(*page + 1));
  return pages_.Render("audit", std::move(view));
}

}  // namespace gazette::admin
