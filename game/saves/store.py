"""Save files on disk: atomic writes, autosave, loading, and resuming a game by replaying its inputs.

A write goes to a temporary file in the same folder and replaces the target only once it is complete and on
disk, so a save interrupted half-way leaves the previous one intact; a temporary file left by a process that was
killed mid-write is removed the next time the folder is used. Loading never writes anything. Each game has its
own id and its own autosave, and a save that holds a finished game is never written over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import stat
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from game.engine import Action, Game, IllegalAction, Rules, TurnInput, Vote, replay
from game.engine.facilitator import winner
from game.scenario.yamlload import printable

from .format import MAX_VOTES, SaveData, SaveError, TeamMessage, from_json, to_json
from .snapshot import shared_view, state_to_dict

SAVES_ENV = "GOOD_OFFICES_SAVES"
SUFFIX = ".json"
MAX_SAVE_BYTES = 32 * 1024 * 1024
STALE_SECONDS = 3600  # a temporary file this old is left over from a killed process, whoever made it
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
# Our temporary files: '.NAME.PID.RANDOM.tmp' (format 2 on), '.NAME.RANDOM.tmp' (before); NAME ends in .json/.html…
_TEMP = re.compile(r"^\.(?P<name>.+\.[A-Za-z]+)\.(?:(?P<pid>\d+)\.)?[A-Za-z0-9_]{6,}\.tmp$")


def saves_directory(environ: Mapping[str, str] = os.environ, cwd: Path | None = None) -> Path:
    """Where saves go: $GOOD_OFFICES_SAVES if set, else `saves/` under the current folder."""
    chosen = environ.get(SAVES_ENV)
    if chosen:
        return Path(chosen)
    return (cwd or Path.cwd()) / "saves"


def now() -> str:
    """The current time as an ISO 8601 UTC timestamp, as saves record it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def new_game_id() -> str:
    """A fresh id for a new game: eight random hexadecimal digits."""
    return secrets.token_hex(4)


def save_data(game: Game, *, scenario_path: str, digest: str, player: str = "", created: str | None = None,
              session: str = "", votes: Sequence[Vote] = (), game_id: str = "",
              draft: TurnInput | None = None, messages: Sequence[TeamMessage] = ()) -> SaveData:
    """What a save of `game` holds now (with the session code it came from, the class's votes, the game's id and
    the current turn's orders and answers not yet sent, if any)."""
    stamp = now()
    return SaveData(
        scenario_id=game.rules.scenario.id,
        scenario_digest=digest,
        scenario_path=scenario_path,
        seed=game.seed,
        player=player,
        inputs=list(game.inputs),
        snapshot=state_to_dict(game.state),
        ending=game.ending,
        created=created or stamp,
        updated=stamp,
        session=session,
        interventions=list(game.interventions),
        votes=list(votes),
        game_id=game_id or new_game_id(),
        draft=draft if draft is not None and (draft.actions or draft.choices) and not game.done else None,
        messages=list(messages),
    )


def file_name(scenario_id: str, name: str | None = None) -> str:
    """A safe file name: the given name sanitised, or the scenario id and the local time."""
    if name is None:
        return f"{scenario_id}-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
    stem = name[: -len(SUFFIX)] if name.lower().endswith(SUFFIX) else name
    stem = _UNSAFE.sub("-", stem).strip("-_")[:64]
    if not stem:
        raise SaveError(f"'{printable(name)}' cannot be a save name: use letters, digits, '-' or '_'")
    return stem + SUFFIX


def save_game(
    game: Game,
    directory: str | os.PathLike,
    name: str | None = None,
    player: str = "",
    *,
    scenario_path: str,
    digest: str,
    created: str | None = None,
    session: str = "",
    votes: Sequence[Vote] = (),
    game_id: str = "",
    draft: TurnInput | None = None,
    messages: Sequence[TeamMessage] = (),
) -> Path:
    """Write a save of `game` into `directory` (created if needed) and return its path (with a delegations
    class's `messages`, which a game loaded from such a save carries on).

    With a `name` an existing save of that name is replaced, unless it holds a finished game (SaveError: a
    finished game's save is kept; the same finished game saved again is left as it is); without one, a new file
    is named after the scenario and the time.
    """
    folder = Path(directory)
    target = folder / file_name(game.rules.scenario.id, name)
    if name is None:
        target = _unused(target)
    data = save_data(game, scenario_path=scenario_path, digest=digest, player=player, created=created,
                     session=session, votes=votes, game_id=game_id, draft=draft, messages=messages)
    if _keeps_finished_game(target, data):
        return target
    write_atomic(target, to_json(data))
    return target


