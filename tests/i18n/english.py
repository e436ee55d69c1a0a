"""Telling English on a French screen: words of English that French never uses, outside what the player types
(commands and ids in brackets or quotes) and the proper names a French text keeps."""

from __future__ import annotations

import re

ENGLISH = re.compile(r"\b(the|and|your|you|with|which|what|this|that|turns?|orders?|of|is|are|has|have|will|would|"
                     r"from|into|than|not|cannot|can|before|after|until|there|choose|end|left|none|yet|been|why)\b",
                     re.IGNORECASE)
TYPED = re.compile(r"\[[^\]]*\]|'[^']*'|`[^`]*`|\([a-z0-9_., ]+\)")
# Names a French text keeps in English: the game's name, US commands, quoted sources.
KEPT = ("Good Offices", "Strategic Air Command", "Key West", "Defense readiness condition", "python main.py")


def english_words(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The English words in `text`, once the typed parts and the names kept in English are set aside."""
    for name in (*KEPT, *allowed):
        text = text.replace(name, " ")
    return ENGLISH.findall(TYPED.sub(" ", text))
