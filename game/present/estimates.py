"""The parties' estimates in figures: each value as 'best guess ± half its 90% band', and a heading that gives
the bands the rows really have (their range), never one typical band the rows do not share."""

from __future__ import annotations

from game.engine.intel import Estimate
from game.engine.observation import Observation
from game.i18n import _, tr
from game.i18n.formats import localized

from .words import plural


def half_band(est: Estimate) -> float:
    """Half the 90% band as a row shows it: the wider side, so that 'value ± half' covers the whole band."""
    return max(est.high - est.value, est.value - est.low)


def estimate_text(est: Estimate, digits: int = 2) -> str:
    """'0.62±0.16'."""
    return localized(f"{est.value:.{digits}f}±{half_band(est):.{digits}f}")


def shown_halves(obs: Observation, attrs) -> list[str]:
    """The half-bands the parties' rows show for `attrs`, as printed (two decimals), narrowest first."""
    halves = {f"{half_band(p.estimates[a]):.2f}" for p in obs.parties for a in attrs if a in p.estimates}
    return sorted(halves, key=float)


def bands_text(obs: Observation, attrs) -> str:
    """'±0.16' when every row has that band, else '±0.10 to ±0.22': what the rows below really show."""
    halves = shown_halves(obs, attrs)
    if not halves:
        return ""
    if len(halves) == 1:
        return "±" + localized(halves[0])
    return tr("±{low} to ±{high}", low=localized(halves[0]), high=localized(halves[-1]))


def estimates_age(obs: Observation, unit: str) -> str:
    """'current' or '2 days old': how late the estimates' information is."""
    delay = obs.office.estimate_delay
    return _("current") if delay == 0 else tr("{age} old", age=plural(delay, unit))


def estimates_note(obs: Observation, unit: str, attrs) -> str:
    """The parties panel's heading: the estimates' age and the range of their bands, as the rows show them."""
    bands = bands_text(obs, attrs)
    if not bands:
        return tr("Estimates are {age}. Early warning sharpens them.", age=estimates_age(obs, unit))
    return tr("Estimates are {age}; each figure is ± half its own 90% band ({bands} here). Early warning "
              "sharpens them.", age=estimates_age(obs, unit), bands=bands)

