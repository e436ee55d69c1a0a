"""Plain words for numbers, actions, targets, costs and timings, shared by every front end so that a move is
named the same way everywhere."""

from __future__ import annotations

from game.engine import Action, Game, Rules
from game.engine.intel import believed_state
from game.engine.proposals import refusal_cost
from game.i18n import N_, N_plural, _, ngettext, tr
from game.i18n.formats import localized, money
from game.scenario.model import Cost

from .dates import turn_date

NOUNS = {
    "turn": N_plural("{n} turn", "{n} turns"),
    "day": N_plural("{n} day", "{n} days"),
    "week": N_plural("{n} week", "{n} weeks"),
    "month": N_plural("{n} month", "{n} months"),
    "envoy": N_plural("{n} envoy", "{n} envoys"),
    "free envoy": N_plural("{n} free envoy", "{n} free envoys"),
    "initiative": N_plural("{n} initiative", "{n} initiatives"),
    "order": N_plural("{n} order", "{n} orders"),
    "order or answer": N_plural("{n} order or answer", "{n} orders or answers"),
    "intervention": N_plural("{n} intervention", "{n} interventions"),
    "error": N_plural("{n} error", "{n} errors"),
    "student": N_plural("{n} student", "{n} students"),
    "action": N_plural("{n} action", "{n} actions"),
    "game": N_plural("{n} game", "{n} games"),
    "attention slot": N_plural("{n} attention slot", "{n} attention slots"),
    "team": N_plural("{n} team", "{n} teams"),
    "ballot": N_plural("{n} ballot", "{n} ballots"),
    "vote": N_plural("{n} vote", "{n} votes"),
}


def plural(n: int | float, word: str) -> str:
    """'1 turn', '3 turns', '0.5 envoys' — in the language, for the nouns the game counts (NOUNS)."""
    if word in NOUNS:
        return ngettext(*NOUNS[word], n).format(n=localized(f"{n:g}"))
    return f"{n:g} {word}" if n == 1 else f"{n:g} {word}s"


def cost_text(cost, attention: bool = False, sep: str = " · ") -> str:
    """What an action costs, e.g. '6 prestige · $1m · 1 envoy', or 'free'."""
    parts = []
    if cost.prestige:
        parts.append(tr("{n} prestige", n=localized(f"{cost.prestige:g}")))
    if cost.budget:
        parts.append(money(f"{cost.budget:g}"))
    if cost.envoys:
        parts.append(plural(cost.envoys, "envoy"))
    if attention:
        parts.append(_("1 attention"))
    return sep.join(parts) or _("free")


def mode_name(mode: str | None) -> str:
    """How a proposal is floated, in words: 'private' (the default) or 'public'."""
    return _("public") if mode == "public" else _("private")


def party_name(rules: Rules, party: int | str) -> str:
    """A party's name from its index or id (the id itself when it names no party)."""
    pid = rules.party_ids[party] if isinstance(party, int) else party
    return rules.party_names.get(pid, pid)


def pair_name(rules: Rules, pair: int | str, sep: str = " – ") -> str:
    """'Karelia – Lowmark' for a pair index or id (the id itself when it names no pair)."""
    if isinstance(pair, int):
        pair = rules.pair_ids[pair]
    if pair not in rules.pair_ids:
        return pair
    a, b = rules.pair_members[rules.pair_ids.index(pair)]
    sep = _(" and ") if sep == " and " else sep
    return f"{rules.party_names[rules.party_ids[a]]}{sep}{rules.party_names[rules.party_ids[b]]}"


def target_name(rules: Rules, target: str | None) -> str:
    """A party's or a pair's name for its id; '' for no target."""
    if target is None:
        return ""
    if target in rules.party_names:
        return rules.party_names[target]
    return pair_name(rules, target)


def use_name(rules: Rules, use: str) -> str:
    """The name of an instrument or a proposal (proposals in quotes, as titles); the id when it names neither."""
    if use in rules.proposals:
        return f"'{rules.proposals[use].name}'"
    ins = rules.instruments.get(use)
    return ins.name if ins else use


def action_label(rules: Rules, action: Action, *, names: bool = True) -> str:
    """'Good offices → Karelia – Lowmark', 'Slow filling… (private)'; with `names` off the target's id is shown
    (the text mode, where the player types ids)."""
    if action.use in rules.proposals:
        return f"{rules.proposals[action.use].name} ({mode_name(action.mode)})"
    ins = rules.instruments.get(action.use)
    name = ins.name if ins else action.use
    if not action.target:
        return name
    return f"{name} → {target_name(rules, action.target) if names else action.target}"


def action_cost(rules: Rules, action: Action, game: Game | None = None, sep: str = " · ") -> str:
    """What one order costs, in words; for a proposal, with `game`, what a refusal would cost on top
    ('4 prestige · if refused, 2 prestige more (6 prestige in all)')."""
    if action.use in rules.proposals:
        price = cost_text(rules.proposals[action.use].cost, sep=sep)
        extra = refusal_extra(game, action.use, action.mode) if game is not None else ""
        return f"{price}{sep}{extra}" if extra else price
    ins = rules.instruments[action.use]
    return cost_text(ins.cost, ins.attention, sep=sep)


def refusal_extra(game: Game, key: str, mode: str | None) -> str:
    """What a refusal of proposal `key` floated in `mode` would cost beyond its price, as far as the player can
    tell ('if refused, 2 prestige more (6 prestige in all)'); '' when a refusal costs nothing more."""
    prop = game.rules.proposals[key]
    world = believed_state(game.state, game.rules, game.filter)
    loss = refusal_cost(world, prop, mode or "private")
    extra = Cost(prestige=_loss(loss.prestige), budget=_loss(loss.budget))
    if not (extra.prestige or extra.budget):
        return ""
    total = Cost(prestige=prop.cost.prestige + extra.prestige, budget=prop.cost.budget + extra.budget,
                 envoys=prop.cost.envoys)
    return tr("if refused, {extra} more ({total} in all)",
              extra=cost_text(extra, sep=_(" and ")), total=cost_text(total, sep=_(" and ")))


def _loss(x: float) -> float:
    """A loss as a cost shows it: none below a hundredth, rounded to a tenth."""
    return round(x, 1) if x >= 0.01 else 0.0


def timing_text(rules: Rules, key: str) -> str:
    """When an instrument acts and how long it lasts, in the scenario's turn unit."""
    unit = rules.scenario.calendar.turn_unit
    if key in rules.proposals:
        return _("decided at once")
    ins = rules.instruments[key]
    if ins.kind == "wait":
        return _("this turn")
    delay = _("acts at once") if ins.delay == 0 else tr("acts after {plural_value}",
                                                     plural_value=plural(ins.delay, unit))
    lasts = tr(", lasts {duration}", duration=plural(ins.duration, unit)) if ins.duration > 1 else ""
    return delay + lasts


PREVENTION = {
    "prevented": N_("A failure prevented (without you: {title})"),
    "not_prevented": N_("A failure not prevented (without you: {title})"),
    "nothing": N_("No failure to prevent (without you: {title})"),
}


def prevention_label(their_rating: str, prevention: float, title: str) -> str:
    """The score's line for prevention, true to what happened: a failure prevented (the points), a failure that
    happened anyway, or no failure to prevent (without you the game ended `title`, rated `their_rating`)."""
    key = "prevented" if prevention else "not_prevented" if their_rating == "failure" else "nothing"
    return tr(PREVENTION[key], title=title)


def date_text(rules: Rules, turn: int) -> str:
    """The date of a turn (clamped to the calendar) in words: '17 October 1962', 'August 1995'."""
    return turn_date(rules, turn)
