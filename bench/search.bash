# shellcheck shell=bash
# bench/search.bash: search latency, sourced by `bench/run --search` once the binary ($bin) and the demo
# site ($site) are ready; uses bench/run's helpers (free_port, wait_until_answers, ...).
#
# The queries of bench/search-queries.txt (one- and two-word queries from the demo's vocabulary) are
# sent as /search?q=... pages, each request picking one at random (bench/pages.lua, BENCH_PATHS_FILE):
#   1. each query once, in order, with curl: its result count and time, slowest first (what to look at
#      when a figure is off);
#   2. wrk with one connection (one request at a time: the latency a reader sees, unqueued), then with
#      the first BENCH_CONNECTIONS value, for p50 and p99 over all queries.
# Goal: p50 under 5 ms and p99 under 20 ms at one connection.

search_queries=$here/search-queries.txt
[ -f "$search_queries" ] || die "no query list at $search_queries"
search_out=$out/search
rm -rf "$search_out" && mkdir -p "$search_out/wrk"

# Percent-encodes one query for the URL (UTF-8 bytes; spaces as +).
encode_query() {
  local text=$1 out="" i c
  local LC_ALL=C
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case "$c" in
      [A-Za-z0-9.~_-]) out+=$c ;;
      ' ') out+=+ ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  echo "$out"
}

search_paths=$search_out/paths.txt
: >"$search_paths"
while IFS= read -r query; do
  [ -z "$query" ] || [ "${query#\#}" != "$query" ] && continue
  echo "/search?q=$(encode_query "$query")" >>"$search_paths"
done <"$search_queries"
query_count=$(wc -l <"$search_paths")
[ "$query_count" -ge 1 ] || die "no queries in $search_queries"

search_port=$(free_port)
search_url=http://127.0.0.1:$search_port
echo "== starting: GAZETTE_SERVER_ACCESS_LOG=false GAZETTE_STATS_COUNTING=false $bin serve $site --listen 127.0.0.1:$search_port --threads $threads"
echo "   (counting off: the figures are the search's own; the first start after an upgrade builds the index)"
GAZETTE_SERVER_ACCESS_LOG=false GAZETTE_STATS_COUNTING=false "$bin" serve "$site" \
  --listen "127.0.0.1:$search_port" --threads "$threads" >"$search_out/gazette.log" 2>&1 &
gazette_pid=$!
started=$(now_ns)
wait_until_answers "$search_url/" "$gazette_pid" "$search_out/gazette.log"
echo "start-up: $((($(now_ns) - started) / 1000000)) ms"

echo "== each of the $query_count queries once (curl; time to the last byte)"
: >"$search_out/per-query.tsv"
while IFS= read -r path; do
  # Twice: the first warms the pages of the index that this query reads.
  curl -fsS --max-time 10 -o /dev/null "$search_url$path" || die "$path failed"
  line=$(curl -fsS --max-time 10 -o "$search_out/page.html" -w '%{time_total}' "$search_url$path") || die "$path failed"
  count=$(grep -o '<p class="search-count"[^>]*>[^<]*' "$search_out/page.html" | sed 's/.*>//')
  printf '%s\t%s\t%s\n' "$(awk -v s="$line" 'BEGIN { printf "%.2f", s * 1000 }')" "$path" "$count" >>"$search_out/per-query.tsv"
done <"$search_paths"
sort -t$'\t' -k1,1 -rn "$search_out/per-query.tsv" | head -n 10 | awk -F'\t' '{ printf "  %7s ms  %-40s %s\n", $1, $2, $3 }'
echo "  (all: $search_out/per-query.tsv)"

read -r search_c _ <<<"$connections"
echo "== wrk, queries picked at random from the list; ${duration} s after ${warmup} s of warm-up"
for c in 1 "$search_c"; do
  t=$((c < wrk_threads ? c : wrk_threads))
  command="BENCH_PATHS_FILE=$search_paths wrk -t$t -c$c -d${duration}s --timeout 5s --latency -s $here/pages.lua $search_url/"
  echo "  $command"
  if [ "$warmup" -gt 0 ]; then
    timeout $((warmup + 30)) bash -c "${command/-d${duration}s/-d${warmup}s}" >/dev/null 2>&1 || true
  fi
  report=$search_out/wrk/c$c.txt
  timeout $((duration + 30)) bash -c "$command" >"$report" 2>&1 || die "wrk failed: $command (see $report)"
  line=$(grep '^BENCH ' "$report") || die "no summary from wrk in $report"
  field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
  errors=$(($(field err_connect) + $(field err_read) + $(field err_write) + $(field err_status) + $(field err_timeout)))
  printf '  c=%-4s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms%s\n' "$c" "$(field rps)" \
    "$(awk -v u="$(field p50_us)" 'BEGIN { print u / 1000 }')" "$(awk -v u="$(field p99_us)" 'BEGIN { print u / 1000 }')" \
    "$([ "$errors" -gt 0 ] && echo "  ERRORS $errors")"
done
echo "goal: p50 under 5 ms and p99 under 20 ms at c=1"
