"""The Secretary-General's instruments: built-in costs, delays and state-dependent effects (references §1).

A scenario chooses which instruments it offers and may tune cost, delay, duration and power; the mechanics here
are shared by every scenario.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.i18n import N_
from game.scenario.model import Cost

from . import chances, rng
from .answers import BRUSH_OFF, HEARD
from .record import COUNCIL, INSTRUMENT, Cause

if TYPE_CHECKING:
    from .context import Ctx
    from .rules import Rules
    from .state import GameState, Initiative


@dataclass(frozen=True, slots=True)
class InstrumentSpec:
    """Built-in defaults of one instrument kind."""

    name: str
    summary: str
    target: str  # pair | party | none
    cost: Cost
    delay: int  # turns from launch until it acts
    duration: int  # turns it stays active (and ties up envoys/attention)
    public: bool  # public instruments raise visibility and audience costs
    attention: bool  # occupies an attention slot while active
    reveals: bool  # shows the hidden intentions of the parties it reaches


SPECS: dict[str, InstrumentSpec] = {
    "good_offices": InstrumentSpec(
        N_("Good offices"),
        N_("Your personal mediation, in private. Strong when the parties are open to it; weaker as the "
           "crisis intensifies and between unequal parties. Reveals what each side intends."),
        "pair",
        Cost(prestige=6),
        1,
        2,
        False,
        True,
        True,
    ),
    "special_envoy": InstrumentSpec(
        N_("Special envoy"),
        N_("A senior envoy works the capitals for several turns: patient, private pressure each turn. Reveals "
           "intentions."),
        "pair",
        Cost(prestige=3, budget=1, envoys=1),
        1,
        4,
        False,
        True,
        True,
    ),
    "public_appeal": InstrumentSpec(
        N_("Public appeal"),
        N_("A public call for restraint. Works through world opinion (better when the world is "
           "watching) but raises the audience costs that lock leaders in."),
        "pair",
        Cost(prestige=3),
        0,
        1,
        True,
        True,
        False,
    ),
    "private_appeal": InstrumentSpec(
        N_("Private appeal"),
        N_("A confidential message to one leader. Cheap, no audience cost; works through trust."),
        "party",
        Cost(prestige=2),
        0,
        1,
        False,
        True,
        False,
    ),
    "track_two": InstrumentSpec(
        N_("Track II channel"),
        N_("Unofficial talks among experts. Slow: does nothing until it matures, then softens "
           "grievances each turn, reveals intentions, and makes good offices or an envoy on the pair stronger "
           "(the upgrade to Track I)."),
        "pair",
        Cost(budget=1),
        3,
        8,
        False,
        False,
        True,
    ),
    "early_warning": InstrumentSpec(
        N_("Early-warning investment"),
        N_("Analysts and field monitors: your estimates get sharper and less delayed, turn after turn."),
        "none",
        Cost(budget=2),
        0,
        4,
        False,
        False,
        False,
    ),
    "article_99": InstrumentSpec(
        N_("Article 99 referral"),
        N_("Bring the threat to the Security Council. A resolution strengthens restraint; a "
           "permanent member may veto, which costs prestige. Raises visibility and audience costs."),
        "pair",
        Cost(prestige=8),
        0,
        1,
        True,
        True,
        False,
    ),
    "preventive_deployment": InstrumentSpec(
        N_("Preventive deployment"),
        N_("Troops and observers on the ground, if the Council gives a mandate: far fewer "
           "incidents and steady restraint while the mandate lasts. Costly; renewals can be vetoed."),
        "pair",
        Cost(budget=6),
        1,
        6,
        True,
        False,
        False,
    ),
    "task_force": InstrumentSpec(
        N_("Task force"),
        N_("Bring UN bodies, regional organisations and NGOs to one table: coordination rises each "
           "turn, and every instrument works better."),
        "none",
        Cost(prestige=1, budget=1),
        0,
        3,
        False,
        True,
        False,
    ),
    "visit": InstrumentSpec(
        N_("Visit to the region"),
        N_("Go yourself. Builds trust and openness with one party, reveals its intentions; raises visibility."),
        "party",
        Cost(prestige=2, budget=0.5),
        0,
        1,
        True,
        True,
        True,
    ),
    "wait": InstrumentSpec(
        N_("Wait"),
        N_("Do nothing new this turn. Prestige recovers a little each turn you do not spend it."),
        "none",
        Cost(),
        0,
        0,
        False,
        False,
        False,
    ),
}

DEPLOYMENT_UPKEEP = 1.0  # budget per turn while troops are deployed
LAUNCH_VISIBILITY = 0.03  # launching a public instrument draws the world's eye
REFERRAL_VISIBILITY = 0.2  # an Article 99 referral puts the crisis before the Council and the press
INCIDENT_DAMPING = 0.4  # preventive deployment multiplies the chance of incidents by this


def leverage(ctx: Ctx) -> float:
    """How much weight the office carries now (chances.leverage)."""
    return chances.leverage(ctx.state)


def mediation_factor(ctx: Ctx, k: int) -> float:
    """Bercovitch's mediation factor on pair k now (chances.mediation)."""
    return chances.mediation(ctx.rules, ctx.state, k)


