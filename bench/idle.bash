# shellcheck shell=bash
# bench/idle.bash: idle keep-alive connections, sourced by `bench/run --idle` once the binary ($bin) and
# the demo site ($site) are ready; uses bench/run's helpers (free_port, wait_until_answers, rss_kb, ...).
#
# One Gazette instance serves the demo site. In order:
#   1. wrk asks for the front page at the first BENCH_CONNECTIONS value (32) connections: req/s without
#      idle connections; then Gazette's resident memory (VmRSS);
#   2. bench/idle.py opens BENCH_IDLE connections (10,000), sends one complete GET / on each, so that each
#      is really a kept-alive connection the server has served, and leaves them idle;
#   3. Gazette's resident memory again: the difference, in total and per connection;
#   4. the same wrk run while the connections are held: req/s with them, and the ratio to step 1;
#   5. the holder reports how many connections are still open (none may have been closed by the server).
# Targets (issue "Speed"): 10,000 idle connections held with under 100 MB of extra memory, while the front
# page is served as fast as without them.
#
# Gazette closes a connection idle for 30 s (http::ServerOptions::keep_alive_timeout). With the default
# settings steps 2 to 5 take the opening (READY gives its seconds) plus BENCH_WARMUP and BENCH_DURATION
# (2 + 10 s): they end before any connection is 30 s idle, and no request but wrk's reaches the server
# during the measurement. For longer runs bench/idle.py sends GET / again on each connection whose last request is
# 20 s old (10 s before the server would close it); the output gives how many such refreshes there were,
# as they also load the server during the measurement.
# The open-file limit of this script (and so of Gazette and the holder) is raised to BENCH_IDLE + 1024.

# The system's Python: the helper uses its standard library only.
python=$(command -v /usr/bin/python3 || command -v python3) || die "--idle needs python3"
idle_out=$out/idle
rm -rf "$idle_out" && mkdir -p "$idle_out/wrk"

files_needed=$((idle_connections + 1024))
if [ "$(ulimit -n)" -lt "$files_needed" ]; then
  ulimit -n "$files_needed" 2>/dev/null || ulimit -S -n "$(ulimit -H -n)" 2>/dev/null || true
fi
[ "$(ulimit -n)" -ge "$files_needed" ] ||
  die "the open-file limit is $(ulimit -n) (hard $(ulimit -H -n)), below the $files_needed that BENCH_IDLE=$idle_connections needs; lower BENCH_IDLE or raise the hard limit"
echo "files:    open-file limit $(ulimit -n) (for Gazette and the holder)"

read -r idle_c _ <<<"$connections"
idle_port=$(free_port)
idle_url=http://127.0.0.1:$idle_port
echo "== starting: GAZETTE_SERVER_ACCESS_LOG=false $bin serve $site --listen 127.0.0.1:$idle_port --threads $threads"
GAZETTE_SERVER_ACCESS_LOG=false "$bin" serve "$site" --listen "127.0.0.1:$idle_port" --threads "$threads" \
  >"$idle_out/gazette.log" 2>&1 &
gazette_pid=$!
wait_until_answers "$idle_url/" "$gazette_pid" "$idle_out/gazette.log"
echo "memory:   $(mb "$(rss_kb "$gazette_pid")") resident after start-up"

idle_wrk() {  # name: one front page run at $idle_c connections after the warm-up; prints req/s and p99
  local command report line
  command="wrk -t$wrk_threads -c$idle_c -d${duration}s --timeout 5s --latency -s $here/pages.lua $idle_url/"
  report=$idle_out/wrk/$1.txt
  if [ "$warmup" -gt 0 ]; then
    timeout $((warmup + 30)) bash -c "${command/-d${duration}s/-d${warmup}s}" >/dev/null 2>&1 || true
  fi
  timeout $((duration + 30)) bash -c "$command" >"$report" 2>&1 || die "wrk failed: $command (see $report)"
  line=$(grep '^BENCH ' "$report") || die "no summary from wrk in $report"
  field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
  local errors=$(($(field err_connect) + $(field err_read) + $(field err_write) + $(field err_status) + $(field err_timeout)))
  printf '%s %s %s\n' "$(field rps)" "$(field p99_us)" "$errors"
}

