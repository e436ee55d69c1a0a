"""Specification of the scenario expression language (game/scenario/expr.py), read as examples."""

from __future__ import annotations

import datetime as dt
import math
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.expr import (
    MAX_DEPTH,
    MAX_LENGTH,
    Effect,
    ExprError,
    Expression,
    Ref,
    Symbols,
    compile_effect,
    compile_expression,
)
from game.scenario.names import GLOBALS_SETTABLE, PAIR_ATTRS, PARTY_ATTRS

SYMBOLS = Symbols(
    parties=frozenset({"usa", "ussr", "cuba"}),
    pairs=frozenset({"usa_ussr", "usa_cuba"}),
    variables={"quarantine": "bool", "tension": "number"},
    council=frozenset({"usa", "ussr", "france"}),
    events=frozenset({"blockade", "u2_downed"}),
    instruments=frozenset({"good_offices", "envoy"}),
    proposals=frozenset({"trade_missiles"}),
    choices={"blockade": frozenset({"accept", "protest"}), "u2_downed": frozenset()},
)

PRESTIGE: Ref = ("global", None, "prestige")
BUDGET: Ref = ("global", None, "budget")
DATE: Ref = ("global", None, "date")
TURN: Ref = ("global", None, "turn")
QUARANTINE: Ref = ("var", None, "quarantine")
TENSION: Ref = ("var", None, "tension")
USA_HOSTILITY: Ref = ("party", "usa", "hostility")
USSR_HOSTILITY: Ref = ("party", "ussr", "hostility")
RUNG: Ref = ("pair", "usa_ussr", "rung")
PRESSURE: Ref = ("pair", "usa_ussr", "pressure")
FIRED_BLOCKADE: Ref = ("fired", "blockade", None)

STATE: dict[Ref, Any] = {
    PRESTIGE: 50.0,
    BUDGET: 10.0,
    DATE: dt.date(1962, 10, 24).toordinal(),
    TURN: 3,
    QUARANTINE: True,
    TENSION: 0.5,
    USA_HOSTILITY: 0.25,
    USSR_HOSTILITY: 0.75,
    RUNG: 4,
    PRESSURE: 4.5,
    FIRED_BLOCKADE: False,
}


def read(ref: Ref) -> Any:
    """A dict-backed reader: the getter for a ref looks it up in the state dict."""
    return lambda state: state[ref]


def compiled(text: str) -> Expression:
    expression, errors = compile_expression(text, SYMBOLS)
    assert errors == [], [e.message for e in errors]
    assert expression is not None
    return expression


def evaluate(text: str, **changes: Any) -> Any:
    state = dict(STATE)
    for key, value in changes.items():
        state[{"budget": BUDGET, "prestige": PRESTIGE, "quarantine": QUARANTINE, "rung": RUNG}[key]] = value
    return compiled(text).bind(read)(state)


def errors_of(text: str) -> list[ExprError]:
    expression, errors = compile_expression(text, SYMBOLS)
    assert expression is None
    assert errors
    assert all(isinstance(e, ExprError) for e in errors)
    return errors


def error_of(text: str) -> ExprError:
    errors = errors_of(text)
    assert len(errors) == 1, [e.message for e in errors]
    return errors[0]


def effect_error_of(text: str) -> ExprError:
    effect, errors = compile_effect(text, SYMBOLS)
    assert effect is None
    assert len(errors) == 1, [e.message for e in errors]
    return errors[0]


# ------------------------------------------------------------------------------------------ evaluation


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),
        ("24 / 4 / 2", 3),
        ("2 * 3 - 4 / 2", 4),
        ("-2 * 3", -6),
        ("- 2 - 3", -5),
        ("--2", 2),
        ("2 * -3", -6),
        ("1 + 2 < 4", True),
        ("not 1 > 2", True),
        ("not 1 > 2 and 1 > 2", False),
        ("true or false and false", True),
        ("(true or false) and false", False),
        ("not true or true", True),
        ("not not true", True),
        ("prestige - budget * 2", 30),
        ("(prestige - budget) * 2", 80),
        ("prestige / budget / 5", 1),
        ("usa.hostility + ussr.hostility == 1", True),
        ("usa_ussr.rung >= 4 and not quarantine", False),
        ("usa_ussr.rung >= 4 and quarantine", True),
        ("usa_ussr.pressure > 4 or fired.blockade", True),
        ("min(prestige, budget, 3)", 3),
        ("max(prestige, 60)", 60),
        ("max(1, 2, 3, 4, 5, 6, 7, prestige)", 50),
        ("abs(usa.hostility - ussr.hostility)", 0.5),
        ("clamp(prestige, 0, 20)", 20),
        ("clamp(tension, 0, 1)", 0.5),
        ("clamp(-prestige, budget, prestige)", 10),
        ("0.25 * 4", 1),
        ("007", 7),
        ("1 + 2 + prestige + 3 - 4 + budget", 62),
        ("2 * prestige * budget / 4 / 5", 50),
    ],
)
def test_precedence_and_evaluation(text: str, value: Any) -> None:
    assert evaluate(text) == value


def test_comparisons_and_logic_return_bools() -> None:
    for text in ("prestige > 1", "prestige and budget", "prestige or 0", "not prestige", "tension and quarantine"):
        assert type(evaluate(text)) is bool, text
    assert evaluate("prestige and budget") is True
    assert evaluate("0 or budget - 10") is False


