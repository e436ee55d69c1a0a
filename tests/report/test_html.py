"""The HTML reports: self-contained (no script, no external resource), with charts, and saying what matters."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest

from game import __version__
from game.engine import Action
from game.i18n import using
from game.report.build import class_summary_of
from game.report.debrief import collect
from game.report.html import render_class, render_debrief
from game.report.loading import open_save

from .conftest import PLANS, write


class Links(HTMLParser):
    """Every tag and every src/href attribute value of a document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.refs += [value or "" for name, value in attrs if name in ("src", "href", "xlink:href", "action")]


def parsed(text: str) -> Links:
    links = Links()
    links.feed(text)
    return links


def _finder(rules, seed, inputs, runs, top):
    dist = SimpleNamespace(runs=runs, endings={"war": 0.12, "uneasy_calm": 0.88},
                           ratings={"failure": 0.12, "partial": 0.88}, mean_score=10.0)
    alt = SimpleNamespace(runs=runs, endings={"war": 0.05, "uneasy_calm": 0.95},
                          ratings={"failure": 0.05, "partial": 0.95}, mean_score=25.0)
    return [SimpleNamespace(turn=1, date="2030-03-11", played=(Action("private_appeal", "lowmark"),),
                            alternative=(Action("visit", "lowmark"),),
                            actual=dist, counterfactual=alt)]


@pytest.fixture
def debrief_html(one_save) -> str:
    return render_debrief(collect(open_save(one_save), session="RIVE-058C", runs=4, finder=_finder))


def test_the_debrief_names_the_scenario_player_session_and_ending(debrief_html):
    assert "<title>Debrief — The Varta Dam Dispute — Ana</title>" in debrief_html
    assert "<h1>The Varta Dam Dispute</h1>" in debrief_html
    assert "RIVE-058C" in debrief_html and "Played by <b>Ana</b>" in debrief_html
    assert "An uneasy calm" in debrief_html and "+104.8" in debrief_html
    assert "Without you" in debrief_html and "War on the Varta" in debrief_html


def test_the_debrief_lists_the_decisions_that_mattered(debrief_html):
    assert "The decisions that mattered most" in debrief_html
    assert "11 March 2030: War on the Varta 12% → 5%" in debrief_html
    assert "a visit to the region (Lowmark) instead of a private appeal to Lowmark" in debrief_html
    assert "Decisions that mattered: #1" in debrief_html  # marked on the escalation chart


def test_the_debrief_has_inline_charts_for_escalation_and_resources(debrief_html):
    svgs = re.findall(r"<svg[^>]*>", debrief_html)
    assert len(svgs) == 1 + 4 + 1  # one pair, four resources, world opinion
    assert "<title>Escalation: Karelia – Lowmark</title>" in debrief_html
    assert "<polyline" in debrief_html and "Track II channel → Karelia – Lowmark" in debrief_html


def test_the_debrief_charts_world_opinion_turn_by_turn(debrief_html):
    assert '<h2 id="opinion">World opinion</h2>' in debrief_html
    for audience in ("Non-aligned", "Press", "Council"):
        assert f">{audience}<" in debrief_html
    assert "the non-aligned: 50%," in debrief_html  # the chart's description starts where the scenario does


def test_the_debrief_has_history_questions_and_sources(debrief_html):
    assert "Your path beside history" in debrief_html and "What really happened" in debrief_html
    assert "Invented scenario: there is no real history to compare with." in debrief_html
    assert "Is it better to speak publicly now" in debrief_html
    assert "L. F. Richardson, Arms and Insecurity, Boxwood Press, 1960." in debrief_html


def test_the_debrief_is_self_contained_and_prints(debrief_html):
    links = parsed(debrief_html)
    assert not {"script", "link", "img", "iframe", "object"} & set(links.tags)
    assert links.refs == []
    assert "@media print" in debrief_html and "@page" in debrief_html
    assert debrief_html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in debrief_html


def test_source_urls_appear_only_as_text_in_the_sources_list(one_save):
    d = collect(open_save(one_save), runs=0)
    sources = (*d.sources, {"id": "web", "citation": "A web page", "url": "https://example.org/page"})
    html = render_debrief(dataclasses.replace(d, sources=sources))
    assert parsed(html).refs == []
    before, _, after = html.partition('id="sources"')
    assert "https://" not in before and "https://example.org/page" in after


def test_text_from_the_save_is_escaped(tmp_path, sample):
    path = write(sample, tmp_path, "evil", "<script>alert(1)</script>", PLANS["Ben"])
    html = render_debrief(collect(open_save(path), runs=0))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_without_key_decisions_the_debrief_says_so(one_save):
    html = render_debrief(collect(open_save(one_save), runs=0))
    assert "They were not looked for in this report." in html


def test_the_class_summary_is_self_contained_with_charts(class_folder):
    html = render_class(class_summary_of(sorted(class_folder.glob("*.json"))))
    links = parsed(html)
    assert links.refs == [] and "script" not in links.tags
    assert "<h1>The Varta Dam Dispute</h1>" in html and "Class summary" in html
    assert html.count("<svg") == 3  # endings, escalation of the one pair, instruments
    for name in PLANS:
        assert name in html


def test_the_debrief_in_french_is_french(one_save):
    """`report --lang fr`: the same game, its debrief written in French, the scenario's text in its translation."""
    with using("fr"):
        html = render_debrief(collect(open_save(one_save), session="RIVE-058C", runs=4, finder=_finder))
    assert "<title>Débriefing — Le différend du barrage de la Varta — Ana</title>" in html
    assert "Comment cela s'est terminé" in html and "Joué par <b>Ana</b>" in html
    assert "Un calme précaire" in html and "+104,8" in html
    assert "Sans vous" in html and "La guerre sur la Varta" in html
    assert "How it ended" not in html and "Without you" not in html
    assert "semaines jouées sur" in html and "au début de chaque semaine" in html


def test_french_reports_write_numbers_as_french_readers_do(one_save, class_folder):
    """Every figure a reader sees in a French debrief or class summary has a decimal comma and '12 %', never
    '0.4' or '12%' (the markup's own coordinates and the version number aside)."""
    with using("fr"):
        pages = [render_debrief(collect(open_save(one_save), runs=4, finder=_finder)),
                 render_class(class_summary_of(sorted(class_folder.glob("*.json"))))]
    for html in pages:
        words = readable_text(html).replace(__version__, "")
        assert re.findall(r"\d\.\d", words) == [] and re.findall(r"\d%", words) == []
        assert re.search(r"\d,\d", words) and re.search(r"\d\u00a0%", words)


def readable_text(html: str) -> str:
    """The text a reader sees: outside tags, with the SVG titles and labels (but no attribute values)."""
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", " ", html, flags=re.S))
    return re.sub(r"§[\d.]+", " ", text)  # a citation's section number ('references.md §1.7') is no figure
