#pragma once
/// The built-in bot list (stats/bot_user_agents.txt), embedded in the binary at build time by
/// gazette_embed_text in cmake/GazetteEmbed.cmake.

#include <string_view>

namespace gazette::stats::detail {

/// The whole file, in BotFilter::FromText's format.
std::string_view BuiltInBotUserAgents();

}  // namespace gazette::stats::detail
