"""Semantic checks that look across a whole scenario: references, ids, dates, reachability.

One function per kind of node, in the spirit of Ren'Py's lint: each returns plain-language problems located
by their path in the document. `run_checks` gathers them all so an author sees every problem in one run.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator

from game.i18n import _, tr

from .calendar import calendar_problem, turn_dates, turn_of
from .compiled import CompiledScenario, compile_scenario
from .diagnostics import Path, Problem, did_you_mean
from .expr import Expression, Ref
from .geography import atlas
from .model import Scenario
from .names import INSTRUMENT_TARGETS, RESERVED


def run_checks(scn: Scenario) -> list[Problem]:
    """Every cross-reference and reachability problem of the scenario."""
    problems: list[Problem] = []
    for check in (
        check_ids,
        check_names_clash,
        check_sources,
        check_pairs,
        check_roles,
        check_council,
        check_variable_names,
        check_dates,
        check_instruments,
        check_proposals,
        check_events,
        check_discussion,
        check_historical_policy,
        check_map,
        check_reaction_dates,
    ):
        problems.extend(check(scn))
    too_long = calendar_problem(scn.calendar)
    if too_long is not None:
        return [*problems, too_long]  # nothing is compiled for a calendar the game would not play
    compiled, expr_problems = compile_scenario(scn)
    problems.extend(expr_problems)
    if compiled is not None:
        problems.extend(check_reachability(compiled))
        problems.extend(check_scheduled_conditions(compiled))
        problems.extend(check_conditions_that_never_hold(compiled))
        problems.extend(check_variables(compiled))
        problems.extend(check_map_secrets(compiled))
    return problems


def _duplicates(items: Iterable[tuple[Path, str]], what: str) -> Iterator[Problem]:
    seen: dict[str, Path] = {}
    for path, ident in items:
        if ident in seen:
            first = seen[ident][1] if isinstance(seen[ident][1], int) else 0
            yield Problem(path, "error", tr("duplicate {what} id '{ident}': {what} number {value} in this list "
                                            "already uses it; rename one of them (ids must be unique)",
                                            what=what, ident=ident, value=first + 1))
        else:
            seen[ident] = path


def check_ids(scn: Scenario) -> Iterator[Problem]:
    """Ids are unique within each kind of node."""
    groups = {
        "source": ("sources", scn.sources),
        "party": ("parties", scn.parties),
        "pair": ("pairs", scn.pairs),
        "council member": ("council", scn.council),
        "distraction": ("distractions", scn.distractions),
        "proposal": ("proposals", scn.proposals),
        "event": ("events", scn.events),
        "ending": ("endings", scn.endings),
        "discussion point": ("discussion", scn.discussion),
        "track": ("tracks", scn.tracks),
    }
    for what, (key, items) in groups.items():
        yield from _duplicates((((key, i, "id"), item.id) for i, item in enumerate(items)), what)
    yield from _duplicates(
        (
            ((("instruments", i, "id") if ins.id else ("instruments", i, "use")), ins.key)
            for i, ins in enumerate(scn.instruments)
        ),
        "instrument",
    )
    for i, ev in enumerate(scn.events):
        yield from _duplicates(
            (((("events", i, "choices", j, "id")), ch.id) for j, ch in enumerate(ev.choices)), "choice"
        )


def check_names_clash(scn: Scenario) -> Iterator[Problem]:
    """Names that expressions can use bare must not collide with each other or with built-in names."""
    owners: dict[str, str] = {}
    named: list[tuple[Path, str, str]] = [(("parties", i, "id"), p.id, "party") for i, p in enumerate(scn.parties)]
    named += [(("pairs", i, "id"), p.id, "pair") for i, p in enumerate(scn.pairs)]
    named += [(("variables", name), name, "variable") for name in scn.variables]
    named += [(("tracks", i, "id"), t.id, "track") for i, t in enumerate(scn.tracks)]
    for path, name, what in named:
        if name in RESERVED:
            yield Problem(
                path,
                "error",
                tr("'{name}' is a built-in name and cannot be used as a {what} id; rename it", name=name, what=what),
                key=what == "variable",
            )
        elif name in owners and owners[name] != what:
            yield Problem(
                path,
                "error",
                tr("'{name}' is already a {owners} id; a {what} needs another name",
                   name=name, owners=owners[name], what=what),
                key=what == "variable",
            )
        else:
            owners[name] = what
    action_ids = {ins.key for ins in scn.instruments}
    for i, prop in enumerate(scn.proposals):
        if prop.id in action_ids:
            yield Problem(
                ("proposals", i, "id"),
                "error",
                tr("proposal id '{id}' is also an instrument id; give the proposal another id", id=prop.id),
            )


def check_sources(scn: Scenario) -> Iterator[Problem]:
    """Every `source:` cites a source declared under `sources`."""
    ids = {s.id for s in scn.sources}
    cites: list[tuple[Path, str | None]] = [(("events", i, "source"), e.source) for i, e in enumerate(scn.events)]
    cites += [(("historical_notes", i, "source"), n.source) for i, n in enumerate(scn.historical_notes)]
    cites += [(("proposals", i, "source"), p.source) for i, p in enumerate(scn.proposals)]
    cites += [(("distractions", i, "source"), d.source) for i, d in enumerate(scn.distractions)]
    for path, sid in cites:
        if sid is not None and sid not in ids:
            yield Problem(
                path,
                "error",
                tr("unknown source '{sid}'{did_you_mean}; declare it under 'sources' or fix the spelling",
                   sid=sid, did_you_mean=did_you_mean(sid, ids)),
            )


def check_pairs(scn: Scenario) -> Iterator[Problem]:
    """Pairs name two different, declared parties, and start on their ladder."""
    parties = {p.id for p in scn.parties}
    seen: dict[frozenset[str], str] = {}
    for i, pair in enumerate(scn.pairs):
        for j, pid in enumerate(pair.between):
            if pid not in parties:
                yield Problem(("pairs", i, "between", j), "error", tr("unknown party '{pid}'{did_you_mean}",
                                                                      pid=pid, did_you_mean=did_you_mean(pid, parties)))
        a, b = pair.between
        if a == b:
            yield Problem(
                ("pairs", i, "between"), "error", tr("a pair needs two different parties, not '{a}' twice; name "
                                                     "the other",
                                                     a=a)
            )
        key = frozenset(pair.between)
        if key in seen and a != b:
            yield Problem(
                ("pairs", i, "between"),
                "error",
                tr("'{a}' and '{b}' already form pair '{seen}'; remove one of the two pairs",
                   a=a, b=b, seen=seen[key]),
            )
        seen.setdefault(key, pair.id)
        rungs = len(pair.ladder or scn.ladder)
        if pair.pressure >= rungs:
            yield Problem(
                ("pairs", i, "pressure"),
                "error",
                tr("pressure {pressure} is above the top of the ladder (rungs 0 to {value}); use a value below "
                   "{rungs}",
                   pressure=pair.pressure, value=rungs - 1, rungs=rungs),
            )
        if pair.secret is not None and pair.secret.rung >= rungs:
            yield Problem(
                ("pairs", i, "secret", "rung"),
                "error",
                tr("rung {rung} is above the top of the ladder (rungs 0 to {value}); use a rung from 0 to {value}",
                   rung=pair.secret.rung, value=rungs - 1),
            )


def check_roles(scn: Scenario) -> Iterator[Problem]:
    """Disputants are in pairs; mediators and observers are in none, and a mediator names the pairs it mediates."""
    in_pairs: dict[str, tuple[int, int]] = {}
    for k, pair in enumerate(scn.pairs):
        for j, pid in enumerate(pair.between):
            in_pairs.setdefault(pid, (k, j))
    pairs = {p.id for p in scn.pairs}
    slips = not set(in_pairs) <= {p.id for p in scn.parties}  # a misspelt member: its error says enough
    for i, party in enumerate(scn.parties):
        if party.role == "disputant":
            if party.id not in in_pairs and not slips:
                yield Problem(
                    ("parties", i, "id"),
                    "warning",
                    tr("'{id}' is in no pair, so it has nothing to escalate, yet as a disputant it decides every "
                       "turn whether to; put it in a pair, or mark it 'role: mediator' or 'role: observer'",
                       id=party.id),
                )
        elif party.id in in_pairs:
            k, j = in_pairs[party.id]
            yield Problem(
                ("pairs", k, "between", j),
                "error",
                tr("'{id}' is a {role}, and a {role} takes part in no pair; remove it from this pair or drop its "
                   "'role'",
                   id=party.id, role=party.role),
            )
        if party.mediates and party.role != "mediator":
            yield Problem(
                ("parties", i, "mediates"),
                "error",
                tr("only a mediator mediates; add 'role: mediator' to '{id}' or remove 'mediates'", id=party.id),
                key=True,
            )
        for j, pid in enumerate(party.mediates):
            if pid not in pairs:
                yield Problem(("parties", i, "mediates", j), "error", tr("unknown pair '{pid}'{did_you_mean}",
                                                                         pid=pid,
                                                                         did_you_mean=did_you_mean(pid, pairs)))
        if party.role == "mediator" and not party.mediates:
            yield Problem(
                ("parties", i, "role"),
                "warning",
                tr("mediator '{id}' mediates no pair, so it strengthens nothing; add 'mediates: [PAIR]'",
                   id=party.id),
            )


def check_council(scn: Scenario) -> Iterator[Problem]:
    """Council members that are parties name a declared party; at most five hold a veto."""
    parties = {p.id for p in scn.parties}
    for i, member in enumerate(scn.council):
        if member.party is not None and member.party not in parties:
            yield Problem(
                ("council", i, "party"), "error", tr("unknown party '{party}'{did_you_mean}",
                                                     party=member.party,
                                                     did_you_mean=did_you_mean(member.party, parties))
            )
    permanent = [i for i, m in enumerate(scn.council) if m.permanent]
    if len(permanent) > 5:
        yield Problem(
            ("council", permanent[5], "permanent"),
            "warning",
            tr("{len} members have a veto; the real Council has five permanent members", len=len(permanent)),
        )


def check_variable_names(scn: Scenario) -> Iterator[Problem]:
    """Every name in `variable_names` names a declared variable."""
    for name in scn.variable_names:
        if name not in scn.variables:
            yield Problem(("variable_names", name), "error",
                          tr("'{name}' is not a variable of the scenario{did_you_mean}; declare it under "
                             "`variables` or correct the id", name=name,
                             did_you_mean=did_you_mean(name, scn.variables)), key=True)


def _outside(scn: Scenario, day: dt.date | None) -> bool:
    return day is not None and turn_of(scn.calendar, day) is None


def _calendar_span(scn: Scenario) -> str:
    return f"{scn.calendar.start.isoformat()} to {scn.calendar.end.isoformat()}"


def check_dates(scn: Scenario) -> Iterator[Problem]:
    """Dated things fall inside the calendar; a historical note outside it is shown beside the first or last turn,
    which is worth a warning."""
    dated: list[tuple[Path, dt.date | None, str]] = [
        (("events", i, "date"), e.date, _("never fire")) for i, e in enumerate(scn.events)
    ]
    dated += [(("discussion", i, "date"), d.date, _("never be shown")) for i, d in enumerate(scn.discussion)]
    dated += [
        (("historical_policy", i, "date"), h.date, _("never be played")) for i, h in enumerate(scn.historical_policy)
    ]
    for path, day, consequence in dated:
        if _outside(scn, day):
            yield Problem(
                path,
                "error",
                tr("{day} is outside the calendar ({calendar_span}), so this would {consequence}; move the date "
                   "inside the calendar",
                   day=day, calendar_span=_calendar_span(scn), consequence=consequence),
            )
    for i, pair in enumerate(scn.pairs):
        if _outside(scn, pair.incidents_from):
            yield Problem(
                ("pairs", i, "incidents_from"),
                "warning",
                f"{pair.incidents_from} is outside the calendar ({_calendar_span(scn)}), so random incidents are "
                f"{'possible from the first turn' if pair.incidents_from < scn.calendar.start else 'never possible'};"
                " move the date inside the calendar",
            )
        if pair.secret is not None and pair.secret.public is not None and pair.secret.public < pair.secret.until:
            yield Problem(
                ("pairs", i, "secret", "public"),
                "error",
                tr("the world cannot learn of it ({public}) before the office does ({until}); give a date on or "
                   "after {until}", public=pair.secret.public, until=pair.secret.until),
            )
        if pair.secret is not None and _outside(scn, pair.secret.until):
            yield Problem(
                ("pairs", i, "secret", "until"),
                "warning",
                tr("{day} is outside the calendar ({calendar_span}), so the real rung is {consequence}; move the "
                   "date inside the calendar", day=pair.secret.until, calendar_span=_calendar_span(scn),
                   consequence=_("shown from the first turn") if pair.secret.until < scn.calendar.start
                   else _("never shown")),
            )
    for i, ev in enumerate(scn.events):
        if ev.until is not None and ev.until > scn.calendar.end and not _outside(scn, ev.date):
            yield Problem(
                ("events", i, "until"),
                "warning",
                tr("{until} is after the calendar ends ({end}), so the event waits only until the last turn; move "
                   "'until' inside the calendar",
                   until=ev.until, end=scn.calendar.end),
            )
    for i, note in enumerate(scn.historical_notes):
        if _outside(scn, note.date):
            before = note.date < scn.calendar.start
            edge = scn.calendar.start if before else scn.calendar.end
            yield Problem(
                ("historical_notes", i, "date"),
                "warning",
                tr("{date} is outside the calendar ({calendar_span}), so the debrief shows this note beside the "
                   "{value} turn; move the date to {edge} and say in the text when it happened",
                   date=note.date, calendar_span=_calendar_span(scn), value='first' if before else 'last', edge=edge),
            )
    for i, d in enumerate(scn.distractions):
        if d.end < d.start:
            yield Problem(
                ("distractions", i, "end"), "error", _("this distraction ends before it starts; put 'end' after "
                                                       "'start'")
            )
        elif d.end < scn.calendar.start or d.start > scn.calendar.end:
            yield Problem(
                ("distractions", i, "start"),
                "warning",
                tr("this distraction lies wholly outside the calendar ({calendar_span}) and has no effect",
                   calendar_span=_calendar_span(scn)),
            )


def check_reaction_dates(scn: Scenario) -> Iterator[Problem]:
    """A reaction line limited to dates has 'from' no later than 'until' and is shown on at least one turn."""
    if calendar_problem(scn.calendar) is not None:
        return
    days = None
    for i, party in enumerate(scn.parties):
        if party.reactions is None:
            continue
        for situation in type(party.reactions).model_fields:
            for j, line in enumerate(getattr(party.reactions, situation) or ()):
                if isinstance(line, str) or (line.from_ is None and line.until is None):
                    continue
                path = ("parties", i, "reactions", situation, j)
                if line.from_ is not None and line.until is not None and line.until < line.from_:
                    yield Problem((*path, "until"), "error", _("'until' is before 'from', so the line is never shown; "
                                                               "change the dates so that 'from' comes first"))
                    continue
                days = days if days is not None else turn_dates(scn.calendar)
                if not any(line.shown_on(day) for day in days):
                    field = "from" if line.from_ is not None and line.from_ > days[-1] else "until"
                    yield Problem((*path, field), "error",
                                  tr("no turn of the calendar ({calendar_span}) falls from {start} until {end}, so "
                                     "the line is never shown; move its dates inside the calendar",
                                     calendar_span=_calendar_span(scn), start=line.from_ or _("the start"),
                                     end=line.until or _("the end")))


def check_instruments(scn: Scenario) -> Iterator[Problem]:
    """Instrument availability windows are inside the calendar and in order."""
    for i, ins in enumerate(scn.instruments):
        if ins.available_from and ins.available_until and ins.available_until < ins.available_from:
            yield Problem(
                ("instruments", i, "available_until"),
                "error",
                _("'available_until' is before 'available_from', so the instrument is never available"),
            )
        if ins.requires_label and not ins.requires:
            yield _label_alone(("instruments", i, "requires_label"))
        for field in ("available_from", "available_until"):
            day = getattr(ins, field)
            if day is not None and not (scn.calendar.start <= day <= scn.calendar.end):
                yield Problem(
                    ("instruments", i, field), "warning", tr("{day} is outside the calendar ({calendar_span})",
                                                             day=day, calendar_span=_calendar_span(scn))
                )


def check_proposals(scn: Scenario) -> Iterator[Problem]:
    """Proposals are put to a declared pair."""
    pairs = {p.id for p in scn.pairs}
    for i, prop in enumerate(scn.proposals):
        if prop.pair not in pairs:
            yield Problem(
                ("proposals", i, "pair"), "error", tr("unknown pair '{pair}'{did_you_mean}",
                                                      pair=prop.pair, did_you_mean=did_you_mean(prop.pair, pairs))
            )
        if len(set(prop.modes)) != len(prop.modes):
            yield Problem(("proposals", i, "modes"), "warning", _("a mode is listed twice; remove the repeat"))
        if prop.requires_label and not prop.requires:
            yield _label_alone(("proposals", i, "requires_label"))


def _label_alone(path: Path) -> Problem:
    return Problem(path, "warning", _("'requires_label' words a condition, but there is no 'requires' here; add "
                                      "the condition or remove the label"))


def check_events(scn: Scenario) -> Iterator[Problem]:
    """Events' default choices exist, and events with choices have a default."""
    for i, ev in enumerate(scn.events):
        ids = {c.id for c in ev.choices}
        if ev.default_choice is not None and ev.default_choice not in ids:
            yield Problem(
                ("events", i, "default_choice"),
                "error",
                tr("unknown choice '{default_choice}'{did_you_mean}",
                   default_choice=ev.default_choice, did_you_mean=did_you_mean(ev.default_choice, ids)),
            )
        if ev.choices and ev.default_choice is None and len(ev.choices) > 1:
            yield Problem(
                ("events", i, "choices"),
                "warning",
                _("no 'default_choice': simulations will take the first choice; name one to be explicit"),
            )
        if ev.date is not None and ev.repeat:
            yield Problem(
                ("events", i, "repeat"),
                "warning",
                _("a scheduled event fires on its date only; 'repeat' has no effect here"),
            )
        for j, ch in enumerate(ev.choices):
            if ch.cost.envoys:
                yield Problem(
                    ("events", i, "choices", j, "cost", "envoys"),
                    "warning",
                    _("an answer to an event cannot tie up envoys, so 'envoys' in its cost has no effect; remove "
                      "it"),
                    key=True,
                )
            if ch.id == ev.default_choice and (ch.cost.prestige or ch.cost.budget):
                yield Problem(
                    ("events", i, "choices", j, "cost"),
                    "warning",
                    _("this is the default choice, taken when the player does not answer even if the office "
                      "cannot pay for it; give it no cost (a loss of standing is an effect, e.g. 'prestige -= 3')"),
                    key=True,
                )


