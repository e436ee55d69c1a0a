"""Values the player can see, in words and numbers: what each one is called, the step it is shown to, and how
a value or a change of it reads ('$4.0m', '57.5', '60%', '+5 pts', 'DEFCON 3', 'Deal: yes').

Every number shown is a whole count of its display step (a tenth of a prestige point, $0.1m, one percentage
point, one rung…), and `units` gives that count, so that report lines can be made to add up exactly as shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.engine import Rules
from game.engine.opinion import AUDIENCES
from game.i18n import N_, _, tr, trn
from game.i18n.formats import labelled, localized, money, percent_of

from .opinion import standing_label
from .tracks import track_name, track_value
from .words import pair_name

MINUS = "−"
PERCENT_TARGETS = ("intelligence", "coordination", "visibility")
OFFICE_NAMES = {"prestige": N_("prestige"), "budget": N_("budget"), "envoys": N_("envoys"),
                "attention": N_("attention"), "intelligence": N_("intelligence"), "coordination": N_("coordination"),
                "visibility": N_("visibility")}
# A party's (and a pair's) attributes, as the player reads them after its name.
ATTRIBUTES = {"hostility": N_("hostility"), "resolve": N_("resolve"), "trust": N_("trust"),
              "domestic_pressure": N_("domestic pressure"), "receptivity": N_("receptivity"),
              "grievance": N_("grievance"), "restraint": N_("restraint"), "intention": N_("intention"),
              "audience_cost": N_("audience cost"), "engagement": N_("engagement"),
              "pressure": N_("pressure"), "momentum": N_("momentum")}  # the last two: a pair's


def attribute_word(attr: str) -> str:
    """An attribute of a party or a pair in words: 'domestic pressure', 'pression intérieure'."""
    return _(ATTRIBUTES[attr]) if attr in ATTRIBUTES else attr.replace("_", " ")


@dataclass(frozen=True)
class Scale:
    """How a value is shown: its kind and the step every shown number is a multiple of."""

    kind: str  # rung | bool | prestige | money | percent | count | number
    step: float


RUNG, BOOL = Scale("rung", 1), Scale("bool", 1)
PRESTIGE, MONEY, PERCENT = Scale("prestige", 0.1), Scale("money", 0.1), Scale("percent", 0.01)
COUNT, NUMBER = Scale("count", 1), Scale("number", 0.01)
TRACK = Scale("track", 0.1)  # a progress track, in its own unit to a tenth


def units(value: float, step: float) -> int:
    """`value` in whole display steps, rounded half up (the same rounding everywhere a number is shown)."""
    return math.floor(value / step + 0.5 + 1e-9)


def is_whole(value: float) -> bool:
    return abs(value - round(value)) < 1e-9


def variable_name(rules: Rules, name: str) -> str:
    """A scenario variable as the player reads it: the author's `variable_names` words if given ('ships_held' →
    'Soviet ships held back'), else the glossary's spelling of the same term ('defcon' → 'DEFCON'), else its name
    in words ('talks_open' → 'talks open')."""
    given = rules.scenario.variable_names.get(name)
    if given:
        return given
    words = name.replace("_", " ")
    for entry in rules.scenario.glossary:
        if entry.term.lower() == words.lower():
            return entry.term
    return words


def scale_of(rules: Rules, target: str, *values: float) -> Scale:
    """The scale a visible target is shown on; a number variable counts in whole steps while its values are
    whole (DEFCON 5 → 3), else in hundredths."""
    head, __, attr = target.partition(".")
    if attr == "rung" and head in rules.pair_ids:
        return RUNG
    if not attr and any(t.key == target for t in rules.tracks):
        return TRACK
    if target == "prestige":
        return PRESTIGE
    if target == "budget":
        return MONEY
    if head in ("council", "opinion") or target in PERCENT_TARGETS:
        return PERCENT
    if target in ("envoys", "attention"):
        return COUNT
    variable = rules.scenario.variables.get(target)
    if isinstance(variable, bool):
        return BOOL
    if variable is not None and is_whole(variable) and all(is_whole(v) for v in values):
        return COUNT
    return NUMBER


def sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]


def target_label(rules: Rules, target: str) -> str:
    """A visible target ('usa_ussr.rung', 'council.usa', 'prestige', a variable) in words, as a sentence's start."""
    head, __, attr = target.partition(".")
    if not attr and any(t.key == target for t in rules.tracks):
        return sentence_start(track_name(rules, target))
    if attr == "rung" and head in rules.pair_ids:
        return tr("Escalation between {pair_name}", pair_name=pair_name(rules, head))
    if head == "council" and attr in rules.council_ids:
        # not "{name}'s support": "United States's support", "Troop contributors (Nordic states)'s support"
        return tr("Council support from {name}", name=rules.council_names[rules.council_ids.index(attr)])
    if head == "opinion" and attr in AUDIENCES:
        return standing_label(attr)
    if head in rules.pair_ids:
        return labelled(pair_name(rules, head), attribute_word(attr))
    if head in rules.party_names:
        return tr("{party}'s {attr}", party=rules.party_names[head], attr=_(ATTRIBUTES.get(attr, attr.replace('_',
                                                                                                              ' '))))
    if target in rules.scenario.variables:
        return sentence_start(variable_name(rules, target))
    return sentence_start(_(OFFICE_NAMES[target]) if target in OFFICE_NAMES else target.replace("_", " "))


def rung_name(rules: Rules, pair_id: str, rung: float) -> str:
    """The ladder's name of a rung of a pair ('blockade and alert')."""
    ladder = rules.ladders[rules.pair_ids.index(pair_id)]
    r = int(rung)
    return ladder[r] if 0 <= r < len(ladder) else tr("rung {r}", r=r)


def _decimals(step: float) -> int:
    return max(0, round(-math.log10(step)))


def number_text(n: int, step: float, trim: bool = False) -> str:
    """`n` steps as a number; `trim` drops a '.0' ('57' rather than '57.0')."""
    d = _decimals(step)
    text = f"{abs(n) * step:.{d}f}"
    if trim and d and set(text.split(".")[1]) == {"0"}:
        text = text.split(".")[0]
    return (MINUS if n < 0 else "") + localized(text)


def value_text(rules: Rules, target: str, value: float, scale: Scale | None = None) -> str:
    """A value as the player reads it: rungs by name, money in $m, shares in %, booleans as yes/no."""
    scale = scale or scale_of(rules, target, value)
    if scale is RUNG:
        return rung_name(rules, target.partition(".")[0], value)
    if scale is BOOL:
        return _("yes") if value else _("no")
    n = units(value, scale.step)
    if scale.kind == "track":
        return track_value(rules, target, n * scale.step)
    if scale.kind == "money":
        return money(number_text(n, scale.step))
    if scale.kind == "percent":
        return percent_of(str(n))
    if scale.kind == "prestige":
        return number_text(n, scale.step, trim=True)
    return number_text(n, scale.step)


def amount_text(rules: Rules, target: str, n: int, scale: Scale) -> str:
    """A change of `n` display steps, signed: '−3', '+0.5', '+$0.2m', '−5 pts', '+1 rung'."""
    sign = "+" if n >= 0 else MINUS
    magnitude = number_text(abs(n), scale.step, trim=scale.kind == "prestige")
    if scale.kind == "money":
        return sign + money(magnitude)
    if scale.kind == "percent":
        return sign + trn("{n} pt", "{n} pts", abs(n))
    if scale.kind == "track":
        return sign + track_value(rules, target, abs(n) * scale.step)
    if scale.kind == "rung":
        return sign + trn("{n} rung", "{n} rungs", abs(n))
    return f"{sign}{magnitude}"
