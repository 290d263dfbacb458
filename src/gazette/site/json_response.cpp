#include "gazette/site/json_response.hpp"

namespace gazette::site {

http::Response JsonResponse(unsigned status, const boost::json::value& value) {
  http::Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = boost::json::serialize(value);
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

http::Response JsonErrorResponse(unsigned status, std::string_view message) {
  return JsonResponse(status, boost::json::object{{"error", message}});
}

}  // namespace gazette::site
