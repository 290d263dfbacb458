#include "gazette/config/detail/comment_keys.hpp"

#include <fmt/format.h>

#include "gazette/config/detail/value_checks.hpp"

namespace gazette::config::detail {
namespace {

/// More than this many links is what link spam looks like; readers cite a source or two.
constexpr std::int64_t kMaxCommentLinks = 20;
/// Above five seconds a quick reader writing "Thanks!" would be refused.
constexpr std::int64_t kMaxCommentMinSeconds = 5;

}  // namespace

void AddCommentKeys(std::vector<KeySpec>& keys) {
  keys.push_back({"comments", "moderation", ValueKind::kString,
                  "Which readers' comments wait for an editor: \"all\" (every one), or \"trusted\" (an e-mail "
                  "address with an approved comment posts directly).",
                  false,
                  [](Config& config, Value value) -> Status {
                    auto& text = std::get<std::string>(value);
                    if (text != "all" && text != "trusted") {
                      return MakeError(ErrorCode::kInvalid,
                                       fmt::format("must be \"all\" or \"trusted\" (got \"{}\")", text));
                    }
                    config.comments.moderation = std::move(text);
                    return OkStatus();
                  },
                  [](const Config& config) -> Value { return config.comments.moderation; }});
  keys.push_back({"comments", "max_links", ValueKind::kInteger,
                  fmt::format("Links one comment may hold, 0..{}: more is refused as likely spam.",
                              kMaxCommentLinks),
                  false,
                  [](Config& config, Value value) -> Status {
                    const std::int64_t n = std::get<std::int64_t>(value);
                    if (auto status = CheckRange(n, 0, kMaxCommentLinks); !status) return status;
                    config.comments.max_links = static_cast<int>(n);
                    return OkStatus();
                  },
                  [](const Config& config) -> Value { return std::int64_t{config.comments.max_links}; }});
  keys.push_back({"comments", "min_seconds", ValueKind::kInteger,
                  fmt::format("Least seconds between showing the comment form and sending it, 0..{}: scripts "
                              "send at once, people take longer.",
                              kMaxCommentMinSeconds),
                  false,
                  [](Config& config, Value value) -> Status {
                    const std::int64_t n = std::get<std::int64_t>(value);
                    if (auto status = CheckRange(n, 0, kMaxCommentMinSeconds); !status) return status;
                    config.comments.min_seconds = static_cast<int>(n);
                    return OkStatus();
                  },
                  [](const Config& config) -> Value { return std::int64_t{config.comments.min_seconds}; }});
}

}  // namespace gazette::config::detail
