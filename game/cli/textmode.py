"""The text mode: a whole game in a terminal, one command per line, so it can also be scripted.

Rendering functions are pure (game → list of lines); `TextGame` reads commands, changes the orders and the
game, and writes lines. The player sees public facts exactly and hidden ones only as estimates; a hidden
change is never shown with its values (design §2).
"""

from __future__ import annotations

import contextlib
import difflib
import io
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from game.engine import Action, Game, IllegalAction, Rules, TurnInput, Vote, baseline, replay
from game.engine.endings import Score
from game.engine.intel import ESTIMATED
from game.engine.observation import Observation
from game.engine.opinion import targets as opinion_targets
from game.engine.record import TurnReport
from game.i18n import N_, _, tr
from game.i18n.formats import labelled, localized, money, percent, percent_of
from game.present.dates import (
    calendar_line,
    day_text,
    turn_date,
    turn_heading,
    turn_unit_phrase,
    unit_count,
    unit_phrase,
    what_happened,
)
from game.present.dates import unit_name as unit_word
from game.present.estimates import estimate_text, estimates_age
from game.present.known import player_view, secret_note, secret_pairs
from game.present.lines import Day, change_turns, report_days
from game.present.news import (
    TONE_MARKERS,
    cause_label,
    difficulty_words,
    intention_words,
    rating_words,
    role_words,
)
from game.present.odds import odds_lines, wear_note
from game.present.office import commitment_text, office_lines
from game.present.opinion import opinion_line
from game.present.reactions import reaction_heading, reactions
from game.present.refusals import refusal_text
from game.present.tracks import track_reading
from game.present.underway import underway
from game.present.values import ATTRIBUTES, OFFICE_NAMES, attribute_word, value_text
from game.present.variants import choice_words, ending_words, fired_words
from game.present.words import (
    action_cost,
    action_label,
    mode_name,
    pair_name,
    plural,
    prevention_label,
    target_name,
)
from game.present.words import cost_text as _cost_text
from game.saves import SaveError, TeamMessage, autosave, clean_stale_temps, new_game_id, save_game
from game.scenario.calendar import turn_of
from game.scenario.diagnostics import did_you_mean
from game.sim.odds import OddsBook
from game.typed import clean_text, is_whole, parse_whole

WIDTH = 78
MAX_LINE = 2000  # characters in one command line
FULL, EMPTY = "█", "░"
DECISION_WORDS = {"escalate": N_("escalated"), "hold": N_("held"), "step_back": N_("stepped back")}
OFFICE_TARGETS = ("prestige", "budget", "envoys", "attention", "intelligence", "coordination", "visibility")
PARTY_ATTRS = ("hostility", "resolve", "trust", "domestic_pressure", "receptivity", "restraint", "grievance",
               "power", "audience_cost", "engagement")

# name -> (usage, one-line summary, longer help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "actions": ("actions", N_("list what you can do this turn, numbered"),
                N_("Lists every action open to you now, numbered, with its cost, how long before it acts, how "
                   "long it ties up envoys and attention, and what it does. Use the number with 'do'.")),
    "do": (N_("do N | do INSTRUMENT [TARGET] [private|public]"), N_("add an action to this turn's orders"),
           N_("Adds an action to this turn's orders, by its number in 'actions' or by name: 'do 3', 'do "
              "good_offices karelia_lowmark', 'do shared_filling private'. The target may be left out when there "
              "is only one. Nothing happens until you 'end' the turn.")),
    "orders": ("orders", N_("show this turn's orders and answers"),
               N_("Shows the actions you have ordered this turn, your answers to events, and what they cost "
                  "together.")),
    "undo": ("undo", N_("remove the last order"), N_("Removes the action you added last.")),
    "clear": ("clear", N_("remove all orders and answers"), N_("Removes every order and event answer of this turn.")),
    "choose": (N_("choose EVENT CHOICE"), N_("answer an event awaiting your decision"),
               N_("Answers an event awaiting your decision, by ids ('choose border_shooting call_restraint') or "
                  "by the numbers shown on the turn screen ('choose 1 2'). With one event waiting, 'choose 2' is "
                  "enough. Events you do not answer take their default when the turn ends.")),
    "end": ("end", N_("end the turn: your orders go out and the world answers"),
            N_("Ends the turn. Your orders go out, the parties decide, the crisis moves; then you see what "
               "changed and why. The game is saved automatically after every turn.")),
    "why": (N_("why TARGET"), N_("why something changed last turn"),
            N_("Shows the causes of last turn's changes to something: 'why karelia_lowmark.rung', 'why prestige', "
               "'why karelia_lowmark' (a pair), 'why lowmark' (a party). Values you cannot see exactly are shown "
               "only as up or down.")),
    "status": ("status", N_("show the turn screen again"), N_("Shows the whole situation again: escalation, parties, "
                                                          "your office, the Council, initiatives, news and "
                                                          "decisions awaiting you.")),
    "brief": ("brief", N_("show the briefing again"), N_("Shows your role, the situation, your aims and the parties.")),
    "glossary": ("glossary", N_("explain the terms"), N_("Explains the terms of the game and of this scenario.")),
    "save": ("save [NAME]", N_("save the game"), N_("Saves the game into the saves folder, under NAME if given (the "
                                                "same name replaces that save). Continue later with: python "
                                                "main.py play SCENARIO --load FILE.")),
    "help": ("help [COMMAND]", N_("list the commands, or explain one"), N_("Lists the commands; 'help do' explains "
                                                                       "one.")),
    "quit": ("quit", N_("save and leave"), N_("Saves the game (autosave) and leaves. End of input or Ctrl-C does the "
                                          "same.")),
}

