"""Kill -9 a delegations class's server at random moments while its teams play, bring it back with
`host --resume`, and check that every acknowledged order survived (in the turn it was played in, or waiting in
the current one), none was stored twice, and the shared world is exactly the one its stored turns replay to. The
office floats proposals and sends appeals to the parties' teams, which answer them: the answers are orders too."""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time

from websockets.sync.client import connect

from game.engine import build_rules, replay
from game.present import delegations
from game.scenario.loader import load_scenario
from game.server.store import Store

from .test_kill_resume import ROOT, free_port, join_seat, start_scenario

CUBA = ROOT / "scenarios" / "cuban_missile_crisis_1962.yaml"
TRIES = 20
DECISIONS = ("escalate", "hold", "step_back")
PARTIES = ("usa", "ussr")  # the parties' seats with a team
PROPOSALS = ("ships_apart", "no_invasion_pledge", "turkey_formula")  # the ones put to the United States and the USSR


class Team:
    """One team's page: the orders it sent that the server acknowledged, by turn, and a party's answers."""

    def __init__(self, role: str, token: str) -> None:
        self.role, self.token = role, token
        self.acked: dict[int, str] = {}  # turn -> the decision ('' for the office's orders)
        self.answered: dict[tuple[int, str], str] = {}  # (turn, proposal or instrument id) -> the answer
        self.in_flight: tuple[int, str, dict[str, str]] | None = None
        self.page: dict = {}
        self.ws = None

    def open(self, port: int) -> dict:
        self.ws = connect(f"ws://127.0.0.1:{port}/ws", open_timeout=5).__enter__()
        self.ws.send(json.dumps({"type": "hello", "token": self.token}))
        reply = json.loads(self.ws.recv(timeout=5))
        assert reply["type"] == "page", reply
        self.page = reply["page"]
        return self.page

    def unanswered(self) -> dict[str, list[str]]:
        """The questions of this turn still to answer, with their two answers."""
        block = self.page.get("delegation") or {}
        return {q["subject"]: [o["id"] for o in q["options"]] for q in block.get("questions", [])
                if q["answer"] is None and (self.page["turn"], q["subject"]) not in self.answered}

    def waiting(self) -> bool:
        """Whether the team has something to send this turn."""
        return self.page["turn"] not in self.acked or bool(self.role != delegations.SG and self.unanswered())

    def send(self, rng: random.Random) -> None:
        """Send this turn's orders (the office: an appeal to a party or a proposal, now and then; a party: its
        decision and answers, or its answers alone once it has decided) and wait for the server to acknowledge
        them (its teams' block, or the next turn's page when they were the last)."""
        turn = self.page["turn"]
        answers = {s: rng.choice(options) for s, options in self.unanswered().items()}
        if self.role == delegations.SG:
            addressed = [{"use": i["use"], "target": i["target"], "mode": i["mode"]} for i in self.page["instruments"]
                         if i["use"] in PROPOSALS or i["use"] == "private_appeal" and i["target"] in PARTIES]
            actions = [rng.choice(addressed)] if addressed and rng.random() < 0.6 else []
            msg, decision = {"type": "submit", "turn": turn, "actions": actions, "choices": {}}, ""
        elif turn in self.acked:
            msg, decision = {"type": "answer", "turn": turn, "answers": answers}, self.acked[turn]
        else:
            decision = rng.choice(DECISIONS)
            msg = {"type": "decide", "turn": turn, "decision": decision, "answers": answers}
        self.in_flight = (turn, decision, answers)
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv(timeout=5))
            played = reply["type"] == "page" and reply["page"]["turn"] > turn
            block = reply.get("delegation") if reply["type"] == "delegation" else None
            mine = block is not None and (block["decided"] if self.role != delegations.SG else block["sent"]) and all(
                any(q["subject"] == s and q["answer"] == a for q in block["questions"]) for s, a in answers.items())
            if played or mine:
                self.acked[turn] = decision
                self.answered |= {(turn, s): a for s, a in answers.items()}
                self.in_flight = None
                if reply["type"] == "page":
                    self.page = reply["page"]
                else:
                    self.page["delegation"] = block
                return
            if reply["type"] == "delegation":
                self.page["delegation"] = reply["delegation"]
            assert reply["type"] != "error", reply

    def catch_up(self) -> None:
        """Read what came in until the page shows the current turn (others' orders may have played it) and the
        questions put to the team."""
        while True:
            try:
                reply = json.loads(self.ws.recv(timeout=0.05))
            except TimeoutError:
                return
            if reply["type"] == "page":
                self.page = reply["page"]
            elif reply["type"] == "delegation":
                self.page["delegation"] = reply["delegation"]


