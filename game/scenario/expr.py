"""The scenario expression language: conditions and effects, parsed and compiled once at load time.

A condition reads the game state, e.g. ``usa_ussr.rung >= 4 and not quarantine``; an effect changes one value,
e.g. ``usa.hostility -= 0.1``. Text is tokenized and parsed by hand (no eval, exec or ast) into a small tree,
names are checked against the scenario's `Symbols`, constant sub-trees are folded, and `Expression.bind` turns
the tree into a function that the engine calls every turn (written out from the tree, see _Writer).

Semantics, chosen so that evaluation can never raise:
- Numbers are floats. ``true``/``false`` are the numbers 1 and 0 (arithmetic on them is allowed).
  Comparisons, ``and``, ``or`` and ``not`` return bools; any non-zero value counts as true.
- A date literal ``1962-10-24`` is the date's proleptic ordinal (`datetime.date.toordinal`), so it compares
  with the global ``date``.
- Division by zero gives 0.0 instead of an error.
- ``clamp(x, lo, hi)`` is ``min(max(x, lo), hi)``: when lo > hi the result is hi.
- Comparisons do not chain: ``a < b < c`` is an error.
- ``A if C else B`` is A when C holds, else B (Python's order, loosest of all operators); in an effect,
  ``NAME op VALUE if C`` without ``else`` applies the effect only when C holds (a guard, see `Effect.guard`).
- ``escalate``, ``hold`` and ``settle`` are the numbers 1, 0 and -1, the words of a party's ``intention``
  (unless the scenario gives one of those names to a variable of its own).

Hostile input is bounded: at most 2000 characters and 64 levels of nesting, and every problem is reported as
an `ExprError` with a 0-based character offset, never raised out of `compile_expression`/`compile_effect`.
State values given to the bound closures should be floats, bools or ints of ordinary size.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from .diagnostics import did_you_mean
from .names import (
    FUNCTIONS,
    GLOBALS,
    GLOBALS_SETTABLE,
    INTENTIONS,
    NAMESPACES,
    PAIR_ATTRS,
    PAIR_SETTABLE,
    PARTY_ATTRS,
)

if TYPE_CHECKING:
    from .model import Scenario

__all__ = [
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Effect",
    "ExprError",
    "Expression",
    "Ref",
    "Symbols",
    "compile_effect",
    "compile_expression",
]

Ref = tuple[str, str | None, str | None]
Getter = Callable[[Any], Any]

MAX_LENGTH = 2000
MAX_DEPTH = 64
# Bound on the parser's own recursion (several frames per nesting level), well inside Python's default limit.
_MAX_LEVEL = 4 * MAX_DEPTH

EFFECT_OPS: tuple[str, ...] = ("=", "+=", "-=", "*=")


class ExprError(Exception):
    """One problem in an expression: a plain-language message and the 0-based offset of the offending token."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message, offset)
        self.message = message
        self.offset = offset

    def __str__(self) -> str:
        return self.message


def _freeze_map(values: Mapping[str, Any], convert: Callable[[Any], Any]) -> Mapping[str, Any]:
    return MappingProxyType({k: convert(v) for k, v in values.items()})


@dataclass(frozen=True)
class Symbols:
    """The names a scenario defines, against which expressions are checked."""

    parties: frozenset[str] = frozenset()
    pairs: frozenset[str] = frozenset()
    variables: Mapping[str, str] = field(default_factory=dict)  # name -> 'number' | 'bool'
    council: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    proposals: frozenset[str] = frozenset()
    choices: Mapping[str, frozenset[str]] = field(default_factory=dict)  # event id -> its choice ids

    def __post_init__(self) -> None:
        for name in ("parties", "pairs", "council", "events", "instruments", "proposals"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "variables", _freeze_map(self.variables, str))
        object.__setattr__(self, "choices", _freeze_map(self.choices, frozenset))

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> Symbols:
        """Collect the ids a scenario defines; instruments are known by `Instrument.key`, tracks as variables."""
        return cls(
            parties=frozenset(p.id for p in scenario.parties),
            pairs=frozenset(p.id for p in scenario.pairs),
            variables={
                **{k: "bool" if isinstance(v, bool) else "number" for k, v in scenario.variables.items()},
                **{t.id: "number" for t in scenario.tracks},
            },
            council=frozenset(m.id for m in scenario.council),
            events=frozenset(e.id for e in scenario.events),
            instruments=frozenset(i.key for i in scenario.instruments),
            proposals=frozenset(p.id for p in scenario.proposals),
            choices={e.id: frozenset(c.id for c in e.choices) for e in scenario.events},
        )


# --------------------------------------------------------------------------------------------------- tokens

_DIGITS = frozenset("0123456789")
_IDENT_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_IDENT = _IDENT_START | _DIGITS
_KEYWORDS = frozenset({"and", "or", "not", "true", "false", "if", "else"})
_OPS2 = frozenset({"<=", ">=", "==", "!=", "+=", "-=", "*=", "/="})
_OPS1 = frozenset("<>+-*/(),=")
_HINTS2 = {
    "&&": "write 'and' instead of '&&'",
    "||": "write 'or' instead of '||'",
    "**": "there is no power operator; multiply instead, e.g. x * x",
    "//": "there is no '//' operator; use '/' to divide",
    "=>": "write '>=' instead of '=>'",
    "=<": "write '<=' instead of '=<'",
    "<>": "write '!=' for 'is not equal to'",
}
_HINTS1 = {
    "&": "write 'and' instead of '&'",
    "|": "write 'or' instead of '|'",
    "!": "write 'not' instead of '!'",
    "^": "there is no power operator; multiply instead, e.g. x * x",
    "%": "there is no remainder operator '%'",
    '"': "text in quotes is not allowed in an expression",
    "'": "text in quotes is not allowed in an expression",
    "[": "use '(' and ')' for grouping",
    "]": "use '(' and ')' for grouping",
    "{": "use '(' and ')' for grouping",
    "}": "use '(' and ')' for grouping",
    ";": "write one effect per line, not several separated by ';'",
}


class _Tok:
    """A token: kind is 'num', 'date', 'name', 'kw', 'op' or 'end'."""

    __slots__ = ("kind", "offset", "parts", "text", "value")

    def __init__(self, kind: str, text: str, offset: int, value: float = 0.0, parts: tuple = ()) -> None:
        self.kind = kind
        self.text = text
        self.offset = offset
        self.value = value
        self.parts = parts  # for names: ((part, offset), ...)


