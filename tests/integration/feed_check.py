#!/usr/bin/env python3
"""Reads what the site serves the way real clients do, for the integration tests.

  feed_check.py feed FILE     parses FILE with feedparser; prints JSON: bozo, version, title, entries (id,
                              link, title, published, updated, author, content: the HTML as a reader gets it)
  feed_check.py json FILE     parses FILE as JSON (a JSON-LD block); prints the @type of each @graph node
"""
import json
import sys


def feed(path):
    import feedparser  # Debian's python3-feedparser

    parsed = feedparser.parse(path)
    print(json.dumps({
        "bozo": int(parsed.bozo),
        "bozo_exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "title": parsed.feed.get("title", ""),
        "entries": [{
            "id": e.get("id", ""),
            "link": e.get("link", ""),
            "title": e.get("title", ""),
            "published": e.get("published", ""),
            "published_unix": int(__import__("calendar").timegm(e.published_parsed)) if e.get("published_parsed") else 0,
            "updated": e.get("updated", ""),
            "has_content": bool(e.get("content") or e.get("summary")),
            "author": e.get("author", ""),
            "content": e.content[0].value if e.get("content") else "",
        } for e in parsed.entries],
    }))


def json_ld(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    print(json.dumps({"context": doc.get("@context", ""), "types": [n.get("@type", "") for n in doc.get("@graph", [])],
                      "graph": doc.get("@graph", [])}))


if __name__ == "__main__":
    {"feed": feed, "json": json_ld}[sys.argv[1]](sys.argv[2])
