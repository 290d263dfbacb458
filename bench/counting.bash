# shellcheck shell=bash
# bench/counting.bash: the visitor counting overhead, sourced by `bench/run --counting` once the binary
# ($bin) and the demo site ($site) are ready; uses bench/run's helpers (free_port, cpu_ticks, ...).
#
# Two Gazette instances serve two copies of the demo site, one counting (GAZETTE_STATS_COUNTING=true) and
# one not (false), both trusting 127.0.0.1 as a proxy. wrk asks each in turn for the front page, the order
# flipping every round, with a browser User-Agent (requests without one are not counted at all), in two cases:
#   returning  one visitor: the same address and User-Agent on every request (the common path after the
#              first view: a look-up in the day's visitor set);
#   new        a new X-Forwarded-For address on every request (bench/pages.lua, BENCH_VISITOR_SEED): every
#              request is a new visitor and an insert into the set.
# Two copies, not one shared site: the counting instance writes its figures to SQLite every second, and a
# write to a shared database would make the other process drop its page cache and re-read, taxing the
# instance that does not count. Fresh copies each time, so that Today starts from 0 and can be checked.

counting_user_agent=${BENCH_USER_AGENT:-"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"}
[[ "$counting_user_agent" =~ ^[A-Za-z0-9\ ./\(\)\;:,_+-]+$ ]] || die "BENCH_USER_AGENT holds characters this script does not quote"
read -r counting_c _ <<<"$connections"
check_number "BENCH_CONNECTIONS (first value)" "$counting_c" "$wrk_threads" 20000
counting_threshold=0.97
counting_out=$out/counting
rm -rf "$counting_out" && mkdir -p "$counting_out/wrk"

declare -A instance_pid instance_url instance_site
counting_instances=(on off)

echo "== two copies of the demo site (one database per server)"
for name in "${counting_instances[@]}"; do
  instance_site[$name]=$out/site-counting-$name
  rm -rf "${instance_site[$name]}"
  cp -a --reflink=auto "$site" "${instance_site[$name]}"
done
echo "copies:   ${instance_site[on]}, ${instance_site[off]} ($(du -sh "${instance_site[on]}" | cut -f1) each)"

for name in "${counting_instances[@]}"; do
  port=$(free_port)
  instance_url[$name]=http://127.0.0.1:$port
  counting=$([ "$name" = on ] && echo true || echo false)
  command="GAZETTE_SERVER_ACCESS_LOG=false GAZETTE_STATS_COUNTING=$counting GAZETTE_SERVER_TRUSTED_PROXIES=127.0.0.1/32"
  command+=" $bin serve ${instance_site[$name]} --listen 127.0.0.1:$port --threads $threads"
  echo "== starting: $command"
  env GAZETTE_SERVER_ACCESS_LOG=false GAZETTE_STATS_COUNTING="$counting" GAZETTE_SERVER_TRUSTED_PROXIES=127.0.0.1/32 \
    "$bin" serve "${instance_site[$name]}" --listen "127.0.0.1:$port" --threads "$threads" >"$counting_out/gazette-$name.log" 2>&1 &
  instance_pid[$name]=$!
  counting_pids+=" ${instance_pid[$name]}"
  wait_until_answers "${instance_url[$name]}/" "${instance_pid[$name]}" "$counting_out/gazette-$name.log"
done
# Both must answer the same front page, or the comparison compares two different pages.
cmp -s <(curl -sS --max-time 10 "${instance_url[on]}/" | grep -v 'counter') \
  <(curl -sS --max-time 10 "${instance_url[off]}/" | grep -v 'counter') ||
  echo "note:     the two front pages differ outside the counter lines"
echo "front:    $(curl -sS --max-time 10 "${instance_url[on]}/" | wc -c) bytes"

stats_json() { curl -fsS --max-time 10 "${instance_url[$1]}/api/v1/stats"; }
json_field() { sed -n "s/.*\"$1\": *\([0-9]*\).*/\1/p"; }  # json_field NAME <json: a whole-number field
for name in "${counting_instances[@]}"; do echo "stats $name before: $(stats_json "$name")"; done

counting_command() {  # instance case seconds seed
  local env=""
  [ "$2" = new ] && env="BENCH_VISITOR_SEED=$4 "
  echo "${env}wrk -t$wrk_threads -c$counting_c -d${3}s --timeout 5s --latency -H 'User-Agent: $counting_user_agent' -s $here/pages.lua ${instance_url[$1]}/"
}

counting_results=$counting_out/results.tsv
printf 'instance\tcase\tround\trequests\trps\tp50_us\tp99_us\terrors\tcpu_us_per_request\tload1\n' >"$counting_results"
declare -A sent=([on]=0 [off]=0)  # requests answered in the "new" case, warm-ups included
seed=0

