"""Load a scenario file: YAML, then the typed model, then the cross-file checks, all as located diagnostics.

The loader never raises for bad content: every problem it can find in one run comes back as a Diagnostic
(`FILE:LINE:COL: error: message`) written for an author who is not a programmer, with what to do about it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from game.i18n import N_, SOURCE, _, current, tr, trn, using

from .diagnostics import Diagnostic, Problem, did_you_mean
from .initials import with_initials
from .model import DEFAULT_LADDER, Scenario
from .translation import read_translation, translate_raw, translation_path
from .yamlload import MAX_BYTES, Mark, Marks, YamlLoadError, load_yaml, printable, too_big_message


@dataclass(frozen=True)
class LoadResult:
    """What loading one file gave: the scenario (None when there is any error), its diagnostics and digest."""

    path: str
    scenario: Scenario | None
    diagnostics: list[Diagnostic]
    digest: str

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error (warnings allowed)."""
        return not any(d.severity == "error" for d in self.diagnostics)


def load_scenario(path: str | os.PathLike, lang: str | None = None) -> LoadResult:
    """Read and load the scenario file at `path`, with its text in `lang` (by default the language of this call
    path) where a translation gives it; an unreadable path gives one diagnostic at 1:1."""
    name = os.fsdecode(path)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            return _unreadable(name, _("this is a folder, not a file; give the path of a scenario .yaml file"))
        if not stat.S_ISREG(info.st_mode):
            return _unreadable(name, _("this is not a regular file; give the path of a scenario .yaml file"))
        if info.st_size > MAX_BYTES:
            return _unreadable(name, too_big_message(info.st_size))
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return _unreadable(name, _("there is no file here; check the path and the file name"))
    except PermissionError:
        return _unreadable(name, _("this file cannot be read (permission denied); check its permissions"))
    except OSError as exc:
        return _unreadable(name, tr("this file cannot be read ({value}); check the path", value=exc.strerror or exc))
    except ValueError:
        return _unreadable(name, _("this is not a valid file path; check it for stray characters"))
    return load_scenario_bytes(data, name, lang)


def load_scenario_bytes(data: bytes, filename: str, lang: str | None = None) -> LoadResult:
    """Load a scenario from the bytes of a file; `filename` labels the diagnostics and, when it names a file with
    a translation beside it in `lang` (by default the language of this call path), its text is that
    translation's. The digest is always the file's own, so saves do not depend on the language."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        raw, marks = load_yaml(data, filename)
    except YamlLoadError as exc:
        return LoadResult(filename, None, [Diagnostic(filename, exc.line, exc.col, "error", exc.message)], digest)
    raw = translated(with_initials(raw), filename, current().code if lang is None else lang)
    try:
        scenario = Scenario.model_validate(raw)
    except ValidationError as exc:
        diagnostics = _sorted(_validation_diagnostics(exc, raw, marks, filename))
        return LoadResult(filename, None, diagnostics, digest)
    from .checks import run_checks

    problems = [*run_checks(scenario), *_number_warnings(raw, marks)]
    diagnostics = _sorted(problem_diagnostic(p, marks, filename) for p in problems)
    ok = not any(d.severity == "error" for d in diagnostics)
    return LoadResult(filename, scenario if ok else None, diagnostics, digest)


def translated(raw: Any, filename: str, lang: str) -> Any:
    """The scenario's data with the text of its `lang` translation, when there is a usable one beside it."""
    if lang == SOURCE or not isinstance(raw, dict):
        return raw
    path = translation_path(filename, lang)
    if not path.is_file():
        return raw
    translation = read_translation(path, raw, str(raw.get("id", "")))
    if not translation.ok:
        return raw
    with using(lang):
        ladder = tuple((_(rung.name), rung.threshold) for rung in DEFAULT_LADDER)
    return translate_raw(raw, translation, ladder)


