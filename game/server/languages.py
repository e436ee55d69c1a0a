"""Each browser's language in a class: the one its switch chose (a cookie), else the best of its Accept-Language
that the game has catalogs for, else the class's (`host --lang`). The games are played on the class's own rules;
a page in another language is written from the same game played on the scenario's text in that language.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field

from game.engine import Game, Rules, build_rules
from game.i18n import LANGUAGES
from game.scenario.loader import load_scenario

COOKIE = "go_lang"


def accepted(header: str, available: tuple[str, ...] = LANGUAGES) -> str | None:
    """The language of `available` an Accept-Language header prefers ('fr-CA,fr;q=0.9,en;q=0.8' is 'fr'), or None
    when it names none of them. Regional variants count as their language; q=0 refuses one."""
    best, best_q = None, 0.0
    for part in header.split(","):
        name, __, params = part.strip().partition(";")
        code = name.strip().lower().split("-")[0]
        q = 1.0
        for param in params.split(";"):
            key, __, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if code in available and q > best_q:
            best, best_q = code, q
    return best


def chosen(cookies: Mapping[str, str], headers: Mapping[str, str], default: str) -> str:
    """The language of one request or socket: the browser's switch, else its Accept-Language, else `default`."""
    asked = cookies.get(COOKIE, "")
    if asked in LANGUAGES:
        return asked
    return accepted(headers.get("accept-language", "")) or default


@dataclass
class Tongues:
    """The class's scenario in every language a page asks for, read once each (with that language's translation
    beside the scenario, when it has one). The class's own language is the rules its games are played on."""

    default: str
    scenario_path: str
    digest: str
    rules_by_code: dict[str, Rules] = field(default_factory=dict)
    views: weakref.WeakKeyDictionary = field(default_factory=weakref.WeakKeyDictionary)  # game -> {code: its view}

    @classmethod
    def of(cls, rules: Rules, default: str, scenario_path: str, digest: str) -> Tongues:
        return cls(default, scenario_path, digest, {default: rules})

    def rules(self, code: str) -> Rules:
        """The scenario's rules with its text in `code` (the class's own for an unknown code, or when the file
        cannot be read again as it was: the class's games must be shown on the scenario they are played on)."""
        if code not in LANGUAGES:
            code = self.default
        if code not in self.rules_by_code:
            self.rules_by_code[code] = self._load(code)
        return self.rules_by_code[code]

    def _load(self, code: str) -> Rules:
        result = load_scenario(self.scenario_path, lang=code)
        if result.scenario is None or result.digest != self.digest:
            return self.rules_by_code[self.default]
        try:
            return build_rules(result.scenario)
        except ValueError:
            return self.rules_by_code[self.default]

    def view(self, game: Game, code: str) -> Game:
        """`game` as it reads in `code`: the same game (seed, orders, the teacher's events) played on the
        scenario's text in that language, kept and brought up to date as `game` goes on, since the engine keeps
        some of the scenario's words in its news (an emergency elsewhere is reported by its name). Only for
        writing pages: a view is never played by the server."""
        rules = self.rules(code)
        if rules is game.rules:
            return game
        views = self.views.setdefault(game, {})
        if code not in views:
            views[code] = Game(rules, game.seed)
        return follow(views[code], game)


def follow(view: Game, game: Game) -> Game:
    """Bring `view` (the same game on other rules) to where `game` stands: each turn's input and every
    intervention, in the order they were made."""
    while True:
        turn = len(view.inputs)
        for iv in game.interventions[len(view.interventions):]:
            if iv.turn != turn or view.done:
                break
            view.intervene(iv)
        if turn >= len(game.inputs) or view.done:
            return view
        view.play(game.inputs[turn])
