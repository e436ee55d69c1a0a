"""A delegations class in words: the page of a party's team, the block every team's page carries (the seats,
the timer, the teams' messages) and the teacher's view of the shared game.

A party's team sees its own government as it truly is and the others as the office's analysts estimate them (the
same bands the Secretary-General reads); the ladders and the turn's decisions and news are public.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from game.engine import Action, Game, Rules
from game.engine.answers import PROPOSAL
from game.engine.facilitator import decision_of
from game.i18n import N_, _, tr
from game.i18n.formats import labelled, localized

from .news import answer_text, decision_words
from .web import discussion, ending, ladders, parties, report, turn_heading, turn_page
from .web import error_text as web_error_text
from .words import action_label, mode_name, pair_name, party_name, plural, use_name

SG = "sg"
MAX_PLAYER = 200  # characters of the players' names a save keeps

LABELS: dict[str, str] = {
    "join_seat": N_("Your team"),
    "seat_sg": N_("The Secretary-General's office"),
    "delegations": N_("The teams"),
    "sent": N_("orders sent"),
    "not_sent": N_("still deciding"),
    "engine_plays": N_("played by the game"),
    "your_government": N_("Your government:"),
    "own_hint": N_("Your government as it truly is: nobody else sees these figures."),
    "others": N_("The other parties"),
    "others_hint": N_("What your intelligence can tell of the others: estimates with their 90% band."),
    "your_decision": N_("Your decision this turn"),
    "decision_hint": N_("If your team sends nothing before the turn resolves, your government's advisers decide."),
    "send_decision": N_("Send the decision"),
    "decision_sent": N_("Your team's decision is sent: waiting for the other teams."),
    "orders_sent": N_("Your orders are sent: waiting for the other teams."),
    "messages": N_("Messages between teams"),
    "no_messages": N_("No messages yet."),
    "message_to": N_("To"),
    "message_text": N_("Message"),
    "send_message": N_("Send"),
    "timer_left": N_("Time left this turn"),
    "timer": N_("Turn timer (seconds, 0 for none)"),
    "set_timer": N_("Set the timer"),
    "advance": N_("Play the turn now"),
    "advance_hint": N_("Teams that have not sent their orders are left to the game."),
    "world": N_("The shared world"),
    "addressed": N_("What the Secretary-General addressed to you last turn"),
    "addressed_none": N_("Nothing was addressed to you last turn."),
    "send_orders": N_("Send the office's orders"),
    "fire_event_world": N_("Fire a scenario event in the shared world"),
    "fire_hint_world": N_("It happens now, in this turn, and the debrief shows it was the teacher's doing."),
    "projector": N_("Projector view"),
    "vote": N_("Class vote"),
    "vote_question": N_("What should the Secretary-General order now? Everyone in the class votes, whatever "
                        "their team."),
    "vote_send": N_("Vote"),
    "vote_sent": N_("Your ballot is in."),
    "vote_start": N_("Start the vote"),
    "vote_close": N_("Close the vote"),
    "vote_hint": N_("Tick 2 to 8 of the office's open actions; every student votes on their own device. If no "
                    "team sits in the office, the winner is the office's order this turn."),
    "asked": N_("Put to your government this turn"),
    "asked_hint": N_("Your team's answer decides it for your side. If your team sends none before the turn "
                     "resolves, your government's advisers answer as the game's model would."),
    "office_pending": N_("The office has not sent its orders yet: a proposal or an appeal to you may still come."),
    "send_answer": N_("Send the answer"),
    "answer_sent": N_("Your team's answer is sent."),
    "world_answers": N_("What the teams answered last turn"),
    "waits": N_("Who the turn is waiting for"),
}

ANSWER_CHOICES = {
    "accept": (N_("Accept"), N_("Agree to the formula: it is accepted if the other side agrees too; its terms "
                                "then take effect, and backing down costs your government less at home.")),
    "refuse": (N_("Refuse"), N_("Turn it down: the proposal fails, whatever the other side says. Refusing a public "
                                "proposal hardens positions.")),
    "heard": (N_("Hear it"), N_("Take the appeal to heart: your government's hostility and grievance ease.")),
    "brush_off": (N_("Brush it off"), N_("Set it aside: the appeal changes nothing, and the Secretary-General loses a "
                                         "little prestige.")),
}

DECISION_CHOICES = (
    ("escalate", N_("Escalate"), N_("Raise the pressure: your side gains ground if the others give way, and the "
                                    "ladder climbs for everyone.")),
    ("hold", N_("Hold"), N_("Keep your position: neither push nor give.")),
    ("step_back", N_("Step back"), N_("Ease off: it lowers the pressure, but backing down can cost you at home.")),
)

_OWN = (
    ("hostility", N_("hostility")),
    ("resolve", N_("resolve")),
    ("trust", N_("trust in the Secretary-General")),
    ("domestic_pressure", N_("pressure at home")),
    ("receptivity", N_("openness to mediation")),
    ("audience_cost", N_("what backing down would cost at home")),
)
_INTENTIONS = {"escalate": N_("to escalate"), "hold": N_("to hold its ground"), "settle": N_("to settle")}


def labels() -> dict[str, str]:
    """The delegation pages' own words in the language of this call path, for the browser."""
    return {key: _(text) for key, text in LABELS.items()}


