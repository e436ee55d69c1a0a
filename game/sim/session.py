"""Session codes: a short code a teacher writes on the board so that every student faces the same world.

A code is a scenario tag, a dash, the seed and settings in Crockford base32 and one check character, e.g.
``CUBA-7F3K``. Crockford's alphabet has no I, L, O or U, and reading is case-insensitive with the usual
confusions forgiven (I and L read as 1, O as 0) and dashes or spaces optional. The check character comes from
the Damm algorithm over GF(32), which catches every single wrong character and every swap of two neighbours.

The tag is derived from the scenario id (``cuban_missile_crisis_1962`` -> ``CUBA``) and made unique over a
catalogue (tag -> scenario id), by default the shipped scenarios; decoding maps the tag back through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)} | {"I": 1, "L": 1, "O": 0}
FLAG_BITS = 2  # settings bits below the seed: bit 0 facilitator, bit 1 reserved for a later setting
KNOWN_FLAGS = 0b01
MIN_PAYLOAD = 3  # payload characters at least, so codes look alike on the board
SESSION_SEEDS = 1 << (5 * MIN_PAYLOAD - FLAG_BITS)  # seeds that fit the shortest code (0..8191)
TAG_LENGTH = 4
_GF_POLY = 0b100101  # x^5 + x^2 + 1, primitive over GF(2)
_DAMM_A = 2  # x∘y = 2·x + y in GF(32): a totally anti-symmetric quasigroup, since 2 is neither 0 nor 1
_STOPWORDS = frozenset({"sample", "the", "a", "an", "of", "and", "in", "on", "at", "to", "for"})
_WORD = re.compile(r"[a-z]+")


class SessionCodeError(ValueError):
    """A session code that cannot be read or made; `message` is one plain line for a student or teacher."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Session:
    """The world a class shares: the scenario, the seed and the settings of the game."""

    scenario_id: str
    seed: int
    facilitator: bool = False


# ---- tags -----------------------------------------------------------------------------------------------------


def tag_candidates(scenario_id: str) -> list[str]:
    """Possible tags for a scenario id, best first: the first real word's first letters, then initials."""
    words = _WORD.findall(scenario_id.lower()) or ["x"]
    real = [w for w in words if w not in _STOPWORDS] or words
    first = real[0]
    out = [first[:TAG_LENGTH]]
    if len(real) > 1:
        out.append("".join(w[0] for w in real)[:TAG_LENGTH])
        out += [(first[: TAG_LENGTH - 1] + w[0]) for w in real[1:]]
    out += [first[: TAG_LENGTH - 1] + ch for ch in "ABCDEFGHJKMNPQRSTVWXYZ"]
    unique: list[str] = []
    for tag in (t.upper() for t in out):
        if len(tag) >= 2 and tag not in unique:
            unique.append(tag)
    return unique


def assign_tags(scenario_ids: Iterable[str]) -> dict[str, str]:
    """A unique tag for each scenario id (tag -> id); ids are taken in sorted order, each its first free tag."""
    out: dict[str, str] = {}
    for sid in sorted(set(scenario_ids)):
        tag = next((t for t in tag_candidates(sid) if t not in out), None)
        if tag is None:
            raise SessionCodeError(f"no free session tag for scenario '{sid}'")
        out[tag] = sid
    return out


def shipped_tags() -> dict[str, str]:
    """Tags of the shipped scenarios (tag -> scenario id)."""
    from game.scenario.catalogue import shipped

    return assign_tags(s.id for s in shipped())


def with_scenario(catalogue: Mapping[str, str], scenario_id: str) -> dict[str, str]:
    """`catalogue` plus a tag for `scenario_id` if it has none (a teacher's own scenario file)."""
    out = dict(catalogue)
    if scenario_id not in out.values():
        out[next(t for t in tag_candidates(scenario_id) if t not in out)] = scenario_id
    return out


def tag_for(scenario_id: str, catalogue: Mapping[str, str] | None = None) -> str:
    """The tag of `scenario_id` in `catalogue` (default: the shipped scenarios), or its first free tag."""
    known = with_scenario(shipped_tags() if catalogue is None else catalogue, scenario_id)
    return next(tag for tag, sid in known.items() if sid == scenario_id)


# ---- the check character ----------------------------------------------------------------------------------------