GLOSSARY = (
    (N_("rung"), N_("A step on the escalation ladder, from stable peace to catastrophe. Everyone sees the rung, "
                    "except while a crisis is still secret: then you see the rung the world sees.")),
    (N_("pressure"), N_("How hard the crisis pushes toward the next rung. Hidden: you see your analysts' estimate.")),
    (N_("90% band"), N_("Your analysts are {p} sure the true value lies in this range. Early warning narrows it.")),
    (N_("estimates"), N_("Your picture of each party is a few turns old and noisy; intelligence improves both.")),
    (N_("intention"), N_("What a party really means to do (escalate, hold, settle). Known only after contact: good "
                     "offices, an envoy, a Track II channel or a visit. It may change later.")),
    (N_("prestige"), N_("The political capital of your office. Spent by acting, earned by success, lost by rebuffs.")),
    (N_("envoys"), N_("Senior staff. A mission ties one up for several turns.")),
    (N_("attention"), N_("How many initiatives you can run at once. Emergencies elsewhere draw it away.")),
    (N_("coordination"), N_("How well UN bodies and partners act together. Low coordination blunts every instrument.")),
    (N_("visibility"), N_("How much the world is watching. Brings Council attention, but public positions lock "
                      "leaders in (audience costs).")),
    (N_("Council support"),
     N_("Each Security Council member's support for your initiatives; low support risks a veto.")),
    (N_("world opinion"), N_("How the non-aligned, the press and the Council regard you (50% neutral): public moves "
                         "raise it, the more so when the world is watching; a climbing dispute lowers it, a deal "
                         "raises it; it fades with time and does not move the parties. 'why opinion' shows its "
                         "causes.")),
)


# ---- small formatting helpers ---------------------------------------------------------------------------------


def wrap(text: str, indent: str = "", width: int = WIDTH) -> list[str]:
    """A paragraph wrapped to the screen, every line indented."""
    return textwrap.wrap(" ".join(text.split()), width, initial_indent=indent, subsequent_indent=indent) or [indent]


def rule(title: str = "", char: str = "═", width: int = WIDTH) -> str:
    """A horizontal rule with an optional title in it."""
    if not title:
        return char * width
    head = f"{char * 2} {title} "
    return head + char * max(2, width - len(head))


def bar(rung: int, top: int) -> str:
    """A ladder as a bar: one cell per rung, the rungs climbed so far filled."""
    return FULL * rung + EMPTY * (top + 1 - rung)


def cost_text(cost, attention: bool = False) -> str:
    """What an action costs, in words: '6 prestige, $1m, 1 envoy'."""
    return _cost_text(cost, attention, sep=", ")


def unit_name(rules: Rules) -> str:
    """'Week', 'Day' or 'Month'."""
    return unit_word(rules.scenario.calendar.turn_unit)


def first_sentence(text: str) -> str:
    """The first sentence of a description, for one-line summaries."""
    text = " ".join(text.split())
    cut = text.find(". ")
    return text if cut < 0 else text[: cut + 1]


# ---- the opening and the briefing -----------------------------------------------------------------------------


def render_opening(rules: Rules, seed: int) -> list[str]:
    """The title page: scenario, period, briefing, parties, resources and the seed."""
    scn = rules.scenario
    cal = scn.calendar
    lines = [rule(), scn.title.upper(), tr("{calendar_line} · difficulty: {difficulty}",
                                           calendar_line=calendar_line(scn.period, cal.start, cal.end, rules.turns,
                                                                       cal.turn_unit),
                                           difficulty=difficulty_words(scn.difficulty)), rule(), ""]
    lines += wrap(scn.summary)
    lines += ["", *render_briefing(rules), "", *render_resources(rules), ""]
    lines.append(tr("Seed {seed} — same seed, same world: --seed {seed}", seed=seed))
    lines.append(_("Type 'help' for the commands, 'actions' for what you can do, 'end' to end the turn."))
    return lines


def render_briefing(rules: Rules) -> list[str]:
    """Role, situation, aims and the parties with their descriptions."""
    brief = rules.scenario.briefing
    lines = [rule(_("Briefing"), "─")]
    if brief.role:
        lines += wrap(brief.role)
    lines += ["", _("The situation:"), *wrap(brief.situation, "  "), "", _("Your aims:"), *wrap(brief.aims, "  "), "",
              _("The parties:")]
    for p in rules.scenario.parties:
        leader = f" — {p.leader}" if p.leader else ""
        lines.append(f"  {p.name} [{p.id}]{leader}")
        if p.description:
            lines += wrap(p.description, "      ")
    return lines


def render_resources(rules: Rules) -> list[str]:
    """The office's starting resources."""
    sg = rules.scenario.secretary_general
    income = tr(" (+{money} each turn)", money=money(f"{sg.budget_per_turn:g}")) if sg.budget_per_turn else ""
    return [
        _("Your resources:"),
        tr("  prestige {prestige} · budget {budget}{income} · {plural_value} · attention for {plural_value2} "
           "at once",
           prestige=localized(f"{sg.prestige:g}"), budget=money(f"{sg.budget:g}"), income=income,
           plural_value=plural(sg.envoys, 'envoy'), plural_value2=plural(sg.attention, 'initiative')),
        tr("  intelligence {intelligence} · coordination {coordination} · visibility {visibility}",
           intelligence=percent(sg.intelligence), coordination=percent(sg.coordination),
           visibility=percent(sg.visibility)),  # as the turn screen shows them
    ]


def render_glossary(rules: Rules) -> list[str]:
    """The game's own terms, then the scenario's."""
    lines = [rule(_("Glossary"), "─")]
    entries = [*((_(term), _(text).replace("{p}", percent_of("90"))) for term, text in GLOSSARY), *((g.term,
                                                                    g.definition) for g in rules.scenario.glossary)]
    for term, definition in entries:
        lines += wrap(labelled(term, definition), "  ")
    return lines


# ---- the turn screen ------------------------------------------------------------------------------------------


