"""Odds and reasons in words: the chance of a move before the player commits (game/sim/odds.Odds) and, after the
turn, why a proposal was refused, good offices rebuffed, an appeal brushed off or a vote vetoed (the `reasons`
the engine records on the result: engine/chances.Chance evaluated on the player's estimates and public facts).

Every number here is an estimate or a public fact; nothing reads the hidden state.
"""

from __future__ import annotations

from game.engine import Action, Game, Rules
from game.engine.chances import Chance, Term, obstacles
from game.engine.instruments import wear
from game.engine.opinion import target_index
from game.engine.record import Message
from game.i18n import N_, _, tr
from game.i18n.formats import formatted, percent_of

from .words import pair_name, party_name

WHAT = {
    "accepted": N_("Chance they accept"),
    "progress": N_("Chance of progress each turn"),
    "passes": N_("Chance the Council adopts it"),
    "heard": N_("Chance the appeal is heard"),
    "welcomed": N_("Chance you are well received"),
}
ISSUE_WORDS = {"resources": N_("resource"), "ethnic": N_("ethnic"), "ideology": N_("ideological"),
               "sovereignty": N_("sovereignty"), "security": N_("security")}
RESULT_CHANCE = {  # what the recorded chance measures, for the sentence after a failure
    "proposal_rejected": (N_("acceptance"), False),
    "good_offices_rebuffed": (N_("acceptance"), False),
    "appeal_brushed_off": (N_("being heard"), True),
    "received_coldly": (N_("a warm welcome"), True),
    "veto": (N_("no veto from this member"), False),
}


def issue_words(issue: str) -> str:
    """What a dispute is about, as an adjective before 'disputes': 'resource', 'security'."""
    return _(ISSUE_WORDS[issue]) if issue in ISSUE_WORDS else issue


def percent(x: float) -> str:
    """'34%', and '<1%' / '>99%' rather than a certainty the model does not have."""
    if 0.0 < x < 0.005:
        return "<" + percent_of("1")
    if 0.995 < x < 1.0:
        return ">" + percent_of("99")
    return percent_of(format(x * 100, ".0f"))


def odds_text(odds) -> str:
    """'Chance they accept: about 34% (22%–47% on your estimates)', for a game/sim/odds.Odds."""
    what = _(WHAT[odds.kind]) if odds.kind in WHAT else _("Chance of success")
    when = _(", as things stand now") if odds.later else ""
    spread = "" if percent(odds.low) == percent(odds.high) == percent(odds.chance) else \
        tr(" ({percent}–{percent2} on your estimates{when})",
           percent=percent(odds.low), percent2=percent(odds.high), when=when)
    return tr("{what}: about {percent}{spread}", what=what, percent=percent(odds.chance), spread=spread)


def odds_lines(rules: Rules, odds) -> list[str]:
    """A move's odds and, unless it is all but sure, what works against it: the lines the window's Details panel
    and the text mode's list of actions show."""
    against = obstacles_text(rules, odds.terms) if odds.chance < 0.9 else ""
    return [odds_text(odds), *([against] if against else [])]


def wear_note(game: Game, action: Action) -> str:
    """How much a move repeated lately still carries (engine/instruments.wear), or '' when it is fresh: 'Used on
    this target lately: it carries about 60% of its first weight, and the world takes as little notice'."""
    rules = game.rules
    ins = rules.instruments.get(action.use)
    if ins is None or ins.kind == "wait":
        return ""
    left = wear(game.state, ins.key, target_index(rules, ins.target, action.target), game.turn)
    if left > 0.99:
        return ""
    if ins.public:
        return tr("Used on this target lately: it carries about {percent} of its first weight, and the world "
                  "takes as little notice.", percent=percent(left))
    return tr("Used on this target lately: it carries about {percent} of its first weight.", percent=percent(left))


def obstacles_text(rules: Rules, terms: tuple[Term, ...] | list[Term]) -> str:
    """What holds a chance down, worst first: "Working against it: …; …", or '' when nothing stands out."""
    against = [s for s in (term_text(rules, t) for t in obstacles(Chance("", 0.0, tuple(terms)))) if s]
    return _("Working against it: ") + _("; ").join(against) + "." if against else ""