def check_discussion(scn: Scenario) -> Iterator[Problem]:
    """Discussion points follow declared events."""
    events = {e.id for e in scn.events}
    for i, d in enumerate(scn.discussion):
        if d.after_event is not None and d.after_event not in events:
            yield Problem(
                ("discussion", i, "after_event"),
                "error",
                tr("unknown event '{after_event}'{did_you_mean}",
                   after_event=d.after_event, did_you_mean=did_you_mean(d.after_event, events)),
            )


def check_historical_policy(scn: Scenario) -> Iterator[Problem]:
    """The historical policy uses offered instruments and proposals on valid targets."""
    instruments = {ins.key: ins for ins in scn.instruments}
    proposals = {p.id: p for p in scn.proposals}
    pairs, parties = {p.id for p in scn.pairs}, {p.id for p in scn.parties}
    events = {e.id: e for e in scn.events}
    dates = Counter(h.date for h in scn.historical_policy)
    for i, step in enumerate(scn.historical_policy):
        if dates[step.date] > 1:
            yield Problem(
                ("historical_policy", i, "date"),
                "error",
                tr("{date} appears more than once; put all of that turn's actions in one step", date=step.date),
            )
        for j, act in enumerate(step.actions):
            path: Path = ("historical_policy", i, "actions", j)
            yield from _check_action(act, path, instruments, proposals, pairs, parties)
        for ev_id, choice in step.choices.items():
            if ev_id not in events:
                yield Problem(
                    ("historical_policy", i, "choices", ev_id),
                    "error",
                    tr("unknown event '{ev_id}'{did_you_mean}",
                       ev_id=ev_id, did_you_mean=did_you_mean(ev_id, events)),
                    key=True,
                )
            elif choice not in {c.id for c in events[ev_id].choices}:
                ids = {c.id for c in events[ev_id].choices}
                yield Problem(
                    ("historical_policy", i, "choices", ev_id),
                    "error",
                    tr("event '{ev_id}' has no choice '{choice}'{did_you_mean}",
                       ev_id=ev_id, choice=choice, did_you_mean=did_you_mean(choice, ids)),
                )