def openness(ctx: Ctx, i: int) -> float:
    return chances.openness(ctx.state, i)


def mixed_signals(ctx: Ctx, ini: Initiative, salt: int) -> bool:
    """Low coordination sends contradictory signals: the instrument's effect is halved and trust suffers."""
    p = chances.mixed_chance(ctx.state)
    if p <= 0.0:
        return False
    return ctx.dice.uniform(ctx.turn, rng.INSTRUMENT, rng.key_of(rng.stable_hash(ini.key), ini.target, salt)) < p


def contact_party(ctx: Ctx, i: int) -> None:
    """Direct contact with party i: a precise report on its estimated values (intel.py)."""
    base = i * ctx.rules.estimated_per_party
    for j in range(ctx.rules.estimated_per_party):
        ctx.contact(base + j)


def contact_pair(ctx: Ctx, k: int) -> None:
    """Contact with both sides of pair k: precise reports on both parties and on how close they are to the brink."""
    for i in ctx.rules.pair_members[k]:
        contact_party(ctx, i)
    ctx.contact(ctx.rules.first_pressure + k)


def reveal(ctx: Ctx, i: int, cause: Cause) -> None:
    """Show the player party i's intention as it is now (and report on the party, as any contact does)."""
    contact_party(ctx, i)
    p = ctx.state.parties[i]
    first = p.revealed_turn < 0
    p.revealed_turn = ctx.turn
    p.revealed_intention = p.intention
    if first:
        ctx.say("intel", "revealed", (i,), cause)


def track_one_bonus(ctx: Ctx, k: int) -> float:
    """A matured Track II channel upgrades official mediation on the same pair."""
    return chances.TRACK_ONE if track_two_matured(ctx.state, k) else 1.0


def track_two_matured(state: GameState, k: int) -> bool:
    """Whether a Track II channel on pair k has matured by now."""
    return any(i.kind == "track_two" and i.target == k and state.turn >= i.matures for i in state.initiatives)


# Repetition wears an instrument's effect and, for a public one, the world's notice of it (its visibility and its
# move of world opinion): the first ambassador called in is news, the fifth in a week is not.
FATIGUE = 0.6  # each use of the same instrument on the same target in the last FATIGUE_WINDOW turns
FATIGUE_WINDOW = 4


def fatigue(ctx: Ctx, ini: Initiative) -> float:
    """Repetition wears an instrument out: the fifth appeal in a month carries less weight than the first.

    Counts the launches of the same instrument on the same target in the FATIGUE_WINDOW turns before `ini`
    started; called when it is launched, since later launches cannot change that count."""
    return wear(ctx.state, ini.key, ini.target, ini.started)


def wear(state: GameState, key: str, target: int, started: int) -> float:
    """The power left to instrument `key` launched on `target` at turn `started`, after its recent uses."""
    turns = state.recent_launches.get((key, target), ())
    repeats = sum(1 for t in turns if started - FATIGUE_WINDOW <= t < started)
    return FATIGUE**repeats