def test_and_or_short_circuit() -> None:
    calls: list[Ref] = []

    def counting(ref: Ref) -> Any:
        def get(state: Any) -> Any:
            calls.append(ref)
            return state[ref]

        return get

    compiled("fired.blockade and prestige > 1").bind(counting)(STATE)
    assert calls == [FIRED_BLOCKADE]
    calls.clear()
    compiled("quarantine or prestige > 1 or budget > 1").bind(counting)(STATE)
    assert calls == [QUARANTINE]


def test_longer_and_or_chains() -> None:
    assert evaluate("prestige > 1 and budget > 1 and quarantine and tension") is True
    assert evaluate("prestige > 1 and budget > 1 and fired.blockade and tension") is False
    assert evaluate("fired.blockade or 0 or quarantine or 0") is True
    assert evaluate("fired.blockade or 0 or tension - 0.5 or 0") is False


def test_booleans_are_numbers_at_run_time() -> None:
    assert evaluate("true + true") == 2
    assert evaluate("quarantine * 10") == 10
    assert evaluate("fired.blockade + 1") == 1
    assert evaluate("-quarantine") == -1
    assert evaluate("quarantine == 1") is True
    assert evaluate("(prestige > 1) + (budget > 1)") == 2


def test_division_by_zero_is_zero() -> None:
    assert compiled("1 / 0").constant == 0.0
    assert evaluate("prestige / budget", budget=0) == 0.0
    assert evaluate("prestige / 0") == 0.0
    assert evaluate("1 / budget", budget=0.0) == 0.0
    assert evaluate("prestige / 2 / budget * 3", budget=0) == 0.0
    assert evaluate("1 / (budget - 10)") == 0.0


def test_clamp_with_crossed_bounds_gives_the_upper_bound() -> None:
    assert evaluate("clamp(prestige, 10, 5)") == 5


def test_a_bound_closure_follows_the_state() -> None:
    condition = compiled("usa_ussr.rung >= 4 and not quarantine").bind(read)
    assert condition({**STATE, QUARANTINE: False}) is True
    assert condition({**STATE, QUARANTINE: False, RUNG: 3}) is False
    assert condition({**STATE, QUARANTINE: True}) is False


def test_read_is_asked_once_per_distinct_name() -> None:
    asked: list[Ref] = []

    def recording(ref: Ref) -> Any:
        asked.append(ref)
        return read(ref)

    compiled("prestige + prestige * budget - prestige").bind(recording)
    assert sorted(asked) == sorted([PRESTIGE, BUDGET])


# ------------------------------------------------------------------------------------------ literals


def test_dates_are_ordinals_and_compare_with_date() -> None:
    assert compiled("1962-10-24").constant == dt.date(1962, 10, 24).toordinal()
    assert evaluate("date >= 1962-10-24") is True
    assert evaluate("date < 1962-10-24") is False
    assert evaluate("date - 1962-10-20") == 4
    assert compiled("1962 - 10 - 24").constant == 1928


def test_invalid_dates_are_errors() -> None:
    error = error_of("date > 1962-02-30")
    assert error.offset == 7
    assert "'1962-02-30' is not a real date" in error.message
    error = error_of("date > 1962-1-5")
    assert error.offset == 7
    assert "YYYY-MM-DD" in error.message
    assert "not a real date" in error_of("0000-01-01").message


def test_numbers() -> None:
    assert compiled("3").constant == 3.0
    assert compiled("0.25").constant == 0.25
    error = error_of("prestige > .5")
    assert (error.offset, "0.5" in error.message) == (11, True)
    assert error_of("3.").offset == 1
    assert "names start with a letter" in error_of("1 + 3x").message
    assert "too large" in error_of("9" * 400).message


def test_true_and_false() -> None:
    assert compiled("true").constant is True
    assert compiled("false").constant is False
    assert compiled("not false").constant is True


# ------------------------------------------------------------------------------------------ syntax errors


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("", "the expression is empty", 0),
        ("   ", "the expression is empty", 0),
        ("prestige +", "expected a value after '+'", 9),
        ("prestige + * 2", "expected a value after '+', found '*'", 11),
        ("and prestige", "expected a value before 'and'", 0),
        ("1 + (2 * 3", "unclosed '(' opened at column 5", 4),
        ("min(prestige, 2", "unclosed '(' opened at column 4", 3),
        ("prestige = 50", "'=' compares nothing here; use '==' to compare", 9),
        ("(prestige = 50)", "'=' compares nothing here; use '==' to compare", 10),
        ("prestige > 1)", "')' has no matching '('", 12),
        ("prestige 5", "missing an operator between 'prestige' and '5'", 9),
        ("min(prestige 5)", "missing an operator or ',' between 'prestige' and '5'", 13),
        ("()", "nothing between '(' and ')'; expected a value", 1),
        ("prestige, 2", "',' only separates the values given to a function, e.g. min(a, b)", 8),
        ("min(1, )", "expected a value after ',', found ')'", 7),
        ("prestige < = 3", "expected a value after '<', found '=' (write '<=' without a space)", 11),
        ("prestige += 5", "'+=' changes a value and belongs in an effect", 9),
        ("prestige > not quarantine", "'not' cannot come right after '>'", 11),
        ("prestige && budget", "write 'and' instead of '&&'", 9),
        ("prestige => 3", "write '>=' instead of '=>'", 9),
        ("!quarantine", "write 'not' instead of '!'", 0),
        ("prestige ^ 2", "there is no power operator", 9),
        ("prestige > 'x'", "text in quotes is not allowed", 11),
        ("prestige \x00", "unexpected character U+0000", 9),
        ("usa .hostility", "unexpected '.'", 4),
        ("usa.", "expected a name after '.'", 3),
        ("1.2.3", "unexpected '.' after the number '1.2'", 3),
        ("prestige quarantine", "missing an operator between 'prestige' and 'quarantine'", 9),
        ("prestige not quarantine", "missing operator before 'not'; did you mean 'and not'?", 9),
    ],
)
def test_syntax_errors_say_what_was_expected_and_where(text: str, message: str, offset: int) -> None:
    error = error_of(text)
    assert error.message.startswith(message), error.message
    assert error.offset == offset


