"""The class summary: counts that match the saves, instruments against outcomes, outliers, and bad input."""

from __future__ import annotations

import dataclasses
import json

import pytest

from game.report.build import class_summary_of
from game.report.classreport import dedupe, summarise
from game.report.debrief import collect
from game.report.loading import ReportError, open_save
from game.saves import save_game

from .conftest import PLANS, SAMPLE, play, write


def _saves(folder):
    return sorted(folder.glob("*.json"))


def _raw(folder):
    return [json.loads(p.read_text(encoding="utf-8")) for p in _saves(folder)]


def test_counts_match_the_saves(class_folder):
    c = class_summary_of(_saves(class_folder))
    raw = _raw(class_folder)
    assert c.games == len(raw) == 4 and c.finished == sum(1 for r in raw if r["ending"])
    for outcome in c.outcomes:
        assert c.endings[outcome.id] == sum(1 for r in raw if r["ending"] == outcome.id)
    assert sum(c.endings.values()) == c.finished
    assert sum(c.ratings.values()) == c.finished
    assert [s.name for s in c.students] == sorted(PLANS, key=str.lower)


def test_instrument_use_matches_the_saves(class_folder):
    c = class_summary_of(_saves(class_folder))
    raw = _raw(class_folder)
    for use in c.instruments:
        using = [r for r in raw if any(a["use"] == use.id for t in r["inputs"] for a in t["actions"])]
        assert use.games == len(using)
        assert use.uses == sum(1 for r in raw for t in r["inputs"] for a in t["actions"] if a["use"] == use.id)
        assert use.finished_with + use.finished_without == c.finished
    by_id = {u.id: u for u in c.instruments}
    assert by_id["shared_filling"].games == 2  # Ana (private) and Dmitri (public)
    assert (by_id["shared_filling"].success_with, by_id["shared_filling"].finished_with) == (1, 2)
    assert (by_id["shared_filling"].success_without, by_id["shared_filling"].finished_without) == (0, 2)


def test_outliers_name_the_students(class_folder):
    c = class_summary_of(_saves(class_folder))
    found = {o.kind: o for o in c.outliers}
    scores = {s.name: s.score for s in c.students}
    assert found["Best score"].name == max(scores, key=lambda n: scores[n]) == "Dmitri"
    assert found["Worst score"].name == min(scores, key=lambda n: scores[n])
    assert found["Least active"].name == "Chloé"
    assert {o.name for o in c.outliers if o.kind == "Unusual ending"} == set(PLANS)  # four games, four endings


def test_a_shared_world_has_one_session_and_a_baseline(class_folder):
    c = class_summary_of(_saves(class_folder))
    assert c.seeds == 1 and len(c.sessions) == 1 and c.sessions[0].startswith("RIVE-")
    assert len(c.baseline_rungs) == 1 and c.baseline == {"War on the Varta": 1}


def test_different_worlds_have_no_shared_baseline(tmp_path, sample):
    paths = [write(sample, tmp_path, f"s{seed}", f"P{seed}", {}, seed=seed) for seed in (1, 2, 3)]
    c = class_summary_of(paths)
    assert c.seeds == 3 and c.baseline_rungs == () and sum(c.baseline.values()) == 3


def test_bad_files_are_skipped_and_listed(class_folder):
    bad = class_folder / "zz-broken.json"
    bad.write_text("{ not json", encoding="utf-8")
    warnings = []
    c = class_summary_of(_saves(class_folder), warn=warnings.append)
    assert c.games == 4 and len(c.skipped) == 1 and "zz-broken.json" in c.skipped[0]
    assert warnings == list(c.skipped)


HOSTILE_EDITS = {
    "zz-long-path.json": lambda d: d["scenario"].update(path="/" + "x" * 3000 + ".yaml"),
    "zz-empty-vote.json": lambda d: d.update(votes=[{"turn": 0, "options": [{"action": "wait", "votes": 3}],
                                                     "chosen": ""}]),
    "zz-invented-vote.json": lambda d: d.update(votes=[{"turn": 0, "options": [{"action": "nuke", "votes": 10**6}],
                                                        "chosen": "nuke"}]),
    "zz-late-intervention.json": lambda d: d.update(interventions=[{"turn": 99, "kind": "inject",
                                                                    "target": "nothing", "value": "", "note": ""}]),
    "zz-half-character.json": lambda d: d.update(player="Jos\udce9"),
}


def test_hostile_saves_are_skipped_with_a_warning_or_read(class_folder):
    good = json.loads((class_folder / "student0.json").read_text(encoding="utf-8"))
    for name, edit in HOSTILE_EDITS.items():
        data = json.loads(json.dumps(good))
        edit(data)
        (class_folder / name).write_text(json.dumps(data), encoding="utf-8")
    warnings = []
    c = class_summary_of(_saves(class_folder), warn=warnings.append)
    skipped = " ".join(c.skipped)
    assert c.games == 4  # the over-long path is read from the shipped scenario: a duplicate of student0
    for name in set(HOSTILE_EDITS) - {"zz-long-path.json"}:
        assert name in skipped
    assert warnings == list(c.skipped) and all("\n" not in w for w in warnings)


def test_no_usable_save_is_an_error(tmp_path):
    bad = tmp_path / "a.json"
    bad.write_text("", encoding="utf-8")
    with pytest.raises(ReportError, match="the only file is not a usable save"):
        class_summary_of([bad])


def test_saves_of_different_scenarios_are_refused(one_save):
    d = collect(open_save(one_save), runs=0)
    other = dataclasses.replace(d, scenario_id="other_scenario", file="other.json")
    with pytest.raises(ReportError, match=r"different scenarios \(other_scenario: 1, sample_river_dispute: 1\)"):
        summarise([d, other])


def test_an_earlier_save_of_the_same_game_counts_once(tmp_path, sample):
    rules, digest = sample
    early = play(rules, PLANS["Ana"], stop=4)
    save_game(early, tmp_path, "ana-early", "Ana", scenario_path=str(SAMPLE), digest=digest)
    write(sample, tmp_path, "ana-final", "Ana", PLANS["Ana"])
    write(sample, tmp_path, "ben", "Ben", PLANS["Ben"])
    c = class_summary_of(_saves(tmp_path))
    assert c.games == 2 and [s.file for s in c.students] == ["ana-final.json", "ben.json"]
    assert len(c.duplicates) == 1 and c.duplicates[0].startswith("ana-early.json")


def test_nameless_students_are_never_merged(tmp_path, sample):
    paths = [write(sample, tmp_path, f"anon{i}", "", {}) for i in range(2)]
    kept, notes = dedupe([collect(open_save(p), runs=0) for p in paths])
    assert len(kept) == 2 and notes == []


def test_the_summary_on_two_processes_is_the_same_and_counts_each_save(class_folder):
    bad = class_folder / "zz-broken.json"
    bad.write_text("{ not json", encoding="utf-8")
    seen, warnings = [], []
    here = class_summary_of(_saves(class_folder), warn=warnings.append)
    there = class_summary_of(_saves(class_folder), jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert here == there
    assert seen == [(n, 5) for n in range(1, 6)]
    assert warnings == list(there.skipped)
