"""Each party's reaction to what the player did over the last turn, in one line: its situation is read from the
turn report's causes and news (what touched it, what it accepted or refused, what it decided), and the line is
the scenario's own for that situation (`reactions` on the party, taken in turn, among those whose dates include
the turn's) or the game's default."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import Action, Game, Rules
from game.engine.observation import Observation
from game.engine.record import INSTRUMENT, PROPOSAL, TurnReport
from game.i18n import N_, _, tr

from .leaders import short_name

SITUATIONS = ("accepted", "rebuffed", "pressed_publicly", "approached", "escalated", "stepped_back", "quiet")
TONES = {"accepted": "success", "rebuffed": "failure", "escalated": "danger", "stepped_back": "calm"}  # news.py
WARM = 0.45  # a trust estimate from which a leader takes an approach well (leaders.MOODS: 'listening')

ACCEPTS = frozenset({"good_offices_accepted", "proposal_accepted"})
REFUSALS = frozenset({"good_offices_rebuffed", "proposal_rejected", "appeal_brushed_off", "received_coldly"})


@dataclass(frozen=True)
class Reaction:
    """One party's reaction: who, the situation found, the line and its tone (a tone of news, news.py)."""

    party: str
    name: str
    situation: str
    text: str
    tone: str


def _pairs_of(rules: Rules, i: int) -> set[int]:
    return set(rules.pairs_of_party[i])


def _about(rules: Rules, i: int, code: str, args: tuple) -> bool:
    """Whether a news item about an acceptance or a refusal concerns party `i`."""
    if not args:
        return False
    if code in ("proposal_accepted", "proposal_rejected"):
        prop = rules.proposals.get(args[0])
        return prop is not None and prop.pair in _pairs_of(rules, i)
    if code in ("appeal_brushed_off", "received_coldly"):
        return args[0] == i
    return args[0] in _pairs_of(rules, i)


def _touches(rules: Rules, i: int, target: str | None) -> bool:
    """Whether an action's target (a party or a pair id) is party `i` or one of its disputes."""
    if target is None:
        return False
    if target == rules.party_ids[i]:
        return True
    return target in rules.pair_ids and rules.pair_ids.index(target) in _pairs_of(rules, i)


def _contact(rules: Rules, i: int, report: TurnReport, actions: Sequence[Action]) -> str | None:
    """'pressed_publicly' or 'approached' when the player's moves this turn, or an initiative of theirs acting
    on it, touched party `i`; None when nothing did."""
    public = private = False
    pid = rules.party_ids[i]
    for a in actions:
        if a.use in rules.proposals:
            prop = rules.proposals[a.use]
            if prop.pair in _pairs_of(rules, i):
                public, private = public or a.mode == "public", private or a.mode != "public"
            continue
        ins = rules.instruments.get(a.use)
        if ins is not None and ins.kind != "wait" and _touches(rules, i, a.target):
            public, private = public or ins.public, private or not ins.public
    for c in report.changes:
        if c.cause.kind == INSTRUMENT and c.target.partition(".")[0] == pid:
            ins = rules.instruments.get(c.cause.id)
            if ins is not None:
                public, private = public or ins.public, private or not ins.public
        elif c.cause.kind == PROPOSAL and c.target.partition(".")[0] == pid:
            mode = c.cause.args[0] if c.cause.args else "private"
            public, private = public or mode == "public", private or mode != "public"
    if public:
        return "pressed_publicly"
    return "approached" if private else None


def situation(rules: Rules, report: TurnReport, i: int, actions: Sequence[Action] = ()) -> str:
    """Party `i`'s situation after the turn, the first of SITUATIONS that applies."""
    codes = [m.code for m in report.messages if m.code in ACCEPTS | REFUSALS and _about(rules, i, m.code, m.args)]
    if any(c in ACCEPTS for c in codes):
        return "accepted"
    if any(c in REFUSALS for c in codes):
        return "rebuffed"
    contact = _contact(rules, i, report, actions)
    if contact:
        return contact
    decision = report.decisions.get(rules.party_ids[i], "hold")
    return {"escalate": "escalated", "step_back": "stepped_back"}.get(decision, "quiet")


