"""The one error the class's rules raise: what a seat or the teacher asked for that cannot be done."""

from __future__ import annotations

from game.engine.record import Refusal


class SeatError(Exception):
    """Something a seat or the teacher asked for that cannot be done; `code` names it for the page's words
    (game.present.web.ERRORS), `refusal` is the engine's reason for an illegal order."""

    def __init__(self, code: str, refusal: Refusal | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.refusal = refusal
