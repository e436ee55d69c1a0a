"""The save file format: versioned JSON, read strictly, with one plain line for whatever is wrong with a file.

Versioning follows ink's scheme: every file states the format version that wrote it; this version of the game
writes VERSION and reads any file from MIN_COMPATIBLE up to VERSION. A save is the scenario id and digest, the
seed and the player's inputs (enough to replay the game), plus a snapshot of the state to check the replay.
Format 2 adds the game's own id (each game has its own autosave) and the orders and answers queued for the
current turn (`draft`), and keeps launches as bookkeeping instead of a list of every one. Format 3 adds the
intelligence log, format 4 world opinion (`snapshot.opinion`, one value per audience), format 5 the answers a
delegations class's party teams gave to the proposals and appeals put to them (`inputs[].answers`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from game import __version__
from game.engine import Action, Intervention, TurnInput, Vote
from game.scenario.limits import describe_character, forbidden_character
from game.scenario.yamlload import printable

SAVE_FORMAT = "good-offices-save"
VERSION = 5  # 3: the snapshot keeps the `intel` log the estimates are filtered from; 4: and world opinion; 5: answers
MIN_COMPATIBLE = 1
CORRUPT = "the save file is truncated or corrupt"
MAX_NAME = 200  # characters in a player's name
MAX_PATH = 4096  # characters in the scenario path a save names
MAX_MESSAGE = 2000  # characters of one team message
MAX_VOTES = 1_000_000  # votes for one option of a class vote
GAME_ID = r"^[a-z0-9]{1,32}$"


class SaveError(Exception):
    """A save that cannot be written, read or resumed; `message` is one plain line for the player, and
    `refusal` the engine's reason when a recorded move or intervention could not be replayed."""

    def __init__(self, message: str, refusal=None) -> None:
        super().__init__(message)
        self.message = message
        self.refusal = refusal


@dataclass(frozen=True, slots=True)
class TeamMessage:
    """A message one team of a delegations class sent another (seats: 'sg' or a party id), kept for the debrief."""

    turn: int
    sender: str
    recipient: str
    author: str  # the student who wrote it
    text: str


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
    game_id: str = ""  # this game's own id: its autosave is named after it (format 2; derived for older files)
    draft: TurnInput | None = None  # the current turn's orders and answers, not yet sent (written only when any)
    messages: list[TeamMessage] = field(default_factory=list)  # a delegations class's (written only when any)
    version: int = VERSION  # the format version of the file it was read from


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
    decisions: dict[str, str] = {}  # party id -> decision taken in that party's seat (written only when any)


class _Answer(_Strict):
    party: Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
    to: Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]  # proposal or instrument id
    answer: Literal["accept", "refuse", "heard", "brush_off"]  # game.engine.answers.ANSWERS


class _TurnV5(_Turn):
    # what a party's own players answered to what the office put to it (written only when any)
    answers: list[_Answer] = []


class _Intervention(_Strict):
    turn: int = Field(ge=0)
    kind: Literal["inject", "override"]
    target: str
    value: str = ""
    note: str = ""


class _Count(_Strict):
    action: Annotated[str, StringConstraints(min_length=1)]
    votes: int = Field(ge=0, le=MAX_VOTES)


class _Vote(_Strict):
    turn: int = Field(ge=0)
    options: list[_Count] = Field(min_length=1)
    chosen: Annotated[str, StringConstraints(min_length=1)]


class _Message(_Strict):
    turn: int = Field(ge=0)
    sender: Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
    recipient: Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
    author: Annotated[str, StringConstraints(max_length=MAX_NAME)]
    text: Annotated[str, StringConstraints(max_length=MAX_MESSAGE)]


class _ScenarioRef(_Strict):
    id: str
    digest: str
    path: Annotated[str, StringConstraints(max_length=MAX_PATH)]


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


class _InitiativeV1(_Strict):
    key: str
    kind: str
    target: int
    started: int
    matures: int
    ends: int
    envoys: int
    attention: int
    mode: str


class _Initiative(_InitiativeV1):
    fatigue: float


class _SnapshotBase(_Strict):
    seed: int
    turn: int = Field(ge=0)
    parties: list[_Party]
    pairs: list[_Pair]
    office: _Office
    council: list[float]
    variables: dict[str, bool | float]
    fired: dict[str, int]
    used: dict[str, int]
    accepted: list[str]
    chose: list[Annotated[list[str], Field(min_length=2, max_length=2)]]  # [event id, choice id]
    pending: list[int]
    history: list[list[float]]
    ending: str | None
    texts: dict[str, int] = {}  # which variant words were used (absent when the scenario has none)


class _SnapshotV1(_SnapshotBase):
    initiatives: list[_InitiativeV1]
    launches: list[Annotated[list[int | str], Field(min_length=3, max_length=3)]]  # [turn, action id, target]


class _Recent(_Strict):
    action: str
    target: int
    turns: list[int]


class _Snapshot(_SnapshotBase):
    initiatives: list[_Initiative]
    last_launch: dict[str, int]
    recent_launches: list[_Recent]  # the turns each action was launched on each target, lately


class _SnapshotV3(_Snapshot):
    # one row a turn: [intelligence quality, [values touched], [values a contact reported on]]
    intel: list[Annotated[list[float | list[int]], Field(min_length=3, max_length=3)]]


class _SaveFileBase(_Strict):
    format: Literal["good-offices-save"]
    version: int
    scenario: _ScenarioRef
    seed: int
    player: Annotated[str, StringConstraints(max_length=MAX_NAME)]
    inputs: list[_Turn]
    ending: str | None
    created: str
    updated: str
    game_version: str
    session: str = ""
    interventions: list[_Intervention] = []
    votes: list[_Vote] = []
    messages: list[_Message] = []