def seat_ids(rules: Rules) -> list[str]:
    """The seats of a delegations class: the office, then each party that decides (not mediators or observers)."""
    return [SG, *(rules.party_ids[i] for i in rules.deciders)]


def seat_name(rules: Rules, role: str) -> str:
    """'The Secretary-General's office' or the party's name."""
    return _(LABELS["seat_sg"]) if role == SG else party_name(rules, role)


def seat_choices(rules: Rules, teams: Mapping[str, Sequence[str]]) -> list[dict[str, Any]]:
    """The seats a student can join, with who already sits in each."""
    return [{"id": role, "name": seat_name(rules, role),
             "team": ", ".join(teams.get(role, ())) or _(LABELS["engine_plays"])}
            for role in seat_ids(rules)]


def delegation_player(rules: Rules, teams: Mapping[str, Sequence[str]]) -> str:
    """The players of a delegations game as its save names them, e.g. 'Delegations: Northland (Ana, Ben); …'."""
    parts = [f"{seat_name(rules, role)} ({', '.join(names)})" for role, names in sorted(teams.items()) if names]
    text = tr("Delegations: {teams}", teams=_("; ").join(parts)) if parts else _("Delegations")
    return text if len(text) <= MAX_PLAYER else text[: MAX_PLAYER - 1] + "…"


def addressed_to(rules: Rules, game: Game, role: str) -> list[str]:
    """The office's orders of last turn that the party knows of because they were addressed to it: an action on
    the party or on a pair it belongs to, a proposal to such a pair (with whether it was accepted)."""
    if not game.inputs:
        return []
    me = rules.party_ids.index(role)
    mine = {rules.pair_ids[k] for k, members in enumerate(rules.pair_members) if me in members}
    out = []
    for action in game.inputs[-1].actions:
        if action.use in rules.proposals:
            prop = rules.proposals[action.use]
            if rules.pair_ids[prop.pair] in mine:
                answer = _("accepted") if prop.key in game.state.accepted else _("not accepted")
                out.append(tr("A proposal: {action} — {answer}.", action=action_label(rules, action), answer=answer))
        elif action.target == role or action.target in mine:
            out.append(f"{action_label(rules, action)}.")
    return out


def question_block(rules: Rules, question: Any, given: str | None) -> dict[str, Any]:
    """One proposal or appeal put to the party this turn, as its page shows it: what, by whom and to whom, its terms
    in the scenario's words, the two answers, and the team's answer once sent."""
    if question.kind == PROPOSAL:
        prop = rules.proposals[question.subject]
        members = " – ".join(party_name(rules, i) for i in rules.pair_members[prop.pair])
        title = tr("The Secretary-General proposes {name} ({mode}) to {members}", name=use_name(rules, prop.key),
                   mode=mode_name(question.mode), members=members)
        terms = prop.text
    else:
        ins = rules.instruments[question.subject]
        title = tr("The Secretary-General appeals to your government in private ({name})", name=ins.name)
        terms = ins.description
    return {
        "subject": question.subject,
        "kind": question.kind,
        "title": title,
        "terms": terms,
        "options": [{"id": a, "label": _(ANSWER_CHOICES[a][0]), "text": _(ANSWER_CHOICES[a][1])}
                    for a in question.answers],
        "answer": given,
        "answered": answer_text(rules, question.party, question.subject, given) if given else "",
    }


