"""Scenario events: scheduled on a date, triggered by a condition, or random; some offer the player a choice.

A scheduled event whose condition is false on its date is skipped, unless it has an 'until' date: then it fires
on the first turn of that window on which its condition holds. An event's, a choice's or an ending's other words
('variants') are chosen once, as it happens, and kept in the state for every front end to show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import escalation, rng
from .context import Ctx
from .record import CHOICE, EVENT, Cause
from .rules import ChoiceRule, EventRule, Words
from .state import GameState

_NUMBER = (float, int)  # an event's chance given as a number rather than an expression


def _chance_holds(ctx: Ctx, ev: EventRule) -> bool:
    """The event's chance, drawn this turn (true when it has none)."""
    chance = ev.chance
    if chance is None:
        return True
    p = chance if isinstance(chance, _NUMBER) else float(chance(ctx.state))
    return ctx.dice.uniform(ctx.turn, rng.EVENT, ev.index) < p


def fire(ctx: Ctx, ev: EventRule, cause: Cause | None = None) -> None:
    """Fire the event: count it, report it, apply its effects, await its choices. `cause` defaults to the event."""
    state = ctx.state
    state.fired[ev.key] = state.fired.get(ev.key, 0) + 1
    cause = cause or ctx.rules.cause(EVENT, ev.key)
    ctx.report.events.append(ev.key)
    variant = choose_words(state, ev.variants, f"event:{ev.key}") if ev.variants else -1
    for c in ev.choices:
        if c.variants:
            choose_words(state, c.variants, f"choice:{ev.key}.{c.key}")
    if ctx.record:
        ctx.say("news", "event", (ev.key,) if not ev.variants else (ev.key, variant), cause)
    if ev.effects:
        ctx.effects(ev.effects, cause)
    update_rung = escalation.update_rung
    for k in range(len(state.pairs)):
        update_rung(ctx, k)  # the ladder shows at once what the event did to the pressure
    if ev.public:
        ctx.office("visibility", 0.04, cause)
    if ev.choices:
        state.pending.append(ev.index)


def fire_due(ctx: Ctx) -> None:
    """Check every event that may fire this turn, in file order; each sees the effects of those fired before it.
    An event fires when it has not fired yet (or repeats), its condition holds and then its chance is drawn."""
    state = ctx.state
    fired = state.fired
    for ev in ctx.rules.events_at[ctx.turn]:  # the events whose window covers this turn (Rules.events_at)
        if not ev.repeat and ev.key in fired:
            continue
        when = ev.when
        if when is not None and not when(state):
            continue
        if _chance_holds(ctx, ev):
            fire(ctx, ev)


def choose_words(state: GameState, variants: Sequence[Words], key: str) -> int:
    """Record which variant's words apply now (the first whose condition holds, -1 for the usual words)."""
    if not variants:
        return -1
    index = next((v for v, words in enumerate(variants) if words.when(state)), -1)
    if index < 0:
        state.texts.pop(key, None)
    else:
        state.texts[key] = index
    return index


def words(variants: Sequence[Words], texts: Mapping[str, int], key: str, title: str, text: str) -> tuple[str, str]:
    """The (title or label, text) in force for `key`: a recorded variant's, falling back on the usual words."""
    index = texts.get(key, -1)
    if not 0 <= index < len(variants):
        return title, text
    chosen = variants[index]
    return chosen.title or title, chosen.text or text


def affordable(ctx: Ctx, choice: ChoiceRule) -> bool:
    office = ctx.state.office
    return office.prestige >= choice.cost.prestige and office.budget >= choice.cost.budget


def resolve_choice(ctx: Ctx, ev: EventRule, choice: ChoiceRule) -> None:
    """Apply the player's answer to an event (or its default)."""
    cause = ctx.rules.cause(CHOICE, ev.key, (choice.key,))
    ctx.state.chose.add((ev.key, choice.key))
    if choice.cost.prestige:
        ctx.office("prestige", -choice.cost.prestige, cause)
    if choice.cost.budget:
        ctx.office("budget", -choice.cost.budget, cause)
    ctx.effects(choice.effects, cause)
