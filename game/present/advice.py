"""The advisor's assessment in words: each move as a difference from waiting, with its uncertainty, and the
chances of each kind of ending (game/sim/advisor.Advice)."""

from __future__ import annotations

from game.i18n import N_, _, tr

from .dates import units_text
from .odds import percent

NOTE = (N_("Your staff play each move forward up to {runs} times on worlds drawn from your own estimates, then "
           "{then} {ahead}; waiting meets the same worlds and the same luck, so each move is shown as what it "
           "adds to waiting, in points (success 100, partial 40, failure −100), with a 90% band. The most "
           "promising moves get the most rollouts and come first; a move further down was dropped early, on "
           "fewer rollouts, so its figures are rougher and can look better than they are. They see only what you "
           "see: with poor intelligence they are sometimes confidently wrong."))


def advisor_note(runs: int, follows_history: bool, horizon: int | None, unit: str) -> str:
    """How the assessment was made, for the top of the advisor's dialog."""
    then = _("go on as the real Secretary-General did") if follows_history else _("wait")
    ahead = _("to the end") if horizon is None else tr("for {span} (a game not over by then counts as its likely "
                                                    "ending, never as a success)", span=units_text(horizon, unit))
    return _(NOTE).format(runs=runs, then=then, ahead=ahead)


def gain_text(advice) -> str:
    """'+7.5 ±5.8 points against waiting' (or 'the baseline' for waiting itself)."""
    if advice.action is None:
        return _("the baseline")
    return tr("{gain:+.1f} ±{gain_spread:.1f} points against waiting",
              gain=advice.gain, gain_spread=advice.gain_spread)


def advice_line(advice) -> str:
    """'+7.5 ±5.8 points against waiting · success 41% · partial 52% · failure 8% (64 rollouts)'."""
    r = advice.ratings
    return tr("{gain} · success {success} · partial {partial} · failure {failure} ({runs} rollouts)",
              gain=gain_text(advice), success=percent(r.get('success', 0.0)), partial=percent(r.get('partial', 0.0)),
              failure=percent(r.get('failure', 0.0)), runs=advice.runs)


def verdict(results: list, move_name) -> str:
    """One line over the list: the best bet and whether it is clearly better than waiting, or that no move
    changes much. `move_name(action)` names a move."""
    moves = [a for a in results if a.action is not None]
    if not moves:
        return _("Nothing can be done now but wait.")
    best = max(moves, key=lambda a: (a.round, a.gain))
    if all(a.gain == 0 and a.gain_spread == 0 for a in moves):
        return _("No move open to you changes the likely ending now: in your staff's rollouts each ends as "
                 "waiting does.")
    if best.gain - best.gain_spread > 0:
        return tr("Best bet: {move_name}, about {gain:+.0f} points against waiting.",
                  move_name=move_name(best.action), gain=best.gain)
    return (tr("No move is clearly better than waiting; the most promising is {move_name} ({gain:+.0f} "
               "±{gain_spread:.0f} points).",
               move_name=move_name(best.action), gain=best.gain, gain_spread=best.gain_spread))