def _check_action(act, path: Path, instruments, proposals, pairs, parties) -> Iterator[Problem]:
    if act.use in proposals:
        prop = proposals[act.use]
        if act.mode is None:
            yield Problem(path, "error", tr("proposal '{use}' needs 'mode: private' or 'mode: public'", use=act.use))
        elif act.mode not in prop.modes:
            yield Problem((*path, "mode"), "error", tr("proposal '{use}' cannot be floated in {mode}; use mode: "
                                                       "{join}",
                                                       use=act.use, mode=act.mode, join=' or '.join(prop.modes)))
        return
    if act.use not in instruments:
        yield Problem(
            (*path, "use"),
            "error",
            tr("unknown instrument or proposal '{use}'{did_you_mean}",
               use=act.use, did_you_mean=did_you_mean(act.use, set(instruments) | set(proposals))),
        )
        return
    wants = INSTRUMENT_TARGETS[instruments[act.use].use]
    if wants == "none" and act.target is not None:
        yield Problem((*path, "target"), "error", tr("'{use}' takes no target; remove 'target'", use=act.use))
    elif wants != "none":
        valid = pairs if wants == "pair" else parties
        if act.target is None:
            yield Problem(path, "error", tr("'{use}' needs a target {wants}: one of {join}",
                                            use=act.use, wants=wants, join=', '.join(sorted(valid))))
        elif act.target not in valid:
            yield Problem(
                (*path, "target"),
                "error",
                tr("'{use}' is aimed at a {wants}, and '{target}' is not one{did_you_mean}",
                   use=act.use, wants=wants, target=act.target, did_you_mean=did_you_mean(act.target, valid)),
            )