def _show(text: str, limit: int = 40) -> str:
    """Text for a message, shortened when an author pasted something huge."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show_char(c: str) -> str:
    return f"'{c}'" if c.isprintable() else f"U+{ord(c):04X}"


def _scan_digits(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in _DIGITS:
        i += 1
    return i


def _tokenize(text: str) -> list[_Tok]:
    """Split the text into tokens; raises ExprError at the first character that cannot start one."""
    toks: list[_Tok] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in _IDENT_START:
            start = i
            parts = []
            while True:
                j = i
                while j < n and text[j] in _IDENT:
                    j += 1
                parts.append((text[i:j], i))
                if j < n and text[j] == ".":
                    if j + 1 < n and text[j + 1] in _IDENT_START:
                        i = j + 1
                        continue
                    raise ExprError(f"expected a name after '.' in '{_show(text[start : j + 1])}'", j)
                break
            word = text[start:j]
            kind = "kw" if len(parts) == 1 and word in _KEYWORDS else "name"
            toks.append(_Tok(kind, word, start, parts=tuple(parts)))
            i = j
        elif c in _DIGITS:
            i = _number(text, i, toks)
        elif c == ".":
            if text[i + 1 : i + 2] in _DIGITS:
                raise ExprError("a number needs a digit before the decimal point: write 0.5, not .5", i)
            raise ExprError("unexpected '.'; names are written without spaces, e.g. usa.hostility", i)
        else:
            pair = text[i : i + 2]
            if pair in _HINTS2:
                raise ExprError(_HINTS2[pair], i)
            if pair in _OPS2:
                toks.append(_Tok("op", pair, i))
                i += 2
            elif c in _OPS1:
                toks.append(_Tok("op", c, i))
                i += 1
            elif c in _HINTS1:
                raise ExprError(_HINTS1[c], i)
            else:
                message = f"unexpected character {_show_char(c)}; remove it (names use letters, digits and '_')"
                raise ExprError(message, i)
    toks.append(_Tok("end", "", n))
    return toks


def _number(text: str, i: int, toks: list[_Tok]) -> int:
    """Read a number or a YYYY-MM-DD date starting at i, append its token, return where it ends."""
    j = _scan_digits(text, i)
    if j - i == 4 and text[j : j + 1] == "-" and text[j + 1 : j + 2] in _DIGITS:
        k = _scan_digits(text, j + 1)
        if text[k : k + 1] == "-" and text[k + 1 : k + 2] in _DIGITS:
            e = _scan_digits(text, k + 1)
            literal = text[i:e]
            _check_follow(text, i, e, literal)
            if k - j != 3 or e - k != 3:
                raise ExprError(
                    f"write dates as YYYY-MM-DD with a two-digit month and day, e.g. 1962-10-04 "
                    f"(found '{_show(literal)}')",
                    i,
                )
            try:
                ordinal = dt.date(int(text[i:j]), int(text[j + 1 : k]), int(text[k + 1 : e])).toordinal()
            except ValueError as exc:
                raise ExprError(f"'{literal}' is not a real date ({exc})", i) from None
            toks.append(_Tok("date", literal, i, float(ordinal)))
            return e
    if text[j : j + 1] == ".":
        if text[j + 1 : j + 2] not in _DIGITS:
            raise ExprError(f"expected digits after the decimal point in '{_show(text[i : j + 1])}'; write e.g. 0.5", j)
        j = _scan_digits(text, j + 1)
    literal = text[i:j]
    _check_follow(text, i, j, literal)
    value = float(literal)
    if not math.isfinite(value):
        raise ExprError(f"the number '{_show(literal)}' is too large; use a smaller number, e.g. 1000000", i)
    toks.append(_Tok("num", literal, i, value))
    return j


def _check_follow(text: str, start: int, end: int, literal: str) -> None:
    follow = text[end : end + 1]
    if follow == ".":
        raise ExprError(f"unexpected '.' after the number '{_show(literal)}'; write one decimal point, e.g. 0.25", end)
    if follow in _IDENT:
        stop = end
        while stop < len(text) and text[stop] in _IDENT:
            stop += 1
        raise ExprError(
            f"'{_show(text[start:stop])}' is neither a number nor a name: names start with a letter, "
            "and a number needs an operator or a space before what follows",
            start,
        )


# --------------------------------------------------------------------------------------------------- tree

_CMP_OPS = frozenset({"<", "<=", ">", ">=", "==", "!="})
_ADD_OPS = frozenset({"+", "-"})
_MUL_OPS = frozenset({"*", "/"})
_OR_BP, _AND_BP, _NOT_BP, _CMP_BP, _ADD_BP, _MUL_BP, _NEG_BP = 10, 20, 30, 40, 50, 60, 70
_INFIX: dict[str, int] = {"or": _OR_BP, "and": _AND_BP, "+": _ADD_BP, "-": _ADD_BP, "*": _MUL_BP, "/": _MUL_BP}
_INFIX.update(dict.fromkeys(_CMP_OPS, _CMP_BP))


def _div_vv(a: Getter, b: Getter) -> Getter:
    def div(s: Any) -> Any:
        d = b(s)
        return a(s) / d if d else 0.0

    return div


def _div_vc(a: Getter, c: Any) -> Getter:
    if not c:
        return lambda s: 0.0
    return lambda s: a(s) / c


def _div_cv(c: Any, b: Getter) -> Getter:
    def div(s: Any) -> Any:
        d = b(s)
        return c / d if d else 0.0

    return div


# op -> (both sides read state, constant right side, constant left side)
_BINARY: dict[str, tuple[Callable[..., Getter], Callable[..., Getter], Callable[..., Getter]]] = {
    "+": (lambda a, b: lambda s: a(s) + b(s), lambda a, c: lambda s: a(s) + c, lambda c, b: lambda s: c + b(s)),
    "-": (lambda a, b: lambda s: a(s) - b(s), lambda a, c: lambda s: a(s) - c, lambda c, b: lambda s: c - b(s)),
    "*": (lambda a, b: lambda s: a(s) * b(s), lambda a, c: lambda s: a(s) * c, lambda c, b: lambda s: c * b(s)),
    "/": (_div_vv, _div_vc, _div_cv),
    "<": (lambda a, b: lambda s: a(s) < b(s), lambda a, c: lambda s: a(s) < c, lambda c, b: lambda s: c < b(s)),
    "<=": (lambda a, b: lambda s: a(s) <= b(s), lambda a, c: lambda s: a(s) <= c, lambda c, b: lambda s: c <= b(s)),
    ">": (lambda a, b: lambda s: a(s) > b(s), lambda a, c: lambda s: a(s) > c, lambda c, b: lambda s: c > b(s)),
    ">=": (lambda a, b: lambda s: a(s) >= b(s), lambda a, c: lambda s: a(s) >= c, lambda c, b: lambda s: c >= b(s)),
    "==": (lambda a, b: lambda s: a(s) == b(s), lambda a, c: lambda s: a(s) == c, lambda c, b: lambda s: c == b(s)),
    "!=": (lambda a, b: lambda s: a(s) != b(s), lambda a, c: lambda s: a(s) != c, lambda c, b: lambda s: c != b(s)),
}


def _normal(value: Any) -> float | bool:
    """A folded constant as the language sees it: a bool stays a bool, anything else becomes a float."""
    return value if isinstance(value, bool) else float(value)


class _Node:
    """A node of the parsed tree. `build` returns a closure state -> value; `get` maps a Ref to its getter.

    `depth` counts the operators on the longest path down to a leaf; it is capped at MAX_DEPTH.
    """

    __slots__ = ("depth", "offset")
    is_bool = False

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        raise NotImplementedError


class _Const(_Node):
    __slots__ = ("value",)

    def __init__(self, value: float | bool, offset: int) -> None:
        self.value = value
        self.offset = offset
        self.depth = 0

    @property
    def is_bool(self) -> bool:  # type: ignore[override]
        return isinstance(self.value, bool)

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        value = self.value
        return lambda s: value


class _Name(_Node):
    __slots__ = ("ref",)

    def __init__(self, ref: Ref, offset: int) -> None:
        self.ref = ref
        self.offset = offset
        self.depth = 0

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        assert get is not None
        return get(self.ref)


class _Neg(_Node):
    __slots__ = ("operand",)

    def __init__(self, operand: _Node, offset: int) -> None:
        self.operand = operand
        self.offset = offset
        self.depth = operand.depth + 1

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        f = self.operand.build(get)
        return lambda s: -f(s)


class _Not(_Node):
    __slots__ = ("operand",)
    is_bool = True

    def __init__(self, operand: _Node, offset: int) -> None:
        self.operand = operand
        self.offset = offset
        self.depth = operand.depth + 1

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        f = self.operand.build(get)
        return lambda s: not f(s)


def _pair(op: str, left: _Node, right: _Node, get: Callable[[Ref], Getter] | None) -> Getter:
    """A two-operand closure, with the constant side captured as a value rather than called."""
    both, const_right, const_left = _BINARY[op]
    if isinstance(right, _Const):
        return const_right(left.build(get), right.value)
    if isinstance(left, _Const):
        return const_left(left.value, right.build(get))
    return both(left.build(get), right.build(get))


class _Compare(_Node):
    __slots__ = ("left", "op", "right")
    is_bool = True

    def __init__(self, op: str, left: _Node, right: _Node, offset: int) -> None:
        self.op = op
        self.left = left
        self.right = right
        self.offset = offset
        self.depth = max(left.depth, right.depth) + 1

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        return _pair(self.op, self.left, self.right, get)


class _Arith(_Node):
    """A left-associative chain of '+'/'-' or of '*'/'/', kept flat so long sums do not nest deeply."""

    __slots__ = ("first", "rest")

    def __init__(self, first: _Node, op: str, right: _Node, offset: int) -> None:
        self.first = first
        self.rest: list[tuple[str, _Node]] = [(op, right)]
        self.offset = offset
        self.depth = max(first.depth, right.depth) + 1

    def extend(self, op: str, right: _Node) -> None:
        self.rest.append((op, right))
        self.depth = max(self.depth, right.depth + 1)

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        if len(self.rest) == 1:
            op, right = self.rest[0]
            return _pair(op, self.first, right, get)
        first = self.first.build(get)
        rest = tuple((op, node.build(get)) for op, node in self.rest)

        def chain(s: Any) -> Any:
            acc = first(s)
            for op, g in rest:
                v = g(s)
                if op == "+":
                    acc = acc + v
                elif op == "-":
                    acc = acc - v
                elif op == "*":
                    acc = acc * v
                else:
                    acc = acc / v if v else 0.0
            return acc

        return chain


class _Logic(_Node):
    """A flat chain of 'and' or of 'or'; always evaluates to a bool, short-circuiting."""

    __slots__ = ("items", "op")
    is_bool = True

    def __init__(self, op: str, left: _Node, right: _Node, offset: int) -> None:
        self.op = op
        self.items = [left, right]
        self.offset = offset
        self.depth = max(left.depth, right.depth) + 1

    def extend(self, right: _Node) -> None:
        self.items.append(right)
        self.depth = max(self.depth, right.depth + 1)

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        fs = tuple(item.build(get) for item in self.items)
        bools = all(item.is_bool for item in self.items)
        if len(fs) == 2:
            a, b = fs
            if self.op == "and":
                return (lambda s: a(s) and b(s)) if bools else (lambda s: bool(a(s) and b(s)))
            return (lambda s: a(s) or b(s)) if bools else (lambda s: bool(a(s) or b(s)))
        if self.op == "and":

            def every(s: Any) -> bool:
                for f in fs:  # noqa: SIM110 - a loop allocates nothing per call, unlike all(generator)
                    if not f(s):
                        return False
                return True

            return every

        def some(s: Any) -> bool:
            for f in fs:  # noqa: SIM110 - a loop allocates nothing per call, unlike any(generator)
                if f(s):
                    return True
            return False

        return some


class _Call(_Node):
    __slots__ = ("args", "name")

    def __init__(self, name: str, args: list[_Node], offset: int) -> None:
        self.name = name
        self.args = args
        self.offset = offset
        self.depth = max(a.depth for a in args) + 1

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        name, args = self.name, self.args
        if name == "abs":
            x = args[0].build(get)
            return lambda s: abs(x(s))
        if name == "clamp":
            x = args[0].build(get)
            lo_node, hi_node = args[1], args[2]
            if isinstance(lo_node, _Const) and isinstance(hi_node, _Const):
                lo_c, hi_c = lo_node.value, hi_node.value
                return lambda s: min(max(x(s), lo_c), hi_c)
            lo, hi = lo_node.build(get), hi_node.build(get)
            return lambda s: min(max(x(s), lo(s)), hi(s))
        fn = min if name == "min" else max
        if len(args) == 2:
            a_node, b_node = args
            a = a_node.build(get)
            if isinstance(b_node, _Const):
                c = b_node.value
                return lambda s: fn(a(s), c)
            b = b_node.build(get)
            return lambda s: fn(a(s), b(s))
        fs = tuple(arg.build(get) for arg in args)
        return lambda s: fn([f(s) for f in fs])


class _IfElse(_Node):
    """`then if cond else other`: one of two values, chosen by a condition when the expression is read."""

    __slots__ = ("cond", "other", "then")

    def __init__(self, then: _Node, cond: _Node, other: _Node, offset: int) -> None:
        self.then = then
        self.cond = cond
        self.other = other
        self.offset = offset
        self.depth = max(then.depth, cond.depth, other.depth) + 1

    @property
    def is_bool(self) -> bool:  # type: ignore[override]
        return self.then.is_bool and self.other.is_bool

    def build(self, get: Callable[[Ref], Getter] | None) -> Getter:
        c, a, b = self.cond.build(get), self.then.build(get), self.other.build(get)
        return lambda s: a(s) if c(s) else b(s)


_UNKNOWN = object()  # what partial evaluation gives for a value it cannot know


def _children(node: _Node) -> tuple[_Node, ...]:
    if isinstance(node, (_Neg, _Not)):
        return (node.operand,)
    if isinstance(node, _Compare):
        return (node.left, node.right)
    if isinstance(node, _Arith):
        return (node.first, *(n for _, n in node.rest))
    if isinstance(node, _Logic):
        return tuple(node.items)
    if isinstance(node, _Call):
        return tuple(node.args)
    if isinstance(node, _IfElse):
        return (node.then, node.cond, node.other)
    return ()


def _partial(node: _Node, known: Mapping[Ref, Any]) -> Any:
    """The node's value when only the names in `known` are known, or _UNKNOWN when it depends on others."""
    if isinstance(node, _Const):
        return node.value
    if isinstance(node, _Name):
        return known.get(node.ref, _UNKNOWN)
    if isinstance(node, _Logic):
        values = [_partial(item, known) for item in node.items]
        decided = [bool(v) for v in values if v is not _UNKNOWN]
        if node.op == "and":
            return False if not all(decided) else True if len(decided) == len(values) else _UNKNOWN
        return True if any(decided) else False if len(decided) == len(values) else _UNKNOWN
    if isinstance(node, _IfElse):
        cond = _partial(node.cond, known)
        if cond is not _UNKNOWN:
            return _partial(node.then if cond else node.other, known)
        a, b = _partial(node.then, known), _partial(node.other, known)
        return a if a is not _UNKNOWN and b is not _UNKNOWN and a == b else _UNKNOWN
    values = [_partial(child, known) for child in _children(node)]
    if any(v is _UNKNOWN for v in values):
        return _UNKNOWN
    consts = [_Const(_normal(v), node.offset) for v in values]
    return _normal(_rebuilt(node, consts).build(None)(None))