@pytest.mark.parametrize(
    ("text", "offset"), [("1 < 2 < 3", 6), ("prestige >= 1 == quarantine", 14), ("budget < prestige + 1 > turn", 22)]
)
def test_comparisons_do_not_chain(text: str, offset: int) -> None:
    error = error_of(text)
    assert "cannot be chained" in error.message
    assert error.offset == offset


def test_parenthesised_comparisons_may_be_compared() -> None:
    assert evaluate("(prestige > 1) == quarantine") is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("min(1)", "min() takes 2 to 8 values, but 1 was given"),
        ("max()", "max() takes 2 to 8 values, but 0 were given"),
        ("abs(1, 2)", "abs() takes exactly 1 value, but 2 were given"),
        ("clamp(1, 2)", "clamp() takes exactly 3 values, but 2 were given"),
        ("min(1, 2, 3, 4, 5, 6, 7, 8, 9)", "min() takes 2 to 8 values, but 9 were given"),
    ],
)
def test_function_arity(text: str, message: str) -> None:
    error = error_of(text)
    assert error.message.startswith(message)
    assert error.offset == 0


def test_error_str_is_the_message() -> None:
    error = error_of("prestige +")
    assert str(error) == error.message
    assert isinstance(error, Exception)


# ------------------------------------------------------------------------------------------ name errors


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("ussr2.hostility > 0", "unknown party or pair 'ussr2' — did you mean 'ussr'?", 0),
        ("USA.hostility", "unknown party or pair 'USA' — did you mean 'usa'?", 0),
        ("fird.blockade", "unknown party or pair 'fird' — did you mean 'fired'?", 0),
        ("prestig > 3", "'prestig' is not a global or a scenario variable — did you mean 'prestige'?", 0),
        ("1 + tensoin", "'tensoin' is not a global or a scenario variable — did you mean 'tension'?", 4),
        ("usa.hostilty", "'hostilty' is not an attribute of a party — did you mean 'hostility'?", 4),
        ("usa_ussr.presure", "'presure' is not an attribute of a pair — did you mean 'pressure'?", 9),
        ("usa.pressure", "'pressure' belongs to a pair, not to the party 'usa'", 4),
        ("usa_ussr.trust", "'trust' belongs to a party, not to the pair 'usa_ussr'", 9),
        ("council.frnace", "unknown Council member 'frnace' — did you mean 'france'?", 8),
        ("fired.blockad", "unknown event 'blockad' — did you mean 'blockade'?", 6),
        ("used.good_office > 1", "unknown instrument 'good_office' — did you mean 'good_offices'?", 5),
        ("accepted.trade_missile", "unknown proposal 'trade_missile' — did you mean 'trade_missiles'?", 9),
        ("chose.blockad.accept", "unknown event 'blockad' — did you mean 'blockade'?", 6),
        ("chose.blockade.acept", "event 'blockade' has no choice 'acept' — did you mean 'accept'?", 15),
        ("chose.u2_downed.x", "event 'u2_downed' offers no choices", 16),
        ("chose.blockade", "'chose' needs an event and one of its choices, e.g. chose.blockade.accept", 0),
        ("fired", "'fired' needs a name after it, e.g. fired.ID", 0),
        ("fired.blockade.x", "'fired.blockade.x' has too many parts", 15),
        ("usa", "'usa' is a party; name one of its attributes, e.g. usa.hostility", 0),
        ("usa_ussr", "'usa_ussr' is a pair; name one of its attributes, e.g. usa_ussr.pressure", 0),
        ("blockade", "'blockade' is an event; write fired.blockade", 0),
        ("hostility", "'hostility' belongs to a party; write PARTY.hostility", 0),
        ("rung > 3", "'rung' belongs to a pair; write PAIR.rung", 0),
        ("min + 1", "'min' is a function", 0),
        ("turn.x", "'turn' has no parts", 4),
        ("if", "'if' comes after the value: write 'A if CONDITION else B'", 0),
        ("mn(1, 2)", "unknown function 'mn' — did you mean 'min'?", 0),
        ("usa.hostility(1)", "'usa.hostility' is not a function", 0),
    ],
)
def test_name_errors(text: str, message: str, offset: int) -> None:
    error = error_of(text)
    assert error.message.startswith(message), error.message
    assert error.offset == offset


