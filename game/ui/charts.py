"""Line charts over time: escalation (one line per pair, your game solid, the no-intervention game dashed, rungs
on the vertical axis with their names) and shares such as world opinion (0-100%, neutral marked)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.i18n.formats import percent

from .theme import Colour, Theme, ladder_colour, mix


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float, ...]
    colour_index: int
    dashed: bool = False


def _dashed(surface: pygame.Surface, colour: Colour, points: list[tuple[int, int]], width: int, dash: int) -> None:
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        length = max(1.0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
        n = max(1, int(length // dash))
        for i in range(0, n, 2):
            a, b = i / n, min(1.0, (i + 1) / n)
            pygame.draw.line(surface, colour, (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                             (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b), width)


def paint_ladder_chart(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, ladder: tuple[str, ...],
                       series: list[Series], x_labels: tuple[str, str]) -> None:
    """Rung (0..top) against turn; the rungs' names label the axis and tint the background bands."""
    pal = theme.palette
    top = len(ladder) - 1
    label_w = min(max(theme.width(n, "small") for n in ladder) + theme.px(10), rect.w // 3)
    legend_h = theme.line_height("small") + theme.px(6)
    axis_h = theme.line_height("small") + theme.px(4)
    plot = pygame.Rect(rect.x + label_w, rect.y + legend_h, rect.w - label_w - theme.px(6),
                       rect.h - legend_h - axis_h)
    if plot.w < 10 or plot.h < 10:
        return
    band_h = plot.h / (top + 1)
    for r in range(top + 1):
        y = plot.bottom - (r + 1) * band_h
        band = pygame.Rect(plot.x, round(y), plot.w, round(band_h) + 1)
        pygame.draw.rect(surface, mix(pal.panel, ladder_colour(pal, r, top), 0.10 if r % 2 else 0.16), band)
        name = theme.text(theme.fit(ladder[r], label_w - theme.px(8), "small"), "small", pal.muted)
        surface.blit(name, (plot.x - theme.px(6) - name.get_width(), round(y + band_h / 2 - name.get_height() / 2)))
    pygame.draw.rect(surface, pal.line, plot, 1)
    n = max((len(s.values) for s in series), default=0)
    if n >= 2:
        for s in series:
            colour = pal.series[s.colour_index % len(pal.series)]
            if s.dashed:
                colour = mix(colour, pal.panel, 0.35)
            pts = [(round(plot.x + i * plot.w / (n - 1)), round(plot.bottom - (v + 0.5) * band_h))
                   for i, v in enumerate(s.values)]
            if s.dashed:
                _dashed(surface, colour, pts, max(2, theme.px(2)), theme.px(6))
            else:
                pygame.draw.lines(surface, colour, False, pts, max(2, theme.px(3)))
                for p in pts:
                    pygame.draw.circle(surface, colour, p, max(2, theme.px(3)))
    first = theme.text(x_labels[0], "small", pal.faint)
    last = theme.text(x_labels[1], "small", pal.faint)
    surface.blit(first, (plot.x, plot.bottom + theme.px(3)))
    surface.blit(last, (plot.right - last.get_width(), plot.bottom + theme.px(3)))
    _legend(surface, rect, theme, plot, series, legend_h)


def _legend(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, plot: pygame.Rect, series: list[Series],
            legend_h: int) -> None:
    pal = theme.palette
    x = plot.x
    for s in series:
        colour = pal.series[s.colour_index % len(pal.series)]
        if s.dashed:
            colour = mix(colour, pal.panel, 0.35)
        img = theme.text(s.label, "small", pal.text)
        if x + theme.px(26) + img.get_width() > plot.right:
            break
        y = rect.y + legend_h // 2
        if s.dashed:
            _dashed(surface, colour, [(x, y), (x + theme.px(20), y)], max(2, theme.px(2)), theme.px(4))
        else:
            pygame.draw.line(surface, colour, (x, y), (x + theme.px(20), y), max(2, theme.px(3)))
        surface.blit(img, (x + theme.px(26), y - img.get_height() // 2))
        x += theme.px(40) + img.get_width()


def paint_share_chart(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, series: list[Series],
                      x_labels: tuple[str, str]) -> None:
    """Values in [0, 1] against turn, one solid line each, with 0%, 50% (neutral) and 100% marked."""
    pal = theme.palette
    label_w = theme.width(percent(1), "small") + theme.px(10)
    legend_h = theme.line_height("small") + theme.px(6)
    axis_h = theme.line_height("small") + theme.px(4)
    plot = pygame.Rect(rect.x + label_w, rect.y + legend_h, rect.w - label_w - theme.px(6),
                       rect.h - legend_h - axis_h)
    if plot.w < 10 or plot.h < 10:
        return
    pygame.draw.rect(surface, mix(pal.panel, pal.bg_deep, 0.5), plot)
    for share in (0.0, 0.5, 1.0):
        y = round(plot.bottom - share * plot.h)
        pygame.draw.line(surface, pal.line, (plot.x, y), (plot.right, y), 1)
        tick = theme.text(percent(share), "small", pal.muted)
        surface.blit(tick, (plot.x - theme.px(6) - tick.get_width(), y - tick.get_height() // 2))
    n = max((len(s.values) for s in series), default=0)
    if n >= 2:
        for s in series:
            colour = pal.series[s.colour_index % len(pal.series)]
            pts = [(round(plot.x + i * plot.w / (n - 1)), round(plot.bottom - v * plot.h))
                   for i, v in enumerate(s.values)]
            pygame.draw.lines(surface, colour, False, pts, max(2, theme.px(3)))
    first = theme.text(x_labels[0], "small", pal.faint)
    last = theme.text(x_labels[1], "small", pal.faint)
    surface.blit(first, (plot.x, plot.bottom + theme.px(3)))
    surface.blit(last, (plot.right - last.get_width(), plot.bottom + theme.px(3)))
    _legend(surface, rect, theme, plot, series, legend_h)
