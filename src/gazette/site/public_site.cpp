#include "gazette/site/public_site.hpp"

#include <spdlog/spdlog.h>

#include "gazette/http/error_status.hpp"

namespace gazette::site {

void PublicSite::RegisterRoutes(http::Router& router) const {
  const auto bind = [this](http::Response (PublicSite::*page)(const http::Request&) const) {
    return [this, page](const http::Request& request) { return (this->*page)(request); };
  };
  router.Get("/", bind(&PublicSite::FrontPage));
  router.Get("/{year}/{month}/{slug}", bind(&PublicSite::ArticlePage));
  router.Get("/category/{slug}", bind(&PublicSite::CategoryPage));
  router.Get("/tag/{slug}", bind(&PublicSite::TagPage));
  router.Get("/author/{slug}", bind(&PublicSite::AuthorPage));
  router.Get("/archive", bind(&PublicSite::ArchiveIndexPage));
  router.Get("/archive/{year}", bind(&PublicSite::ArchiveYearPage));
  router.Get("/archive/{year}/{month}", bind(&PublicSite::ArchiveMonthPage));
  // Theme assets are one directory deep (css/, img/, js/): /assets/<kind>/<name>.<fingerprint>.<ext>.
  router.Get("/assets/{kind}/{file}", bind(&PublicSite::AssetFile));
  router.SetErrorRenderer([this](const http::Request*, unsigned status, std::string_view message) {
    return ErrorPage(status, message);
  });
}

http::Response PublicSite::Render(std::string_view page, render::View view, unsigned status) const {
  auto html = ctx_.templates.RenderPage(page, std::move(view));
  if (!html.ok()) {
    spdlog::error("rendering {} failed: {}", page, html.error().message);
    return http::Response::Text(500, "The page could not be shown because of an error in the site's theme.\n");
  }
  http::Response response;
  response.status = status;
  response.body = std::move(html).value();
  return response;
}

http::Response PublicSite::ErrorPage(unsigned status, std::string_view message) const {
  PageMeta meta;
  meta.title = status == 404 ? "Page not found" : "Error " + std::to_string(status);
  meta.canonical_path = "/";
  render::View view = LayoutView(ctx_, meta);
  view.set("status", std::to_string(status));
  view.set("message", std::string(message));
  return Render("error", std::move(view), status);
}

http::Response PublicSite::StoreError(const Error& error) const {
  const unsigned status = http::StatusForError(error.code);
  if (status == 404) return ErrorPage(404, "There is no page at this address.");
  spdlog::error("store error: {}", error.message);
  if (status == 503) return ErrorPage(503, "The site is busy. Please try again in a moment.");
  return ErrorPage(500, "Something went wrong on our side. Please try again later.");
}

http::Response PublicSite::AssetFile(const http::Request& request) const {
  if (auto response = ctx_.assets.Serve(request.path())) return std::move(*response);
  return ErrorPage(404, "There is no file at this address.");
}

}  // namespace gazette::site
