# shellcheck shell=bash
# bench/cold.bash: cold rendering latency, sourced by `bench/run --cold` once the binary ($bin) and the
# demo site ($site) are ready; uses bench/run's helpers (free_port, wait_until_answers, ...).
#
# One Gazette instance serves the demo site with the page cache off (GAZETTE_CACHE_ENABLED=false), so
# every answer is rendered for its request, and with its access log on. BENCH_COLD distinct article pages
# (10,000), taken from list pages spread over the whole archive and shuffled, are asked for once each,
# one after another on one kept-alive connection (wrk -t1 -c1 with bench/cold.lua, which walks the list
# and stops at its end). Two sets of p50 and p99:
#   server  the microseconds the access log gives each request: from the request read to the answer
#           written (routing, queries, rendering, the write), without the client's share: the exact one;
#   client  wrk's latency of the same requests: the above plus loopback and wrk's own time.
# Targets (issue "Speed"): p50 at most 300 us and p99 at most 2 ms, server side.
# wrk sends no User-Agent, so these requests are not counted as visits and write nothing to the site.
#
# A binary from before the page cache refuses GAZETTE_CACHE_ENABLED as an unknown key; as it renders every
# request anyway, it is then started without the variable, and the output says so.

cold_out=$out/cold
rm -rf "$cold_out" && mkdir -p "$cold_out"
cold_log=$cold_out/gazette.log
cold_port=$(free_port)
cold_url=http://127.0.0.1:$cold_port

cold_start() {  # [VAR=value ...]: starts Gazette with these variables besides the access log
  echo "== starting: $* GAZETTE_SERVER_ACCESS_LOG=true $bin serve $site --listen 127.0.0.1:$cold_port --threads $threads"
  env "$@" GAZETTE_SERVER_ACCESS_LOG=true "$bin" serve "$site" --listen "127.0.0.1:$cold_port" --threads "$threads" \
    >"$cold_log" 2>&1 &
  gazette_pid=$!
}

cold_start GAZETTE_CACHE_ENABLED=false
cache_note="page cache off (GAZETTE_CACHE_ENABLED=false)"
# Up to 5 s for a binary without the [cache] keys to exit on the unknown variable, as it does at once.
for ((i = 0; i < 500; i++)); do
  kill -0 "$gazette_pid" 2>/dev/null || break
  curl -fsS -o /dev/null --max-time 2 "$cold_url/" 2>/dev/null && break
  sleep 0.01
done
if ! kill -0 "$gazette_pid" 2>/dev/null; then
  wait "$gazette_pid" 2>/dev/null || true
  grep -q 'GAZETTE_CACHE_ENABLED is not a config key' "$cold_log" ||
    { tail -n 20 "$cold_log" >&2; die "the server exited before answering (log: $cold_log)"; }
  echo "note:     this binary has no [cache] keys (no page cache): started without GAZETTE_CACHE_ENABLED;"
  echo "          it renders every request anyway"
  cold_start
  cache_note="no page cache in this binary"
fi
wait_until_answers "$cold_url/" "$gazette_pid" "$cold_log"

# ---------------------------------------------------------------------------------------------------
# The article pages: the read-more links of list pages spread evenly over the archive, fetched by one
# curl on one connection (one process per page would take longer than the measurement).

per_page=$(curl -fsS --max-time 10 "$cold_url/?page=2" | grep -c 'class="read-more" href="') || true
[ "${per_page:-0}" -ge 1 ] || die "no article links on /?page=2 (is the read-more markup still there?)"
list_pages=$(((articles + per_page - 1) / per_page))
# A fifth more pages than strictly needed: some links repeat (the lead) or are not plain paths.
wanted_pages=$(((cold_requests + per_page - 1) / per_page * 6 / 5 + 1))
[ "$wanted_pages" -le "$list_pages" ] || wanted_pages=$list_pages
step=$((list_pages / wanted_pages))
[ "$step" -ge 1 ] || step=1
cold_lists=$cold_out/list-pages.curl
: >"$cold_lists"
for ((i = 0; i < wanted_pages; i++)); do
  echo "url = \"$cold_url/?page=$((1 + i * step))\"" >>"$cold_lists"