def test_unknown_party_attribute_lists_party_attributes() -> None:
    for text in ("usa.hostilty", "usa.zzz"):
        message = error_of(text).message
        assert all(attr in message for attr in PARTY_ATTRS), message
    assert all(attr in error_of("usa_ussr.zzz").message for attr in PAIR_ATTRS)


def test_unknown_bare_name_mentions_globals_and_variables() -> None:
    message = error_of("zzzz").message
    assert "global" in message
    assert "scenario variable" in message


def test_every_name_problem_is_reported_in_order() -> None:
    errors = errors_of("ussr2.hostility > prestig and fired.blockad or usa.hostilty")
    assert [e.offset for e in errors] == [0, 18, 36, 51]
    assert "ussr2" in errors[0].message
    assert "prestig" in errors[1].message
    assert "blockad" in errors[2].message
    assert "hostilty" in errors[3].message


def test_a_repeated_unknown_name_is_reported_once() -> None:
    assert len(errors_of("prestig + prestig")) == 1


def test_name_problems_are_kept_alongside_a_syntax_error() -> None:
    errors = errors_of("prestig + (1")
    assert [e.offset for e in errors] == [0, 10]
    assert errors[1].message == "unclosed '(' opened at column 11; add the missing ')'"


# ------------------------------------------------------------------------------------------ refs and folding


def test_refs_are_every_name_read() -> None:
    text = (
        "usa.hostility > ussr.hostility and fired.blockade or council.france > 0.5 and chose.blockade.accept"
        " and used.good_offices > 0 and accepted.trade_missiles and tension > turn + usa_ussr.rung"
        " and quarantine and usa.hostility < 1"
    )
    assert compiled(text).refs == {
        USA_HOSTILITY,
        USSR_HOSTILITY,
        FIRED_BLOCKADE,
        ("council", "france", None),
        ("chose", "blockade", "accept"),
        ("used", "good_offices", None),
        ("accepted", "trade_missiles", None),
        TENSION,
        TURN,
        RUNG,
        QUARANTINE,
    }


@pytest.mark.parametrize(
    ("text", "constant"),
    [
        ("2 * 3 + 1", 7.0),
        ("1 < 2", True),
        ("not (1 < 2)", False),
        ("true and 1", True),
        ("0 or false", False),
        ("min(3, 2) + max(1, 4) + abs(-2) + clamp(5, 0, 1)", 9.0),
        ("-(1 - 3)", 2.0),
        ("1962-10-24 + 1 > 1962-10-24", True),
    ],
)
def test_constant_expressions_fold(text: str, constant: float | bool) -> None:
    expression = compiled(text)
    assert expression.constant == constant
    assert type(expression.constant) is type(constant)
    assert expression.refs == frozenset()

    def never(ref: Ref) -> Any:
        raise AssertionError(f"a constant read {ref}")

    assert expression.bind(never)(None) == constant


def test_expressions_that_read_names_are_not_constant() -> None:
    expression = compiled("prestige > 2 * 10")
    assert expression.constant is None
    assert expression.refs == {PRESTIGE}
    assert expression.text == "prestige > 2 * 10"


# ------------------------------------------------------------------------------------------ effects


@pytest.mark.parametrize(
    ("text", "target", "op", "value"),
    [
        ("prestige += 5", PRESTIGE, "+=", 5.0),
        ("budget -= 2.5", BUDGET, "-=", 2.5),
        ("quarantine = true", QUARANTINE, "=", True),
        ("tension *= 0.5", TENSION, "*=", 0.5),
        ("usa.hostility -= 0.1", USA_HOSTILITY, "-=", 0.1),
        ("cuba.audience_cost = 1", ("party", "cuba", "audience_cost"), "=", 1.0),
        ("usa_ussr.pressure = usa_ussr.pressure * 0.9", PRESSURE, "=", None),
        ("usa_cuba.momentum *= 0", ("pair", "usa_cuba", "momentum"), "*=", 0.0),
        ("council.france += 0.1", ("council", "france", None), "+=", 0.1),
        ("visibility=1", ("global", None, "visibility"), "=", 1.0),
    ],
)
def test_effects(text: str, target: Ref, op: str, value: float | bool | None) -> None:
    effect, errors = compile_effect(text, SYMBOLS)
    assert errors == []
    assert isinstance(effect, Effect)
    assert (effect.text, effect.target, effect.op, effect.value.constant) == (text, target, op, value)
    assert isinstance(effect.value, Expression)