def render_turn(game: Game, orders: Sequence[Action] = (), choices: dict[str, str] | None = None) -> list[str]:
    """Everything the player sees at the start of a turn."""
    obs = player_view(game)
    rules = game.rules
    left = obs.turns - obs.turn
    lines = [rule(tr("{unit} {n} of {turns} · {date} · {left}", unit=unit_name(rules), n=obs.turn + 1,
                     turns=obs.turns, date=turn_date(rules, obs.turn),
                     left=unit_count("left", left, rules.scenario.calendar.turn_unit)))]
    lines += render_ladders(rules, obs)
    lines += render_tracks(rules, obs)
    lines += render_parties(obs, {r.party: r for r in reactions(game, obs=obs)}, rules.scenario.calendar.turn_unit)
    lines += render_office(rules, obs, game.committed(orders, choices) if orders or choices else (0, 0, 0, 0))
    lines += wrap(opinion_line(obs, game.reports[-1] if game.reports else None), "  ")
    lines += render_initiatives(rules, obs, game.reports)
    lines += render_feed(rules, game.reports[-1] if game.reports else None)
    lines += render_discussion(game)
    lines += render_pending(game, choices or {})
    if orders:
        lines += ["", _("Your orders so far: ") + _("; ").join(action_label(rules, a) for a in orders)]
    return lines


def render_ladders(rules: Rules, obs: Observation) -> list[str]:
    """Each pair's rung as a bar with its name, and the estimate of the pressure toward the next one."""
    lines = [_("Escalation (rung on the ladder; pressure is your analysts' estimate, 90% band):")]
    hidden = secret_pairs(rules, obs)
    for p in obs.pairs:
        top = len(p.ladder) - 1
        est = p.pressure
        extra = " · " + tr("peak {rung}", rung=p.peak_rung) if p.peak_rung > p.rung else ""
        if p.deployment_left:
            extra += tr(" · troops deployed ({left})",
                        left=unit_count("left", p.deployment_left, rules.scenario.calendar.turn_unit))
        lines.append(f"  {pair_name(rules, p.id)} [{p.id}]: {bar(p.rung, top)} {p.rung}/{top} {p.rung_name}")
        if p.id in hidden:
            lines.append("      " + secret_note())
            continue
        lines.append("      " + tr("pressure ≈ {value} (90%: {low}–{high})", value=localized(f"{est.value:.1f}"),
                                    low=localized(f"{est.low:.1f}"), high=localized(f"{est.high:.1f}")) + extra)
    return lines


def render_tracks(rules: Rules, obs: Observation) -> list[str]:
    """The scenario's progress tracks the player may see: exact values, or estimates with their 90% band."""
    shown = [t for t in obs.tracks if t.visibility != "hidden"]
    if not shown:
        return []
    return [_("Progress:"),
            *(f"  {t.name}: {track_reading(rules, t)}" + (_(" (estimate, 90% band)") if t.estimate else "")
                           for t in shown)]


def render_parties(obs: Observation, said: dict | None = None, unit: str = "turn") -> list[str]:
    """Each party's estimated stance, its intention if contact revealed it, what it did last turn and its
    reaction to your moves (`said`: party id -> present.reactions.Reaction); `unit` is the turn unit."""
    lines = [tr("Parties (estimates ± half their 90% band, {age}):", age=estimates_age(obs, unit))]
    for p in obs.parties:
        intention = tr("{intention} (from recent contact)", intention=intention_words(p.intention)) if p.intention \
            else _("unknown")
        done = _(DECISION_WORDS[p.last_decision]) if p.last_decision in DECISION_WORDS else p.last_decision
        last = tr(" · last turn it {get}", get=done) if obs.turn > 0 else ""
        if p.role != "disputant":
            lines.append(tr("  {name} [{id}] · {role}: takes part in no pair and makes no decisions",
                            name=p.name, id=p.id, role=role_words(p.role)))
        else:
            lines.append(tr("  {name} [{id}] · intention: {intention}{last}",
                            name=p.name, id=p.id, intention=intention, last=last))
        values = [f"{_(ATTRIBUTES.get(attr, attr.replace('_', ' ')))} {estimate_text(p.estimates[attr])}"
                  for attr in ESTIMATED
                  if attr in p.estimates]
        lines += wrap(" · ".join(values), "      ")
        if said and p.id in said:
            lines += wrap(f"{TONE_MARKERS.get(said[p.id].tone, '•')} {said[p.id].text}", "      ")
    return lines


def render_reactions(game: Game, report: TurnReport) -> list[str]:
    """Each party's reaction to the turn just played, marked by its tone."""
    said = reactions(game, report)
    if not said:
        return []
    return [tr("{heading}:", heading=reaction_heading())] + [
        line for r in said for line in wrap(f"{TONE_MARKERS.get(r.tone, '•')} {r.text}", "  ")]


def render_office(rules: Rules, obs: Observation, committed: tuple[float, float, int, int] = (0, 0, 0, 0)
                  ) -> list[str]:
    """The office's resources now (and after this turn's orders), what draws attention away, the Council."""
    o = obs.office
    resources = " · ".join(f"{r.label} {r.text}" for r in office_lines(rules, o, committed))
    office = " · ".join(f"{_(OFFICE_NAMES[name])} {value_text(rules, name, getattr(o, name))}"
                        for name in ("intelligence", "coordination", "visibility"))
    lines = [_("Your office:"), *wrap(resources, "  "), f"  {office}"]
    drawn = rules.distraction_attention[min(obs.turn, rules.turns - 1)]
    if obs.distractions:
        lines += wrap(tr("attention drawn away ({drawn}) by: ", drawn=drawn) + _("; ").join(obs.distractions), "  ")
    names = dict(zip(rules.council_ids, rules.council_names, strict=True))
    if obs.council:
        support = " · ".join(f"{names[m]} {value_text(rules, f'council.{m}', v)}" for m, v in obs.council.items())
        lines += wrap(tr("Security Council support: {support}", support=support), "  ")
    return lines


def render_initiatives(rules: Rules, obs: Observation, reports: Sequence[TurnReport] = ()) -> list[str]:
    """Initiatives under way: what each is doing now (acting, accepted, rebuffed…), until when, what it ties up."""
    if not obs.initiatives:
        return [_("Under way: nothing.")]
    lines = [_("Under way:")]
    for ini in underway(rules, obs, reports):
        lines += wrap(f"{TONE_MARKERS.get(ini.tone, '•')} {ini.line()}", "  ")
    return lines


