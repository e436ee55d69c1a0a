"""The screens of the game window, and how a game in progress is put on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..app import App

def show_game(app: App) -> None:
    """The session's game on screen over the title: its turn (with any pending decision), or its debrief."""
    from .debrief import DebriefScreen
    from .title import TitleScreen
    from .turn import TurnScreen

    app.reset(TitleScreen(app))
    if app.session.game.done:
        app.push(DebriefScreen(app))
    else:
        app.push(TurnScreen(app))


def make_start(app: App, screen: str = "title") -> None:
    """Put the first screen up: the title, the picker, or (with a session) the briefing or the turn."""
    from .briefing import BriefingScreen
    from .picker import PickerScreen
    from .title import TitleScreen

    app.reset(TitleScreen(app))
    if screen == "picker":
        app.push(PickerScreen(app))
    elif screen == "briefing" and app.session is not None:
        app.push(BriefingScreen(app))
    elif screen == "turn" and app.session is not None:
        show_game(app)