def test_effect_value_is_an_expression_over_its_own_text() -> None:
    effect, _ = compile_effect("usa_ussr.pressure -= 0.2 * usa.trust  ", SYMBOLS)
    assert effect is not None
    assert effect.value.text == "0.2 * usa.trust"
    assert effect.value.refs == {("party", "usa", "trust")}
    assert effect.value.bind(read)({("party", "usa", "trust"): 0.5}) == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("turn = 3", "the calendar sets it"),
        ("date += 1", "the calendar sets it"),
        ("envoys_free = 1", "envoys in use"),
        ("max_rung = 1", "pressure"),
        ("usa_ussr.rung = 2", "the ladder derives it from pressure"),
        ("fired.blockade = true", "the game records it"),
        ("fired.x = 1", "the game records it"),
        ("used.good_offices += 1", "the game records it"),
        ("accepted.trade_missiles = 1", "the game records it"),
        ("chose.blockade.accept = 1", "the game records it"),
    ],
)
def test_read_only_targets_are_refused_with_what_can_be_set(text: str, why: str) -> None:
    error = effect_error_of(text)
    assert error.offset == 0
    name = text.split()[0]
    assert error.message.startswith(f"'{name}' is read-only (")
    assert why in error.message
    for settable in (*GLOBALS_SETTABLE, "quarantine", "tension", "PARTY.ATTR", "PAIR.pressure", "council.MEMBER"):
        assert settable in error.message


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("", "the effect is empty", 0),
        ("prestige", "expected '=', '+=', '-=' or '*=' after 'prestige'", 0),
        ("prestige == 3", "'==' compares; to change a value use '='", 9),
        ("budget /= 2", "'/=' is not available; multiply instead", 7),
        ("prestige < 3", "expected '=', '+=', '-=' or '*=' after 'prestige', found '<'", 9),
        ("5 = prestige", "an effect starts with the name of what it changes", 0),
        ("prestige += ", "expected a value after '+='", 9),
        ("prestige = budget = 3", "'=' compares nothing here; use '==' to compare", 18),
        ("prestige = budget += 3", "'+=' can only come right after the name an effect changes", 18),
        ("prestig += 1", "'prestig' is not a global or a scenario variable — did you mean 'prestige'?", 0),
        ("usa.trust += usa.trsut", "'trsut' is not an attribute of a party", 17),
        ("prestige += (1", "unclosed '(' opened at column 13", 12),
    ],
)
def test_effect_errors(text: str, message: str, offset: int) -> None:
    error = effect_error_of(text)
    assert error.message.startswith(message), error.message
    assert error.offset == offset


def test_effect_reports_target_and_value_problems_together() -> None:
    effect, errors = compile_effect("prestig += budgt", SYMBOLS)
    assert effect is None
    assert [e.offset for e in errors] == [0, 11]


# ------------------------------------------------------------------------------------------ limits


def test_nesting_up_to_the_limit_is_allowed() -> None:
    assert compiled("(" * MAX_DEPTH + "prestige" + ")" * MAX_DEPTH).bind(read)(STATE) == 50
    assert compiled("-" * MAX_DEPTH + "prestige").bind(read)(STATE) == 50
    assert compiled("not " * MAX_DEPTH + "quarantine").bind(read)(STATE) is True
    nested = "abs(" * MAX_DEPTH + "prestige" + ")" * MAX_DEPTH
    assert compiled(nested).bind(read)(STATE) == 50


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1), MAX_DEPTH),
        ("-" * (MAX_DEPTH + 1) + "prestige", MAX_DEPTH),
        ("not " * (MAX_DEPTH + 1) + "quarantine", 4 * MAX_DEPTH),
        ("abs(" * (MAX_DEPTH + 1) + "prestige" + ")" * (MAX_DEPTH + 1), 4 * MAX_DEPTH + 3),
    ],
)
def test_nesting_beyond_the_limit_is_an_error(text: str, offset: int) -> None:
    error = error_of(text)
    assert "nested too deeply" in error.message
    assert error.offset == offset