def check_reachability(compiled: CompiledScenario) -> Iterator[Problem]:
    """Events that can never fire and endings that nothing leads to, where that is visible in the file."""
    scn = compiled.scenario

    def constant(path: Path):
        expr = compiled.expressions.get(path)
        return None if expr is None else expr.constant

    for i, ev in enumerate(scn.events):
        if ev.when is not None and constant(("events", i, "when")) is not None and not constant(("events", i, "when")):
            yield Problem(("events", i, "when"), "error", _("this condition is always false, so the event never "
                                                            "fires; change the condition or remove the event"))
        if ev.chance is not None and not isinstance(ev.chance, str) and ev.chance == 0:
            yield Problem(("events", i, "chance"), "error", _("a chance of 0 means the event never fires; give it "
                                                              "a chance above 0 or remove the event"))
    catch_all: str | None = None
    for i, end in enumerate(scn.endings):
        value = constant(("endings", i, "when"))
        if end.when is not None and value is not None and not value:
            yield Problem(
                ("endings", i, "when"), "error", _("this condition is always false, so nothing leads to this "
                                                   "ending; change the condition or remove the ending")
            )
        elif end.at_end and catch_all is not None:
            yield Problem(
                ("endings", i, "at_end"),
                "error",
                tr("ending '{catch_all}' above catches every game that runs out of time, so nothing leads to this "
                   "one; move it above '{catch_all}'",
                   catch_all=catch_all),
            )
        if end.at_end and end.when is None and catch_all is None:
            catch_all = end.id
    if catch_all is None:
        yield Problem(
            ("endings",),
            "error",
            _("no ending catches a game that runs out of time; add one with 'at_end: true' and no 'when'"),
        )