def render_feed(rules: Rules, report: TurnReport | None) -> list[str]:
    """The news of the last turn (or of the outset), under the date each item belongs to."""
    if report is None or not report.messages:
        return [_("News: nothing new.")]
    lines: list[str] = []
    for day in report_days(rules, report):
        if not day.news:
            continue
        lines.append(tr("News, {turn_heading}:", turn_heading=turn_heading(rules, day.turn)))
        for item in day.news:
            lines += wrap(f"{TONE_MARKERS.get(item.tone, '•')} {item.text}", "  ")
            lines += [line for note in item.notes for line in wrap(note, "      ")]
    return lines or [_("News: nothing new.")]


def render_discussion(game: Game) -> list[str]:
    """Discussion questions the scenario attaches to this turn's date or to an event that just fired."""
    scn = game.rules.scenario
    if game.done:
        return []
    fired = set(game.reports[-1].events) if game.reports else set()
    lines: list[str] = []
    for d in scn.discussion:
        now = d.date is not None and turn_of(scn.calendar, d.date) == game.turn
        if now or (d.after_event is not None and d.after_event in fired):
            lines += wrap(tr("For discussion: {question}", question=d.question), "  ")
    return lines


def render_pending(game: Game, choices: dict[str, str]) -> list[str]:
    """Events awaiting an answer, numbered, with their options, costs and defaults."""
    pending = game.pending()
    if not pending:
        return []
    lines = [_("Awaiting your decision ('choose EVENT CHOICE'; unanswered events take the default):")]
    events = {ev.key: ev for ev in game.rules.events}
    for n, (key, title, options) in enumerate(pending, 1):
        ev = events[key]
        lines.append(f"  {n}. {title} [{key}]")
        for m, (choice_id, label) in enumerate(options, 1):
            option = ev.choices[m - 1]
            about = choice_words(game.rules, key, choice_id, game.state.texts)[1]
            notes = []
            if option.cost.prestige or option.cost.budget:
                notes.append(tr("costs {cost}", cost=cost_text(option.cost)))
            if m - 1 == ev.default_choice:
                notes.append("default")
            if option.invented:
                notes.append(_("an invented option"))
            refusal = game.why_not_choice(key, choice_id, choices)
            if refusal is not None:
                notes.append(tr("not possible: {refusal_text}", refusal_text=refusal_text(game.rules, refusal)))
            if choices.get(key) == choice_id:
                notes.append("YOUR CHOICE")
            tail = f" ({'; '.join(notes)})" if notes else ""
            detail = f" {about}" if about else ""
            lines += wrap(f"{m}) {label} [{choice_id}].{detail}{tail}", "       ")
    return lines


# ---- actions and orders ---------------------------------------------------------------------------------------


def render_actions(game: Game, orders: Sequence[Action]) -> list[str]:
    """The numbered list of legal actions, each with cost, timing and a one-line summary."""
    rules = game.rules
    unit = rules.scenario.calendar.turn_unit
    legal = game.legal_actions()
    if not legal:
        return [_("Nothing can be done now.")]
    lines = [_("What you can do this turn ('do N' to add it to your orders):")]
    book = OddsBook(game)
    for n, action in enumerate(legal, 1):
        lines += _action_lines(game, unit, n, action)
        odds = book.odds(action)
        worn = wear_note(game, action)
        for line in [*(odds_lines(rules, odds) if odds else ()), *([worn] if worn else [])]:
            lines += wrap(line, "       ")
        if action in orders:
            lines.append(_("       [in your orders]"))
        else:
            refusal = game.why_illegal(action, orders)
            if refusal:
                lines += wrap(tr("[not with your other orders: {refusal_text}]",
                                 refusal_text=refusal_text(rules, refusal, typed=True)), "       ")
    return lines


def _action_lines(game: Game, unit: str, n: int, action: Action) -> list[str]:
    """'  3. Good offices → Karelia – Lowmark [good_offices karelia_lowmark] — 6 prestige; acts after 1 week'; a
    proposal with what a refusal would cost on top of its price."""
    rules = game.rules
    if action.use in rules.proposals:
        prop = rules.proposals[action.use]
        head = tr("{n:>3}. {name} ({mode_word}) [{key} {mode}] — {cost_text}; acts at once",
                  n=n, name=prop.name, mode_word=mode_name(action.mode), mode=action.mode, key=prop.key,
                  cost_text=action_cost(rules, action, game, ", "))
        return [head, *wrap(first_sentence(prop.text), "       ")]
    ins = rules.instruments[action.use]
    target = f" → {target_name(rules, action.target)}" if action.target else ""
    delay = _("acts at once") if ins.delay == 0 else tr("acts after {plural_value}",
                                                     plural_value=plural(ins.delay, unit))
    lasts = tr(", lasts {duration}", duration=plural(ins.duration, unit)) if ins.duration > 1 else ""
    ident = f"{ins.key} {action.target}" if action.target else ins.key
    head = f"{n:>3}. {ins.name}{target} [{ident}] — {cost_text(ins.cost, ins.attention)}; {delay}{lasts}"
    return [head, *wrap(first_sentence(ins.description), "       ")]


def render_orders(game: Game, orders: Sequence[Action], choices: dict[str, str]) -> list[str]:
    """This turn's orders and answers, and what they commit of the office's resources."""
    rules = game.rules
    if not orders and not choices:
        return [_("No orders yet this turn: 'actions' lists what you can do; 'end' ends the turn as it stands.")]
    lines = [_("This turn's orders:")] if orders else [_("No actions ordered this turn.")]
    for action in orders:
        cost = action_cost(rules, action, game, ", ")
        lines.append(f"  - {action_label(rules, action)} · {cost}")
    titles = {key: (title, dict(options)) for key, title, options in game.pending()}
    for key, choice in choices.items():
        title, options = titles.get(key, (key, {}))
        lines.append(tr("  answer to '{title}': {get}", title=title, get=options.get(choice, choice)))
    commits = commitment_text(rules, game.observation().office, game.committed(orders, choices))
    if commits:
        lines += wrap(commits, "  ")
    return lines


# ---- what changed, and why ------------------------------------------------------------------------------------


