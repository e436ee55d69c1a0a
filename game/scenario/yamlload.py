"""Safe, bounded YAML loading with line/column marks for every value.

A scenario file may come from a stranger, so this module never constructs anything but plain data (text,
numbers, true/false, dates, lists, mappings), and refuses files that are too big, too deep, or whose aliases
would expand into too many values. It reads PyYAML's *events* and builds the data itself, iteratively, so a
20,000-deep `[[[[` stops at depth 65 instead of exhausting Python's recursion limit, and every node's position
is kept for error messages. Scalars are resolved with PyYAML's safe YAML 1.1 rules (`NO` is false, `12:30` is
750) and their original text is kept so the loader can explain such surprises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.reader import Reader

from .limits import ALLOWED_CONTROLS, describe_character, forbidden_character

MAX_BYTES = 1 << 20
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_NUMBER_CHARS = 100  # longer numbers are never meant; base-60 ones ('1:2:3:…') would cost quadratic time

_Base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
_YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_NUMBER_TAGS = frozenset({_YAML_TAG + "int", _YAML_TAG + "float"})
_MERGE_TAG = _YAML_TAG + "merge"
_VALUE_TAG = _YAML_TAG + "value"
_SEQ_TAGS = frozenset({None, "!", _YAML_TAG + "seq"})
_MAP_TAGS = frozenset({None, "!", _YAML_TAG + "map"})
_BOM = b"\xef\xbb\xbf"
_NON_PRINTABLE = Reader.NON_PRINTABLE


@dataclass(frozen=True, slots=True)
class Mark:
    """Where a value sits in the file (1-based), where its key sits, and how the author wrote it.

    `text` is the scalar's text before YAML gave it a type (None for lists and mappings); `plain` is true for
    unquoted scalars; `style` is PyYAML's scalar style (None plain, "'" or '"' quoted, '|' or '>' block);
    `key_text` is the key's text when it is a mapping value.
    """

    line: int
    col: int
    key_line: int | None
    key_col: int | None
    plain: bool
    text: str | None
    multiline: bool
    style: str | None = None
    key_text: str | None = None


Marks = dict[tuple, Mark]


class YamlLoadError(Exception):
    """The file cannot be read as a scenario's YAML; `line` and `col` are 1-based."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col

    def __str__(self) -> str:
        return f"{self.line}:{self.col}: {self.message}"


def load_yaml(data: bytes, filename: str) -> tuple[Any, Marks]:
    """Parse one scenario document from `data`: the plain data (a dict) and the mark of every path in it.

    `filename` is for the caller's messages only; a YamlLoadError carries just the line and column.
    """
    text = _decode(data)
    root = _Builder(text).build()
    if root is None or (root.value is None and not root.mark.text and root.mark.plain):
        raise YamlLoadError(
            "the file is empty; start it with fields like `id:` and `title:` (or run 'python main.py new-scenario')",
            1,
            1,
        )
    if not isinstance(root.value, dict):
        raise YamlLoadError(
            f"a scenario must be a mapping of fields like `id:`, `title:` and `parties:`, but this file holds "
            f"{_describe_value(root.value)} at the top; start each field at the left margin as `name: value`",
            root.mark.line,
            root.mark.col,
        )
    return root.value, _flatten(root)


def printable(text: str, limit: int = 40) -> str:
    """Author text made safe for a one-line message: control characters escaped, long text cut short."""
    if len(text) > limit:
        text = text[:limit] + "…"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def too_big_message(size: int) -> str:
    """The message for a file over the size limit (shared with the loader, which checks before reading)."""
    return f"the file is too big ({size:,} bytes); shorten it: a scenario file may be at most {MAX_BYTES:,} bytes"


