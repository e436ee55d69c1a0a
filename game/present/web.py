"""The class server's pages in words: the student's turn, the end of a game and the teacher's dashboard as plain
data (strings and numbers), built from the same records and functions as the window and the text mode.

The pages only place these strings (as text, never as markup), so every sentence a student or a teacher reads
in the browser comes from here, and a name typed by a student can never become markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from game.engine import Game, Rules
from game.engine.intel import ESTIMATED, Estimate
from game.engine.observation import Observation
from game.engine.record import TurnReport
from game.engine.state import GameState
from game.i18n import LANGUAGES, N_, NAMES, _, current, tr, trn
from game.i18n.formats import labelled, signed, written
from game.scenario.calendar import turn_of

from .dates import capitalised, day_text, turn_date, unit_count, unit_name, what_happened
from .dates import turn_heading as day_heading
from .known import player_view, secret_note, secret_pairs
from .lines import decisions_sentence, report_days
from .news import TONE_MARKERS, decision_words, intention_words, rating_words, role_words
from .office import office_lines
from .opinion import audience_name, gauges
from .opinion import heading as opinion_heading
from .reactions import reaction_heading, reactions
from .refusals import refusal_text
from .tracks import track_reading
from .underway import underway
from .values import value_text
from .variants import choice_words, ending_words, event_words
from .words import action_cost, action_label, cost_text, pair_name, plural, prevention_label, timing_text


def labels() -> dict[str, str]:
    """The pages' own words in the language of this call path, for the browser."""
    return {key: _(text) for key, text in LABELS.items()}


def language_choices() -> list[dict[str, Any]]:
    """The pages' language switch: every language the game speaks, named in itself (as a reader looking for
    their own would find it), and whether it is the one of this call path."""
    return [{"code": code, "name": NAMES[code], "current": code == current().code} for code in LANGUAGES]


# Words of the pages' own controls and headings.
LABELS: dict[str, str] = {
    "join_title": N_("Join the class"),
    "language": N_("Language"),
    "join_name": N_("Your name"),
    "join_button": N_("Join"),
    "join_hint": N_("Your teacher gave you this address. Type your name as the class summary should list it."),
    "rejoin_hint": N_("This browser remembers your seat: reloading the page or coming back later brings you back."),
    "rejoin_link": N_("To go on from another device, open this link there (keep it to yourself, it holds your "
                      "seat):"),
    "ladders": N_("Escalation"),
    "ladder_hint": N_("Rung on each ladder; pressure is your analysts' estimate with its 90% band."),
    "parties": N_("The parties"),
    "office": N_("Your office"),
    "council": N_("Security Council support"),
    "progress": N_("Progress"),
    "underway": N_("Under way"),
    "nothing_underway": N_("Nothing under way."),
    "news": N_("News and intelligence"),
    "no_news": N_("Nothing new."),
    "report": N_("What happened, and why"),
    "events": N_("Decisions awaiting you"),
    "default": N_("default"),
    "instruments": N_("What you can do this turn"),
    "orders_hint": N_("Tick the actions to order together; they go out when you end the turn."),
    "submit": N_("End the turn"),
    "waiting": N_("Sending your orders…"),
    "paused": N_("Your teacher has paused the class: you can read, but orders wait until the class resumes."),
    "closed": N_("Your teacher has ended the session."),
    "discussion": N_("For discussion"),
    "debrief": N_("Your debrief (HTML)"),
    "save": N_("Your save file"),
    "offline": N_("Connection lost: trying again…"),
    "teacher_title": N_("Teacher's dashboard"),
    "join_address": N_("Students join at"),
    "students": N_("Students"),
    "endings": N_("Endings so far"),
    "no_students": N_("No student has joined yet."),
    "pause": N_("Pause the class"),
    "resume": N_("Resume the class"),
    "end_session": N_("End the session"),
    "end_confirm": N_("End the session? Students can still read their games but no more turns are played."),
    "summary": N_("Class summary (HTML)"),
    "name": N_("Name"),
    "turn": N_("Turn"),
    "status": N_("Status"),
    "files": N_("Debrief and save"),
    "debrief_short": N_("debrief"),
    "save_short": N_("save"),
    "questions": N_("Discussion questions of the scenario"),
    "fire_event": N_("Fire a scenario event in every student's game"),
    "fire_hint": N_("It happens now, in the turn each student is on, and their debrief shows it was the teacher's "
                    "doing."),
    "fire_button": N_("Fire it"),
}

