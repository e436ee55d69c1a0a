"""Conditions in plain words: what an instrument or a proposal needs, as the player reads it.

A scenario may say it itself (`requires_label`); otherwise the compiled expression is walked and written with
the scenario's names: parties and pairs by name, rungs by their ladder names, dates as dates, events by their
titles ("after 'The quarantine speech'"), never ids or operators.
"""

from __future__ import annotations

import datetime as dt

from game.engine import Rules
from game.i18n import N_, _, tr, trn
from game.i18n.formats import labelled, localized
from game.scenario.expr import Arith, Call, Compare, Const, Expression, Logic, Name, Neg, Not

from .dates import day_text, turn_date
from .news import event_title
from .values import ATTRIBUTES, attribute_word, scale_of, value_text, variable_name
from .words import pair_name, party_name, use_name

WORDS = {"and": N_("and"), "or": N_("or")}
FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
PHRASES = {">=": N_("at {x} or more"), ">": N_("above {x}"), "<=": N_("at {x} or less"), "<": N_("below {x}"),
           "==": N_("at exactly {x}"), "!=": N_("other than {x}")}
GLOBAL_NOUNS = {
    "prestige": N_("your prestige"), "budget": N_("your budget"), "envoys": N_("your envoys"),
    "envoys_free": N_("your free envoys"), "attention": N_("your attention"),
    "attention_free": N_("your free attention"), "intelligence": N_("intelligence"),
    "coordination": N_("coordination"), "visibility": N_("visibility"), "max_rung": N_("the highest rung of any pair"),
    "turns_left": N_("the turns left"), "turn": N_("the turn"), "date": N_("the date"),
}
OFFICE = ("prestige", "budget", "envoys", "attention", "intelligence", "coordination", "visibility")


def requirement_text(rules: Rules, key: str) -> str:
    """What an instrument or a proposal needs before it can be used, in words ('' when it needs nothing)."""
    for section, items in (("instruments", rules.scenario.instruments), ("proposals", rules.scenario.proposals)):
        for i, item in enumerate(items):
            if (item.key if section == "instruments" else item.id) != key or not item.requires:
                continue
            if item.requires_label:
                return item.requires_label
            expr = rules.compiled.expression(section, i, "requires")
            return condition_text(rules, expr) if expr is not None else ""
    return ""


def condition_text(rules: Rules, expr: Expression) -> str:
    """A compiled condition in words."""
    return _say(rules, expr.tree, False)


# ---- the walk -----------------------------------------------------------------------------------------------


def _say(rules: Rules, node, negate: bool) -> str:
    if isinstance(node, Not):
        return _say(rules, node.operand, not negate)
    if isinstance(node, Logic):
        word = ("or" if node.op == "and" else "and") if negate else node.op
        parts = [_grouped(rules, item, negate, word) for item in node.items]
        return _join(parts, _(WORDS[word]))
    if isinstance(node, Compare):
        return _compare(rules, node, negate)
    if isinstance(node, Name):
        return _flag(rules, node.ref, negate)
    if isinstance(node, Const):
        return _("never") if bool(node.value) == negate else _("always")
    noun = _noun(rules, node)
    return tr("{noun} is zero", noun=noun) if negate else tr("{noun} is not zero", noun=noun)


def _grouped(rules: Rules, node, negate: bool, outer: str) -> str:
    """An item of an 'and' or 'or' list; a list of the other kind inside it reads 'either … or …' or
    'both … and …', so that the grouping the author wrote in brackets survives."""
    inner = node
    while isinstance(inner, Not):
        inner, negate = inner.operand, not negate
    if isinstance(inner, Logic):
        word = ("or" if inner.op == "and" else "and") if negate else inner.op
        if word != outer:
            return (_("either ") if word == "or" else _("both ")) + _say(rules, inner, negate)
    return _say(rules, inner, negate)


