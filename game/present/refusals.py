"""Why something cannot be done now, in words: record.Refusal as the player reads it."""

from __future__ import annotations

from game.engine import Action, Rules
from game.engine.record import Refusal
from game.i18n import N_, _, tr, trn
from game.i18n.formats import localized, money

from .conditions import requirement_text
from .news import role_words
from .words import action_label, date_text, mode_name, pair_name, plural, target_name, use_name


def _money(x: float) -> str:
    return money(f"{x:.1f}")


def _prestige(x: float) -> str:
    return localized(f"{x:.0f}" if abs(x - round(x)) < 0.05 else f"{x:.1f}")


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
    starts = tuple(_(word) for word in REQUIREMENT_STARTS)
    return text if text.startswith(starts) else tr("when: {text}", text=text)


# How a requirement in words can begin and still follow 'possible only' ('possible only after …').
REQUIREMENT_STARTS = (N_("after "), N_("before "), N_("from "), N_("until "), N_("once "), N_("while "), N_("when "),
                      N_("if "), N_("unless "), N_("on "), N_("either "))


def refusal_text(rules: Rules, refusal: Refusal, typed: bool = False) -> str:
    """The reason in one plain sentence (no full stop: it is shown after "Not possible now: "). With `typed`
    (the text mode, where the player types ids) the choices it lists carry the id to type."""
    code, args = refusal.code, refusal.args
    if code == "game_over":
        return _("the game is over")
    if code == "game_not_over":
        return _("the game is not over yet")
    if code == "already_ordered":
        use, target, mode = args
        return tr("{action_label} is already in this turn's orders",
                  action_label=action_label(rules, Action(use, target, mode)))
    if code == "unknown_action":
        return tr("unknown instrument or proposal '{args}'", args=args[0])
    if code == "takes_no_target":
        return tr("{use_name} takes no target", use_name=use_name(rules, args[0]))
    if code == "needs_target":
        key, kind = args
        valid = rules.pair_ids if kind == "pair" else rules.party_ids
        return tr("{use_name} needs a target: {listed}",
                  use_name=use_name(rules, key), listed=_listed(rules, valid, typed))
    if code == "not_a_target":
        key, target, kind = args
        valid = rules.pair_ids if kind == "pair" else rules.party_ids
        what = _("pair of parties") if kind == "pair" else "party"
        return tr("'{target}' is not a {what}; choose one of {listed}",
                  target=target, what=what, listed=_listed(rules, valid, typed))
    if code == "not_available":
        key, first, last = args
        if first > 0 and last < rules.turns - 1:
            return (tr("{use_name} is possible only from {date_text} to {date_text2}",
                       use_name=use_name(rules, key), date_text=date_text(rules, first),
                       date_text2=date_text(rules, last)))
        if first > 0:
            return tr("{use_name} is not possible before {date_text}",
                      use_name=use_name(rules, key), date_text=date_text(rules, first))
        return tr("{use_name} is no longer possible after {date_text}",
                  use_name=use_name(rules, key), date_text=date_text(rules, last))
    if code == "requirement":
        key = args[0]
        return tr("{use_name} is possible only {requirement_phrase}",
                  use_name=use_name(rules, key), requirement_phrase=requirement_phrase(rules, key))
    if code == "under_way":
        key, target = args
        where = tr(" with {target}", target=target_name(rules, target)) if target else ""
        return tr("{use_name} is already under way{where}", use_name=use_name(rules, key), where=where)
    if code == "too_late":
        return _("too late for a preventive deployment: the parties are at war")
    if code == "proposal_mode":
        prop = rules.proposals[args[0]]
        return tr("{use_name} can be floated {join}: choose which",
                  use_name=use_name(rules, prop.key), join=_(" or ").join(mode_name(m) for m in prop.modes))
    if code == "proposal_target":
        prop = rules.proposals[args[0]]
        return tr("{use_name} is put to {pair_name}; it takes no other target",
                  use_name=use_name(rules, prop.key), pair_name=pair_name(rules, prop.pair))
    if code == "proposal_accepted":
        return tr("{use_name} has already been accepted", use_name=use_name(rules, args[0]))
    if code == "proposal_cooldown":
        key, last, again = args
        return (tr("the parties turned {use_name} down on {date_text}; they will not hear it again before "
                   "{date_text2}",
                   use_name=use_name(rules, key), date_text=date_text(rules, last), date_text2=date_text(rules, again)))
    if code == "needs_prestige":
        key, need, have = args
        return tr("{use_name} needs {need:g} prestige; you have {prestige}",
                  use_name=use_name(rules, key), need=need, prestige=_prestige(have))
    if code == "needs_budget":
        key, need, have = args
        return tr("{use_name} needs {need}; you have {money}",
                  use_name=use_name(rules, key), need=money(f"{need:g}"), money=_money(have))
    if code == "needs_envoys":
        key, need, free = args
        return trn("{use_name} needs {envoys}; {n} free", "{use_name} needs {envoys}; {n} free", free,
                   use_name=use_name(rules, key), envoys=plural(need, 'free envoy'))
    if code == "no_attention":
        capacity, drawn = args
        extra = trn(" ({n} drawn away by emergencies elsewhere)", " ({n} drawn away by emergencies elsewhere)",
                    drawn) if drawn else ""
        return tr("no attention left: {plural_value} can run at once{extra}",
                  plural_value=plural(capacity, 'initiative'), extra=extra)
    if code == "not_pending":
        return tr("no decision is pending on '{args}'", args=args[0])
    if code == "no_such_choice":
        key, choice = args
        options = ", ".join(_choices_of(rules, key, typed))
        return tr("'{event_title}' has no option '{choice}'; choose one of {options}",
                  event_title=_event_title(rules, key), choice=choice, options=options)
    if code == "choice_unaffordable":
        key, choice, resource, need, have = args
        label = next((c.label for e in rules.events if e.key == key for c in e.choices if c.key == choice), choice)
        if resource == "prestige":
            return tr("'{label}' needs {need:g} prestige; you have {prestige} left this turn",
                      label=label, need=need, prestige=_prestige(have))
        return tr("'{label}' needs ${need:g}m; you have {money} left this turn",
                  label=label, need=need, money=_money(have))
    if code == "answers_unaffordable":
        prestige, budget = args
        return tr("your answers to this turn's events cost {prestige:g} prestige and ${budget:g}m; you cannot "
                  "afford them",
                  prestige=prestige, budget=budget)
    if code == "intervention_turn":
        theirs, now = args
        return tr("this intervention is for turn {value}, but the game is at turn {value2}",
                  value=theirs + 1, value2=now + 1)
    if code == "no_such_event":
        return tr("the scenario has no event '{args}'", args=args[0])
    if code == "event_pending":
        return tr("'{event_title}' is already awaiting an answer", event_title=_event_title(rules, args[0]))
    if code == "not_a_party":
        return tr("'{args}' is not a party; choose one of {listed}",
                  args=args[0], listed=_listed(rules, rules.party_ids, typed))
    if code == "not_a_disputant":
        party, role = args
        return tr("{target_name} is {role}: it takes part in no pair and makes no decisions to set",
                  target_name=target_name(rules, party), role=tr("a {role}", role=role_words(role)) if role[0] not in
                  "aeiou" else tr("an {role}", role=role_words(role)))
    if code == "bad_decision":
        return tr("a party can only escalate, hold or step back, not '{args}'", args=args[0])
    if code == "unknown_intervention":
        return tr("unknown intervention '{args}' (known: inject, override)", args=args[0])
    if code == "not_asked":
        party, subject = args
        return tr("{target_name} was not asked {name} this turn: a party answers only the proposals and appeals "
                  "addressed to it", target_name=target_name(rules, party), name=use_name(rules, subject))
    if code == "bad_answer":
        subject, answer, kind = args
        if kind == "appeal":
            return tr("an appeal is heard or brushed off, not '{answer}'", answer=answer)
        return tr("a proposal is accepted or refused, not '{answer}'", answer=answer)
    if code == "answered_twice":
        party, subject = args
        return tr("{target_name} has already answered {name}", target_name=target_name(rules, party),
                  name=use_name(rules, subject))
    return code.replace("_", " ")