_DATE: Ref = ("global", None, "date")
_TURN: Ref = ("global", None, "turn")
_TURNS_LEFT: Ref = ("global", None, "turns_left")


def _window(compiled: CompiledScenario, i: int) -> list[int]:
    """The turns on which scheduled event i may fire: its date's, and with 'until' every turn up to it."""
    scn = compiled.scenario
    ev = scn.events[i]
    first = turn_of(scn.calendar, ev.date) if ev.date is not None else None
    if first is None:
        return []
    last = first
    if ev.until is not None:
        last = turn_of(scn.calendar, ev.until)
        last = len(compiled.dates) - 1 if last is None else last
    return list(range(first, last + 1))


def _on_turn(compiled: CompiledScenario, t: int) -> dict[Ref, float]:
    """What the calendar says on turn t: the date, the turn number and the turns left."""
    return {_DATE: float(compiled.dates[t].toordinal()), _TURN: float(t), _TURNS_LEFT: float(len(compiled.dates) - t)}


def check_scheduled_conditions(compiled: CompiledScenario) -> Iterator[Problem]:
    """A scheduled event whose 'when' is false on its date is skipped (or, with 'until', waits): say which."""
    scn = compiled.scenario
    for i, ev in enumerate(scn.events):
        expr = compiled.expressions.get(("events", i, "when"))
        window = _window(compiled, i)
        if expr is None or expr.constant is not None or not window:
            continue
        holds = [expr.given(_on_turn(compiled, t)) for t in window]
        if holds[0] is not False:
            continue
        day = scn.calendar.start if not window else compiled.dates[window[0]]
        later = next((t for t, h in zip(window, holds, strict=True) if h is not False), None)
        if ev.until is None:
            message = (tr("on {day}, the turn of the event's date, this condition is false, so the event is "
                          "skipped: a scheduled event whose condition is false on its date never fires later "
                          "(unless it has 'until'); change the date or the condition",
                          day=day))
        elif later is None:
            message = (tr("this condition is false on every turn from {day} to {until}, so the event never fires; "
                          "change the dates or the condition",
                          day=day, until=ev.until))
        else:
            message = (tr("this condition is false on {day}, the turn of the event's date, so the event cannot "
                          "fire before {dates} (it waits, as 'until' allows); move 'date' there",
                          day=day, dates=compiled.dates[later]))
        yield Problem(("events", i, "when"), "warning", message)


