#include "gazette/admin/back_office.hpp"

namespace gazette::admin {

BackOffice::BackOffice(AdminContext context)
    : ctx_(context),
      pages_(ctx_),
      gate_(ctx_, pages_),
      login_(ctx_, pages_, gate_),
      dashboard_(ctx_, pages_),
      article_list_(ctx_, pages_),
      article_edit_(ctx_, pages_),
      article_revisions_(ctx_, pages_),
      panels_(ctx_, pages_),
      categories_(ctx_, pages_),
      tags_(ctx_, pages_),
      authors_(ctx_, pages_),
      media_(ctx_, pages_),
      users_(ctx_, pages_),
      audit_(ctx_, pages_),
      settings_(ctx_, pages_),
      account_(ctx_, pages_),
      comments_(ctx_, pages_) {}

bool BackOffice::Owns(std::string_view path) {
  return path == "/admin" || path.starts_with("/admin/");
}

void BackOffice::RegisterRoutes(http::Router& router) {
  AdminRoutes routes(router, gate_, pages_);
  // The order of the navigation is the order screens register in.
  dashboard_.Register(routes);
  login_.Register(router, routes);
  article_list_.Register(routes);
  article_edit_.Register(routes);
  article_revisions_.Register(routes);
  panels_.Register(routes);
  categories_.Register(routes);
  tags_.Register(routes);
  authors_.Register(routes);
  media_.Register(routes);
  comments_.Register(routes);
  users_.Register(routes);
  audit_.Register(routes);
  settings_.Register(routes);
  account_.Register(routes);
  // The stylesheet and scripts are needed by the login page, and hold nothing private.
  router.Get("/admin/assets/{kind}/{file}", [this](const http::Request& request) { return AssetFile(request); });
  router.SetPrefixFallback("/admin", [this](const http::Request& request) { return UnknownAddress(request); });
}

http::Response BackOffice::AssetFile(const http::Request& request) const {
  if (auto response = ctx_.assets.Serve(request.path())) return std::move(*response);
  return pages_.Error(&request, 404, "There is no file at this address.");
}

http::Response BackOffice::UnknownAddress(const http::Request& request) const {
  auto admitted = gate_.Admit(request, domain::Permission::kViewDashboard, /*state_changing=*/false);
  if (auto* stop = std::get_if<http::Response>(&admitted)) return std::move(*stop);
  const auto& user = std::get<AdminRequest>(admitted);
  if (const std::string_view allow = request.Param(http::kAllowParam); !allow.empty()) {
    auto response = pages_.Error(&request, 405, "This page does not take that kind of request.", &user);
    response.SetHeader("Allow", std::string(allow));
    return response;
  }
  return pages_.Error(&request, 404, "There is no back-office page at this address.", &user);
}

http::Response BackOffice::ErrorPage(const http::Request* request, unsigned status, std::string_view message) const {
  return pages_.Error(request, status, message);
}

}  // namespace gazette::admin
