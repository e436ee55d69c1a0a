"""What a browser may send the class server, as strict schemas: anything else is refused with a clear error.

Every message is one JSON object of at most MAX_MESSAGE bytes with a "type"; sizes of lists and strings are
bounded so that no message can make the server do unbounded work.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

MAX_MESSAGE = 16 * 1024  # bytes of one message from a browser
MAX_ORDERS = 24
MAX_ID = 80
MAX_TEXT = 2000  # characters of a team's message as sent (the class keeps the first 600)

Id = Annotated[str, Field(min_length=1, max_length=MAX_ID)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class Order(_Strict):
    use: Id
    target: Id | None = None
    mode: Id | None = None


class Hello(_Strict):
    type: Literal["hello"]
    token: Annotated[str, Field(min_length=1, max_length=200)]
    lang: Annotated[str, Field(pattern=r"^[a-z]{2}$")] | None = None  # the language the page is written in


class Submit(_Strict):
    type: Literal["submit"]
    turn: Annotated[int, Field(ge=0, le=100_000)]
    actions: Annotated[list[Order], Field(max_length=MAX_ORDERS)]
    choices: Annotated[dict[Id, Id], Field(max_length=MAX_ORDERS)]


class Control(_Strict):
    type: Literal["pause", "resume", "end", "advance", "close_vote"]


class StartVote(_Strict):
    """The teacher opens a class vote among the office's candidate actions."""

    type: Literal["vote"]
    actions: Annotated[list[Order], Field(min_length=2, max_length=8)]


class Ballot(_Strict):
    """A student's ballot: the index of the candidate they vote for."""

    type: Literal["ballot"]
    choice: Annotated[int, Field(ge=0, le=7)]


class Decide(_Strict):
    """A party team's decision for the shared turn, with its answers (proposal or instrument id -> accept, refuse,
    heard or brush_off) to what the office put to it."""

    type: Literal["decide"]
    turn: Annotated[int, Field(ge=0, le=100_000)]
    decision: Id
    answers: Annotated[dict[Id, Id], Field(max_length=MAX_ORDERS)] = {}


class Answer(_Strict):
    """A party team's answers, after its decision, to what the office's orders put to it since."""

    type: Literal["answer"]
    turn: Annotated[int, Field(ge=0, le=100_000)]
    answers: Annotated[dict[Id, Id], Field(min_length=1, max_length=MAX_ORDERS)]


class Say(_Strict):
    """A team's private message to another team."""

    type: Literal["say"]
    to: Id
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]


class Timer(_Strict):
    """The teacher's turn timer, in seconds (0: none)."""

    type: Literal["timer"]
    seconds: Annotated[int, Field(ge=0, le=3600)]


class Fire(_Strict):
    type: Literal["fire"]
    event: Id


class Join(_Strict):
    name: Annotated[str, Field(max_length=200)]
    seat: Id | None = None  # a delegations class: the team to join


Incoming = Hello | Submit | Control | Fire | Decide | Answer | Say | Timer | StartVote | Ballot
Message = Annotated[Incoming, Field(discriminator="type")]
_MESSAGE: TypeAdapter[Incoming] = TypeAdapter(Message)


class ProtocolError(ValueError):
    """A message refused before it reaches the class; `code` names why (words in game.present.web.ERRORS)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse(text: str | bytes) -> Incoming:
    """The message in `text`, or ProtocolError('too_large' | 'malformed')."""
    if len(text) > MAX_MESSAGE:
        raise ProtocolError("too_large")
    try:
        data = json.loads(text)
        return _MESSAGE.validate_python(data)
    except (ValueError, ValidationError, RecursionError):
        raise ProtocolError("malformed") from None


def parse_join(body: bytes) -> Join:
    """A join request's body, or ProtocolError."""
    if len(body) > MAX_MESSAGE:
        raise ProtocolError("too_large")
    try:
        return Join.model_validate(json.loads(body))
    except (ValueError, ValidationError, RecursionError):
        raise ProtocolError("malformed") from None