def waits_block(rules: Rules, teams: Mapping[str, Sequence[str]], sent: set[str],
                asked: Mapping[str, Sequence[str]]) -> list[str]:
    """Who the turn is waiting for, and for what: the office's orders (the parties it addresses answer after
    them), a party's decision, a party's answer to a proposal or an appeal put to it."""
    out = []
    for role in seat_ids(rules):
        if not teams.get(role):
            continue
        if role == SG and role not in sent:
            out.append(tr("{seat}: its orders (the parties they address answer after them)",
                          seat=seat_name(rules, role)))
        elif role != SG and role not in sent:
            out.append(tr("{seat}: its decision", seat=seat_name(rules, role)))
        if asked.get(role):
            out.append(tr("{seat}: its answer to {names}", seat=seat_name(rules, role),
                          names=_(", ").join(use_name(rules, subject) for subject in asked[role])))
    return out


def answers_lines(rules: Rules, answers: Sequence[tuple[str, str, str]]) -> list[str]:
    """A turn's answers from the parties' seats: "Cuba's delegation refused the proposal 'UN verification'."."""
    return [answer_text(rules, party, subject, answer) for party, subject, answer in answers]


def own_state(rules: Rules, game: Game, role: str) -> list[dict[str, Any]]:
    """The party's true values, each in [0, 1] for its bar, and its aim."""
    p = game.state.parties[rules.party_ids.index(role)]
    out = [{"label": _(label), "value": round(getattr(p, attr), 2), "text": localized(f"{getattr(p, attr):.2f}")}
           for attr, label in _OWN]
    aim = _(_INTENTIONS[p.intention]) if p.intention in _INTENTIONS else p.intention
    out.append({"label": _("your aim"), "value": None, "text": aim})
    return out


def teams_block(rules: Rules, teams: Mapping[str, Sequence[str]], sent: set[str],
                asked: Mapping[str, Sequence[str]] | None = None) -> list[dict[str, Any]]:
    """Every seat with its team and whether it has sent its orders this turn (a party asked to answer a proposal
    or an appeal has sent them once it has answered too)."""
    out = []
    asked = asked or {}
    for role in seat_ids(rules):
        names = list(teams.get(role, ()))
        status = _((LABELS["sent"] if role in sent else LABELS["not_sent"]) if names else LABELS["engine_plays"])
        if names and asked.get(role):
            status = tr("asked to answer {names}", names=_(", ").join(use_name(rules, s) for s in asked[role]))
        out.append({"id": role, "name": seat_name(rules, role), "team": ", ".join(names), "status": status,
                    "sent": role in sent, "seated": bool(names)})
    return out


def team_decision_text(rules: Rules, party: str, decision: str) -> str:
    """A party team's decision of a turn, as the debriefs list it: "Northland's team chose to step back"."""
    return tr("{party}'s team chose to {decision}", party=seat_name(rules, party),
              decision=decision_words(decision_of(decision)))


def team_message_text(rules: Rules, message: Any) -> str:
    """A message between teams, as the debriefs list it: who wrote to whom, and the text as typed."""
    return tr("{sender} ({author}) to {recipient}: “{text}”", sender=seat_name(rules, message.sender),
              author=message.author, recipient=seat_name(rules, message.recipient), text=message.text)


def message_lines(rules: Rules, messages: Sequence[Any]) -> list[dict[str, Any]]:
    """Messages as the pages show them: who wrote to whom, on which turn, and the text as typed."""
    return [{"id": m.id, "from": f"{seat_name(rules, m.sender)} ({m.author})", "to": seat_name(rules, m.recipient),
             "when": turn_heading(rules, m.turn), "text": m.text} for m in messages]


