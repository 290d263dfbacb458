# shellcheck shell=bash
# bench/counting.bash: the visitor counting overhead, sourced by `bench/run --counting` once the binary
# ($bin) and the demo site ($site) are ready; uses bench/run's helpers (free_port, cpu_ticks, ...).
#
# Two Gazette instances serve two copies of the demo site, one counting (GAZETTE_STATS_COUNTING=true) and
# one not (false), both trusting 127.0.0.1 as a proxy. Two wrk processes ask both for the front page at the
# same time (one run per case and round), with a browser User-Agent (requests without one are not counted at all), in two cases:
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
# Two wrk processes run at once: each gets half of the client threads.
counting_wrk_threads=$(((wrk_threads + 1) / 2))
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
  echo "${env}wrk -t$counting_wrk_threads -c$counting_c -d${3}s --timeout 5s --latency -H 'User-Agent: $counting_user_agent' -s $here/pages.lua ${instance_url[$1]}/"
}

counting_results=$counting_out/results.tsv
printf 'instance\tcase\tround\trequests\trps\tp50_us\tp99_us\terrors\tcpu_us_per_request\tload1\n' >"$counting_results"
declare -A sent=([on]=0 [off]=0)  # requests answered in the "new" case, warm-ups included
seed=0

counting_field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }  # counting_field NAME "BENCH line"

# With two CPUs or more, each instance and its wrk share one CPU of their own, and the two swap CPUs every
# round: the machine becomes two like halves, whatever else runs weighs on both, and a difference between
# the CPUs themselves cancels out over the rounds. BENCH_COUNTING_PIN=0 turns this off.
counting_pin=${BENCH_COUNTING_PIN:-1}
if [ "$counting_pin" = 1 ] && { [ "$(nproc)" -lt 2 ] || ! command -v taskset >/dev/null; }; then counting_pin=0; fi
declare -A counting_cpu=([on]="" [off]="")

counting_place() {  # round: pins each instance (all its threads) to its CPU for this round
  [ "$counting_pin" = 1 ] || return 0
  if [ $(($1 % 2)) = 1 ]; then counting_cpu=([on]=0 [off]=1); else counting_cpu=([on]=1 [off]=0); fi
  local name
  for name in "${counting_instances[@]}"; do
    taskset -a -p -c "${counting_cpu[$name]}" "${instance_pid[$name]}" >/dev/null ||
      die "could not pin the $name instance to CPU ${counting_cpu[$name]}"
  done
}

counting_client() {  # instance case seconds seed: the wrk command line, pinned like its instance
  local pin=""
  [ "$counting_pin" = 1 ] && pin="taskset -c ${counting_cpu[$1]} env "
  echo "$pin$(counting_command "$1" "$2" "$3" "$4")"
}

