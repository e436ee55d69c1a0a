"""A leader as the party card shows them: a monogram of their initials, a short name, and their mood toward the
Secretary-General in words, read from the player's own estimate of the party's trust (never the hidden value)."""

from __future__ import annotations

from game.i18n import N_, _
from game.scenario.initials import initials_of, leader_names

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
    président John F. Kennedy et …')."""
    return " ".join(leader_names(leader)) or leader


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
