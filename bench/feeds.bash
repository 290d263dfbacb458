# shellcheck shell=bash
# bench/feeds.bash: the site's RSS feed under load, sourced by `bench/run --feeds` once the binary ($bin)
# and the demo site ($site) are ready; uses bench/run's helpers (free_port, wait_until_answers, ...).
#
# One Gazette instance serves the demo site; wrk asks for /feed/rss (the latest 20 articles, built from one
# query and kept for a second, so the run measures mostly the cached path plus one rebuild per second).
# The target is 10,000 requests/s or more.

feeds_target=10000
feeds_out=$out/feeds
rm -rf "$feeds_out" && mkdir -p "$feeds_out/wrk"

gazette_port=$(free_port)
gazette_url=http://127.0.0.1:$gazette_port
echo "== starting: GAZETTE_SERVER_ACCESS_LOG=false $bin serve $site --listen 127.0.0.1:$gazette_port --threads $threads"
GAZETTE_SERVER_ACCESS_LOG=false "$bin" serve "$site" --listen "127.0.0.1:$gazette_port" --threads "$threads" \
  >"$feeds_out/gazette.log" 2>&1 &
gazette_pid=$!
wait_until_answers "$gazette_url/feed/rss" "$gazette_pid" "$feeds_out/gazette.log"
feed_bytes=$(curl -sS --max-time 10 "$gazette_url/feed/rss" | wc -c)
curl -sS --max-time 10 -o /dev/null -D "$feeds_out/headers.txt" "$gazette_url/feed/rss"
echo "feed:     /feed/rss, $feed_bytes bytes"

printf 'connections\tround\trps\tp50_us\tp99_us\terrors\n' >"$feeds_out/results.tsv"
for ((round = 1; round <= rounds; round++)); do
  for c in $connections; do
    command="wrk -t$wrk_threads -c$c -d${duration}s --timeout 5s --latency -s $here/pages.lua $gazette_url/feed/rss"
    [ "$round" = 1 ] && echo "  $command"
    if [ "$warmup" -gt 0 ]; then
      timeout $((warmup + 30)) wrk -t"$wrk_threads" -c"$c" -d"${warmup}s" -s "$here/pages.lua" "$gazette_url/feed/rss" >/dev/null 2>&1 || true
    fi
    report=$feeds_out/wrk/c$c-r$round.txt
    timeout $((duration + 30)) bash -c "$command" >"$report" 2>&1 || die "wrk failed: $command (see $report)"
    line=$(grep '^BENCH ' "$report") || die "no summary from wrk in $report"
    field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
    errors=$(($(field err_connect) + $(field err_read) + $(field err_write) + $(field err_status) + $(field err_timeout)))
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$round" "$(field rps)" "$(field p50_us)" "$(field p99_us)" "$errors" \
      >>"$feeds_out/results.tsv"
    printf '  feed c=%-4s round %s: %9.0f req/s  p99 %6.2f ms%s\n' "$c" "$round" "$(field rps)" \
      "$(awk -v u="$(field p99_us)" 'BEGIN { print u / 1000 }')" "$([ "$errors" -gt 0 ] && echo "  ERRORS $errors")"
  done
done

echo
echo "== summary (median of $rounds rounds; target $feeds_target req/s)"
awk -F'\t' -v target="$feeds_target" '
  NR == 1 { next }
  { v[$1] = v[$1] " " $3; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  END {
    for (k = 1; k <= n; k++) {
      m = split(v[order[k]], x, " ")
      for (i = 2; i <= m; i++) for (j = i; j > 1 && x[j - 1] + 0 > x[j] + 0; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
      med = m % 2 ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2
      verdict = (med >= target) ? "(target met)" : "(below the target)"
      printf "  /feed/rss c=%-5s %9.0f req/s  %s\n", order[k], med, verdict
    }
  }' "$feeds_out/results.tsv"