@pytest.mark.parametrize(
    "unit",
    ["(", "-(", "not (", "min(1, ", "prestige + (", "prestige or quarantine and budget < tension + turn * -("],
)
def test_hostile_nesting_is_refused_without_recursing_too_far(unit: str) -> None:
    text = (unit * (MAX_LENGTH // len(unit)))[:MAX_LENGTH]
    errors = errors_of(text)
    assert any("nested too deeply" in e.message for e in errors)


def test_deep_but_allowed_trees_evaluate() -> None:
    text = "prestige"
    for _ in range(MAX_DEPTH - 1):
        text = f"({text} + 1)"
    assert compiled(text).bind(read)(STATE) == 50 + MAX_DEPTH - 1


def test_long_flat_chains_are_not_nesting() -> None:
    text = " + ".join(["prestige"] * 150)
    assert compiled(text).bind(read)(STATE) == 150 * 50
    text = " and ".join(["quarantine"] * 120)
    assert compiled(text).bind(read)(STATE) is True
    assert compiled("1" + "+1" * 999).constant == 1000


def test_length_limit() -> None:
    assert compiled(("1" + "+1" * 999).ljust(MAX_LENGTH)).constant == 1000
    error = error_of("1" + " " * MAX_LENGTH)
    assert error.offset == MAX_LENGTH
    assert str(MAX_LENGTH) in error.message
    effect, errors = compile_effect("prestige = " + "1" * MAX_LENGTH, SYMBOLS)
    assert effect is None
    assert errors[0].offset == MAX_LENGTH


def test_non_text_is_an_error_not_an_exception() -> None:
    expression, errors = compile_expression(None, SYMBOLS)  # type: ignore[arg-type]
    assert expression is None
    assert errors[0].message == "an expression must be text"


# ------------------------------------------------------------------------------------------ symbols


def test_symbols_from_scenario() -> None:
    scenario = SimpleNamespace(
        parties=[SimpleNamespace(id="usa"), SimpleNamespace(id="ussr")],
        pairs=[SimpleNamespace(id="usa_ussr")],
        variables={"quarantine": False, "tension": 0.5},
        council=[SimpleNamespace(id="france")],
        events=[
            SimpleNamespace(id="blockade", choices=[SimpleNamespace(id="accept"), SimpleNamespace(id="protest")]),
            SimpleNamespace(id="u2", choices=[]),
        ],
        instruments=[SimpleNamespace(key="good_offices"), SimpleNamespace(key="envoy")],
        proposals=[SimpleNamespace(id="trade")],
        tracks=[SimpleNamespace(id="refugees_home")],
    )
    symbols = Symbols.from_scenario(scenario)
    assert symbols.parties == {"usa", "ussr"}
    assert symbols.pairs == {"usa_ussr"}
    assert dict(symbols.variables) == {"quarantine": "bool", "tension": "number", "refugees_home": "number"}
    assert symbols.council == {"france"}
    assert symbols.events == {"blockade", "u2"}
    assert symbols.instruments == {"good_offices", "envoy"}
    assert symbols.proposals == {"trade"}
    assert dict(symbols.choices) == {"blockade": {"accept", "protest"}, "u2": frozenset()}


def test_symbols_accept_plain_sets_and_are_frozen() -> None:
    symbols = Symbols(parties={"a", "b"}, choices={"e": {"x"}})  # type: ignore[arg-type]
    assert symbols.parties == frozenset({"a", "b"})
    assert symbols.choices["e"] == frozenset({"x"})
    with pytest.raises(TypeError):
        symbols.choices["f"] = frozenset()  # type: ignore[index]


# ------------------------------------------------------------------------------------------ properties

SOUP = [
    *("prestige", "budget", "turn", "date", "quarantine", "tension", "prestig", "zz", "usa", "ussr2"),
    *("usa.hostility", "usa.trust", "usa_ussr.rung", "usa_ussr.pressure", "usa.pressure", "usa.", "usa..x"),
    *("council.usa", "fired.blockade", "fired.x", "used.envoy", "accepted.trade_missiles", "chose.blockade.accept"),
    *("chose.blockade", "and", "or", "not", "true", "false", "if", "min", "max", "abs", "clamp", "mn"),
    *("+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "=", "+=", "-=", "*=", "/=", "(", ")", ",", "."),
    *("0", "1", "2.5", "0.25", ".5", "3.", "007", "1e5", "9" * 40, "1962-10-24", "1962-02-30", "1962-1-1"),
    *("&&", "||", "!", "=>", "**", "^", "%", "'", '"', "[", "]", ";", ":", "é", "²", "١", "\x00", "\u00a0", "\n"),
]

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.booleans(),
)


def check_result(result: Any, kind: type) -> Any:
    value, errors = result
    assert isinstance(errors, list)
    assert all(isinstance(e, ExprError) for e in errors)
    assert all(isinstance(e.message, str) and e.message for e in errors)
    assert all(isinstance(e.offset, int) for e in errors)
    if value is None:
        assert errors
    else:
        assert isinstance(value, kind)
        assert errors == []
    return value


def evaluate_randomly(expression: Expression, data: st.DataObject) -> None:
    state = {ref: data.draw(numbers) for ref in sorted(expression.refs, key=repr)}
    result = expression.bind(read)(state)
    assert isinstance(result, int | float)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=200), data=st.data())
def test_arbitrary_text_never_raises(text: str, data: st.DataObject) -> None:
    for source in (text, "prestige = " + text):
        expression = check_result(compile_expression(source, SYMBOLS), Expression)
        if expression is not None:
            evaluate_randomly(expression, data)
        effect = check_result(compile_effect(source, SYMBOLS), Effect)
        if effect is not None:
            evaluate_randomly(effect.value, data)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tokens=st.lists(st.sampled_from(SOUP), max_size=30),
    separators=st.lists(st.sampled_from(["", " ", "  "]), min_size=30, max_size=30),
    data=st.data(),
)
def test_token_soup_never_raises(tokens: list[str], separators: list[str], data: st.DataObject) -> None:
    source = "".join(token + sep for token, sep in zip(tokens, separators, strict=False))
    expression = check_result(compile_expression(source, SYMBOLS), Expression)
    if expression is not None:
        evaluate_randomly(expression, data)
    for effect_source in (source, "usa.trust += " + source):
        effect = check_result(compile_effect(effect_source, SYMBOLS), Effect)
        if effect is not None:
            evaluate_randomly(effect.value, data)


LEAVES: dict[str, Ref] = {
    "prestige": PRESTIGE,
    "budget": BUDGET,
    "tension": TENSION,
    "quarantine": QUARANTINE,
    "usa.hostility": USA_HOSTILITY,
    "usa_ussr.pressure": PRESSURE,
    "fired.blockade": FIRED_BLOCKADE,
}

trees = st.recursive(
    st.one_of(
        st.sampled_from(sorted(LEAVES)).map(lambda name: ("name", name)),
        st.sampled_from(["0", "1", "2.5", "0.5", "true", "false", "1962-10-24"]).map(lambda lit: ("lit", lit)),
    ),
    lambda inner: st.one_of(
        st.tuples(
            st.just("bin"),
            st.sampled_from(["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or"]),
            inner,
            inner,
            st.booleans(),
        ),
        st.tuples(st.just("un"), st.sampled_from(["-", "not "]), inner, st.booleans()),
        st.tuples(st.just("call"), st.sampled_from(["min", "max", "abs", "clamp"]), st.lists(inner, min_size=3)),
    ),
    max_leaves=12,
)


