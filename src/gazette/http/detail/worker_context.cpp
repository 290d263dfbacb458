#include "gazette/http/detail/worker_context.hpp"

namespace gazette::http::detail {

std::unique_ptr<ActiveState> WorkerContext::Acquire() {
  if (pool_.empty()) return std::make_unique<ActiveState>(InputLimit());
  auto state = std::move(pool_.back());
  pool_.pop_back();
  return state;
}

void WorkerContext::Release(std::unique_ptr<ActiveState> state) {
  if (!state || pool_.size() >= kMaxPooled) return;
  state->request.reset();
  state->parser.reset();
  state->response.reset();
  state->input.clear();
  if (state->storage.body.capacity() > kMaxRetainedBody) std::string().swap(state->storage.body);
  pool_.push_back(std::move(state));
}

}  // namespace gazette::http::detail
