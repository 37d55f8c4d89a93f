"""Check that a page makes no request of its own: every script, style and image is inside it.

Links the reader clicks (``<a href>``) are fine; what a browser would fetch on loading
the page (``<script src>``, ``<link href>``, ``<img src>``, CSS ``url()`` and ``@import``)
must not point at another machine.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from kg.errors import KGError

FETCHED = {  # tag -> the attributes a browser fetches
    "script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "embed": ("src",), "object": ("data",), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "input": ("src",), "image": ("href",), "use": ("href",),
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)
LOCAL = re.compile(r"^(data:|blob:|about:|#|javascript:void)", re.I)


class OfflineError(KGError):
    """A page would fetch something from the network."""


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in FETCHED.get(tag, ()):
                if name == "srcset":  # "a.png 1x, b.png 2x"
                    self.urls.extend(v.split()[0] for v in value.split(",") if v.strip())
                else:
                    self.urls.append(value.strip())
            if value and name == "style":
                self.urls.extend(_css_urls(value))
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.urls.extend(_css_urls(data))


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def fetched_urls(html: str) -> list[str]:
    """The addresses a browser would request while loading ``html``, other than data: and in-page ones."""
    parser = _Fetches()
    parser.feed(html)
    parser.close()
    return [u for u in parser.urls if not LOCAL.match(u)]


def check_offline(html: str, what: str = "the page") -> None:
    """Raise OfflineError naming the first outside address ``html`` would fetch."""
    urls = fetched_urls(html)
    if urls:
        raise OfflineError(f"{what} would fetch {urls[0]} (and {len(urls) - 1} more): every script and style "
                           "must be inline for the page to work offline")
