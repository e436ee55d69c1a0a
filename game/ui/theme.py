"""The visual identity: palettes (standard and colour-blind safe), fonts from assets/, sizes scaled by type size,
and a cache of rendered text (font.render is the slowest thing a frame does)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pygame

ASSETS = Path(__file__).resolve().parents[2] / "assets"
FONT_REGULAR = ASSETS / "fonts" / "DejaVuSans.ttf"  # i18n: not shown
FONT_BOLD = ASSETS / "fonts" / "DejaVuSans-Bold.ttf"  # i18n: not shown
TEXT_CACHE_LIMIT = 6000
MIN_LAYOUT_WIDTH = 1000  # logical pixels the widest screen needs at any type size

Colour = tuple[int, int, int]

# Base point sizes at 100% type on a 720-pixel-high window.
SIZES = {"small": 13, "body": 15, "label": 14, "h3": 17, "h2": 21, "h1": 30, "display": 46}


@dataclass(frozen=True)
class Palette:
    """Every colour the interface uses, by role."""

    bg: Colour
    bg_deep: Colour
    panel: Colour
    panel_hi: Colour
    line: Colour
    text: Colour
    muted: Colour
    faint: Colour
    accent: Colour  # UN blue
    accent_hi: Colour
    accent_text: Colour
    good: Colour
    warn: Colour
    danger: Colour
    failure: Colour  # a rebuff, a refusal, a veto: distinct from escalation's danger, and always with its icon
    disabled: Colour  # the text of what cannot be chosen now
    band: Colour
    ladder: tuple[Colour, ...]  # from calm to catastrophe
    series: tuple[Colour, ...]  # chart lines


STANDARD = Palette(
    bg=(14, 30, 52),
    bg_deep=(9, 20, 36),
    panel=(22, 44, 72),
    panel_hi=(31, 60, 96),
    line=(52, 86, 126),
    text=(236, 242, 250),
    muted=(160, 182, 208),
    faint=(102, 126, 156),
    accent=(0, 158, 219),  # the UN's light blue
    accent_hi=(64, 190, 240),
    accent_text=(5, 20, 36),
    good=(92, 196, 132),
    warn=(240, 180, 60),
    danger=(232, 64, 64),
    failure=(230, 120, 205),
    disabled=(96, 116, 142),
    band=(0, 158, 219),
    ladder=((70, 170, 120), (130, 190, 110), (200, 200, 90), (236, 176, 60), (240, 130, 50), (232, 80, 60),
            (200, 40, 50), (140, 20, 40)),
    series=((0, 158, 219), (240, 180, 60), (200, 120, 230), (92, 196, 132), (232, 64, 64)),
)

# Okabe–Ito colours: distinguishable with the common forms of colour blindness; danger stays a vivid
# vermilion, a failure is reddish purple (and always drawn with its own icon), and the ladder runs
# blue → yellow → vermilion so order does not rest on red/green alone.
COLOUR_BLIND = Palette(
    bg=(16, 28, 46),
    bg_deep=(10, 18, 32),
    panel=(26, 42, 66),
    panel_hi=(36, 58, 90),
    line=(70, 94, 126),
    text=(242, 242, 242),
    muted=(176, 186, 200),
    faint=(118, 130, 150),
    accent=(86, 180, 233),
    accent_hi=(140, 206, 242),
    accent_text=(8, 18, 30),
    good=(0, 158, 115),
    warn=(240, 228, 66),
    danger=(213, 94, 0),
    failure=(204, 121, 167),
    disabled=(112, 122, 140),
    band=(86, 180, 233),
    ladder=((0, 114, 178), (86, 180, 233), (0, 158, 115), (240, 228, 66), (230, 159, 0), (213, 94, 0),
            (204, 121, 167), (150, 60, 110)),
    series=((86, 180, 233), (230, 159, 0), (204, 121, 167), (0, 158, 115), (213, 94, 0)),
)


# The projector view: near-black ground, white text and saturated signal colours, for a room with the lights on.
PROJECTOR = Palette(
    bg=(0, 0, 0),
    bg_deep=(0, 0, 0),
    panel=(18, 18, 22),
    panel_hi=(44, 44, 56),
    line=(200, 200, 210),
    text=(255, 255, 255),
    muted=(225, 225, 230),
    faint=(190, 190, 200),
    accent=(255, 214, 0),
    accent_hi=(255, 232, 90),
    accent_text=(0, 0, 0),
    good=(60, 230, 120),
    warn=(255, 180, 0),
    danger=(255, 70, 70),
    failure=(255, 120, 230),
    disabled=(120, 120, 132),
    band=(255, 214, 0),
    ladder=((60, 200, 255), (90, 230, 140), (220, 230, 60), (255, 200, 0), (255, 140, 0), (255, 80, 60),
            (230, 40, 80), (200, 0, 120)),
    series=((255, 214, 0), (60, 200, 255), (255, 110, 200), (60, 230, 120), (255, 70, 70)),
)
PROJECTOR_TYPE = 1.25  # the projector view's type, relative to the chosen type size


def ladder_colour(palette: Palette, rung: int, top: int) -> Colour:
    """The colour of a rung, spread over the palette's ladder whatever the ladder's length."""
    n = len(palette.ladder) - 1
    idx = 0 if top <= 0 else round(rung * n / top)
    return palette.ladder[max(0, min(n, idx))]


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """Blend two colours: t=0 gives a, t=1 gives b."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


