"""Moves in sentences, for reports and the advisor: "a private appeal to the Soviet Union instead of waiting"."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import Action, Rules
from game.i18n import _, current, tr

from .words import pair_name, target_name


def comparison_label(rules: Rules, played: Sequence[Action], alternative: Sequence[Action]) -> str:
    """Plain words for an alternative, e.g. "a private appeal to USSR instead of a public appeal on Cuba"."""
    return tr("{describe} instead of {describe2}",
              describe=describe(rules, alternative), describe2=describe(rules, played))


def describe(rules: Rules, actions: Sequence[Action]) -> str:
    """A turn's orders in plain words ("waiting" when there are none)."""
    words = [describe_action(rules, a) for a in actions if not rules.is_wait(a.use)]
    return _(" and ").join(words) if words else _("waiting")


def describe_action(rules: Rules, action: Action) -> str:
    if action.use in rules.proposals:
        name = rules.proposals[action.use].name
        if action.mode == "public":
            return tr("the public proposal '{name}'", name=name)
        return tr("the private proposal '{name}'", name=name)
    ins = rules.instruments.get(action.use)
    name = _in_sentence(ins.name if ins else action.use)
    if current().code != "en":  # no article that would have to agree with the instrument's name
        if action.target is None:
            return tr("“{name}”", name=ins.name if ins else action.use)
        return tr("“{name}” ({target})", name=ins.name if ins else action.use,
                  target=target_name(rules, action.target))
    article = "an" if name[:1] in "aeiou" else "a"  # i18n: not shown (English only, above)
    if action.target is None:
        return f"{article} {name}"
    if action.target in rules.party_names:
        party = rules.party_names[action.target]
        return f"{article} {name} ({party})" if " to " in name else f"{article} {name} to {party}"  # i18n: not shown
    return f"{article} {name} on {pair_name(rules, action.target, sep=' and ')}"  # i18n: not shown (English only)


def _in_sentence(name: str) -> str:
    """A name as it reads mid-sentence: "Public appeal" -> "public appeal", but "UN task force" stays."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name




def move_label(rules: Rules, action: Action | None) -> str:
    """One move as the advisor lists it: 'wait' for doing nothing."""
    return "wait" if action is None else describe_action(rules, action)
