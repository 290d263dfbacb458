#pragma once
/// The [comments] keys of the configuration table: moderation and the anti-spam limits of readers'
/// comments. Kept beside the table rather than in it so that the comment rules stay in one place.

#include <vector>

#include "gazette/config/detail/key_table.hpp"

namespace gazette::config::detail {

/// Appends the [comments] keys to keys, in file order.
void AddCommentKeys(std::vector<KeySpec>& keys);

}  // namespace gazette::config::detail
