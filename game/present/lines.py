"""The turn report as every front end shows it: the visible changes of a turn, under their own dates, each
value's total over the day and each cause's own share of it, with numbers that add up as shown.

A turn report holds two dates: the turn the player just played and, when events fire at the start of the next
turn, that next date (the engine records such events, and the news they make, with the next turn's number).
`report_days` splits them, so that an event never sits under the day before it happened.

Numbers are rounded once, in display steps (values.py): a value's total is its shown value after the day minus
its shown value before it, and the causes' shares are rounded so that they add up to exactly that total
(largest remainders), so a reader who adds up the lines gets the total on the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.engine import Rules
from game.engine.record import Cause, Change, TurnReport
from game.i18n import N_, _, tr, trn
from game.i18n.formats import labelled

from .dates import turn_heading
from .news import NewsItem, cause_label, decision_words, news_item
from .values import BOOL, RUNG, Scale, amount_text, rung_name, scale_of, target_label, units, value_text

CAUSE_HEADINGS = {
    "instrument": N_("Your initiative"),
    "proposal": N_("Your proposal"),
    "event": N_("Event"),
    "choice": N_("Your answer"),
    "decision": N_("A party's decision"),
    "dynamics": N_("The crisis's own momentum"),
    "incident": N_("Incident"),
    "council": N_("Security Council"),
    "resources": N_("Your office"),
    "distraction": N_("Elsewhere in the world"),
    "facilitator": N_("The facilitator"),
}
DECISION_PAST = {"escalate": N_("escalated"), "hold": N_("held its position"), "step_back": N_("stepped back")}


@dataclass(frozen=True)
class Share:
    """One cause's effect on one value over the day, in display steps (`n`), and in words."""

    target: str
    n: int
    value_after: float  # the value this cause left (for rungs and switches, which read as 'to …')
    text: str  # 'Prestige −3', 'Budget +$0.2m', 'Deal: yes'
    amount: str  # '−3', '+$0.2m', 'yes'


@dataclass(frozen=True)
class Total:
    """A value's change over the day: before and after as shown, and the change in display steps."""

    target: str
    label: str
    scale: Scale
    before: float
    after: float
    n: int
    text: str  # 'Prestige 57 → 53.5 (−3.5)'
    before_text: str
    after_text: str
    amount: str  # '−3.5'; 'up 1 rung' for a rung; 'yes' for a switch

    @property
    def worse(self) -> bool:
        """A rung that went up."""
        return self.scale is RUNG and self.n > 0


@dataclass(frozen=True)
class CauseLines:
    """The visible changes one cause made in a day."""

    cause: Cause
    kind: str
    heading: str
    label: str
    shares: tuple[Share, ...]

    @property
    def title(self) -> str:
        """'Your initiative: Good offices → Karelia – Lowmark'; a label that already says what it is stands alone
        ("Your answer to 'Shots at the dam': …")."""
        if self.label.lower().startswith(self.heading.lower()):
            return self.label[:1].upper() + self.label[1:]
        return tr("{heading}: {label}", heading=self.heading, label=self.label)


@dataclass(frozen=True)
class Day:
    """What happened on one date of a turn report."""

    turn: int
    heading: str  # 'Day 5 · 20 October 1962'
    opening: bool  # the start of the next turn: events that happened before the player's next move
    decisions: tuple[tuple[str, str], ...]  # (party name, what it did)
    totals: tuple[Total, ...]
    causes: tuple[CauseLines, ...]
    news: tuple[NewsItem, ...]
    events: tuple[str, ...]  # ids of the events that fired on this date

    def shares_of(self, target: str) -> list[tuple[str, Share]]:
        """Each cause's share of `target`'s change, with the cause's label: the text mode lists them by value."""
        return [(c.label, s) for c in self.causes for s in c.shares if s.target == target]

    @property
    def empty(self) -> bool:
        return not (self.decisions or self.totals or self.causes or self.news or self.events)


def visible_changes(changes: Iterable[Change]) -> list[Change]:
    """The changes the player may see: never hidden values, never intentions."""
    return [c for c in changes if not c.hidden and not c.target.endswith(".intention")]


def change_turns(report: TurnReport) -> list[int]:
    """The turn whose date each change of the report belongs to: the report's own turn, or the next one for the
    effects of what fired at the start of the next turn (its news carries that turn, with the same cause)."""
    own = max(report.turn, 0)
    later = {m.cause: m.turn for m in report.messages if m.cause is not None and m.turn > own}
    return [later.get(c.cause, own) for c in report.changes]


def report_days(rules: Rules, report: TurnReport) -> list[Day]:
    """The report's dates in order, each with its decisions, value totals, causes, news and events."""
    own = max(report.turn, 0)
    by_turn: dict[int, list[Change]] = {}
    for change, turn in zip(report.changes, change_turns(report), strict=True):
        if not change.hidden and not change.target.endswith(".intention"):
            by_turn.setdefault(turn, []).append(change)
    news: dict[int, list[NewsItem]] = {}
    events: dict[int, list[str]] = {}
    for msg in report.messages:
        turn = max(msg.turn, own)
        news.setdefault(turn, []).append(news_item(rules, msg))
        if msg.code == "event":
            events.setdefault(turn, []).append(msg.args[0])
    turns = sorted({own, *by_turn, *news, *events})
    days = []
    for turn in turns:
        totals, causes = day_lines(rules, by_turn.get(turn, []))
        decisions = tuple((rules.party_names.get(p, p),
                           _(DECISION_PAST[d]) if d in DECISION_PAST else decision_words(d))
                          for p, d in report.decisions.items()) if turn == own and report.turn >= 0 else ()
        days.append(Day(turn, turn_heading(rules, turn), turn > own or report.turn < 0, decisions, tuple(totals),
                        tuple(causes), tuple(news.get(turn, ())), tuple(events.get(turn, ()))))
    return [d for d in days if not d.empty or d.turn == own]


