"""The save file format: versioned JSON, read strictly, with one plain line for whatever is wrong with a file.

Versioning follows ink's scheme: every file states the format version that wrote it; this version of the game
writes VERSION and reads any file from MIN_COMPATIBLE up to VERSION. A save is the scenario id and digest, the
seed and the player's inputs (enough to replay the game), plus a snapshot of the state to check the replay.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game import __version__
from game.engine import Action, Intervention, TurnInput, Vote

SAVE_FORMAT = "good-offices-save"
VERSION = 1
MIN_COMPATIBLE = 1
CORRUPT = "the save file is truncated or corrupt"


class SaveError(Exception):
    """A save that cannot be written, read or resumed; `message` is one plain line for the player."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(slots=True)
class SaveData:
    """Everything a save file holds, as Python values."""

    scenario_id: str
    scenario_digest: str
    scenario_path: str
    seed: int
    player: str
    inputs: list[TurnInput]
    snapshot: dict[str, Any]
    ending: str | None
    created: str
    updated: str
    game_version: str = __version__
    session: str = ""  # the session code the game was started from, if any (written only when set)
    interventions: list[Intervention] = field(default_factory=list)  # a facilitator's (written only when made)
    votes: list[Vote] = field(default_factory=list)  # the class's votes (written only when held)


# ---- the file layout ------------------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class _Action(_Strict):
    use: str
    target: str | None = None
    mode: str | None = None


class _Turn(_Strict):
    actions: list[_Action]
    choices: dict[str, str]  # event id -> choice id


class _Intervention(_Strict):
    turn: int = Field(ge=0)
    kind: Literal["inject", "override"]
    target: str
    value: str = ""
    note: str = ""


class _Count(_Strict):
    action: str
    votes: int = Field(ge=0)


class _Vote(_Strict):
    turn: int = Field(ge=0)
    options: list[_Count]
    chosen: str


class _ScenarioRef(_Strict):
    id: str
    digest: str
    path: str


class _Party(_Strict):
    hostility: float
    resolve: float
    trust: float
    domestic_pressure: float
    receptivity: float
    restraint: float
    grievance: float
    power: float
    audience_cost: float
    intention: str
    engagement: float
    revealed_turn: int
    revealed_intention: str
    last_decision: str


class _Pair(_Strict):
    pressure: float
    velocity: float
    rung: int
    peak_rung: int
    momentum: float
    deployment_left: int
    incidents: int


class _Office(_Strict):
    prestige: float
    budget: float
    envoys: int
    attention: int
    intelligence: float
    coordination: float
    visibility: float


class _Initiative(_Strict):
    key: str
    kind: str
    target: int
    started: int
    matures: int
    ends: int
    envoys: int
    attention: int
    mode: str


class _Snapshot(_Strict):
    seed: int
    turn: int = Field(ge=0)
    parties: list[_Party]
    pairs: list[_Pair]
    office: _Office
    council: list[float]
    variables: dict[str, bool | float]
    initiatives: list[_Initiative]
    fired: dict[str, int]
    used: dict[str, int]
    accepted: list[str]
    chose: list[Annotated[list[str], Field(min_length=2, max_length=2)]]  # [event id, choice id]
    pending: list[int]
    history: list[list[float]]
    launches: list[Annotated[list[int | str], Field(min_length=3, max_length=3)]]  # [turn, action id, target]
    ending: str | None
    texts: dict[str, int] = {}  # which variant words were used (absent when the scenario has none)


class _SaveFile(_Strict):
    format: Literal["good-offices-save"]
    version: int
    scenario: _ScenarioRef
    seed: int
    player: str
    inputs: list[_Turn]
    snapshot: _Snapshot
    ending: str | None
    created: str
    updated: str
    game_version: str
    session: str = ""
    interventions: list[_Intervention] = []
    votes: list[_Vote] = []


# ---- writing --------------------------------------------------------------------------------------------------