def problem_diagnostic(problem: Problem, marks: Marks, filename: str) -> Diagnostic:
    """Place a Problem found on the model at its line and column in the file."""
    found, mark = _find_mark(marks, tuple(problem.path))
    line, col = mark.line, mark.col
    if problem.key and found and mark.key_line is not None and mark.key_col is not None:
        line, col = mark.key_line, mark.key_col
    elif problem.offset is not None and found and mark.text is not None and not mark.multiline:
        col = mark.col + problem.offset + (1 if mark.style in ("'", '"') else 0)
    return Diagnostic(filename, line, col, problem.severity, problem.message)


def _unreadable(name: str, message: str) -> LoadResult:
    return LoadResult(name, None, [Diagnostic(name, 1, 1, "error", message)], "")


def _sorted(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in file order, each reported once."""
    return sorted(dict.fromkeys(diagnostics), key=lambda d: (d.line, d.col))


def _find_mark(marks: Marks, path: tuple) -> tuple[bool, Mark]:
    """The mark at `path`, or at its nearest ancestor that has one; the flag says whether it was exact."""
    for cut in range(len(path), -1, -1):
        mark = marks.get(path[:cut])
        if mark is not None:
            return cut == len(path), mark
    return False, Mark(1, 1, None, None, False, None, False)


# ---- pydantic errors -> diagnostics -------------------------------------------------------------------------

_TYPE_WORDS = {
    "string_type": N_("text"),
    "float_type": N_("a number"),
    "float_parsing": N_("a number"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "date_type": N_("a date"),
    "date_parsing": N_("a date"),
    "list_type": N_("a list"),
    "dict_type": N_("a mapping"),
    "model_type": N_("a mapping"),
    "model_attributes_type": N_("a mapping"),
}


@dataclass(frozen=True)
class _Located:
    """One pydantic error with its loc mapped onto the document: `path` exists in the data."""

    error: dict[str, Any]
    path: tuple
    at_key: bool
    missing: str | None


def _validation_diagnostics(exc: ValidationError, raw: Any, marks: Marks, filename: str) -> list[Diagnostic]:
    """One diagnostic per problem pydantic found; union branches of one value are merged into one."""
    groups: dict[tuple, list[_Located]] = {}
    for error in exc.errors(include_url=False):
        located = _locate(error, raw)
        groups.setdefault((located.path, located.at_key, located.missing), []).append(located)
    return [_diagnose(_pick(group), raw, marks, filename) for group in groups.values()]


def _locate(error: dict[str, Any], raw: Any) -> _Located:
    """Walk the error's loc through the data, dropping pydantic's union branch names that are not in it."""
    path: list = []
    node = raw
    at_key = False
    leftover: list = []
    for part in error["loc"]:
        # pydantic's marker for an error in a mapping's key; an unknown field may itself be spelt "[key]"
        if part == "[key]" and not (error["type"] == "extra_forbidden" and _has_child(node, part)):
            at_key = True
        elif not leftover and _has_child(node, part):
            part = _actual_key(node, part)
            node = node[part]
            path.append(part)
        else:
            leftover.append(part)
    missing = str(leftover[0]) if error["type"] == "missing" and leftover else None
    return _Located(error, tuple(path), at_key, missing)


def _actual_key(node: Any, part: Any) -> Any:
    """The key as stored in the data: pydantic reports a `true` key as 1, and messages need the true."""
    if isinstance(node, dict) and not isinstance(part, str):
        return next((key for key in node if key == part), part)
    return part


def _has_child(node: Any, part: Any) -> bool:
    """True when `node[part]` is a real key of a mapping or index of a list in the data."""
    if isinstance(node, list):
        return isinstance(part, int) and not isinstance(part, bool) and 0 <= part < len(node)
    return isinstance(node, dict) and part in node


def _pick(group: list[_Located]) -> _Located:
    """The most telling error of a group: a broken constraint beats a wrong type (the value had the right type)."""
    for located in group:
        if located.error["type"] not in _TYPE_WORDS:
            return located
    if len(group) == 1:
        return group[0]
    words = _(" or ").join(dict.fromkeys(_(_TYPE_WORDS[g.error["type"]]) for g in group))
    first = group[0]
    merged = {**first.error, "type": "union_type", "ctx": {"expected": words}}
    if any(g.error["type"] == "string_type" for g in group):
        merged["ctx"]["text_ok"] = True
    return _Located(merged, first.path, first.at_key, first.missing)


def _diagnose(located: _Located, raw: Any, marks: Marks, filename: str) -> Diagnostic:
    found, mark = _find_mark(marks, located.path)
    line, col = mark.line, mark.col
    kind = located.error["type"]
    at_key = located.at_key or kind in ("extra_forbidden", "invalid_key")
    empty = located.error.get("input") is None and mark.plain and mark.text == ""
    if (at_key or empty or kind in ("missing", "value_error")) and found and mark.key_line is not None:
        line, col = mark.key_line, mark.key_col or 1
    message = _message(located, raw, mark if found else None)
    return Diagnostic(filename, line, col, "error", message)


def _message(located: _Located, raw: Any, mark: Mark | None) -> str:
    """A plain sentence for one pydantic error: what is wrong and what to do."""
    error, path = located.error, located.path
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return _missing_message(located.missing or "?", path, raw)
    if kind == "extra_forbidden":
        return _unknown_field_message(path, raw, mark)
    if kind == "invalid_key" or located.at_key:
        return _key_message(path, mark, error)
    if kind == "value_error":
        return _sentence(str(ctx.get("error", error["msg"])))
    label = _label(path)
    text = mark.text if mark is not None else None
    if kind == "string_type" and text and _is_id_field(path) and not re.fullmatch(_ID_PATTERN, text):
        return tr("{label} is not a valid id: {ID_RULE}, e.g. '{suggest_id}'",
                  label=label, ID_RULE=_(_ID_RULE), suggest_id=_suggest_id(text))
    trap = _trap(value, mark)
    if trap and (kind == "string_type" or (kind == "union_type" and ctx.get("text_ok")) or _is_choice(path, mark)):
        return trap
    builder = _MESSAGES.get(kind)
    if builder is not None:
        return builder(label, value, ctx, _shown(value, mark), path)
    return tr("{label} is not valid: {sentence} — see docs/authoring.md for what it takes",
              label=label, sentence=_sentence(error['msg']))


def _is_choice(path: tuple, mark: Mark | None) -> bool:
    """True when the author's text is one of the allowed words of the field (so quoting it fixes the error)."""
    info = _field_info(path)
    return info is not None and mark is not None and mark.text in [str(c) for c in _literal_choices(info[0])]


def _sentence(text: str) -> str:
    """pydantic's message made into a plain clause: no 'Value error, ' prefix, no capital first letter."""
    text = text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _label(path: tuple) -> str:
    """How to name the value at `path` in a message: 'hostility', or item 2 of 'authors'."""
    if not path:
        return _("the scenario")
    last = path[-1]
    if isinstance(last, int) and not isinstance(last, bool) and len(path) > 1 and isinstance(path[-2], str):
        return f"item {last + 1} of '{printable(path[-2])}'"
    return f"'{printable(str(last))}'"


def _where(path: tuple, raw: Any) -> str:
    """Where a path is, in words: 'the scenario', 'calendar', 'parties #2 (lowmark)', 'events #3 > choices #1'."""
    if not path:
        return _("the scenario")
    parts: list[str] = []
    node = raw
    for part in path:
        node = node[part] if isinstance(node, (dict, list)) else None
        if isinstance(part, int) and not isinstance(part, bool) and parts:
            name = f"{parts.pop()} #{part + 1}"
            ident = node.get("id") if isinstance(node, dict) else None
            parts.append(f"{name} ({printable(ident)})" if isinstance(ident, str) else name)
        else:
            parts.append(printable(str(part)))
    return " > ".join(parts)


def _missing_message(field: str, path: tuple, raw: Any) -> str:
    info = _field_info(path + (field,))
    hint = tr(" — add `{field}:`", field=field)
    if info is not None:
        choices = _literal_choices(info[0])
        if choices:
            hint += _(" with one of ") + _listed(choices)
        elif info[2]:
            hint += f" ({info[2].rstrip('.')})"
    return tr("missing required field '{field}' in {where}{hint}", field=field, where=_where(path, raw), hint=hint)


def _unknown_field_message(path: tuple, raw: Any, mark: Mark | None) -> str:
    name = mark.key_text if mark is not None and mark.key_text is not None else str(path[-1])
    model = _model_at(path[:-1])
    fields = list(model.model_fields) if model is not None else []
    return tr("unknown field '{printable}' in {where}{did_you_mean}",
              printable=printable(name), where=_where(path[:-1], raw), did_you_mean=did_you_mean(name, fields))


def _key_message(path: tuple, mark: Mark | None, error: dict[str, Any]) -> str:
    text = printable(mark.key_text if mark is not None and mark.key_text is not None else str(path[-1] if path else ""))
    key = path[-1] if path else None
    if not isinstance(key, str):
        what = _read_as(key, text)
        return tr("the name `{text}` was read as {what} — names here must be text; quote it: {quoted}",
                  text=text, what=what, quoted=_quoted(text))
    if error["type"] == "string_pattern_mismatch":
        return tr("'{text}' is not a valid id here: {ID_RULE}, e.g. '{suggest_id}'",
                  text=text, ID_RULE=_(_ID_RULE), suggest_id=_suggest_id(text))
    return tr("the name '{text}' is not valid here: {sentence}", text=text, sentence=_sentence(error['msg']))


# ---- YAML 1.1 traps ------------------------------------------------------------------------------------------


def _trap(value: Any, mark: Mark | None) -> str | None:
    """Explain an unquoted scalar that YAML turned into something other than text, with the fix."""
    if mark is None or not mark.plain or mark.text is None or isinstance(value, str):
        return None
    if value is None and not mark.text:
        return None
    if not isinstance(value, (bool, int, float, dt.date, type(None))):
        return None
    text = printable(mark.text)
    return tr("`{text}` was read as {read_as} — quote it: {quoted}",
              text=text, read_as=_read_as(value, mark.text), quoted=_quoted(text))


def _read_as(value: Any, text: str) -> str:
    """What YAML made of `text`, and why, in words."""
    if isinstance(value, bool):
        word = "true" if value else "false"
        if text.lower() in ("true", "false"):
            return tr("the boolean {word}", word=word)
        return tr("the boolean {word} (YAML 1.1 reads yes/no/on/off as true/false)", word=word)
    if isinstance(value, (int, float)):
        plain = text.replace("_", "").lstrip("+-")
        if ":" in text:
            return tr("the number {value:g} (YAML reads h:m as base-60)", value=value)
        if isinstance(value, int) and plain.startswith(("0x", "0X")):
            return tr("the number {value} (YAML reads 0x… as hexadecimal)", value=value)
        if isinstance(value, int) and plain.startswith(("0b", "0B")):
            return tr("the number {value} (YAML reads 0b… as binary)", value=value)
        if isinstance(value, int) and len(plain) > 1 and plain.startswith("0"):
            return tr("the number {value} (YAML 1.1 reads a leading 0 as octal)", value=value)
        return tr("the number {value:g}",
                  value=value) if isinstance(value, float) else tr("the number {value}", value=value)
    if isinstance(value, dt.datetime):
        return _("a date and time")
    if isinstance(value, dt.date):
        return "a date"
    if value is None:
        return _("null (no value)")
    return _("something other than text")


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'" if '"' in text or "\\" in text else f'"{text}"'


# ---- per-type messages ---------------------------------------------------------------------------------------

_ID_RULE = N_("ids use lower-case letters, digits and underscores, and start with a letter")
_ID_PATTERN = "^[a-z][a-z0-9_]*$"


def _is_id_field(path: tuple) -> bool:
    """True when the value at `path` must be an id (text with the id pattern)."""
    info = _field_info(path)
    return info is not None and any(getattr(m, "pattern", None) == _ID_PATTERN for m in info[1])


def _suggest_id(text: str) -> str:
    ident = re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_")[:48] or "name"
    return ident if ident[0].isalpha() else "x_" + ident[:46]


def _shown(value: Any, mark: Mark | None) -> str:
    """The value as the author wrote it, for 'got …' in messages."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if mark is not None and mark.text is not None and not mark.multiline:
        return "nothing" if mark.text == "" and value is None else f"`{printable(mark.text)}`"
    if value is None:
        return "nothing"
    return f"`{printable(str(value))}`"


def _range(path: tuple, ctx: dict[str, Any]) -> str:
    """' from 0 to 1' (or ' of at least 0'…) for a number field, from its declared bounds."""
    info = _field_info(path)
    bounds = _bounds(info[0], info[1]) if info is not None else {}
    bounds.update({k: v for k, v in ctx.items() if k in ("ge", "gt", "le", "lt")})
    low = bounds.get("ge", bounds.get("gt"))
    high = bounds.get("le", bounds.get("lt"))
    if low is not None and high is not None:
        return tr(" from {low} to {high}", low=_num(low), high=_num(high)) + (
            _(" (not 0)") if "gt" in bounds and low == 0 else "")
    if low is not None:
        return tr(" of at least {num}", num=_num(low)) if "ge" in bounds else tr(" above {num}", num=_num(low))
    if high is not None:
        return tr(" of at most {num}", num=_num(high)) if "le" in bounds else tr(" below {num}", num=_num(high))
    return ""


def _bounds(annotation: Any, metadata: list) -> dict[str, Any]:
    """The ge/gt/le/lt bounds declared on a field, looking inside a union's number branch if needed."""
    bounds = {
        name: getattr(item, name) for item in metadata for name in ("ge", "gt", "le", "lt") if hasattr(item, name)
    }
    if not bounds and typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for option in typing.get_args(annotation):
            bare, inner = _unwrap(option)
            if bare in (int, float):
                return _bounds(bare, inner)
    return {k: v for k, v in bounds.items() if v is not None}


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _number_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    hint = _("; use a dot for decimals") if isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value) else ""
    return tr("{label} must be a number{range}, e.g. {example_number}; got {shown_value}{hint}",
              label=label, range=_range(path, ctx), example_number=_example_number(path, ctx), shown_value=shown,
              hint=hint)


