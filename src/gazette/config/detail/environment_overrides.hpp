#pragma once
/// GAZETTE_<SECTION>_<KEY> environment variables applied over the values read from gazette.toml.

#include "gazette/base/result.hpp"
#include "gazette/config/config.hpp"
#include "gazette/config/detail/key_table.hpp"

namespace gazette::config::detail {

/// Applies every variable named GAZETTE_<SECTION>_<KEY> (upper case) for a known section. A variable
/// with a known section prefix but no such key (GAZETTE_SITE_NMAE) is an error, to catch typos; other
/// GAZETTE_* variables (GAZETTE_SOURCE_DIR) are not config and are ignored. Errors name the variable.
Status ApplyEnvironment(Config& config, const Environment& env);

/// Reads text (an environment value or a command-line option) as the kind a key expects: surrounding
/// blanks dropped, decimal integers, true/false/1/0/yes/no/on/off, comma-separated lists without empty
/// items. kInvalid with a message that reads after the key ("must be an integer (got \"x\")").
Status ParseValue(ValueKind kind, std::string_view text, Value& out);

}  // namespace gazette::config::detail
