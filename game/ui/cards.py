"""Painters for the turn screen's cards: a pair on its ladder, a party's estimated stance, resources, Council
support, an initiative under way. They read only the observation (estimates with bands), never the true state."""

from __future__ import annotations

import pygame

from game.engine.intel import Estimate
from game.engine.observation import InitiativeView, OfficeView, PairView, PartyView, TrackView
from game.i18n import N_, _, tr
from game.i18n.formats import localized, percent
from game.present.dates import unit_phrase
from game.present.leaders import monogram, mood, short_name
from game.present.news import intention_words
from game.present.office import Resource
from game.present.words import plural

from .icons import RESOURCE_ICONS, tone_colour, tone_icon
from .theme import Colour, Theme, ladder_colour, mix

ESTIMATE_LABELS = (("hostility", N_("Hostility")), ("resolve", N_("Resolve")), ("trust", N_("Trust in you")),
                   ("domestic_pressure", N_("Pressure at home")), ("receptivity", N_("Openness")))
INTENTION_COLOURS = {"escalate": "danger", "hold": "warn", "settle": "good"}
DECISION_WORDS = {"escalate": N_("escalated"), "hold": N_("held"), "step_back": N_("stepped back")}


def pair_card_height(theme: Theme) -> int:
    return theme.line_height("body", True) + theme.line_height("h3", True) + theme.px(22) + \
        theme.line_height("small") + theme.px(22)


def paint_pair(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, pair: PairView, title: str) -> None:
    """The pair's name, its rung in words and colour, the ladder as segments, and the pressure estimate band."""
    pal = theme.palette
    top = len(pair.ladder) - 1
    colour = ladder_colour(pal, pair.rung, top)
    pygame.draw.rect(surface, pal.panel_hi, rect, border_radius=theme.px(6))
    pygame.draw.rect(surface, colour, (rect.x, rect.y, theme.px(4), rect.h), border_radius=theme.px(2))
    x, y = rect.x + theme.px(12), rect.y + theme.px(6)
    w = rect.w - theme.px(24)
    surface.blit(theme.text(theme.fit(title, w, "body", True), "body", pal.text, True), (x, y))
    y += theme.line_height("body", True)
    rung_label = pair.rung_name[:1].upper() + pair.rung_name[1:]  # keep proper nouns ("battles in Kashmir")
    step_text = tr("rung {rung} of {top}", rung=pair.rung, top=top)
    step_img = theme.text(step_text, "small", pal.muted)
    surface.blit(theme.text(theme.fit(rung_label, w - step_img.get_width() - theme.px(8), "h3", True),
                            "h3", colour, True), (x, y))
    surface.blit(step_img, (x + w - step_img.get_width(), y + theme.px(4)))
    y += theme.line_height("h3", True) + theme.px(4)
    seg_h = theme.px(12)
    gap = max(1, theme.px(2))
    seg_w = (w - gap * top) / (top + 1)
    for r in range(top + 1):
        sx = x + round(r * (seg_w + gap))
        seg = pygame.Rect(sx, y, max(1, round(seg_w)), seg_h)
        fill = ladder_colour(pal, r, top) if r <= pair.rung else mix(pal.bg_deep, ladder_colour(pal, r, top), 0.18)
        pygame.draw.rect(surface, fill, seg, border_radius=theme.px(2))
        if r == pair.peak_rung and pair.peak_rung > pair.rung:
            pygame.draw.rect(surface, pal.danger, seg, 1, border_radius=theme.px(2))
    y += seg_h + theme.px(4)
    _band(surface, pygame.Rect(x, y, w, theme.px(6)), theme, pair.pressure, top + 0.999, pal.text)
    y += theme.px(10)
    notes = pressure_notes(pair)
    note = next((n for n in notes if theme.width(n, "small") <= w), notes[-1])  # shortened, never cut if it can be
    surface.blit(theme.text(theme.fit(note, w, "small"), "small", pal.muted), (x, y))


def pressure_note(pair) -> str:
    """'pressure ≈ 2.5 (90%: 2.1–3.0) · peak 4 · troops: 5 left', under a pair's ladder (and in its tooltip, for a
    card too narrow for all of it)."""
    return pressure_notes(pair)[0]