class Theme:
    """Palette, fonts and spacing for one window size and type size; renders and caches text."""

    def __init__(self, size: tuple[int, int], type_scale: float = 1.0, colour_blind: bool = False,
                 projector: bool = False) -> None:
        self.palette = PROJECTOR if projector else COLOUR_BLIND if colour_blind else STANDARD
        self.projector = projector
        type_scale = type_scale * (PROJECTOR_TYPE if projector else 1.0)
        self.type_scale = type_scale
        # Larger windows (a projector at 1080p) get proportionally larger type; the width caps it so that the
        # turn screen keeps about 1000 pixels' worth of room for its three columns at any type size.
        self.scale = min(type_scale * max(1.0, min(1.5, size[1] / 720)), max(1.0, size[0] / MIN_LAYOUT_WIDTH))
        self._fonts: dict[tuple[str, bool], pygame.font.Font] = {}
        # When a list, every text drawn is added to it and every text cut short to `cuts` (tests read them: no id
        # reaches the player, no label is cut where no tooltip shows it whole). `tip` is the tooltip of the
        # widget being drawn, set by the App.
        self.drawn: list[str] | None = None
        self.cuts: list[Cut] | None = None
        self.tip = ""
        self._text: dict[tuple[str, str, bool, Colour], pygame.Surface] = {}
        self._wrapped: dict[tuple[str, str, bool, int], tuple[list[str], list[tuple[str, str]]]] = {}

    def px(self, value: float) -> int:
        """A spacing in pixels, scaled with the type."""
        return max(1, round(value * self.scale))

    def font(self, role: str = "body", bold: bool = False) -> pygame.font.Font:
        key = (role, bold)
        found = self._fonts.get(key)
        if found is None:
            found = pygame.font.Font(FONT_BOLD if bold else FONT_REGULAR, round(SIZES[role] * self.scale))
            self._fonts[key] = found
        return found

    def line_height(self, role: str = "body", bold: bool = False) -> int:
        return self.font(role, bold).get_linesize()

    def text(self, text: str, role: str = "body", colour: Colour | None = None, bold: bool = False) -> pygame.Surface:
        """The rendered text, from the cache when it was rendered before."""
        colour = colour or self.palette.text
        key = (text, role, bold, colour)
        found = self._text.get(key)
        if found is None:
            if len(self._text) > TEXT_CACHE_LIMIT:
                self._text.clear()
            found = self.font(role, bold).render(text, True, colour)
            self._text[key] = found
        if self.drawn is not None and text:
            self.drawn.append(text)
        return found

    def width(self, text: str, role: str = "body", bold: bool = False) -> int:
        return self.font(role, bold).size(text)[0]

    def record_cut(self, full: str, shown: str) -> None:
        """Note that `full` was shown shortened as `shown` (for the tests that look for cut labels)."""
        if self.cuts is not None:
            self.cuts.append(Cut(full, shown, self.tip))

    def wrap(self, text: str, width: int, role: str = "body", bold: bool = False) -> list[str]:
        """`text` broken into lines no wider than `width` pixels (paragraphs kept at newlines)."""
        key = (text, role, bold, width)
        found = self._wrapped.get(key)
        if found is not None:
            lines, cut = found
            for full, shown in cut:
                self.record_cut(full, shown)
            return lines
        font = self.font(role, bold)
        lines: list[str] = []
        for para in text.split("\n"):
            words = [w for w in re.split(r"[ \t\r\f\v]+", para) if w]  # a no-break space joins its words
            line = ""
            for word in words:
                candidate = f"{line} {word}" if line else word
                if font.size(candidate)[0] <= width or not line:
                    line = candidate
                else:
                    lines.append(line)
                    line = word
            lines.append(line)
        fitted = [self.fit(line, width, role, bold) for line in lines]
        cut = [(a, b) for a, b in zip(lines, fitted, strict=True) if a != b]
        if len(self._wrapped) > TEXT_CACHE_LIMIT:
            self._wrapped.clear()
        self._wrapped[key] = (fitted, cut)
        return fitted

    def fit(self, text: str, width: int, role: str = "body", bold: bool = False) -> str:
        """`text`, shortened with an ellipsis when it is wider than `width`."""
        font = self.font(role, bold)
        if font.size(text)[0] <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if font.size(text[:mid].rstrip() + "…")[0] <= width:
                lo = mid
            else:
                hi = mid - 1
        shown = text[:lo].rstrip() + "…" if lo else ""
        self.record_cut(text, shown)
        return shown


@dataclass(frozen=True)
class Cut:
    """A text drawn shorter than it is: what it was, what was shown, and the tooltip of the widget drawing it."""

    full: str
    shown: str
    tip: str
