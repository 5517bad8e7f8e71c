"""Build the wheel, install it into a fresh virtualenv, and run one check outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_installs_and_checks_outside_the_checkout(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("suppcheck-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SUPPCHECK_KB_DIR")}
    env["SUPPCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    run = subprocess.run([str(venv / "bin" / "suppcheck"), "check", "--drug", "imatinib", "--supplement",
                          "St John's wort", "--format", "json"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["findings"][0]["severity"] == "major"
    has_pytest = subprocess.run([str(py), "-c", "import pytest"], capture_output=True)
    assert has_pytest.returncode != 0, "the runtime install must not pull in test dependencies"
