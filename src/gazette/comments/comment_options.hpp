#pragma once
/// CommentOptions: the rules a site sets for readers' comments ([comments] in gazette.toml) and the fixed
/// limits beside them.

#include <chrono>

namespace gazette::comments {

enum class ModerationMode {
  kAll,      ///< every comment waits for an editor
  kTrusted,  ///< a comment whose e-mail address already has an approved one is published at once
};

struct CommentOptions {
  ModerationMode moderation = ModerationMode::kAll;
  int max_links = 3;
  std::chrono::seconds min_form_age{3};
  /// Five comments in ten minutes is a lively discussion; more from one address is a script.
  int rate_limit_count = 5;
  std::chrono::seconds rate_limit_window{600};
  /// The same text from the same address counts as a duplicate for a day.
  std::chrono::seconds duplicate_window{86400};
};

}  // namespace gazette::comments
