"""The advisor's assessment in words: each move as a difference from waiting, with its uncertainty, and the
chances of each kind of ending (game/sim/advisor.Advice)."""

from __future__ import annotations

from game.engine import Action, Game, IllegalAction, Rules
from game.i18n import N_, _, tr

from .dates import units_text
from .estimates import estimates_age
from .odds import percent

# Instrument kinds whose only effect is on the office's information (sharper, fresher estimates): the advisor's
# rollouts cannot value them, since the moves they play afterwards (history's, or waiting) never read estimates.
INFORMATION_KINDS = ("early_warning",)

NOTE = (N_("Your staff play each move forward up to {runs} times on worlds drawn from your own estimates, then "
           "{then} {ahead}; waiting meets the same worlds and the same luck, so each move is shown as what it "
           "adds to waiting, in points (success 100, partial 40, failure −100), with a 90% band. The most "
           "promising moves get the most rollouts and come first; a move further down was dropped early, on "
           "fewer rollouts, so its figures are rougher and can look better than they are. A move that only buys "
           "information is not scored, since the moves played after it never read estimates: you see what it "
           "buys instead. They see only what you see: with poor intelligence they are sometimes confidently "
           "wrong."))


def advisor_note(runs: int, follows_history: bool, horizon: int | None, unit: str) -> str:
    """How the assessment was made, for the top of the advisor's dialog."""
    then = _("go on as the real Secretary-General did") if follows_history else _("wait")
    ahead = _("to the end") if horizon is None else tr("for {span} (a game not over by then counts as its likely "
                                                    "ending, never as a success)", span=units_text(horizon, unit))
    return _(NOTE).format(runs=runs, then=then, ahead=ahead)


def gain_text(advice) -> str:
    """'+7.5 ±5.8 points against waiting' (or 'the baseline' for waiting itself); for a move that ended as
    waiting did in every rollout, that, and how rare a change it could still bring (at most 3 in n at 95%: the
    rule of three), instead of a score of '+0.0 ±0.0' that would read as certainty."""
    if advice.action is None:
        return _("the baseline")
    if advice.differs == 0 and advice.runs > 0:
        return tr("ends as waiting does in all {runs} rollouts: a change, if any, in fewer than 1 world in {rarer}",
                  runs=advice.runs, rarer=max(1, advice.runs // 3))
    return tr("{gain:+.1f} ±{gain_spread:.1f} points against waiting",
              gain=advice.gain, gain_spread=advice.gain_spread)


def buys_information(rules: Rules, action: Action | None) -> bool:
    """Whether the move's value is information only, which the rollouts cannot see (INFORMATION_KINDS)."""
    ins = rules.instruments.get(action.use) if action is not None else None
    return ins is not None and ins.kind in INFORMATION_KINDS


def information_note(game: Game, action: Action) -> str:
    """What an information move buys, instead of a score the rollouts cannot give it: the office's intelligence
    (which sets how narrow the bands are) and the estimates' age once the move has run its course, with it and
    without it, from two copies of the game played on with the same dice (so only the move differs)."""
    rules = game.rules
    unit = rules.scenario.calendar.turn_unit
    head = _("Not scored: the rollouts cannot value information.")
    turns = 1 + max(1, rules.instruments[action.use].duration)
    try:
        without, with_it = game.fork(record=False), game.fork(record=False)
        without.step([])
        with_it.step([action])
        for _turn in range(turns - 1):
            if with_it.done or without.done:
                break
            without.step([])
            with_it.step([])
    except IllegalAction:
        return head
    a, b = with_it.observation(), without.observation()
    ran = a.turn - game.turn
    if ran <= 0:
        return head
    gained = tr("In {time}: intelligence {with_intel} instead of {without_intel}, so narrower bands.",
                time=units_text(ran, unit), with_intel=percent(a.office.intelligence),
                without_intel=percent(b.office.intelligence))
    if a.office.estimate_delay != b.office.estimate_delay:
        gained += " " + tr("Estimates {with_age} instead of {without_age}.", with_age=estimates_age(a, unit),
                           without_age=estimates_age(b, unit))
    return f"{head} {gained}"


def advice_line(advice, information: str = "") -> str:
    """'+7.5 ±5.8 points against waiting · success 41% · partial 52% · failure 8% (64 rollouts)'; for a move
    that buys information (`information`, from information_note) that note instead of a score of +0.0."""
    if information:
        return information
    if advice.action is not None and advice.differs == 0 and advice.runs > 0:
        return gain_text(advice)  # its chances are waiting's (the bar shows them), and the count is in the text
    r = advice.ratings
    return tr("{gain} · success {success} · partial {partial} · failure {failure} ({runs} rollouts)",
              gain=gain_text(advice), success=percent(r.get('success', 0.0)), partial=percent(r.get('partial', 0.0)),
              failure=percent(r.get('failure', 0.0)), runs=advice.runs)


def verdict(results: list, move_name, rules: Rules | None = None) -> str:
    """One line over the list: the best bet and whether it is clearly better than waiting, or that no move
    changes much. `move_name(action)` names a move; with `rules`, moves that buy information are left out (they
    are not scored: see information_note)."""
    moves = [a for a in results if a.action is not None]
    if rules is not None:
        moves = [a for a in moves if not buys_information(rules, a.action)]
    if not moves:
        return _("Nothing can be done now but wait.")
    best = max(moves, key=lambda a: (a.round, a.gain))
    if all(a.differs == 0 for a in moves):
        later = _("What decides this crisis comes later: in their rollouts, what the real Secretary-General did "
                  "next.") if rules is not None and rules.historical else \
            _("What decides this crisis comes later, or is out of your hands.")
        return tr("No move open to you now changes the ending in any of your staff's rollouts: each ends exactly "
                  "as waiting does. {later}", later=later)
    if best.gain - best.gain_spread > 0:
        return tr("Best bet: {move_name}, about {gain:+.0f} points against waiting.",
                  move_name=move_name(best.action), gain=best.gain)
    return (tr("No move is clearly better than waiting; the most promising is {move_name} ({gain:+.0f} "
               "±{gain_spread:.0f} points).",
               move_name=move_name(best.action), gain=best.gain, gain_spread=best.gain_spread))