def _decode(data: bytes) -> str:
    """UTF-8 text of `data` (a leading BOM dropped), after the size, binary and encoding checks."""
    if len(data) > MAX_BYTES:
        raise YamlLoadError(too_big_message(len(data)), 1, 1)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlLoadError("the file is saved as UTF-16; save it as UTF-8 text", 1, 1)
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        raise YamlLoadError(
            "the file is binary data, not text (it contains a NUL byte); check that this is the scenario file you "
            "meant, saved as UTF-8 text",
            line,
            col,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        raise YamlLoadError("the file is not UTF-8 text; save it as UTF-8", line, col) from None
    bad = _NON_PRINTABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise YamlLoadError(
            f"the file contains an invisible control character (U+{ord(bad.group()):04X}) that YAML does not "
            "allow; delete it",
            line,
            col,
        )
    return text


def _byte_position(data: bytes, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte `index`."""
    start = data.rfind(b"\n", 0, index) + 1
    return data.count(b"\n", 0, index) + 1, len(data[start:index].decode("utf-8", errors="replace")) + 1


def _describe_value(value: Any) -> str:
    """A few words for what kind of value this is, for messages."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return "a single line of text"
    return f"a single value ({value!r})"


class _Node:
    """A built value with its mark, its children (for marks), expanded node count and nesting height."""

    __slots__ = ("value", "mark", "children", "size", "height", "merge")

    def __init__(self, value: Any, mark: Mark, children: Any, size: int, height: int, merge: bool = False) -> None:
        self.value = value
        self.mark = mark
        self.children = children
        self.size = size
        self.height = height
        self.merge = merge


class _Frame:
    """A list or mapping whose end event has not come yet."""

    __slots__ = ("is_map", "mark", "anchor", "value", "children", "key", "seen", "merges", "size", "height")

    def __init__(self, is_map: bool, mark: Mark, anchor: str | None) -> None:
        self.is_map = is_map
        self.mark = mark
        self.anchor = anchor
        self.value: Any = {} if is_map else []
        self.children: Any = {} if is_map else []
        self.key: _Node | None = None
        self.seen: dict[Any, int] = {}
        self.merges: list[_Node] = []
        self.size = 1
        self.height = 1


_NO_KEY: tuple[int | None, int | None, str | None] = (None, None, None)


def _mark(
    event: Any,
    key: tuple[int | None, int | None, str | None],
    plain: bool = False,
    text: str | None = None,
    style: str | None = None,
) -> Mark:
    """A Mark at the start of a PyYAML event, with the position and text of its key (if a mapping value)."""
    start, end = event.start_mark, event.end_mark
    multiline = style in ("|", ">") or (text is not None and start.line != end.line)
    return Mark(start.line + 1, start.column + 1, key[0], key[1], plain, text, multiline, style, key[2])


def _where(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag


class _Builder:
    """Builds plain data from PyYAML's event stream without recursion, enforcing the limits as it goes."""

    def __init__(self, text: str) -> None:
        self.loader = _Base(text)
        self.text = text
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Node] = {}
        self.open_anchors: set[str] = set()
        self.count = 0
        self.root: _Node | None = None
        self.documents = 0

    def build(self) -> _Node | None:
        """Consume every event; the root node, or None when the stream holds no document."""
        try:
            self._run()
        except yaml.MarkedYAMLError as exc:
            raise _syntax_error(exc, self.text) from None
        except yaml.YAMLError as exc:
            problem = printable(" ".join(str(exc).split()), 120)
            raise YamlLoadError(
                f"this is not valid YAML ({problem}); check the indentation, colons and quotes"
            ) from None
        finally:
            self.loader.dispose()
        return self.root

    def _run(self) -> None:
        get_event = self.loader.get_event
        handlers = {
            yaml.ScalarEvent: self._scalar,
            yaml.SequenceStartEvent: self._start,
            yaml.MappingStartEvent: self._start,
            yaml.SequenceEndEvent: self._end,
            yaml.MappingEndEvent: self._end,
            yaml.AliasEvent: self._alias,
            yaml.DocumentStartEvent: self._document,
        }
        while True:
            event = get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise YamlLoadError(
                "the file holds a second YAML document after '---'; a scenario file holds exactly one, so remove "
                "the extra '---' line or split the file",
                *_where(event),
            )

    def _count(self, n: int, event: Any) -> None:
        self.count += n
        if self.count > MAX_NODES:
            raise YamlLoadError(
                f"the file holds more than {MAX_NODES:,} values (counting each use of an alias '*name' as a copy); "
                "a scenario should be far smaller — look for runaway lists or aliases",
                *_where(event),
            )

    def _scalar(self, event: Any) -> None:
        self._count(1, event)
        style = event.style or None
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        mark = _mark(event, self._key(), style is None, event.value, style)
        self._check_characters(event)
        if tag == _MERGE_TAG:
            node = _Node("<<", mark, None, 1, 0, merge=True)
        elif tag == _VALUE_TAG:
            node = _Node(event.value, mark, None, 1, 0)
        elif tag in _SCALAR_TAGS:
            node = _Node(self._construct(tag, event), mark, None, 1, 0)
        else:
            raise _tag_error(event.tag or tag, event)
        self._finish(node, event.anchor, event)

    def _check_characters(self, event: Any) -> None:
        """Refuse a scalar holding a control character other than tab and line break (the file's own control
        characters are refused on reading, so here it was written as an escape such as `\\e` or `\\0`)."""
        index = forbidden_character(event.value)
        if index is None:
            return
        char = event.value[index]
        line, col, escaped = self._escape_at(event, char)
        allowed = " and ".join(_CONTROL_WORDS[c] for c in ALLOWED_CONTROLS)
        written = ", written as an escape" if escaped else ""
        raise YamlLoadError(
            f"this text holds the control character {describe_character(char)}{written}; text may hold any "
            f"character but control characters other than {allowed} — remove it",
            line,
            col,
        )

    def _escape_at(self, event: Any, char: str) -> tuple[int, int, bool]:
        """1-based line and column of the escape (or raw character) that put `char` into a scalar's value, and
        whether it is an escape."""
        start, end = event.start_mark, event.end_mark
        lines = self.text.split("\n")
        offset = sum(len(line) + 1 for line in lines[: start.line]) + start.column
        stop = sum(len(line) + 1 for line in lines[: end.line]) + end.column
        raw = self.text[offset:stop]
        index = _escape_index(raw, char)
        at = offset + (index if index is not None else 0)
        line = self.text.count("\n", 0, at)
        escaped = index is not None and raw[index] == "\\"
        return line + 1, at - (self.text.rfind("\n", 0, at) + 1) + 1, escaped

    def _construct(self, tag: str, event: Any) -> Any:
        """The Python value of a scalar with a safe tag; a clear error when the text does not fit the tag."""
        if tag in _NUMBER_TAGS and len(event.value) > MAX_NUMBER_CHARS:
            raise YamlLoadError(
                f"this number is {len(event.value):,} characters long; numbers in a scenario are short — quote it "
                "if it is meant as text",
                *_where(event),
            )
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.yaml_constructors[tag](self.loader, node)
        except Exception:  # PyYAML raises ValueError, KeyError or AttributeError on odd text
            shown = printable(event.value)
            if tag.endswith("timestamp"):
                problem = f"`{shown}` looks like a date but is not a real one; write dates as YYYY-MM-DD"
            else:
                problem = f"`{shown}` cannot be read as {_show_tag(tag)}; remove the tag or fix the value"
            raise YamlLoadError(problem, *_where(event)) from None

    def _start(self, event: Any) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        if event.tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
            raise _tag_error(event.tag, event)
        if len(self.stack) >= MAX_DEPTH:
            raise _depth_error(event)
        self._count(1, event)
        if event.anchor is not None:
            self._check_anchor(event.anchor, event)
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(is_map, _mark(event, self._key()), event.anchor))

    def _end(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.is_map and frame.merges:
            self._apply_merges(frame)
        if frame.anchor is not None:
            self.open_anchors.discard(frame.anchor)
        node = _Node(frame.value, frame.mark, frame.children, frame.size, frame.height)
        self._finish(node, frame.anchor, event)

    def _alias(self, event: Any) -> None:
        name = event.anchor
        if name in self.open_anchors:
            raise YamlLoadError(
                f"the alias '*{name}' is used inside the value it names, which would loop forever; remove it",
                *_where(event),
            )
        target = self.anchors.get(name)
        if target is None:
            raise YamlLoadError(
                f"unknown alias '*{name}': define it first with '&{name}' on an earlier value", *_where(event)
            )
        if len(self.stack) + target.height > MAX_DEPTH:
            raise _depth_error(event)
        self._count(target.size, event)
        old = target.mark
        key_line, key_col, key_text = self._key()
        mark = Mark(*_where(event), key_line, key_col, old.plain, old.text, old.multiline, old.style, key_text)
        self._finish(_Node(target.value, mark, target.children, target.size, target.height, target.merge), None, event)

    def _key(self) -> tuple[int | None, int | None, str | None]:
        """Position and text of the key whose value the next node is, if it is a mapping value."""
        if self.stack:
            key = self.stack[-1].key
            if key is not None:
                return key.mark.line, key.mark.col, key.mark.text
        return _NO_KEY

    def _check_anchor(self, name: str, event: Any) -> None:
        first = self.anchors.get(name)
        if first is not None or name in self.open_anchors:
            at = f" (first at line {first.mark.line})" if first is not None else ""
            raise YamlLoadError(
                f"the anchor '&{name}' is defined twice{at}; give each anchor its own name", *_where(event)
            )

    def _finish(self, node: _Node, anchor: str | None, event: Any) -> None:
        """Register a completed node under its anchor and hand it to the enclosing list or mapping."""
        if anchor is not None and isinstance(event, yaml.ScalarEvent):
            self._check_anchor(anchor, event)
        if anchor is not None:
            self.anchors[anchor] = node
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        frame.size += node.size
        frame.height = max(frame.height, node.height + 1)
        if not frame.is_map:
            frame.value.append(node.value)
            frame.children.append(node)
        elif frame.key is None:
            self._check_key(node)
            frame.key = node
        else:
            key, frame.key = frame.key, None
            self._add_entry(frame, key, node)

    def _check_key(self, key: _Node) -> None:
        if isinstance(key.value, (list, dict)):
            raise YamlLoadError(
                "a field name must be a single word or text, not a list or mapping; check the line for a stray "
                "'[', '{' or '?'",
                key.mark.line,
                key.mark.col,
            )

    def _add_entry(self, frame: _Frame, key: _Node, node: _Node) -> None:
        if key.merge:
            frame.merges.append(node)
            return
        name = key.value
        first = frame.seen.get(name)
        if first is not None:
            raise YamlLoadError(
                f"duplicate key '{printable(str(key.mark.text))}' (first at line {first}); remove one of them or "
                "rename it",
                key.mark.line,
                key.mark.col,
            )
        frame.seen[name] = key.mark.line
        frame.value[name] = node.value
        frame.children[name] = node

    def _apply_merges(self, frame: _Frame) -> None:
        """YAML 1.1 merge keys (`<<: *defaults`): copy in the fields the mapping does not set itself."""
        sources: list[_Node] = []
        for merge in frame.merges:
            items = merge.children if isinstance(merge.value, list) else [merge]
            for item in items:
                if not isinstance(item.value, dict):
                    raise YamlLoadError(
                        "'<<' merges fields from another mapping, like `<<: *defaults`; this is not a mapping — "
                        "point it at one",
                        item.mark.line,
                        item.mark.col,
                    )
                sources.append(item)
        for source in sources:
            for name, child in source.children.items():
                if name not in frame.value:
                    frame.value[name] = child.value
                    frame.children[name] = child


_CONTROL_WORDS = {"\t": "tab", "\n": "line break"}
_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                   "r": "\r", "e": "\x1b", "N": "\x85"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile("[0-9A-Fa-f]+")


def _escape_index(raw: str, char: str) -> int | None:
    """Where in a scalar's source `char` comes from: the escape that writes it, or the character itself."""
    i = 0
    while i < len(raw) - 1:
        if raw[i] != "\\":
            i += 1
            continue
        code = raw[i + 1]
        width = _HEX_ESCAPES.get(code)
        if width is not None:
            digits = raw[i + 2 : i + 2 + width]
            value = int(digits, 16) if len(digits) == width and _HEX.fullmatch(digits) else -1
            made = chr(value) if 0 <= value <= 0x10FFFF else None
        else:
            made = _SIMPLE_ESCAPES.get(code)
        if made == char:
            return i
        i += 2
    found = raw.find(char)
    return found if found >= 0 else None


def _flatten(root: _Node) -> Marks:
    """The mark of every path under `root`, walking without recursion."""
    marks: Marks = {}
    todo: list[tuple[tuple, _Node]] = [((), root)]
    while todo:
        path, node = todo.pop()
        marks[path] = node.mark
        children = node.children
        if isinstance(children, dict):
            todo.extend((path + (k,), c) for k, c in children.items())
        elif children:
            todo.extend((path + (i,), c) for i, c in enumerate(children))
    return marks


def _tag_error(tag: str, event: Any) -> YamlLoadError:
    return YamlLoadError(
        f"the tag '{_show_tag(tag)}' is not allowed: a scenario file may hold only text, numbers, true/false, "
        "dates, lists and mappings; remove the tag",
        *_where(event),
    )


def _depth_error_text() -> str:
    return (
        f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; a scenario never needs that many — "
        "look for unclosed '[' or '{'"
    )


def _depth_error(event: Any) -> YamlLoadError:
    return YamlLoadError(_depth_error_text(), *_where(event))


_SYNTAX_HINTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), hint)
    for pattern, hint in (
        (
            r"mapping values are not allowed",
            "a ': ' is not allowed here; if this value contains ': ', put the whole value in quotes, otherwise "
            "check the indentation",
        ),
        (
            r"could not find expected ':'",
            "expected `name: value` on this line; check for a missing ':' or a value that runs over onto the "
            "next line (quote it)",
        ),
        (r"found character '\\t'|tab character", "a tab character is not allowed here; indent YAML with spaces"),
        (r"unexpected end of stream", "the file ends inside a quoted value or a bracket; close it"),
        (
            r"did not find expected key|expected <block end>",
            "this line does not line up with the fields above it; check its indentation",
        ),
        (r"expected '-' indicator", "this line does not line up with the list items above it; check its indentation"),
        (r"block sequence entries are not allowed", "a '- ' list item is not allowed here; check the indentation"),
        (r"',' or ']'", "a list in [ ] is not closed properly; check for a missing ',' or ']'"),
        (r"',' or '}'", "a mapping in { } is not closed properly; check for a missing ',' or '}'"),
        (
            r"unknown escape character",
            "unknown escape sequence in a double-quoted value; write \\\\ for a backslash or use single quotes",
        ),
        (
            r"while scanning an? (alias|anchor)",
            "'*' and '&' start aliases and anchors in YAML; put the value in quotes",
        ),
        (r"while scanning a directive", "a line starting with '%' is a YAML directive; remove it or quote the value"),
        (r"\btag\b", "a '!' starts a YAML tag, which scenario files do not use; put the value in quotes"),
    )
)


