#pragma once
/// SplicedEncoding: a page body made of static chunks with live slots between them (the visitor counter
/// figures, today's date), encoded once when the page is cached, that yields per answer the body with the
/// live strings in the slots, without copying the static bytes: identity, gzip, or brotli.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/http/accept_encoding.hpp"
#include "gazette/http/detail/gzip_chunks.hpp"
#include "gazette/http/spliced_body.hpp"

namespace gazette::http {

/// Immutable once made, so one instance may be spliced from many threads at once.
class SplicedEncoding {
 public:
  /// The chunks as they are. chunks holds N + 1 chunks for N slots; none means one empty chunk.
  static SplicedEncoding Identity(std::span<const std::string_view> chunks);

  /// One gzip member (RFC 1952) at zlib level 1..9 (clamped). Each live value goes out as stored deflate
  /// blocks between chunks compressed with a full flush; the trailer's CRC-32 is combined per answer.
  /// The window restarts at each slot: about 6% larger than one-shot gzip of a 27 KB front page, 4 slots.
  static SplicedEncoding Gzip(std::span<const std::string_view> chunks, int level);

  /// One brotli stream (RFC 7932) at quality 1, each live value in uncompressed meta-blocks between chunks
  /// flushed to the byte. Quality 1 is the highest whose output can be cut: see detail/brotli_chunks.hpp.
  /// On news pages that is larger than Gzip(chunks, 6) (6.2 KB against 5.5 KB for a 27 KB front page):
  /// compare stored sizes before offering it (ChooseCoding's brotli_available).
  static SplicedEncoding Brotli(std::span<const std::string_view> chunks);

  ContentCoding coding() const noexcept { return coding_; }

  /// Number of live slots: the number of chunks less one.
  std::size_t slots() const noexcept { return ends_.size() - 1; }

  /// Memory held, for the cache's accounting.
  std::size_t stored_bytes() const noexcept;

  /// The encoded body with live[i] between chunk i and chunk i + 1, into out (its previous content is
  /// replaced; its capacity is kept). The static bytes are referenced, not copied; only live bytes with
  /// their framing and the gzip trailer go to out.scratch, sized once before any piece points into it.
  /// Precondition: live.size() == slots(); a missing value counts as empty and an extra one is ignored.
  void Splice(std::span<const std::string_view> live, SplicedBody& out) const;

 private:
  SplicedEncoding(ContentCoding coding, std::string bytes, std::vector<std::size_t> ends);

  /// Static piece i: the encoded chunk i and whatever framing precedes or ends it.
  std::string_view Piece(std::size_t i) const noexcept;

  ContentCoding coding_;
  std::string bytes_;                           ///< the encoded static pieces back to back
  std::vector<std::size_t> ends_;               ///< ends_[i]: where piece i ends in bytes_
  std::vector<detail::GzipChunkCheck> checks_;  ///< gzip only: per-chunk CRC-32 for the trailer
  std::uint64_t plain_size_ = 0;                ///< gzip only: the chunks' total length, for ISIZE
};

}  // namespace gazette::http
