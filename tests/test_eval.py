"""The issue's quality bars on the seed articles, scored by the shared evaluator through the real `kg`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
KG_SCRIPT = ROOT / ".venv" / "bin" / "kg"
BARS = {  # score -> (measure, lowest accepted value)
    "actors": ("f1", 0.85),
    "quotes": ("f1", 0.90),
    "quote_attr": ("f1", 0.85),
    "edges": ("f1", 0.80),
    "speeches": ("r", 1.0),
}


@pytest.mark.slow
@pytest.mark.skipif(not (EVAL / "evaluate.py").exists(), reason=f"no evaluator at {EVAL} (../shared/eval)")
@pytest.mark.skipif(not KG_SCRIPT.exists(), reason=f"{KG_SCRIPT} is not installed (run `make install`)")
def test_seed_articles_meet_the_quality_bars(tmp_path):
    scores_file = tmp_path / "scores.json"
    gold = sorted(str(p) for p in (EVAL / "dev").glob("seed-*.json"))
    assert gold, f"no seed-*.json in {EVAL / 'dev'}"
    done = subprocess.run([sys.executable, str(EVAL / "evaluate.py"), "--kg", str(KG_SCRIPT), *gold,
                           "--json", str(scores_file)], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    report = json.loads(scores_file.read_text(encoding="utf-8"))
    assert report["errors"] == []
    low = {name: report["scores"][name][measure] for name, (measure, bar) in BARS.items()
           if report["scores"][name][measure] < bar}
    assert not low, f"below the bars {BARS}: {low}\n{done.stdout}"
