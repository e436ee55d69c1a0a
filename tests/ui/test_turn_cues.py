"""The turn report opens with the cue for what happened: a deal struck, a rung climbed or come down, else the
turn chime."""

from __future__ import annotations

from game.engine.record import Message, TurnReport
from game.present.lines import report_days
from game.ui.screens.report import turn_cue

from ..engine.conftest import duel


def _report(rules, changes=(), messages=()):
    from game.engine.record import DYNAMICS, Cause, Change

    rep = TurnReport(turn=2, date="2000-01-03")
    for before, after in changes:
        rep.changes.append(Change("east_west.rung", before, after, Cause(DYNAMICS, "ladder", (0, after))))
    rep.messages.extend(messages)
    return rep


DEAL = {"id": "deal", "name": "A deal", "text": "Split it.", "pair": "east_west"}


def test_each_outcome_has_its_cue():
    rules = duel(proposals=[DEAL])
    cases = {
        "turn": _report(rules),
        "rung_up": _report(rules, [(2, 3)]),
        "rung_down": _report(rules, [(3, 2)]),
        "deal": _report(rules, [(3, 4)], [Message("result", "proposal_accepted", ("deal",))]),
    }
    for cue, rep in cases.items():
        assert turn_cue(rep, report_days(rules, rep)) == cue, cue
