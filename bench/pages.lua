-- wrk script for bench/run. Two modes, chosen when wrk loads the script (wrk decides then whether
-- requests are static, so the choice cannot wait for init()):
--   BENCH_PATHS_FILE unset: every request is the URL's path, pre-built once by wrk (cheapest for wrk);
--   BENCH_PATHS_FILE=FILE:  each request picks a random path from FILE (one path per line).
-- BENCH_HEADERS="Name: value|Name: value" adds request headers (e.g. Accept-Encoding for the gzip runs).
-- BENCH_VISITOR_SEED=N (1..65535): every request carries a new X-Forwarded-For address, 2001:db8:N:T::n
--   (T the wrk thread, n its request count), so that a server trusting 127.0.0.1 as a proxy sees each
--   request as a new visitor. Runs with different seeds send different addresses. Combines with either mode.
-- done() prints one "BENCH key=value ..." line that bench/run parses; wrk's own report is printed too.

local paths_file = os.getenv("BENCH_PATHS_FILE")
local extra_headers = os.getenv("BENCH_HEADERS")
local visitor_seed = tonumber(os.getenv("BENCH_VISITOR_SEED") or "")
if visitor_seed and (visitor_seed < 1 or visitor_seed > 65535 or visitor_seed % 1 ~= 0) then
  error("BENCH_VISITOR_SEED must be a whole number in 1..65535")
end

if extra_headers and extra_headers ~= "" then
  for field in string.gmatch(extra_headers, "[^|]+") do
    local name, value = string.match(field, "^%s*([^:]+):%s*(.-)%s*$")
    if name then wrk.headers[name] = value end
  end
end

-- Threads get distinct, fixed seeds: runs repeat the same sequence of pages, threads differ.
local next_thread_id = 0
function setup(thread)
  next_thread_id = next_thread_id + 1
  thread:set("thread_id", next_thread_id)
end

local random_paths = paths_file and paths_file ~= ""
if random_paths or visitor_seed then
  local paths = {}
  local sent = 0

  function init(args)
    if random_paths then
      for line in io.lines(paths_file) do
        if line ~= "" then paths[#paths + 1] = line end
      end
      if #paths == 0 then error("no paths in " .. paths_file) end
    end
    math.randomseed(1000 + (thread_id or 0))
  end

  function request()
    local path = nil
    if random_paths then path = paths[math.random(#paths)] end
    if visitor_seed then
      -- Written into wrk.headers itself: wrk.format() without a headers table uses them, -H ones included.
      sent = sent + 1
      wrk.headers["X-Forwarded-For"] = string.format("2001:db8:%x:%x::%x:%x", visitor_seed, thread_id or 0,
                                                     math.floor(sent / 65536) % 65536, sent % 65536)
    end
    return wrk.format(nil, path)
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
