"""A leader's own names, titles left out, in any of the game's languages ('Le président John F. Kennedy et le
Comité exécutif' is John Kennedy), and the initials a party card's monogram shows.

The initials are fixed when the scenario is read, from the leader as the scenario itself writes it (or as its author
gives them, `initials: JK`), before any translation: a monogram is the same in every language, never the first
letters of a translated title."""

from __future__ import annotations

import re
from typing import Any

# Words before or between a leader's names that are no part of them, in English and French (compared in lower case,
# without a final full stop); only capitalised words are names at all, so these are the titles written with one.
TITLES = frozenset({
    "president", "prime", "minister", "chairman", "premier", "general", "king", "queen", "emperor", "chancellor",
    "secretary", "foreign", "field", "marshal", "executive", "colonel", "sheikh", "ayatollah", "the", "mr", "mrs", "dr",
    "le", "la", "les", "l'", "président", "présidente", "ministre", "première", "roi", "reine", "empereur",
    "chancelier", "secrétaire", "général", "maréchal", "cheikh", "m", "mme", "conseil", "du", "de",
})
# What ends the first person named: 'and', 'et', a bracket, a comma, a semicolon or a slash.
AFTER_FIRST = re.compile(r"\s+(?:and|et)\s+|[(,;/]")
MAX_INITIALS = 3


def leader_names(leader: str) -> list[str]:
    """The first person's names, titles and middle initials left out."""
    first = AFTER_FIRST.split(leader, maxsplit=1)[0]
    words = [w for w in re.findall(r"[^\W\d_][\w'.-]*", first) if w.lower().strip(".") not in TITLES]
    return [w for w in words if w[0].isupper() and len(w.strip(".")) != 1]


def initials_of(leader: str) -> str:
    """Up to two initials: the first and last names of the first person named ('JK'), or '' for none."""
    names = leader_names(leader)
    if not names:
        return ""
    return names[0][0] if len(names) == 1 else names[0][0] + names[-1][0]


def with_initials(raw: Any) -> Any:
    """The scenario's data with each party's `initials` filled from its leader where the author gave none; the data
    of the language the scenario is written in, read before a translation replaces the leader's words."""
    parties = raw.get("parties") if isinstance(raw, dict) else None
    if not isinstance(parties, list):
        return raw
    filled = []
    for party in parties:
        if isinstance(party, dict) and party.get("initials") is None and isinstance(party.get("leader"), str):
            initials = initials_of(party["leader"])
            party = {**party, "initials": initials} if initials else party
        filled.append(party)
    return {**raw, "parties": filled}