def _rebuilt(node: _Node, children: list[_Const]) -> _Node:
    """A copy of an operator node over constant children, to evaluate it once."""
    if isinstance(node, _Neg):
        return _Neg(children[0], node.offset)
    if isinstance(node, _Not):
        return _Not(children[0], node.offset)
    if isinstance(node, _Compare):
        return _Compare(node.op, children[0], children[1], node.offset)
    if isinstance(node, _Arith):
        copy = _Arith(children[0], node.rest[0][0], children[1], node.offset)
        for (op, _), child in zip(node.rest[1:], children[2:], strict=True):
            copy.extend(op, child)
        return copy
    assert isinstance(node, _Call)
    return _Call(node.name, list(children), node.offset)


def _fold(node: _Node) -> _Const:
    """Evaluate a sub-tree that reads no names, once, at compile time."""
    return _Const(_normal(node.build(None)(None)), node.offset)


# --------------------------------------------------------------------------------------------------- names


def _hint(name: str, candidates: Iterable[str]) -> str:
    """A did-you-mean suffix, also catching a name typed in the wrong case."""
    options = sorted(set(candidates))
    lower = name.lower()
    if lower != name and lower in options:
        return f" — did you mean '{lower}'?"
    return did_you_mean(name, options)


def _hint_with_list(name: str, candidates: tuple[str, ...], what: str) -> str:
    """A did-you-mean suffix followed by the full list of valid attributes."""
    close = _hint(name, candidates)
    listing = f"{what}: {', '.join(candidates)}"
    if close.startswith(" — did you mean"):
        return f"{close} ({listing})"
    return f" — {listing}"


