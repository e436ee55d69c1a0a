"""The README's Quick start is a contract: two command lines, the second run verbatim by CI."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quick_start_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_quick_start_has_exactly_two_lines_that_make_a_fresh_venv():
    lines = quick_start_lines()
    assert len(lines) == 2
    assert all(line.startswith("python3 -m venv .venv && . .venv/bin/activate && ") for line in lines)
    assert lines[0].endswith("python main.py")
    assert lines[1].endswith("python -m pytest")


def test_ci_runs_the_test_line_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_lines()[1] in ci
    assert "set -euo pipefail" in ci