def render_report(rules: Rules, report: TurnReport) -> list[str]:
    """The turn's outcome under its own dates: decisions, each visible value's change over the day with each
    cause's share (the numbers add up as shown), hidden changes only counted."""
    lines: list[str] = []
    turns = change_turns(report)
    secret = {t.key for t in rules.tracks if t.visibility == "hidden"}  # a hidden track's moves are not even counted
    for day in report_days(rules, report):
        heading = turn_heading(rules, day.turn)
        title = what_happened(rules, day.turn) if not day.opening or report.turn < 0 \
            else tr("{heading} begins", heading=heading)
        lines.append(rule(title, "─"))
        if day.decisions:
            lines.append(_("Decisions: ") + " · ".join(f"{name} {what}" for name, what in day.decisions))
        if day.events:
            lines += wrap(_("Events: ") + _("; ").join(fired_words(rules, report, key)[0] for key in day.events), "")
        lines += _day_changes(rules, day)
        hidden: dict[str, int] = {}
        for change, turn in zip(report.changes, turns, strict=True):
            if turn == day.turn and change.hidden and not change.target.endswith(".intention") \
                    and change.target not in secret:
                label = cause_label(rules, change.cause)
                hidden[label] = hidden.get(label, 0) + 1
        if hidden:
            counts = ", ".join(f"{label} ({n})" for label, n in hidden.items())
            lines += wrap(tr("Also moved out of your sight (internal): {counts}. 'why PARTY' shows which way.",
                             counts=counts), "  ")
    return lines


def _day_changes(rules: Rules, day: Day) -> list[str]:
    """Each value's change over the day, then each cause's share under it."""
    if not day.totals and not day.causes:
        return [_("Nothing you can see changed.")]
    lines = [_("What changed, and why:")]
    targets = [t.target for t in day.totals]
    targets += [s.target for c in day.causes for s in c.shares if s.target not in targets]
    totals = {t.target: t for t in day.totals}
    for target in targets:
        total = totals.get(target)
        shares = day.shares_of(target)
        head = total.text if total else unit_phrase("unchanged", rules.scenario.calendar.turn_unit,
                                                    what=shares[0][1].text.split(' ')[0])
        lines += wrap(head, "  ")
        if target.endswith(".rung"):
            lines.append(tr("      ('why {target}' shows what pushed the pressure)", target=target[: -len('.rung')]))
        lines += _share_lines(shares)
    return lines


def _share_lines(shares) -> list[str]:
    """Each cause's share of a value, amounts in a column: '      −3    Private message → Soviet Union'."""
    width = max((len(s.amount) for __, s in shares), default=0)
    lines: list[str] = []
    for label, share in shares:
        rest = wrap(label, " " * (8 + width), WIDTH)
        lines.append(f"      {share.amount:<{width}}  {rest[0].strip()}")
        lines += rest[1:]
    return lines


def known_targets(rules: Rules) -> list[str]:
    """Every name 'why' understands."""
    names = [*OFFICE_TARGETS, *rules.pair_ids, *rules.party_ids, *(f"council.{m}" for m in rules.council_ids)]
    names += [f"{p}.{a}" for p in rules.pair_ids for a in ("rung", "pressure")]
    names += [f"{p}.{a}" for p in rules.party_ids for a in PARTY_ATTRS]
    names += ["opinion", *opinion_targets()]
    return names + list(rules.scenario.variables) + [t.key for t in rules.tracks]


def render_why(rules: Rules, report: TurnReport | None, target: str) -> list[str]:
    """The causes of last turn's changes to `target` (a value, a pair or a party); hidden ones as ↑/↓ only."""
    if report is None or report.turn < 0:
        return [_("No turn has been played yet: 'why' explains the changes of the last turn.")]
    target = target.strip().lower()
    if target.endswith(".intention") or target not in known_targets(rules):
        changed = sorted({c.target for c in report.changes if not c.hidden})
        hint = did_you_mean(target, known_targets(rules))
        lines = [tr("'why' does not know '{target}'{hint}", target=target, hint=hint)]
        if changed:
            lines.append(_("Visible changes last turn: ") + ", ".join(f"'{name}'" for name in changed))
        return lines
    prefix = target + "."
    turns = change_turns(report)
    wanted = [(c, t) for c, t in zip(report.changes, turns, strict=True)
              if (c.target == target or c.target.startswith(prefix)) and not c.target.endswith(".intention")]
    if not wanted:
        return [turn_unit_phrase("unchanged in", rules, report.turn, name=_name(rules, target))]
    lines: list[str] = []
    for day in report_days(rules, report):
        mine = [c for c, t in wanted if t == day.turn]
        if not mine:
            continue
        if day.opening and report.turn >= 0:
            lines.append(turn_unit_phrase("then", rules, day.turn))
        else:
            lines.append(turn_unit_phrase("changed in", rules, day.turn, name=_name(rules, target)))
        groups: dict[str, list] = {}
        for c in mine:
            groups.setdefault(c.target, []).append(c)
        totals = {t.target: t for t in day.totals}
        for name, group in groups.items():
            if group[0].hidden:
                lines.append(tr("  {hidden_name} [{name}] (hidden: only which way each cause pushed it)",
                                hidden_name=_hidden_name(rules, name), name=name))
                pushes: dict[str, float] = {}
                for c in group:
                    label = cause_label(rules, c.cause)
                    pushes[label] = pushes.get(label, 0.0) + c.after - c.before
                lines += [f"      {'↑' if v > 0 else '↓'}  {label}" for label, v in pushes.items() if v]
                continue
            total = totals.get(name)
            lines += wrap(total.text if total else unit_phrase("no change", rules.scenario.calendar.turn_unit,
                                                               what=name), "  ")
            lines += _share_lines(day.shares_of(name))
    return lines


def _hidden_name(rules: Rules, target: str) -> str:
    """A hidden value by its name: "United States's trust", "the pressure between United States and Cuba"."""
    head, __, attr = target.partition(".")
    if head in rules.party_names:
        return tr("{party}'s {attr}", party=rules.party_names[head], attr=attribute_word(attr))
    if head in rules.pair_ids:
        return tr("the {what} between {pair}", what=attribute_word(attr), pair=pair_name(rules, head, ' and '))
    return target