counting_pair() {  # case round: both instances under load at the same time, warm-up first
  local name report line requests rps p50 p99 errors cpu_us load
  local -A cpu_before cpu_after
  local -a clients
  counting_place "$2"
  if [ "$warmup" -gt 0 ]; then
    clients=()
    for name in "${counting_instances[@]}"; do
      seed=$((seed + 1))
      timeout $((warmup + 30)) bash -c "$(counting_client "$name" "$1" "$warmup" "$seed")" \
        >"$counting_out/wrk/$name-$1-r$2.txt.warmup" 2>&1 &
      clients+=($!)
    done
    wait "${clients[@]}" || true
    for name in "${counting_instances[@]}"; do
      line=$(grep '^BENCH ' "$counting_out/wrk/$name-$1-r$2.txt.warmup" || true)
      [ "$1" = new ] && [ -n "$line" ] && sent[$name]=$((sent[$name] + $(counting_field requests "$line")))
    done
  fi
  load=$(cut -d' ' -f1 /proc/loadavg)
  for name in "${counting_instances[@]}"; do cpu_before[$name]=$(cpu_ticks "${instance_pid[$name]}"); done
  clients=()
  for name in "${counting_instances[@]}"; do
    seed=$((seed + 1))
    timeout $((duration + 30)) bash -c "$(counting_client "$name" "$1" "$duration" "$seed")" \
      >"$counting_out/wrk/$name-$1-r$2.txt" 2>&1 &
    clients+=($!)
  done
  # Only the clients: the servers are children of this shell too.
  for client in "${clients[@]}"; do wait "$client" || die "wrk failed against the $1 case (see $counting_out/wrk/)"; done
  for name in "${counting_instances[@]}"; do cpu_after[$name]=$(cpu_ticks "${instance_pid[$name]}"); done
  for name in "${counting_instances[@]}"; do
    report=$counting_out/wrk/$name-$1-r$2.txt
    line=$(grep '^BENCH ' "$report") || die "no summary from wrk in $report"
    requests=$(counting_field requests "$line") rps=$(counting_field rps "$line")
    p50=$(counting_field p50_us "$line") p99=$(counting_field p99_us "$line")
    errors=0
    for kind in err_connect err_read err_write err_status err_timeout; do
      errors=$((errors + $(counting_field "$kind" "$line")))
    done
    [ "$1" = new ] && sent[$name]=$((sent[$name] + requests))
    cpu_us=$(awk -v t=$((cpu_after[$name] - cpu_before[$name])) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
      'BEGIN { printf "%.1f", n ? t * 1e6 / hz / n : 0 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$1" "$2" "$requests" "$rps" "$p50" "$p99" "$errors" "$cpu_us" "$load" >>"$counting_results"
    printf '  counting %-3s %-9s round %s: %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %6.1f us/req  load %s%s\n' \
      "$name" "$1" "$2" "$rps" "$(awk -v u="$p50" 'BEGIN { print u / 1000 }')" "$(awk -v u="$p99" 'BEGIN { print u / 1000 }')" \
      "$cpu_us" "$load" "$([ "$errors" -gt 0 ] && echo "  ERRORS $errors (non-2xx/3xx or socket)")"
  done
}

echo "== wrk, front page, $counting_c connections per instance: $rounds rounds of ${duration} s after ${warmup} s of warm-up"
echo "   Both instances are loaded at the same time, so that whatever else the machine does in a round weighs"
echo "   on both alike; each server has the same number of threads, so the scheduler shares the cores evenly"
echo "   between them, and the ratio of their requests/s is the ratio of their work per request."
[ "$counting_pin" = 1 ] && echo "   Each instance and its wrk run on one CPU of their own (taskset), swapping CPUs every round."
echo "  $(counting_command on returning "$duration" 0)"
echo "  $(counting_command on new "$duration" N)"
echo "  (the same against the other instance at the same time; N is a new number for every run, warm-ups included)"
for ((round = 1; round <= rounds; round++)); do
  for case_name in returning new; do counting_pair "$case_name" "$round"; done
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
awk -F'\t' -v threshold="$counting_threshold" -v paired="$counting_pin" '
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
      # Pinned: rounds 2k-1 and 2k put each instance once on each CPU; their geometric mean cancels a
      # difference between the CPUs, and the median of these pairs is the figure.
      if (paired == 1 && n >= 2) {
        pairs = ""
        for (i = 1; i + 1 <= n; i += 2) pairs = pairs " " sqrt(list[i] * list[i + 1])
        ratio = median(pairs)
      }
      printf "%-10s %10.0f %9.2f %9.1f  %10.0f %9.2f %9.1f  %7.3f %9s %+9.1f  %s%s\n", key,
        median(rps["on", key]), median(p99["on", key]) / 1000, median(cpu["on", key]),
        median(rps["off", key]), median(p99["off", key]) / 1000, median(cpu["off", key]),
        ratio, shown, median(diffs), (ratio > threshold ? "above " threshold : "BELOW " threshold),
        (err[key] > 0 ? "  errors: " err[key] : "")
    }
  }' "$counting_results"
echo
if [ "$counting_pin" = 1 ]; then
  echo "ratio: per round, (counting on req/s) / (counting off req/s); the figure is the median over pairs of rounds (1-2, 3-4, ...) of the geometric mean of the pair, in which each instance had each CPU once; CPU diff: median per-round difference of server CPU per request, on - off (us)"
else
  echo "ratio: median of the per-round (counting on req/s) / (counting off req/s); CPU diff: median per-round difference of server CPU per request, on - off (us)"
fi
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "raw figures: bench/out/counting/results.tsv; wrk reports: bench/out/counting/wrk/; this output: bench/out/counting.log"