def _int_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    example = _example_number(path, ctx, whole=True)
    return tr("{label} must be a whole number{range}, e.g. {example}; got {shown_value}",
              label=label, range=_range(path, ctx), example=example, shown_value=shown)


def _bound_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    whole = isinstance(value, int) and _field_info(path) is not None and _field_info(path)[0] is int
    return tr("{label} must be a number{range}, e.g. {example_number}; got {shown_value}",
              label=label, range=_range(path, ctx), example_number=_example_number(path, ctx, whole), shown_value=shown)


def _example_number(path: tuple, ctx: dict[str, Any], whole: bool = False) -> str:
    """A valid value to show after 'e.g.': the field's own documented example, else the middle of its range."""
    example = _first_number(_field_examples(path))
    if example is None:
        info = _field_info(path)
        bounds = _bounds(info[0], info[1]) if info is not None else {}
        bounds.update({k: v for k, v in ctx.items() if k in ("ge", "gt", "le", "lt")})
        low = bounds.get("ge", bounds.get("gt", 0))
        high = bounds.get("le", bounds.get("lt", low + 2))
        example = (low + high) / 2
    if whole:
        return str(round(example))
    return _num(float(example))


def _first_number(examples: Any) -> float | int | None:
    """The first number in a field's examples, looking inside lists (a list field's example is a list)."""
    while isinstance(examples, list) and examples:
        examples = examples[0]
    if isinstance(examples, (int, float)) and not isinstance(examples, bool):
        return examples
    return None


