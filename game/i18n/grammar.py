"""Prepositions before a month with no day: a message written for a full date ('from {day}', 'à partir du
{day}', 'on {day}') reads wrong when the date is a month, as a month-turn scenario's dates are ('à partir du août
1995', 'on August 1995'). `months_fixed` rewrites such phrases after a message is filled in: 'à partir d'août
1995', 'jusqu'en octobre 1995', 'de mars à avril 1996', 'en mai 1995'; 'in August 1995'."""

from __future__ import annotations

import re

_FR_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_FR_MONTH = rf"(?=(?:{_FR_MONTHS}) \d{{4}})"  # a month name and its year, not consumed
_EN_MONTH = rf"(?=(?:{_EN_MONTHS}) \d{{4}})"

# In order: each rule sees the text the rules before it left.
_FR_RULES = (
    (re.compile(rf"\bjusqu'au {_FR_MONTH}"), "jusqu'en "),
    (re.compile(rf"\b(avant|après|sauf|pas avant|pas après) le {_FR_MONTH}"), r"\1 "),
    (re.compile(rf"\bdu {_FR_MONTH}"), "de "),
    (re.compile(rf"\bau {_FR_MONTH}"), "à "),
    (re.compile(rf"(?<![\w'’])le {_FR_MONTH}"), "en "),
    (re.compile(rf"(?<![\w'’])Le {_FR_MONTH}"), "En "),
    (re.compile(r"\bde (?=(?:avril|août|octobre) \d{4})"), "d'"),
)
_EN_RULES = (
    (re.compile(rf"\bon {_EN_MONTH}"), "in "),
    (re.compile(rf"\bOn {_EN_MONTH}"), "In "),
)
_FR_ANY = re.compile(rf"(?:{_FR_MONTHS}) \d{{4}}")
_EN_ANY = re.compile(rf"(?:{_EN_MONTHS}) \d{{4}}")


def months_fixed(text: str, code: str) -> str:
    """`text` with the prepositions before a bare month (a month and its year, no day) right for language `code`."""
    if code == "fr":
        rules, found = _FR_RULES, _FR_ANY
    elif code == "en":
        rules, found = _EN_RULES, _EN_ANY
    else:
        return text
    if not found.search(text):
        return text
    for pattern, repl in rules:
        text = pattern.sub(repl, text)
    return text
