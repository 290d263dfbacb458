# shellcheck shell=bash
# bench/publish.bash: publish-to-visible time, sourced by `bench/run --publish` once the binary ($bin) and
# the demo site ($site) are ready; uses bench/run's helpers (free_port, wait_until_answers, ...).
#
# On a fresh copy of the demo site (bench/out/site-publish: the demo site itself is left as it is):
#   1. `gazette user add` makes an editor with a random password (piped in, never on a command line);
#   2. Gazette serves the copy; curl logs in at /admin/login (cookie jar, the form's login token);
#   3. for each of BENCH_PUBLISH articles (5): curl fetches the editor's form (CSRF token, a category, an
#      author), saves a draft through it (POST /admin/articles, mode=draft) and checks that the front page
#      does not show it; then bench/publish.py sends the publishing POST of the same form (mode=publish)
#      and asks for the front page every 1 ms, at most 10 s, until the article's title is on it.
# Printed: for each article the time from the publishing POST's answer to the first front page showing
# the article, and how many front pages were asked for; then their median. With the page cache the
# article must show on the next request (one poll, a front page's render or less).

publish_out=$out/publish
rm -rf "$publish_out" && mkdir -p "$publish_out"
chmod 700 "$publish_out"
publish_site=$out/site-publish
# The system's Python: the helper uses its standard library only.
python=$(command -v /usr/bin/python3 || command -v python3) || die "--publish needs python3"

echo "== a fresh copy of the demo site: $publish_site"
rm -rf "$publish_site" && mkdir -p "$publish_site"
# "$site/." so that a demo site reached through a symbolic link is copied, not the link.
cp -a --reflink=auto "$site/." "$publish_site/"