def _keeps_finished_game(target: Path, data: SaveData) -> bool:
    """True when `target` already holds this finished game (nothing to write); SaveError when it holds another
    finished game, which must not be lost."""
    try:
        if not target.is_file():
            return False
        old = load_save(target)
    except (SaveError, OSError):
        return False  # nothing readable is there to keep
    if old.ending is None:
        return False
    if old.game_id == data.game_id and len(old.inputs) == len(data.inputs):
        return True
    raise SaveError(f"{target.name} holds a finished game, which is kept as it is; save under another name")


def autosave(
    game: Game,
    directory: str | os.PathLike,
    player: str = "",
    *,
    scenario_path: str,
    digest: str,
    created: str | None = None,
    session: str = "",
    votes: Sequence[Vote] = (),
    game_id: str,
    draft: TurnInput | None = None,
    messages: Sequence[TeamMessage] = (),
) -> Path:
    """Save into the game's own autosave slot, `autosave-<scenario id>-<game id>.json`."""
    return save_game(
        game,
        directory,
        autosave_name(game.rules.scenario.id, game_id),
        player,
        scenario_path=scenario_path,
        digest=digest,
        created=created,
        session=session,
        votes=votes,
        game_id=game_id,
        draft=draft,
        messages=messages,
    )


def autosave_name(scenario_id: str, game_id: str) -> str:
    """The file name of a game's autosave: one per game, so no game's autosave replaces another's."""
    return f"autosave-{scenario_id}-{game_id}{SUFFIX}"


def _unused(target: Path) -> Path:
    """`target`, or the same name with -2, -3… when a file of that name already exists."""
    candidate, n = target, 1
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
    return candidate


def write_atomic(target: Path, text: str) -> None:
    """Replace the save `target` with `text` all at once: a crash part-way leaves the old file and no temporary."""
    try:
        replace_file(target, text, _mode_for(target))
    except FolderError as exc:
        raise SaveError(f"cannot save in {target.parent}: {exc.strerror or exc}") from None
    except OSError as exc:
        raise SaveError(f"cannot save to {target}: {exc.strerror or exc}; the previous save is unchanged") from None
    except UnicodeEncodeError:
        raise SaveError(f"cannot save to {target}: a text in the game is not valid Unicode; the previous save is "
                        "unchanged") from None


class FolderError(OSError):
    """The folder to write in could not be made or written to (nothing was written)."""


def replace_file(target: Path, text: str, mode: int = 0o644) -> None:
    """Write `text` to `target` all at once (temporary file, fsync, rename, folder sync); any failure — an OSError,
    text that cannot be encoded, an interrupt — leaves the old file as it was and no temporary file behind. Shared
    by saves and reports."""
    data = text.encode("utf-8")  # before any file is made: text that cannot be written leaves nothing behind
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as exc:
        raise FolderError(exc.errno, exc.strerror) from None
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)


def clean_stale_temps(folder: str | os.PathLike, *, now_s: float | None = None) -> int:
    """Remove the temporary files of our own naming that a killed process left in `folder`: those of a process
    that no longer runs, and any older than STALE_SECONDS. Returns how many went; never raises."""
    removed = 0
    clock = time.time() if now_s is None else now_s
    try:
        names = os.listdir(folder)
    except (OSError, ValueError):
        return 0
    for name in names:
        found = _TEMP.match(name)
        if found is None:
            continue
        path = os.path.join(folder, name)
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                continue
            pid = found.group("pid")
            dead = pid is not None and int(pid) != os.getpid() and not _running(int(pid))
            if dead or clock - info.st_mtime > STALE_SECONDS:
                os.unlink(path)
                removed += 1
        except (OSError, ValueError):
            continue
    return removed


def _running(pid: int) -> bool:
    """Whether a process with this id runs now (when the system cannot tell, assume it does)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def _mode_for(target: Path) -> int:
    """The permissions a save gets: those of the file it replaces, else readable by all, writable by the owner."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX); elsewhere this does nothing."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def load_save(path: str | os.PathLike) -> SaveData:
    """Read and check a save file; every problem becomes a SaveError naming the file."""
    name = os.fsdecode(path)
    where = shown_path(name)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise SaveError(f"{where}: this is a folder, not a save file")
        if not stat.S_ISREG(info.st_mode):
            raise SaveError(f"{where}: this is not a regular file, so it is not a save file; give the path of a save")
        if info.st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{where}: this file is far too large to be a Good Offices save")
        with open(name, "rb") as handle:
            raw = handle.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError:
        raise SaveError(f"{where}: there is no save file here; check the path") from None
    except OSError as exc:
        raise SaveError(f"{where}: the save file cannot be read ({exc.strerror or exc})") from None
    except ValueError:
        raise SaveError(f"{where}: this is not a valid file path; check it for stray characters") from None
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(f"{where}: this file is far too large to be a Good Offices save")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(f"{where}: the save file is truncated or corrupt") from None
    return from_json(text, where)