def delegation_block(rules: Rules, role: str | None, teams: Mapping[str, Sequence[str]], sent: set[str],
                     messages: Sequence[Any], deadline: float | None, left: float | None, now: float, *,
                     asked: Mapping[str, Sequence[str]] | None = None, questions: Sequence[dict[str, Any]] = (),
                     decided: bool = False, office_pending: bool = False) -> dict[str, Any]:
    """What every page of a delegations class carries besides the turn: the teams, the timer (seconds left, and
    whether it runs: it stands still while the class is paused), the messages; for a party, what the office put
    to it this turn (`questions`, question_block), whether its decision is in (`decided`: `sent` also needs its
    answers) and whether the office's orders are still to come. `sent` holds the seats that sent all the turn
    needs from them, `asked` each seat's questions still unanswered (proposal or instrument ids)."""
    remaining = max(0.0, deadline - now) if deadline is not None else left
    return {
        "role": role,
        "seat": seat_name(rules, role) if role else "",
        "teams": teams_block(rules, teams, sent, asked),
        "sent": role in sent if role else False,
        "decided": decided,
        "questions": list(questions),
        "office_pending": office_pending and role not in (None, SG),
        "remaining": None if remaining is None else round(remaining, 1),
        "running": deadline is not None,
        "messages": message_lines(rules, messages),
        "recipients": [{"id": r, "name": seat_name(rules, r)} for r in seat_ids(rules) if r != role],
    }


def party_page(game: Game, role: str, *, player: str, paused: bool, closed: bool) -> dict[str, Any]:
    """Everything a party team's page shows this turn: its true state, the others' estimates, the public record
    of the last turn, and the three decisions."""
    rules = game.rules
    obs = game.observation()
    last = report(rules, game.reports[-1] if game.reports else None)
    public = None if last is None else {"heading": last["heading"], "decisions": last["decisions"], "totals": [],
                                        "groups": [], "news": [], "reactions_heading": last["reactions_heading"],
                                        "reactions": [], "later": []}
    me = rules.party_ids.index(role)
    previous = game.state.parties[me].last_decision
    return {
        "kind": "party",
        "title": rules.scenario.title,
        "player": player,
        "heading": turn_heading(rules, game.turn),
        "turn": game.turn,
        "done": game.done,
        "paused": paused,
        "closed": closed,
        "party": party_name(rules, role),
        "own": own_state(rules, game, role),
        "addressed": addressed_to(rules, game, role),
        "last": tr("Last turn your government chose to {decision}.", decision=decision_words(previous))
        if game.turn > 0 else "",
        "ladders": ladders(rules, obs),
        "parties": [p for n, p in enumerate(parties(obs, unit=rules.scenario.calendar.turn_unit)) if n != me],
        "report": public,
        "choices": [] if game.done or closed else [{"id": k, "label": _(label), "text": _(text)}
                                                   for k, label, text in DECISION_CHOICES],
        "discussion": discussion(game),
        "ending": ending(game),
    }


def office_page(game: Game, *, player: str, paused: bool, closed: bool) -> dict[str, Any]:
    """The office team's page: the Secretary-General's usual turn."""
    return turn_page(game, player=player, paused=paused, closed=closed) | {"kind": "office"}


