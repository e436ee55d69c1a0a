"""The text mode, like the window, names things by their names: an id appears only as what the player types
(in brackets or quotes) or in the command line that resumes the game, never as a bare word in a sentence."""

from __future__ import annotations

import io
import random
import re

import pytest

from game.cli import textmode
from game.engine import Game, build_rules
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from tests.scenarios.shipped import id_words

SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+(?:\.[a-z_]+)?\b")
TYPED = re.compile(r"\[[^\]]*\]|'[^']*'|\([a-z0-9_., ]+\)")
CODE = re.compile(r"`[^`]*`")  # a command quoted in a scenario's notes, which may wrap onto the next line


def script(seed: int, turns: int) -> str:
    rng = random.Random(seed)
    lines = []
    for _ in range(turns):
        lines += ["status", "actions", f"do {rng.randint(1, 6)}", "orders", "choose 1", "end", "why prestige",
                  rng.choice(["why budget", "why visibility", "why"])]
    return "\n".join(lines) + "\nquit\n"


@pytest.mark.parametrize("item", list(shipped()), ids=lambda i: i.id)
def test_no_bare_id_in_what_the_text_mode_prints(item, tmp_path):
    result = load_scenario(item.path)
    rules = build_rules(result.scenario)
    session = textmode.Session(Game(rules, 7), item.id, str(item.path), result.digest, tmp_path)
    out = io.StringIO()
    textmode.TextGame(session, io.StringIO(script(7, rules.turns + 2)), out).run(textmode.render_opening(rules, 7))
    ids = id_words(rules)
    kept = [line for line in CODE.sub("", out.getvalue()).splitlines()
            if "python main.py" not in line and str(tmp_path) not in line and not line.startswith("[")]
    bare = []
    for line in kept:
        words = TYPED.sub("", line)
        found = SNAKE.findall(words) + [w for w in re.findall(r"\b[a-z_]+\b", words) if w in ids]
        if found:
            bare.append(f"{found}: {line}")
    assert not bare, "\n".join(sorted(set(bare))[:40])
