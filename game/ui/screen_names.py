"""The names of the screens `screenshot --screen NAME` can render, without importing pygame (the command line
lists them in its help)."""

from __future__ import annotations

SCREEN_NAMES = ("title", "picker", "briefing", "turn", "map", "event", "report", "debrief", "save", "settings", "help",
                "menu", "advisor", "discussion", "facilitator", "vote", "reload-errors")
FACILITATOR_SCREENS = ("discussion", "facilitator", "vote", "reload-errors")
