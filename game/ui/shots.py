"""Put any screen on a surface without a window: for the screenshot command, the docs and the tests.

The game shown is real: a scenario played for some turns with a policy, then the screen asked for is put on
top, exactly as a player would reach it.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.engine import Action, Game
from game.sim.policies import Policy

from .app import App
from .screen_names import FACILITATOR_SCREENS, SCREEN_NAMES
from .session import ScenarioEntry, Session
from .settings import Settings

__all__ = ["FACILITATOR_SCREENS", "SCREEN_NAMES", "play_turns", "render", "stage"]


def play_turns(game: Game, policy: Policy, turns: int) -> None:
    """Play up to `turns` turns (fewer if the game ends) with `policy`."""
    for _ in range(turns):
        if game.done:
            return
        actions, choices = policy.decide(game)
        game.step(actions, choices)


def stage(screen: str, entry: ScenarioEntry, policy: Policy, turns: int, seed: int, size: tuple[int, int],
          saves_dir: Path) -> App:
    """An App showing `screen` for the scenario `entry` after `turns` turns played by `policy`."""
    from .screens.advisor import AdvisorScreen
    from .screens.briefing import BriefingScreen
    from .screens.debrief import DebriefScreen
    from .screens.event import EventScreen
    from .screens.help import HelpScreen
    from .screens.map import MapScreen
    from .screens.menu import MenuScreen
    from .screens.picker import PickerScreen
    from .screens.report import ReportScreen
    from .screens.saves import SavesScreen
    from .screens.settings import SettingsScreen
    from .screens.title import TitleScreen
    from .screens.turn import TurnScreen

    app = App(Settings(width=size[0], height=size[1], sound=False), saves_dir=saves_dir, size=size)
    session = Session.new(entry, saves_dir, seed)
    game = session.game
    if screen == "debrief":
        play_turns(game, policy, 10**6)
    elif screen in ("turn", "map", "save", "menu", "title", "event", "advisor", *FACILITATOR_SCREENS):
        play_turns(game, policy, turns)
    elif screen == "report":
        play_turns(game, policy, max(1, turns))
    if screen == "event":
        _until_decision(game, policy)
    if screen not in ("picker", "briefing", "settings"):
        session.autosave()
    app.reset(TitleScreen(app))
    if screen == "title":
        return app
    if screen == "picker":
        picker = PickerScreen(app)
        picker.selected = next((i for i, e in enumerate(app.scenarios) if e.id == entry.id), 0)
        app.push(picker)
        return app
    if screen == "settings":
        app.push(SettingsScreen(app))
        return app
    app.session = session
    if screen == "briefing":
        app.push(BriefingScreen(app))
    elif screen == "help":
        app.push(HelpScreen(app, tab="instruments"))
    elif screen == "debrief" or game.done:
        app.push(DebriefScreen(app) if game.done else TurnScreen(app))
        if screen == "map":
            app.push(MapScreen(app))
    else:
        turn = TurnScreen(app)
        turn.prompted_turn = game.turn
        app.push(turn)
        _preselect(turn, game)
        if screen == "event":
            fired = [k for r in game.reports for k in r.events]
            if game.pending():
                app.push(EventScreen(app))
            elif fired:
                app.push(EventScreen(app, news_event=fired[-1]))
        elif screen == "report":
            app.push(ReportScreen(app, game.reports[-1], review=True))
        elif screen == "map":
            app.push(MapScreen(app))
        elif screen == "save":
            app.push(SavesScreen(app, mode="save"))
        elif screen == "menu":
            app.push(MenuScreen(app))
        elif screen == "advisor":
            app.push(AdvisorScreen(app, background=False))
        elif screen in FACILITATOR_SCREENS:
            session.facilitator = True
            _facilitator_screen(app, screen, saves_dir)
    return app


def _facilitator_screen(app: App, screen: str, saves_dir: Path) -> None:
    """Put a facilitator's screen up: a discussion point, the panel, a vote under way, or a failed reload (of a
    copy of the scenario with a field it does not know, written in `saves_dir`)."""
    from .screens.facilitator import DiscussionScreen, FacilitatorScreen, VoteScreen
    from .screens.reload import ReloadErrorsScreen

    session = app.session
    if screen == "discussion":
        questions = [(d.id, d.question) for d in session.rules.scenario.discussion]
        app.push(DiscussionScreen(app, questions or [("none", "This scenario has no discussion point.")]))
    elif screen == "facilitator":
        panel = FacilitatorScreen(app)
        panel.party = session.rules.party_ids[0]
        app.push(panel)
    elif screen == "vote":
        vote = VoteScreen(app)
        for i, votes in zip(range(len(vote.candidates)), (14, 9, 4), strict=False):
            vote.counts[i] = votes
        app.push(vote)
    else:
        source = Path(session.scenario_path)
        broken = saves_dir / f"edited-{source.name}"
        broken.write_text(source.read_text(encoding="utf-8") + "\nsurprise_field: 1\n", encoding="utf-8")
        session.scenario_path = str(broken)
        app.push(ReloadErrorsScreen(app, session.reload().errors))


def _until_decision(game: Game, policy: Policy) -> None:
    """Play on to the next turn with a decision pending, if a look ahead on a copy finds one before the end."""
    probe = game.fork()
    steps = 0
    while not probe.done and not probe.pending():
        play_turns(probe, policy, 1)
        steps += 1
    if probe.pending():
        play_turns(game, policy, steps)


def _preselect(turn, game: Game) -> None:
    """Show an instrument's details on the turn screen: the first one that can be ordered now (not 'wait')."""
    legal: list[Action] = [a for a in game.legal_actions() if a.use != "wait"]
    if legal:
        turn.select(legal[0].use)


def render(app: App) -> pygame.Surface:
    """One frame of the app at its size."""
    surface = pygame.Surface(app.size)
    app.tick(1000)
    app.draw(surface)
    return surface