def _name(rules: Rules, target: str) -> str:
    """What 'why' was asked about, by its name: 'United States – Cuba', 'prestige'."""
    if target in rules.pair_ids or target in rules.party_names:
        return target_name(rules, target)
    return target


# ---- the end --------------------------------------------------------------------------------------------------


def render_ending(game: Game, score: Score, base: Game) -> list[str]:
    """The debrief: the ending, the score and its parts, peak escalation, what really happened, questions."""
    rules = game.rules
    endings = {e.key: e for e in rules.endings}
    end = endings[score.ending]
    theirs = endings[score.baseline_ending]
    title, text = ending_words(rules, end.key, game.state.texts)
    lines = ["", rule(tr("The end: {title}", title=title)), tr("Rating: {rating}", rating=rating_words(end.rating)),
             *wrap(text), ""]
    lines += [
        tr("Your score: {total:+.1f}", total=score.total),
        f"  {title} ({rating_words(end.rating)}): {localized(format(score.base, '+.1f'))}",
        "  " + labelled(prevention_label(theirs.rating, score.prevention, theirs.title),
                        localized(format(score.prevention, "+.1f"))),
        tr("  escalation spared compared with no intervention: {escalation_spared:+.1f}",
           escalation_spared=score.escalation_spared),
        tr("  prestige gained or lost: {prestige:+.1f}", prestige=score.prestige),
        tr("Without you: {title} ({rating}).", title=theirs.title, rating=rating_words(theirs.rating)),
        "",
        _("Peak escalation:"),
    ]
    for k, pid in enumerate(rules.pair_ids):
        mine, their = game.state.pairs[k].peak_rung, base.state.pairs[k].peak_rung
        ladder = rules.ladders[k]
        lines.append(tr("  {pair_name}: {bar} {mine}/{value} {ladder} (without you: {their} {ladder2})",
                        pair_name=pair_name(rules, pid), bar=bar(mine, len(ladder) - 1), mine=mine,
                        value=len(ladder) - 1, ladder=ladder[mine], their=their, ladder2=ladder[their]))
        lines.append(tr("      path: {join}", join=' → '.join(str(r) for r in rung_path(game, k))))
    scn = rules.scenario
    if scn.historical_notes:
        lines += ["", _("What really happened:")]
        for note in scn.historical_notes:
            lines += wrap(labelled(day_text(note.date), note.text), "  ")
    if scn.notes:
        lines += ["", _("About this scenario:"), *wrap(scn.notes, "  ")]
    if scn.discussion:
        lines += ["", _("For discussion:")]
        lines += [line for d in scn.discussion for line in wrap(f"- {d.question}", "  ")]
    return lines


def rung_path(game: Game, k: int) -> list[int]:
    """The rung of pair k after each rung change, from the start."""
    target = f"{game.rules.pair_ids[k]}.rung"
    steps = [c for report in game.reports for c in report.changes if c.target == target]
    start = int(steps[0].before) if steps else game.state.pairs[k].rung
    return [start, *(int(c.after) for c in steps)]


# ---- help -----------------------------------------------------------------------------------------------------


def render_help(command: str | None = None) -> list[str]:
    """All commands with a line each, or one command in full."""
    if command is None:
        lines = [_("Commands:")]
        lines += [f"  {_(usage):<48} {_(summary)}" for usage, summary, __ in COMMANDS.values()]
        return [*lines, _("'help COMMAND' explains one.")]
    name = command.lower()
    if name not in COMMANDS:
        return [tr("no command '{command}'{did_you_mean}",
                   command=command, did_you_mean=did_you_mean(name, COMMANDS))]
    usage, __, text = COMMANDS[name]
    return [_(usage), *wrap(_(text), "  ")]


def unknown_command(word: str) -> str:
    """One line for a word that is no command: the nearest command, if any, and where to find the rest."""
    close = difflib.get_close_matches(word.lower(), list(COMMANDS), n=1, cutoff=0.5)
    if close:
        return tr("unknown command '{word}' — did you mean '{close}'? Type 'help' for the commands.",
                  word=word, close=close[0])
    return tr("unknown command '{word}'; type 'help' for the commands.", word=word)


# ---- the session: reading commands and acting on them ---------------------------------------------------------


@dataclass
class Session:
    """One game being played in the terminal, and where and how to save it."""

    game: Game
    scenario_label: str  # what to type after 'play' to get this scenario back
    scenario_path: str
    digest: str
    saves_dir: Path
    player: str = ""
    created: str | None = None
    session_code: str = ""  # the class's session code the game was started from, if any
    orders: list[Action] = field(default_factory=list)
    choices: dict[str, str] = field(default_factory=dict)
    game_id: str = field(default_factory=new_game_id)  # names this game's own autosave
    votes: list[Vote] = field(default_factory=list)  # a class's votes, from the save it was loaded from
    messages: list[TeamMessage] = field(default_factory=list)  # a delegations class's messages, likewise

    def draft(self) -> TurnInput:
        """This turn's orders and answers, not yet sent: a save keeps them so a load gives them back."""
        return TurnInput(tuple(self.orders), tuple(sorted(self.choices.items())))


class Quit(Exception):
    """The player leaves (quit, end of input or Ctrl-C)."""