def to_json(save: SaveData) -> str:
    """The save as the text of a file (format VERSION), ending with a newline."""
    data = {
        "format": SAVE_FORMAT,
        "version": VERSION,
        "scenario": {"id": save.scenario_id, "digest": save.scenario_digest, "path": save.scenario_path},
        "seed": save.seed,
        "player": save.player,
        "inputs": [_turn_to_dict(t) for t in save.inputs],
        "snapshot": save.snapshot,
        "ending": save.ending,
        "created": save.created,
        "updated": save.updated,
        "game_version": save.game_version,
    }
    if save.session:
        data["session"] = save.session
    if save.interventions:
        data["interventions"] = [{"turn": i.turn, "kind": i.kind, "target": i.target, "value": i.value,
                                  "note": i.note} for i in save.interventions]
    if save.votes:
        data["votes"] = [{"turn": v.turn, "options": [{"action": a, "votes": n} for a, n in v.counts],
                          "chosen": v.chosen} for v in save.votes]
    try:
        return json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError as exc:
        raise SaveError(f"the game cannot be saved: a value cannot be written as JSON ({exc})") from None


def _turn_to_dict(turn: TurnInput) -> dict[str, Any]:
    actions = [{"use": a.use, "target": a.target, "mode": a.mode} for a in turn.actions]
    return {"actions": actions, "choices": dict(turn.choices)}


# ---- reading --------------------------------------------------------------------------------------------------


def from_json(text: str, where: str) -> SaveData:
    """Read a save file's text; `where` (usually the path) starts every error message."""
    data = _parse(text, where)
    _check_version(data, where)
    try:
        model = _SaveFile.model_validate(data)
    except ValidationError as exc:
        raise SaveError(f"{where}: {_problem(exc)}") from None
    if model.snapshot.turn != len(model.inputs) or model.snapshot.seed != model.seed:
        raise SaveError(f"{where}: the save file is damaged: its turns and its snapshot do not match")
    if model.snapshot.ending != model.ending:
        raise SaveError(f"{where}: the save file is damaged: its ending and its snapshot do not match")
    return SaveData(
        scenario_id=model.scenario.id,
        scenario_digest=model.scenario.digest,
        scenario_path=model.scenario.path,
        seed=model.seed,
        player=model.player,
        inputs=[_turn_input(t) for t in model.inputs],
        snapshot=data["snapshot"],
        ending=model.ending,
        created=model.created,
        updated=model.updated,
        game_version=model.game_version,
        session=model.session,
        interventions=[Intervention(i.turn, i.kind, i.target, i.value, i.note) for i in model.interventions],
        votes=[Vote(v.turn, tuple((c.action, c.votes) for c in v.options), v.chosen) for v in model.votes],
    )


def _parse(text: str, where: str) -> dict[str, Any]:
    if not text.strip():
        raise SaveError(f"{where}: the save file is empty")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise SaveError(f"{where}: {CORRUPT}") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{where}: this is not a Good Offices save file")
    return data


def _check_version(data: dict[str, Any], where: str) -> None:
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(f"{where}: the save file is damaged: its format version is missing or not a whole number")
    if version > VERSION:
        raise SaveError(
            f"{where}: made by a newer version of Good Offices (save format {version}); "
            f"this version reads format {_readable()}; update Good Offices to continue this game"
        )
    if version < MIN_COMPATIBLE:
        raise SaveError(
            f"{where}: made by an older version of Good Offices (save format {version}) that this "
            f"version can no longer read; this version reads format {_readable()}"
        )


def _readable() -> str:
    return str(VERSION) if MIN_COMPATIBLE == VERSION else f"{MIN_COMPATIBLE} to {VERSION}"


def _turn_input(turn: _Turn) -> TurnInput:
    actions = tuple(Action(a.use, a.target, a.mode) for a in turn.actions)
    return TurnInput(actions, tuple(sorted(turn.choices.items())))


_EXPECTED = {
    "int_type": "should be a whole number",
    "float_type": "should be a number",
    "string_type": "should be text",
    "bool_type": "should be true or false",
    "list_type": "should be a list",
    "dict_type": "should be a mapping",
    "model_type": "should be a mapping",
    "literal_error": "has a value this version does not know",
    "greater_than_equal": "is out of range",
    "too_short": "has too few items",
    "too_long": "has too many items",
}


def _problem(exc: ValidationError) -> str:
    """The first thing wrong with a save file, in words: which field and what is wrong with it."""
    error = exc.errors(include_url=False)[0]
    loc = _dotted(error["loc"])
    kind = error["type"]
    if kind == "missing":
        return f"the save file is damaged: '{loc}' is missing"
    if kind == "extra_forbidden":
        return f"the save file is damaged: '{loc}' is not part of a save file"
    expected = _EXPECTED.get(kind, "is not valid")
    return f"the save file is damaged: '{loc}' {expected}"


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "the file"