def _hint(problem: str) -> str | None:
    """The plain-language hint for a PyYAML problem text, if one is known."""
    for pattern, hint in _SYNTAX_HINTS:
        if pattern.search(problem):
            return hint
    return None


def _char_at(text: str, mark: Any) -> str:
    """The character at a PyYAML mark, or '' when the mark is past the text."""
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlLoadError:
    """A plain-language YamlLoadError for a PyYAML scanner or parser error."""
    problem = exc.problem or "this is not valid YAML"
    char = _char_at(text, exc.problem_mark)
    if "cannot start any token" in problem and char and char != "\t":
        line, col = exc.problem_mark.line + 1, exc.problem_mark.column + 1
        return YamlLoadError(f"a value cannot start with '{char}' in YAML; put the whole value in quotes", line, col)
    if char == "\t":
        problem = "tab character"
    mark = exc.problem_mark or exc.context_mark
    if "nesting depth" in problem and mark is not None:
        # newer libyaml (PyYAML 6.0.4+) has a depth limit of its own; whichever parser stops first, say it our way
        return YamlLoadError(_depth_error_text(), mark.line + 1, mark.column + 1)
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        mark = exc.context_mark
    if "unexpected end of stream" in problem and exc.context_mark is not None:
        mark = exc.context_mark
    message = _hint(problem) or _hint(exc.context or "")
    if message is None:
        shown = printable(" ".join(problem.split()), 120)
        message = f"this is not valid YAML ({shown}); check the indentation, colons and quotes"
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return YamlLoadError(message, line, col)
