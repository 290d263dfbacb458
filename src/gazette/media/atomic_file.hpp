#pragma once
/// Writing the media library's files so that a reader never sees half a file: into a temporary file in
/// the same directory, flushed to disk, then renamed over the final name.

#include <filesystem>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::media {

/// Creates directory (and missing parents) with mode 0755, whatever the process umask, so that a web
/// server running as another user can read it. kUnavailable, naming the directory, when it cannot.
Status EnsureDirectory(const std::filesystem::path& directory);

/// Writes bytes to path with mode 0644: a temporary file beside it ("." + random, never a name the
/// library serves), fsync, rename over path, fsync of the directory. path's directory must exist. On any
/// failure the temporary file is removed and path is left as it was. kUnavailable, naming the file and
/// the reason (disk full, permission), when it cannot.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace gazette::media