publish_email=bench-editor@example.com
password_file=$publish_out/password
(umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$password_file")
echo "== $bin user add $publish_site --email $publish_email --name 'Bench Editor' --role editor (password on stdin)"
{ cat "$password_file"; echo; } | "$bin" user add "$publish_site" --email "$publish_email" --name "Bench Editor" \
  --role editor >"$publish_out/user-add.log" 2>&1 || { cat "$publish_out/user-add.log" >&2; die "gazette user add failed"; }

publish_port=$(free_port)
publish_url=http://127.0.0.1:$publish_port
echo "== starting: GAZETTE_SERVER_ACCESS_LOG=false $bin serve $publish_site --listen 127.0.0.1:$publish_port --threads $threads"
GAZETTE_SERVER_ACCESS_LOG=false "$bin" serve "$publish_site" --listen "127.0.0.1:$publish_port" --threads "$threads" \
  >"$publish_out/gazette.log" 2>&1 &
gazette_pid=$!
wait_until_answers "$publish_url/" "$gazette_pid" "$publish_out/gazette.log"

jar=$publish_out/cookies.txt
admin_curl() {  # curl with the session's cookie jar and a bound on every request
  curl -sS --max-time 30 -b "$jar" -c "$jar" "$@"
}
# Both print nothing when the page lacks what they look for; sed reads to the end (no SIGPIPE upstream).
hidden_input() {  # name < html: the value of <input type="hidden" name="NAME" value="...">
  grep -o "name=\"$1\" value=\"[^\"]*\"" | sed -n '1 { s/.*value="//; s/"$//; p; }' || true
}
first_option() {  # select-name < html: the first non-empty option value of that select
  grep -o "<select [^>]*name=\"$1\"[^>]*>.*</select>" | grep -o '<option value="[0-9][0-9]*"' |
    sed -n '1 { s/.*value="//; s/"$//; p; }' || true
}

echo "== logging in at /admin/login as $publish_email"
login_form=$(admin_curl -f "$publish_url/admin/login") || die "GET /admin/login failed"
login_token=$(hidden_input login_token <<<"$login_form")
[ -n "$login_token" ] || die "no login_token on /admin/login"
status=$(admin_curl -o "$publish_out/login-answer.html" -w '%{http_code}' --data-urlencode "email=$publish_email" \
  --data-urlencode "password@$password_file" --data-urlencode "login_token=$login_token" \
  --data-urlencode "next=/admin" "$publish_url/admin/login") || die "POST /admin/login failed"
[ "$status" = 303 ] || die "logging in answered $status, not 303 (see $publish_out/login-answer.html)"
# The session cookie, for bench/publish.py: curl's jar is tab-separated, name and value are the last two
# fields (HttpOnly cookies are on lines starting "#HttpOnly_", other "#" lines are comments).
publish_cookie=$(awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
[ -n "$publish_cookie" ] || die "no session cookie after logging in"

# The form as the editor's page sends it; the title is unique, letters, digits and spaces only, so that
# it reads the same in the page's HTML.
article_fields() {  # title mode [version]: NAME=VALUE lines
  printf '%s\n' "csrf=$csrf" "title=$1" "slug=" "country=" "category_id=$category" "tags=" "author_id=$author" \
    "intro_markdown=An article written by bench/run --publish to time how soon readers see it." \
    "body_markdown=It says nothing else." "comments_open=1" "mode=$2"
  [ -z "${3:-}" ] || echo "version=$3"
}

results=$publish_out/results.tsv
printf 'article\tid\tvisible_us\tpolls\n' >"$results"
echo "== $publish_articles articles: save a draft, then publish it and poll the front page every 1 ms (at most 10 s)"
for ((n = 1; n <= publish_articles; n++)); do
  editor_form=$(admin_curl -f "$publish_url/admin/articles/new") || die "GET /admin/articles/new failed"
  csrf=$(hidden_input csrf <<<"$editor_form")
  category=$(first_option category_id <<<"$editor_form")
  author=$(first_option author_id <<<"$editor_form")
  [ -n "$csrf" ] && [ -n "$category" ] && [ -n "$author" ] ||
    die "the editor's form lacks a CSRF token, a category or an author (see GET /admin/articles/new)"
  title="Bench publish $n $(date +%s%N)"

  draft_args=()
  while IFS= read -r field; do draft_args+=(--data-urlencode "$field"); done < <(article_fields "$title" draft)
  location=$(admin_curl -o "$publish_out/draft-answer.html" -w '%{http_code} %{redirect_url}' "${draft_args[@]}" \
    "$publish_url/admin/articles") || die "POST /admin/articles failed"
  [ "${location%% *}" = 303 ] || die "saving the draft answered ${location%% *}, not 303 (see $publish_out/draft-answer.html)"
  id=$(sed -n 's#.*/admin/articles/\([0-9][0-9]*\).*#\1#p' <<<"$location")
  [ -n "$id" ] || die "no article id in the draft's redirect: $location"
  editor_page=$(admin_curl -f "$publish_url/admin/articles/$id") || die "GET /admin/articles/$id failed"
  version=$(hidden_input version <<<"$editor_page")
  [ -n "$version" ] || die "no version on the editor's page of article $id"
  front_page=$(curl -fsS --max-time 10 "$publish_url/") || die "GET / failed"
  ! grep -qF "$title" <<<"$front_page" || die "the front page shows article $id while it is a draft"

  mapfile -t publish_args < <(article_fields "$title" publish "$version")
  line=$(BENCH_COOKIE=$publish_cookie timeout 60 "$python" "$here/publish.py" "$publish_port" "/admin/articles/$id" \
    "$title" "${publish_args[@]}") || die "publishing article $id: ${line:-bench/publish.py failed}"
  visible_us=$(sed -n 's/.* visible_us=\(-\{0,1\}[0-9]*\).*/\1/p' <<<"$line")
  polls=$(sed -n 's/.* polls=\([0-9]*\).*/\1/p' <<<"$line")
  printf '%s\t%s\t%s\t%s\n' "$n" "$id" "$visible_us" "$polls" >>"$results"
  printf '  article %d (id %s): visible %8.3f ms after the publishing answer, at front page request %d\n' \
    "$n" "$id" "$(awk -v u="$visible_us" 'BEGIN { print u / 1000 }')" "$polls"
done

echo
echo "== publish-to-visible (median of $publish_articles articles; front page polled every 1 ms)"
awk -F'\t' 'NR > 1 { v[++n] = $3; p[n] = $4 }
  END {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    for (i = 2; i <= n; i++) for (j = i; j > 1 && p[j - 1] + 0 > p[j] + 0; j--) { t = p[j]; p[j] = p[j - 1]; p[j - 1] = t }
    med = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    polls = n % 2 ? p[(n + 1) / 2] : (p[n / 2] + p[n / 2 + 1]) / 2
    printf "  %.3f ms from the publishing POST'"'"'s answer to the first front page showing the article (median; %s front page requests)\n", med / 1000, polls
  }' "$results"
echo "  goal: visible at the first front page request after the answer"
echo "raw figures: $results; the site copy stays in $publish_site (made afresh by each run)"
