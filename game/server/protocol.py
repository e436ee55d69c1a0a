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


class Submit(_Strict):
    type: Literal["submit"]
    turn: Annotated[int, Field(ge=0, le=100_000)]
    actions: Annotated[list[Order], Field(max_length=MAX_ORDERS)]
    choices: Annotated[dict[Id, Id], Field(max_length=MAX_ORDERS)]


class Control(_Strict):
    type: Literal["pause", "resume", "end"]


class Fire(_Strict):
    type: Literal["fire"]
    event: Id


class Join(_Strict):
    name: Annotated[str, Field(max_length=200)]


Message = Annotated[Hello | Submit | Control | Fire, Field(discriminator="type")]
_MESSAGE: TypeAdapter[Hello | Submit | Control | Fire] = TypeAdapter(Message)


class ProtocolError(ValueError):
    """A message refused before it reaches the class; `code` names why (words in game.present.web.ERRORS)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse(text: str | bytes) -> Hello | Submit | Control | Fire:
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
