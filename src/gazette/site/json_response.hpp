#pragma once
/// JSON answers of the public site's APIs (/api/v1/stats, /api/v1/search): one place for their content type
/// and caching, so that every API answers alike.

#include <boost/json.hpp>
#include <string_view>

#include "gazette/http/response.hpp"

namespace gazette::site {

/// value serialized as an application/json answer with status, and Cache-Control: no-cache: what the APIs
/// say changes at any moment (figures every second, results with each publication), so clients may keep
/// an answer but must ask again before using it.
http::Response JsonResponse(unsigned status, const boost::json::value& value);

/// {"error": message} with status: a refused or failed API request. message is for people and must hold
/// nothing internal (no database error).
http::Response JsonErrorResponse(unsigned status, std::string_view message);

}  // namespace gazette::site