def _example(ids: Iterable[str], fallback: str) -> str:
    return min(ids, default=fallback)


_NAMESPACE_KINDS = {
    "council": ("council", "Council member"),
    "fired": ("events", "event"),
    "used": ("instruments", "instrument"),
    "in_field": ("instruments", "instrument"),
    "accepted": ("proposals", "proposal"),
}
_READ_ONLY_WHY = {
    "turn": "the calendar sets it",
    "turns_left": "the calendar sets it",
    "date": "the calendar sets it",
    "envoys_free": "it follows from the envoys in use",
    "attention_free": "it follows from the initiatives under way",
    "max_rung": "it follows from every pair's pressure",
    "rung": "the ladder derives it from pressure",
    "fired": "the game records it",
    "used": "the game records it",
    "in_field": "the game records it",
    "accepted": "the game records it",
    "chose": "the game records it",
}


def _resolve(tok: _Tok, symbols: Symbols) -> tuple[Ref | None, list[ExprError]]:
    """The Ref a name token stands for, or the problems that prevent it from standing for one."""
    parts = tok.parts
    head, head_at = parts[0]
    full = _show(tok.text)
    if len(parts) == 1:
        return _resolve_bare(head, head_at, symbols)
    second, second_at = parts[1]
    if head in NAMESPACES:
        if head == "chose":
            return _resolve_chose(tok, symbols)
        if len(parts) > 2:
            return None, [ExprError(f"'{full}' has too many parts; write {head}.ID", parts[2][1])]
        field_name, noun = _NAMESPACE_KINDS[head]
        ids = getattr(symbols, field_name)
        if second in ids:
            return (head, second, None), []
        return None, [ExprError(f"unknown {noun} '{_show(second)}'" + _hint(second, ids), second_at)]
    if head in symbols.parties or head in symbols.pairs:
        is_party = head in symbols.parties
        attrs = PARTY_ATTRS if is_party else PAIR_ATTRS
        kind = "party" if is_party else "pair"
        if len(parts) > 2:
            message = f"'{full}' has too many parts; a {kind} attribute is written {kind.upper()}.ATTR"
            return None, [ExprError(message, parts[2][1])]
        if second in attrs:
            return (kind, head, second), []
        if is_party and second in PAIR_ATTRS:
            pair = _example(symbols.pairs, "PAIR")
            message = f"'{second}' belongs to a pair, not to the party '{head}'; e.g. {pair}.{second}"
            return None, [ExprError(message, second_at)]
        if not is_party and second in PARTY_ATTRS:
            party = _example(symbols.parties, "PARTY")
            message = f"'{second}' belongs to a party, not to the pair '{head}'; e.g. {party}.{second}"
            return None, [ExprError(message, second_at)]
        message = f"'{_show(second)}' is not an attribute of a {kind}"
        return None, [ExprError(message + _hint_with_list(second, attrs, f"a {kind} has"), second_at)]
    if head in GLOBALS or head in symbols.variables:
        return None, [ExprError(f"'{head}' has no parts; write just '{head}'", parts[1][1] - 1)]
    for field_name, namespace in (("events", "fired"), ("instruments", "used"), ("proposals", "accepted")):
        if head in getattr(symbols, field_name):
            message = f"'{head}' is not a party or pair; to ask about it, write {namespace}.{head}"
            return None, [ExprError(message, head_at)]
    candidates = set(symbols.parties) | set(symbols.pairs) | set(NAMESPACES)
    return None, [ExprError(f"unknown party or pair '{_show(head)}'" + _hint(head, candidates), head_at)]


def _resolve_chose(tok: _Tok, symbols: Symbols) -> tuple[Ref | None, list[ExprError]]:
    parts = tok.parts
    event, event_at = parts[1]
    if event not in symbols.events:
        return None, [ExprError(f"unknown event '{_show(event)}'" + _hint(event, symbols.events), event_at)]
    choices = symbols.choices.get(event, frozenset())
    if len(parts) == 2:
        example = f"chose.{event}.{_example(choices, 'CHOICE')}"
        message = f"'chose' needs an event and one of its choices, e.g. {example}"
        return None, [ExprError(message, tok.offset)]
    if len(parts) > 3:
        return None, [ExprError(f"'{_show(tok.text)}' has too many parts; write chose.EVENT.CHOICE", parts[3][1])]
    choice, choice_at = parts[2]
    if choice in choices:
        return ("chose", event, choice), []
    if not choices:
        return None, [ExprError(f"event '{event}' offers no choices", choice_at)]
    message = f"event '{event}' has no choice '{_show(choice)}'" + _hint(choice, choices)
    return None, [ExprError(message, choice_at)]


def _resolve_bare(name: str, at: int, symbols: Symbols) -> tuple[Ref | None, list[ExprError]]:
    if name in GLOBALS:
        return ("global", None, name), []
    if name in symbols.variables:
        return ("var", None, name), []
    shown = _show(name)
    if name in FUNCTIONS:
        message = f"'{name}' is a function; call it with values in parentheses, e.g. {name}(a, b)"
    elif name in NAMESPACES:
        example = "chose.EVENT.CHOICE" if name == "chose" else f"{name}.ID"
        message = f"'{name}' needs a name after it, e.g. {example}"
    elif name in symbols.parties:
        message = f"'{name}' is a party; name one of its attributes, e.g. {name}.hostility"
    elif name in symbols.pairs:
        message = f"'{name}' is a pair; name one of its attributes, e.g. {name}.pressure"
    elif name in symbols.events:
        message = f"'{name}' is an event; write fired.{name} to ask whether it has happened"
    elif name in symbols.instruments:
        message = f"'{name}' is an instrument; write used.{name} for how many times it was used"
    elif name in symbols.proposals:
        message = f"'{name}' is a proposal; write accepted.{name} to ask whether it was accepted"
    elif name in symbols.council:
        message = f"'{name}' is a Council member; write council.{name} for its support"
    elif name in PARTY_ATTRS:
        message = f"'{name}' belongs to a party; write PARTY.{name}, e.g. {_example(symbols.parties, 'usa')}.{name}"
    elif name in PAIR_ATTRS:
        message = f"'{name}' belongs to a pair; write PAIR.{name}, e.g. {_example(symbols.pairs, 'a_b')}.{name}"
    elif name in ("then", "when"):
        message = f"'{name}' is not part of the language: {_CONDITIONAL_FORM}"
    else:
        candidates = set(GLOBALS) | set(symbols.variables)
        message = f"'{shown}' is not a global or a scenario variable" + _hint(name, candidates)
    return None, [ExprError(message, at)]


_CONDITIONAL_FORM = (
    "to make a value depend on a condition write 'A if CONDITION else B', and to make an effect depend on one "
    "write 'NAME = VALUE if CONDITION'"
)
_IF_THEN = re.compile(r"if\s+(?P<cond>.+?)\s+then\s+(?P<a>.+?)\s+else\s+(?P<b>.+)", re.DOTALL)
_EFFECT_FIRST = re.compile(
    r"\s*(?P<word>if|when)\s+(?P<cond>.+?)\s*(?::|,|\bthen\b)\s*(?P<effect>[A-Za-z_][\w.]*\s*(?:\+=|-=|\*=|=)\s*.+?)\s*",
    re.DOTALL,
)