def render(tree: tuple, values: dict[str, str] | None) -> str:
    """The expression's text, with names replaced by literals when values are given."""
    kind = tree[0]
    if kind == "name":
        return values[tree[1]] if values else tree[1]
    if kind == "lit":
        return tree[1]
    if kind == "bin":
        _, op, left, right, parens = tree
        text = f"{render(left, values)} {op} {render(right, values)}"
        return f"({text})" if parens else text
    if kind == "un":
        _, op, operand, parens = tree
        text = f"{op}{render(operand, values)}"
        return f"({text})" if parens else text
    _, name, args = tree
    arity = {"abs": 1, "clamp": 3}.get(name, min(len(args), 8))
    return f"{name}({', '.join(render(a, values) for a in args[:arity])})"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees, values=st.fixed_dictionaries({name: st.sampled_from(["0", "1", "2.5", "true"]) for name in LEAVES}))
def test_folding_agrees_with_evaluation(tree: tuple, values: dict[str, str]) -> None:
    with_names, errors = compile_expression(render(tree, None), SYMBOLS)
    with_values, value_errors = compile_expression(render(tree, values), SYMBOLS)
    assert [e.message for e in errors] == [e.message for e in value_errors]
    if with_names is None:
        return
    assert with_values is not None and with_values.constant is not None
    state = {LEAVES[name]: True if text == "true" else float(text) for name, text in values.items()}
    evaluated = with_names.bind(read)(state)
    folded = with_values.constant
    assert evaluated == folded or (math.isnan(evaluated) and math.isnan(folded))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees, data=st.data())
def test_valid_expressions_evaluate_on_any_numbers(tree: tuple, data: st.DataObject) -> None:
    expression = check_result(compile_expression(render(tree, None), SYMBOLS), Expression)
    if expression is not None:
        evaluate_randomly(expression, data)


# ------------------------------------------------------------------------------------------ conditional forms

HOLD_VARIABLE = Symbols(parties=frozenset({"usa"}), variables={"hold": "number"})


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.3 if quarantine else 0.1", 0.3),
        ("0.3 if not quarantine else 0.1", 0.1),
        ("prestige + 1 if quarantine else 2", 51),  # the whole sum is the first value: 'if' binds loosest
        ("1 if usa_ussr.rung >= 5 else 2 if quarantine else 3", 2),  # an 'else' may hold another choice
        ("(2 if quarantine else 0) * 10", 20),
        ("min(1 if quarantine else 5, 3)", 1),
        ("true if fired.blockade else false", False),
    ],
)
def test_a_conditional_value_takes_one_of_two_values(text: str, value: Any) -> None:
    assert evaluate(text) == value


def test_a_conditional_value_with_a_constant_condition_is_folded() -> None:
    assert compiled("2 if 1 > 0 else prestige").constant == 2
    assert compiled("prestige if false else 3").constant == 3


@given(st.booleans(), st.floats(-100, 100), st.floats(-100, 100))
def test_a_conditional_value_is_the_first_value_exactly_when_the_condition_holds(flag: bool, a: float, b: float):
    state = {**STATE, QUARANTINE: flag, PRESTIGE: a, BUDGET: b}
    assert compiled("prestige if quarantine else budget").bind(read)(state) == (a if flag else b)


def test_an_effect_ending_with_if_applies_only_when_its_condition_holds() -> None:
    effect, errors = compile_effect("quarantine = true if used.envoy >= 1", SYMBOLS)
    assert errors == [] and effect is not None
    assert effect.value.text == "true" and effect.guard is not None and effect.guard.text == "used.envoy >= 1"
    assert effect.guard.bind(lambda ref: lambda s: s[ref])({("used", "envoy", None): 1}) is True


def test_an_effect_whose_value_has_if_and_else_has_no_guard() -> None:
    effect, errors = compile_effect("prestige += 5 if quarantine else 2", SYMBOLS)
    assert errors == [] and effect is not None and effect.guard is None
    assert effect.value.bind(read)(STATE) == 5


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("true if used.envoy >= 1", "a value with 'if' needs 'else'", 5),
        ("min(1 if quarantine, 2)", "a value with 'if' needs 'else'", 6),
        ("if quarantine then 0.3 else 0.1", "'if' comes after the value: write 'A if CONDITION else B', e.g. "
         "'0.3 if talks_open else 0.1'; here: '0.3 if quarantine else 0.1'", 0),
        ("quarantine else 1", "'else' needs an 'if' before it", 11),
        ("1 when quarantine", "'when' is not part of the language", 2),
    ],
)
def test_conditional_slips_are_explained(text: str, message: str, offset: int) -> None:
    error = error_of(text)
    assert error.message.startswith(message), error.message
    assert error.offset == offset


def test_a_condition_with_if_but_no_else_suggests_the_effect_form() -> None:
    assert "write it in the effects as 'NAME = VALUE if CONDITION'" in error_of("true if used.envoy >= 1").message


@pytest.mark.parametrize(
    "text",
    ["if used.envoy >= 1: quarantine = true", "if used.envoy >= 1 then quarantine = true",
     "when used.envoy >= 1, quarantine = true", "quarantine = true when used.envoy >= 1"],
)
def test_an_effect_written_condition_first_gets_the_form_to_write(text: str) -> None:
    error = effect_error_of(text)
    assert error.message.endswith("here: 'quarantine = true if used.envoy >= 1'"), error.message
    assert "missing an operator" not in error.message


