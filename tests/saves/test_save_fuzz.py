"""Fuzz: whatever is done to a save file — its data replaced, deleted or duplicated anywhere, its text cut or
spliced, escapes for control characters and half characters put in its strings — loading it gives a game or one
plain line, and a game that loads gives a debrief and a class summary in every format, or one plain line."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from game.engine import Intervention, TurnInput
from game.report.build import class_summary_of, debrief_of, render
from game.report.loading import ReportError
from game.saves import SaveError, from_json, restore_draft, resume, to_json
from game.saves.store import save_data
from tests.fuzzing import fuzz

from .conftest import SAMPLE, play_some

GOOD_VOTE = {"turn": 1, "options": [{"action": "good_offices karelia_lowmark", "votes": 12},
                                    {"action": "wait", "votes": 3}], "chosen": "good_offices karelia_lowmark"}


@pytest.fixture(scope="module")
def saves(sample) -> list[str]:
    """Texts of real saves: a plain game, a facilitated one with a vote, one with a draft, a finished one."""
    rules, digest, path = sample
    plain = play_some(rules)
    facilitated = play_some(rules, turns=1)
    facilitated.intervene(Intervention(1, "inject", "farmers_march"))
    facilitated.step()
    drafted = play_some(rules, turns=2)
    finished = play_some(rules, seed=5)
    while not finished.done:
        finished.step()
    texts = [to_json(save_data(g, scenario_path=path, digest=digest, player="Ana")) for g in (plain, finished)]
    data = json.loads(to_json(save_data(facilitated, scenario_path=path, digest=digest)))
    data["votes"] = [GOOD_VOTE]
    texts.append(json.dumps(data))
    texts.append(to_json(save_data(drafted, scenario_path=path, digest=digest,
                                   draft=TurnInput(tuple(drafted.legal_actions()[:2]), ()))))
    return texts


json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.sampled_from([10**30, -1, 2**63, 10**12]),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20),
    st.sampled_from(["", "Jos\udce9", "\ud800", "\x1b[2J", "\x00", "good_offices karelia_lowmark",
                     "inject", "override", "farmers_march", "lowmark", "step_back", "wait"]),
    st.integers(200, 6000).map(lambda n: "x" * n),
)
# Fields the replay does not check itself: what a save says about its player, its class and its next moves.
FREE = [("player",), ("session",), ("scenario", "path"), ("votes",), ("interventions",), ("draft",), ("game_id",),
        ("created",), ("game_version",)]
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, prefix + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _paths(child, prefix + (index,))
    return found


@st.composite
def edited_saves(draw: Any, texts: list[str]) -> str:
    """A real save with a few changes to its data or its text."""
    text = draw(st.sampled_from(texts))
    if draw(st.booleans()):
        data = json.loads(text)
        for _ in range(draw(st.integers(1, 3))):
            everywhere = _paths(data)[1:]
            free = [p for p in everywhere if any(p[: len(f)] == f for f in FREE)] or everywhere
            path = draw(st.sampled_from(free) if draw(st.booleans()) else st.sampled_from(everywhere))
            parent = data
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["delete", "replace", "duplicate", "add"]))
            if action == "delete":
                del parent[path[-1]]
            elif action == "replace":
                parent[path[-1]] = draw(json_values)
            elif action == "duplicate" and isinstance(parent, list):
                parent.insert(path[-1], parent[path[-1]])
            elif isinstance(parent, dict):
                parent[draw(st.sampled_from(["votes", "interventions", "draft", "game_id", "extra"]))] = draw(
                    json_values | st.just([GOOD_VOTE]) | st.just([{"turn": 99, "kind": "inject", "target": "x"}]))
            data = json.loads(json.dumps(data))  # every edit leaves valid JSON data
        return json.dumps(data, ensure_ascii=draw(st.booleans()))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "truncate", "escape"]))
        if kind == "insert":
            text = text[:at] + draw(st.text(max_size=6)) + text[at:]
        elif kind == "escape":
            text = text[:at] + draw(st.sampled_from(["\\ud800", "\\udce9", "\\u0000", "\\u001b", "\\n"])) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 30)):]
        else:
            text = text[:at]
    return text


def _one_line(message: str, where: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message
    assert message.startswith(where) or not message.startswith("/")


@fuzz(300)
@given(data=st.data())
def test_any_edited_save_loads_or_fails_in_one_line_and_reports(sample, saves, data):
    rules, digest, _ = sample
    text = data.draw(edited_saves(saves))
    try:
        save = from_json(text, "fuzz.json")
        game = resume(save, rules, digest)
    except SaveError as exc:
        _one_line(exc.message, "fuzz.json")
        event("refused")
        return
    event("loaded")
    restore_draft(save.draft, game)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        good = Path(folder) / "good.json"
        good.write_text(saves[0], encoding="utf-8")
        try:
            debrief = debrief_of(path, runs=0)
            summary = class_summary_of([path, good], warn=lambda m: None)
        except ReportError as exc:
            _one_line(exc.message, str(path))
            event("report refused")
            return
        for fmt in ("html", "md", "json"):
            assert render(debrief, fmt) and render(summary, fmt)
    assert SAMPLE.is_file()