def _if_first_message(text: str) -> str:
    """For a value that starts with 'if': the form the language uses, rewritten from the author's text if it can."""
    message = "'if' comes after the value: write 'A if CONDITION else B', e.g. '0.3 if talks_open else 0.1'"
    match = _IF_THEN.fullmatch(text.strip())
    if match:
        message += f"; here: '{_show(match['a'] + ' if ' + match['cond'] + ' else ' + match['b'], 80)}'"
    return message


def _effect_first_message(text: str, symbols: Symbols) -> ExprError | None:
    """For an effect written 'if CONDITION: NAME = VALUE' (or with 'then', or 'when'): the form to write."""
    head = text.lstrip()
    if not re.match(r"(if|when)\b", head):
        return None
    at = len(text) - len(head)
    message = ("an effect starts with the name of what it changes; to make it depend on a condition, put the "
               "condition at the end: 'NAME = VALUE if CONDITION'")
    match = _EFFECT_FIRST.fullmatch(text)
    if match:
        suggestion = f"{match['effect']} if {match['cond']}"
        effect, errors = compile_effect(suggestion, symbols)
        if effect is not None and not errors:
            message += f"; here: '{_show(suggestion, 80)}'"
    return ExprError(message, at)


def _settable(ref: Ref) -> bool:
    kind, _, name = ref
    if kind in ("party", "var", "council"):
        return True
    if kind == "global":
        return name in GLOBALS_SETTABLE
    return kind == "pair" and name in PAIR_SETTABLE


def _settable_list(symbols: Symbols) -> str:
    items = [", ".join(GLOBALS_SETTABLE)]
    if symbols.variables:
        names = sorted(symbols.variables)
        more = ", …" if len(names) > 8 else ""
        items.append(f"the scenario variables ({', '.join(names[:8])}{more})")
    items.append("any party attribute (PARTY.ATTR)")
    items.append(", ".join(f"PAIR.{a}" for a in PAIR_SETTABLE))
    items.append("council.MEMBER")
    return "; ".join(items)


# --------------------------------------------------------------------------------------------------- parser