def reasons_lines(rules: Rules, msg: Message) -> list[str]:
    """Why a result went against you, as the player could know it; [] when the message carries no reasons."""
    chance: Chance | None = msg.reasons
    if chance is None:
        return []
    lines = []
    if msg.code == "veto":
        lines += [s[0].upper() + s[1:] + "." for s in (term_text(rules, t) for t in chance.terms) if s]
        return lines
    against = [s for s in (term_text(rules, t) for t in obstacles(chance)) if s]
    if against:
        lines.append(_("Why, as far as you can tell: ") + _("; ").join(against) + ".")
    what, flip = RESULT_CHANCE.get(msg.code, (N_("success"), False))
    what = _(what)
    value = 1.0 - chance.value if flip else chance.value
    lines.append(tr("By your estimates the chance of {what} was about {percent}.",
                    what=what, percent=percent(value)))
    return lines


def _openness(rules: Rules, who: tuple) -> str:
    i, trust, receptivity = who
    return tr("{party_name} (trust in you {trust:.2f}, openness {receptivity:.2f})",
              party_name=party_name(rules, i), trust=trust, receptivity=receptivity)


def term_text(rules: Rules, term: Term) -> str:
    """One term of a chance as a clause, or '' when it did not work against the move."""
    code, args = term.code, term.args
    if code == "formula":
        return tr("the proposal asks much of the parties (on its own about {percent} acceptable)",
                  percent=percent(term.weight))
    if code == "openness":
        low = [w for w in args if 0.5 * (w[1] + w[2]) < 0.5] or sorted(args, key=lambda w: w[1] + w[2])[:1]
        names = _(" and ").join(_openness(rules, w) for w in low)
        return tr("little openness to you: {names}, your estimates", names=names)
    if code == "watching":
        visibility, audience = args
        clauses = []
        if audience >= 0.15:
            clauses.append(tr("the leaders' audience costs are high after public confrontation and your own "
                              "public moves (about {audience:.2f}): giving way in public is dearer",
                              audience=audience))
        if visibility < 0.3 or not clauses:
            clauses.append(tr("few are watching (visibility {visibility:.0%}): world opinion adds little pressure",
                              visibility=visibility))
        return _("; ").join(clauses)
    if code == "trust":
        if len(args) == 1 and len(args[0]) == 2:
            i, trust = args[0]
            return tr("{party_name} distrusts you (trust {trust:.2f}, your estimate)",
                      party_name=party_name(rules, i), trust=trust)
        names = _(" and ").join(f"{party_name(rules, i)} {formatted(trust, '.2f')}" for i, trust in args)
        return tr("their trust in you is low ({names}, your estimates)", names=names)
    if code == "standing":
        prestige, coordination = args
        return (tr("your standing is limited (prestige {prestige:.0f} once this is paid for, coordination "
                   "{coordination:.0%})",
                   prestige=prestige, coordination=coordination))
    if code == "issue":
        k = args[0]
        issue = rules.scenario.pairs[k].issue
        return tr("{get} disputes are hard to mediate ({issue_success:.0%} succeed)",
                  get=issue_words(issue), issue_success=rules.issue_success[k])
    if code == "intensity":
        k, rung = args
        return tr("the crisis stands at '{value}', where mediation works less well", value=rules.ladders[k][rung])
    if code == "power_gap":
        k, __ = args
        return tr("the power gap between {pair_name}", pair_name=pair_name(rules, k, ' and '))
    if code == "repetition":
        return _("you have used it on them lately: it wears thin")
    if code == "mixed_signals":
        return tr("poor coordination risks contradictory signals (coordination {args:.0%})", args=args[0])
    if code == "veto":
        m, support, involved, visibility = args
        parts = [tr("{council_names}'s support for you is {support:.0%}",
                    council_names=rules.council_names[m], support=support)]
        if involved:
            parts.append(_("it is a party to the dispute"))
        if visibility < 0.3:
            parts.append(tr("few are watching (visibility {visibility:.0%})", visibility=visibility))
        return ", ".join(parts)
    if code == "no_threat":
        k, __ = args
        return tr("below '{value}' the Council sees no threat to peace", value=rules.ladders[k][2])
    if code == "hostility":
        i, hostility = args
        return tr("{party_name} is very hostile (hostility {hostility:.2f}, your estimate)",
                  party_name=party_name(rules, i), hostility=hostility)
    return ""  # track_two and mediator: they only ever help