def test_an_effect_that_cannot_be_rewritten_still_gets_the_form() -> None:
    error = effect_error_of("if quarantine then prestige = 1 else prestige = 2")
    assert error.message.startswith("an effect starts with the name of what it changes")
    assert "here:" not in error.message


def test_an_if_without_else_in_the_middle_of_an_effect_is_an_error() -> None:
    message = effect_error_of("prestige += 5 if quarantine else 2 if quarantine").message
    assert message.startswith("a value with 'if' needs 'else'") and "only a whole effect" in message


# ------------------------------------------------------------------------------------------ intentions


def test_intention_words_are_numbers_for_comparing_and_setting() -> None:
    assert compiled("escalate").constant == 1 and compiled("hold").constant == 0
    assert compiled("settle").constant == -1
    assert compiled("usa.intention == settle").refs == {("party", "usa", "intention")}
    effect, errors = compile_effect("usa.intention = settle if quarantine else hold", SYMBOLS)
    assert errors == [] and effect is not None and effect.target == ("party", "usa", "intention")


def test_a_scenario_name_wins_over_an_intention_word() -> None:
    expression, errors = compile_expression("hold + 1", HOLD_VARIABLE)
    assert errors == [] and expression is not None and expression.refs == {("var", None, "hold")}


@pytest.mark.parametrize(
    ("text", "message"),
    [("usa.intention += 1", "an intention is set with '='"), ("usa.intention = 0.5", "an intention is one of")],
)
def test_an_intention_is_set_to_one_of_its_words(text: str, message: str) -> None:
    assert effect_error_of(text).message.startswith(message)


def test_in_field_counts_an_instrument_at_work_and_is_read_only() -> None:
    assert compiled("in_field.envoy >= 1").refs == {("in_field", "envoy", None)}
    assert "unknown instrument 'envy'" in error_of("in_field.envy").message
    assert "read-only" in effect_error_of("in_field.envoy = 1").message


# ------------------------------------------------------------------------------------------ partial values


@pytest.mark.parametrize(
    ("text", "known", "value"),
    [
        ("quarantine and prestige > 3", {QUARANTINE: False}, False),
        ("quarantine or prestige > 3", {QUARANTINE: True}, True),
        ("quarantine and prestige > 3", {QUARANTINE: True}, None),
        ("date >= 1962-10-25", {DATE: dt.date(1962, 10, 24).toordinal()}, False),
        ("1 if quarantine else prestige", {QUARANTINE: True}, 1),
        ("prestige if quarantine else prestige", {PRESTIGE: 4}, 4),
        ("turn + 1 > 3", {TURN: 3}, True),
        ("prestige > 3", {}, None),
    ],
)
def test_a_condition_can_be_read_with_only_some_names_known(text: str, known: dict, value: Any) -> None:
    assert compiled(text).given(known) == value


def test_the_facts_a_condition_gives_are_its_standalone_names() -> None:
    facts = compiled("quarantine and not fired.blockade and prestige > 3").facts()
    assert facts == {QUARANTINE: True, FIRED_BLOCKADE: False}
    assert compiled("quarantine or fired.blockade").facts() == {}


# ------------------------------------------------------------------------------------------ generated functions


def same(a: Any, b: Any) -> bool:
    """The same value to the bit: same type, same repr (so -0.0 differs from 0.0 and every NaN is itself)."""
    return type(a) is type(b) and repr(a) == repr(b)


def inline_from_dict(ref: Ref) -> tuple[str, Any]:
    """Read a dict-backed state inside the generated function: `s[ref]`, as `read` does."""
    return "s[{key}]", ref


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees, data=st.data())
def test_the_generated_function_gives_exactly_what_the_closures_give(tree: tuple, data: st.DataObject) -> None:
    expression, _ = compile_expression(render(tree, None), SYMBOLS)
    if expression is None:
        return
    state = {ref: data.draw(numbers) for ref in sorted(expression.refs, key=repr)}
    expected = expression.closures(read)(state)
    assert same(expression.bind(read)(state), expected)
    assert same(expression.bind(read, inline_from_dict)(state), expected)


def test_a_long_chain_is_generated_flat_and_still_adds_up_left_to_right() -> None:
    text = " + ".join(["prestige", "0.1", "budget", "-0.3", "tension"] * 40)
    state = dict(STATE)
    expression = compiled(text)
    assert expression.bind(read).__name__ == "_expression"  # generated, not left as closures
    assert same(expression.bind(read)(state), expression.closures(read)(state))
    divided = compiled(" / ".join(["prestige", "budget", "tension", "2"] * 10))
    assert same(divided.bind(read)({**state, BUDGET: 0.0}), divided.closures(read)({**state, BUDGET: 0.0}))


def test_the_deepest_expression_still_evaluates() -> None:
    nested = "min(" * (MAX_DEPTH - 1) + "prestige" + ", 1)" * (MAX_DEPTH - 1)
    expression = compiled(nested)
    assert expression.bind(read).__name__ == "_expression"
    assert expression.bind(read)(STATE) == expression.closures(read)(STATE) == 1