done
cold_paths=$cold_out/article-paths.txt
started=$(now_ns)
# At most 5 minutes for all of them, 10 s for any one.
timeout 300 curl -sS --max-time 10 -K "$cold_lists" 2>"$cold_out/list-pages.err" |
  grep -o 'class="read-more" href="[^"]*"' | sed 's/.*href="//; s/"$//; s#^https\{0,1\}://[^/]*##' |
  grep -E '^/[A-Za-z0-9._/-]+$' | awk '!seen[$0]++' |
  awk 'BEGIN { srand(1) } { printf "%.9f\t%s\n", rand(), $0 }' | sort -k1,1 | cut -f2- |
  head -n "$cold_requests" >"$cold_paths" || true
found=$(wc -l <"$cold_paths")
[ "$found" -ge 1 ] || die "no article links found on the list pages (see $cold_out/list-pages.err)"
echo "pages:    $found distinct article pages (shuffled) from $wanted_pages list pages, /?page=1 to /?page=$((1 + (wanted_pages - 1) * step)) step $step, in $((($(now_ns) - started) / 1000000)) ms"
[ "$found" -lt "$cold_requests" ] && echo "note:     asked for $cold_requests, the list pages gave $found distinct ones"

# ---------------------------------------------------------------------------------------------------
# The run: each page once, in order; a bound of 30 s plus 20 ms a page.

bound=$((30 + found / 50))
log_start=$(wc -l <"$cold_log")
command="BENCH_PATHS_FILE=$cold_paths wrk -t1 -c1 -d${bound}s --timeout 5s --latency -s $here/cold.lua $cold_url/"
echo "== $found requests, one at a time ($cache_note)"
echo "  $command"
report=$cold_out/wrk.txt
timeout $((bound + 30)) bash -c "$command" >"$report" 2>&1 || die "wrk failed: $command (see $report)"
line=$(grep '^BENCH ' "$report") || die "no summary from wrk in $report"
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
errors=$(($(field err_connect) + $(field err_read) + $(field err_write) + $(field err_status) + $(field err_timeout)))
[ "$(field requests)" -ge "$found" ] || echo "note:     only $(field requests) of $found answered within ${bound} s"

# The access log's lines of this run: "... GET /path 200 BYTES NNNus".
tail -n +"$((log_start + 1))" "$cold_log" |
  awk '$NF ~ /^[0-9]+us$/ && $(NF - 4) == "GET" { print $(NF - 2) "\t" substr($NF, 1, length($NF) - 2) }' \
    >"$cold_out/server-us.tsv"
answered=$(awk -F'\t' '$1 == 200' "$cold_out/server-us.tsv" | wc -l)
other=$(awk -F'\t' '$1 != 200' "$cold_out/server-us.tsv" | wc -l)
[ "$answered" -ge 1 ] || die "no access log lines for the run in $cold_log (is [server] access_log honoured?)"

percentiles() {  # file of numbers, one a line -> "p50 p99 max mean count"
  sort -n "$1" | awk '{ v[NR] = $1; sum += $1 }
    END {
      i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++
      printf "%d %d %d %.0f %d\n", v[i50], v[i99], v[NR], sum / NR, NR
    }'
}
awk -F'\t' '$1 == 200 { print $2 }' "$cold_out/server-us.tsv" >"$cold_out/server-us-200.txt"
read -r s50 s99 smax smean _ < <(percentiles "$cold_out/server-us-200.txt")

echo
echo "== cold article render ($cache_note; $threads server threads; $answered answers 200$([ "$other" -gt 0 ] && echo ", $other other"))"
printf '  server (access log):  p50 %6d us   p99 %6d us   mean %6d us   max %7d us\n' "$s50" "$s99" "$smean" "$smax"
printf '  client (wrk -c1):     p50 %6d us   p99 %6d us                    max %7d us%s\n' "$(field p50_us)" "$(field p99_us)" \
  "$(field max_us)" "$([ "$errors" -gt 0 ] && echo "  ERRORS $errors (non-2xx/3xx or socket)")"
echo "  targets: p50 <= 300 us, p99 <= 2000 us (server side): p50 $([ "$s50" -le 300 ] && echo met || echo "not met"), p99 $([ "$s99" -le 2000 ] && echo met || echo "not met")"
echo "raw figures: $cold_out/server-us.tsv (status, microseconds per request); wrk report: $report"