class TextGame:
    """The command loop: reads a line, runs its command, writes the lines it returns."""

    def __init__(self, session: Session, inp: TextIO, out: TextIO) -> None:
        self.s, self.inp, self.out = session, inp, out
        self.interactive = inp is sys.stdin and _isatty(inp)
        self.handlers: dict[str, Callable[[list[str]], list[str]]] = {
            "actions": self.cmd_actions, "do": self.cmd_do, "orders": self.cmd_orders, "undo": self.cmd_undo,
            "clear": self.cmd_clear, "choose": self.cmd_choose, "end": self.cmd_end, "why": self.cmd_why,
            "status": self.cmd_status, "brief": self.cmd_brief, "glossary": self.cmd_glossary,
            "save": self.cmd_save, "help": self.cmd_help, "quit": self.cmd_quit,
        }

    @property
    def game(self) -> Game:
        return self.s.game

    def write(self, lines: Iterable[str]) -> None:
        """Print lines and flush, so a player or a script sees them before the next prompt."""
        for line in lines:
            print(line, file=self.out)
        self.out.flush()

    def run(self, opening: Sequence[str] = ()) -> int:
        """Play until the game ends or the player leaves; always returns 0."""
        self.write(opening)
        if self.game.done:
            self.write(self.finish(save=False))
            return 0
        self.write(["", *render_turn(self.game)])
        try:
            while not self.game.done:
                line = self.read()
                self.write(self.handle(line))
        except Quit:
            self.write(self.leave())
        except KeyboardInterrupt:
            self.write(["", *self.leave()])
        return 0

    def read(self) -> str:
        """The next command line; raises Quit at the end of input. Piped input is echoed after the prompt."""
        prompt = f"[{turn_date(self.game.rules, self.game.turn)}] > "
        if self.interactive:
            try:
                return input(prompt)
            except EOFError:
                print(file=self.out)
                raise Quit from None
        self.out.write(prompt)
        line = self.inp.readline(MAX_LINE + 2)
        if not line:
            self.out.write("\n")
            raise Quit
        if len(line) > MAX_LINE and not line.endswith("\n"):
            while (more := self.inp.readline(MAX_LINE)) and not more.endswith("\n"):
                pass  # the rest of an over-long line is read and dropped, never held whole
            line += "…"
        self.out.write(clean_text(line.rstrip("\r\n"))[:MAX_LINE] + "\n")
        return line

    def handle(self, line: str) -> list[str]:
        """Run one command line and return what to show."""
        line = line.rstrip("\r\n")
        if len(line) > MAX_LINE:
            return [tr("that line is more than {MAX_LINE:,} characters long; commands are short — type 'help' for "
                       "them",
                       MAX_LINE=MAX_LINE)]
        words = clean_text(line).split()
        if not words:
            return []
        handler = self.handlers.get(words[0].lower())
        if handler is None:
            return [unknown_command(words[0])]
        return handler(words[1:])

    # -- commands ----------------------------------------------------------------------------------------------
    def cmd_actions(self, __: list[str]) -> list[str]:
        return render_actions(self.game, self.s.orders)

    def cmd_do(self, args: list[str]) -> list[str]:
        action = parse_action(self.game, args)
        if isinstance(action, str):
            return [action]
        refusal = self.game.why_illegal(action, self.s.orders)
        if refusal:
            return [tr("cannot do that: {refusal_text}",
                       refusal_text=refusal_text(self.game.rules, refusal, typed=True))]
        self.s.orders.append(action)
        label = action_label(self.game.rules, action)
        return [tr("Ordered: {label}. ('orders' to review, 'end' to end the turn)", label=label)]

    def cmd_orders(self, __: list[str]) -> list[str]:
        return render_orders(self.game, self.s.orders, self.s.choices)

    def cmd_undo(self, __: list[str]) -> list[str]:
        if not self.s.orders:
            return [_("There are no orders to undo.")]
        action = self.s.orders.pop()
        return [tr("Removed: {action_label}.", action_label=action_label(self.game.rules, action))]

    def cmd_clear(self, __: list[str]) -> list[str]:
        self.s.orders.clear()
        self.s.choices.clear()
        return [_("Orders and answers cleared.")]

    def cmd_choose(self, args: list[str]) -> list[str]:
        answer = parse_choice(self.game, args)
        if isinstance(answer, str):
            return [answer]
        key, choice = answer
        refusal = self.game.why_not_choice(key, choice, self.s.choices)
        if refusal is not None:
            return [tr("Not possible: {refusal_text}.", refusal_text=refusal_text(self.game.rules, refusal))]
        self.s.choices[key] = choice
        title, options = next((t, dict(o)) for k, t, o in self.game.pending() if k == key)
        return [tr("Your answer to '{title}': {options}.", title=title, options=options[choice])]

    def cmd_end(self, __: list[str]) -> list[str]:
        try:
            report = self.game.step(self.s.orders, self.s.choices)
        except IllegalAction as exc:
            return [tr("cannot end the turn: {refusal_text}",
                       refusal_text=refusal_text(self.game.rules, exc.refusal, typed=True))]
        self.s.orders, self.s.choices = [], {}
        lines = render_report(self.game.rules, report) + render_reactions(self.game, report)
        if self.game.done:
            return [*lines, *render_feed(self.game.rules, report), *self.finish()]
        lines += self.autosave_note(quiet=True)
        return [*lines, "", *render_turn(self.game)]

    def cmd_why(self, args: list[str]) -> list[str]:
        if not args:
            report = self.game.reports[-1] if self.game.reports else None
            changed = sorted({c.target for c in report.changes if not c.hidden}) if report else []
            shown = ", ".join(f"'{name}'" for name in changed) if changed else _("nothing visible changed")
            return [_("why what? e.g. 'why prestige'. Visible changes last turn: ") + shown]
        return render_why(self.game.rules, self.game.reports[-1] if self.game.reports else None, " ".join(args))

    def cmd_status(self, __: list[str]) -> list[str]:
        return render_turn(self.game, self.s.orders, self.s.choices)

    def cmd_brief(self, __: list[str]) -> list[str]:
        return [*render_briefing(self.game.rules), "", *render_resources(self.game.rules)]

    def cmd_glossary(self, __: list[str]) -> list[str]:
        return render_glossary(self.game.rules)

    def cmd_save(self, args: list[str]) -> list[str]:
        try:
            path = save_game(self.game, self.s.saves_dir, " ".join(args) or None, self.s.player,
                             scenario_path=self.s.scenario_path, digest=self.s.digest, created=self.s.created,
                             session=self.s.session_code, game_id=self.s.game_id, draft=self.s.draft(),
                             votes=self.s.votes, messages=self.s.messages)
        except SaveError as exc:
            return [tr("not saved: {message_value}", message_value=exc.message)]
        return [tr("Saved: {path}. Continue later with: {resume_command}",
                   path=path, resume_command=self.resume_command(path))]

    def cmd_help(self, args: list[str]) -> list[str]:
        return render_help(args[0] if args else None)

    def cmd_quit(self, __: list[str]) -> list[str]:
        raise Quit

    # -- saving and leaving ------------------------------------------------------------------------------------
    def resume_command(self, path: Path) -> str:
        """The command line that continues the game saved at `path`."""
        return tr("python main.py play {scenario_label} --load {path}",
                  scenario_label=self.s.scenario_label, path=path)

    def autosave_note(self, quiet: bool) -> list[str]:
        """Autosave now; say so only on failure (or always when not `quiet`)."""
        try:
            path = autosave(self.game, self.s.saves_dir, self.s.player, scenario_path=self.s.scenario_path,
                            digest=self.s.digest, created=self.s.created, session=self.s.session_code,
                            game_id=self.s.game_id, draft=self.s.draft(), votes=self.s.votes,
                            messages=self.s.messages)
        except SaveError as exc:
            return [tr("warning: the game could not be saved automatically: {message_value}",
                       message_value=exc.message)]
        return [] if quiet else [tr("Game saved to {path}. Continue with: {resume_command}",
                                    path=path, resume_command=self.resume_command(path))]

    def leave(self) -> list[str]:
        """Autosave a consistent game (replayed from its inputs, in case Ctrl-C struck mid-turn) and say where."""
        game = self.game
        self.s.game = replay(game.rules, game.seed, game.inputs, game.interventions)
        return self.autosave_note(quiet=False)

    def finish(self, save: bool = True) -> list[str]:
        """The debrief, and the finished game saved (unless it was loaded finished: nothing new to save)."""
        game = self.game
        lines = render_ending(game, game.score(), baseline(game.rules, game.seed))
        if not save:
            return lines
        try:
            path = autosave(game, self.s.saves_dir, self.s.player, scenario_path=self.s.scenario_path,
                            digest=self.s.digest, created=self.s.created, session=self.s.session_code,
                            game_id=self.s.game_id, votes=self.s.votes, messages=self.s.messages)
        except SaveError as exc:
            return [*lines, "", tr("warning: the finished game could not be saved: {message_value}",
                                   message_value=exc.message)]
        return [*lines, "", tr("The finished game is saved in {path}.", path=path)]


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# ---- parsing the player's words -------------------------------------------------------------------------------


