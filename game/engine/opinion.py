"""World opinion: how three audiences — the non-aligned, the press and the Security Council as a body — regard
the Secretary-General, each a value in [0, 1] (0.5 neutral), kept in the game state.

It moves at the end of every turn with what the world can see (docs/model.md, "World opinion"): the player's
public moves, the disputes climbing or coming down their ladders, proposals accepted and the Council members'
support, the first and the last scaled by visibility; and it fades back toward where it started. It is a read-out
of how the office's conduct reads abroad: it does not act on the parties. Every change carries its cause.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .instruments import wear
from .record import DYNAMICS, INSTRUMENT, PROPOSAL, Cause, Change

if TYPE_CHECKING:
    from .context import Ctx

AUDIENCES = ("nonaligned", "press", "council")
COUNCIL = AUDIENCES.index("council")
FADES = Cause(DYNAMICS, "opinion_fades")  # the world's memory is short
COUNCIL_SUPPORT = Cause(DYNAMICS, "opinion_council")  # the Council's regard follows its members' support


def targets() -> tuple[str, ...]:
    """The dotted names the turn report gives the audiences ('opinion.press')."""
    return tuple(f"opinion.{a}" for a in AUDIENCES)


def start_levels(scenario) -> list[float]:
    """Where each audience starts, in AUDIENCES order."""
    start = scenario.opinion.start
    return [getattr(start, a) for a in AUDIENCES]


# The shared defaults (per audience, in AUDIENCES order); a scenario's `opinion` block may set any of them.
PUBLIC_MOVE = (0.1, 0.12, -0.02)  # the Council dislikes being lectured in public
ESCALATION = (0.08, 0.1, 0.05)
DEAL = (0.12, 0.12, 0.1)


def _weights(w, defaults: tuple[float, ...]) -> tuple[float, ...]:
    """A scenario's weights with the defaults where it is silent."""
    return tuple(d if getattr(w, a) is None else getattr(w, a) for a, d in zip(AUDIENCES, defaults, strict=True))


def weight_tables(scenario) -> tuple[tuple[tuple[int, float], ...], ...]:
    """The scenario's (audience, weight) pairs with a weight, for public moves, escalation and deals, in that
    order: worked out once per scenario (Rules.opinion_weights)."""
    cfg = scenario.opinion
    return tuple(tuple((a, w) for a, w in enumerate(_weights(given, defaults)) if w)
                 for given, defaults in ((cfg.public_move, PUBLIC_MOVE), (cfg.escalation, ESCALATION),
                                         (cfg.deal, DEAL)))


def public_causes(rules, actions: Sequence, state, turn: int) -> list[tuple[Cause, float]]:
    """This turn's public moves, in the order given, each with how much of the world's notice it still draws:
    public instruments and public proposals (their launch's own cause, as the turn report names it). A public
    instrument repeated on the same target wears like its effect does (instruments.wear): the fifth ambassador
    called in this week is no news."""
    out = []
    for a in actions:
        if a.use in rules.proposals:
            if (a.mode or "private") == "public":
                out.append((Cause(PROPOSAL, a.use, ("public",)), 1.0))
            continue
        ins = rules.instruments.get(a.use)
        if ins is not None and ins.public:
            target = target_index(rules, ins.target, a.target)
            out.append((Cause(INSTRUMENT, ins.key, (a.target,) if a.target else ()),
                        wear(state, ins.key, target, turn)))
    return out


def target_index(rules, kind: str, target: str | None) -> int:
    """The index of an action's target among the pairs or the parties (-1: the move has no target)."""
    if kind == "pair":
        return rules.pair_ids.index(target)
    if kind == "party":
        return rules.party_ids.index(target)
    return -1


def _move(ctx: Ctx, a: int, gain: float, cause: Cause) -> None:
    """Move audience `a` by `gain`, with diminishing returns near either end (a gain shrinks as regard nears 1, a
    loss as it nears 0), and record the change."""
    levels = ctx.state.opinion
    before = levels[a]
    after = before + (gain * (1.0 - before) if gain > 0 else gain * before)
    after = 0.0 if after < 0.0 else 1.0 if after > 1.0 else after
    levels[a] = after
    if ctx.record and after != before:
        ctx.report.changes.append(Change(f"opinion.{AUDIENCES[a]}", before, after, cause, False))


def update(ctx: Ctx, public: Sequence[tuple[Cause, float]], rungs_before: Sequence[int], deals: Sequence[Cause],
           council_before: float) -> None:
    """The turn's movement of world opinion: fading first, then public moves (each with its wear, public_causes),
    rungs crossed, deals and the Council's support, each recorded with its cause."""
    s, rules = ctx.state, ctx.rules
    levels = s.opinion
    if not levels:
        return
    cfg = rules.scenario.opinion
    memory = cfg.memory
    for a, start in enumerate(rules.opinion_start):
        drift = memory * (start - levels[a])
        if abs(drift) > 1e-12:
            before = levels[a]
            levels[a] = before + drift
            if ctx.record:
                ctx.report.changes.append(Change(f"opinion.{AUDIENCES[a]}", before, levels[a], FADES, False))
    watched = 0.5 + s.office.visibility  # at average visibility (0.5) a move counts once
    public_weights, escalation_weights, deal_weights = rules.opinion_weights
    for cause, worn in public:
        for a, w in public_weights:
            _move(ctx, a, w * watched * worn, cause)
    for k, before in enumerate(rungs_before):
        now = ctx.rules.world_rung(k, ctx.turn, s.pairs[k].rung)
        climbed = now - before
        if climbed:
            cause = Cause(DYNAMICS, "opinion_ladder", (k, before, now))
            for a, w in escalation_weights:
                _move(ctx, a, -w * climbed * s.office.visibility, cause)
    for cause in deals:
        for a, w in deal_weights:
            _move(ctx, a, w * watched, cause)
    if s.council and cfg.council_follow:
        shift = sum(s.council) / len(s.council) - council_before
        if abs(shift) > 1e-9:
            _move(ctx, COUNCIL, cfg.council_follow * shift, COUNCIL_SUPPORT)


def mean_council(state) -> float:
    """The Council members' mean support (0 with no Council)."""
    return sum(state.council) / len(state.council) if state.council else 0.0
