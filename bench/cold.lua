-- wrk script for `bench/run --cold`: walks the paths of BENCH_PATHS_FILE (one per line) in order, one
-- request each, and stops once the last one is answered. Run it with -t1 -c1, so that requests go one
-- after another on one connection and every path is asked for exactly once; -d only bounds the run.
-- done() prints the "BENCH key=value ..." line of bench/pages.lua.

local paths_file = os.getenv("BENCH_PATHS_FILE")
if not paths_file or paths_file == "" then error("BENCH_PATHS_FILE must name the list of paths") end

local paths = {}
local sent = 0
local answered = 0

function init(args)
  for line in io.lines(paths_file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. paths_file) end
end

function request()
  -- After the last path wrk may still ask for a request before it stops: repeat the last one, which the
  -- access log's count then shows.
  if sent < #paths then sent = sent + 1 end
  return wrk.format(nil, paths[sent])
end

function response(status, headers, body)
  answered = answered + 1
  if answered >= #paths then wrk.thread:stop() end
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
