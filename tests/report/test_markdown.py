"""The Markdown reports say what the HTML says, in tables instead of charts."""

from __future__ import annotations

from game.report.build import class_summary_of
from game.report.debrief import collect
from game.report.loading import open_save
from game.report.markdown import render_class_md, render_debrief_md

from .conftest import write


def test_the_debrief_in_markdown(one_save):
    md = render_debrief_md(collect(open_save(one_save), session="RIVE-058C", runs=0))
    assert md.startswith("# Debrief: The Varta Dam Dispute\n")
    assert "Played by **Ana** · session `RIVE-058C`" in md
    assert "**An uneasy calm** (partial)" in md and "| **Total** | **+104.8** |" in md
    assert "| 4 Mar | 2 crisis | 2 crisis | yes |" in md  # escalation table: yours, without you, decided
    assert "## Your path beside history" in md and "## For discussion" in md
    assert "- L. F. Richardson, Arms and Insecurity, Boxwood Press, 1960." in md


def test_table_cells_cannot_break_the_table(tmp_path, sample):
    path = write(sample, tmp_path, "pipe", "A | B", {})
    md = render_class_md(class_summary_of([path]))
    assert "| A \\| B | War on the Varta | failure |" in md


def test_the_class_summary_in_markdown(class_folder):
    md = render_class_md(class_summary_of(sorted(class_folder.glob("*.json"))))
    assert md.startswith("# Class summary: The Varta Dam Dispute\n")
    assert "**4** games: **4** finished, 0 unfinished" in md
    assert "| War on the Varta | failure | 1 | 25% |" in md
    assert "| Dmitri | A water-sharing treaty | success |" in md
