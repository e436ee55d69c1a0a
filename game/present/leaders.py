"""A leader as the party card shows them: a monogram drawn from the name, and their mood toward the
Secretary-General in words, read from the player's own estimate of the party's trust (never the hidden value)."""

from __future__ import annotations

import re

from game.i18n import N_, _

TITLES = frozenset({
    "president", "prime", "minister", "chairman", "premier", "general", "king", "queen", "emperor", "chancellor",
    "secretary", "foreign", "field", "marshal", "colonel", "sheikh", "ayatollah", "the", "mr", "mrs", "dr",
})

# (lowest trust estimate, words, palette role), highest first.
MOODS: tuple[tuple[float, str, str], ...] = (
    (0.65, N_("receptive"), "good"),
    (0.45, N_("listening"), "text"),
    (0.30, N_("guarded"), "warn"),
    (0.18, N_("annoyed with you"), "danger"),
    (0.0, N_("will not see your envoy"), "danger"),
)


def _names(leader: str) -> list[str]:
    """The first person's names, titles and middle initials left out."""
    first = re.split(r"\s+and\s+|[(,;/]", leader, maxsplit=1)[0]
    words = [w for w in re.findall(r"[^\W\d_][\w'.-]*", first) if w.lower().strip(".") not in TITLES]
    return [w for w in words if w[0].isupper() and len(w.strip(".")) != 1]


def short_name(leader: str) -> str:
    """The leader's name without titles, for a card too narrow for 'President John F. Kennedy and …'."""
    return " ".join(_names(leader)) or leader


def monogram(leader: str) -> str:
    """Up to two initials: the first and last names of the first person named, titles left out."""
    names = _names(leader)
    if not names:
        return ""
    if len(names) == 1:
        return names[0][0]
    return names[0][0] + names[-1][0]


def mood(trust_estimate: float) -> tuple[str, str]:
    """The leader's mood toward you, in words, and its palette role."""
    for lowest, words, role in MOODS:
        if trust_estimate >= lowest:
            return _(words), role
    return _(MOODS[-1][1]), MOODS[-1][2]
