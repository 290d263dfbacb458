#pragma once
/// SplicedBody: one answer's body as the pieces of a gather write, made by SplicedEncoding::Splice().

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::http {

/// Pieces point into the SplicedEncoding that made them and into scratch: they stay valid while both live
/// unchanged. Reusing one SplicedBody per connection keeps its buffers' capacity from answer to answer.
struct SplicedBody {
  std::string scratch;                   ///< this answer's own bytes: framed live values, the gzip trailer
  std::vector<std::string_view> pieces;  ///< the body, in order; no piece is empty

  /// Total bytes of the body (the Content-Length).
  std::size_t size() const noexcept {
    std::size_t total = 0;
    for (const std::string_view piece : pieces) total += piece.size();
    return total;
  }
};

}  // namespace gazette::http
