#pragma once
/// MediaFiles: the public /media/<h2>/<name> route, which serves the media library's images (originals and
/// their smaller copies) to readers. Files are named by their content hash, so they never change: the
/// answer may be cached for a year.

#include "gazette/http/request.hpp"
#include "gazette/http/response.hpp"
#include "gazette/http/router.hpp"
#include "gazette/media/media_library.hpp"
#include "gazette/site/public_site.hpp"

namespace gazette::site {

/// Thread-safe: holds references only. Both must outlive the router it registers on.
class MediaFiles {
 public:
  MediaFiles(const media::MediaLibrary& library, const PublicSite& site) : library_(library), site_(site) {}

  /// Registers GET /media/{dir}/{file}. An image request is not a page view: it is not counted.
  void Register(http::Router& router) const;

 private:
  http::Response Serve(const http::Request& request) const;

  const media::MediaLibrary& library_;
  const PublicSite& site_;
};

}  // namespace gazette::site
