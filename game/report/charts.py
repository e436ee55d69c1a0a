"""Inline SVG charts for the reports: line charts with decision markers, and horizontal bar charts.

Plain SVG text with no script, no external font or stylesheet, so a report opens offline in any browser and
prints as crisply as the text around it. Every chart has a title and a text description for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from game.i18n.formats import written

PALETTE = ("#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#0e7490", "#a16207", "#be185d", "#4d7c0f")
RATING_COLOURS = {"success": "#15803d", "partial": "#b45309", "failure": "#b91c1c", "unfinished": "#6b7280"}
GREY = "#6b7280"
GRID = "#d9dde3"
INK = "#1f2933"
MAX_X_LABELS = 12


@dataclass(frozen=True)
class Series:
    """A line: one value per point (None leaves a gap, e.g. after a game ended)."""

    name: str
    values: Sequence[float | None]
    colour: str
    dashed: bool = False
    width: float = 2.5
    opacity: float = 1.0
    dots: bool = True
    legend: bool = True


@dataclass(frozen=True)
class Marker:
    """A moment on the x axis worth marking (the player's decision): a tick with a tooltip and a short tag."""

    x: float
    tip: str
    tag: str = ""
    colour: str = INK
    strong: bool = False


@dataclass(frozen=True)
class Band:
    """A shaded horizontal band, e.g. the rungs at which the parties are at war."""

    low: float
    high: float
    colour: str
    label: str = ""


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    colour: str
    text: str = ""  # shown after the bar; the value when empty


def _num(x: float) -> str:
    return written(f"{x:.1f}".rstrip("0").rstrip("."))


def _shown_labels(count: int, room: int) -> set[int]:
    """Indices of the x labels to draw: evenly spaced, at most `room`, always the last, never crowding it."""
    step = max(1, -(-count // max(2, room)))
    last = count - 1
    return {i for i in range(0, count, step) if last - i >= step or i == last} | {last}


def line_chart(
    title: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    y_range: tuple[float, float],
    y_ticks: Sequence[tuple[float, str]],
    *,
    markers: Sequence[Marker] = (),
    bands: Sequence[Band] = (),
    description: str = "",
    width: int = 880,
    height: int = 320,
    left: int = 120,
) -> str:
    """A line chart over points 0..len(x_labels)-1 with y ticks, shaded bands and decision markers."""
    heading = any(s.legend for s in series) or any(m.tag for m in markers)
    top, right, bottom = 40 if heading else 14, 18, 40 + (16 if markers else 0)
    plot_w, plot_h = width - left - right, height - top - bottom
    lo, hi = y_range
    span_x = max(1, len(x_labels) - 1)

    def px(x: float) -> float:
        return left + plot_w * x / span_x

    def py(y: float) -> float:
        return top + plot_h * (1 - (y - lo) / ((hi - lo) or 1))

    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" class="chart" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
    ]
    if description:
        parts.append(f"<desc>{escape(description)}</desc>")
    for band in bands:
        y1, y2 = py(min(band.high, hi)), py(max(band.low, lo))
        parts.append(f'<rect x="{left}" y="{y1:.1f}" width="{plot_w}" height="{y2 - y1:.1f}" fill="{band.colour}"/>')
        if band.label:
            parts.append(f'<text x="{left + plot_w - 6}" y="{y1 + 13:.1f}" text-anchor="end" class="band">'
                         f"{escape(band.label)}</text>")
    for value, label in y_ticks:
        y = py(value)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" class="tick">{escape(label)}</text>')
    shown = _shown_labels(len(x_labels), min(MAX_X_LABELS, plot_w // 64))
    for i, label in enumerate(x_labels):
        if i not in shown:
            continue
        x = px(i)
        parts.append(f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 4}" stroke="{INK}"/>')
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 18}" text-anchor="middle" class="tick">'
                     f"{escape(label)}</text>")
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="{INK}"/>')
    parts += _markers(markers, px, top, plot_h)
    for s in series:
        parts += _series(s, px, py)
    parts += _legend([s for s in series if s.legend], left, width - right)
    parts.append("</svg>")
    return "".join(parts)


def _series(s: Series, px, py) -> list[str]:
    out = []
    dash = ' stroke-dasharray="7 5"' if s.dashed else ""
    runs: list[list[tuple[float, float]]] = [[]]
    for i, v in enumerate(s.values):
        if v is None:
            runs.append([])
        else:
            runs[-1].append((px(i), py(v)))
    for run in runs:
        if len(run) > 1:
            pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            out.append(f'<polyline points="{pts}" fill="none" stroke="{s.colour}" stroke-width="{s.width}"'
                       f' stroke-opacity="{s.opacity}" stroke-linejoin="round"{dash}><title>{escape(s.name)}</title>'
                       "</polyline>")
        if s.dots:
            out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{s.width + 0.8:.1f}" fill="{s.colour}"'
                    f' fill-opacity="{s.opacity}"/>' for x, y in run]
    return out


def _markers(markers: Sequence[Marker], px, top: int, plot_h: int) -> list[str]:
    out = []
    base = top + plot_h + 30
    for m in markers:
        x = px(m.x)
        width = 2 if m.strong else 1
        dash = "" if m.strong else ' stroke-dasharray="2 3"'
        out.append(f'<g class="marker"><title>{escape(m.tip)}</title>'
                   f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="{m.colour}" '
                   f'stroke-width="{width}" stroke-opacity="0.55"{dash}/>'
                   f'<path d="M{x - 5:.1f},{base + 3} L{x:.1f},{base - 6} L{x + 5:.1f},{base + 3} Z" '
                   f'fill="{m.colour}"/>')
        if m.tag:
            out.append(f'<text x="{x:.1f}" y="{top - 4}" text-anchor="middle" class="mtag" fill="{m.colour}">'
                       f"{escape(m.tag)}</text>")
        out.append("</g>")
    return out


def _legend(series: Sequence[Series], left: int, right: int) -> list[str]:
    out, x = [], float(left)
    for s in series:
        dash = ' stroke-dasharray="7 5"' if s.dashed else ""
        out.append(f'<line x1="{x:.1f}" y1="14" x2="{x + 26:.1f}" y2="14" stroke="{s.colour}" '
                   f'stroke-width="{max(s.width, 2.5)}"{dash}/>')
        out.append(f'<text x="{x + 32:.1f}" y="18" class="legend">{escape(s.name)}</text>')
        x += 46 + 7.2 * len(s.name)
        if x > right - 60:
            break
    return out


def bar_chart(title: str, bars: Sequence[Bar], *, description: str = "", width: int = 880, label_width: int = 260,
              row: int = 34) -> str:
    """Horizontal bars, one row per item, the value (or `text`) after each bar."""
    top, right = 10, 150
    height = top * 2 + row * max(1, len(bars))
    # room for the longest label at 14px (about 7.6px a character), up to half the chart: French runs longer
    label_width = max(label_width, min(width // 2, round(7.6 * max((len(b.label) for b in bars), default=0)) + 16))
    plot_w = width - label_width - right
    biggest = max((b.value for b in bars), default=0) or 1
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" class="chart" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
    ]
    if description:
        parts.append(f"<desc>{escape(description)}</desc>")
    for i, b in enumerate(bars):
        y = top + i * row
        w = plot_w * b.value / biggest
        parts.append(f'<text x="{label_width - 10}" y="{y + row / 2 + 5:.1f}" text-anchor="end" class="blabel">'
                     f"{escape(b.label)}</text>")
        parts.append(f'<rect x="{label_width}" y="{y + 5}" width="{max(w, 1.5):.1f}" height="{row - 10}" '
                     f'fill="{b.colour}" rx="3"><title>{escape(b.label)}: {escape(b.text or _num(b.value))}</title>'
                     "</rect>")
        parts.append(f'<text x="{label_width + w + 8:.1f}" y="{y + row / 2 + 5:.1f}" class="bvalue">'
                     f"{escape(b.text or _num(b.value))}</text>")
    parts.append("</svg>")
    return "".join(parts)


def ladder_ticks(ladder: Sequence[str]) -> list[tuple[float, str]]:
    """Y ticks naming each rung of an escalation ladder."""
    return [(float(i), f"{i} {name}") for i, name in enumerate(ladder)]


def value_ticks(lo: float, hi: float, count: int = 4) -> list[tuple[float, str]]:
    """About `count` round ticks from lo, the last at or above hi (so it can be the top of the chart)."""
    span = (hi - lo) or 1
    raw = span / count
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 0.1
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), default=raw)
    out, v = [(lo, _num(lo))], lo
    while v < hi - 1e-9:
        v += step
        out.append((v, _num(v)))
    return out
