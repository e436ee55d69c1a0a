"use strict";
// A delegations class on the teacher's dashboard: the shared world's turn, its ladders as they truly stand, the
// teams and their orders, the timer, the button that plays the turn now, and every message between teams.
(function () {
  var el = GO.el;

  var renderTimer = GO.timer("world-timer");

  var candidates = [];

  function renderVote(d) {
    var v = d.delegation.vote;
    var open = !!(v && v.open);
    document.getElementById("vote-card").hidden = d.closed && !v;
    document.getElementById("vote-new").hidden = open || d.closed || d.world.done;
    document.getElementById("vote-open").hidden = !open;
    document.getElementById("vote-result").textContent = v && !v.open ? v.result : "";
    if (open) {
      document.getElementById("vote-total").textContent = v.total;
      GO.list(document.getElementById("vote-counts"), v.counts);
    }
    var box = document.getElementById("vote-candidates");
    var key = d.world.turn + ":" + d.candidates.map(function (c) { return c.label; }).join("|");
    if (box.dataset.key === key) return;  // keep the ticks being made
    box.dataset.key = key;
    candidates = d.candidates;
    GO.clear(box);
    candidates.forEach(function (c, n) {
      var label = el("label", null, "option");
      var input = el("input");
      input.type = "checkbox";
      input.value = n;
      label.appendChild(input);
      label.appendChild(el("span", c.label));
      box.appendChild(label);
    });
  }

  GO.ondashboard = function (d) {
    var on = d.kind === "delegations";
    document.getElementById("vote-card").hidden = !on;
    if (on) {
      document.querySelector("#fire-card h3").textContent = GO.labels.fire_event_world;
      document.querySelector("#fire-card p").textContent = GO.labels.fire_hint_world;
    }
    if (on) renderVote(d);
    ["world-controls", "world-card", "world-messages-card"].forEach(function (id) {
      document.getElementById(id).hidden = !on;
    });
    if (!on) return;
    var w = d.world;
    document.getElementById("world-heading").textContent = w.heading;
    document.getElementById("advance").disabled = d.closed || w.done;
    var seconds = document.getElementById("timer-seconds");
    if (document.activeElement !== seconds) seconds.value = w.timer;
    var ladders = GO.clear(document.getElementById("world-ladders"));
    w.ladders.forEach(function (p) {
      var row = el("div", null, "ladder");
      row.appendChild(el("div", p.name, "strong"));
      var rungs = el("div", null, "rungs");
      for (var r = 0; r <= p.top; r++) rungs.appendChild(el("span", null, r <= p.rung ? "rung on" : "rung"));
      row.appendChild(rungs);
      row.appendChild(el("div", p.rung + "/" + p.top + " · " + p.rung_name));
      ladders.appendChild(row);
    });
    document.getElementById("world-decisions").textContent = w.decisions;
    document.getElementById("world-waiting").textContent = w.waiting;
    document.getElementById("world-waits-box").hidden = !w.waits.length;
    GO.list(document.getElementById("world-waits"), w.waits);
    document.getElementById("world-answers-box").hidden = !w.answers.length;
    GO.list(document.getElementById("world-answers"), w.answers);
    var teams = GO.clear(document.getElementById("world-teams"));
    d.delegation.teams.forEach(function (t) {
      var item = el("li", null, t.sent ? "sent" : "");
      item.appendChild(el("span", t.name, "strong"));
      if (t.team) item.appendChild(el("span", " (" + t.team + ")"));
      item.appendChild(el("span", " — " + t.status, "muted"));
      teams.appendChild(item);
    });
    var list = GO.clear(document.getElementById("world-messages"));
    if (!d.delegation.messages.length) list.appendChild(el("li", GO.labels.no_messages, "muted"));
    d.delegation.messages.forEach(function (m) {
      var item = el("li");
      item.appendChild(el("div", m.from + " → " + m.to + " · " + m.when, "muted small"));
      item.appendChild(el("div", m.text));
      list.appendChild(item);
    });
    renderTimer(d.delegation);
  };

  document.getElementById("vote-start").addEventListener("click", function () {
    var picked = [];
    document.querySelectorAll("#vote-candidates input:checked").forEach(function (i) {
      var c = candidates[parseInt(i.value, 10)];
      picked.push({use: c.use, target: c.target, mode: c.mode});
    });
    GO.send({type: "vote", actions: picked});
  });
  document.getElementById("vote-close").addEventListener("click", function () { GO.send({type: "close_vote"}); });
  document.getElementById("advance").addEventListener("click", function () { GO.send({type: "advance"}); });
  document.getElementById("timer-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var seconds = parseInt(document.getElementById("timer-seconds").value, 10);
    GO.send({type: "timer", seconds: isNaN(seconds) ? 0 : seconds});
  });
})();
