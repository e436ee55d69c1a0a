"""Simple icons drawn at run time with pygame.draw, one per instrument kind and per resource.

Each icon is drawn into a square box in the current palette, so it scales with the type and follows the
colour-blind palette without image files.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from .theme import Colour, Theme

Icon = Callable[[pygame.Surface, pygame.Rect, Theme], None]


def _w(box: pygame.Rect) -> int:
    return max(1, box.w // 12)


def _pt(box: pygame.Rect, x: float, y: float) -> tuple[int, int]:
    """A point given as fractions of the box."""
    return round(box.x + x * box.w), round(box.y + y * box.h)


def _poly(surface: pygame.Surface, colour: Colour, box: pygame.Rect, pts: list[tuple[float, float]], width: int = 0):
    pygame.draw.polygon(surface, colour, [_pt(box, x, y) for x, y in pts], width)


def good_offices(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """Two hands meeting: two linked rings."""
    c, w = theme.palette.accent, _w(box)
    r = box.w // 4
    pygame.draw.circle(surface, c, _pt(box, 0.36, 0.5), r, w)
    pygame.draw.circle(surface, theme.palette.text, _pt(box, 0.64, 0.5), r, w)


def special_envoy(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A briefcase."""
    c, w = theme.palette.accent, _w(box)
    body = pygame.Rect(*_pt(box, 0.12, 0.34), round(box.w * 0.76), round(box.h * 0.5))
    pygame.draw.rect(surface, c, body, border_radius=max(1, box.w // 10))
    handle = pygame.Rect(*_pt(box, 0.36, 0.16), round(box.w * 0.28), round(box.h * 0.22))
    pygame.draw.rect(surface, c, handle, w, border_radius=max(1, box.w // 12))
    pygame.draw.line(surface, theme.palette.bg, _pt(box, 0.12, 0.55), _pt(box, 0.88, 0.55), w)


def public_appeal(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A megaphone."""
    c, w = theme.palette.accent, _w(box)
    _poly(surface, c, box, [(0.14, 0.4), (0.34, 0.4), (0.78, 0.16), (0.78, 0.84), (0.34, 0.6), (0.14, 0.6)])
    pygame.draw.line(surface, theme.palette.text, _pt(box, 0.86, 0.38), _pt(box, 0.96, 0.32), w)
    pygame.draw.line(surface, theme.palette.text, _pt(box, 0.86, 0.62), _pt(box, 0.96, 0.68), w)


def private_appeal(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A sealed envelope."""
    c, w = theme.palette.accent, _w(box)
    env = pygame.Rect(*_pt(box, 0.1, 0.24), round(box.w * 0.8), round(box.h * 0.52))
    pygame.draw.rect(surface, c, env, w, border_radius=max(1, box.w // 14))
    pygame.draw.lines(surface, c, False, [_pt(box, 0.1, 0.26), _pt(box, 0.5, 0.56), _pt(box, 0.9, 0.26)], w)
    pygame.draw.circle(surface, theme.palette.danger, _pt(box, 0.5, 0.6), max(2, box.w // 9))


def track_two(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A bridge: an arch over two piers."""
    c, w = theme.palette.accent, _w(box)
    arc = pygame.Rect(*_pt(box, 0.12, 0.3), round(box.w * 0.76), round(box.h * 0.8))
    pygame.draw.arc(surface, c, arc, 0, math.pi, w + 1)
    pygame.draw.line(surface, theme.palette.text, _pt(box, 0.06, 0.7), _pt(box, 0.94, 0.7), w)
    for x in (0.3, 0.5, 0.7):
        pygame.draw.line(surface, c, _pt(box, x, 0.38 if x == 0.5 else 0.45), _pt(box, x, 0.7), max(1, w - 1))


def early_warning(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """An eye."""
    c, w = theme.palette.accent, _w(box)
    pygame.draw.ellipse(surface, c, pygame.Rect(*_pt(box, 0.08, 0.28), round(box.w * 0.84), round(box.h * 0.44)), w)
    pygame.draw.circle(surface, theme.palette.text, box.center, max(2, box.w // 7))


def article_99(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A gavel over a block."""
    c, w = theme.palette.accent, _w(box)
    head = [(0.3, 0.12), (0.62, 0.44), (0.5, 0.56), (0.18, 0.24)]
    _poly(surface, c, box, head)
    pygame.draw.line(surface, theme.palette.text, _pt(box, 0.45, 0.38), _pt(box, 0.84, 0.77), w + 1)
    pygame.draw.rect(surface, c, pygame.Rect(*_pt(box, 0.1, 0.78), round(box.w * 0.5), max(2, box.h // 8)))


def preventive_deployment(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A peacekeeper's shield."""
    c = theme.palette.accent
    _poly(surface, c, box, [(0.5, 0.08), (0.86, 0.22), (0.8, 0.6), (0.5, 0.92), (0.2, 0.6), (0.14, 0.22)])
    _poly(surface, theme.palette.text, box, [(0.5, 0.26), (0.68, 0.34), (0.64, 0.58), (0.5, 0.74), (0.36, 0.58),
                                             (0.32, 0.34)], _w(box))


def task_force(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """Three linked nodes."""
    c, w = theme.palette.accent, _w(box)
    pts = [_pt(box, 0.5, 0.18), _pt(box, 0.18, 0.78), _pt(box, 0.82, 0.78)]
    pygame.draw.lines(surface, theme.palette.muted, True, pts, w)
    for p in pts:
        pygame.draw.circle(surface, c, p, max(2, box.w // 7))


def visit(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """An aeroplane."""
    c = theme.palette.accent
    _poly(surface, c, box, [(0.5, 0.06), (0.56, 0.36), (0.92, 0.56), (0.92, 0.64), (0.56, 0.54), (0.55, 0.78),
                            (0.68, 0.88), (0.68, 0.94), (0.5, 0.88), (0.32, 0.94), (0.32, 0.88), (0.45, 0.78),
                            (0.44, 0.54), (0.08, 0.64), (0.08, 0.56), (0.44, 0.36)])


def wait(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """An hourglass."""
    c, w = theme.palette.accent, _w(box)
    _poly(surface, c, box, [(0.24, 0.12), (0.76, 0.12), (0.5, 0.5), (0.76, 0.88), (0.24, 0.88), (0.5, 0.5)], w)
    _poly(surface, c, box, [(0.34, 0.8), (0.66, 0.8), (0.5, 0.6)])


def proposal(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A document with a signature line."""
    c, w = theme.palette.accent, _w(box)
    _poly(surface, c, box, [(0.2, 0.08), (0.64, 0.08), (0.8, 0.24), (0.8, 0.92), (0.2, 0.92)], w)
    for y in (0.34, 0.48, 0.62):
        pygame.draw.line(surface, theme.palette.muted, _pt(box, 0.32, y), _pt(box, 0.68, y), max(1, w - 1))
    pygame.draw.line(surface, theme.palette.warn, _pt(box, 0.32, 0.78), _pt(box, 0.56, 0.78), w)


def prestige(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A star."""
    pts = []
    for i in range(10):
        ang = -math.pi / 2 + i * math.pi / 5
        r = 0.46 if i % 2 == 0 else 0.2
        pts.append((0.5 + r * math.cos(ang), 0.52 + r * math.sin(ang)))
    _poly(surface, theme.palette.warn, box, pts)


def budget(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A coin with a dollar sign."""
    pygame.draw.circle(surface, theme.palette.good, box.center, box.w // 2 - 1)
    img = theme.font("small", True).render("$", True, theme.palette.bg_deep)
    surface.blit(img, img.get_rect(center=box.center))


def envoys(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A person."""
    c = theme.palette.accent_hi
    pygame.draw.circle(surface, c, _pt(box, 0.5, 0.3), max(2, box.w // 5))
    pygame.draw.ellipse(surface, c, pygame.Rect(*_pt(box, 0.2, 0.56), round(box.w * 0.6), round(box.h * 0.5)))


def attention(surface: pygame.Surface, box: pygame.Rect, theme: Theme) -> None:
    """A target: the slots of attention."""
    c, w = theme.palette.accent_hi, _w(box)
    pygame.draw.circle(surface, c, box.center, box.w // 2 - 1, w)
    pygame.draw.circle(surface, c, box.center, max(2, box.w // 5))


INSTRUMENT_ICONS: dict[str, Icon] = {
    "good_offices": good_offices,
    "special_envoy": special_envoy,
    "public_appeal": public_appeal,
    "private_appeal": private_appeal,
    "track_two": track_two,
    "early_warning": early_warning,
    "article_99": article_99,
    "preventive_deployment": preventive_deployment,
    "task_force": task_force,
    "visit": visit,
    "wait": wait,
    "proposal": proposal,
}
RESOURCE_ICONS: dict[str, Icon] = {"prestige": prestige, "budget": budget, "envoys": envoys, "attention": attention}


def for_kind(kind: str) -> Icon:
    """The icon of an instrument kind ('proposal' for proposals); a document for anything unknown."""
    return INSTRUMENT_ICONS.get(kind, proposal)


# ---- the tones of news: each has a shape of its own, so that colour is never the only sign -------------------


def _tick(surface: pygame.Surface, box: pygame.Rect, colour: Colour) -> None:
    """A success: a tick in a ring."""
    w = max(2, box.w // 8)
    pygame.draw.circle(surface, colour, box.center, box.w // 2, max(1, w - 1))
    pygame.draw.lines(surface, colour, False, [_pt(box, 0.28, 0.52), _pt(box, 0.45, 0.68), _pt(box, 0.73, 0.34)], w)


def _cross(surface: pygame.Surface, box: pygame.Rect, colour: Colour) -> None:
    """A failure (a rebuff, a refusal, a veto): a filled disc with a cross cut out of it."""
    w = max(2, box.w // 7)
    pygame.draw.circle(surface, colour, box.center, box.w // 2)
    dark = (20, 20, 28)
    pygame.draw.line(surface, dark, _pt(box, 0.32, 0.32), _pt(box, 0.68, 0.68), w)
    pygame.draw.line(surface, dark, _pt(box, 0.68, 0.32), _pt(box, 0.32, 0.68), w)


def _up(surface: pygame.Surface, box: pygame.Rect, colour: Colour) -> None:
    """Escalation: a triangle pointing up."""
    _poly(surface, colour, box, [(0.5, 0.12), (0.9, 0.84), (0.1, 0.84)])


def _down(surface: pygame.Surface, box: pygame.Rect, colour: Colour) -> None:
    """Calm: a triangle pointing down."""
    _poly(surface, colour, box, [(0.1, 0.16), (0.9, 0.16), (0.5, 0.88)])


def _bang(surface: pygame.Surface, box: pygame.Rect, colour: Colour) -> None:
    """A warning: an exclamation mark in a ring."""
    w = max(2, box.w // 8)
    pygame.draw.circle(surface, colour, box.center, box.w // 2, max(1, w - 1))
    pygame.draw.line(surface, colour, _pt(box, 0.5, 0.24), _pt(box, 0.5, 0.58), w)
    pygame.draw.circle(surface, colour, _pt(box, 0.5, 0.74), max(1, w // 2 + 1))


def _lens(surface: pygame.Surface, box: pygame.Rect, colour: Colour) -> None:
    """Intelligence: an eye."""
    pygame.draw.ellipse(surface, colour, pygame.Rect(*_pt(box, 0.06, 0.28), round(box.w * 0.88), round(box.h * 0.44)),
                        max(1, box.w // 10))
    pygame.draw.circle(surface, colour, box.center, max(2, box.w // 6))


def _dot(surface: pygame.Surface, box: pygame.Rect, colour: Colour) -> None:
    """Plain news: a small dot."""
    pygame.draw.circle(surface, colour, box.center, max(2, box.w // 5))


TONE_SHAPES = {"success": _tick, "failure": _cross, "danger": _up, "calm": _down, "warning": _bang, "intel": _lens,
               "news": _dot}
TONE_COLOURS = {"success": "good", "failure": "failure", "danger": "danger", "calm": "good", "warning": "warn",
                "intel": "accent_hi", "news": "text"}


def tone_colour(theme: Theme, tone: str) -> Colour:
    """The colour of a tone of news in the current palette."""
    return getattr(theme.palette, TONE_COLOURS.get(tone, "text"))


def tone_icon(tone: str) -> Icon:
    """The icon of a tone of news (game/present/news.py), in its colour."""
    shape = TONE_SHAPES.get(tone, _dot)
    return lambda surface, box, theme: shape(surface, box, tone_colour(theme, tone))