STATUS_PLAYING = N_("playing")
# A party's estimated stances, as the window's party card names them.
ESTIMATE_LABELS = {"hostility": N_("Hostility"), "resolve": N_("Resolve"), "trust": N_("Trust in you"),
                   "domestic_pressure": N_("Pressure at home"), "receptivity": N_("Openness")}
OFFICE_GAUGES = {"intelligence": N_("Intelligence"), "coordination": N_("Coordination"),
                 "visibility": N_("Visibility")}


def _figures(est: Estimate, digits: int) -> dict[str, str]:
    return {k: written(f"{v:.{digits}f}") for k, v in (("value", est.value), ("low", est.low), ("high", est.high))}


def estimate_text(est: Estimate, digits: int = 2) -> str:
    """'0.62 (90%: 0.48–0.77)', '0,62 (90 % : 0,48–0,77)'."""
    return tr("{value} (90%: {low}–{high})", **_figures(est, digits))


def turn_heading(rules: Rules, turn: int) -> str:
    """'Week 3 of 13 · 29 October 1962'."""
    return tr("{unit} {n} of {turns} · {date}", unit=unit_name(rules.scenario.calendar.turn_unit),
              n=min(turn + 1, rules.turns), turns=rules.turns, date=turn_date(rules, turn))


def ladders(rules: Rules, obs: Observation) -> list[dict[str, Any]]:
    """Each pair's rung on its ladder and the estimated pressure toward the next rung."""
    out = []
    hidden = secret_pairs(rules, obs)
    for p in obs.pairs:
        notes = []
        if p.peak_rung > p.rung:
            notes.append(tr("peak so far: {ladder} ({peak_rung})",
                            ladder=p.ladder[p.peak_rung], peak_rung=p.peak_rung))
        if p.deployment_left:
            notes.append(tr("troops deployed ({left})",
                            left=unit_count("left", p.deployment_left, rules.scenario.calendar.turn_unit)))
        out.append({
            "name": pair_name(rules, p.id),
            "rung": p.rung,
            "top": len(p.ladder) - 1,
            "rung_name": p.rung_name,
            "ladder": list(p.ladder),
            "pressure": secret_note() if p.id in hidden else tr("pressure ≈ {value} (90%: {low}–{high})",
                                                                 **_figures(p.pressure, 1)),
            "notes": notes,
        })
    return out


def parties(obs: Observation, said: dict | None = None, unit: str = "turn") -> list[dict[str, Any]]:
    """Each party's estimated stance (value and band), its intention if known, what it did last turn and how it
    took your moves (`said`: party id -> reactions.Reaction); `unit` is the scenario's turn unit."""
    delay = obs.office.estimate_delay
    age = _("current estimates") if delay == 0 else tr("estimates {age} old", age=plural(delay, unit))
    out = []
    for p in obs.parties:
        intention = tr("intention: {intention} (from recent contact)",
                       intention=intention_words(p.intention)) if p.intention else _("intention: unknown")
        last = tr("last turn it chose to {decision_words}",
                  decision_words=decision_words(p.last_decision)) if obs.turn > 0 else ""
        if p.role != "disputant":
            intention, last = tr("{role}: takes part in no pair and makes no decisions", role=role_words(p.role)), ""
        out.append({
            "name": p.name,
            "intention": intention,
            "last": last,
            "age": age,
            "reaction": _marked(said[p.id]) if said and p.id in said else "",
            "estimates": [
                {"label": _(ESTIMATE_LABELS.get(attr, attr)), "text": estimate_text(p.estimates[attr]),
                 "value": p.estimates[attr].value, "low": p.estimates[attr].low, "high": p.estimates[attr].high}
                for attr in ESTIMATED if attr in p.estimates
            ],
        })
    return out


def _marked(reaction) -> str:
    return f"{TONE_MARKERS[reaction.tone]} {reaction.text}" if reaction.tone in TONE_MARKERS else reaction.text


