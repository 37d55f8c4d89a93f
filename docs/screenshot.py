"""Take the README's picture of `make demo`'s page: exports/sample.html in headless chromium -> docs/sample.png.

    .venv/bin/python docs/screenshot.py [PAGE.html] [OUT.png]

Needs Debian's chromium (/usr/bin/chromium) and the test extras (playwright); fetches nothing.
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def screenshot(page_file: Path, out: Path) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 760})
        page.goto(page_file.resolve().as_uri())
        page.wait_for_selector("body[data-stabilized-ms]", state="attached", timeout=120_000)
        page.screenshot(path=str(out))
        browser.close()


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    page_file = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "exports" / "sample.html"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "docs" / "sample.png"
    screenshot(page_file, out)
    print(f"wrote {out}")