def world_dashboard(rules: Rules, game: Game, teams: Mapping[str, Sequence[str]], sent: set[str], *, timer: int,
                    asked: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    """The teacher's view of the shared game: its turn, the ladders as they truly stand, every party's decision
    last turn and the teams' answers to what the office put to them, the teams and who the turn waits for (`sent`:
    the seats whose orders or decision are in; `asked`: each seat's questions still unanswered)."""
    rungs = [{"name": pair_name(rules, k), "rung": pair.rung, "top": rules.tops[k],
              "rung_name": rules.ladders[k][pair.rung]} for k, pair in enumerate(game.state.pairs)]
    last = report(rules, game.reports[-1] if game.reports else None)
    asked = asked or {}
    waiting = [seat_name(rules, r) for r in seat_ids(rules) if teams.get(r) and (r not in sent or asked.get(r))]
    waits = waits_block(rules, teams, sent, asked)
    return {
        "heading": turn_heading(rules, game.turn),
        "turn": game.turn,
        "done": game.done,
        "ladders": rungs,
        "decisions": last["decisions"] if last else "",
        "waiting": tr("Waiting for: {seats}.", seats=", ".join(waiting)) if waiting else "",
        "waits": [] if game.done else waits,
        "answers": answers_lines(rules, game.inputs[-1].answers) if game.inputs else [],
        "timer": timer,
        "teams_count": plural(sum(1 for names in teams.values() if names), "team"),
        "ending": ending(game),
    }


# Why the server refused something a team or the teacher asked of the shared world (beside web.ERRORS).
ERRORS: dict[str, str] = {
    "no_such_seat": N_("There is no such seat in this class: choose one from the list."),
    "not_your_seat": N_("Your seat cannot do that: only the office gives orders, and only a party decides its course."),
    "already_sent": N_("Your team has already sent its orders for this turn."),
    "bad_decision": N_("A party escalates, holds or steps back: choose one of the three."),
    "empty_message": N_("Type a message first."),
    "not_delegations": N_("This is a solo class: there are no teams."),
    "bad_timer": N_("The timer takes a number of seconds from 0 (none) to 3600."),
    "vote_open": N_("A class vote is already under way: close it first."),
    "bad_vote": N_("A class vote needs 2 to 8 of the office's actions open now; reload the page."),
    "no_vote": N_("There is no class vote under way."),
    "already_voted": N_("Your ballot is already in."),
    "answer_first": N_("Answer what the office put to your government first, then send the decision."),
    "not_asked": N_("That was not put to your government this turn: reload the page."),
    "bad_answer": N_("A proposal is accepted or refused, an appeal heard or brushed off: choose one of the two."),
    "already_answered": N_("Your team has already answered that this turn."),
}


def error_text(rules: Rules, code: str, refusal=None) -> str:
    """One line for a refused message, in a delegations class as in a solo one."""
    if refusal is None and code in ERRORS:
        return _(ERRORS[code])
    return web_error_text(rules, code, refusal)


def vote_block(rules: Rules, poll: Any, votes: Sequence[Any], turn: int, *, teacher: bool) -> dict[str, Any] | None:
    """The class vote as a page shows it: the ballot while it is open (with the counts for the teacher), else
    the result of this turn's vote, else nothing."""
    if poll is not None:
        counts = poll.counts()
        block: dict[str, Any] = {
            "open": True,
            "id": poll.id,
            "question": _(LABELS["vote_question"]),
            "options": [{"index": n, "label": action_label(rules, a)} for n, a in enumerate(poll.candidates)],
            "total": plural(len(poll.ballots), "ballot"),
        }
        if teacher:
            block["counts"] = [labelled(action_label(rules, a), n) for a, (_, n) in zip(poll.candidates, counts,
                                                                                     strict=True)]
        return block
    vote = next((v for v in reversed(votes) if v.turn == turn), None)
    if vote is None:
        return None
    total = sum(n for _, n in vote.counts)
    won = next(n for a, n in vote.counts if a == vote.chosen)
    return {"open": False, "result": tr("The class chose: {action} ({won} of {votes}).",
                                        action=written_label(rules, vote.chosen), won=won,
                                        votes=plural(total, "vote"))}


def written_label(rules: Rules, written: str) -> str:
    """An action written as in orders ('use target mode') in words."""
    use, *rest = written.split()
    if use in rules.proposals:
        return action_label(rules, Action(use, None, rest[-1] if rest else None))
    return action_label(rules, Action(use, rest[0] if rest else None))


def vote_candidates(rules: Rules, game: Game) -> list[dict[str, Any]]:
    """The office's actions open now, that a teacher can put to a class vote."""
    if game.done:
        return []
    return [{"use": a.use, "target": a.target, "mode": a.mode, "label": action_label(rules, a)}
            for a in game.legal_actions()]
