"""The map view: the theatre as it stands this turn (territories shaded by the parties' public stance, the
scenario's places, lines and areas as their conditions say), with a key beside it. G or Esc goes back."""

from __future__ import annotations

import pygame

from game.i18n import N_, N_plural, _, ngettext, tr
from game.present.dates import turn_date, unit_name, unit_phrase
from game.present.mapview import MapModel, Scene

from ..layout import Flow, columns, inset
from ..map import MapColours, MapRenderer, draw_marker, role_colour, territory_fill
from ..theme import Theme, mix
from ..widgets import Button, Painter, TextBlock, Widget, panel, panel_header
from .base import Screen, body_rect, header

DECISION_WORDS = {"escalate": N_("escalated"), "hold": N_("held"), "step_back": N_("stepped back")}
KIND_WORDS = {"capital": N_plural("{n} capital", "{n} capitals"), "city": N_plural("{n} city", "{n} cities"),
              "base": N_plural("{n} military base", "{n} military bases"),
              "post": N_plural("{n} UN post", "{n} UN posts"), "ship": N_plural("{n} ship", "{n} ships"),
              "site": N_plural("{n} site", "{n} sites")}
CREDIT = N_("Coasts and borders: Natural Earth (public domain), as drawn today.")


FADE_MS = 400  # a change of the map (a line appears, a ship moves, a country changes colour) cross-fades this long


class MapView:
    """One game's map: its bound conditions and its renderer, kept while the session lasts so reopening is cheap;
    and the last picture shown, so that a changed map fades in from it (FADE_MS) instead of jumping."""

    def __init__(self, rules) -> None:
        self.model = MapModel(rules)
        self.renderer = MapRenderer(self.model.block) if self.model.block is not None else None
        self.clock_ms = 0  # advanced by the screens that show the map
        self._shown: dict[tuple, tuple[Scene, pygame.Surface]] = {}  # size and theme -> the scene last shown there
        self._fade: tuple[pygame.Surface, int] | None = None  # the picture faded from, and when the fade began

    def scene(self, game, obs=None) -> Scene:
        return self.model.scene(game.state, obs if obs is not None else game.observation())

    def advance(self, ms: int) -> None:
        self.clock_ms += ms

    def fading(self) -> float | None:
        """How far the current fade has come (0 to 1), or None when the map is still."""
        if self._fade is None:
            return None
        done = (self.clock_ms - self._fade[1]) / FADE_MS
        if done >= 1.0:
            self._fade = None
            return None
        return max(0.0, done)

    def layers(self, size: tuple[int, int], theme: Theme, scene: Scene) -> list[tuple[pygame.Surface, int]]:
        """The pictures to blit, each with its alpha (255 opaque): the new one alone, or over the old while a
        change fades in. Both are cached pictures, so a frame is one or two blits."""
        picture = self.renderer.picture(size, theme, scene)
        key = (size, theme.palette, theme.scale)
        shown = self._shown.get(key)
        if shown is None:
            self._fade = None
            if len(self._shown) >= 4:  # a few sizes (the briefing's, the map view's, after a resize) are enough
                self._shown.clear()
        elif shown[0] != scene:
            self._fade = (shown[1], self.clock_ms)
        self._shown[key] = (scene, picture)
        done = self.fading()
        if done is None:
            return [(picture, 255)]
        return [(self._fade[0], 255), (picture, round(255 * done))]


def map_view(session) -> MapView:
    """The session's map view, made on first use and made again when the rules change (a reload)."""
    view = getattr(session, "map_view", None)
    if view is None or view.model.rules is not session.rules:
        view = MapView(session.rules)
        session.map_view = view
    return view


def paint_map(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, view: MapView, scene: Scene) -> None:
    """The map picture in `rect` with a frame (cached by the renderer: one blit per frame, two while a change
    fades in)."""
    if view.renderer is None or rect.w < 8 or rect.h < 8:
        return
    for picture, alpha in view.layers(rect.size, theme, scene):
        if alpha >= 255:
            surface.blit(picture, rect.topleft)
        elif alpha > 0:
            picture.set_alpha(alpha)
            surface.blit(picture, rect.topleft)
            picture.set_alpha(None)
    pygame.draw.rect(surface, theme.palette.line, rect, 1)