def office(rules: Rules, obs: Observation, last: TurnReport | None = None,
           reports: Sequence[TurnReport] = ()) -> dict[str, Any]:
    """The office's resources, what draws attention away, the Council's support and world opinion (each
    audience in words, with its move over the last turn)."""
    o = obs.office
    items = [f"{r.label} {r.now}" for r in office_lines(rules, o)]
    items += [f"{_(label)} {value_text(rules, name, getattr(o, name))}" for name, label in OFFICE_GAUGES.items()]
    elsewhere = (_("Attention drawn away by: ") + _("; ").join(obs.distractions)) if obs.distractions else ""
    names = dict(zip(rules.council_ids, rules.council_names, strict=True))
    council = [f"{names[m]} {value_text(rules, f'council.{m}', v)}" for m, v in obs.council.items()]
    under = [f"{TONE_MARKERS.get(ini.tone, '•')} {ini.line()}"
             for ini in underway(rules, obs, reports or ([last] if last else []))]
    progress = [labelled(t.name, track_reading(rules, t)) + (_(" (estimate, 90% band)") if t.estimate else "")
                for t in obs.tracks if t.visibility != "hidden"]
    shown = gauges(obs, last)
    opinion = [tr("{label}: {text}", label=capitalised(audience_name(g.audience)), text=_gauge_words(g)) for g in shown]
    return {"items": items, "elsewhere": elsewhere, "council": council, "underway": under, "progress": progress,
            "opinion_heading": opinion_heading(), "opinion": opinion}


def _gauge_words(g) -> str:
    return f"{g.word}, {g.percent} ({g.trend})"


def _rated(title: str, rating: str) -> str:
    return f"{title} ({rating_words(rating)})"


def instruments(rules: Rules, game: Game) -> list[dict[str, Any]]:
    """Every action open now, with its id (what the page sends back), name, cost, timing and summary."""
    out = []
    for n, action in enumerate(game.legal_actions()):
        if action.use in rules.proposals:
            text = rules.proposals[action.use].text
        else:
            text = rules.instruments[action.use].description
        out.append({
            "id": n,
            "use": action.use,
            "target": action.target,
            "mode": action.mode,
            "label": action_label(rules, action),
            "cost": action_cost(rules, action, game),
            "timing": timing_text(rules, action.use),
            "summary": _first_sentence(text),
        })
    return out


def events(rules: Rules, game: Game) -> list[dict[str, Any]]:
    """Events awaiting an answer, with their options (label, detail, cost) and which is the default."""
    by_key = {ev.key: ev for ev in rules.events}
    out = []
    texts = game.state.texts
    for key, title, __ in game.pending():
        ev = by_key[key]
        choices = []
        for m, c in enumerate(ev.choices):
            label, about = choice_words(rules, key, c.key, texts)
            notes = []
            if c.cost.prestige or c.cost.budget:
                notes.append(tr("costs {cost_text}", cost_text=cost_text(c.cost)))
            if m == ev.default_choice:
                notes.append(_(LABELS["default"]))
            if c.invented:
                notes.append(_("an invented option"))
            refusal = game.why_not_choice(key, c.key)
            if refusal is not None:
                notes.append(tr("not possible: {refusal_text}", refusal_text=refusal_text(rules, refusal)))
            choices.append({"id": c.key, "label": label, "text": about, "notes": ", ".join(notes),
                            "default": m == ev.default_choice, "disabled": refusal is not None})
        out.append({"id": key, "title": title, "text": event_words(rules, key, texts)[1], "choices": choices})
    return out


def report(rules: Rules, rep: TurnReport | None, game: Game | None = None, said: Sequence | None = None
           ) -> dict[str, Any] | None:
    """The last turn's outcome, from the same lines as the window and the text mode (game/present/lines.py):
    the parties' decisions, each value's change over the turn, each cause's own share, the news marked by its
    tone, and what opened the next date under that date. `said`: the parties' reactions to it, when the caller
    has them already."""
    if rep is None:
        return None
    days = report_days(rules, rep)
    today = next(d for d in days if not d.opening or rep.turn < 0)
    heading = what_happened(rules, today.turn) if rep.turn >= 0 else day_heading(rules, today.turn)

    def news(day) -> list[str]:
        return [(f"{TONE_MARKERS[n.tone]} {n.text}" if n.tone in TONE_MARKERS else n.text)
                + "".join(f" {note}" for note in n.notes) for n in day.news]

    return {
        "heading": heading,
        "decisions": decisions_sentence(today),
        "totals": [t.text for t in today.totals],
        "groups": [{"heading": c.heading, "label": c.label, "title": c.title,
                    "sentences": [s.text for s in c.shares]} for c in today.causes],
        "news": news(today),
        "reactions_heading": reaction_heading(),
        "reactions": [_marked(r) for r in (said if said is not None else reactions(game, rep) if game is not None
                                           else [])],
        "later": [{"heading": tr("Then: {heading}", heading=d.heading), "news": news(d),
                   "changes": [f"{s.text} ({c.label})" for c in d.causes for s in c.shares]}
                  for d in days if d is not today],
    }


