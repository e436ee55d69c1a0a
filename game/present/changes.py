"""The turn's changes in words: values, targets and the causes of changes, grouped as the reports show them.

Only public facts are put into words with their values; hidden changes (party internals, pressure) are never
described here, so no screen can leak them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.engine.record import Cause, Change, TurnReport
from game.engine.rules import Rules

from .news import cause_label
from .tracks import track_name, track_value
from .words import pair_name

DECISION_WORDS = {"escalate": "escalated", "hold": "held its position", "step_back": "stepped back"}
CAUSE_HEADINGS = {
    "instrument": "Your initiative",
    "proposal": "Your proposal",
    "event": "Event",
    "choice": "Your answer",
    "decision": "A party's decision",
    "dynamics": "The crisis's own momentum",
    "incident": "Incident",
    "council": "Security Council",
    "resources": "Your office",
    "distraction": "Elsewhere in the world",
    "facilitator": "The facilitator",
}
OFFICE_NAMES = {"prestige": "prestige", "budget": "budget", "envoys": "envoys", "attention": "attention",
                "intelligence": "intelligence", "coordination": "coordination", "visibility": "visibility"}


def rung_text(rules: Rules, pair_id: str, rung: float) -> str:
    k = rules.pair_ids.index(pair_id)
    ladder = rules.ladders[k]
    r = int(rung)
    return ladder[r] if 0 <= r < len(ladder) else str(r)


def target_label(rules: Rules, target: str) -> str:
    """A visible target ('usa_ussr.rung', 'council.usa', 'prestige', a variable) in words."""
    head, _, attr = target.partition(".")
    if not attr and any(t.key == target for t in rules.tracks):
        return track_name(rules, target)
    if attr == "rung" and head in rules.pair_ids:
        return f"escalation between {pair_name(rules, head)}"
    if head == "council" and attr in rules.council_ids:
        return f"{rules.council_names[rules.council_ids.index(attr)]}'s support"
    if head in rules.pair_ids:
        return f"{pair_name(rules, head)}: {attr.replace('_', ' ')}"
    if head in rules.party_names:
        return f"{rules.party_names[head]}'s {attr.replace('_', ' ')}"
    return OFFICE_NAMES.get(target, target.replace("_", " "))


def value_text(rules: Rules, target: str, value: float) -> str:
    head, _, attr = target.partition(".")
    if not attr and any(t.key == target for t in rules.tracks):
        return track_value(rules, target, value)
    if attr == "rung" and head in rules.pair_ids:
        return f"{rung_text(rules, head, value)} ({int(value)})"
    if target == "budget":
        return f"${value:.1f}m"
    if target == "prestige":
        return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"
    if isinstance(rules.scenario.variables.get(target), bool):
        return "yes" if value else "no"
    if target in ("envoys", "attention"):
        return f"{value:g}"
    if head == "council" or target in ("intelligence", "coordination", "visibility"):
        return f"{value:.0%}"
    return f"{value:.2f}"


def change_sentence(rules: Rules, target: str, before: float, after: float) -> str:
    """'prestige 55 → 49 (−6)', 'escalation between A – B rose from crisis (2) to confrontation (3)'."""
    label = target_label(rules, target)
    if target.endswith(".rung"):
        verb = "rose" if after > before else "fell"
        return f"{label[0].upper()}{label[1:]} {verb} from {value_text(rules, target, before)} to " \
               f"{value_text(rules, target, after)}"
    if isinstance(rules.scenario.variables.get(target), bool):
        return f"{label[0].upper()}{label[1:]}: {value_text(rules, target, after)}"
    delta = after - before
    sign = "+" if delta >= 0 else "−"
    if target == "budget":
        amount = f"{sign}${abs(delta):.1f}m"
    elif target == "prestige":
        amount = f"{sign}{abs(delta):.1f}"
    elif target.startswith("council.") or target in ("intelligence", "coordination", "visibility"):
        amount = f"{sign}{abs(delta) * 100:.0f} pts"
    elif any(t.key == target for t in rules.tracks):
        amount = sign + track_value(rules, target, abs(delta))
    else:
        amount = f"{sign}{abs(delta):.2f}"
    return f"{label[0].upper()}{label[1:]} {amount} ({value_text(rules, target, before)} → " \
           f"{value_text(rules, target, after)})"


@dataclass(frozen=True)
class CauseGroup:
    """The visible changes one cause made in a turn, as sentences."""

    kind: str
    heading: str
    label: str
    sentences: tuple[str, ...]


def visible_changes(changes: Iterable[Change]) -> list[Change]:
    """The changes the player may see: never hidden values, never intentions."""
    return [c for c in changes if not c.hidden and not c.target.endswith(".intention")]


def group_by_cause(rules: Rules, report: TurnReport) -> list[CauseGroup]:
    """The turn's visible changes grouped by what caused them, each change netted within its cause."""
    order: list[Cause] = []
    nets: dict[Cause, dict[str, list[float]]] = {}
    for c in visible_changes(report.changes):
        key = c.cause
        if key not in nets:
            order.append(key)
            nets[key] = {}
        span = nets[key].setdefault(c.target, [c.before, c.after])
        span[1] = c.after
    groups = []
    for key in order:
        kind, label = key.kind, cause_label(rules, key)
        sentences = tuple(change_sentence(rules, t, b, a) for t, (b, a) in nets[key].items() if shows(t, b, a))
        if sentences:
            groups.append(CauseGroup(kind, CAUSE_HEADINGS.get(kind, kind.title()), label, sentences))
    return groups


def shows(target: str, before: float, after: float) -> bool:
    """Whether a change is big enough to read: a visibility move of 0.2 points would print as '+0 pts'."""
    if target.startswith("council.") or target in ("intelligence", "coordination", "visibility"):
        return round(after * 100) != round(before * 100)
    if target in ("prestige", "budget"):
        return abs(after - before) >= 0.05
    return abs(after - before) > 1e-9


def decisions_sentence(rules: Rules, report: TurnReport) -> str:
    """'Karelia held its position; Lowmark escalated.'"""
    parts = [f"{rules.party_names.get(pid, pid)} {DECISION_WORDS.get(d, d)}" for pid, d in report.decisions.items()]
    return "; ".join(parts) + "." if parts else ""


def rung_paths(rules: Rules, reports: list[TurnReport], start: list[int]) -> list[list[int]]:
    """Each pair's public rung after every turn (index 0 = the start), from the turn reports."""
    paths = [[r] for r in start]
    current = list(start)
    targets = {f"{pid}.rung": k for k, pid in enumerate(rules.pair_ids)}
    for report in reports:
        if report.turn < 0:
            continue
        for c in report.changes:
            k = targets.get(c.target)
            if k is not None:
                current[k] = int(c.after)
        for k in range(len(current)):
            paths[k].append(current[k])
    return paths
