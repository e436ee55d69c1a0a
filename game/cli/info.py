"""`info SCENARIO [--json]`: what a scenario contains, for people and for tools."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from game.i18n import _, tr
from game.present.dates import day_text, unit_count
from game.present.news import difficulty_words, role_words
from game.scenario.calendar import turn_count
from game.scenario.model import Scenario

from .errors import EXIT_OK
from .loading import load_or_fail


def scenario_info(scn: Scenario) -> dict[str, Any]:
    """The facts `info --json` promises, in a stable shape."""
    return {
        "id": scn.id,
        "title": scn.title,
        "summary": scn.summary,
        "period": scn.period,
        "difficulty": scn.difficulty,
        "start": scn.calendar.start.isoformat(),
        "end": scn.calendar.end.isoformat(),
        "turn_unit": scn.calendar.turn_unit,
        "turns": turn_count(scn.calendar),
        "parties": [p.id for p in scn.parties],
        **({"roles": {p.id: p.role for p in scn.parties if p.role != "disputant"}}
           if any(p.role != "disputant" for p in scn.parties) else {}),
        "pairs": [p.id for p in scn.pairs],
        **({"tracks": [t.id for t in scn.tracks]} if scn.tracks else {}),
        "instruments": [i.key for i in scn.instruments],
        "proposals": [p.id for p in scn.proposals],
        "events": len(scn.events),
        "endings": [{"id": e.id, "rating": e.rating} for e in scn.endings],
        "sources": [s.citation for s in scn.sources],
    }


def _party_entry(p) -> str:
    """'Cuba (cuba)', 'United Nations (un, mediator)'."""
    return f"{p.name} ({p.id}" + ("" if p.role == "disputant" else ", " + role_words(p.role)) + ")"


def format_info(scn: Scenario) -> str:
    """A readable page of the same facts."""
    info = scenario_info(scn)
    names = {p.id: p.name for p in scn.parties}
    lines = [
        f"{scn.title}  ({scn.id})",
        tr("  {period} — {info} to {info2}, {length}", period=scn.period, info=day_text(info['start']),
           info2=day_text(info['end']), length=unit_count("turns of", info['turns'], scn.calendar.turn_unit)),
        tr("  difficulty: {difficulty}", difficulty=difficulty_words(scn.difficulty)),
        "",
        _("Parties:     ") + ", ".join(_party_entry(p) for p in scn.parties),
        _("Pairs:       ") + ", ".join(f"{names[a]}–{names[b]}" for a, b in (p.between for p in scn.pairs)
                                    if a in names and b in names),
        _("Instruments: ") + ", ".join(info["instruments"]),
    ]
    if scn.tracks:
        lines.append(_("Progress:    ") + ", ".join(f"{t.name} ({t.id}, {t.visibility})" for t in scn.tracks))
    if scn.proposals:
        lines.append(_("Proposals:   ") + ", ".join(p.name for p in scn.proposals))
    kinds: dict[str, int] = {}
    for ev in scn.events:
        kinds[ev.kind] = kinds.get(ev.kind, 0) + 1
    lines.append(tr("Events:      {len} (",
                    len=len(scn.events)) + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")")
    lines.append(_("Endings:"))
    lines += [f"  - {e.title} [{e.rating}]" for e in scn.endings]
    lines.append(_("Sources:"))
    lines += [f"  - {s.citation}" for s in scn.sources]
    return "\n".join(lines)


def run_info(arg: str, as_json: bool, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    scn = load_or_fail(arg, err)
    if as_json:
        print(json.dumps(scenario_info(scn), indent=2, ensure_ascii=False), file=out)
    else:
        print(format_info(scn), file=out)
    return EXIT_OK
