"""Layout computed from the window size: splitting rectangles, and a flow that stacks widgets in a scroll area.

Nothing is placed at fixed coordinates: every screen divides the window it is given, so the same code lays out
1024×640 and 1920×1080 without overlaps, and content taller than its panel scrolls instead of spilling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from .widgets import ScrollArea, Widget


def inset(rect: pygame.Rect, dx: int, dy: int | None = None) -> pygame.Rect:
    """`rect` shrunk by dx on the left and right and dy on the top and bottom."""
    dy = dx if dy is None else dy
    return pygame.Rect(rect.x + dx, rect.y + dy, max(0, rect.w - 2 * dx), max(0, rect.h - 2 * dy))


def columns(rect: pygame.Rect, weights: Sequence[float], gap: int) -> list[pygame.Rect]:
    """Side-by-side rectangles with widths in proportion to `weights`, `gap` apart, filling `rect` exactly."""
    free = rect.w - gap * (len(weights) - 1)
    total = sum(weights)
    out, x = [], rect.x
    for i, w in enumerate(weights):
        width = rect.right - x if i == len(weights) - 1 else int(free * w / total)
        out.append(pygame.Rect(x, rect.y, max(0, width), rect.h))
        x += width + gap
    return out


def rows(rect: pygame.Rect, heights: Sequence[int | None], gap: int) -> list[pygame.Rect]:
    """Stacked rectangles: fixed heights as given, None shares what is left equally."""
    fixed = sum(h for h in heights if h is not None) + gap * (len(heights) - 1)
    flex = [h for h in heights if h is None]
    share = max(0, rect.h - fixed) // len(flex) if flex else 0
    out, y = [], rect.y
    for h in heights:
        height = share if h is None else h
        out.append(pygame.Rect(rect.x, y, rect.w, max(0, height)))
        y += height + gap
    return out


class Flow:
    """Stacks widgets top to bottom in a scroll area; widgets are clipped to it and scroll with it."""

    def __init__(self, rect: pygame.Rect, key: str, offsets: dict[str, int], group: str, gap: int,
                 on_scroll: Callable[[], None], bar: int = 10) -> None:
        self.rect = rect
        self.width = max(0, rect.w - bar)  # room is kept on the right for the scroll bar
        self.group = group
        self.gap = gap
        self.area = ScrollArea(rect, key=key, group=f"{group}:scroll", offsets=offsets, on_scroll=on_scroll)
        self.top = rect.y - self.area.offset
        self.y = self.top
        self.widgets: list[Widget] = []

    def take(self, height: int, gap: bool = True) -> pygame.Rect:
        """The next `height` pixels of the column."""
        r = pygame.Rect(self.rect.x, self.y, self.width, height)
        self.y += height + (self.gap if gap else 0)
        return r

    def skip(self, height: int) -> None:
        self.y += height

    def add(self, widget: Widget) -> Widget:
        widget.clip = self.rect
        widget.area = self.area
        widget.group = widget.group or self.group
        self.widgets.append(widget)
        return widget

    def finish(self) -> list[Widget]:
        """The widgets that show (plus the scroll bar); those scrolled wholly out of sight are dropped."""
        self.area.content_height = self.y - self.top - self.gap
        if self.area.offset > self.area.max_offset:
            self.area.offsets[self.area.key] = self.area.max_offset
            self.area.on_scroll()
        shown = [w for w in self.widgets if w.rect.colliderect(self.rect)]
        return [*shown, self.area]
