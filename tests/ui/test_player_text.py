"""What the player reads in the window: every screen of every shipped scenario, through whole games, shows no
id, no raw expression, no snake_case word and no ISO date, and cuts no label short at 1280×720 and 100% type unless its
tooltip shows the whole text.

The theme records every text it draws and every text it shortens with an ellipsis (with the tooltip of the
widget drawing it); tooltips are read too, since the player reads them."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.engine import build_rules
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from game.sim.policies import get_policy
from game.ui.app import App
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.help import TABS, HelpScreen
from game.ui.screens.report import ReportScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.turn import TurnScreen
from game.ui.session import ScenarioEntry, Session
from game.ui.settings import Settings
from game.ui.shots import SCREEN_NAMES, stage
from tests.scenarios.shipped import id_words

SIZE = (1280, 720)
SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
DOTTED = re.compile(r"\b(?!e\.g\b|i\.e\b|a\.m\b|p\.m\b)[a-z_]+\.[a-z_]+\b")
OPERATORS = re.compile(r"(<=|>=|==|!=|\+=|-=)")
ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")
GAMES = (("random", 11), ("historical", 4))
ONCE = [s for s in SCREEN_NAMES if s not in ("turn", "event", "report", "debrief")]
# The author's screen quotes the scenario file's own fields and path; the saves screen shows file names.
QUOTES_FILES = ("reload-errors", "save")


class Reader:
    """Collects what the player reads from an App's frames."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.texts: list[tuple[str, str]] = []  # (where, text)
        self.cuts: list[tuple[str, object]] = []

    def frame(self, where: str) -> None:
        theme = self.app.theme
        theme.drawn, theme.cuts = [], []
        surface = pygame.Surface(self.app.size)
        self.app.tick(16)
        self.app.draw(surface)
        self.texts += [(where, t) for t in theme.drawn]
        self.texts += [(where, w.tip) for w in self.app.top.widgets if w.tip]
        self.cuts += [(where, c) for c in theme.cuts]
        theme.drawn = theme.cuts = None


def _problems(reader: Reader, rules) -> list[str]:
    ids = id_words(rules)
    word = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ids))) + r")\b") if ids else None
    found = []
    for where, text in reader.texts:
        if where.endswith(QUOTES_FILES) and ("/" in text or text.endswith(tuple(f"turn{n}" for n in range(99)))
                                             or text.startswith("autosave-") or "error:" in text
                                             or "expected one of" in text):
            continue
        for pattern, what in ((SNAKE, "snake_case"), (DOTTED, "dotted name"), (OPERATORS, "operator"),
                              (ISO_DATE, "ISO date")):
            m = pattern.search(text)
            if m:
                found.append(f"{where}: {what} '{m.group()}' in: {text[:160]}")
        m = word.search(text) if word else None
        if m:
            found.append(f"{where}: id '{m.group()}' in: {text[:160]}")
    for where, cut in reader.cuts:
        whole = " ".join(cut.full.split()).lower()
        if whole not in " ".join(cut.tip.split()).lower():
            found.append(f"{where}: cut '{cut.shown}' (of '{cut.full}') with no tooltip showing it whole")
    first: dict[str, str] = {}
    for line in found:  # each problem once, at the first place it was seen
        where, _, what = line.partition(": ")
        first.setdefault(what, where)
    return sorted(f"{where}: {what}" for what, where in first.items())


def _entry(item) -> tuple[ScenarioEntry, object]:
    result = load_scenario(item.path)
    return ScenarioEntry(item.id, item.path, result.scenario, result.digest), build_rules(result.scenario)


def _play(entry: ScenarioEntry, rules, policy_name: str, seed: int, saves: Path, reader: Reader,
          details: bool, every: int = 1) -> None:
    """A whole game in the window: the turn screen (every instrument's details once), each decision, the
    orders queued, the turn's report (every `every` turns), and the debrief."""
    app = reader.app
    app.session = Session.new(entry, saves, seed)
    app.reset(TitleScreen(app))
    turn = TurnScreen(app)
    app.push(turn)  # opens the first decision, if any
    policy = get_policy(policy_name, rules)
    game = app.session.game
    while not game.done:
        t = game.turn + 1
        while app.top is not turn:
            reader.frame(f"{entry.id} day {t} {app.top.name}")
            app.top.back()
        if details and t in (1, rules.turns // 2):
            for opt in turn.options():
                turn.select(opt.key)
                reader.frame(f"{entry.id} day {t} details of {opt.key}")
        if game.pending():
            app.push(EventScreen(app))
            reader.frame(f"{entry.id} day {t} decision")
            app.pop()
        actions, choices = policy.decide(game)
        app.session.orders, app.session.choices = list(actions), dict(choices)
        if actions:
            turn.select(actions[0].use)
            turn.target, turn.mode = actions[0].target, actions[0].mode
        turn.invalidate()
        seen = t % every == 0 or bool(game.pending())
        if seen:
            reader.frame(f"{entry.id} day {t} turn with orders")
        turn.end_turn()
        assert isinstance(app.top, ReportScreen), app.toasts
        if seen:
            reader.frame(f"{entry.id} day {t} report")
        app.top.close()
    if isinstance(app.top, DebriefScreen):
        reader.frame(f"{entry.id} debrief")


@pytest.mark.parametrize("item", list(shipped()), ids=lambda item: item.id)
def test_no_id_code_or_cut_label_reaches_the_player(item, tmp_path):
    entry, rules = _entry(item)
    app = App(Settings(width=SIZE[0], height=SIZE[1], sound=False), saves_dir=tmp_path, size=SIZE)
    reader = Reader(app)
    for n, (policy, seed) in enumerate(GAMES):  # the second game of a long scenario is read every few turns
        _play(entry, rules, policy, seed, tmp_path, reader, details=n == 0, every=1 if n == 0 else
              max(1, rules.turns // 12))
    for screen in ONCE:  # the advisor near the end, where its rollouts are short
        turns = rules.turns - 4 if screen == "advisor" and rules.turns > 16 else 3
        staged = stage(screen, entry, get_policy("historical", rules), turns, 4, SIZE, tmp_path)
        other = Reader(staged)
        other.frame(f"{entry.id} {screen}")
        reader.texts += other.texts
        reader.cuts += other.cuts
    app.session = Session.new(entry, tmp_path, 4)
    for key, _ in TABS:
        app.reset(TitleScreen(app))
        app.push(HelpScreen(app, tab=key))
        reader.frame(f"{entry.id} help {key}")
    problems = _problems(reader, rules)
    assert not problems, "\n".join(problems[:60]) + f"\n({len(problems)} in all)"
