"""Headless Debian chromium driven by Playwright (no browser download): pages, console errors, requests.

Chromium comes from Debian (`apt-get install chromium`; `make test` and .ci/run install it).
Without it these tests are skipped, unless KG_REQUIRE_BROWSER is set (CI sets it): then
they fail, so CI cannot pass without having run them.
"""
from __future__ import annotations

import io
import os
import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def _unavailable(reason: str):
    if os.environ.get("KG_REQUIRE_BROWSER"):
        pytest.fail(f"{reason}, and KG_REQUIRE_BROWSER is set", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """Chromium, launched once; Playwright gives every launch a fresh, empty profile."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed: pip install -c constraints.txt -e '.[test]'")
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable("chromium is not installed: apt-get install chromium (make test does it when it can)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@dataclass
class Watched:
    """A page and everything it did that a test checks: console errors, requests, dialogs."""

    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "blob", "about") or parts.hostname in LOCAL_HOSTS


@pytest.fixture
def watched(browser):
    """A fresh page whose every request is logged, and refused when it would leave the machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    w = Watched(page)
    page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    page.on("dialog", lambda d: (w.dialogs.append(d.message), d.dismiss()))

    def route(r):
        w.requests.append(r.request.url)
        if _is_local(r.request.url):
            r.continue_()
        else:
            w.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    yield w
    context.close()


def painted_share(png: bytes, background=(255, 255, 255)) -> float:
    """The share of a screenshot's pixels that differ from the background colour."""
    from PIL import Image, ImageChops

    image = Image.open(io.BytesIO(png)).convert("RGB")
    difference = ImageChops.difference(image, Image.new("RGB", image.size, background)).convert("L")
    histogram = difference.histogram()  # pixels by how far they are from the background, 0..255
    return sum(histogram[25:]) / (image.width * image.height)