def _bool_facts(compiled: CompiledScenario, expr: Expression | None) -> dict[Ref, bool]:
    """The facts a condition's holding gives about true/false names (flags, fired, accepted, chose)."""
    if expr is None:
        return {}
    kinds = {name: kind for name, kind in compiled.symbols.variables.items()}
    return {ref: v for ref, v in expr.facts().items()
            if ref[0] in ("fired", "accepted", "chose") or (ref[0] == "var" and kinds.get(ref[2]) == "bool")}


def _never(expr: Expression, contexts: list[dict[Ref, object]]) -> bool:
    """True when the condition is false in every context (a constant false is false everywhere)."""
    if expr.constant is not None:
        return not expr.constant
    return bool(contexts) and all(expr.given(known) is False for known in contexts)


def check_conditions_that_never_hold(compiled: CompiledScenario) -> Iterator[Problem]:
    """Effects ('NAME = VALUE if CONDITION') and words ('variants') whose condition can never hold where they are
    used: always false, or false whenever their event can fire (on its dates, given its own 'when')."""
    scn = compiled.scenario
    for i, ev in enumerate(scn.events):
        when = compiled.expressions.get(("events", i, "when"))
        facts = _bool_facts(compiled, when)
        window = _window(compiled, i)
        contexts = [{**facts, **_on_turn(compiled, t)} for t in window] or [facts]
        for v in range(len(ev.variants)):
            expr = compiled.expressions.get(("events", i, "variants", v, "when"))
            if expr is not None and _never(expr, contexts):
                yield Problem(("events", i, "variants", v, "when"), "warning",
                              _("this condition never holds when the event fires, so these words are never used; "
                                "change the condition or remove the variant"))
        set_so_far: set[Ref] = set()
        for j, eff in enumerate(compiled.effects.get(("events", i, "effects"), ())):
            if eff.guard is not None:
                known = [{r: x for r, x in c.items() if r not in set_so_far} for c in contexts]
                if _never(eff.guard, known):
                    yield _never_applies(("events", i, "effects", j))
            set_so_far.add(eff.target)
    for path, effects in compiled.effects.items():
        if path[0] == "events" and len(path) == 3:
            continue
        for j, eff in enumerate(effects):
            if eff.guard is not None and _never(eff.guard, []):
                yield _never_applies((*path, j))
    for i, ev in enumerate(scn.events):
        for j, ch in enumerate(ev.choices):
            for v in range(len(ch.variants)):
                expr = compiled.expressions.get(("events", i, "choices", j, "variants", v, "when"))
                if expr is not None and _never(expr, []):
                    yield Problem(("events", i, "choices", j, "variants", v, "when"), "warning",
                                  _("this condition is always false, so these words are never used; change the "
                                    "condition or remove the variant"))
    for i, end in enumerate(scn.endings):
        facts = _bool_facts(compiled, compiled.expressions.get(("endings", i, "when")))
        for v in range(len(end.variants)):
            expr = compiled.expressions.get(("endings", i, "variants", v, "when"))
            if expr is not None and _never(expr, [facts]):
                yield Problem(("endings", i, "variants", v, "when"), "warning",
                              _("this condition never holds when the game ends this way, so these words are never "
                                "used; change the condition or remove the variant"))