counting_wrk() {  # instance case round: warm-up, then the measured run
  local report line requests rps p50 p99 errors cpu_before cpu_after cpu_us load
  report=$counting_out/wrk/$1-$2-r$3.txt
  field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
  if [ "$warmup" -gt 0 ]; then
    seed=$((seed + 1))
    timeout $((warmup + 30)) bash -c "$(counting_command "$1" "$2" "$warmup" "$seed")" >"$report.warmup" 2>&1 || true
    line=$(grep '^BENCH ' "$report.warmup" || true)
    [ "$2" = new ] && [ -n "$line" ] && sent[$1]=$((sent[$1] + $(field requests)))
  fi
  seed=$((seed + 1))
  load=$(cut -d' ' -f1 /proc/loadavg)
  cpu_before=$(cpu_ticks "${instance_pid[$1]}")
  timeout $((duration + 30)) bash -c "$(counting_command "$1" "$2" "$duration" "$seed")" >"$report" 2>&1 ||
    die "wrk failed: $(counting_command "$1" "$2" "$duration" "$seed") (see $report)"
  cpu_after=$(cpu_ticks "${instance_pid[$1]}")
  line=$(grep '^BENCH ' "$report") || die "no summary from wrk in $report"
  requests=$(field requests) rps=$(field rps) p50=$(field p50_us) p99=$(field p99_us)
  errors=$(($(field err_connect) + $(field err_read) + $(field err_write) + $(field err_status) + $(field err_timeout)))
  [ "$2" = new ] && sent[$1]=$((sent[$1] + requests))
  cpu_us=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.1f", n ? t * 1e6 / hz / n : 0 }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$requests" "$rps" "$p50" "$p99" "$errors" "$cpu_us" "$load" >>"$counting_results"
  printf '  counting %-3s %-9s round %s: %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %6.1f us/req  load %s%s\n' \
    "$1" "$2" "$3" "$rps" "$(awk -v u="$p50" 'BEGIN { print u / 1000 }')" "$(awk -v u="$p99" 'BEGIN { print u / 1000 }')" \
    "$cpu_us" "$load" "$([ "$errors" -gt 0 ] && echo "  ERRORS $errors (non-2xx/3xx or socket)")"
}

echo "== wrk, front page, $counting_c connections: $rounds rounds of ${duration} s after ${warmup} s of warm-up; the instances alternate"
echo "  $(counting_command on returning "$duration" 0)"
echo "  $(counting_command on new "$duration" N)"
echo "  (the same against the other instance; N is a new number for every run, warm-ups included)"
for ((round = 1; round <= rounds; round++)); do
  for case_name in returning new; do
    order=(on off)
    # Alternate who goes first, so that a drift in the machine's load does not favour one instance.
    [ $((round % 2)) = 0 ] && order=(off on)
    for name in "${order[@]}"; do counting_wrk "$name" "$case_name" "$round"; done
  done
done

# The counting instance writes its figures at least once a second; the API reads the live ones anyway.
sleep 2
echo
echo "== did it count?"
for name in "${counting_instances[@]}"; do
  json=$(stats_json "$name")
  echo "stats $name after:  $json"
  declare "today_$name=$(json_field today <<<"$json")"
done
# Case "returning" adds one visitor (127.0.0.1 with the browser User-Agent); case "new" one per request.
expected=$((sent[on] + 1))
echo "counting on:  today = ${today_on:-?}; expected about $expected (1 returning visitor + ${sent[on]} requests answered in case \"new\", warm-ups included; requests still in flight when wrk stopped may add up to $counting_c per run)"
echo "counting off: today = ${today_off:-?} (expected 0)"
if [ -z "${today_on:-}" ] || [ "$today_on" -lt "$expected" ] || [ "$today_on" -gt $((expected + counting_c * rounds * 2 * 2)) ]; then
  echo "WARNING: the counting instance's Today is not what was sent: the comparison may not measure counting"
fi
[ "${today_off:-0}" = 0 ] || echo "WARNING: the instance that does not count counted"
rss_on=$(rss_kb "${instance_pid[on]}") rss_off=$(rss_kb "${instance_pid[off]}")
echo "memory:       resident $(mb "$rss_on") counting, $(mb "$rss_off") not counting (whole process; the visitor set's own figure is the unit-level measurement)"

echo
echo "== summary (median of $rounds rounds; $threads server threads; wrk $wrk_threads threads, $counting_c connections, ${duration} s)"
awk -F'\t' -v threshold="$counting_threshold" '
  function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  NR == 1 { next }
  {
    if (!($2 in seen)) { seen[$2] = 1; order[++cases] = $2 }
    rps[$1, $2] = rps[$1, $2] " " $5; cpu[$1, $2] = cpu[$1, $2] " " $9; p99[$1, $2] = p99[$1, $2] " " $7
    err[$2] += $8; r[$1, $2, $3] = $5; c[$1, $2, $3] = $9; if ($3 > last) last = $3
  }
  END {
    printf "%-10s %10s %9s %9s  %10s %9s %9s  %7s %9s %9s\n", "case", "on r/s", "p99 ms", "CPU us/r", "off r/s", "p99 ms",
      "CPU us/r", "ratio", "per round", "CPU diff"
    for (k = 1; k <= cases; k++) {
      key = order[k]; ratios = ""; shown = ""; diffs = ""
      for (i = 1; i <= last; i++) {
        if (!(("on" SUBSEP key SUBSEP i) in r) || !(("off" SUBSEP key SUBSEP i) in r)) continue
        ratios = ratios " " r["on", key, i] / r["off", key, i]
        diffs = diffs " " c["on", key, i] - c["off", key, i]
      }
      n = split(ratios, list, " ")
      for (i = 1; i <= n; i++) shown = shown (i > 1 ? "," : "") sprintf("%.3f", list[i])
      ratio = median(ratios)
      printf "%-10s %10.0f %9.2f %9.1f  %10.0f %9.2f %9.1f  %7.3f %9s %+9.1f  %s%s\n", key,
        median(rps["on", key]), median(p99["on", key]) / 1000, median(cpu["on", key]),
        median(rps["off", key]), median(p99["off", key]) / 1000, median(cpu["off", key]),
        ratio, shown, median(diffs), (ratio > threshold ? "above " threshold : "BELOW " threshold),
        (err[key] > 0 ? "  errors: " err[key] : "")
    }
  }' "$counting_results"
echo
echo "ratio: median of the per-round (counting on req/s) / (counting off req/s); CPU diff: median per-round difference of server CPU per request, on - off (us)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "raw figures: bench/out/counting/results.tsv; wrk reports: bench/out/counting/wrk/; this output: bench/out/counting.log"