def _field_examples(path: tuple) -> Any:
    """The `examples` of the model field at `path` (or of the list field holding the item at `path`)."""
    for cut in range(len(path), 0, -1):
        if isinstance(path[cut - 1], str):
            model = _model_at(path[: cut - 1])
            field = model.model_fields.get(path[cut - 1]) if model is not None else None
            return field.examples if field is not None else None
    return None


def _text_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    if value is None:
        return tr("{label} is empty; write its text after the colon", label=label)
    return tr('{label} must be text; got {shown_value} — write it as one line of text in quotes, e.g. "..."',
              label=label, shown_value=shown)


def _bool_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    fix = _(" (without quotes)") if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no") else ""
    return tr("{label} must be true or false{fix}; got {shown_value} — write true or false",
              label=label, fix=fix, shown_value=shown)


def _date_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    return tr("{label} must be a date written YYYY-MM-DD, e.g. 1962-10-16; got {shown_value}",
              label=label, shown_value=shown)


def _inexact_date_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    return tr("{label} must be a date without a time of day, written YYYY-MM-DD, e.g. 1962-10-16; got "
              "{shown_value}",
              label=label, shown_value=shown)


def _literal_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    info = _field_info(path)
    choices = _literal_choices(info[0]) if info is not None else []
    if not choices:
        return tr("{label} must be {get}; got {shown_value}",
                  label=label, get=ctx.get('expected', 'one of the allowed values'), shown_value=shown)
    listed = _listed(choices)
    if len(choices) == 1:
        return tr("{label} must be {listed}; got {shown_value} — write {listed}",
                  label=label, listed=listed, shown_value=shown)
    suggestion = did_you_mean(value, [str(c) for c in choices]) if isinstance(value, str) else ""
    if suggestion.startswith(" — expected"):
        suggestion = ""
    return tr("{label} must be one of {listed}; got {shown_value}{suggestion}",
              label=label, listed=listed, shown_value=shown, suggestion=suggestion)


