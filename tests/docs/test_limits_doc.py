"""The docs state every limit the code enforces, with the code's own numbers: a limit changed in one place and
not the other fails here."""

from __future__ import annotations

import typing
from pathlib import Path

from game.cli.numbers import MAX_BALANCE_RUNS, MAX_REPORT_RUNS, MAX_RUNS
from game.saves.format import MAX_NAME, MAX_PATH, MAX_VOTES, VERSION
from game.saves.store import MAX_SAVE_BYTES
from game.scenario import model
from game.scenario.expr import MAX_DEPTH as EXPR_DEPTH
from game.scenario.expr import MAX_LENGTH as EXPR_LENGTH
from game.scenario.limits import MAX_NUMBER, MAX_TURNS
from game.scenario.yamlload import MAX_BYTES, MAX_DEPTH, MAX_NODES, MAX_NUMBER_CHARS

ROOT = Path(__file__).resolve().parents[2]


def _doc(name: str) -> str:
    return " ".join((ROOT / "docs" / name).read_text(encoding="utf-8").split())


def _max_length(alias) -> int:
    return next(m.max_length for m in typing.get_args(alias)[1:] if getattr(m, "max_length", None))


def test_the_scenario_format_states_its_limits():
    doc = _doc("scenario-format.md")
    limits = doc.split("## Limits", 1)[1].split("## What `validate` checks", 1)[0]
    for figure in (f"{MAX_BYTES:,} bytes", f"{MAX_NODES:,}", f"{MAX_DEPTH} levels", f"{MAX_TURNS:,} (",
                   f"{_max_length(model.Id)} characters", f"1 to {_max_length(model.ShortText)} characters",
                   f"1 to {_max_length(model.Text):,} characters", f"{EXPR_LENGTH:,} characters, {EXPR_DEPTH} levels",
                   f"{MAX_NUMBER_CHARS} characters", f"−{MAX_NUMBER:.0e}".replace("e+", "e"),
                   f"`simulate --runs` at most {MAX_RUNS:,}", f"`balance --runs` at most {MAX_BALANCE_RUNS:,}",
                   f"`report --runs` at most {MAX_REPORT_RUNS:,}", f"--turns` at most {MAX_TURNS:,}",
                   "`--jobs` is capped at the machine's cores"):
        assert figure in limits, figure


def test_the_save_format_states_its_limits():
    doc = _doc("saves.md")
    for figure in (f"at most {MAX_NAME} characters", f"at most {MAX_PATH:,}", f"at most {MAX_VOTES:,} votes",
                   f"over {MAX_SAVE_BYTES // 2**20} MiB", f"format {VERSION}", "Format 1"):
        assert figure in doc, figure


def test_the_authoring_guide_points_at_the_limits():
    doc = _doc("authoring.md")
    assert f"at most {MAX_TURNS:,} turns" in doc and "scenario-format.md#limits" in doc
