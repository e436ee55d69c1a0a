"""Why something cannot be done now, in words: record.Refusal as the player reads it."""

from __future__ import annotations

from game.engine import Action, Rules
from game.engine.record import Refusal

from .conditions import requirement_text
from .words import action_label, date_text, pair_name, plural, target_name, use_name


def _money(x: float) -> str:
    return f"${x:.1f}m"


def _prestige(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 0.05 else f"{x:.1f}"


def _event_title(rules: Rules, key: str) -> str:
    return next((e.title for e in rules.events if e.key == key), key)


def _choices_of(rules: Rules, key: str, typed: bool) -> list[str]:
    """An event's options by label, with the id to type when the player types: 'Call for restraint
    (call_restraint)'."""
    ev = next((e for e in rules.events if e.key == key), None)
    return [f"{c.label} ({c.key})" if typed else c.label for c in ev.choices] if ev else []


def _listed(rules: Rules, ids: list[str], typed: bool) -> str:
    """Targets by name, with the id to type after each when the player types: 'United States (usa), …'."""
    return ", ".join(f"{target_name(rules, i)} ({i})" if typed else target_name(rules, i) for i in ids)


def requirement_phrase(rules: Rules, key: str) -> str:
    """The requirement as it follows 'possible only': 'after …', 'from …', else 'when: …'."""
    text = requirement_text(rules, key)
    starts = ("after ", "before ", "from ", "until ", "once ", "while ", "when ", "if ", "unless ", "on ", "either ")
    return text if text.startswith(starts) else f"when: {text}"


def refusal_text(rules: Rules, refusal: Refusal, typed: bool = False) -> str:
    """The reason in one plain sentence (no full stop: it is shown after "Not possible now: "). With `typed`
    (the text mode, where the player types ids) the choices it lists carry the id to type."""
    code, args = refusal.code, refusal.args
    if code == "game_over":
        return "the game is over"
    if code == "game_not_over":
        return "the game is not over yet"
    if code == "already_ordered":
        use, target, mode = args
        return f"{action_label(rules, Action(use, target, mode))} is already in this turn's orders"
    if code == "unknown_action":
        return f"unknown instrument or proposal '{args[0]}'"
    if code == "takes_no_target":
        return f"{use_name(rules, args[0])} takes no target"
    if code == "needs_target":
        key, kind = args
        valid = rules.pair_ids if kind == "pair" else rules.party_ids
        return f"{use_name(rules, key)} needs a target: {_listed(rules, valid, typed)}"
    if code == "not_a_target":
        key, target, kind = args
        valid = rules.pair_ids if kind == "pair" else rules.party_ids
        what = "pair of parties" if kind == "pair" else "party"
        return f"'{target}' is not a {what}; choose one of {_listed(rules, valid, typed)}"
    if code == "not_available":
        key, first, last = args
        if first > 0 and last < rules.turns - 1:
            return (f"{use_name(rules, key)} is possible only from {date_text(rules, first)} to "
                    f"{date_text(rules, last)}")
        if first > 0:
            return f"{use_name(rules, key)} is not possible before {date_text(rules, first)}"
        return f"{use_name(rules, key)} is no longer possible after {date_text(rules, last)}"
    if code == "requirement":
        key = args[0]
        return f"{use_name(rules, key)} is possible only {requirement_phrase(rules, key)}"
    if code == "under_way":
        key, target = args
        where = f" with {target_name(rules, target)}" if target else ""
        return f"{use_name(rules, key)} is already under way{where}"
    if code == "too_late":
        return "too late for a preventive deployment: the parties are at war"
    if code == "proposal_mode":
        prop = rules.proposals[args[0]]
        return f"{use_name(rules, prop.key)} can be floated {' or '.join(prop.modes)}: choose which"
    if code == "proposal_target":
        prop = rules.proposals[args[0]]
        return f"{use_name(rules, prop.key)} is put to {pair_name(rules, prop.pair)}; it takes no other target"
    if code == "proposal_accepted":
        return f"{use_name(rules, args[0])} has already been accepted"
    if code == "proposal_cooldown":
        key, last, again = args
        return (f"the parties turned {use_name(rules, key)} down on {date_text(rules, last)}; they will not hear "
                f"it again before {date_text(rules, again)}")
    if code == "needs_prestige":
        key, need, have = args
        return f"{use_name(rules, key)} needs {need:g} prestige; you have {_prestige(have)}"
    if code == "needs_budget":
        key, need, have = args
        return f"{use_name(rules, key)} needs ${need:g}m; you have {_money(have)}"
    if code == "needs_envoys":
        key, need, free = args
        return f"{use_name(rules, key)} needs {plural(need, 'free envoy')}; {free} free"
    if code == "no_attention":
        capacity, drawn = args
        extra = f" ({drawn} drawn away by emergencies elsewhere)" if drawn else ""
        return f"no attention left: {plural(capacity, 'initiative')} can run at once{extra}"
    if code == "not_pending":
        return f"no decision is pending on '{args[0]}'"
    if code == "no_such_choice":
        key, choice = args
        options = ", ".join(_choices_of(rules, key, typed))
        return f"'{_event_title(rules, key)}' has no option '{choice}'; choose one of {options}"
    if code == "choice_unaffordable":
        key, choice, resource, need, have = args
        label = next((c.label for e in rules.events if e.key == key for c in e.choices if c.key == choice), choice)
        if resource == "prestige":
            return f"'{label}' needs {need:g} prestige; you have {_prestige(have)} left this turn"
        return f"'{label}' needs ${need:g}m; you have {_money(have)} left this turn"
    if code == "answers_unaffordable":
        prestige, budget = args
        return f"your answers to this turn's events cost {prestige:g} prestige and ${budget:g}m; you cannot afford them"
    if code == "intervention_turn":
        theirs, now = args
        return f"this intervention is for turn {theirs + 1}, but the game is at turn {now + 1}"
    if code == "no_such_event":
        return f"the scenario has no event '{args[0]}'"
    if code == "event_pending":
        return f"'{_event_title(rules, args[0])}' is already awaiting an answer"
    if code == "not_a_party":
        return f"'{args[0]}' is not a party; choose one of {_listed(rules, rules.party_ids, typed)}"
    if code == "not_a_disputant":
        party, role = args
        return (f"{target_name(rules, party)} is a{'n' if role[0] in 'aeiou' else ''} {role}: it takes part in no "
                "pair and makes no decisions to set")
    if code == "bad_decision":
        return f"a party can only escalate, hold or step back, not '{args[0]}'"
    if code == "unknown_intervention":
        return f"unknown intervention '{args[0]}' (known: inject, override)"
    return code.replace("_", " ")
