"""Progress tracks in words: a track's label, its value with its unit, and what the player knows of it now."""

from __future__ import annotations

from game.engine import Rules
from game.engine.observation import TrackView


def track_name(rules: Rules, key: str) -> str:
    """A progress track's label ('Voters registered'); the id when it names none."""
    return next((t.name for t in rules.tracks if t.key == key), key)


def track_value(rules: Rules, key: str, value: float) -> str:
    """A track's value with its unit: '42%', '12.5 thousand', '3'."""
    track = next((t for t in rules.tracks if t.key == key), None)
    number = f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"
    if track is None or not track.unit:
        return number
    return f"{number}{track.unit}" if track.unit in ("%", "‰") else f"{number} {track.unit}"


def track_reading(rules: Rules, view: TrackView) -> str:
    """What the player knows of a track now: '42%', '≈ 40% (31–49)', or 'not known' for a hidden one."""
    if view.value is not None:
        return track_value(rules, view.id, view.value)
    if view.estimate is not None:
        est = view.estimate
        low, high = (track_value(rules, view.id, v).removesuffix(_unit(rules, view.id)).strip()
                     for v in (est.low, est.high))
        return f"≈ {track_value(rules, view.id, est.value)} ({low}–{high})"
    return "not known"


def _unit(rules: Rules, key: str) -> str:
    track = next((t for t in rules.tracks if t.key == key), None)
    return track.unit if track and track.unit else ""
