"""What the array back end can play, decided up front: a batch it cannot play runs on the engine, saying why.

`why_not(rules, policy)` is None when every game of the batch can be played on arrays, else the reason as a code
and its detail (game/cli puts it into words): "saved_games" (games written as save files are the engine's),
"policy" (a policy not played on arrays, named), "expression" (one the arrays cannot generate, its text).
"""

from __future__ import annotations

from game.engine.rules import Rules

POLICIES = ("passive",)  # the policies played on arrays


def why_not(rules: Rules, policy: str, *, save_games: bool = False) -> tuple[str, str] | None:
    """None when the array back end plays this batch exactly as asked, else (reason code, detail)."""
    if save_games:
        return "saved_games", ""
    if policy not in POLICIES:
        return "policy", policy
    from .exprs import Unsupported  # numpy is imported only for the batches it may play
    from .play import tables_for

    try:
        tables_for(rules)
    except Unsupported as exc:
        return "expression", exc.args[1] if len(exc.args) > 1 else str(exc)
    return None
