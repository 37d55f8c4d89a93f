"""How long a big `kg viz` page takes to settle in headless chromium, and how big it is. Prints; asserts nothing.

    .venv/bin/python bench/viz_settle.py            # 500, 1000 and 2000 actors
    .venv/bin/python bench/viz_settle.py 3000

Needs Debian's chromium (/usr/bin/chromium) and the test extras (playwright).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402
from viz.synthetic import synthetic_turtle  # noqa: E402

from kg.viz import ViewOptions, visualize  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for n in sizes:
            ttl = Path(tmp) / f"g{n}.ttl"
            ttl.write_text(synthetic_turtle(n, n // 2), encoding="utf-8")
            page_file = Path(tmp) / f"g{n}.html"
            started = time.perf_counter()
            drawn = visualize(ttl, page_file, ViewOptions(statements=False, max_nodes=max(n, 2000)))
            made = time.perf_counter() - started
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-stabilized-ms]", state="attached", timeout=300_000)
            settled = int(page.get_attribute("body", "data-stabilized-ms"))
            page.close()
            print(f"{drawn.nodes:>5} nodes {drawn.links:>5} links: page {drawn.size / 1e6:.1f} MB made in "
                  f"{made:.1f} s; still {settled / 1000:.1f} s after its script started")
        browser.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 1000, 2000])