def _listed(choices: list) -> str:
    """Allowed values as an author would write them: words in quotes, numbers bare."""
    return ", ".join(f"'{c}'" if isinstance(c, str) else str(c) for c in choices)


def _pattern_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    if ctx.get("pattern") == _ID_PATTERN and isinstance(value, str):
        return tr("{label} is not a valid id: {ID_RULE}, e.g. '{suggest_id}'",
                  label=label, ID_RULE=_(_ID_RULE), suggest_id=_suggest_id(value))
    return tr("{label} does not have the expected form; got {shown_value} — see its examples in docs/authoring.md",
              label=label, shown_value=shown)


def _short_text_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    return tr("{label} must not be empty; write some text", label=label)


def _long_text_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    length = len(value) if isinstance(value, str) else _("too many")
    return tr("{label} is too long ({length} characters; at most {get}); shorten it",
              label=label, length=length, get=ctx.get('max_length'))


def _list_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    return tr("{label} must be a list; got {shown_value} — write one item per line starting with '- '",
              label=label, shown_value=shown)


def _mapping_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    return tr("{label} must be a mapping of fields; got {shown_value} — write `name: value` lines indented under "
              "it",
              label=label, shown_value=shown)


def _too_short_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    need = ctx.get("min_length")
    return trn("{label} needs at least {need} item; it has {get} — add more, one per line starting with '- '",
               "{label} needs at least {need} items; it has {get} — add more, one per line starting with '- '",
               need or 0, label=label, need=need, get=ctx.get('actual_length'))


