"use strict";
// A delegations class on the student's page: the seat picker when joining, a party's own cards (its government,
// its decision), the teams and their orders, the turn's timer and the messages between teams. Every word comes
// from the server (game/present/delegations.py) and is placed as text.
(function () {
  var el = GO.el;
  var page = null;

  function delegations() { return GO.info && GO.info.kind === "delegations"; }

  GO.onjoin = function () {
    var field = document.getElementById("seat-field");
    field.hidden = !delegations();
    if (!delegations()) return;
    var select = GO.clear(document.getElementById("seat"));
    GO.info.seats.forEach(function (s) {
      var option = el("option", s.name + " — " + s.team);
      option.value = s.id;
      select.appendChild(option);
    });
  };

  GO.joinExtra = function () { return delegations() ? {seat: document.getElementById("seat").value} : {}; };

  function bar(value) {
    var node = el("div", null, "band");
    var mark = el("span", null, "range");
    mark.style.left = "0";
    mark.style.width = Math.max(1, value * 100) + "%";
    node.appendChild(mark);
    return node;
  }

  function renderOwn(p) {
    var party = p.kind === "party";
    document.getElementById("own-card").hidden = !party;
    document.getElementById("parties-hint").hidden = !party;
    document.getElementById("decision-card").hidden = !party || !p.choices.length;
    if (!party) return;
    document.getElementById("own-heading").textContent = GO.labels.your_government + " " + p.party;
    var box = GO.clear(document.getElementById("own"));
    p.own.forEach(function (o) {
      var line = el("div", null, "estimate");
      line.appendChild(el("span", o.label, "est-label"));
      if (o.value === null) line.appendChild(el("span", o.text, "strong"));
      else { line.appendChild(bar(o.value)); line.appendChild(el("span", o.text, "est-text small")); }
      box.appendChild(line);
    });
    document.getElementById("last-decision").textContent = p.last;
    GO.list(document.getElementById("addressed"), p.addressed.length ? p.addressed : [GO.labels.addressed_none]);
    var before = document.querySelector("#decisions input:checked");
    var keep = before && before.dataset.turn === String(p.turn) ? before.value : "hold";
    var choices = GO.clear(document.getElementById("decisions"));
    p.choices.forEach(function (c) {
      var label = el("label", null, "option");
      var input = el("input");
      input.type = "radio";
      input.name = "decision";
      input.value = c.id;
      input.checked = c.id === keep;
      input.dataset.turn = String(p.turn);
      label.appendChild(input);
      var words = el("span");
      words.appendChild(el("span", c.label, "strong"));
      words.appendChild(el("div", c.text, "muted small"));
      label.appendChild(words);
      choices.appendChild(label);
    });
    renderQuestions(p);
    var button = document.getElementById("send-decision");
    button.disabled = p.paused || p.closed || p.delegation.sent;
    button.textContent = p.delegation.decided ? GO.labels.send_answer : GO.labels.send_decision;
    choices.hidden = p.delegation.decided;
  }

  // What the office put to the party this turn: each proposal or appeal with its terms and the two answers (a
  // choice being made survives the page's updates); once answered, what the team said.
  function renderQuestions(p) {
    var d = p.delegation;
    var questions = d.questions || [];
    document.getElementById("questions-box").hidden = !questions.length;
    document.getElementById("office-pending").hidden = !d.office_pending || d.decided;
    var box = document.getElementById("questions");
    var kept = {};
    box.querySelectorAll("input:checked").forEach(function (i) {
      if (i.dataset.turn === String(p.turn)) kept[i.name] = i.value;
    });
    GO.clear(box);
    questions.forEach(function (q) {
      var item = el("div", null, "question");
      item.appendChild(el("div", q.title, "strong"));
      item.appendChild(el("div", q.terms, "terms"));
      if (q.answer !== null) {
        item.appendChild(el("div", q.answered + " " + GO.labels.answer_sent, "strong"));
      } else {
        q.options.forEach(function (o) {
          var label = el("label", null, "option");
          var input = el("input");
          input.type = "radio";
          input.name = "answer-" + q.subject;
          input.value = o.id;
          input.dataset.subject = q.subject;
          input.dataset.turn = String(p.turn);
          input.checked = kept[input.name] === o.id;
          label.appendChild(input);
          var words = el("span");
          words.appendChild(el("span", o.label, "strong"));
          words.appendChild(el("div", o.text, "muted small"));
          label.appendChild(words);
          item.appendChild(label);
        });
      }
      box.appendChild(item);
    });
  }

  function renderTeams(d, party) {
    document.getElementById("teams-card").hidden = false;
    var note = document.getElementById("sent-note");
    note.hidden = !d.sent;
    note.textContent = party ? GO.labels.decision_sent : GO.labels.orders_sent;
    var list = GO.clear(document.getElementById("teams"));
    d.teams.forEach(function (t) {
      var item = el("li", null, t.sent ? "sent" : "");
      item.appendChild(el("span", t.name, "strong"));
      if (t.team) item.appendChild(el("span", " (" + t.team + ")"));
      item.appendChild(el("span", " — " + t.status, "muted"));
      list.appendChild(item);
    });
  }

  function renderMessages(d) {
    document.getElementById("messages-card").hidden = false;
    var list = GO.clear(document.getElementById("messages"));
    if (!d.messages.length) list.appendChild(el("li", GO.labels.no_messages, "muted"));
    d.messages.forEach(function (m) {
      var item = el("li");
      item.appendChild(el("div", m.from + " → " + m.to + " · " + m.when, "muted small"));
      item.appendChild(el("div", m.text));
      list.appendChild(item);
    });
    var select = document.getElementById("message-to");
    var keep = select.value;
    GO.clear(select);
    d.recipients.forEach(function (r) {
      var option = el("option", r.name);
      option.value = r.id;
      select.appendChild(option);
    });
    if (keep) select.value = keep;
  }

  var renderTimer = GO.timer("timer");

  function renderVote(v, ballot) {
    var card = document.getElementById("vote-card");
    card.hidden = !v;
    if (!v) return;
    var form = document.getElementById("vote-form");
    var status = document.getElementById("vote-status");
    form.hidden = !v.open || ballot !== null;
    if (!v.open) { status.textContent = v.result; document.getElementById("vote-question").textContent = ""; return; }
    document.getElementById("vote-question").textContent = v.question;
    status.textContent = ballot !== null ? GO.labels.vote_sent + " (" + v.options[ballot].label + ")" : "";
    var box = document.getElementById("vote-options");
    if (box.dataset.poll === String(v.id)) return;  // keep a choice being made
    box.dataset.poll = String(v.id);
    GO.clear(box);
    v.options.forEach(function (o) {
      var label = el("label", null, "option");
      var input = el("input");
      input.type = "radio";
      input.name = "vote";
      input.value = o.index;
      label.appendChild(input);
      label.appendChild(el("span", o.label, "strong"));
      box.appendChild(label);
    });
    document.getElementById("vote-send").textContent = GO.labels.vote_send;
  }

  GO.onpage = function (p) {
    page = p;
    if (!p.delegation) return;
    renderVote(p.delegation.vote, p.ballot === undefined ? null : p.ballot);
    var party = p.kind === "party";
    document.getElementById("player").textContent = p.player + " · " + p.delegation.seat;
    var submit = document.getElementById("submit");
    if (!party && !submit.disabled) submit.textContent = GO.labels.send_orders;
    renderOwn(p);
    renderTeams(p.delegation, party);
    renderMessages(p.delegation);
    renderTimer(p.delegation);
  };

  // Between turns only the teams' block changes (orders sent, a message): it comes on its own.
  GO.ondelegation = function (block, ballot) {
    if (!page) return;
    page.delegation = block;
    page.ballot = ballot === undefined ? null : ballot;
    GO.onpage(page);
    if (block.sent) document.getElementById("submit").disabled = true;
  };

  GO.onerror = function () {
    if (page && page.delegation) {
      document.getElementById("send-decision").disabled = page.paused || page.closed || page.delegation.sent;
    }
  };

  document.getElementById("decision-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var picked = document.querySelector("#decisions input:checked");
    if (!page || !picked) return;
    var answers = {};
    document.querySelectorAll("#questions input:checked").forEach(function (i) { answers[i.dataset.subject] = i.value; });
    document.getElementById("send-decision").disabled = true;
    if (page.delegation.decided) GO.send({type: "answer", turn: page.turn, answers: answers});
    else GO.send({type: "decide", turn: page.turn, decision: picked.value, answers: answers});
  });

  document.getElementById("vote-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var picked = document.querySelector("#vote-options input:checked");
    if (picked) GO.send({type: "ballot", choice: parseInt(picked.value, 10)});
  });

  document.getElementById("message-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = document.getElementById("message-text");
    if (!text.value.trim()) return;
    GO.send({type: "say", to: document.getElementById("message-to").value, text: text.value});
    text.value = "";
  });
})();