def _never_applies(path: Path) -> Problem:
    return Problem(path, "warning", _("the condition after 'if' never holds here, so this effect never applies; "
                                      "change the condition or remove the effect"))


def check_variables(compiled: CompiledScenario) -> Iterator[Problem]:
    """Variables that conditions read but no effect ever sets stay at their starting value: usually a slip."""
    scn = compiled.scenario
    written = {eff.target[2] for effs in compiled.effects.values() for eff in effs if eff.target[0] == "var"}
    read = {ref[2] for expr in compiled.expressions.values() for ref in expr.refs if ref[0] == "var"}
    read |= {ref[2] for effs in compiled.effects.values() for eff in effs for ref in eff.value.refs if ref[0] == "var"}
    for name in scn.variables:
        if name in read and name not in written:
            yield Problem(
                ("variables", name),
                "warning",
                tr("variable '{name}' is read by conditions but no effect ever sets it, so it stays {variables!r}",
                   name=name, variables=scn.variables[name]),
                key=True,
            )
        elif name not in read and name not in written:
            yield Problem(("variables", name), "warning", tr("variable '{name}' is never used", name=name), key=True)
    for i, track in enumerate(scn.tracks):
        if track.id not in written and track.per_turn is None:
            yield Problem(
                ("tracks", i, "id"),
                "warning",
                tr("track '{id}' never changes: no effect sets it and it has no 'per_turn'; add one, or drop it",
                   id=track.id),
            )


