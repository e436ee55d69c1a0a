"""Odds and reasons in words: the chance of a move before the player commits (game/sim/odds.Odds) and, after the
turn, why a proposal was refused, good offices rebuffed, an appeal brushed off or a vote vetoed (the `reasons`
the engine records on the result: engine/chances.Chance evaluated on the player's estimates and public facts).

Every number here is an estimate or a public fact; nothing reads the hidden state.
"""

from __future__ import annotations

from game.engine import Rules
from game.engine.chances import Chance, Term, obstacles
from game.engine.record import Message

from .words import pair_name, party_name

WHAT = {
    "accepted": "Chance they accept",
    "progress": "Chance of progress each turn",
    "passes": "Chance the Council adopts it",
    "heard": "Chance the appeal is heard",
    "welcomed": "Chance you are well received",
}
ISSUE_WORDS = {"resources": "resource", "ethnic": "ethnic", "ideology": "ideological", "sovereignty": "sovereignty",
               "security": "security"}
RESULT_CHANCE = {  # what the recorded chance measures, for the sentence after a failure
    "proposal_rejected": ("acceptance", False),
    "good_offices_rebuffed": ("acceptance", False),
    "appeal_brushed_off": ("being heard", True),
    "received_coldly": ("a warm welcome", True),
    "veto": ("no veto from this member", False),
}


def percent(x: float) -> str:
    """'34%', and '<1%' / '>99%' rather than a certainty the model does not have."""
    if 0.0 < x < 0.005:
        return "<1%"
    if 0.995 < x < 1.0:
        return ">99%"
    return f"{x:.0%}"


def odds_text(odds) -> str:
    """'Chance they accept: about 34% (22%–47% on your estimates)', for a game/sim/odds.Odds."""
    what = WHAT.get(odds.kind, "Chance of success")
    when = ", as things stand now" if odds.later else ""
    spread = "" if percent(odds.low) == percent(odds.high) == percent(odds.chance) else \
        f" ({percent(odds.low)}–{percent(odds.high)} on your estimates{when})"
    return f"{what}: about {percent(odds.chance)}{spread}"


def odds_lines(rules: Rules, odds) -> list[str]:
    """A move's odds and, unless it is all but sure, what works against it: the lines the window's Details panel
    and the text mode's list of actions show."""
    against = obstacles_text(rules, odds.terms) if odds.chance < 0.9 else ""
    return [odds_text(odds), *([against] if against else [])]


def obstacles_text(rules: Rules, terms: tuple[Term, ...] | list[Term]) -> str:
    """What holds a chance down, worst first: "Working against it: …; …", or '' when nothing stands out."""
    against = [s for s in (term_text(rules, t) for t in obstacles(Chance("", 0.0, tuple(terms)))) if s]
    return "Working against it: " + "; ".join(against) + "." if against else ""


def reasons_lines(rules: Rules, msg: Message) -> list[str]:
    """Why a result went against you, as the player could know it; [] when the message carries no reasons."""
    chance: Chance | None = msg.reasons
    if chance is None:
        return []
    lines = []
    if msg.code == "veto":
        lines += [s[0].upper() + s[1:] + "." for s in (term_text(rules, t) for t in chance.terms) if s]
        return lines
    against = [s for s in (term_text(rules, t) for t in obstacles(chance)) if s]
    if against:
        lines.append("Why, as far as you can tell: " + "; ".join(against) + ".")
    what, flip = RESULT_CHANCE.get(msg.code, ("success", False))
    value = 1.0 - chance.value if flip else chance.value
    lines.append(f"By your estimates the chance of {what} was about {percent(value)}.")
    return lines


def _openness(rules: Rules, who: tuple) -> str:
    i, trust, receptivity = who
    return f"{party_name(rules, i)} (trust in you {trust:.2f}, openness {receptivity:.2f})"


def term_text(rules: Rules, term: Term) -> str:
    """One term of a chance as a clause, or '' when it did not work against the move."""
    code, args = term.code, term.args
    if code == "formula":
        return f"the proposal asks much of the parties (on its own about {percent(term.weight)} acceptable)"
    if code == "openness":
        low = [w for w in args if 0.5 * (w[1] + w[2]) < 0.5] or sorted(args, key=lambda w: w[1] + w[2])[:1]
        names = " and ".join(_openness(rules, w) for w in low)
        return f"little openness to you: {names}, your estimates"
    if code == "watching":
        visibility, audience = args
        clauses = []
        if audience >= 0.15:
            clauses.append(f"the leaders' audience costs are high after public confrontation and your own public "
                           f"moves (about {audience:.2f}): giving way in public is dearer")
        if visibility < 0.3 or not clauses:
            clauses.append(f"few are watching (visibility {visibility:.0%}): world opinion adds little pressure")
        return "; ".join(clauses)
    if code == "trust":
        if len(args) == 1 and len(args[0]) == 2:
            i, trust = args[0]
            return f"{party_name(rules, i)} distrusts you (trust {trust:.2f}, your estimate)"
        names = " and ".join(f"{party_name(rules, i)} {trust:.2f}" for i, trust in args)
        return f"their trust in you is low ({names}, your estimates)"
    if code == "standing":
        prestige, coordination = args
        return (f"your standing is limited (prestige {prestige:.0f} once this is paid for, coordination "
                f"{coordination:.0%})")
    if code == "issue":
        k = args[0]
        issue = rules.scenario.pairs[k].issue
        return f"{ISSUE_WORDS.get(issue, issue)} disputes are hard to mediate ({rules.issue_success[k]:.0%} succeed)"
    if code == "intensity":
        k, rung = args
        return f"the crisis stands at '{rules.ladders[k][rung]}', where mediation works less well"
    if code == "power_gap":
        k, _ = args
        return f"the power gap between {pair_name(rules, k, ' and ')}"
    if code == "repetition":
        return "you have used it on them lately: it wears thin"
    if code == "mixed_signals":
        return f"poor coordination risks contradictory signals (coordination {args[0]:.0%})"
    if code == "veto":
        m, support, involved, visibility = args
        parts = [f"{rules.council_names[m]}'s support for you is {support:.0%}"]
        if involved:
            parts.append("it is a party to the dispute")
        if visibility < 0.3:
            parts.append(f"few are watching (visibility {visibility:.0%})")
        return ", ".join(parts)
    if code == "no_threat":
        k, _ = args
        return f"below '{rules.ladders[k][2]}' the Council sees no threat to peace"
    if code == "hostility":
        i, hostility = args
        return f"{party_name(rules, i)} is very hostile (hostility {hostility:.2f}, your estimate)"
    return ""  # track_two and mediator: they only ever help