class MapScreen(Screen):
    name = "map"

    def build(self, rect: pygame.Rect) -> list[Widget]:
        app, theme = self.app, self.app.theme
        session = app.session
        game = session.game
        rules = session.rules
        obs = game.observation()
        unit = rules.scenario.calendar.turn_unit
        sub = tr("{unit} {n} of {turns} · {date}", unit=unit_name(unit), n=min(obs.turn + 1, obs.turns),
                 turns=obs.turns,
                 date=turn_date(rules, obs.turn))
        out = header(app, self, rect, tr("Map — {title}", title=rules.scenario.title), sub, back=_("Back (G)"))
        body = body_rect(app, rect)
        view = map_view(session)
        if view.renderer is None:
            text = (_("This scenario has no map. Its author can add one with a 'map:' block: the region, places, "
                      "lines and areas, and which party is which country (see docs/authoring.md)."))
            out.append(TextBlock(pygame.Rect(body.x, body.y, body.w, TextBlock.measure(theme, text, body.w)),
                                 text=text, colour=theme.palette.muted))
            return out
        scene = view.scene(game, obs)
        key_w = min(theme.px(330), body.w // 3)
        map_r, key_r = columns(body, [body.w - key_w, key_w], theme.px(14))
        out.append(Painter(map_r, key="map", tip="", paint=lambda s, r, th: paint_map(s, r, th, view, scene)))
        out.append(Painter(key_r, key="map-key-bg", group="panels", paint=lambda s, r, th: panel(s, r, th, _("Key"))))
        out += self._key(key_r, theme, scene, rules)
        return out

    def _key(self, rect: pygame.Rect, theme: Theme, scene: Scene, rules) -> list[Widget]:
        pal = theme.palette
        inner = inset(rect, theme.px(12), 0)
        inner.y += panel_header(theme)
        inner.h -= panel_header(theme) + theme.px(10)
        flow = Flow(inner, "map-key", self.scroll, "map-key", theme.px(4), self.invalidate)
        w = flow.width
        sw = theme.px(14)

        def para(text: str, role: str = "small", colour=None, bold: bool = False) -> None:
            flow.add(TextBlock(flow.take(TextBlock.measure(theme, text, w, role, bold)), text=text, role=role,
                               colour=colour, bold=bold))

        def swatch_row(text: str, draw) -> None:
            h = max(theme.line_height("small"), sw) + theme.px(2)
            lines = theme.wrap(text, w - sw - theme.px(8), "small")
            r = flow.take(h + (len(lines) - 1) * theme.line_height("small"))

            def paint(s, rr, th, lines=lines, draw=draw):
                draw(s, pygame.Rect(rr.x, rr.y + theme.px(2), sw, sw))
                y = rr.y
                for line in lines:
                    s.blit(th.text(line, "small", pal.text), (rr.x + sw + th.px(8), y))
                    y += th.line_height("small")

            flow.add(Painter(r, paint=paint))

        col = MapColours.of(pal)
        shaded = set(scene.territories.values()) | {a.party for a in scene.areas if a.party}
        if shaded:
            para(_("Parties, shaded by the highest rung of their disputes"), "small", pal.muted, True)
            for pid in rules.party_ids:
                st = scene.stances.get(pid)
                if st is None or pid not in shaded:
                    continue
                words = [st.name]
                if st.rung_name:
                    words.append(st.rung_name)
                if rules.turns and st.last_decision in DECISION_WORDS and any(r.turn >= 0 for r in
                                                                              self.app.session.game.reports):
                    words.append(unit_phrase("last", rules.scenario.calendar.turn_unit,
                                             what=_(DECISION_WORDS[st.last_decision])))
                shade = territory_fill(pal, col, scene, pid)
                swatch_row(" · ".join(words), lambda s, r, c=shade: (pygame.draw.rect(s, c, r),
                                                                     pygame.draw.rect(s, col.coast, r, 1)))
            flow.skip(theme.px(6))
        features = [(line.name, "line", line.colour, line.style) for line in scene.lines]
        features += [(a.name, "area", a.colour, a.party) for a in scene.areas if not a.land]
        if features:
            para(_("On the map"), "small", pal.muted, True)
            for name, kind, role, extra in features:
                colour = role_colour(pal, role, pal.warn if kind == "line" else pal.accent,
                                     scene.stances.get(extra) if kind == "area" and extra else None)
                swatch_row(name, _line_swatch(theme, colour) if kind == "line" else _area_swatch(theme, colour))
            flow.skip(theme.px(6))
        kinds = [k for k in KIND_WORDS if any(p.kind == k for p in scene.places)]
        if kinds:
            para(_("Places"), "small", pal.muted, True)
            for k in kinds:
                n = sum(p.kind == k for p in scene.places)
                swatch_row(ngettext(*KIND_WORDS[k], n).format(n=n), lambda s, r, k=k: _kind_icon(s, r, theme, k))
            flow.skip(theme.px(6))
        block = rules.scenario.map
        if block.caption:
            para(block.caption, "small", pal.muted)
        if block.base == "natural_earth":
            para(_(CREDIT), "small", pal.faint)
        out = flow.finish()
        return out

    def tick(self, ms: int) -> None:
        view = getattr(self.app.session, "map_view", None)
        if view is not None:
            view.advance(ms)

    def key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_g:
            self.back()
            return True
        return False


def _line_swatch(theme: Theme, colour):
    def draw(surface: pygame.Surface, r: pygame.Rect) -> None:
        pygame.draw.line(surface, colour, (r.x, r.centery), (r.right, r.centery), max(2, theme.px(3)))
    return draw


def _area_swatch(theme: Theme, colour):
    def draw(surface: pygame.Surface, r: pygame.Rect) -> None:
        pygame.draw.rect(surface, mix(colour, theme.palette.panel, 0.6), r)
        pygame.draw.rect(surface, colour, r, 1)
    return draw


def _kind_icon(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, kind: str) -> None:
    draw_marker(surface, theme, kind, None, rect.center)


def map_button(rect: pygame.Rect, screen: Screen, hotkey: str = "G") -> Button:
    """The button that opens the map from another screen (G)."""
    return Button(rect, key="open-map", group="top", label=_("Map"), hotkey=hotkey, on_click=lambda: open_map(screen),
                  tip=_("The map of the theatre as it stands now (G)"))


def open_map(screen: Screen) -> None:
    app = screen.app
    if app.session.rules.scenario.map is None:
        app.toast(_("This scenario has no map."))
        return
    app.push(MapScreen(app))