class _Parser:
    """A Pratt parser over the tokens; syntax errors raise, name problems are collected and parsing goes on."""

    def __init__(self, toks: list[_Tok], symbols: Symbols, start: int, effect: bool, text: str = "") -> None:
        self.toks = toks
        self.symbols = symbols
        self.pos = start
        self.effect = effect
        self.text = text
        self.guard: _Node | None = None  # an effect's `if CONDITION` without `else`
        self.guard_at = -1  # offset of that `if`
        self.errors: list[ExprError] = []
        self.seen: set[str] = set()
        self.refs: set[Ref] = set()
        self.nest = 0
        self.level = 0

    def problem(self, error: ExprError) -> None:
        if error.message not in self.seen:
            self.seen.add(error.message)
            self.errors.append(error)

    def too_deep(self, offset: int) -> ExprError:
        return ExprError(
            f"this expression is nested too deeply (more than {MAX_DEPTH} levels); split it into simpler parts",
            offset,
        )

    def enter(self, tok: _Tok) -> None:
        self.nest += 1
        if self.nest > MAX_DEPTH:
            raise self.too_deep(tok.offset)

    def make(self, node: _Node) -> _Node:
        if node.depth > MAX_DEPTH:
            raise self.too_deep(node.offset)
        return node

    def parse(self) -> _Node:
        node = self.conditional(guard=self.effect)
        tok = self.toks[self.pos]
        if tok.kind != "end":
            raise self.after_value(tok)
        return node

    def conditional(self, guard: bool = False) -> _Node:
        """`A if C else B`, the loosest form; with `guard` (an effect's value), also `A if C` at the very end."""
        value = self.expression(0)
        tok = self.toks[self.pos]
        if tok.kind != "kw" or tok.text != "if":
            return value
        self.pos += 1
        self.enter(tok)
        cond = self.expression(0)
        self.nest -= 1
        after = self.toks[self.pos]
        if after.kind == "kw" and after.text == "else":
            self.pos += 1
            self.enter(after)
            other = self.conditional()
            self.nest -= 1
            if isinstance(cond, _Const):
                return value if cond.value else other
            return self.make(_IfElse(value, cond, other, tok.offset))
        if guard and after.kind == "end":
            self.guard, self.guard_at = cond, tok.offset
            return value
        if after.kind == "end" or (after.kind == "op" and after.text in (",", ")")):
            raise self.missing_else(tok)
        raise self.after_value(after)

    def missing_else(self, tok: _Tok) -> ExprError:
        message = ("a value with 'if' needs 'else' and the value to use otherwise: write 'A if CONDITION else B', "
                   "e.g. '0.3 if talks_open else 0.1'")
        if not self.effect:
            message += ("; to make an effect depend on a condition, write it in the effects as "
                        "'NAME = VALUE if CONDITION'")
        else:
            message += "; only a whole effect may end with 'if CONDITION' alone"
        return ExprError(message, tok.offset)

    def expression(self, min_bp: int) -> _Node:
        self.level += 1
        if self.level > _MAX_LEVEL:
            raise self.too_deep(self.toks[self.pos].offset)
        left = self.prefix(min_bp)
        compared = ""
        while True:
            tok = self.toks[self.pos]
            bp = _INFIX.get(tok.text) if tok.kind in ("op", "kw") else None
            if bp is None or bp <= min_bp:
                self.level -= 1
                return left
            if bp == _CMP_BP:
                if compared:
                    raise ExprError(
                        f"comparisons cannot be chained: instead of 'a {compared} b {tok.text} c' write "
                        f"'a {compared} b and b {tok.text} c'",
                        tok.offset,
                    )
                compared = tok.text
            self.pos += 1
            right = self.expression(bp)
            left = self.binary(tok, left, right)

    def binary(self, tok: _Tok, left: _Node, right: _Node) -> _Node:
        op = tok.text
        both_const = isinstance(left, _Const) and isinstance(right, _Const)
        if op in _CMP_OPS:
            node: _Node = _Compare(op, left, right, tok.offset)
            return _fold(node) if both_const else self.make(node)
        if op in ("and", "or"):
            if isinstance(left, _Logic) and left.op == op:
                left.extend(right)
                return self.make(left)
            node = _Logic(op, left, right, tok.offset)
            return _fold(node) if both_const else self.make(node)
        family = _ADD_OPS if op in _ADD_OPS else _MUL_OPS
        if isinstance(left, _Arith) and left.rest[0][0] in family:
            left.extend(op, right)
            return self.make(left)
        node = _Arith(left, op, right, tok.offset)
        return _fold(node) if both_const else self.make(node)

    def prefix(self, min_bp: int) -> _Node:
        tok = self.toks[self.pos]
        kind = tok.kind
        if kind in ("num", "date"):
            self.pos += 1
            return _Const(tok.value, tok.offset)
        if kind == "name":
            self.pos += 1
            after = self.toks[self.pos]
            if after.kind == "op" and after.text == "(":
                return self.call(tok)
            return self.name(tok)
        if kind == "kw":
            if tok.text in ("true", "false"):
                self.pos += 1
                return _Const(tok.text == "true", tok.offset)
            if tok.text == "not":
                if min_bp > _NOT_BP:
                    prev = self.toks[self.pos - 1].text
                    raise ExprError(
                        f"'not' cannot come right after '{prev}'; put the 'not …' part in parentheses",
                        tok.offset,
                    )
                self.pos += 1
                self.enter(tok)
                operand = self.expression(_NOT_BP)
                self.nest -= 1
                if isinstance(operand, _Const):
                    return _Const(not operand.value, tok.offset)
                return self.make(_Not(operand, tok.offset))
        if kind == "op":
            if tok.text == "(":
                self.pos += 1
                self.enter(tok)
                inner = self.conditional()
                close = self.toks[self.pos]
                if close.kind == "op" and close.text == ")":
                    self.pos += 1
                    self.nest -= 1
                    return inner
                if close.kind == "end":
                    raise self.unclosed(tok)
                raise self.after_value(close)
            if tok.text == "-":
                self.pos += 1
                self.enter(tok)
                operand = self.expression(_NEG_BP)
                self.nest -= 1
                if isinstance(operand, _Const):
                    return _Const(_normal(-operand.value), tok.offset)
                return self.make(_Neg(operand, tok.offset))
        raise self.expected_value(tok)

    def name(self, tok: _Tok) -> _Node:
        word = tok.text
        if len(tok.parts) == 1 and word in INTENTIONS and not self._scenario_name(word):
            return _Const(INTENTIONS[word], tok.offset)
        ref, problems = _resolve(tok, self.symbols)
        for error in problems:
            self.problem(error)
        if ref is None:
            return _Const(0.0, tok.offset)
        self.refs.add(ref)
        return _Name(ref, tok.offset)

    def _scenario_name(self, name: str) -> bool:
        """True when the scenario uses `name` itself (an old file may call a variable 'hold')."""
        sym = self.symbols
        return name in sym.variables or name in sym.parties or name in sym.pairs

    def call(self, tok: _Tok) -> _Node:
        name = tok.text
        known = name in FUNCTIONS
        if not known:
            if len(tok.parts) == 1:
                self.problem(ExprError(f"unknown function '{_show(name)}'" + _hint(name, FUNCTIONS), tok.offset))
            else:
                functions = ", ".join(sorted(FUNCTIONS))
                self.problem(ExprError(f"'{_show(name)}' is not a function; the functions are {functions}", tok.offset))
        opening = self.toks[self.pos]
        self.pos += 1
        self.enter(opening)
        args: list[_Node] = []
        if self.toks[self.pos].kind == "op" and self.toks[self.pos].text == ")":
            self.pos += 1
        else:
            while True:
                args.append(self.conditional())
                sep = self.toks[self.pos]
                if sep.kind == "op" and sep.text in (",", ")"):
                    self.pos += 1
                    if sep.text == ")":
                        break
                    continue
                if sep.kind == "end":
                    raise self.unclosed(opening)
                raise self.after_value(sep, in_call=True)
        self.nest -= 1
        if not known:
            return _Const(0.0, tok.offset)
        low, high = FUNCTIONS[name]
        if not low <= len(args) <= high:
            wanted = f"exactly {low} value{'s' if low > 1 else ''}" if low == high else f"{low} to {high} values"
            given = f"{len(args)} {'was' if len(args) == 1 else 'were'} given"
            usage = "; e.g. clamp(x, 0, 1) keeps x between 0 and 1" if name == "clamp" else f"; give {name}() {wanted}"
            self.problem(ExprError(f"{name}() takes {wanted}, but {given}{usage}", tok.offset))
            return _Const(0.0, tok.offset)
        node = _Call(name, args, tok.offset)
        if all(isinstance(a, _Const) for a in args):
            return _fold(node)
        return self.make(node)

    def unclosed(self, opening: _Tok) -> ExprError:
        return ExprError(f"unclosed '(' opened at column {opening.offset + 1}; add the missing ')'", opening.offset)

    def expected_value(self, tok: _Tok) -> ExprError:
        if tok.kind == "kw" and tok.text == "if":
            return ExprError(_if_first_message(self.text[tok.offset :]), tok.offset)
        if tok.kind == "kw" and tok.text == "else":
            return ExprError("expected a value before 'else'; write 'A if CONDITION else B'", tok.offset)
        prev = self.toks[self.pos - 1] if self.pos > 0 else None
        if tok.kind == "end":
            if prev is None:
                return ExprError("the expression is empty; write a condition, e.g. 'usa_ussr.rung >= 4'", 0)
            message = f"expected a value after '{_show(prev.text)}'; add a number or a name, e.g. 0.5"
            return ExprError(message, prev.offset)
        shown = _show(tok.text)
        if prev is None:
            if tok.text in _INFIX or tok.text in EFFECT_OPS:
                return ExprError(f"expected a value before '{shown}'; add a number or a name before it", tok.offset)
            return ExprError(f"expected a value, found '{shown}'; write a number or a name here", tok.offset)
        if prev.text == "(" and tok.text == ")":
            return ExprError("nothing between '(' and ')'; expected a value", tok.offset)
        message = f"expected a value after '{_show(prev.text)}', found '{shown}'"
        if tok.text == "=" and prev.text in ("<", ">", "=", "!"):
            message += f" (write '{prev.text}=' without a space)"
        return ExprError(message, tok.offset)

    def after_value(self, tok: _Tok, in_call: bool = False) -> ExprError:
        """The error for a token that cannot follow a complete value."""
        text = tok.text
        prev = _show(self.toks[self.pos - 1].text)
        if tok.kind == "op":
            if text == "=":
                return ExprError("'=' compares nothing here; use '==' to compare", tok.offset)
            if text in ("+=", "-=", "*=", "/="):
                if self.effect:
                    return ExprError(f"'{text}' can only come right after the name an effect changes", tok.offset)
                return ExprError(
                    f"'{text}' changes a value and belongs in an effect, not in a condition; "
                    "a condition compares, e.g. 'prestige >= 50'",
                    tok.offset,
                )
            if text == ")":
                return ExprError("')' has no matching '('; remove it or add the '(' it closes", tok.offset)
            if text == ",":
                return ExprError("',' only separates the values given to a function, e.g. min(a, b)", tok.offset)
        if tok.kind == "kw" and text == "else":
            return ExprError("'else' needs an 'if' before it: write 'A if CONDITION else B'", tok.offset)
        if tok.kind == "name" and text in ("when", "then"):
            message = f"'{text}' is not part of the language: {_CONDITIONAL_FORM}"
            if text == "when" and self.text:
                message += f"; here: '{_show(self.text.replace(' when ', ' if ', 1), 80)}'"
            return ExprError(message, tok.offset)
        separator = "an operator or ','" if in_call else "an operator"
        if tok.kind in ("num", "date", "name") or text in ("(", "true", "false"):
            joined = f"{prev}, {_show(text)}" if in_call else f"{prev} >= {_show(text)}"
            message = f"missing {separator} between '{prev}' and '{_show(text)}'; e.g. '{joined}'"
            return ExprError(message, tok.offset)
        if text == "not":
            return ExprError("missing operator before 'not'; did you mean 'and not'?", tok.offset)
        if in_call:
            message = f"expected ',' or ')' after '{prev}', found '{_show(text)}'; separate values with ','"
            return ExprError(message, tok.offset)
        message = f"unexpected '{_show(text)}' after '{prev}'; join the parts with an operator such as 'and'"
        return ExprError(message, tok.offset)


# ----------------------------------------------------------------------------------------------- codegen
# `Expression.bind` writes the tree out as the body of one Python function rather than nesting a closure per
# node: a condition read every turn then costs one call instead of one per operator and name. The source is made
# from the tree only — fixed operators, float literals by repr (which reads back exactly), and names this module
# makes up for the getters, constants and keys it binds — never from the scenario's text. Every node computes
# exactly what its closure computes (the same operations on the same values, in the same order), so the two
# give the same bits; a tree the compiler refuses (too deep) keeps its closures.

