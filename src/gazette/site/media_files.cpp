#include "gazette/site/media_files.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <iterator>
#include <string>

#include "gazette/media/image_type.hpp"
#include "gazette/media/media_naming.hpp"

namespace gazette::site {
namespace {

/// A content-addressed file never changes under its name (RFC 8246).
constexpr std::string_view kImmutableCaching = "public, max-age=31536000, immutable";

}  // namespace

void MediaFiles::Register(http::Router& router) const {
  // Public names are always one directory deep: <h2>/<sha256>[-<width>].<ext> (media_naming.hpp).
  router.Get(std::string(media::kMediaUrlPrefix) + "{dir}/{file}",
             [this](const http::Request& request) { return Serve(request); });
}

http::Response MediaFiles::Serve(const http::Request& request) const {
  const std::string name = std::string(request.Param("dir")) + "/" + std::string(request.Param("file"));
  // FileFor accepts only names the library makes, so nothing typed here can reach another file.
  const auto parsed = media::ParsePublicName(name);
  auto path = library_.FileFor(name);
  if (!parsed || !path.ok()) return site_.ErrorPage(404, "There is no image at this address.");

  // Files are at most [server] max_upload_bytes (copies are smaller), so reading one whole is bounded.
  std::ifstream in(*path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) {
    spdlog::error("reading media file {} failed", path->string());
    return site_.ErrorPage(500, "The image could not be read. Please try again.");
  }
  http::Response response;
  response.content_type = std::string(media::MimeOf(parsed->type));
  response.body = std::move(bytes);
  // The name is the content's hash: a strong validator without hashing the body again.
  const auto dot = name.rfind('.');
  response.SetHeader("ETag", "\"" + name.substr(3, dot - 3) + "\"");
  response.SetHeader("Cache-Control", std::string(kImmutableCaching));
  response.SetHeader("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace gazette::site