echo "== front page at $idle_c connections without idle connections (${warmup} s warm-up, ${duration} s)"
echo "  wrk -t$wrk_threads -c$idle_c -d${duration}s --timeout 5s --latency -s $here/pages.lua $idle_url/"
idle_result=$(idle_wrk without)
read -r rps_without p99_without errors_without <<<"$idle_result"
rss_before=$(rss_kb "$gazette_pid")
printf '  %9.0f req/s  p99 %6.2f ms%s\n' "$rps_without" "$(awk -v u="$p99_without" 'BEGIN { print u / 1000 }')" \
  "$([ "$errors_without" -gt 0 ] && echo "  ERRORS $errors_without")"
echo "memory:   $(mb "$rss_before") resident before the idle connections"

echo "== opening $idle_connections idle keep-alive connections (bench/idle.py; each sends GET / once)"
holder_output=$idle_out/holder.txt
"$python" "$here/idle.py" "$idle_port" "$idle_connections" >"$holder_output" 2>"$idle_out/holder.err" &
holder_pid=$!
helper_pids+=" $holder_pid"
# Up to 10 minutes to open them all.
for ((i = 0; i < 6000; i++)); do
  grep -q '^READY ' "$holder_output" && break
  kill -0 "$holder_pid" 2>/dev/null || { cat "$idle_out/holder.err" >&2; die "bench/idle.py exited before its connections were open"; }
  sleep 0.1
done
ready_line=$(grep '^READY ' "$holder_output") || die "bench/idle.py did not open its connections within 10 minutes"
holder_field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }
opened=$(holder_field opened "$ready_line")
echo "  $ready_line"
[ "$opened" -ge 1 ] || die "no idle connection could be opened"
# READY comes once every answer has been read whole: the server has nothing left to write.
rss_held=$(rss_kb "$gazette_pid")
echo "memory:   $(mb "$rss_held") resident with $opened idle connections"

echo "== front page at $idle_c connections while the $opened idle connections are held"
idle_result=$(idle_wrk with)
read -r rps_with p99_with errors_with <<<"$idle_result"
printf '  %9.0f req/s  p99 %6.2f ms%s\n' "$rps_with" "$(awk -v u="$p99_with" 'BEGIN { print u / 1000 }')" \
  "$([ "$errors_with" -gt 0 ] && echo "  ERRORS $errors_with")"
rss_after=$(rss_kb "$gazette_pid")

kill -TERM "$holder_pid" 2>/dev/null || true
for ((i = 0; i < 300; i++)); do
  grep -q '^DONE ' "$holder_output" && break
  kill -0 "$holder_pid" 2>/dev/null || break
  sleep 0.1
done
done_line=$(grep '^DONE ' "$holder_output") || die "bench/idle.py gave no final count (see $idle_out/holder.err)"
stop_process "$holder_pid"

echo
echo "== idle keep-alive connections ($threads server threads; wrk $wrk_threads threads, ${duration} s at $idle_c connections)"
awk -v n="$opened" -v before="$rss_before" -v held="$rss_held" -v after="$rss_after" 'BEGIN {
    printf "  memory: %.1f MB before, %.1f MB with %d idle connections: +%.1f MB, %.1f KB per connection (%.1f MB after the run)\n",
      before / 1024, held / 1024, n, (held - before) / 1024, (held - before) / n, after / 1024
    printf "  target: under 100 MB extra for 10,000 connections, i.e. under %.1f KB each: %s\n", 100 * 1024 / 10000,
      ((held - before) / n < 100 * 1024 / 10000 ? "met" : "not met")
  }'
awk -v without="$rps_without" -v with="$rps_with" -v n="$opened" 'BEGIN {
    printf "  front page: %.0f req/s without, %.0f req/s with %d idle connections: ratio %.2f\n", without, with, n,
      (without > 0 ? with / without : 0)
  }'
echo "  held to the end: $(holder_field open "$done_line") of $opened; closed by the server: $(holder_field closed_by_server "$done_line"); refreshed (GET / after 20 s idle): $(holder_field refreshed "$done_line")"
echo "raw figures: wrk reports in $idle_out/wrk/; the holder's lines in $holder_output"
