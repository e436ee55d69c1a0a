"""A leader as the party card shows them: a monogram of their initials, a short name, and their mood toward the
Secretary-General in words, read from the player's own estimate of the party's trust (never the hidden value)."""

from __future__ import annotations

import re

from game.i18n import N_, _
from game.scenario.initials import AFTER_FIRST, TITLES, initials_of

# (lowest trust estimate, words, palette role), highest first.
MOODS: tuple[tuple[float, str, str], ...] = (
    (0.65, N_("receptive"), "good"),
    (0.45, N_("listening"), "text"),
    (0.30, N_("guarded"), "warn"),
    (0.18, N_("annoyed with you"), "danger"),
    (0.0, N_("will not see your envoy"), "danger"),
)


def short_name(leader: str) -> str:
    """The leader's name without titles, for a card too narrow for 'President John F. Kennedy and …' (or 'Le
    président John F. Kennedy et …'): 'John Kennedy', 'Zia ul-Haq'. A leader that is an organisation keeps its
    name whole ('Party for Democratic Prosperity', not 'Party Democratic Prosperity'), and one described rather
    than named ('The seven-party alliance based in Peshawar') its description."""
    clause = AFTER_FIRST.split(leader, maxsplit=1)[0].strip()
    words = re.findall(r"[^\W\d_][\w'.-]*", clause)
    named = [i for i, w in enumerate(words) if w.lower().strip(".") not in TITLES
             and any(c.isupper() for c in w) and len(w.strip(".")) != 1]
    if not named:
        return leader
    small = [i for i, w in enumerate(words) if w[0].islower() and w.lower().strip(".") not in TITLES]
    if any(i < named[0] for i in small):
        return clause
    if any(named[0] < i < named[-1] for i in small):
        return " ".join(words[named[0]:named[-1] + 1])
    return " ".join(words[i] for i in named)


def monogram(leader: str) -> str:
    """Up to two initials: the first and last names of the first person named, titles left out (a party's
    `initials`, fixed when the scenario is read, are what the card shows)."""
    return initials_of(leader)


def mood(trust_estimate: float) -> tuple[str, str]:
    """The leader's mood toward you, in words, and its palette role."""
    for lowest, words, role in MOODS:
        if trust_estimate >= lowest:
            return _(words), role
    return _(MOODS[-1][1]), MOODS[-1][2]