def _too_long_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    return trn("{label} may have at most {get} item; it has {get2} — remove some",
               "{label} may have at most {get} items; it has {get2} — remove some",
               ctx.get('max_length') or 0, label=label, get=ctx.get('max_length'), get2=ctx.get('actual_length'))


def _union_message(label: str, value: Any, ctx: dict, shown: str, path: tuple) -> str:
    return tr("{label} must be {get}; got {shown_value}{union_fix}",
              label=label, get=ctx.get('expected'), shown_value=shown,
              union_fix=_union_fix(ctx.get('expected', ''), path))


def _union_fix(expected: str, path: tuple) -> str:
    """An example for a value that may take several forms, e.g. a chance that is a number or an expression."""
    examples = _field_examples(path)
    if isinstance(examples, list) and examples:
        return " — e.g. " + " or ".join(f"`{e}`" for e in examples[:2] if isinstance(e, (int, float, str)))
    return f" — write {expected}"


_MESSAGES = {
    "float_type": _number_message,
    "float_parsing": _number_message,
    "finite_number": _number_message,
    "int_type": _int_message,
    "int_parsing": _int_message,
    "int_from_float": _int_message,
    "int_parsing_size": _int_message,
    "greater_than": _bound_message,
    "greater_than_equal": _bound_message,
    "less_than": _bound_message,
    "less_than_equal": _bound_message,
    "string_type": _text_message,
    "bool_type": _bool_message,
    "bool_parsing": _bool_message,
    "date_type": _date_message,
    "date_parsing": _date_message,
    "date_from_datetime_parsing": _date_message,
    "date_from_datetime_inexact": _inexact_date_message,
    "literal_error": _literal_message,
    "string_pattern_mismatch": _pattern_message,
    "string_too_short": _short_text_message,
    "string_too_long": _long_text_message,
    "list_type": _list_message,
    "dict_type": _mapping_message,
    "model_type": _mapping_message,
    "model_attributes_type": _mapping_message,
    "too_short": _too_short_message,
    "too_long": _too_long_message,
    "union_type": _union_message,
}