# ------------------------------------------------------------------------------------------------- the map
def check_map(scn: Scenario) -> Iterator[Problem]:
    """The map block: a region the extract covers, unique ids, known parties and countries, every point inside
    the region, and changes that change something the feature has."""
    m = scn.map
    if m is None:
        return
    reg = m.region
    box = (reg.west, reg.south, reg.east, reg.north)
    geo = atlas()
    if m.base == "natural_earth" and not geo.covers(box):
        names = ", ".join(f"{k} {v[0]:g}..{v[2]:g}E {v[1]:g}..{v[3]:g}N" for k, v in geo.windows.items())
        yield Problem(("map", "region"), "error", tr("the map extract does not cover this region (it covers "
                                                     "{value}); move the region inside one of them, add a theatre "
                                                     "in tools/maps/build_extract.py, or use 'base: none'",
                                                     value=names or _("nothing: assets/maps/natural_earth.json is "
                                                                      "missing")))
    features = [(("map", g, i, "id"), f.id) for g in ("areas", "lines", "places") for i, f in
                enumerate(getattr(m, g))]
    yield from _duplicates(features, _("map feature"))
    parties = {p.id for p in scn.parties}
    for i, ter in enumerate(m.territories):
        if ter.party not in parties:
            yield Problem(("map", "territories", i, "party"), "error",
                          tr("unknown party '{party}'{did_you_mean}",
                             party=ter.party, did_you_mean=did_you_mean(ter.party, parties)))
        if m.base == "none":
            yield Problem(("map", "territories", i), "error", _("with 'base: none' there are no countries to "
                                                                "shade; give the party an area with 'party:' "
                                                                "instead"))
            continue
        for j, name in enumerate(ter.countries):
            if name not in geo.countries:
                yield Problem(("map", "territories", i, "countries", j), "error",
                              tr("no country '{name}' in the map extract{did_you_mean}",
                                 name=name, did_you_mean=did_you_mean(name, geo.countries)))
    for i, area in enumerate(m.areas):
        if area.party is not None and area.party not in parties:
            yield Problem(("map", "areas", i, "party"), "error",
                          tr("unknown party '{party}'{did_you_mean}",
                             party=area.party, did_you_mean=did_you_mean(area.party, parties)))
    for group in ("areas", "lines", "places"):
        for i, f in enumerate(getattr(m, group)):
            yield from _map_points(f, ("map", group, i), box)
            if f.colour == "party" and not (group == "areas" and f.party):
                yield Problem(("map", group, i, "colour"), "error", _("'colour: party' needs an area with 'party:'"))
            for j, ch in enumerate(f.changes):
                path = ("map", group, i, "changes", j)
                if ch.at is None and ch.points is None and ch.colour is None and ch.label is None:
                    yield Problem(path, "error", _("this change changes nothing: give it 'at', 'points', 'colour' "
                                                   "or 'label'"))
                if ch.at is not None and group != "places":
                    yield Problem((*path, "at"), "error", tr("only places have 'at'; {group} change 'points'",
                                                             group=group))
                if ch.points is not None and group == "places":
                    yield Problem((*path, "points"), "error", _("a place moves with 'at', not 'points'"))
                if ch.points is not None and group == "areas" and len(ch.points) < 3:
                    yield Problem((*path, "points"), "error", _("an area needs at least 3 points"))


def _map_points(feature, path: Path, box: tuple[float, float, float, float]) -> Iterator[Problem]:
    """A place (wherever its changes move it) inside the map region; a line or area reaching into it (it may run
    off the edge, as a coast or a border does)."""
    w, s, e, n = box

    def inside(p) -> bool:
        return w <= p[0] <= e and s <= p[1] <= n

    def outside(where: Path, p) -> Problem:
        return Problem(where, "error", tr("[{p}, {p2}] is outside the map region ({w:g} to {e:g} east, {s:g} "
                                          "to {n:g} north); move it or widen the region",
                                          p=format(p[0], "g"), p2=format(p[1], "g"), w=w, e=e, s=s, n=n))  # as in YAML

    if hasattr(feature, "at"):
        if not inside(feature.at):
            yield outside((*path, "at"), feature.at)
        for j, ch in enumerate(feature.changes):
            if ch.at is not None and not inside(ch.at):
                yield outside((*path, "changes", j, "at"), ch.at)
        return
    shapes = [((*path, "points"), feature.points)]
    shapes += [((*path, "changes", j, "points"), ch.points) for j, ch in enumerate(feature.changes) if ch.points]
    for where, points in shapes:
        if not any(inside(p) for p in points):
            yield Problem(where, "error", tr("no point of this shape is inside the map region ({w:g} to {e:g} "
                                             "east, {s:g} to {n:g} north), so it would never be seen; move it or "
                                             "widen the region",
                                             w=w, e=e, s=s, n=n))


def check_map_secrets(compiled: CompiledScenario) -> Iterator[Problem]:
    """A map condition that reads a value the player only estimates would show the player the hidden truth."""
    for path, expr in compiled.expressions.items():
        if path[0] != "map":
            continue
        hidden = sorted(f"{k}.{a}" for kind, k, a in expr.refs
                        if (kind == "party" and a != "power") or (kind == "pair" and a == "pressure"))
        if hidden:
            yield Problem(path, "warning", tr("the map shows the player what this condition says, but it reads "
                                              "{join}, which the player only estimates; use dates, events, rungs "
                                              "or variables",
                                              join=', '.join(hidden)))