def discussion(game: Game) -> list[str]:
    """The scenario's discussion questions for this turn's date or for an event that just fired."""
    scn = game.rules.scenario
    if game.done:
        return []
    fired = set(game.reports[-1].events) if game.reports else set()
    return [d.question for d in scn.discussion
            if (d.date is not None and turn_of(scn.calendar, d.date) == game.turn)
            or (d.after_event is not None and d.after_event in fired)]


def ending(game: Game, baseline: GameState | None = None) -> dict[str, Any] | None:
    """The end screen: the ending, the score and its parts against doing nothing, and what really happened.
    `baseline`: the do-nothing world's end (Game.baseline_state), when the caller keeps it for many games."""
    if not game.done:
        return None
    rules = game.rules
    s = game.score() if baseline is None else game.score_against(baseline)
    endings = {e.key: e for e in rules.endings}
    end, theirs = endings[s.ending], endings[s.baseline_ending]
    title, text = ending_words(rules, end.key, game.state.texts)
    peaks = []
    for k in range(len(rules.pair_ids)):
        rung = game.state.pairs[k].peak_rung
        peaks.append(tr("{pair_name}: peak {ladder} ({rung})", pair_name=pair_name(rules, k),
                        ladder=rules.ladders[k][rung], rung=rung))
    scn = rules.scenario
    return {
        "title": tr("The end: {title}", title=title),
        "rating": tr("Rating: {rating}", rating=rating_words(end.rating)),
        "text": text,
        "score": [
            tr("Your score: {total:+.1f}", total=s.total),
            f"{title} ({rating_words(end.rating)}): {signed(s.base)}",
            labelled(prevention_label(theirs.rating, s.prevention,
                                      ending_words(rules, theirs.key, game.state.texts)[0]), signed(s.prevention)),
            tr("escalation spared compared with no intervention: {escalation_spared:+.1f}",
               escalation_spared=s.escalation_spared),
            tr("prestige gained or lost: {prestige:+.1f}", prestige=s.prestige),
        ],
        "peaks": peaks,
        "history_heading": _("What really happened"),
        "history": [labelled(day_text(n.date), n.text) for n in scn.historical_notes],
        "questions": [d.question for d in scn.discussion],
        "rating_key": end.rating,
    }


def turn_page(game: Game, *, player: str, paused: bool, closed: bool, baseline: GameState | None = None
              ) -> dict[str, Any]:
    """Everything the student's page shows this turn, in words (`baseline`: as for `ending`)."""
    rules = game.rules
    scn = rules.scenario
    obs = player_view(game)
    last = game.reports[-1] if game.reports else None
    said = reactions(game, last, obs)
    return {
        "title": scn.title,
        "player": player,
        "heading": turn_heading(rules, game.turn),
        "turn": game.turn,
        "done": game.done,
        "paused": paused,
        "closed": closed,
        "ladders": ladders(rules, obs),
        "parties": parties(obs, {r.party: r for r in said}, scn.calendar.turn_unit),
        "office": office(rules, obs, last, game.reports),
        "events": [] if game.done else events(rules, game),
        "instruments": [] if game.done or closed else instruments(rules, game),
        "report": report(rules, last, game, said),
        "discussion": discussion(game),
        "ending": ending(game, baseline),
    }


def refused(rules: Rules, refusal) -> str:
    """A refused order, as the page shows it."""
    return tr("Not possible now: {refusal_text}.", refusal_text=refusal_text(rules, refusal))


def seat_status(game: Game) -> str:
    """'playing' or the ending's title, for the dashboard."""
    if not game.done:
        return _(STATUS_PLAYING)
    end = next(e for e in game.rules.endings if e.key == game.ending)
    return tr("finished: {title} ({rating})", title=end.title, rating=rating_words(end.rating))