def _join(parts: list[str], word: str) -> str:
    """'a, b and c'; with semicolons when an item is itself a list ('either a or b; c; and d')."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) > 2 and any(", " in p or p.startswith((_("either "), _("both "))) for p in parts):
        return _("; ").join(parts[:-1]) + _("; ") + f"{word} " + parts[-1]
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def _flag(rules: Rules, ref, negate: bool) -> str:
    """A name read as true or false."""
    kind, key, attr = ref
    if kind == "fired":
        title = event_title(rules, key)
        return tr("before '{title}'", title=title) if negate else tr("after '{title}'", title=title)
    if kind == "accepted":
        name = use_name(rules, key)
        return tr("while {name} is not accepted", name=name) if negate else tr("once {name} is accepted", name=name)
    if kind == "chose":
        ev = next((e for e in rules.events if e.key == key), None)
        label = next((c.label for c in ev.choices if c.key == attr), attr) if ev else attr
        title = event_title(rules, key)
        return tr("unless you answered '{title}' with '{label}'", title=title, label=label) if negate else \
            tr("if you answered '{title}' with '{label}'", title=title, label=label)
    if kind == "used":
        name = use_name(rules, key)
        return tr("before you use {name}", name=name) if negate else tr("after you have used {name}", name=name)
    if kind == "var" and isinstance(rules.scenario.variables.get(attr), bool):
        return labelled(variable_name(rules, attr), _("no") if negate else _("yes"))
    noun = _ref_noun(rules, ref)
    return tr("{noun} is zero", noun=noun) if negate else tr("{noun} is not zero", noun=noun)


def _compare(rules: Rules, node: Compare, negate: bool) -> str:
    op, left, right = node.op, node.left, node.right
    if isinstance(left, Const) and not isinstance(right, Const):
        op, left, right = FLIP[op], right, left
    if negate:
        op = NEGATE[op]
    if isinstance(right, Const) and isinstance(left, Name):
        special = _about(rules, left.ref, op, right.value)
        if special:
            return special
    if isinstance(right, Const) and _all_used(left):
        names = [use_name(rules, item.ref[1]) for item in _terms(left)]
        if (op == ">=" and right.value == 1) or (op == ">" and right.value == 0):
            return tr("after you have used {join}", join=_join(names, _('or')))
        if (op == "<" and right.value == 1) or (op in ("==", "<=") and right.value == 0):
            return tr("before you use {join}", join=_join(names, _('or')))
    ref = left.ref if isinstance(left, Name) else None
    value = _const_text(rules, ref, right.value) if isinstance(right, Const) else _noun(rules, right)
    return f"{_noun(rules, left)} {_(PHRASES[op]).format(x=value)}"


# A pair's rung and a date compared, in words, by the comparison.
RUNG_PHRASES = {"<=": N_("{pair} at '{rung}' or lower"), "<": N_("{pair} below '{rung}'"),
                ">=": N_("{pair} at '{rung}' or higher"), ">": N_("{pair} above '{rung}'"),
                "==": N_("{pair} at '{rung}'"), "!=": N_("{pair} not at '{rung}'")}
DAY_PHRASES = {">=": N_("from {day}"), ">": N_("after {day}"), "<=": N_("until {day}"), "<": N_("before {day}"),
               "==": N_("on {day}"), "!=": N_("on any day but {day}")}


def _about(rules: Rules, ref, op: str, value: float) -> str:
    """Comparisons that read better in their own words: rungs, dates, turns, uses of an instrument."""
    kind, key, attr = ref
    if kind == "pair" and attr == "rung":
        k = rules.pair_ids.index(key)
        ladder = rules.ladders[k]
        r = max(0, min(len(ladder) - 1, int(value)))
        rung = ladder[r]
        pair = pair_name(rules, key)
        return tr(RUNG_PHRASES[op], pair=pair, rung=rung)
    if kind == "global" and attr in ("date", "turn"):
        day = day_text(dt.date.fromordinal(max(1, int(value)))) if attr == "date" else turn_date(rules, int(value))
        return tr(DAY_PHRASES[op], day=day)
    if kind == "used":
        name = use_name(rules, key)
        n = int(value)
        if (op == ">=" and n == 1) or (op == ">" and n == 0):
            return tr("after you have used {name}", name=name)
        if (op == "<" and n == 1) or (op in ("==", "<=") and n == 0):
            return tr("before you use {name}", name=name)
        if op == ">=":
            return trn("after you have used {name} {n} time", "after you have used {name} {n} times", n, name=name)
    return ""


def _terms(node) -> list:
    if isinstance(node, Arith):
        return [node.first, *(n for __, n in node.rest)]
    return [node]


def _all_used(node) -> bool:
    if isinstance(node, Arith) and all(op == "+" for op, __ in node.rest):
        return all(isinstance(t, Name) and t.ref[0] == "used" for t in _terms(node))
    return False


def _const_text(rules: Rules, ref, value: float) -> str:
    """A constant as a value of what it is compared with: '45%' for coordination, '$2.0m' for the budget."""
    if ref is not None:
        kind, key, attr = ref
        if kind == "global" and attr in OFFICE:
            return value_text(rules, attr, value)
        if kind == "council":
            return value_text(rules, f"council.{key}", value)
        if kind == "var":
            return value_text(rules, attr, value, scale_of(rules, attr, value))
        if kind == "global" and attr == "date":
            return day_text(dt.date.fromordinal(max(1, int(value))))
    return localized(f"{value:g}") if not isinstance(value, bool) else (_("yes") if value else _("no"))


def _ref_noun(rules: Rules, ref) -> str:
    kind, key, attr = ref
    if kind == "party":
        return tr("{party}'s {attr}", party=party_name(rules, key), attr=_(ATTRIBUTES.get(attr, attr.replace('_',
                                                                                                             ' '))))
    if kind == "pair":
        if attr == "rung":
            return tr("the escalation between {pair}", pair=pair_name(rules, key, ' and '))
        return tr("the {what} between {pair}", what=attribute_word(attr), pair=pair_name(rules, key, ' and '))
    if kind == "global":
        return _(GLOBAL_NOUNS[attr]) if attr in GLOBAL_NOUNS else attr.replace("_", " ")
    if kind == "var":
        return variable_name(rules, attr)
    if kind == "council":
        name = rules.council_names[rules.council_ids.index(key)] if key in rules.council_ids else key
        return tr("{name}'s support", name=name)
    if kind == "used":
        return tr("the times you used {use_name}", use_name=use_name(rules, key))
    if kind == "fired":
        return f"'{event_title(rules, key)}'"
    if kind == "accepted":
        return use_name(rules, key)
    return attr or key or kind


def _noun(rules: Rules, node) -> str:
    """A value as a noun phrase: 'United States's hostility', 'the times you used Good offices plus …'."""
    if isinstance(node, Name):
        return _ref_noun(rules, node.ref)
    if isinstance(node, Const):
        return localized(f"{node.value:g}") if not isinstance(node.value,
                                                              bool) else (_("yes") if node.value else _("no"))
    if isinstance(node, Neg):
        return tr("minus {value}", value=_noun(rules, node.operand))
    if isinstance(node, Arith):
        words = {"+": _("plus"), "-": _("minus"), "*": _("times"), "/": _("divided by")}
        text = _noun(rules, node.first)
        for op, item in node.rest:
            text += f" {words[op]} {_noun(rules, item)}"
        return text
    if isinstance(node, Call):
        args = [_noun(rules, a) for a in node.args]
        if node.name == "abs":
            return tr("the size of {args}", args=args[0])
        if node.name == "clamp":
            return tr("{args} kept between {args2} and {args3}", args=args[0], args2=args[1], args3=args[2])
        if node.name == "max":
            return tr("the larger of {values}", values=_join(args, _("and")))
        return tr("the smaller of {values}", values=_join(args, _("and")))
    return tr("whether {condition}", condition=_say(rules, node, False))