def _gf_mul(a: int, b: int) -> int:
    """Multiplication in GF(32)."""
    out = 0
    while b:
        if b & 1:
            out ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= _GF_POLY
    return out


def _symbol_values(tag: str, payload: str) -> list[int]:
    return [(ord(ch) - ord("A")) % 32 for ch in tag] + [_VALUE[ch] for ch in payload]


def check_char(tag: str, payload: str) -> str:
    """The Damm check character of a canonical tag and payload."""
    interim = 0
    for value in _symbol_values(tag, payload):
        interim = _gf_mul(_DAMM_A, interim) ^ value
    return ALPHABET[_gf_mul(_DAMM_A, interim)]


# ---- encoding -----------------------------------------------------------------------------------------------------


def encode(session: Session, catalogue: Mapping[str, str] | None = None) -> str:
    """The code of a session, e.g. 'CUBA-7F3K' (`catalogue` maps tags to scenario ids; default: shipped)."""
    if session.seed < 0:
        raise SessionCodeError(f"a session needs a seed of 0 or more, not {session.seed}")
    tag = tag_for(session.scenario_id, catalogue)
    value = (session.seed << FLAG_BITS) | int(session.facilitator)
    payload = ""
    while value or len(payload) < MIN_PAYLOAD:
        payload = ALPHABET[value & 31] + payload
        value >>= 5
    return f"{tag}-{payload}{check_char(tag, payload)}"


def decode(code: str, catalogue: Mapping[str, str] | None = None) -> Session:
    """The session a code stands for; any problem raises SessionCodeError with one plain line."""
    known = shipped_tags() if catalogue is None else dict(catalogue)
    shown = code.strip()
    text = re.sub(r"\s+", "", shown).upper()
    if not text:
        raise SessionCodeError("the session code is empty; copy it from the board, e.g. CUBA-7F3K")
    typed_tag, rest = _split(text, known, shown)
    bad = sorted({ch for ch in rest if ch not in _VALUE})
    if bad:
        chars = ", ".join(f"'{ch}'" for ch in bad)
        raise SessionCodeError(f"session code {shown} has characters no code contains ({chars}); check it")
    if len(rest) < MIN_PAYLOAD + 1:
        raise SessionCodeError(f"session code {shown} is too short: check that no character is missing")
    tag = _match_tag(typed_tag, known)
    if tag is None:
        raise SessionCodeError(f"session code {shown} names no known scenario ('{typed_tag}'); {_known(known)}")
    payload = "".join(ALPHABET[_VALUE[ch]] for ch in rest[:-1])
    if check_char(tag, payload) != ALPHABET[_VALUE[rest[-1]]]:
        raise SessionCodeError(f"session code {shown} has a typo: check each character against the board")
    value = 0
    for ch in payload:
        value = value * 32 + _VALUE[ch]
    flags = value & ((1 << FLAG_BITS) - 1)
    if flags & ~KNOWN_FLAGS:
        raise SessionCodeError(f"session code {shown} was made by a newer version of Good Offices; update it")
    return Session(known[tag], value >> FLAG_BITS, bool(flags & 1))


def _split(text: str, known: Mapping[str, str], shown: str) -> tuple[str, str]:
    """The typed tag and the rest (payload and check character) of a normalised code."""
    if "-" in text:
        tag, _, rest = text.partition("-")
        return tag, rest.replace("-", "")
    prefixes = [t for t in known if len(text) > len(t) and _match_tag(text[: len(t)], {t: ""})]
    if not prefixes:
        raise SessionCodeError(f"session code {shown} starts with no known scenario tag; {_known(known)}")
    tag = max(prefixes, key=len)
    return text[: len(tag)], text[len(tag) :]


def _match_tag(typed: str, known: Mapping[str, str]) -> str | None:
    """The known tag `typed` stands for, forgiving 0 for O and 1 for I or L."""
    for tag in known:
        if len(tag) == len(typed) and all(
            a == b or (a == "0" and b == "O") or (a == "1" and b in "IL") for a, b in zip(typed, tag, strict=True)
        ):
            return tag
    return None


def _known(known: Mapping[str, str]) -> str:
    if not known:
        return "no scenarios are installed"
    return "known tags: " + ", ".join(f"{tag} ({sid})" for tag, sid in sorted(known.items()))