def play_until_killed(teams: list[Team], rng: random.Random) -> None:
    try:
        while True:
            for team in teams:
                team.catch_up()
            if teams[0].page["done"]:
                return
            waiting = [t for t in teams if t.waiting()]
            if waiting:
                rng.choice(waiting).send(rng)
    except Exception:  # noqa: BLE001 - the server was killed under us; that is the point
        return


def test_a_delegations_class_resumes_after_kill_9_with_every_order(tmp_path):
    rules = build_rules(load_scenario(CUBA).scenario)
    db = tmp_path / "class.sqlite"
    port = free_port()
    rng = random.Random(1962)
    server = start_scenario(db, port, CUBA, ("--delegations",))
    with sqlite3.connect(db) as con:
        seed, session_id = con.execute("SELECT seed, id FROM sessions").fetchone()
    teams = [Team(role, join_seat(port, f"team {role}", role)) for role in ("sg", "usa", "ussr")]
    for team in teams:
        team.open(port)
    kills = 0
    try:
        for attempt in range(TRIES):
            worker = threading.Thread(target=play_until_killed, args=(teams, random.Random(attempt)))
            worker.start()
            time.sleep(rng.uniform(0.05, 0.6))
            server.kill()  # SIGKILL: no shutdown, no flush
            server.wait()
            kills += 1
            worker.join(timeout=10)
            for team in teams:
                team.ws.close()
            server = start_scenario(db, port, None, ())
            store = Store(db)
            resolved = store.resolved(session_id)
            current = {role: decision for role, _, _, decision in store.orders(session_id, len(resolved))}
            current_answers = store.answers(session_id, len(resolved))
            with sqlite3.connect(db) as con:
                stored = con.execute("SELECT turn, role FROM orders").fetchall()
                answers_stored = con.execute("SELECT turn, role, subject FROM answers").fetchall()
            store.close()
            assert len(stored) == len(set(stored)), "an order stored twice"
            assert len(answers_stored) == len(set(answers_stored)), "an answer stored twice"
            world = replay(rules, seed, resolved)
            for team in teams:
                page = team.open(port)
                assert page["turn"] == world.turn
                if team.in_flight is not None:  # sent, perhaps stored, never acknowledged
                    turn, decision, answers = team.in_flight
                    if team.role == "sg" or not answers:
                        stored_it = turn < len(resolved) and (team.role == "sg" or team.role in dict(
                            resolved[turn].decisions)) or turn == len(resolved) and team.role in current
                    else:  # the answers and the decision are committed at once
                        subject = next(iter(answers))
                        stored_it = turn < len(resolved) and any(
                            p == team.role and s == subject for p, s, __ in resolved[turn].answers
                        ) or turn == len(resolved) and subject in current_answers.get(team.role, {})
                    if stored_it:
                        team.acked[turn] = decision
                        team.answered |= {(turn, s): a for s, a in answers.items()}
                    team.in_flight = None
                for turn, decision in team.acked.items():
                    if turn < len(resolved):
                        if team.role != "sg":
                            assert dict(resolved[turn].decisions)[team.role] == decision, "an order lost"
                    else:
                        assert turn == len(resolved) and team.role in current, "an order lost"
                        assert current[team.role] == decision
                for (turn, subject), answer in team.answered.items():
                    if turn < len(resolved):
                        assert (team.role, subject, answer) in resolved[turn].answers, "an answer lost"
                    else:
                        assert current_answers[team.role][subject] == answer, "an answer lost"
                if team.role != "sg":
                    expected = delegations.party_page(world, team.role, player=page["player"], paused=False,
                                                      closed=False)
                    shown = {k: v for k, v in page.items() if k not in ("delegation", "ballot")}
                    assert json.loads(json.dumps(expected)) == shown, f"{team.role}: the resumed world differs"
            if world.done:
                break
    finally:
        server.kill()
        server.wait()
    assert kills >= 5
    assert sum(len(t.acked) for t in teams) >= kills  # the kills fell while turns were being played
    assert sum(len(t.answered) for t in teams) > 0  # and the teams answered what the office put to them
