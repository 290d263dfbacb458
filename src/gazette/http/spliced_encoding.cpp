#include "gazette/http/spliced_encoding.hpp"

#include <algorithm>
#include <utility>

#include "gazette/http/detail/brotli_chunks.hpp"

namespace gazette::http {
namespace {

/// No chunks at all is a body without slots: one empty chunk.
constexpr std::string_view kEmptyChunk[1] = {std::string_view()};
std::span<const std::string_view> AtLeastOneChunk(std::span<const std::string_view> chunks) {
  return chunks.empty() ? std::span<const std::string_view>(kEmptyChunk) : chunks;
}

/// Bytes a live value of `size` bytes takes in the body, with the framing of coding.
std::size_t FramedSize(ContentCoding coding, std::size_t size) noexcept {
  switch (coding) {
    case ContentCoding::kGzip:
      return detail::StoredBlocksSize(size);
    case ContentCoding::kBrotli:
      return detail::UncompressedMetaBlocksSize(size);
    case ContentCoding::kIdentity:
      break;
  }
  return size;
}

char* WriteFramed(ContentCoding coding, std::string_view live, char* out) noexcept {
  switch (coding) {
    case ContentCoding::kGzip:
      return detail::WriteStoredBlocks(live, out);
    case ContentCoding::kBrotli:
      return detail::WriteUncompressedMetaBlocks(live, out);
    case ContentCoding::kIdentity:
      break;
  }
  return std::copy(live.begin(), live.end(), out);
}

}  // namespace

SplicedEncoding::SplicedEncoding(ContentCoding coding, std::string bytes, std::vector<std::size_t> ends)
    : coding_(coding), bytes_(std::move(bytes)), ends_(std::move(ends)) {}

SplicedEncoding SplicedEncoding::Identity(std::span<const std::string_view> chunks) {
  chunks = AtLeastOneChunk(chunks);
  std::string bytes;
  std::vector<std::size_t> ends;
  ends.reserve(chunks.size());
  for (const std::string_view chunk : chunks) {
    bytes += chunk;
    ends.push_back(bytes.size());
  }
  bytes.shrink_to_fit();
  return SplicedEncoding(ContentCoding::kIdentity, std::move(bytes), std::move(ends));
}

SplicedEncoding SplicedEncoding::Gzip(std::span<const std::string_view> chunks, int level) {
  detail::GzipChunks gzip = detail::EncodeGzipChunks(AtLeastOneChunk(chunks), level);
  SplicedEncoding encoding(ContentCoding::kGzip, std::move(gzip.bytes), std::move(gzip.ends));
  encoding.checks_ = std::move(gzip.checks);
  encoding.plain_size_ = gzip.plain_size;
  return encoding;
}

SplicedEncoding SplicedEncoding::Brotli(std::span<const std::string_view> chunks) {
  detail::BrotliChunks brotli = detail::EncodeBrotliChunks(AtLeastOneChunk(chunks));
  return SplicedEncoding(ContentCoding::kBrotli, std::move(brotli.bytes), std::move(brotli.ends));
}

std::size_t SplicedEncoding::stored_bytes() const noexcept {
  return sizeof(*this) + bytes_.capacity() + ends_.capacity() * sizeof(std::size_t) +
         checks_.capacity() * sizeof(detail::GzipChunkCheck);
}

std::string_view SplicedEncoding::Piece(std::size_t i) const noexcept {
  const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
  return std::string_view(bytes_).substr(begin, ends_[i] - begin);
}

void SplicedEncoding::Splice(std::span<const std::string_view> live, SplicedBody& out) const {
  live = live.first(std::min(live.size(), slots()));
  const bool gzip = coding_ == ContentCoding::kGzip;
  std::size_t scratch_size = gzip ? detail::kGzipTrailerSize : 0;
  std::uint64_t live_size = 0;
  for (const std::string_view value : live) {
    scratch_size += FramedSize(coding_, value.size());
    live_size += value.size();
  }
  // Sized once, before any piece points into it: a later growth would move the bytes under the views.
  out.scratch.clear();
  out.scratch.resize(scratch_size);
  out.pieces.clear();
  out.pieces.reserve(2 * ends_.size() + 1);
  char* cursor = out.scratch.data();
  const auto add = [&out](const char* begin, const char* end) {
    if (begin != end) out.pieces.emplace_back(begin, static_cast<std::size_t>(end - begin));
  };
  for (std::size_t i = 0; i < ends_.size(); ++i) {
    const std::string_view piece = Piece(i);
    add(piece.data(), piece.data() + piece.size());
    if (i < live.size()) {
      char* const start = cursor;
      cursor = WriteFramed(coding_, live[i], cursor);
      add(start, cursor);
    }
  }
  if (gzip) {
    char* const start = cursor;
    cursor = detail::WriteGzipTrailer(detail::SplicedCrc(checks_, live), plain_size_ + live_size, cursor);
    add(start, cursor);
  }
}

}  // namespace gazette::http