class _SaveFileV1(_SaveFileBase):
    snapshot: _SnapshotV1


class _SaveFile(_SaveFileBase):
    snapshot: _Snapshot
    game_id: Annotated[str, StringConstraints(pattern=GAME_ID)]
    draft: _Turn | None = None


class _SaveFileV2(_SaveFile):
    pass


class _SaveFileV3(_SaveFile):
    snapshot: _SnapshotV3


class _SnapshotV4(_SnapshotV3):
    opinion: Annotated[list[float], Field(min_length=3, max_length=3)]  # per audience, as opinion.AUDIENCES


class _SaveFileV4(_SaveFile):
    snapshot: _SnapshotV4


class _SaveFileV5(_SaveFileV4):
    inputs: list[_TurnV5]
    draft: _TurnV5 | None = None


_LAYOUTS: dict[int, type[_SaveFileBase]] = {1: _SaveFileV1, 2: _SaveFileV2, 3: _SaveFileV3, 4: _SaveFileV4,
                                             5: _SaveFileV5}


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
        "game_id": save.game_id,
    }
    if save.draft is not None and (save.draft.actions or save.draft.choices):
        data["draft"] = _turn_to_dict(save.draft)
    if save.session:
        data["session"] = save.session
    if save.interventions:
        data["interventions"] = [{"turn": i.turn, "kind": i.kind, "target": i.target, "value": i.value,
                                  "note": i.note} for i in save.interventions]
    if save.messages:
        data["messages"] = [{"turn": m.turn, "sender": m.sender, "recipient": m.recipient, "author": m.author,
                             "text": m.text} for m in save.messages]
    if save.votes:
        data["votes"] = [{"turn": v.turn, "options": [{"action": a, "votes": n} for a, n in v.counts],
                          "chosen": v.chosen} for v in save.votes]
    try:
        text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError as exc:
        raise SaveError(f"the game cannot be saved: a value cannot be written as JSON ({exc})") from None
    bad = _bad_text(data)
    if bad is not None:
        raise SaveError(f"the game cannot be saved: '{bad[0]}' holds {bad[1]}, which a save cannot keep; "
                        "change it")
    return text


def _turn_to_dict(turn: TurnInput) -> dict[str, Any]:
    actions = [{"use": a.use, "target": a.target, "mode": a.mode} for a in turn.actions]
    out: dict[str, Any] = {"actions": actions, "choices": dict(turn.choices)}
    if turn.decisions:
        out["decisions"] = dict(turn.decisions)
    if turn.answers:
        out["answers"] = [{"party": p, "to": to, "answer": a} for p, to, a in turn.answers]
    return out


# ---- reading --------------------------------------------------------------------------------------------------


def from_json(text: str, where: str) -> SaveData:
    """Read a save file's text; `where` (usually the path) starts every error message."""
    data = _parse(text, where)
    version = _check_version(data, where)
    _check_text(data, where)
    try:
        model = _LAYOUTS[version].model_validate(data)
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
        game_id=model.game_id if isinstance(model, _SaveFile) else legacy_game_id(model),
        draft=_turn_input(model.draft) if isinstance(model, _SaveFile) and model.draft is not None else None,
        messages=[TeamMessage(m.turn, m.sender, m.recipient, m.author, m.text) for m in model.messages],
        version=version,
    )


def legacy_game_id(model: _SaveFileBase) -> str:
    """The id of a game saved before games had ids: the same for every copy of that save, so its autosaves,
    once it is continued, all go to one file of its own."""
    key = f"{model.scenario.id}|{model.seed}|{model.created}|{model.player}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _check_text(data: Any, where: str) -> None:
    bad = _bad_text(data)
    if bad is not None:
        raise SaveError(f"{where}: the save file is damaged: '{bad[0]}' holds {bad[1]}, which is not text a save "
                        "can hold")


def _bad_text(data: Any) -> tuple[str, str] | None:
    """Where a text in save data holds what a save cannot: a control character other than tab and line break, or
    half a character (what a terminal that is not UTF-8 leaves in a name); and which character, in words."""
    todo = [((), data)]
    while todo:
        path, node = todo.pop()
        if isinstance(node, dict):
            todo.extend((path + (k,), v) for k, v in node.items())
            texts = [k for k in node if isinstance(k, str)]
        elif isinstance(node, list):
            todo.extend((path + (i,), v) for i, v in enumerate(node))
            continue
        else:
            texts = [node] if isinstance(node, str) else []
        for text in texts:
            bad = forbidden_character(text)
            if bad is not None:
                return _dotted(path), describe_character(text[bad])
    return None


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


def _check_version(data: dict[str, Any], where: str) -> int:
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
    return version


def _readable() -> str:
    return str(VERSION) if MIN_COMPATIBLE == VERSION else f"{MIN_COMPATIBLE} to {VERSION}"


def _turn_input(turn: _Turn) -> TurnInput:
    actions = tuple(Action(a.use, a.target, a.mode) for a in turn.actions)
    answers = tuple(sorted((a.party, a.to, a.answer) for a in turn.answers)) if isinstance(turn, _TurnV5) else ()
    return TurnInput(actions, tuple(sorted(turn.choices.items())), tuple(sorted(turn.decisions.items())), answers)


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
    "less_than_equal": "is out of range",
    "string_too_short": "is empty",
    "string_too_long": "is too long",
    "string_pattern_mismatch": "has a form this version does not know",
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
    """Where in the file, as 'inputs[0].actions': a name the file made up is shown escaped and cut short."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + printable(str(part), 40)
    return out or "the file"
