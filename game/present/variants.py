"""The author's words in force: an event's, a choice's or an ending's title and text, or those of the variant
whose condition held when it happened (the engine records which, in `GameState.texts`; the observation and the
final state carry it). Every front end asks here, so the window, the text mode and the reports agree."""

from __future__ import annotations

from collections.abc import Mapping

from game.engine import Rules
from game.engine.events import words
from game.engine.record import TurnReport


def event_words(rules: Rules, key: str, texts: Mapping[str, int], variant: int | None = None) -> tuple[str, str]:
    """(title, text) of event `key`; `variant` (from a news item) overrides what `texts` recorded last."""
    ev = next((e for e in rules.events if e.key == key), None)
    if ev is None:
        return key, ""
    record = {f"event:{key}": variant} if variant is not None else texts
    return words(ev.variants, record, f"event:{key}", ev.title, ev.text)


def choice_words(rules: Rules, event_key: str, choice_key: str, texts: Mapping[str, int]) -> tuple[str, str]:
    """(label, text) of a choice of a pending event, in the words chosen when the event fired."""
    ev = next((e for e in rules.events if e.key == event_key), None)
    choice = next((c for c in ev.choices if c.key == choice_key), None) if ev else None
    if choice is None:
        return choice_key, ""
    return words(choice.variants, texts, f"choice:{event_key}.{choice_key}", choice.label, choice.text)


def ending_words(rules: Rules, key: str, texts: Mapping[str, int]) -> tuple[str, str]:
    """(title, text) of ending `key`, in the words chosen as the game ended that way."""
    end = next((e for e in rules.endings if e.key == key), None)
    if end is None:
        return key, ""
    return words(end.variants, texts, f"ending:{key}", end.title, end.text)


def fired_words(rules: Rules, report: TurnReport, key: str) -> tuple[str, str]:
    """(title, text) of an event as it fired in `report`: the variant its news item recorded."""
    variant = next((m.args[1] for m in report.messages if m.code == "event" and m.args[0] == key and len(m.args) > 1),
                   None)
    return event_words(rules, key, {}, variant)