def parse_action(game: Game, args: list[str]) -> Action | str:
    """The action named by `do`'s arguments (a number from 'actions', or ids), or a message saying what is wrong."""
    if not args:
        return _("do what? Give a number from 'actions', or a name: e.g. 'do good_offices karelia_lowmark'")
    rules = game.rules
    first = args[0].lower()
    if is_whole(first):
        legal = game.legal_actions()
        n = parse_whole(first, 1, len(legal))
        if n is None:
            return tr("there is no action {shown_number}: 'actions' lists {plural_value}",
                      shown_number=shown_number(first), plural_value=plural(len(legal), 'action'))
        return legal[n - 1]
    known = [*rules.instruments, *rules.proposals]
    if first not in known:
        return tr("unknown instrument or proposal '{first}'{did_you_mean}; 'actions' lists them",
                  first=first, did_you_mean=did_you_mean(first, known))
    target = mode = None
    for word in (w.lower() for w in args[1:]):
        if word in ("private", "public"):
            mode = word
        else:
            target = word
    if first in rules.proposals:
        prop = rules.proposals[first]
        if mode is None and len(prop.modes) == 1:
            mode = prop.modes[0]
        return Action(first, None if target == rules.pair_ids[prop.pair] else target, mode)
    if mode is not None:
        return tr("only proposals are floated private or public; '{first}' takes no mode", first=first)
    kind = rules.instruments[first].target
    options = rules.pair_ids if kind == "pair" else rules.party_ids if kind == "party" else []
    if target is None and len(options) == 1:
        target = options[0]
    return Action(first, target)


def parse_choice(game: Game, args: list[str]) -> tuple[str, str] | str:
    """(event id, choice id) from `choose`'s arguments, or a message saying what is wrong."""
    pending = game.pending()
    if not pending:
        return _("no event is awaiting your decision")
    if len(args) == 1 and len(pending) == 1:
        args = ["1", args[0]]
    if len(args) != 2:
        return _("choose EVENT CHOICE, e.g. 'choose 1 2' (the numbers are on the turn screen: 'status')")
    ev_word, choice_word = (a.lower() for a in args)
    ids = [key for key, __, __ in pending]
    ev_number = parse_whole(ev_word, 1, len(pending))
    if ev_number is not None:
        event = pending[ev_number - 1]
    elif ev_word in ids:
        event = pending[ids.index(ev_word)]
    else:
        return tr("no decision is pending on '{shown_number}'{did_you_mean}",
                  shown_number=shown_number(ev_word), did_you_mean=did_you_mean(ev_word, ids))
    key, title, options = event
    choice_ids = [c for c, __ in options]
    choice_number = parse_whole(choice_word, 1, len(options))
    if choice_number is not None:
        return key, options[choice_number - 1][0]
    if choice_word in choice_ids:
        return key, choice_word
    return tr("'{title}' has no option '{shown_number}'{did_you_mean}",
              title=title, shown_number=shown_number(choice_word), did_you_mean=did_you_mean(choice_word, choice_ids))


def shown_number(word: str, limit: int = 12) -> str:
    """A typed word as a message may quote it: a 5,000-digit number is shown by its first digits."""
    return word if len(word) <= limit else f"{word[:limit]}…"


def play(session: Session, opening: Sequence[str], inp: TextIO | None = None, out: TextIO | None = None) -> int:
    """Run a text-mode game to its end (or until the player leaves); returns the exit status, 0."""
    inp = tolerant_input(inp or sys.stdin)
    clean_stale_temps(session.saves_dir)
    return TextGame(session, inp, out or sys.stdout).run(opening)


def tolerant_input(inp: TextIO) -> TextIO:
    """`inp`, made to keep bytes that are not UTF-8 (a terminal in another encoding) instead of failing on them;
    `clean_text` then reads them."""
    if isinstance(inp, io.TextIOWrapper):
        with contextlib.suppress(ValueError, AttributeError):
            inp.reconfigure(errors="surrogateescape")
    return inp