Inline = Callable[[Ref], "tuple[str, Any] | None"]


def _dv(a: Any, d: Any) -> Any:
    """Division as the language defines it: by zero gives 0.0."""
    return a / d if d else 0.0


class _Writer:
    """Writes a tree as Python source, binding what it reads under names of its own."""

    def __init__(self, get: Callable[[Ref], Getter], inline: Inline | None) -> None:
        self.get, self.inline = get, inline
        self.names: dict[str, Any] = {"_dv": _dv, "min": min, "max": max, "abs": abs, "bool": bool}
        self.refs: dict[Ref, str] = {}

    def bind(self, value: Any, prefix: str) -> str:
        name = f"{prefix}{len(self.names)}"
        self.names[name] = value
        return name

    def const(self, value: Any) -> str:
        if isinstance(value, bool):
            return "True" if value else "False"
        if isinstance(value, float) and math.isfinite(value):
            return f"({value!r})"
        return self.bind(value, "_c")

    def name(self, ref: Ref) -> str:
        found = self.refs.get(ref)
        if found is None:
            how = self.inline(ref) if self.inline is not None else None
            if how is None:
                found = f"{self.bind(self.get(ref), '_g')}(s)"
            else:
                template, key = how
                found = template.format(key=self.bind(key, "_k")) if key is not None else template
            self.refs[ref] = found
        return found

    def write(self, node: _Node) -> str:
        if isinstance(node, _Const):
            return self.const(node.value)
        if isinstance(node, _Name):
            return self.name(node.ref)
        if isinstance(node, _Neg):
            return f"(-{self.write(node.operand)})"
        if isinstance(node, _Not):
            return f"(not {self.write(node.operand)})"
        if isinstance(node, _Compare):
            return self.pair(node.op, node.left, node.right)
        if isinstance(node, _Arith):
            return self.arith(node)
        if isinstance(node, _Logic):
            return self.logic(node)
        if isinstance(node, _Call):
            return self.call(node)
        if isinstance(node, _IfElse):
            return f"({self.write(node.then)} if {self.write(node.cond)} else {self.write(node.other)})"
        raise TypeError(f"no source for {type(node).__name__}")

    def pair(self, op: str, left: _Node, right: _Node) -> str:
        a, b = self.write(left), self.write(right)
        if op != "/":
            return f"({a} {op} {b})"
        if isinstance(right, _Const):
            return "(0.0)" if not right.value else f"({a} / {b})"
        return f"_dv({a}, {b})"

    def arith(self, node: _Arith) -> str:
        if len(node.rest) == 1:
            op, right = node.rest[0]
            return self.pair(op, node.first, right)
        acc = self.write(node.first)
        for op, right in node.rest:
            v = self.write(right)
            acc = f"_dv({acc}, {v})" if op == "/" else f"{acc} {op} {v}"  # left to right, as the chain adds up
        return f"({acc})"

    def logic(self, node: _Logic) -> str:
        joined = f" {node.op} ".join(self.write(item) for item in node.items)
        if len(node.items) == 2 and all(item.is_bool for item in node.items):
            return f"({joined})"
        return f"bool({joined})"

    def call(self, node: _Call) -> str:
        args = [self.write(a) for a in node.args]
        if node.name == "abs":
            return f"abs({args[0]})"
        if node.name == "clamp":
            return f"min(max({args[0]}, {args[1]}), {args[2]})"
        if len(args) == 2:
            return f"{node.name}({args[0]}, {args[1]})"
        return f"{node.name}([{', '.join(args)}])"


class _ArrayWriter(_Writer):
    """Writes a tree as Python source over arrays of many worlds at once (game/sim/arrays), from the same tree:
    `and`/`or`/`not` become elementwise logic on truth values, `A if C else B` a `where`, division by zero and
    min/max the language's own definitions elementwise. The elementwise helpers (`helpers`: where, div, min2,
    max2, abs, truth, num) come from the caller, so this module needs no array library. Each element gets the
    same operations on the same values in the same order as `_Writer`'s function does on one world."""

    def __init__(self, get: Callable[[Ref], Getter], inline: Inline | None, helpers: Mapping[str, Any]) -> None:
        super().__init__(get, inline)
        self.names.update({f"_{k}": v for k, v in helpers.items()})

    def num(self, node: _Node) -> str:
        """An operand of arithmetic: a truth value is counted as the number 1 or 0, as the language does."""
        text = self.write(node)
        return f"_num({text})" if node.is_bool else text

    def write(self, node: _Node) -> str:
        if isinstance(node, _Neg):
            return f"(-{self.num(node.operand)})"
        if isinstance(node, _Not):
            return f"(~_truth({self.write(node.operand)}))"
        if isinstance(node, _IfElse):
            return f"_where(_truth({self.write(node.cond)}), {self.write(node.then)}, {self.write(node.other)})"
        return super().write(node)

    def pair(self, op: str, left: _Node, right: _Node) -> str:
        if op in _CMP_OPS:
            return f"({self.write(left)} {op} {self.write(right)})"
        a, b = self.num(left), self.num(right)
        if op != "/":
            return f"({a} {op} {b})"
        if isinstance(right, _Const):
            return "(0.0)" if not right.value else f"({a} / {b})"
        return f"_div({a}, {b})"

    def arith(self, node: _Arith) -> str:
        if len(node.rest) == 1:
            op, right = node.rest[0]
            return self.pair(op, node.first, right)
        acc = self.num(node.first)
        for op, right in node.rest:
            v = self.num(right)
            acc = f"_div({acc}, {v})" if op == "/" else f"{acc} {op} {v}"
        return f"({acc})"

    def logic(self, node: _Logic) -> str:
        joiner = " & " if node.op == "and" else " | "
        return f"({joiner.join(f'_truth({self.write(item)})' for item in node.items)})"

    def call(self, node: _Call) -> str:
        args = [self.num(a) for a in node.args]
        if node.name == "abs":
            return f"_abs({args[0]})"
        if node.name == "clamp":
            return f"_min2(_max2({args[0]}, {args[1]}), {args[2]})"
        acc = args[0]
        for arg in args[1:]:  # min([a, b, c]) keeps the first of the smallest, as a left fold of two does
            acc = f"_{node.name}2({acc}, {arg})"
        return acc


def _generated(node: _Node, get: Callable[[Ref], Getter], inline: Inline | None,
               writer: _Writer | None = None) -> Getter | None:
    """The tree as one generated function of the state, or None when the compiler will not take it."""
    writer = writer or _Writer(get, inline)
    try:
        body = writer.write(node)
        code = compile(f"def _expression(s):\n    return {body}\n", "<expression>", "exec")
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return None
    space = dict(writer.names)
    exec(code, space)  # noqa: S102 - source written from the parsed tree by _Writer, not from the scenario's text
    return space["_expression"]


# --------------------------------------------------------------------------------------------------- API