def day_lines(rules: Rules, changes: Sequence[Change]) -> tuple[list[Total], list[CauseLines]]:
    """Totals per value and shares per cause for one date's visible changes, in the order they happened."""
    targets: dict[str, list[Change]] = {}
    for c in changes:
        targets.setdefault(c.target, []).append(c)
    totals: list[Total] = []
    shares: dict[Cause, list[Share]] = {}
    order: list[Cause] = []
    for c in changes:
        if c.cause not in shares:
            shares[c.cause] = []
            order.append(c.cause)
    for target, steps in targets.items():
        total, parts = _apportion(rules, target, steps)
        if total is not None:
            totals.append(total)
        for cause, share in parts:
            shares[cause].append(share)
    causes = [CauseLines(k, k.kind, _(CAUSE_HEADINGS[k.kind]) if k.kind in CAUSE_HEADINGS else k.kind.title(),
                         cause_label(rules, k),
                         tuple(shares[k])) for k in order if shares[k]]
    return totals, causes


def _apportion(rules: Rules, target: str, steps: list[Change]) -> tuple[Total | None, list[tuple[Cause, Share]]]:
    """The value's total over the day and each cause's share, in display steps that add up to the total."""
    values = [v for c in steps for v in (c.before, c.after)]
    scale = scale_of(rules, target, *values)
    before, after = steps[0].before, steps[-1].after
    label = target_label(rules, target)
    causes: list[Cause] = []
    exact: dict[Cause, float] = {}
    last: dict[Cause, float] = {}
    for c in steps:
        if c.cause not in exact:
            causes.append(c.cause)
            exact[c.cause] = 0.0
        exact[c.cause] += c.after - c.before
        last[c.cause] = c.after
    if scale is BOOL:
        parts = [(k, Share(target, 1, last[k], labelled(label, value_text(rules, target, last[k], scale)),
                           value_text(rules, target, last[k], scale))) for k in causes]
        if bool(before) == bool(after):
            return None, parts
        was, now = value_text(rules, target, before, scale), value_text(rules, target, after, scale)
        text = labelled(label, f"{was} → {now}")
        return Total(target, label, scale, before, after, 1, text, value_text(rules, target, before, scale),
                     value_text(rules, target, after, scale), value_text(rules, target, after, scale)), parts
    total_n = units(after, scale.step) - units(before, scale.step)
    counts = largest_remainders([exact[k] / scale.step for k in causes], total_n)
    parts = []
    for k, n in zip(causes, counts, strict=True):
        if n == 0:
            continue
        amount = amount_text(rules, target, n, scale)
        text = f"{label} {amount}"
        if scale is RUNG:
            text += tr(", to '{rung}'", rung=rung_name(rules, target.partition('.')[0], last[k]))
        elif target in rules.scenario.variables:  # a scenario's own count reads by its value: 'DEFCON −2, to 3'
            text += tr(", to {value}", value=value_text(rules, target, last[k], scale))
        parts.append((k, Share(target, n, last[k], text, amount)))
    if total_n == 0 and not parts:
        return None, []
    b_text, a_text = value_text(rules, target, before, scale), value_text(rules, target, after, scale)
    if scale is RUNG:
        rungs = trn("{n} rung", "{n} rungs", abs(total_n))
        amount = tr("up {rungs}", rungs=rungs) if total_n > 0 else tr("down {rungs}", rungs=rungs)
        if total_n > 0:
            text = tr("{label}: up from '{b_text}' to '{a_text}'", label=label, b_text=b_text, a_text=a_text)
        elif total_n < 0:
            text = tr("{label}: down from '{b_text}' to '{a_text}'", label=label, b_text=b_text, a_text=a_text)
        else:
            text = tr("{label}: back at '{a_text}'", label=label, a_text=a_text)
    elif total_n == 0:
        amount = _("no change")
        text = tr("{label} unchanged at {a_text}", label=label, a_text=a_text)
    else:
        amount = amount_text(rules, target, total_n, scale)
        text = f"{label} {b_text} → {a_text} ({amount})"
    return Total(target, label, scale, before, after, total_n, text, b_text, a_text, amount), parts


def largest_remainders(exact: Sequence[float], total: int) -> list[int]:
    """Whole numbers close to `exact` (each within one of it) that add up to `total`: each is rounded down, then
    the ones with the largest remainders are raised (or, when the rounding went over, the smallest lowered)."""
    floors = [int(x // 1) for x in exact]
    rest = total - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (exact[i] - floors[i], -i), reverse=True)
    out = list(floors)
    if not order:
        return out
    i = 0
    while rest > 0:
        out[order[i % len(order)]] += 1
        rest -= 1
        i += 1
    i = 0
    while rest < 0:
        out[order[-1 - i % len(order)]] -= 1
        rest += 1
        i += 1
    return out


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


def decisions_sentence(day: Day) -> str:
    """'Karelia held its position; Lowmark escalated.'"""
    parts = [f"{name} {what}" for name, what in day.decisions]
    return _("; ").join(parts) + "." if parts else ""
