-- wrk script for bench/run. Two modes, chosen when wrk loads the script (wrk decides then whether
-- requests are static, so the choice cannot wait for init()):
--   BENCH_PATHS_FILE unset: every request is the URL's path, pre-built once by wrk (cheapest for wrk);
--   BENCH_PATHS_FILE=FILE:  each request picks a random path from FILE (one path per line).
-- BENCH_HEADERS="Name: value|Name: value" adds request headers (e.g. Accept-Encoding for the gzip runs).
-- done() prints one "BENCH key=value ..." line that bench/run parses; wrk's own report is printed too.

local paths_file = os.getenv("BENCH_PATHS_FILE")
local extra_headers = os.getenv("BENCH_HEADERS")

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

if paths_file and paths_file ~= "" then
  local paths = {}

  function init(args)
    for line in io.lines(paths_file) do
      if line ~= "" then paths[#paths + 1] = line end
    end
    if #paths == 0 then error("no paths in " .. paths_file) end
    math.randomseed(1000 + (thread_id or 0))
  end

  function request()
    return wrk.format(nil, paths[math.random(#paths)])
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