@dataclass(frozen=True, eq=False)
class Expression:
    """A compiled expression: its text, the names it reads, its value if constant, and a way to bind it."""

    text: str
    refs: frozenset[Ref]
    constant: float | bool | None
    _node: _Node = field(repr=False)

    def bind(self, read: Callable[[Ref], Callable[[Any], Any]], inline: Inline | None = None
             ) -> Callable[[Any], Any]:
        """Turn the tree into a function of the state; read(ref) gives a getter state -> value. Called once per
        scenario. `inline(ref)`, where given, may instead say how the function reads `ref` itself: a Python
        expression over the state `s` (the value the getter gives, exactly), with `{key}` standing for a value
        it binds, or None for the getter (see _Writer)."""
        cache: dict[Ref, Getter] = {}

        def get(ref: Ref) -> Getter:
            getter = cache.get(ref)
            if getter is None:
                getter = cache[ref] = read(ref)
            return getter

        return _generated(self._node, get, inline) or self._node.build(get)

    def bind_arrays(self, read: Callable[[Ref], Callable[[Any], Any]], inline: Inline | None,
                    helpers: Mapping[str, Any]) -> Callable[[Any], Any] | None:
        """The tree as one function over many worlds at once (arrays, one element per world; see _ArrayWriter),
        or None when the compiler will not take it (the caller then plays those worlds one by one). `read` and
        `inline` say how it reads a name, as for `bind`; `helpers` are the elementwise functions it calls."""
        return _generated(self._node, read, inline, _ArrayWriter(read, inline, helpers))

    def closures(self, read: Callable[[Ref], Callable[[Any], Any]]) -> Callable[[Any], Any]:
        """The tree as nested closures, one per node: what `bind` generates, computed another way (the tests
        compare the two)."""
        return self._node.build(read)

    @property
    def tree(self) -> _Node:
        """The parsed tree, for readers that put an expression into words (see the node classes below)."""
        return self._node

    def facts(self) -> dict[Ref, bool]:
        """What holding this condition says about single names: `a and not fired.b` gives a true, fired.b false.
        Only names that stand alone (or under 'not') in a chain of 'and' count."""
        items = self._node.items if isinstance(self._node, _Logic) and self._node.op == "and" else [self._node]
        out: dict[Ref, bool] = {}
        for item in items:
            if isinstance(item, _Name):
                out[item.ref] = True
            elif isinstance(item, _Not) and isinstance(item.operand, _Name):
                out[item.operand.ref] = False
        return out

    def given(self, known: Mapping[Ref, Any]) -> float | bool | None:
        """The value when the names in `known` have those values, or None when it depends on other names too
        (`a and b` is false once `a` is known to be false). For the checks that look for intent gone wrong."""
        value = _partial(self._node, known)
        return None if value is _UNKNOWN else value


# The node classes of `Expression.tree`, under public names for code that walks the tree (game/present).
Const, Name, Neg, Not, Compare, Arith, Logic, Call = _Const, _Name, _Neg, _Not, _Compare, _Arith, _Logic, _Call


@dataclass(frozen=True, eq=False)
class Effect:
    """A compiled effect: set, add to, subtract from or multiply the target by the value; with a `guard`
    (written `NAME op VALUE if CONDITION`), only when the guard holds."""

    text: str
    target: Ref
    op: Literal["=", "+=", "-=", "*="]
    value: Expression
    guard: Expression | None = None


def _precheck(text: object, what: str) -> ExprError | None:
    if not isinstance(text, str):
        return ExprError(f"an {what} must be text", 0)
    if len(text) > MAX_LENGTH:
        return ExprError(
            f"this {what} is {len(text)} characters long; the limit is {MAX_LENGTH}, so split it up", MAX_LENGTH
        )
    return None


def _finish(parser: _Parser, text: str) -> tuple[Expression | None, list[ExprError]]:
    try:
        node = parser.parse()
    except ExprError as error:
        parser.errors.append(error)
    errors = sorted(parser.errors, key=lambda e: e.offset)
    if errors:
        return None, errors
    constant = node.value if isinstance(node, _Const) else None
    return Expression(text, frozenset(parser.refs), constant, node), []


def _tokens(text: str, what: str) -> tuple[list[_Tok], list[ExprError]]:
    """The tokens of `text`, or the one problem that stops it being tokenized at all."""
    problem = _precheck(text, what)
    if problem is not None:
        return [], [problem]
    try:
        return _tokenize(text), []
    except ExprError as error:
        return [], [error]


def compile_expression(text: str, symbols: Symbols) -> tuple[Expression | None, list[ExprError]]:
    """Parse and check a condition or value; returns the expression, or None and every problem found."""
    toks, problems = _tokens(text, "expression")
    if problems:
        return None, problems
    return _finish(_Parser(toks, symbols, 0, effect=False, text=text), text)


def compile_effect(text: str, symbols: Symbols) -> tuple[Effect | None, list[ExprError]]:
    """Parse and check an effect `TARGET op value`; returns the effect, or None and every problem found."""
    first = _effect_first_message(text, symbols) if isinstance(text, str) and len(text) <= MAX_LENGTH else None
    if first is not None:
        return None, [first]
    toks, problems = _tokens(text, "effect")
    if problems:
        return None, problems
    target_tok = toks[0]
    if target_tok.kind == "end":
        return None, [ExprError("the effect is empty; write e.g. 'prestige += 5'", 0)]
    if target_tok.kind != "name":
        message = f"an effect starts with the name of what it changes, e.g. 'prestige += 5', not '{target_tok.text}'"
        return None, [ExprError(message, target_tok.offset)]
    op_tok = toks[1]
    if op_tok.kind != "op" or op_tok.text not in EFFECT_OPS:
        return None, [_bad_effect_op(target_tok, op_tok)]
    errors: list[ExprError] = []
    target, problems = _resolve(target_tok, symbols)
    head = target_tok.parts[0][0]
    read_only = (target is not None and not _settable(target)) or (
        target is None and head in NAMESPACES and head != "council"
    )
    if read_only:
        why_key = head if head in NAMESPACES else target_tok.parts[-1][0]
        why = f" ({_READ_ONLY_WHY[why_key]})" if why_key in _READ_ONLY_WHY else ""
        message = f"'{_show(target_tok.text)}' is read-only{why}; an effect can set {_settable_list(symbols)}"
        errors.append(ExprError(message, target_tok.offset))
    else:
        errors.extend(problems)
    parser = _Parser(toks, symbols, 2, effect=True, text=text)
    value, value_errors = _finish(parser, text[toks[2].offset :].rstrip())
    errors.extend(value_errors)
    guard = None
    if value is not None and parser.guard is not None:
        value = Expression(text[toks[2].offset : parser.guard_at].rstrip(), value.refs, value.constant, value._node)
        node = parser.guard
        guard_text = text[parser.guard_at + 2 :].strip()
        guard = Expression(guard_text, value.refs, node.value if isinstance(node, _Const) else None, node)
    if target is not None and target[2] == "intention" and target[0] == "party":
        errors.extend(_intention_problems(op_tok, value, toks[2].offset))
    if errors or value is None or target is None:
        return None, sorted(errors, key=lambda e: e.offset)
    return Effect(text, target, op_tok.text, value, guard), []  # type: ignore[arg-type]


def _intention_problems(op: _Tok, value: Expression | None, at: int) -> list[ExprError]:
    """An intention is set with '=' to one of its words (or to a value that chooses between them)."""
    words = ", ".join(INTENTIONS)
    if op.text != "=":
        message = f"an intention is set with '=' to one of {words}, e.g. 'swapo.intention = settle'"
        return [ExprError(message, op.offset)]
    if value is not None and value.constant is not None and float(value.constant) not in INTENTIONS.values():
        return [ExprError(f"an intention is one of {words}; write e.g. 'swapo.intention = settle'", at)]
    return []


def _bad_effect_op(target: _Tok, tok: _Tok) -> ExprError:
    shown = _show(target.text)
    if tok.kind == "end":
        return ExprError(f"expected '=', '+=', '-=' or '*=' after '{shown}', e.g. '{shown} += 0.1'", target.offset)
    if tok.text == "==":
        return ExprError("'==' compares; to change a value use '=', e.g. 'prestige = 50'", tok.offset)
    if tok.text == "/=":
        return ExprError("'/=' is not available; multiply instead, e.g. 'budget *= 0.5'", tok.offset)
    message = f"expected '=', '+=', '-=' or '*=' after '{shown}', found '{_show(tok.text)}'; e.g. '{shown} += 0.1'"
    return ExprError(message, tok.offset)
