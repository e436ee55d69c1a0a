"""What the player knows of the ladders: while a crisis is secret (a pair's `secret` in the scenario), the office
sees the rung the world sees and has no reading of the pressure, so no screen may show the real rung, a change of
it or news of it before the date it becomes known. The game itself always runs on the real rungs; only what the
front ends show goes through here."""

from __future__ import annotations

from dataclasses import replace

from game.engine import Game, Rules
from game.engine.intel import Estimate
from game.engine.observation import Observation, PairView
from game.engine.record import Change, Message, TurnReport
from game.i18n import _


def secret(rules: Rules, k: int, turn: int) -> bool:
    """Whether pair k's real rung is still unknown to the office at `turn`."""
    return turn < rules.known_from[k]


def seen_pair(rules: Rules, k: int, view: PairView, turn: int) -> PairView:
    """Pair k as the player sees it at `turn`: the world's rung while the crisis is secret (its pressure then only
    'somewhere in that rung'), else as observed."""
    if not secret(rules, k, turn):
        return view
    rung = rules.secret_rung[k]
    return replace(view, rung=rung, rung_name=rules.ladders[k][rung], peak_rung=rung,
                   pressure=Estimate(rung + 0.5, float(rung), rung + 1.0))


def seen(rules: Rules, obs: Observation) -> Observation:
    """The observation with every secret pair as the world sees it (seen_pair)."""
    if not any(secret(rules, k, obs.turn) for k in range(len(obs.pairs))):
        return obs
    return replace(obs, pairs=tuple(seen_pair(rules, k, p, obs.turn) for k, p in enumerate(obs.pairs)))


def player_view(game: Game) -> Observation:
    """What the player sees now: the game's observation, with the secret pairs as the world sees them."""
    return seen(game.rules, game.observation())


def secret_pairs(rules: Rules, obs: Observation) -> set[str]:
    """The ids of the pairs whose real rung the office does not know at the observation's turn."""
    return {p.id for k, p in enumerate(obs.pairs) if secret(rules, k, obs.turn)}


def _pair_of(rules: Rules, target: str) -> int | None:
    head, _, attr = target.partition(".")
    if attr in ("rung", "pressure") and head in rules.pair_ids:
        return rules.pair_ids.index(head)
    return None


def hides_change(rules: Rules, change: Change, turn: int) -> bool:
    """Whether a change dated `turn` is to a rung the office did not know then (it must not be shown)."""
    k = _pair_of(rules, change.target)
    return k is not None and secret(rules, k, turn)


def hides_message(rules: Rules, msg: Message) -> bool:
    """Whether a message is news of a secret pair's rung (a rung crossed) at a date the office did not know it."""
    return msg.code == "rung" and secret(rules, msg.args[0], msg.turn)


def known_report(rules: Rules, report: TurnReport) -> TurnReport:
    """The report without the news of rungs the office did not know at their date (the changes stay: the
    report's lines leave them out with hides_change, by the date each change belongs to)."""
    messages = [m for m in report.messages if not hides_message(rules, m)]
    if len(messages) == len(report.messages):
        return report
    return replace(report, messages=messages)


def secret_note() -> str:
    """What a secret pair's card says instead of a pressure reading."""
    return _("what the world sees; you have no reading of the pressure yet")