def shown_path(path: str | os.PathLike, limit: int = 120) -> str:
    """A path as a one-line message shows it: cut short, with an ellipsis, when it is very long."""
    text = os.fsdecode(path)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def resume(save: SaveData, rules: Rules, digest: str) -> Game:
    """The saved game, rebuilt by replaying its inputs on `rules` and checked against the saved snapshot."""
    scenario_id = rules.scenario.id
    if save.scenario_id != scenario_id:
        raise SaveError(
            f"this save is for scenario '{printable(save.scenario_id)}', not '{scenario_id}'; "
            f"play it with: python main.py play {printable(save.scenario_id)} --load SAVE"
        )
    if save.scenario_digest != digest:
        raise SaveError(
            "the scenario file has changed since this game was saved, so the game cannot be replayed "
            "exactly; restore the scenario file as it was, or start a new game"
        )
    try:
        game = replay(rules, save.seed, save.inputs, save.interventions)
    except (IllegalAction, ValueError, LookupError, TypeError, ArithmeticError) as exc:
        raise SaveError(
            "the save is inconsistent with its scenario: its moves cannot be replayed; the file may have been edited",
            exc.refusal if isinstance(exc, IllegalAction) else None,
        ) from None
    replayed = state_to_dict(game.state)
    if save.version < 3:
        replayed.pop("intel")  # formats 1 and 2 kept no intel log: the replay rebuilds it
    if save.version < 4:
        replayed.pop("opinion")  # formats 1 to 3 kept no world opinion: the replay rebuilds it
    if (replayed if save.version >= 2 else shared_view(replayed)) != (
            save.snapshot if save.version >= 2 else shared_view(save.snapshot)):
        raise SaveError(
            "the save is inconsistent with its scenario: replaying its moves does not give the saved "
            "game; the file may have been edited"
        )
    if game.interventions != list(save.interventions):
        raise SaveError("the save is inconsistent with its game: a facilitator's intervention is for a turn the game "
                        "never reached; the file may have been edited")
    problem = _vote_problem(save.votes, game)
    if problem:
        raise SaveError(f"the save is inconsistent with its game: {problem}; the file may have been edited")
    return game


def _vote_problem(votes: Sequence[Vote], game: Game) -> str | None:
    """What is wrong with the class votes of a save, checked against its scenario and game as moves are."""
    for vote in votes:
        if not 0 <= vote.turn <= len(game.inputs):
            return f"a class vote is for turn {vote.turn + 1}, which the game never reached"
        labels = [label for label, _ in vote.counts]
        if len(set(labels)) != len(labels):
            return f"the class vote of turn {vote.turn + 1} lists an option twice"
        for label, count in vote.counts:
            if not 0 <= count <= MAX_VOTES:
                return f"the class vote of turn {vote.turn + 1} gives {count} votes to one option"
            if not _names_a_move(game.rules, label):
                return (f"the class vote of turn {vote.turn + 1} was on '{printable(label)}', which is no move of this "
                        "scenario")
        if not vote.counts or vote.chosen != winner(vote.counts):
            return f"the class vote of turn {vote.turn + 1} did not choose its most voted option"
    return None


def _names_a_move(rules: Rules, label: str) -> bool:
    """Whether `label` is a move as an order is written ('good_offices usa_ussr', 'no_invasion private')."""
    words = label.split(" ")
    use, rest = words[0], words[1:]
    if use in rules.proposals:
        return len(rest) == 1 and rest[0] in rules.proposals[use].modes
    ins = rules.instruments.get(use)
    if ins is None:
        return False
    if ins.target == "none":
        return not rest
    valid = rules.pair_ids if ins.target == "pair" else rules.party_ids
    return len(rest) == 1 and rest[0] in valid


def restore_draft(draft: TurnInput | None, game: Game) -> tuple[list[Action], dict[str, str]]:
    """The orders and answers a save queued for its current turn, as they can still be given: answers to the
    decisions awaiting one, with options they have, and each order that is legal after those before it. The
    draft is not part of the game's record, so what does not fit is left out rather than refused."""
    if draft is None or game.done:
        return [], {}
    pending = {key: {c for c, _ in options} for key, _, options in game.pending()}
    choices = {event: choice for event, choice in draft.choices if choice in pending.get(event, ())}
    orders: list[Action] = []
    for action in draft.actions:
        if game.why_illegal(action, orders, choices) is None:
            orders.append(action)
    return orders, choices