# ---- the model's shape at a path -----------------------------------------------------------------------------


def _unwrap(annotation: Any) -> tuple[Any, list]:
    """Strip Annotated and Optional: the bare type and the constraint objects found on the way."""
    metadata: list = []
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            for item in extra:
                metadata.extend(getattr(item, "metadata", None) or [item])
            continue
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) == 1:
                annotation = options[0]
                continue
        return annotation, metadata


def _step(annotation: Any, part: Any) -> tuple[Any, list, str | None] | None:
    """The annotation one path step below `annotation`, with its constraints and description."""
    bare, __ = _unwrap(annotation)
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        field = bare.model_fields.get(part) if isinstance(part, str) else None
        if field is None:
            return None
        inner, metadata = _unwrap(field.annotation)
        return inner, [*field.metadata, *metadata], field.description
    origin = typing.get_origin(bare)
    if origin is list and isinstance(part, int):
        inner, metadata = _unwrap(typing.get_args(bare)[0])
        return inner, metadata, None
    if origin is dict:
        inner, metadata = _unwrap(typing.get_args(bare)[1])
        return inner, metadata, None
    return None


def _field_info(path: tuple) -> tuple[Any, list, str | None] | None:
    """(annotation, constraints, description) of the model field at a document path, or None if unknown."""
    info: tuple[Any, list, str | None] | None = (Scenario, [], None)
    for part in path:
        if info is None:
            return None
        info = _step(info[0], part)
    return info


def _model_at(path: tuple) -> type[BaseModel] | None:
    info = _field_info(path)
    bare = _unwrap(info[0])[0] if info is not None else None
    return bare if isinstance(bare, type) and issubclass(bare, BaseModel) else None


def _literal_choices(annotation: Any) -> list:
    bare, __ = _unwrap(annotation)
    if typing.get_origin(bare) is Literal:
        return list(typing.get_args(bare))
    return []


def _expects_number(path: tuple) -> bool:
    info = _field_info(path)
    return info is not None and info[0] in (int, float)


# ---- warnings on values the model accepted -------------------------------------------------------------------


def _number_warnings(raw: Any, marks: Marks) -> list[Problem]:
    """Warn where an unquoted yes/no/on/off became a number field's 1 or 0 (pydantic accepts true as 1)."""
    problems = []
    for path, mark in marks.items():
        if mark.plain and mark.text and mark.text.lower() in _BOOL_WORDS and path and _expects_number(path):
            value = _value_at(raw, path)
            if isinstance(value, bool):
                problems.append(
                    Problem(
                        path,
                        "warning",
                        tr("`{text}` was read as {read_as} and counts as {int} here; write the number {int} if "
                           "that is what you mean",
                           text=mark.text, read_as=_read_as(value, mark.text), int=int(value)),
                    )
                )
    return problems


_BOOL_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "y", "n"})


def _value_at(raw: Any, path: tuple) -> Any:
    node = raw
    for part in path:
        node = node[part]
    return node