def pressure_notes(pair) -> tuple[str, ...]:
    """The pressure note from its full form to its shortest, for a card to take the longest that fits."""
    est = pair.pressure
    extra = []
    if pair.peak_rung > pair.rung:
        extra.append(tr("peak {rung}", rung=pair.peak_rung))
    if pair.deployment_left:
        extra.append(tr("troops: {deployment_left} left", deployment_left=pair.deployment_left))
    tail = " · " + " · ".join(extra) if extra else ""
    value, low, high = (localized(f"{v:.1f}") for v in (est.value, est.low, est.high))
    band = tr("(90%: {low}–{high})", low=low, high=high)
    return (tr("pressure ≈ {value} (90%: {low}–{high})", value=value, low=low, high=high) + tail,
            f"≈ {value} {band}{tail}",
            tr("pressure ≈ {value}", value=value) + tail, f"≈ {value}{tail}")


def _band(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, est: Estimate, scale: float,
          marker: Colour) -> None:
    """An estimate drawn as a shaded 90% band with a tick at the best guess."""
    pal = theme.palette
    pygame.draw.rect(surface, pal.bg_deep, rect, border_radius=rect.h // 2)
    lo = rect.x + round(rect.w * max(0.0, est.low) / scale)
    hi = rect.x + round(rect.w * min(scale, est.high) / scale)
    band = pygame.Rect(lo, rect.y, max(2, hi - lo), rect.h)
    pygame.draw.rect(surface, mix(pal.band, pal.bg_deep, 0.35), band, border_radius=rect.h // 2)
    mx = rect.x + round(rect.w * min(scale, max(0.0, est.value)) / scale)
    pygame.draw.rect(surface, marker, (mx - 1, rect.y - theme.px(3), max(2, theme.px(3)), rect.h + theme.px(6)))


def party_card_height(theme: Theme, reaction_lines: int = 0) -> int:
    """A party card's height, with room for `reaction_lines` lines of its reaction to the last turn."""
    extra = reaction_lines * theme.line_height("small") + theme.px(4) if reaction_lines else 0
    return theme.line_height("body", True) + theme.line_height("small") + len(ESTIMATE_LABELS) * \
        (theme.line_height("small") + theme.px(2)) + theme.px(18) + extra


def reaction_lines(theme: Theme, text: str, card_width: int) -> list[str]:
    """A reaction's lines as the party card wraps it (beside its tone icon)."""
    return theme.wrap(text, card_width - theme.px(24) - _icon_room(theme), "small") if text else []


def _icon_room(theme: Theme) -> int:
    return theme.line_height("small") + theme.px(2)


def paint_party(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, party: PartyView, leader: str,
                turn: int, unit: str, reaction: tuple[str, str] | None = None, initials: str | None = None) -> None:
    """Name and leader (a monogram, and their mood toward you from your estimate of trust), the intention if
    contact revealed it, last decision, five estimates with bands, and the party's reaction to the last turn
    (its text and tone of news) under them."""
    pal = theme.palette
    pygame.draw.rect(surface, pal.panel_hi, rect, border_radius=theme.px(6))
    x0, y = rect.x + theme.px(12), rect.y + theme.px(6)
    head_h = theme.line_height("body", True) + theme.line_height("small")
    initials = monogram(leader) if initials is None else initials  # the scenario's own, in every language
    trust = party.estimates.get("trust")
    feeling, feeling_role = mood(trust.value) if trust is not None else ("", "muted")
    x = x0
    if initials and rect.w >= theme.px(260):
        d = head_h - theme.px(4)
        centre = (x0 + d // 2, y + head_h // 2)
        pygame.draw.circle(surface, mix(pal.panel, getattr(pal, feeling_role), 0.35), centre, d // 2)
        pygame.draw.circle(surface, getattr(pal, feeling_role), centre, d // 2, max(1, theme.px(2)))
        img = theme.text(initials, "label", pal.text, True)
        surface.blit(img, img.get_rect(center=centre))
        x = x0 + d + theme.px(8)
    w = rect.right - theme.px(12) - x
    intent = party.intention
    tag = tr("intends to {intent}", intent=intention_words(intent)) if intent else _("intention unknown")
    tag_colour = getattr(pal, INTENTION_COLOURS.get(intent or "", "faint"))
    if party.role != "disputant":
        tag, tag_colour = party.role, pal.accent_hi  # a mediator or an observer has no aims to guess
    tag_img = theme.text(tag, "small", tag_colour, True)
    word = _(DECISION_WORDS[party.last_decision]) if party.last_decision in DECISION_WORDS else party.last_decision
    last = unit_phrase("last", unit, what=word) if turn > 0 and party.role == "disputant" else ""
    name_w = w
    if last:
        if theme.width(last, "small") > w // 2:
            last = word
        last_img = theme.text(theme.fit(last, w // 2, "small"), "small", pal.muted)
        surface.blit(last_img, (x + w - last_img.get_width(), y + theme.px(3)))
        name_w = w - last_img.get_width() - theme.px(8)
    surface.blit(theme.text(theme.fit(party.name, name_w, "body", True), "body", pal.text, True), (x, y))
    y += theme.line_height("body", True)
    surface.blit(tag_img, (x + w - tag_img.get_width(), y))
    sub_w = w - tag_img.get_width() - theme.px(8)
    if feeling:
        mood_img = theme.text(theme.fit(feeling, sub_w, "small", True), "small", getattr(pal, feeling_role), True)
        lead_w = sub_w - mood_img.get_width() - theme.px(10)
        # the leader in full, else by name alone, else not at all (the monogram and the tooltip name them): never cut
        shown = next((n for n in (leader, short_name(leader)) if n and theme.width(n, "small") <= lead_w), "")
        lead_img = theme.text(shown, "small", pal.muted)
        surface.blit(lead_img, (x, y))
        mx = x + (lead_img.get_width() + theme.px(10) if shown else 0)
        surface.blit(mood_img, (mx, y))
    else:
        surface.blit(theme.text(theme.fit(leader, sub_w, "small"), "small", pal.muted), (x, y))
    y += theme.line_height("small") + theme.px(4)
    x, w = x0, rect.w - theme.px(24)
    label_w = min(theme.px(130), w // 2)
    num_w = theme.width("0.00±0.00", "small")
    show_numbers = w - label_w - num_w - theme.px(10) >= theme.px(50)
    bar_w = max(theme.px(20), w - label_w - (num_w + theme.px(10) if show_numbers else 0))
    step = theme.line_height("small") + theme.px(2)
    for attr, label in ESTIMATE_LABELS:
        est = party.estimates.get(attr)
        if est is None:
            continue
        surface.blit(theme.text(theme.fit(_(label), label_w - theme.px(4), "small"), "small", pal.muted), (x, y))
        bar = pygame.Rect(x + label_w, y + step // 2 - theme.px(3), bar_w, theme.px(6))
        colour = pal.danger if attr == "hostility" and est.value > 0.6 else pal.text
        _band(surface, bar, theme, est, 1.0, colour)
        if show_numbers:
            half = max(est.high - est.value, est.value - est.low)
            num = theme.text(localized(f"{est.value:.2f}±{half:.2f}"), "small", pal.faint)
            surface.blit(num, (x + w - num.get_width(), y))
        y += step
    if reaction:
        text, tone = reaction
        y += theme.px(4)
        size = theme.line_height("small")
        tone_icon(tone)(surface, pygame.Rect(x, y + theme.px(1), size - theme.px(2), size - theme.px(2)), theme)
        for line in reaction_lines(theme, text, rect.w):
            surface.blit(theme.text(line, "small", tone_colour(theme, tone)), (x + _icon_room(theme), y))
            y += size


def shown_tracks(tracks: tuple[TrackView, ...]) -> list[TrackView]:
    """The progress tracks the player may see during the game (hidden ones wait for the debrief)."""
    return [t for t in tracks if t.visibility != "hidden"]


def tracks_card_height(theme: Theme, count: int) -> int:
    """Height of the progress card for `count` tracks: a label line and a bar each."""
    return count * (theme.line_height("small") + theme.px(14)) + theme.px(8)


def paint_tracks(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, tracks: list[TrackView],
                 values: list[str]) -> None:
    """Each progress track: its label, its value in words (exact, or an estimate with its band), and a bar on its
    range — a shaded band with a tick for an estimate, a filled bar for an exact value."""
    pal = theme.palette
    pygame.draw.rect(surface, pal.panel_hi, rect, border_radius=theme.px(6))
    x, y, w = rect.x + theme.px(12), rect.y + theme.px(4), rect.w - theme.px(24)
    for track, shown in zip(tracks, values, strict=True):
        num = theme.text(theme.fit(shown, w // 2, "small", True), "small", pal.text, True)
        surface.blit(num, (x + w - num.get_width(), y))
        label = theme.fit(track.name, w - num.get_width() - theme.px(8), "small")
        surface.blit(theme.text(label, "small", pal.muted), (x, y))
        y += theme.line_height("small") + theme.px(2)
        bar = pygame.Rect(x, y, w, theme.px(6))
        span = track.hi - track.lo
        if track.estimate is not None:
            est = track.estimate
            _band(surface, bar, theme, Estimate(est.value - track.lo, est.low - track.lo, est.high - track.lo),
                  span, pal.text)
        else:
            share = min(1.0, max(0.0, ((track.value or track.lo) - track.lo) / span))
            pygame.draw.rect(surface, pal.bg_deep, bar, border_radius=bar.h // 2)
            pygame.draw.rect(surface, pal.accent, (bar.x, bar.y, max(2, round(bar.w * share)), bar.h),
                             border_radius=bar.h // 2)
        y += theme.px(12)


def paint_resource(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, res: Resource) -> None:
    """One resource in the top bar: icon, big value, small label; with orders queued, the value now and what is
    left after them ('$10.0m → $4.0m'), shortened to what is left where space is short."""
    pal = theme.palette
    warn = res.low
    pygame.draw.rect(surface, pal.panel, rect, border_radius=theme.px(6))
    pygame.draw.rect(surface, pal.danger if warn else pal.line, rect, 1, border_radius=theme.px(6))
    size = min(rect.h - theme.px(14), theme.px(22))
    if res.after is None:
        choices = [(res.now, res.label), (res.now, res.label.split()[0])]
    else:  # the arrow reads 'after this turn's orders' (the tooltip and the orders panel say so in words)
        choices = [(res.short, res.label), (res.short, res.label.split()[0]), (f"→ {res.after}", res.label.split()[0])]
    room = rect.w - theme.px(14)
    with_icon = rect.w - size - theme.px(22)
    value, label, icon = choices[-1][0], choices[-1][1], False
    for v, la in choices:
        fits = max(theme.width(v, "body", True), theme.width(la, "small"))
        if fits <= with_icon:
            value, label, icon = v, la, True
            break
        if fits <= room:
            value, label, icon = v, la, False
            break
    x = rect.x + theme.px(8)
    if icon:
        box = pygame.Rect(x, rect.centery - size // 2, size, size)
        RESOURCE_ICONS[res.kind](surface, box, theme)
        x = box.right + theme.px(8)
    w = rect.right - x - theme.px(6)
    colour = pal.danger if warn else pal.warn if res.after is not None else pal.text
    v = theme.text(theme.fit(value, w, "body", True), "body", colour, True)
    lab = theme.text(theme.fit(label, w, "small"), "small", pal.muted)
    total = v.get_height() + lab.get_height()
    y = rect.centery - total // 2
    surface.blit(v, (x, y))
    surface.blit(lab, (x, y + v.get_height()))


def support_label_width(theme: Theme, names: list[str], width: int) -> int:
    """Room for the Council members' names: the longest of them (with its veto mark), at most 60% of the row."""
    widest = max((theme.width(n + " ●", "small") for n in names), default=0) + theme.px(6)
    return min(widest, int(width * 0.6))


def paint_support(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, name: str, value: float,
                  veto: bool, label_w: int) -> None:
    """A Council member's support as a bar; low support (veto risk) in red."""
    pal = theme.palette
    surface.blit(theme.text(theme.fit(name + (" ●" if veto else ""), label_w - theme.px(4), "small"), "small",
                            pal.muted), (rect.x, rect.y))
    num = theme.text(percent(value), "small", pal.text)
    bar = pygame.Rect(rect.x + label_w, rect.centery - theme.px(4), rect.w - label_w - num.get_width() - theme.px(8),
                      theme.px(8))
    pygame.draw.rect(surface, pal.bg_deep, bar, border_radius=theme.px(4))
    colour = pal.danger if value < 0.35 else pal.warn if value < 0.5 else pal.good
    pygame.draw.rect(surface, colour, (bar.x, bar.y, max(2, round(bar.w * value)), bar.h), border_radius=theme.px(4))
    surface.blit(num, (rect.right - num.get_width(), rect.y))


def initiative_detail(ini: InitiativeView, until: str, unit: str) -> str:
    """'acts in 2 days · until 24 October 1962 · ties up 1 envoy, attention'."""
    acting = ini.matures_in == 0
    when = _("acting now") if acting else tr("acts in {time}", time=plural(ini.matures_in, unit))
    ties = [plural(ini.envoys, "envoy")] if ini.envoys else []
    ties += [_("attention")] if ini.attention else []
    tail = tr(" · ties up {join}", join=', '.join(ties)) if ties else ""
    return tr("{when} · until {until}{tail}", when=when, until=until, tail=tail)


def paint_initiative(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, ini: InitiativeView, label: str,
                     detail: str) -> None:
    """An initiative under way: what and where, when it acts, until when, what it ties up."""
    pal = theme.palette
    pygame.draw.rect(surface, pal.panel_hi, rect, border_radius=theme.px(5))
    acting = ini.matures_in == 0
    pygame.draw.rect(surface, pal.good if acting else pal.warn, (rect.x, rect.y, theme.px(4), rect.h),
                     border_radius=theme.px(2))
    x, w = rect.x + theme.px(10), rect.w - theme.px(16)
    surface.blit(theme.text(theme.fit(label, w, "small", True), "small", pal.text, True), (x, rect.y + theme.px(3)))
    surface.blit(theme.text(theme.fit(detail, w, "small"), "small", pal.muted),
                 (x, rect.y + theme.px(3) + theme.line_height("small", True)))


def paint_office(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, office: OfficeView) -> None:
    """Intelligence, coordination and visibility as three small gauges side by side."""
    pal = theme.palette
    stats = ((_("Intelligence|Intel."), office.intelligence, False),
             (_("Coordination|Coord."), office.coordination, office.coordination < 0.4),
             (_("Visibility|Visib."), office.visibility, False))
    gap = theme.px(8)
    w = (rect.w - 2 * gap) // 3
    for i, (label, value, low) in enumerate(stats):
        x = rect.x + i * (w + gap)
        num = theme.text(percent(value), "small", pal.danger if low else pal.text, True)
        surface.blit(num, (x + w - num.get_width(), rect.y))
        room = w - num.get_width() - theme.px(4)
        full, short = label.split("|")
        name = theme.text(theme.fit(full if theme.width(full, "small") <= room else short, room, "small"), "small",
                          pal.muted)
        surface.blit(name, (x, rect.y))
        bar = pygame.Rect(x, rect.y + theme.line_height("small") + theme.px(2), w, theme.px(5))
        pygame.draw.rect(surface, pal.bg_deep, bar, border_radius=bar.h // 2)
        pygame.draw.rect(surface, pal.danger if low else pal.accent, (bar.x, bar.y, max(2, round(bar.w * value)),
                                                                      bar.h), border_radius=bar.h // 2)



def paint_opinion(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, title: str, gauges: list) -> None:
    """World opinion: a small heading, then each audience as a gauge with its regard in a word, its share and
    an arrow for last turn's move (present/opinion.Gauge)."""
    pal = theme.palette
    surface.blit(theme.text(theme.fit(title, rect.w, "small", True), "small", pal.muted, True), rect.topleft)
    if not gauges:
        return
    gap = theme.px(8)
    w = (rect.w - gap * (len(gauges) - 1)) // len(gauges)
    y = rect.y + theme.line_height("small", True)
    for i, g in enumerate(gauges):
        x = rect.x + i * (w + gap)
        arrow = "▲" if g.change > 0 else "▼" if g.change < 0 else ""
        num = theme.text(f"{g.percent}{arrow}", "small", pal.good if g.change > 0 else pal.danger if g.change < 0
                         else pal.text, True)
        surface.blit(num, (x + w - num.get_width(), y))
        room = w - num.get_width() - theme.px(4)
        word = f"{g.title} {g.word}"
        label = next((t for t in (word, g.title, g.short) if theme.width(t, "small") <= room), "")
        if label:
            surface.blit(theme.text(label, "small", getattr(pal, g.role) if label == word else pal.muted), (x, y))
        bar = pygame.Rect(x, y + theme.line_height("small") + theme.px(2), w, theme.px(5))
        pygame.draw.rect(surface, pal.bg_deep, bar, border_radius=bar.h // 2)
        pygame.draw.rect(surface, getattr(pal, g.role) if g.role != "text" else pal.accent,
                         (bar.x, bar.y, max(2, round(bar.w * g.value)), bar.h), border_radius=bar.h // 2)
        mid = bar.x + bar.w // 2
        pygame.draw.line(surface, pal.muted, (mid, bar.y - theme.px(1)), (mid, bar.bottom), 1)


def opinion_height(theme: Theme) -> int:
    return theme.line_height("small", True) + theme.line_height("small") + theme.px(9)
