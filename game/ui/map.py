"""The map of the theatre, drawn with pygame: Natural Earth coasts and borders, the parties' territories shaded
by their public stance, and the scenario's areas, lines and places with labels that do not overlap.

Projection: equirectangular with longitudes scaled by the cosine of the region's middle latitude, which keeps
shapes true enough at theatre scale; the region is widened to fill the rectangle's shape. Projected outlines
are cached per rectangle and the finished picture per scene, so a frame is one blit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.present.mapview import Scene, ScenePlace, Stance
from game.scenario.geography import Atlas, atlas
from game.scenario.model import MapBlock

from .theme import Colour, Palette, Theme, ladder_colour, mix

Box = tuple[float, float, float, float]  # west, south, east, north
Outline = tuple[str, list[tuple[int, int]], list[list[tuple[int, int]]]]  # country, ring, drawn runs
NEUTRAL_LAND: Colour = (150, 146, 128)
SEA_TINT: Colour = (30, 80, 150)  # the same blue sea in every palette (the projector's accent is yellow)
LABEL_SIDES = ("right", "left", "above", "below", "above-right", "below-right", "above-left", "below-left")


class Projection:
    """Degrees to pixels for a region shown in a rectangle (the region widened to the rectangle's shape)."""

    def __init__(self, region: Box, rect: pygame.Rect) -> None:
        west, south, east, north = region
        self.rect = rect
        self.k = math.cos(math.radians((south + north) / 2))
        self.lon0, self.lat0 = (west + east) / 2, (south + north) / 2
        self.scale = min(rect.w / max(1e-6, (east - west) * self.k), rect.h / max(1e-6, north - south))
        half_w, half_h = rect.w / 2 / (self.scale * self.k), rect.h / 2 / self.scale
        self.view: Box = (self.lon0 - half_w, self.lat0 - half_h, self.lon0 + half_w, self.lat0 + half_h)

    def point(self, lon: float, lat: float) -> tuple[int, int]:
        return (round(self.rect.centerx + (lon - self.lon0) * self.k * self.scale),
                round(self.rect.centery - (lat - self.lat0) * self.scale))

    def points(self, pts) -> list[tuple[int, int]]:
        return [self.point(lon, lat) for lon, lat in pts]

    def km_per_pixel(self) -> float:
        return 111.32 / self.scale


@dataclass(frozen=True)
class MapColours:
    """The map's colours, derived from the interface palette so the colour-blind and projector views carry over."""

    sea: Colour
    land: Colour
    border: Colour
    coast: Colour
    halo: Colour
    label: Colour
    country_label: Colour
    neutral_label: Colour

    @classmethod
    def of(cls, pal: Palette) -> MapColours:
        land = mix(pal.panel_hi, NEUTRAL_LAND, 0.5)  # grey-brown, so that land never reads as sea
        return cls(sea=mix(pal.bg_deep, SEA_TINT, 0.3), land=land, border=mix(land, pal.text, 0.35),
                   coast=mix(land, pal.text, 0.6), halo=pal.bg_deep, label=pal.text, country_label=pal.muted,
                   neutral_label=mix(land, pal.text, 0.55))


def stance_colour(pal: Palette, stance: Stance | None) -> Colour | None:
    """The ladder colour of a party's highest public rung."""
    return None if stance is None else ladder_colour(pal, stance.rung, max(1, stance.top))


def territory_fill(pal: Palette, col: MapColours, scene: Scene, party: str) -> Colour:
    """A party's land: the ladder colour of its stance over the land colour, a little lighter or darker by the
    party's place in the list, so that neighbours on the same rung still read as two countries."""
    stance = scene.stances.get(party)
    shade = stance_colour(pal, stance)
    if shade is None:
        return col.land
    index = list(scene.stances).index(party)
    return mix(col.land, shade, 0.62 if index % 2 == 0 else 0.4)


def role_colour(pal: Palette, role: str | None, default: Colour, stance: Stance | None = None) -> Colour:
    if role == "party":
        return stance_colour(pal, stance) or default
    return getattr(pal, role) if role else default


class MapRenderer:
    """Draws one scenario's map; keeps projected outlines per rectangle and the last picture per scene."""

    def __init__(self, block: MapBlock, geo: Atlas | None = None) -> None:
        self.block = block
        self.atlas = geo if geo is not None else atlas()
        r = block.region
        self.region: Box = (r.west, r.south, r.east, r.north)
        self._outlines: tuple[tuple[int, int], list[Outline]] | None = None
        self._picture: tuple[tuple, Scene, pygame.Surface] | None = None

    # -- geometry ------------------------------------------------------------------------------------------
    def projection(self, size: tuple[int, int]) -> Projection:
        return Projection(self.region, pygame.Rect(0, 0, *size))

    def outlines(self, size: tuple[int, int]) -> list[Outline]:
        """Every country ring that reaches into the view, projected, largest first (enclaves drawn last), with the
        runs of its outline that are real coasts or borders (not the edges the extract was clipped along)."""
        if self._outlines is not None and self._outlines[0] == size:
            return self._outlines[1]
        out: list[tuple[float, str, list[tuple[int, int]], list[list[tuple[int, int]]]]] = []
        if self.block.base == "natural_earth":
            proj = self.projection(size)
            w, s, e, n = proj.view
            edges = _window_edges(self.atlas)
            for name, rings in self.atlas.countries.items():
                for ring in rings:
                    xs = [p[0] for p in ring]
                    ys = [p[1] for p in ring]
                    if max(xs) < w or min(xs) > e or max(ys) < s or min(ys) > n:
                        continue
                    pts = proj.points(ring)
                    out.append((_area(pts), name, pts, _drawn_edges(ring, pts, edges)))
        out.sort(key=lambda item: -item[0])
        result = [(name, pts, runs) for _, name, pts, runs in out]
        self._outlines = (size, result)
        return result

    # -- drawing -------------------------------------------------------------------------------------------
    def picture(self, size: tuple[int, int], theme: Theme, scene: Scene) -> pygame.Surface:
        """The whole map for `scene` at `size`, from the cache when nothing changed."""
        key = (size, theme.palette, theme.scale)
        if self._picture is not None and self._picture[0] == key and self._picture[1] == scene:
            return self._picture[2]
        surface = pygame.Surface(size)
        self.draw(surface, theme, scene)
        self._picture = (key, scene, surface)
        return surface

    def draw(self, surface: pygame.Surface, theme: Theme, scene: Scene) -> None:
        size = surface.get_size()
        pal = theme.palette
        col = MapColours.of(pal)
        proj = self.projection(size)
        surface.fill(col.sea)
        outlines = self.outlines(size)
        for name, pts, _ in outlines:
            party = scene.territories.get(name)
            fill = col.land if party is None else territory_fill(pal, col, scene, party)
            pygame.draw.polygon(surface, fill, pts)
        for _, _, runs in outlines:
            for run in runs:
                pygame.draw.lines(surface, col.border, False, run, 1)
        for name, _, runs in outlines:  # a party's outline drawn again, stronger, so its territory reads
            if name in scene.territories:
                for run in runs:
                    pygame.draw.lines(surface, col.coast, False, run, max(1, theme.px(1.5)))
        for area in scene.areas:
            self._area(surface, theme, col, proj, area, scene)
        for line in scene.lines:
            colour = role_colour(pal, line.colour, pal.warn)
            pts = proj.points(line.points)
            width = max(2, theme.px(3))
            if line.style == "dashed":
                _dashed(surface, colour, pts, width, theme.px(10), theme.px(6))
            else:
                pygame.draw.lines(surface, colour, False, pts, width)
        occupied: list[pygame.Rect] = []
        markers = [(place, proj.point(*place.at)) for place in scene.places]
        for place, xy in markers:
            occupied.append(draw_marker(surface, theme, place.kind, place.colour, xy))
        occupied.append(self._scale_bar(surface, theme, col, proj))
        for line in scene.lines:  # no label may sit on a line
            pts = proj.points(line.points)
            for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
                steps = max(1, round(math.hypot(x1 - x0, y1 - y0) / theme.px(8)))
                for t in range(steps + 1):
                    x, y = x0 + (x1 - x0) * t / steps, y0 + (y1 - y0) * t / steps
                    occupied.append(pygame.Rect(round(x) - 2, round(y) - 2, 4, 4))
        for place, xy in sorted(markers, key=lambda m: _PRIORITY.get(m[0].kind, 9)):
            self._place_label(surface, theme, col, place, xy, occupied)
        for line in scene.lines:
            self._line_label(surface, theme, col, proj, line, occupied)
        self._territory_labels(surface, theme, col, proj, scene, occupied)

    def _area(self, surface, theme, col, proj, area, scene) -> None:
        pal = theme.palette
        pts = proj.points(area.points)
        stance = scene.stances.get(area.party) if area.party else None
        if area.land:
            fill = territory_fill(pal, col, scene, area.party) if area.party else col.land
            if area.colour and area.colour != "party":
                fill = mix(col.land, role_colour(pal, area.colour, col.land), 0.5)
            pygame.draw.polygon(surface, fill, pts)
            pygame.draw.lines(surface, col.coast, True, pts, max(1, theme.px(1.5)))
            return
        colour = role_colour(pal, area.colour, pal.accent, stance)
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        box = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
        layer = pygame.Surface(box.size, pygame.SRCALPHA)
        pygame.draw.polygon(layer, (*colour, 70), [(x - box.x, y - box.y) for x, y in pts])
        surface.blit(layer, box.topleft)
        _dashed(surface, colour, [*pts, pts[0]], max(1, theme.px(2)), theme.px(8), theme.px(5))

    def _place_label(self, surface, theme, col, place: ScenePlace, xy, occupied: list[pygame.Rect]) -> None:
        bold = place.kind == "capital"
        img = theme.text(place.name, "small", col.label, bold)
        w, h = img.get_size()
        gap = theme.px(9)
        sides = LABEL_SIDES if place.label_side == "auto" else (place.label_side, *LABEL_SIDES)
        bounds = surface.get_rect()
        best, best_cost = None, None
        for side in sides:
            rect = _label_rect(side, xy, w, h, gap)
            cost = sum(_overlap(rect, o) for o in occupied) + (0 if bounds.contains(rect) else w * h)
            if best_cost is None or cost < best_cost:
                best, best_cost = rect, cost
            if cost == 0:
                break
        if best_cost and place.kind != "capital":
            return  # no side is free (a small map): leave the label out rather than overlap another
        rect = best.clamp(bounds)
        _halo_text(surface, theme, place.name, "small", bold, col, rect.topleft)
        occupied.append(rect)

    def _line_label(self, surface, theme, col, proj, line, occupied: list[pygame.Rect]) -> None:
        pts = proj.points(line.points)
        img = theme.text(line.name, "small", role_colour(theme.palette, line.colour, theme.palette.warn), True)
        w, h = img.get_size()
        bounds = surface.get_rect()
        mid = len(pts) // 2
        order = sorted(range(len(pts)), key=lambda i: abs(i - mid))  # beside the middle vertex first
        for k in order:
            x, y = pts[k]
            for dx, dy in ((theme.px(8), -h - theme.px(4)), (theme.px(8), theme.px(4)), (-w - theme.px(8), -h)):
                rect = pygame.Rect(x + dx, y + dy, w, h)
                if bounds.contains(rect) and not any(rect.colliderect(o) for o in occupied):
                    _halo_text(surface, theme, line.name, "small", True, col, rect.topleft,
                               role_colour(theme.palette, line.colour, theme.palette.warn))
                    occupied.append(rect)
                    return

    def _territory_labels(self, surface, theme, col, proj, scene: Scene, occupied: list[pygame.Rect]) -> None:
        """Each party's name over the largest visible piece of its territory, then the neighbouring countries'
        names (fainter), each only where it fits inside its land and overlaps nothing."""
        size = surface.get_size()
        bounds = surface.get_rect()
        pieces: dict[str, tuple[float, list[tuple[int, int]]]] = {}
        neutral: dict[str, tuple[float, list[tuple[int, int]]]] = {}
        for name, pts, _ in self.outlines(size):
            clipped = [(min(max(x, 0), size[0]), min(max(y, 0), size[1])) for x, y in pts]
            area = _area(clipped)
            party = scene.territories.get(name)
            target, key = (pieces, party) if party is not None else (neutral, name)
            if area > 0 and (key not in target or target[key][0] < area):
                target[key] = (area, pts)
        for area in scene.areas:
            if area.party and area.party not in pieces:
                pts = proj.points(area.points)
                pieces[area.party] = (_area(pts), pts)
        inner = bounds.inflate(-theme.px(12), -theme.px(12))
        labels = []
        for party, (_, pts) in pieces.items():
            stance = scene.stances.get(party)
            if stance is not None:
                labels.append((stance.name.upper(), "label", True, col.country_label, pts))
        for area in scene.areas:
            if not area.land and not area.party:  # a party's area carries the party's name already
                colour = role_colour(theme.palette, area.colour, theme.palette.accent, scene.stances.get(area.party))
                labels.append((area.name, "small", True, mix(colour, col.label, 0.5), proj.points(area.points)))
        min_area = (theme.px(60)) ** 2
        for name, (area, pts) in sorted(neutral.items(), key=lambda kv: -kv[1][0]):
            if area >= min_area:
                labels.append((name, "small", False, col.neutral_label, pts))
        for text, role, bold, colour, pts in labels:
            img = theme.text(text, role, colour, bold)
            for cx, cy in _label_points(pts, bounds, theme.px(24)):
                rect = img.get_rect(center=(round(cx), round(cy)))
                probes = [(rect.x + rect.w * i // 4, rect.y + rect.h * j // 2) for i in range(5) for j in range(3)]
                if inner.contains(rect) and not any(rect.colliderect(o) for o in occupied) and \
                        all(_inside(p, pts) for p in probes):
                    _halo_text(surface, theme, text, role, bold, col, rect.topleft, colour)
                    occupied.append(rect)
                    break

    def _scale_bar(self, surface, theme, col, proj: Projection) -> pygame.Rect:
        """A bar of a round number of kilometres in the bottom-left corner."""
        target = proj.km_per_pixel() * theme.px(120)
        step = 10 ** math.floor(math.log10(max(1e-6, target)))
        km = max(s * step for s in (1, 2, 5) if s * step <= target) if target >= step else step
        length = round(km / proj.km_per_pixel())
        x, y = theme.px(14), surface.get_height() - theme.px(16)
        pygame.draw.line(surface, col.halo, (x, y), (x + length, y), max(3, theme.px(5)))
        pygame.draw.line(surface, col.label, (x, y), (x + length, y), max(1, theme.px(2)))
        top = y - theme.line_height("small") - theme.px(2)
        _halo_text(surface, theme, f"{km:g} km", "small", False, col, (x, top))
        return pygame.Rect(x - theme.px(4), top - theme.px(2), length + theme.px(8), y - top + theme.px(8))


def draw_marker(surface: pygame.Surface, theme: Theme, kind: str, role: str | None, xy) -> pygame.Rect:
    """The marker of a kind of place (capital, city, base, post, ship, site); returns the rectangle it covers."""
    pal = theme.palette
    x, y = xy
    r = theme.px(6)
    colour = role_colour(pal, role, getattr(pal, _KIND_ROLE.get(kind, "text")))
    dark = pal.bg_deep
    if kind == "capital":
        pygame.draw.circle(surface, dark, xy, r + 2)
        pygame.draw.circle(surface, colour, xy, r)
        pygame.draw.circle(surface, dark, xy, max(1, r // 2))
    elif kind == "city":
        pygame.draw.circle(surface, dark, xy, r)
        pygame.draw.circle(surface, colour, xy, r - 2)
    elif kind == "base":
        tri = [(x, y - r - 2), (x + r + 2, y + r), (x - r - 2, y + r)]
        pygame.draw.polygon(surface, colour, tri)
        pygame.draw.lines(surface, dark, True, tri, 1)
    elif kind == "post":
        dia = [(x, y - r - 2), (x + r + 2, y), (x, y + r + 2), (x - r - 2, y)]
        pygame.draw.polygon(surface, colour, dia)
        pygame.draw.lines(surface, dark, True, dia, 1)
    elif kind == "ship":
        hull = [(x - r - 3, y - 1), (x + r + 3, y - 1), (x + r, y + r - 1), (x - r, y + r - 1)]
        pygame.draw.polygon(surface, colour, hull)
        pygame.draw.rect(surface, colour, (x - 2, y - r - 1, 4, r))
        pygame.draw.lines(surface, dark, True, hull, 1)
    else:
        pygame.draw.line(surface, dark, (x - r - 1, y - r - 1), (x + r + 1, y + r + 1), 5)
        pygame.draw.line(surface, dark, (x - r - 1, y + r + 1), (x + r + 1, y - r - 1), 5)
        pygame.draw.line(surface, colour, (x - r, y - r), (x + r, y + r), 3)
        pygame.draw.line(surface, colour, (x - r, y + r), (x + r, y - r), 3)
    return pygame.Rect(x - r - 3, y - r - 3, 2 * r + 6, 2 * r + 6)


_PRIORITY = {"capital": 0, "post": 1, "ship": 2, "base": 3, "city": 4, "site": 5}
_KIND_ROLE = {"capital": "text", "city": "text", "base": "danger", "post": "accent", "ship": "warn", "site": "warn"}


def _label_rect(side: str, xy, w: int, h: int, gap: int) -> pygame.Rect:
    x, y = xy
    if side == "right":
        return pygame.Rect(x + gap, y - h // 2, w, h)
    if side == "left":
        return pygame.Rect(x - gap - w, y - h // 2, w, h)
    if side == "above":
        return pygame.Rect(x - w // 2, y - gap - h, w, h)
    if side == "below":
        return pygame.Rect(x - w // 2, y + gap, w, h)
    dx = gap // 2 if side.endswith("right") else -gap // 2 - w
    dy = -gap // 2 - h if side.startswith("above") else gap // 2
    return pygame.Rect(x + dx, y + dy, w, h)


def _overlap(a: pygame.Rect, b: pygame.Rect) -> int:
    c = a.clip(b)
    return c.w * c.h


def _halo_text(surface, theme: Theme, text: str, role: str, bold: bool, col: MapColours, pos,
               colour: Colour | None = None) -> None:
    """Text with a dark outline, legible over land, sea and shading alike."""
    halo = theme.text(text, role, col.halo, bold)
    x, y = pos
    d = max(1, theme.px(1.5))
    for dx, dy in ((-d, 0), (d, 0), (0, -d), (0, d), (-d, -d), (d, d), (-d, d), (d, -d)):
        surface.blit(halo, (x + dx, y + dy))
    surface.blit(theme.text(text, role, colour or col.label, bold), pos)


def _dashed(surface, colour: Colour, pts, width: int, dash: int, gap: int) -> None:
    """A polyline drawn as dashes, the pattern carried across vertices."""
    on, left = True, dash
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < seg:
            step = min(left, seg - pos)
            if on:
                a = (x0 + (x1 - x0) * pos / seg, y0 + (y1 - y0) * pos / seg)
                b = (x0 + (x1 - x0) * (pos + step) / seg, y0 + (y1 - y0) * (pos + step) / seg)
                pygame.draw.line(surface, colour, a, b, width)
            pos += step
            left -= step
            if left <= 0:
                on = not on
                left = dash if on else gap


def _window_edges(geo: Atlas) -> tuple[set[float], set[float]]:
    """The longitudes and latitudes the extract was clipped along."""
    lons = {v for w in geo.windows.values() for v in (w[0], w[2])}
    lats = {v for w in geo.windows.values() for v in (w[1], w[3])}
    return lons, lats


def _drawn_edges(ring, pts, edges: tuple[set[float], set[float]]) -> list[list[tuple[int, int]]]:
    """The ring's outline split into runs, leaving out segments that lie along a clipping edge."""
    lons, lats = edges
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    n = len(ring)
    for i in range(n):
        (x0, y0), (x1, y1) = ring[i], ring[(i + 1) % n]
        cut = (x0 == x1 and round(x0, 6) in lons) or (y0 == y1 and round(y0, 6) in lats)
        if cut:
            if len(current) > 1:
                runs.append(current)
            current = []
            continue
        if not current:
            current = [pts[i]]
        current.append(pts[(i + 1) % n])
    if len(current) > 1:
        runs.append(current)
    return runs


def _label_points(pts, bounds: pygame.Rect, step: int) -> list[tuple[float, float]]:
    """Where a country's label may go: the centroid of its visible part first, then points of a grid over that
    part, nearest first."""
    cx, cy = _centroid([(min(max(x, bounds.left), bounds.right), min(max(y, bounds.top), bounds.bottom))
                        for x, y in pts])
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1 = max(bounds.left, min(xs)), min(bounds.right, max(xs))
    y0, y1 = max(bounds.top, min(ys)), min(bounds.bottom, max(ys))
    grid = [(x, y) for x in range(int(x0), int(x1) + 1, step) for y in range(int(y0), int(y1) + 1, step)]
    grid.sort(key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)
    return [(cx, cy), *grid[:400]]


def _inside(p, pts) -> bool:
    """Point-in-polygon by ray casting."""
    x, y = p
    inside = False
    n = len(pts)
    for i in range(n):
        (xa, ya), (xb, yb) = pts[i], pts[(i + 1) % n]
        if (ya > y) != (yb > y) and x < xa + (y - ya) * (xb - xa) / (yb - ya):
            inside = not inside
    return inside


def _area(pts) -> float:
    n = len(pts)
    return abs(sum(pts[i][0] * pts[(i + 1) % n][1] - pts[(i + 1) % n][0] * pts[i][1] for i in range(n))) / 2


def _centroid(pts) -> tuple[float, float]:
    n = len(pts)
    a = cx = cy = 0.0
    for i in range(n):
        x0, y0 = pts[i]
        x1, y1 = pts[(i + 1) % n]
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        return (sum(p[0] for p in pts) / n, sum(p[1] for p in pts) / n)
    return cx / (3 * a), cy / (3 * a)
