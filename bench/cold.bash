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
# A binary from before the page cache ignores GAZETTE_CACHE_ENABLED (it knows no [cache] section) and
# renders every request anyway; a probe tells the two apart, and the output says which it was.

cold_out=$out/cold
rm -rf "$cold_out" && mkdir -p "$cold_out"
cold_log=$cold_out/gazette.log
cold_port=$(free_port)
cold_url=http://127.0.0.1:$cold_port

# Does this binary know the [cache] keys? One that does refuses a bad GAZETTE_CACHE_ENABLED while reading
# its config; one from before the page cache ignores the variable (not a known section) and goes on to
# find no database in this empty site. Either way it stops at once; 10 s is the bound.
probe=$cold_out/probe
mkdir -p "$probe" && printf '[site]\n' >"$probe/gazette.toml"
probe_output=$(GAZETTE_CACHE_ENABLED=not-a-boolean timeout 10 "$bin" serve "$probe" --listen 127.0.0.1:0 2>&1 || true)
if grep -q 'GAZETTE_CACHE_ENABLED' <<<"$probe_output"; then
  cache_note="page cache off (GAZETTE_CACHE_ENABLED=false)"
else
  cache_note="no page cache in this binary: it renders every request"
  echo "note:     $bin has no [cache] keys, so no page cache: every request is rendered anyway"
fi
rm -rf "$probe"

echo "== starting: GAZETTE_CACHE_ENABLED=false GAZETTE_SERVER_ACCESS_LOG=true $bin serve $site --listen 127.0.0.1:$cold_port --threads $threads"
GAZETTE_CACHE_ENABLED=false GAZETTE_SERVER_ACCESS_LOG=true "$bin" serve "$site" --listen "127.0.0.1:$cold_port" \
  --threads "$threads" >"$cold_log" 2>&1 &
gazette_pid=$!
wait_until_answers "$cold_url/" "$gazette_pid" "$cold_log"

# ---------------------------------------------------------------------------------------------------
# The article pages: the read-more links of list pages spread evenly over the archive, fetched by one
# curl on one connection (one process per page would take longer than the measurement).

per_page=$(curl -fsS --max-time 10 "$cold_url/?page=2" | grep -o 'class="read-more" href="' | wc -l) || true
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

# The access log's lines of this run's pages: "... GET /path 200 BYTES NNNus". A line is written once
# its answer is sent, so the last one may follow wrk's exit by a moment: wait for them, at most 2 s.
run_lines() {
  tail -n +"$((log_start + 1))" "$cold_log" |
    awk -F'\t' 'NR == FNR { wanted[$0] = 1; next }
      { n = split($0, f, " ") }
      n >= 5 && f[n] ~ /^[0-9]+us$/ && f[n - 4] == "GET" && (f[n - 3] in wanted) {
        print f[n - 2] "\t" substr(f[n], 1, length(f[n]) - 2)
      }' "$cold_paths" -
}
for ((i = 0; i < 200; i++)); do
  [ "$(run_lines | wc -l)" -ge "$(field requests)" ] && break
  sleep 0.01
done
run_lines >"$cold_out/server-us.tsv"
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
