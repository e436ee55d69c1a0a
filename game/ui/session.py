"""The one place the window talks to the engine, the scenarios and the saves: a game in progress with this
turn's orders and answers, the scenario list, saving, autosaving and loading."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from game.engine import Action, Game, Intervention, TurnInput, Vote, build_rules
from game.engine.facilitator import winner
from game.engine.record import TurnReport
from game.engine.rules import Rules
from game.i18n import _, tr
from game.present.refusals import refusal_text
from game.saves import SaveError, TeamMessage, autosave, load_save, new_game_id, restore_draft, resume, save_game
from game.saves.store import write_atomic
from game.scenario.calendar import turn_count, turn_of
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario
from game.sim.advisor import Advice
from game.sim.pool import RulesPool

from .reload import Reloaded, reload_game
from .settings import SETTINGS_FILE

REPORT_RUNS = 30  # futures per alternative when the window writes a debrief report (the command line's: 100)
REPORT_MAX_TURNS = 24  # longer games skip the decisions that mattered most: finding them would freeze the window


class RemoteError(Exception):
    """A class server refused the turn or could not be reached (`message`: one line for the player); `game`, when
    set, is the server's game, newer than the window's (the teacher changed the world), to be looked at first."""

    def __init__(self, message: str, game: Game | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.game = game


class Remote(Protocol):
    """A class server the window's game is played on (`play --join`): it plays each turn, and the window's game is
    the server's game after it."""

    def end_turn(self, game: Game, orders: list[Action], choices: dict[str, str]) -> Game: ...


@dataclass(frozen=True)
class ScenarioEntry:
    """A shipped scenario as the picker lists it."""

    id: str
    path: Path
    scenario: Scenario
    digest: str

    @property
    def turns(self) -> int:
        return turn_count(self.scenario.calendar)


@dataclass(frozen=True)
class SaveEntry:
    """A save file as the load screen lists it (read without replaying)."""

    path: Path
    name: str
    scenario_id: str
    turns_played: int
    ending: str | None
    updated: str
    problem: str = ""  # why it cannot be loaded, when it cannot


def scenario_list(directory: Path | None = None) -> list[ScenarioEntry]:
    """Shipped scenarios that load cleanly, in file order."""
    out = []
    for item in shipped() if directory is None else shipped(directory):
        result = load_scenario(item.path)
        if result.scenario is not None:
            out.append(ScenarioEntry(item.id, item.path, result.scenario, result.digest))
    return out


