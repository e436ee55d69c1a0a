"""The inline SVG charts: lines with gaps, decision markers, bars in proportion, text escaped."""

from __future__ import annotations

import re

from game.report.charts import Bar, Marker, Series, bar_chart, ladder_ticks, line_chart, value_ticks


def test_a_line_has_a_point_per_value_and_breaks_at_gaps():
    svg = line_chart("T", ["a", "b", "c", "d"], [Series("s", [1, 2, None, 3], "#000")], (0, 4), ladder_ticks("vwxyz"))
    polylines = re.findall(r'<polyline points="([^"]+)"', svg)
    assert len(polylines) == 1 and len(polylines[0].split()) == 2  # the lone last point is a dot only
    assert svg.count("<circle") == 3


def test_higher_values_are_drawn_higher():
    svg = line_chart("T", ["a", "b"], [Series("s", [0, 4], "#000")], (0, 4), [])
    (points,) = re.findall(r'<polyline points="([^"]+)"', svg)
    (x0, y0), (x1, y1) = (tuple(map(float, p.split(","))) for p in points.split())
    assert x1 > x0 and y1 < y0


def test_markers_carry_their_tooltip_and_tag():
    svg = line_chart("T", ["a", "b", "c"], [], (0, 1), [], markers=[Marker(1, "24 Oct: appeal", "2", strong=True)])
    assert "<title>24 Oct: appeal</title>" in svg and ">2</text>" in svg


def test_bars_are_in_proportion_and_labelled():
    svg = bar_chart("B", [Bar("war", 2, "#f00"), Bar("treaty", 4, "#0f0", "4 (50%)")])
    widths = [float(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="([\d.]+)"', svg)]
    assert widths[1] == 2 * widths[0]
    assert ">4 (50%)</text>" in svg and ">war</text>" in svg


def test_text_is_escaped_and_there_is_no_script():
    svg = line_chart("<b>", ["<i>"], [Series("a&b", [1], "#000")], (0, 2), [(1, "<x>")])
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "a&amp;b" in svg and "<script" not in svg


def test_value_ticks_are_round_and_cover_the_range():
    assert [v for v, _ in value_ticks(0, 100)] == [0, 25, 50, 75, 100]
    assert [v for v, _ in value_ticks(0, 14)] == [0, 5, 10, 15]
