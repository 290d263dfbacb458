#!/usr/bin/python3
"""Publish-to-visible for bench/publish.bash: sends one publishing POST of the article editor's form, then
asks for the front page every millisecond until it shows the article's title.

Usage: publish.py PORT TARGET TITLE [NAME=VALUE ...]
  PORT    Gazette's loopback port
  TARGET  the editor form's action, e.g. /admin/articles/123
  TITLE   the text that appears on the front page once the article is visible
  NAME=VALUE  the form's fields (the session's CSRF token among them), sent url-encoded
The Cookie header (the back-office session, from curl's cookie jar) comes from BENCH_COOKIE, so that it is
not on the command line for other users of the machine to read.

Prints one line: "BENCH status=303 visible_us=N polls=N" (visible_us is -1 when the title did not appear
within 10 s). Two kept-alive connections: one for the POST, one for the front page, so the polling does not
pay for a connection set-up. Python's standard library only.
"""

import http.client
import os
import sys
import time
import urllib.parse

POLL_INTERVAL_NS = 1_000_000  # 1 ms between the starts of two polls
GIVE_UP_NS = 10_000_000_000  # 10 s: far beyond any cache's reaction; the run must end
TIMEOUT_S = 10  # any one request


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    port = int(sys.argv[1])
    target = sys.argv[2]
    title = sys.argv[3].encode()
    fields = []
    for argument in sys.argv[4:]:
        name, equals, value = argument.partition("=")
        if not equals:
            print(f"publish.py: {argument!r} is not NAME=VALUE", file=sys.stderr)
            return 2
        fields.append((name, value))
    cookie = os.environ.get("BENCH_COOKIE", "")

    editor = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_S)
    reader = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_S)
    reader.connect()  # before the clock starts

    body = urllib.parse.urlencode(fields)
    editor.request("POST", target, body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
    })
    answer = editor.getresponse()
    answer.read()
    published_ns = time.monotonic_ns()
    if answer.status != 303:
        print(f"BENCH status={answer.status} visible_us=-1 polls=0")
        return 1

    polls = 0
    while True:
        polls += 1
        reader.request("GET", "/")
        page = reader.getresponse()
        text = page.read()
        seen_ns = time.monotonic_ns()
        if page.status == 200 and title in text:
            print(f"BENCH status={answer.status} visible_us={(seen_ns - published_ns) // 1000} polls={polls}")
            return 0
        if seen_ns - published_ns >= GIVE_UP_NS:
            print(f"BENCH status={answer.status} visible_us=-1 polls={polls}")
            return 1
        next_ns = published_ns + polls * POLL_INTERVAL_NS
        if next_ns > seen_ns:
            time.sleep((next_ns - seen_ns) / 1e9)


if __name__ == "__main__":
    sys.exit(main())