def dashboard(rules: Rules, seats: Sequence[tuple[int, str, Game]], *, code: str, join_url: str, paused: bool,
              closed: bool) -> dict[str, Any]:
    """The teacher's live view: who is on which turn, endings as they arrive, the discussion questions."""
    tally: dict[str, int] = {e.key: 0 for e in rules.endings}
    rows = []
    for seat_id, name, game in seats:
        if game.done and game.ending in tally:
            tally[game.ending] += 1
        rows.append({"seat": seat_id, "name": name, "turn": turn_heading(rules, game.turn), "status": seat_status(game),
                     "done": game.done})
    finished = sum(tally.values())
    counts = [tr("{label}: {text}", label=_rated(e.title, e.rating), text=tally[e.key]) for e in rules.endings]
    state = _(LABELS["closed"]) if closed else (_(LABELS["paused"]) if paused else "")
    return {
        "title": rules.scenario.title,
        "code": code,
        "join_url": join_url,
        "state": state,
        "paused": paused,
        "closed": closed,
        "students": rows,
        "count": tr("{students}, {finished}", students=plural(len(rows), 'student'),
                    finished=trn("{n} finished", "{n} finished", finished)),
        "endings": counts,
        "questions": [d.question for d in rules.scenario.discussion],
        "events": [{"id": ev.key, "title": ev.title} for ev in rules.events],
    }


def fired_text(rules: Rules, event_key: str, games: int) -> str:
    """What the teacher reads after firing an event, e.g. 'Shots across the border' fired in 3 games."""
    title = next((ev.title for ev in rules.events if ev.key == event_key), event_key)
    return tr("'{title}' fired in {plural_value}.", title=title, plural_value=plural(games, 'game'))


@lru_cache(maxsize=1024)
def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    cut = text.find(". ")
    return text if cut < 0 else text[: cut + 1]


# Why the server refused something, by the code it gives (SeatError codes and the protocol's own).
ERRORS: dict[str, str] = {
    "bad_token": N_("This seat is not yours: join the class again from the address on the board."),
    "teacher_only": N_("Only the teacher's page can do this."),
    "malformed": N_("The server could not read that message; reload the page."),
    "too_large": N_("That message is too large for the server; reload the page."),
    "rate_limited": N_("Too many messages at once: wait a moment and try again."),
    "too_many_connections": N_("Too many open pages for this class or this device: close one and reload."),
    "stale_turn": N_("That turn has already been played: here is the current one."),
    "paused": N_("Your teacher has paused the class: orders wait until the class resumes."),
    "closed": N_("Your teacher has ended the session."),
    "game_over": N_("Your game is over."),
    "class_full": N_("The class is full: ask your teacher."),
    "empty_name": N_("Type your name to join."),
    "hello_first": N_("The page must say who it is first; reload the page."),
    "no_such_event": N_("The scenario has no such event; reload the page."),
}


def error_text(rules: Rules, code: str, refusal=None) -> str:
    """One line for a refused message: the engine's reason for an illegal order, else the code's sentence."""
    if refusal is not None:
        return refused(rules, refusal)
    return _(ERRORS.get(code, ERRORS["malformed"]))


def join_problem(code: str, url: str, detail: str = "") -> str:
    """Why `play --join URL` cannot join or go on, in one line that says what to do; a code the class server
    gave (a full or ended class…) reads as the student's page reads it."""
    if code in ERRORS:
        return _(ERRORS[code])
    if code == "bad_url":
        return tr("{url}: not a class address; give the address your teacher's screen shows, such as "
                  "http://192.168.1.20:8000/", url=url)
    if code == "unreachable":
        return tr("cannot reach the class server at {url} ({detail}); check the address and that this computer is "
                  "on the room's network", url=url, detail=detail)
    if code == "not_a_class":
        return tr("{url} is not a Good Offices class server; check the address your teacher's screen shows", url=url)
    if code == "delegations":
        return tr("{url} is a delegations class: join it from a browser at that address (the desktop game joins "
                  "solo classes)", url=url)
    if code == "no_name":
        return _("give your name with --player NAME, as the class summary should list it")
    if code == "scenario_missing":
        return tr("the class plays '{detail}', which this computer does not have; join from a browser at {url}",
                  url=url, detail=detail)
    if code == "scenario_differs":
        return tr("this computer's copy of '{detail}' differs from the teacher's, so its game cannot follow the "
                  "class; join from a browser at {url}", url=url, detail=detail)
    if code == "no_answer":
        return tr("the class server at {url} did not answer in time; try again", url=url)
    if code == "needs_window":
        return tr("'play --join' plays in the game window, which cannot open here ({detail}); join from a browser "
                  "at {url}", url=url, detail=detail)
    if code == "changed":
        return _("Your teacher changed the world since: look at the turn again, then end it.")
    return detail or _(ERRORS["malformed"])