_HEARD = {
    ("pressed_publicly", True, "escalate"): N_("{who} takes your public move in good part, then raises the stakes "
                                               "anyway."),
    ("pressed_publicly", True, "step_back"): N_("{who} takes your public move in good part, and steps back."),
    ("pressed_publicly", True, "hold"): N_("{who} takes your public move in good part."),
    ("pressed_publicly", False, "escalate"): N_("{who} resents being put on the spot in public, then raises the "
                                                "stakes anyway."),
    ("pressed_publicly", False, "step_back"): N_("{who} resents being put on the spot in public, and steps back."),
    ("pressed_publicly", False, "hold"): N_("{who} resents being put on the spot in public."),
    ("approached", True, "escalate"): N_("{who} receives your people and listens, then raises the stakes anyway."),
    ("approached", True, "step_back"): N_("{who} receives your people and listens, and steps back."),
    ("approached", True, "hold"): N_("{who} receives your people and listens."),
    ("approached", False, "escalate"): N_("{who} receives your people coldly, then raises the stakes anyway."),
    ("approached", False, "step_back"): N_("{who} receives your people coldly, and steps back."),
    ("approached", False, "hold"): N_("{who} receives your people coldly."),
}
_LINES = {
    "accepted": N_("{who} takes up your offer, and says so."),
    "rebuffed": N_("{who} turns you down, and lets it be known."),
    "escalated": N_("{who} pays the UN no heed and raises the stakes."),
    "stepped_back": N_("{who} steps back, without a word to you."),
}


def default_line(who: str, situation: str, decision: str, warm: bool) -> str:
    """The game's own line for a situation, given what the party decided and how it regards you."""
    if situation in _LINES:
        return tr(_LINES[situation], who=who)
    if situation in ("pressed_publicly", "approached"):
        then = decision if decision in ("escalate", "step_back") else "hold"
        return tr(_HEARD[(situation, warm, then)], who=who)
    if warm:
        return tr("{who} waits to see what you will do.", who=who)
    return tr("{who} keeps you at arm's length.", who=who)


def _tone(situation: str, decision: str, warm: bool) -> str:
    if situation in TONES:
        return TONES[situation]
    if decision == "escalate":
        return "danger"
    if not warm:
        return "warning"
    return "calm" if decision == "step_back" else "news"


def reactions(game: Game, report: TurnReport | None = None, obs: Observation | None = None) -> list[Reaction]:
    """Every party's reaction to the last turn played (none before the first turn)."""
    rules = game.rules
    report = report if report is not None else (game.reports[-1] if game.reports else None)
    if report is None or report.turn < 0:
        return []
    obs = obs or game.observation()
    actions = game.inputs[report.turn].actions if report.turn < len(game.inputs) else ()
    out = []
    for i, (party, view) in enumerate(zip(rules.scenario.parties, obs.parties, strict=True)):
        found = situation(rules, report, i, actions)
        trust = view.estimates.get("trust")
        warm = trust is None or trust.value >= WARM
        decision = report.decisions.get(party.id, "hold")
        own = _lines_on(getattr(party.reactions, found, None) if party.reactions is not None else None,
                        rules.dates[min(report.turn, rules.turns - 1)])
        if own:
            said = sum(1 for r in game.reports if 0 <= r.turn < report.turn and situation(
                rules, r, i, game.inputs[r.turn].actions if r.turn < len(game.inputs) else ()) == found)
            text = own[said % len(own)]
        else:
            who = short_name(party.leader) if party.leader else party.name
            text = default_line(who, found, decision, warm)
        out.append(Reaction(party.id, party.name, found, text, _tone(found, decision, warm)))
    return out


def _lines_on(lines, day) -> list[str]:
    """A situation's lines that may be shown on `day` (a line with dates only within them), as texts."""
    if not lines:
        return []
    return [line if isinstance(line, str) else line.text for line in lines
            if isinstance(line, str) or line.shown_on(day)]


def reaction_heading() -> str:
    return _("How they took it")
