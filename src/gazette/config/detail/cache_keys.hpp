#pragma once
/// The [cache] keys of the configuration table: whether rendered public pages are kept in memory and how
/// much memory they may take. Kept beside the table rather than in it so that the cache's limits stay in
/// one place.

#include <vector>

#include "gazette/config/detail/key_table.hpp"

namespace gazette::config::detail {

/// Appends the [cache] keys to keys, in file order.
void AddCacheKeys(std::vector<KeySpec>& keys);

}  // namespace gazette::config::detail