def record_launch(state: GameState, key: str, target: int) -> None:
    """Note a launch in the state's bookkeeping (last turn per action, recent turns per action and target)."""
    t = state.turn
    state.last_launch[key] = t
    recent = state.recent_launches.get((key, target), ())
    state.recent_launches[(key, target)] = (*(u for u in recent if u >= t - FATIGUE_WINDOW), t)


def act(ctx: Ctx, ini: Initiative, power: float) -> None:
    """Apply the effect of an active instrument for this turn (only called from its maturity on)."""
    _ACTS[ini.kind](ctx, ini, power * ini.fatigue, initiative_cause(ctx.rules, ini))


def initiative_cause(rules: Rules, ini: Initiative) -> Cause:
    """The cause an initiative's effects are recorded under: the instrument and the id of its target, as when it
    was launched, so that each order's effects read as its own."""
    kind = rules.instruments[ini.key].target
    if kind == "pair":
        return rules.cause(INSTRUMENT, ini.key, (rules.pair_ids[ini.target],))
    if kind == "party":
        return rules.cause(INSTRUMENT, ini.key, (rules.party_ids[ini.target],))
    return rules.cause(INSTRUMENT, ini.key)


def _good_offices(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    k = ini.target
    a, b = ctx.rules.pair_members[k]
    if ctx.turn == ini.matures:
        mixed = mixed_signals(ctx, ini, 1)
        chance = chances.good_offices(ctx.rules, ctx.state, k, power, track_two_matured(ctx.state, k), mixed).value
        reveal(ctx, a, cause)
        reveal(ctx, b, cause)
        ctx.contact(ctx.rules.first_pressure + k)
        if ctx.dice.uniform(ctx.turn, rng.INSTRUMENT, rng.key_of(rng.stable_hash(ini.key), k, 7)) < chance:
            ctx.pressure(k, -0.8 * power, cause)
            for i in (a, b):
                ctx.party(i, "hostility", -0.06 * power, cause)
                ctx.party(i, "grievance", -0.02 * power, cause)
                ctx.party(i, "trust", 0.03, cause)
            ctx.office("prestige", 3.0, cause)
            ctx.say("result", "good_offices_accepted", (k,), cause)
        else:
            reasons = _believed(ctx, lambda w: chances.good_offices(ctx.rules, w, k, power,
                                                                    track_two_matured(w, k), mixed))
            ctx.office("prestige", -4.0, cause)
            lower = a if openness(ctx, a) < openness(ctx, b) else b
            ctx.party(lower, "trust", -0.02, cause)
            ctx.stir(b if lower == a else a, "trust")  # the estimates must not tell which side it was
            ctx.say("result", "good_offices_rebuffed", (k,), cause, reasons)
        if mixed:
            _mixed_message(ctx, cause, (a, b))
    for i in (a, b):
        ctx.party(i, "engagement", 0.3 * power, cause)


def _special_envoy(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    k = ini.target
    a, b = ctx.rules.pair_members[k]
    if ctx.turn == ini.matures:
        reveal(ctx, a, cause)
        reveal(ctx, b, cause)
    contact_pair(ctx, k)  # the envoy reports every turn
    mixed = mixed_signals(ctx, ini, ctx.turn)
    chance = chances.envoy(ctx.rules, ctx.state, k, power, track_two_matured(ctx.state, k), mixed).value
    if ctx.dice.uniform(ctx.turn, rng.INSTRUMENT, rng.key_of(rng.stable_hash(ini.key), k, 11)) < chance:
        ctx.pressure(k, -0.35 * power, cause)
        for i in (a, b):
            ctx.party(i, "hostility", -0.03 * power, cause)
        ctx.say("result", "envoy_progress", (k,), cause)
    if mixed:
        _mixed_message(ctx, cause, (a, b))
    for i in (a, b):
        ctx.party(i, "engagement", 0.2 * power, cause)


def _public_appeal(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    k = ini.target
    a, b = ctx.rules.pair_members[k]
    watch = 0.5 + ctx.state.office.visibility
    strength = power * leverage(ctx) * watch
    ctx.pressure(k, -0.3 * strength * mediation_factor(ctx, k) / 0.5, cause)
    for i in (a, b):
        ctx.party(i, "restraint", 0.02 * strength, cause)
        ctx.party(i, "hostility", -0.03 * strength * ctx.state.parties[i].receptivity, cause)
        ctx.party(i, "audience_cost", 0.08, cause)
        ctx.party(i, "engagement", 0.15 * power, cause)
    ctx.office("visibility", 0.08 * ini.fatigue, cause)


def _private_appeal(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    i = ini.target
    if ctx.rules.party_roles[i] != "disputant":
        _appeal_to_third_party(ctx, i, power, cause)
        return
    open_ = openness(ctx, i)
    if mixed_signals(ctx, ini, 3):
        power *= 0.5
        _mixed_message(ctx, cause, (i,))
    heard = ctx.answers.get((i, ini.key)) if ctx.answers else None  # the answer of the party's own players
    if heard is None:
        brush = chances.brushed_off(ctx.state, i).value
        brushed = ctx.dice.uniform(ctx.turn, rng.INSTRUMENT, rng.key_of(rng.stable_hash(ini.key), i, 5)) < brush
    else:
        brushed = not heard
        ctx.say("result", "seat_answered", (i, ini.key, HEARD if heard else BRUSH_OFF), cause)
    if brushed:
        ctx.office("prestige", -1.0, cause)
        reasons = _believed(ctx, lambda w: chances.brushed_off(w, i)) if heard is None else None
        ctx.say("result", "appeal_brushed_off", (i,), cause, reasons)
        return
    ctx.party(i, "hostility", -0.06 * power * leverage(ctx) * (0.5 + open_), cause)
    ctx.party(i, "grievance", -0.02 * power, cause)
    ctx.party(i, "engagement", 0.3 * power, cause)


def _appeal_to_third_party(ctx: Ctx, i: int, power: float, cause: Cause) -> None:
    """A private message to a mediator or an observer: it asks for help, not restraint, so it raises openness to
    the office's work (and, for a mediator, the weight it lends to your mediation)."""
    open_ = openness(ctx, i)
    ctx.party(i, "receptivity", 0.05 * power * leverage(ctx) * (0.5 + open_), cause)
    ctx.party(i, "trust", 0.02 * power, cause)
    ctx.party(i, "engagement", 0.3 * power, cause)


def _track_two(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    k = ini.target
    a, b = ctx.rules.pair_members[k]
    if ctx.turn == ini.matures:
        reveal(ctx, a, cause)
        reveal(ctx, b, cause)
        ctx.say("intel", "track_two_matured", (k,), cause)
    contact_pair(ctx, k)  # the channel's participants report every turn
    for i in (a, b):
        ctx.party(i, "grievance", -0.012 * power, cause)
        ctx.party(i, "receptivity", 0.03 * power, cause)
    ctx.pressure(k, -0.08 * power, cause)


def _early_warning(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    ctx.office("intelligence", 0.05 * power, cause)


# The address of each kind of vote's draws (kept as first written, so that saved games replay identically).
_VOTE_KEYS = {
    "resolution": "resolution on {}",
    "mandate": "mandate for a preventive deployment on {}",
    "renewal": "renewal of the mandate on {}",
}


def council_vote(ctx: Ctx, k: int, vote: str, cause: Cause) -> bool:
    """A Security Council vote on a pair (`vote`: resolution, mandate or renewal): each permanent member may
    veto (references §2: mandates, renewals). A veto's reasons are public: the member's support, whether it is
    a party, how closely the world is watching."""
    what = _VOTE_KEYS[vote].format(ctx.rules.pair_ids[k])
    a, b = ctx.rules.pair_members[k]
    for m, support in enumerate(ctx.state.council):
        if not ctx.rules.council_permanent[m]:
            continue
        chance = chances.veto(ctx.rules, ctx.state, m, k)
        draw = ctx.dice.uniform(ctx.turn, rng.COUNCIL, rng.key_of(m, rng.stable_hash(what), k))
        if draw < chance:
            involved = ctx.rules.council_party[m] in (a, b)
            why = chances.Chance("passes", 1.0 - chance, (chances.Term(
                "veto", 1.0 - chance, 0.8, (m, support, involved, ctx.state.office.visibility)),))
            ctx.say("council", "veto", (m, vote, k), Cause(COUNCIL, ctx.rules.council_ids[m]), why)
            return False
    ctx.say("council", "adopted", (vote, k), cause)
    return True


def _article_99(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    k = ini.target
    a, b = ctx.rules.pair_members[k]
    ctx.office("visibility", REFERRAL_VISIBILITY * ini.fatigue, cause)
    if ctx.state.pairs[k].rung < 2:
        ctx.office("prestige", -3.0, cause)
        ctx.say("council", "no_threat_yet", (k,), cause)
        return
    if council_vote(ctx, k, "resolution", cause):
        ctx.pressure(k, -0.4 * power, cause)
        ctx.office("prestige", 4.0, cause)
        for i in (a, b):
            ctx.party(i, "restraint", 0.06 * power, cause)
            ctx.party(i, "audience_cost", 0.1, cause)
    else:
        ctx.office("prestige", -6.0, cause)
        for i in (a, b):
            ctx.party(i, "audience_cost", 0.05, cause)


def _preventive_deployment(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    k = ini.target
    pair = ctx.state.pairs[k]
    a, b = ctx.rules.pair_members[k]
    if ctx.turn == ini.matures:
        if not council_vote(ctx, k, "mandate", cause):
            ctx.office("prestige", -4.0, cause)
            ini.ends = ctx.turn
            return
        pair.deployment_left = ini.ends - ctx.turn + 1
        ctx.office("visibility", 0.05, cause)
    elif pair.deployment_left <= 0 or ctx.state.office.budget < DEPLOYMENT_UPKEEP:
        ini.ends = ctx.turn
        pair.deployment_left = 0
        ctx.say("council", "deployment_withdrawn", (k,), cause)
        return
    if ctx.turn == ini.ends and ini.ends < ctx.rules.turns - 1:
        if council_vote(ctx, k, "renewal", cause):
            ini.ends += ctx.rules.instruments[ini.key].duration
        else:
            ctx.say("council", "mandate_ends", (k,), cause)
    pair.deployment_left = ini.ends - ctx.turn
    ctx.office("budget", -DEPLOYMENT_UPKEEP, cause)
    ctx.pressure(k, -0.15 * power, cause)
    for i in (a, b):
        ctx.party(i, "hostility", -0.02 * power, cause)


def _task_force(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    ctx.office("coordination", 0.07 * power, cause)


def _visit(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    i = ini.target
    reveal(ctx, i, cause)
    ctx.office("visibility", 0.05 * ini.fatigue, cause)
    if chances.cold_reception(ctx.state, i).value:
        ctx.office("prestige", -3.0, cause)
        ctx.say("result", "received_coldly", (i,), cause, _believed(ctx, lambda w: chances.cold_reception(w, i)))
        return
    ctx.party(i, "trust", 0.06 * power * leverage(ctx), cause)
    ctx.party(i, "receptivity", 0.05 * power, cause)
    ctx.party(i, "engagement", 0.4 * power, cause)


def _wait(ctx: Ctx, ini: Initiative, power: float, cause: Cause) -> None:
    return None


def _believed(ctx: Ctx, chance) -> chances.Chance | None:
    """A chance's terms as the player could have known them: `chance` evaluated on the world of their estimates
    at the start of the turn (only when the turn is recorded: the reasons are for the reports)."""
    if not ctx.record:
        return None
    from .intel import believed_state  # intel needs the rules, which need this module's SPECS

    return chance(believed_state(ctx.state, ctx.rules, ctx.beliefs))


def _mixed_message(ctx: Ctx, cause: Cause, parties: tuple[int, ...]) -> None:
    for i in parties:
        ctx.party(i, "trust", -0.02, cause)
    ctx.say("warning", "mixed_signals", (), cause)


_ACTS = {
    "good_offices": _good_offices,
    "special_envoy": _special_envoy,
    "public_appeal": _public_appeal,
    "private_appeal": _private_appeal,
    "track_two": _track_two,
    "early_warning": _early_warning,
    "article_99": _article_99,
    "preventive_deployment": _preventive_deployment,
    "task_force": _task_force,
    "visit": _visit,
    "wait": _wait,
}
