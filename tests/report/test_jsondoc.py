"""The JSON reports: the same data, tagged with a format and version, for other tools."""

from __future__ import annotations

import json

from game.report.build import class_summary_of
from game.report.debrief import collect
from game.report.jsondoc import render_class_json, render_debrief_json
from game.report.loading import open_save


def test_the_debrief_as_json(one_save):
    data = json.loads(render_debrief_json(collect(open_save(one_save), runs=0)))
    assert data["format"] == "good-offices-debrief" and data["version"] == 1
    assert data["ending"]["id"] == "uneasy_calm" and data["finished"] and data["name"] == "Ana"
    assert data["pairs"][0]["id"] == "karelia_lowmark" and len(data["pairs"][0]["rungs"]) == 13
    assert data["moves"][0]["used"] == ["track_two"]


def test_the_class_summary_as_json(class_folder):
    data = json.loads(render_class_json(class_summary_of(sorted(class_folder.glob("*.json")))))
    assert data["format"] == "good-offices-class-summary"
    assert data["games"] == 4 and sum(data["endings"].values()) == 4
    assert {s["name"] for s in data["students"]} == {"Ana", "Ben", "Chloé", "Dmitri"}
