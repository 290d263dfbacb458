// Public pages through the page cache: found and answered with their live values, or built, cut at their
// live slots, compressed once and kept (docs/performance.md, "The page cache").
#include <fmt/format.h>

#include <random>

#include "gazette/http/accept_encoding.hpp"
#include "gazette/site/public_site.hpp"

namespace gazette::site {
namespace {

/// gzip level for cached pages: made once per page, so the best ratio is worth its few milliseconds.
constexpr int kGzipLevel = 9;

/// Queries a cached page may have: none, or "page=N" (a list page). Anything else (?comment=, tracking
/// parameters, junk) is answered without the cache, so a crawler's random queries cannot flush it.
std::optional<std::string> CacheKeyFor(const http::Request& request) {
  const auto& query = request.query();
  if (query.empty()) return request.path();
  if (query.size() != 1 || query[0].first != "page") return std::nullopt;
  const std::string& page = query[0].second;
  if (page.empty() || page.size() > 6 || page[0] == '0') return std::nullopt;
  for (const char c : page) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return request.path() + "?page=" + page;
}

/// 64-bit FNV-1a: cheap, and good enough to tell versions of one page apart in an ETag.
std::uint64_t Fnv1a(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

/// "\"<16 hex digits><suffix>\"": the answer's ETag.
std::string EtagOf(std::uint64_t hash, std::string_view suffix) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string etag(18 + suffix.size(), '"');
  for (int i = 15; i >= 0; --i, hash >>= 4) etag[1 + static_cast<std::size_t>(i)] = kHex[hash & 0xfu];
  etag.replace(17, suffix.size(), suffix);
  return etag;
}

std::string RandomMarker() {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device device;
  std::string marker;
  for (int i = 0; i < 20; ++i) marker += kAlphabet[device() % kAlphabet.size()];
  return marker;
}

/// The body's length with every live value empty: what the static part costs on the wire in a coding.
std::size_t StaticBodySize(const http::SplicedEncoding& encoding) {
  const std::vector<std::string_view> empty(encoding.slots());
  http::SplicedBody body;
  encoding.Splice(empty, body);
  return body.size();
}

std::shared_ptr<const CachedPage> MakeCachedPage(http::Response response, std::string_view marker,
                                                 std::int64_t article_id, PageSources sources,
                                                 bool compress) {
  auto page = std::make_shared<CachedPage>();
  page->status = response.status;
  page->content_type = std::move(response.content_type);
  page->headers = std::move(response.headers);
  MarkedPage cut = CutAtMarks(response.Body(), marker);
  page->slots = std::move(cut.slots);
  std::uint64_t hash = Fnv1a(page->content_type);
  for (const auto& chunk : cut.chunks) hash = Fnv1a(chunk, hash);
  for (const auto& slot : page->slots) {
    hash = Fnv1a(fmt::format("{}:{}", static_cast<int>(slot.kind), slot.arg), hash);
  }
  page->static_hash = hash;
  const std::vector<std::string_view> chunks(cut.chunks.begin(), cut.chunks.end());
  page->identity = http::SplicedEncoding::Identity(chunks);
  if (compress) {
    page->gzip = http::SplicedEncoding::Gzip(chunks, kGzipLevel);
    // Brotli can only be cut at its fastest quality, which on news pages comes out larger than gzip: it is
    // kept (and offered) only for a page where it wins.
    auto brotli = http::SplicedEncoding::Brotli(chunks);
    if (StaticBodySize(brotli) < StaticBodySize(*page->gzip)) page->brotli = std::move(brotli);
  }
  page->article_id = article_id;
  page->sources = std::move(sources);
  return page;
}

}  // namespace

PublicSite::PublicSite(SiteContext context, PageCacheOptions cache)
    : ctx_(context), cache_options_(cache), page_cache_(cache.max_bytes), live_marker_(RandomMarker()) {}

std::optional<PageSources> PublicSite::CurrentSources() const {
  // The version first: whatever changes after this read raises it past the figure kept with the page.
  auto version = ctx_.storage.ContentVersion();
  if (!version.ok()) return std::nullopt;
  PageSources sources;
  sources.content_version = *version;
  sources.settings = ctx_.live.Current();
  sources.categories = ctx_.categories.Current();
  return sources;
}

http::Response PublicSite::ThroughCache(const http::Request& request, const PageBuilder& build) const {
  const Timestamp now = ctx_.clock.Now();
  std::optional<std::string> key;
  if (cache_options_.enabled && request.method() != http::Method::kPost) key = CacheKeyFor(request);
  // Article hit figures change with every read: a page showing them is never kept.
  if (key && ctx_.live.Current()->stats.show_article_hits) key.reset();
  std::optional<PageSources> sources;
  if (key) sources = CurrentSources();  // when the store cannot say, the page is built as if uncached
  if (!sources) {
    const LiveText live = LiveText::Current(ctx_, ctx_.live.Current(), now);
    PageBuild built = build(live);
    CountPageView(request, built.response, built.article_id);
    return std::move(built.response);
  }

  if (auto page = page_cache_.Find(*key); page != nullptr && page->sources.StillHold(*sources, now)) {
    auto response = Answer(request, page, now);
    CountPageView(request, response, page->article_id);
    return response;
  }

  auto next_change = ctx_.storage.articles().NextVisibilityChange(now);
  PageBuild built = build(LiveText::Marked(live_marker_));
  const bool marked = built.response.Body().find(live_marker_) != std::string_view::npos;
  if (!marked) {  // an error page or a redirect: drawn with the current values, never kept
    CountPageView(request, built.response, built.article_id);
    return std::move(built.response);
  }
  const bool keep = built.response.status == 200 && next_change.ok();
  if (next_change.ok()) sources->next_visibility_change = *next_change;
  auto page = MakeCachedPage(std::move(built.response), live_marker_, built.article_id, std::move(*sources),
                             /*compress=*/keep);
  if (keep) page_cache_.Put(*key, page);
  auto response = Answer(request, page, now);
  CountPageView(request, response, page->article_id);
  return response;
}

http::Response PublicSite::Answer(const http::Request& request, const std::shared_ptr<const CachedPage>& page,
                                  Timestamp now) const {
  http::Response response;
  response.status = page->status;
  response.content_type = page->content_type;
  response.headers.reserve(page->headers.size() + 3);  // and Content-Encoding, Vary, ETag
  response.headers = page->headers;

  std::vector<std::string> values;
  std::uint64_t live_hash = page->static_hash;
  if (!page->slots.empty()) {
    const LiveText live = LiveText::Current(ctx_, ctx_.live.Current(), now);
    values.reserve(page->slots.size());
    for (const auto& slot : page->slots) {
      values.push_back(live.Value(slot));
      live_hash = Fnv1a(values.back(), Fnv1a("|", live_hash));
    }
  }
  const http::ContentCoding coding = http::ChooseCoding(request.Header("Accept-Encoding"), page->brotli.has_value());
  const http::SplicedEncoding* encoding = &page->identity;
  std::string_view suffix;
  if (coding == http::ContentCoding::kBrotli && page->brotli) {
    encoding = &*page->brotli;
    suffix = "-br";
    response.SetHeader("Content-Encoding", "br");
  } else if (coding == http::ContentCoding::kGzip && page->gzip) {
    encoding = &*page->gzip;
    suffix = "-gz";
    response.SetHeader("Content-Encoding", "gzip");
  }
  if (page->gzip || page->brotli) response.SetHeader("Vary", "Accept-Encoding");
  const std::vector<std::string_view> live(values.begin(), values.end());
  auto pieces = std::make_shared<http::BodyPieces>();
  pieces->owner = page;
  encoding->Splice(live, pieces->body);
  response.SetHeader("ETag", EtagOf(live_hash, suffix));
  response.pieces = std::move(pieces);
  return response;
}

}  // namespace gazette::site