def save_list(folder: Path) -> list[SaveEntry]:
    """Save files in `folder`, newest first; unreadable ones are listed with the reason."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.json") if p.is_file() and p.name != SETTINGS_FILE]
    files.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    out = []
    for path in files:
        try:
            data = load_save(path)
        except SaveError as exc:
            out.append(SaveEntry(path, path.stem, "?", 0, None, "", exc.message))
            continue
        out.append(SaveEntry(path, path.stem, data.scenario_id, len(data.inputs), data.ending, data.updated))
    return out


def latest_unfinished(folder: Path) -> SaveEntry | None:
    """The newest save of a game still in progress: what 'Continue' resumes."""
    return next((s for s in save_list(folder) if not s.problem and s.ending is None), None)


@dataclass
class Session:
    """A game in progress, where it came from (for saves) and the player's orders for the current turn."""

    game: Game
    scenario_path: str
    digest: str
    saves_dir: Path
    created: str | None = None
    orders: list[Action] = field(default_factory=list)
    choices: dict[str, str] = field(default_factory=dict)
    last_save: Path | None = None
    save_error: str = ""
    session_code: str = ""  # the class's session code this game was started from, if any
    player: str = ""
    facilitator: bool = False  # a teacher runs the game for a class: pauses, interventions, votes
    votes: list[Vote] = field(default_factory=list)
    messages: list[TeamMessage] = field(default_factory=list)  # a delegations class's, kept in every save
    discussed: set[str] = field(default_factory=set)  # discussion points already put to the class
    game_id: str = field(default_factory=new_game_id)  # names this game's own autosave
    map_view: Any = field(default=None, repr=False, compare=False)  # the map's bound conditions and drawings
    remote: Remote | None = field(default=None, repr=False, compare=False)  # the class server it is played on
    pool: RulesPool | None = field(default=None, repr=False, compare=False)  # the advisor's warm workers
    advice: tuple[tuple, list[Advice]] | None = field(default=None, repr=False, compare=False)  # the last answer

    @property
    def rules(self) -> Rules:
        return self.game.rules

    @classmethod
    def new(cls, entry: ScenarioEntry, saves_dir: Path, seed: int | None = None, *, session_code: str = "",
            player: str = "", facilitator: bool = False) -> Session:
        game = Game(build_rules(entry.scenario), secrets.randbelow(10**6) if seed is None else seed)
        return cls(game, str(entry.path), entry.digest, saves_dir, session_code=session_code, player=player,
                   facilitator=facilitator)

    @classmethod
    def load(cls, path: Path, saves_dir: Path, scenarios: list[ScenarioEntry]) -> Session:
        """Resume a save; SaveError (one plain line) when it cannot be."""
        data = load_save(path)
        by_id = {e.id: e for e in scenarios}
        entry = by_id.get(data.scenario_id)
        if entry is None:
            result = load_scenario(data.scenario_path)
            if result.scenario is None:
                raise SaveError(tr("{name}: its scenario '{scenario_id}' is not installed or has errors",
                                   name=path.name, scenario_id=data.scenario_id))
            scenario, digest, where = result.scenario, result.digest, data.scenario_path
        else:
            scenario, digest, where = entry.scenario, entry.digest, str(entry.path)
        try:
            rules = build_rules(scenario)
        except ValueError as exc:
            raise SaveError(f"{path.name}: {exc}") from None
        game = resume(data, rules, digest)
        orders, choices = restore_draft(data.draft, game)
        return cls(game, where, digest, saves_dir, created=data.created, orders=orders, choices=choices,
                   last_save=path, session_code=data.session, player=data.player,
                   facilitator=bool(data.interventions or data.votes), votes=list(data.votes), game_id=data.game_id,
                   messages=list(data.messages))

    # -- orders --------------------------------------------------------------------------------------------------
    def why_not(self, action: Action) -> str | None:
        """Why `action` cannot be added to this turn's orders now, in words, or None."""
        refusal = self.game.why_illegal(action, self.orders, self.choices)
        return None if refusal is None else refusal_text(self.rules, refusal)

    def add(self, action: Action) -> str | None:
        reason = self.why_not(action)
        if reason is None:
            self.orders.append(action)
        return reason

    def remove(self, action: Action) -> None:
        if action in self.orders:
            self.orders.remove(action)

    def choose(self, event_id: str, choice_id: str) -> None:
        self.choices[event_id] = choice_id
        # An answer that costs something may leave earlier orders unaffordable: drop those, last first.
        while self.orders and self._invalid_orders():
            self.orders.pop()

    def _invalid_orders(self) -> bool:
        taken: list[Action] = []
        for action in self.orders:
            if self.game.why_illegal(action, taken, self.choices):
                return True
            taken.append(action)
        return False

    def end_turn(self) -> TurnReport:
        """Send the orders, resolve the turn, autosave; raises IllegalAction if the orders are not legal. A game
        joined to a class is played by the class server (RemoteError when it refuses or cannot be reached; when
        the teacher changed the world meanwhile, the window takes the server's game and the orders still legal).
        The advisor's workers stop when the game ends."""
        if self.remote is None:
            report = self.game.step(self.orders, self.choices)
        else:
            self.game.check(self.orders, self.choices)
            try:
                self.game = self.remote.end_turn(self.game, self.orders, self.choices)
            except RemoteError as exc:
                if exc.game is not None:
                    self._adopt(exc.game)
                raise
            report = self.game.reports[-1]
        self.orders, self.choices = [], {}
        self.autosave()
        if self.game.done:
            self.close()
        return report

    # -- the advisor's workers -----------------------------------------------------------------------------------
    def rollout_pool(self, jobs: int) -> RulesPool | None:
        """The `jobs` processes the advisor plays its rollouts on: started at the first call and kept warm for the
        next ones, started again if the rules changed (a reloaded scenario). None for one process, or once the
        game is over."""
        if jobs <= 1 or self.game.done:
            return None
        if self.pool is not None and (self.pool.rules is not self.game.rules or not self.pool.open):
            self.close()
        if self.pool is None:
            self.pool = RulesPool(self.game.rules, jobs)
        return self.pool

    def advice_key(self, horizon: int | None) -> tuple:
        """What the advisor's answer depends on: this game at this turn (orders and answers do not count, a
        facilitator's intervention does) and the horizon."""
        return self.game, self.game.turn, len(self.game.interventions), horizon  # the game itself: Game has no ==

    def kept_advice(self, horizon: int | None) -> list[Advice] | None:
        """The advisor's answer already worked out for the game as it is now, if any: asking again shows it."""
        if self.advice is not None and self.advice[0] == self.advice_key(horizon):
            return self.advice[1]
        return None

    def close(self) -> None:
        """Stop the advisor's workers (when the game ends or the window leaves it); a later call starts new ones."""
        if self.pool is not None:
            pool, self.pool = self.pool, None
            pool.close()

    # -- the facilitator ---------------------------------------------------------------------------------------
    def intervene(self, intervention: Intervention) -> str | None:
        """Make a facilitator's intervention now and autosave; the reason when it cannot be made."""
        refusal = self.game.why_not_intervene(intervention)
        if refusal is None:
            self.game.intervene(intervention)
            self.autosave()
            return None
        return refusal_text(self.rules, refusal)

    def vote(self, counts: list[tuple[Action, int]]) -> tuple[Action, str | None]:
        """Record a class vote and add the winning action to the orders; the winner and, if it could not be
        ordered, why."""
        labels = [(str(a), n) for a, n in counts]
        chosen = next(a for a, __ in counts if str(a) == winner(labels))
        reason = self.add(chosen)
        self.votes.append(Vote(self.game.turn, tuple(labels), str(chosen)))
        return chosen, reason

    def discussion_due(self) -> list[tuple[str, str]]:
        """The scenario's discussion points (id, question) for now not yet put to the class."""
        game = self.game
        scn = game.rules.scenario
        fired = set(game.reports[-1].events) if game.reports else set()
        return [(d.id, d.question) for d in scn.discussion if d.id not in self.discussed and (
            (d.date is not None and turn_of(scn.calendar, d.date) == game.turn)
            or (d.after_event is not None and d.after_event in fired))]

    # -- hot reload ----------------------------------------------------------------------------------------------
    def reload(self) -> Reloaded:
        """Read the scenario file again and carry the game over; on errors the game stays as it was."""
        result = reload_game(self.scenario_path, self.game)
        if result.game is not None:
            self.digest = result.digest
            self._adopt(result.game)
        return result

    def _adopt(self, game: Game) -> None:
        """Go on with `game` in place of this one, keeping the answers and orders still possible in it."""
        self.game = game
        options = {key: {c for c, __ in opts} for key, __, opts in self.game.pending()}
        self.choices = {k: v for k, v in self.choices.items() if v in options.get(k, ())}
        taken: list[Action] = []
        for action in self.orders:
            if self.game.why_illegal(action, taken, self.choices) is None:
                taken.append(action)
        self.orders = taken

    # -- saving ------------------------------------------------------------------------------------------------
    def autosave(self) -> Path | None:
        try:
            path = autosave(self.game, self.saves_dir, self.player, scenario_path=self.scenario_path,
                            digest=self.digest, created=self.created, session=self.session_code, votes=self.votes,
                            game_id=self.game_id, draft=self.draft(), messages=self.messages)
        except SaveError as exc:
            self.save_error = exc.message
            return None
        self.save_error = ""
        self.last_save = path
        return path

    def report_runs(self) -> int:
        """Futures per alternative for the window's debrief report: none for a long game (the command does it)."""
        return REPORT_RUNS if self.rules.turns <= REPORT_MAX_TURNS else 0

    def write_report(self, runs: int | None = None) -> Path:
        """Write the debrief report (HTML) of this game next to its save; SaveError with the reason when it cannot."""
        from game.report.build import debrief_of, render
        from game.report.loading import ReportError

        save = self.last_save if self.last_save is not None and self.last_save.is_file() else None
        save = save or self.autosave()
        if save is None:
            raise SaveError(self.save_error or _("the game could not be saved, so there is nothing to report on"))
        try:
            text = render(debrief_of(save, runs=self.report_runs() if runs is None else runs), "html")
        except ReportError as exc:
            raise SaveError(exc.message) from None
        target = save.with_name(f"{save.stem}-report.html")
        write_atomic(target, text)
        return target

    def save(self, name: str | None) -> Path:
        """Save under `name` (or a new timestamped name); SaveError with the reason when it cannot."""
        path = save_game(self.game, self.saves_dir, name or None, self.player, scenario_path=self.scenario_path,
                         digest=self.digest, created=self.created, session=self.session_code, votes=self.votes,
                         game_id=self.game_id, draft=self.draft(), messages=self.messages)
        self.last_save = path
        return path

    def draft(self) -> TurnInput:
        """This turn's orders and answers, not yet sent: a save keeps them so a load gives them back."""
        return TurnInput(tuple(self.orders), tuple(sorted(self.choices.items())))

