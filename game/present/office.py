"""The office's resources as the top bar and the text mode show them: what there is now and, when orders and
answers are queued, what they commit and what is left ('$10.0m → $4.0m after orders')."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Rules
from game.engine.observation import OfficeView
from game.i18n import _, tr

from .values import value_text
from .words import plural

LOW_PRESTIGE = 15
LOW_BUDGET = 1.0


@dataclass(frozen=True)
class Resource:
    """One resource: its value now and after this turn's orders and answers (None when they commit none of it)."""

    kind: str  # prestige | budget | envoys | attention
    label: str  # 'prestige', 'budget', 'envoys free', 'attention free'
    now: str  # '57.5', '$10.0m', '2 of 2'
    after: str | None  # '51.5', '$4.0m', '1 of 2'
    low: bool  # what is left is low (or none)

    @property
    def text(self) -> str:
        """'$10.0m → $4.0m after orders', or just '$10.0m'."""
        return tr("{now} → {after} after orders",
                  now=self.now, after=self.after) if self.after is not None else self.now

    @property
    def short(self) -> str:
        """The value now and after the orders in the fewest characters: '57.5 → 51.5', '2 → 0 of 2'."""
        if self.after is None:
            return self.now
        if self.now.endswith(tail := self.now.partition(" ")[2]) and tail and self.after.endswith(tail):
            return f"{self.now.partition(' ')[0]} → {self.after}"
        return f"{self.now} → {self.after}"


def office_lines(rules: Rules, office: OfficeView, committed: tuple[float, float, int, int] = (0, 0, 0, 0)
                 ) -> list[Resource]:
    """Prestige, budget, free envoys and free attention, now and after what `committed` (prestige, budget, envoys,
    attention: Game.committed of the orders and answers) takes."""
    prestige, budget, envoys, attention = committed
    p_after, b_after = office.prestige - prestige, office.budget - budget
    e_after, a_after = office.envoys_free - envoys, office.attention_free - attention
    return [
        Resource("prestige", _("prestige"), value_text(rules, "prestige", office.prestige),
                 value_text(rules, "prestige", p_after) if prestige else None, p_after < LOW_PRESTIGE),
        Resource("budget", _("budget"), value_text(rules, "budget", office.budget),
                 value_text(rules, "budget", b_after) if budget else None, b_after < LOW_BUDGET),
        Resource("envoys", _("envoys free"), _of(office.envoys_free, office.envoys),
                 _of(e_after, office.envoys) if envoys else None, e_after <= 0),
        Resource("attention", _("attention free"), _of(office.attention_free, office.attention),
                 _of(a_after, office.attention) if attention else None, a_after <= 0),
    ]


def _of(part: int, whole: int) -> str:
    """'2 of 3', '2 sur 3'."""
    return tr("{part} of {whole}", part=part, whole=whole)


def commitment_text(rules: Rules, office: OfficeView, committed: tuple[float, float, int, int]) -> str:
    """What this turn's orders and answers commit and what they leave, in one sentence ('' when nothing):
    'These orders commit 3 prestige and 2 attention; left after them: prestige 54.5, attention 0 of 2.'"""
    prestige, budget, envoys, attention = committed
    parts = []
    if prestige:
        parts.append(tr("{n} prestige", n=value_text(rules, 'prestige', prestige)))
    if budget:
        parts.append(value_text(rules, "budget", budget))
    if envoys:
        parts.append(plural(envoys, "envoy"))
    if attention:
        parts.append(tr("{n} attention", n=attention))
    if not parts:
        return ""
    left = ", ".join(f"{r.label.split()[0]} {r.after}" for r in office_lines(rules, office, committed) if r.after)
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + _(" and ") + parts[-1]
    return tr("These orders and answers commit {listed}; left after them: {left}.", listed=listed, left=left)
