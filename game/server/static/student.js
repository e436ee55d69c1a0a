"use strict";
(function () {
  var KEY = "good-offices-seat";
  var socket = null;
  var page = null;
  var el = GO.el;

  function token() { return localStorage.getItem(KEY); }

  // A rejoin link (/#seat=TOKEN) moves a seat to another device: keep the token, then take it out of the address.
  var linked = new URLSearchParams(location.hash.slice(1)).get("seat");
  if (linked) {
    localStorage.setItem(KEY, linked);
    history.replaceState(null, "", location.pathname);
  }

  function showJoin() {
    document.getElementById("game").hidden = true;
    document.getElementById("join").hidden = false;
    if (GO.onjoin) GO.onjoin();
  }

  function bar(rung, top) {
    var node = el("div", null, "rungs");
    for (var r = 0; r <= top; r++) node.appendChild(el("span", null, r <= rung ? "rung on" : "rung"));
    return node;
  }

  function band(est) {
    var node = el("div", null, "band");
    var fill = el("span", null, "range");
    fill.style.left = (est.low * 100) + "%";
    fill.style.width = Math.max(1, (est.high - est.low) * 100) + "%";
    var mark = el("span", null, "value");
    mark.style.left = (est.value * 100) + "%";
    node.appendChild(fill);
    node.appendChild(mark);
    return node;
  }

  function renderLadders(items) {
    var box = GO.clear(document.getElementById("ladders"));
    items.forEach(function (p) {
      var row = el("div", null, "ladder");
      row.appendChild(el("div", p.name, "strong"));
      row.appendChild(bar(p.rung, p.top));
      row.appendChild(el("div", p.rung + "/" + p.top + " · " + p.rung_name));
      row.appendChild(el("div", p.pressure, "muted"));
      p.notes.forEach(function (n) { row.appendChild(el("div", n, "muted")); });
      box.appendChild(row);
    });
  }

  function renderParties(items) {
    var box = GO.clear(document.getElementById("parties"));
    items.forEach(function (p) {
      var row = el("div", null, "party");
      row.appendChild(el("div", p.name, "strong"));
      row.appendChild(el("div", p.intention));
      if (p.last) row.appendChild(el("div", p.last, "muted"));
      if (p.reaction) row.appendChild(el("div", p.reaction, "reaction"));
      row.appendChild(el("div", p.age, "muted small"));
      p.estimates.forEach(function (e) {
        var line = el("div", null, "estimate");
        line.appendChild(el("span", e.label, "est-label"));
        line.appendChild(band(e));
        line.appendChild(el("span", e.text, "est-text small"));
        row.appendChild(line);
      });
      box.appendChild(row);
    });
  }

  function renderOffice(o) {
    var box = GO.clear(document.getElementById("office"));
    var list = el("ul", null, "chips");
    o.items.forEach(function (t) { list.appendChild(el("li", t)); });
    box.appendChild(list);
    if (o.elsewhere) box.appendChild(el("p", o.elsewhere, "muted"));
    if (o.progress && o.progress.length) {
      box.appendChild(el("h4", GO.labels.progress));
      box.appendChild(el("p", o.progress.join(" · ")));
    }
    if (o.council.length) {
      box.appendChild(el("h4", GO.labels.council));
      box.appendChild(el("p", o.council.join(" · ")));
    }
    if (o.opinion.length) {
      box.appendChild(el("h4", o.opinion_heading));
      box.appendChild(el("p", o.opinion.join(" · ")));
    }
    box.appendChild(el("h4", GO.labels.underway));
    if (!o.underway.length) box.appendChild(el("p", GO.labels.nothing_underway, "muted"));
    var ul = el("ul");
    o.underway.forEach(function (t) { ul.appendChild(el("li", t)); });
    box.appendChild(ul);
  }

  function renderReport(r) {
    var card = document.getElementById("report-card");
    card.hidden = !r;
    if (!r) return;
    document.getElementById("report-heading").textContent = r.heading;
    var box = GO.clear(document.getElementById("report"));
    if (r.decisions) box.appendChild(el("p", r.decisions, "strong"));
    if (r.totals.length) {
      var totals = el("ul", null, "totals");
      r.totals.forEach(function (t) { totals.appendChild(el("li", t)); });
      box.appendChild(totals);
    }
    r.groups.forEach(function (g) {
      var group = el("div", null, "cause");
      group.appendChild(el("div", g.title, "cause-head"));
      var ul = el("ul");
      g.sentences.forEach(function (s) { ul.appendChild(el("li", s)); });
      group.appendChild(ul);
      box.appendChild(group);
    });
    if (r.reactions.length) {
      box.appendChild(el("h4", r.reactions_heading));
      var said = el("ul", null, "news");
      r.reactions.forEach(function (t) { said.appendChild(el("li", t)); });
      box.appendChild(said);
    }
    box.appendChild(el("h4", GO.labels.news));
    if (!r.news.length) box.appendChild(el("p", GO.labels.no_news, "muted"));
    var news = el("ul", null, "news");
    r.news.forEach(function (n) { news.appendChild(el("li", n)); });
    box.appendChild(news);
    r.later.forEach(function (day) {
      box.appendChild(el("h4", day.heading));
      var items = el("ul", null, "news");
      day.news.concat(day.changes).forEach(function (n) { items.appendChild(el("li", n)); });
      box.appendChild(items);
    });
  }

  function renderEvents(items) {
    var card = document.getElementById("events-card");
    card.hidden = !items.length;
    var box = GO.clear(document.getElementById("events"));
    items.forEach(function (ev, n) {
      var fs = el("fieldset", null, "event");
      fs.appendChild(el("legend", ev.title));
      fs.appendChild(el("p", ev.text));
      ev.choices.forEach(function (c) {
        var label = el("label", null, "option");
        var input = el("input");
        input.type = "radio";
        input.name = "event-" + n;
        input.value = c.id;
        input.dataset.event = ev.id;
        input.checked = c["default"];
        input.disabled = !!c.disabled;
        label.appendChild(input);
        var words = el("span");
        words.appendChild(el("span", c.label, "strong"));
        if (c.text) words.appendChild(el("span", " " + c.text));
        if (c.notes) words.appendChild(el("span", " (" + c.notes + ")", "muted"));
        label.appendChild(words);
        fs.appendChild(label);
      });
      box.appendChild(fs);
    });
  }

  function renderInstruments(items, locked) {
    var card = document.getElementById("instruments-card");
    card.hidden = !items.length;
    var box = GO.clear(document.getElementById("instruments"));
    items.forEach(function (a) {
      var label = el("label", null, "option instrument");
      var input = el("input");
      input.type = "checkbox";
      input.value = a.id;
      label.appendChild(input);
      var words = el("span");
      words.appendChild(el("span", a.label, "strong"));
      words.appendChild(el("span", " — " + a.cost + " · " + a.timing, "cost"));
      words.appendChild(el("div", a.summary, "muted small"));
      label.appendChild(words);
      box.appendChild(label);
    });
    var button = document.getElementById("submit");
    button.disabled = locked;
    button.textContent = GO.labels.submit;
  }

  function renderEnding(e) {
    var box = GO.clear(document.getElementById("ending"));
    box.hidden = !e;
    if (!e) return;
    box.appendChild(el("h2", e.title));
    box.appendChild(el("p", e.rating, "strong"));
    box.appendChild(el("p", e.text));
    var score = el("ul");
    e.score.forEach(function (s) { score.appendChild(el("li", s)); });
    box.appendChild(score);
    var peaks = el("ul");
    e.peaks.forEach(function (s) { peaks.appendChild(el("li", s)); });
    box.appendChild(peaks);
    var links = el("p", null, "controls");
    [["debrief", "/api/debrief"], ["save", "/api/save"]].forEach(function (pair) {
      var a = el("a", GO.labels[pair[0]], "button");
      a.href = pair[1] + "?token=" + encodeURIComponent(token());
      a.target = "_blank";
      links.appendChild(a);
    });
    box.appendChild(links);
    if (e.history.length) {
      box.appendChild(el("h3", e.history_heading));
      var hist = el("ul");
      e.history.forEach(function (s) { hist.appendChild(el("li", s)); });
      box.appendChild(hist);
    }
    if (e.questions.length) {
      box.appendChild(el("h3", GO.labels.discussion));
      var q = el("ul");
      e.questions.forEach(function (s) { q.appendChild(el("li", s)); });
      box.appendChild(q);
    }
  }

  // A party's page in a delegations class has no office, orders or events: the party's own cards (delegation.js)
  // take their place.
  function render(p) {
    page = p;
    var office = p.kind !== "party";
    document.getElementById("join").hidden = true;
    document.getElementById("game").hidden = false;
    document.getElementById("player").textContent = p.player;
    document.getElementById("heading").textContent = p.heading;
    GO.banner("status", p.closed ? GO.labels.closed : (p.paused ? GO.labels.paused : ""));
    renderEnding(p.ending);
    renderLadders(p.ladders);
    renderParties(p.parties);
    document.getElementById("office-card").hidden = !office;
    if (office) renderOffice(p.office);
    var disc = document.getElementById("discussion-card");
    disc.hidden = !p.discussion.length;
    GO.list(document.getElementById("discussion"), p.discussion);
    renderReport(p.report);
    renderEvents(office ? p.events : []);
    renderInstruments(office ? p.instruments : [], p.paused || p.closed || !!(p.delegation && p.delegation.sent));
    var link = document.getElementById("rejoin-link");
    link.textContent = location.origin + "/#seat=" + token();
    link.href = link.textContent;
    if (GO.onpage) GO.onpage(p);
  }

  function onmessage(msg) {
    if (msg.type === "page") {
      GO.banner("error", "");
      render(msg.page);
    } else if (msg.type === "delegation" && GO.ondelegation) {
      GO.ondelegation(msg.delegation, msg.ballot);
    } else if (msg.type === "error") {
      GO.banner("error", msg.message);
      if (msg.code === "bad_token") { localStorage.removeItem(KEY); showJoin(); }
      if (page) document.getElementById("submit").disabled = page.paused || page.closed ||
        !!(page.delegation && page.delegation.sent);
      if (GO.onerror) GO.onerror(msg);
      document.getElementById("submit").textContent = GO.labels.submit;
    }
  }

  function play() { socket = GO.connect("/ws", token(), onmessage); }
  GO.send = function (message) { socket.send(message); };

  document.getElementById("join-form").addEventListener("submit", function (event) {
    event.preventDefault();
    fetch("/api/join", {method: "POST", headers: {"Content-Type": "application/json"},
                        body: JSON.stringify(Object.assign({name: document.getElementById("name").value},
                                                           GO.joinExtra ? GO.joinExtra() : {}))})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.token) { localStorage.setItem(KEY, data.token); GO.banner("error", ""); play(); }
        else GO.banner("error", data.message);
      });
  });

  document.getElementById("orders").addEventListener("submit", function (event) {
    event.preventDefault();
    if (!page) return;
    var picked = {};
    document.querySelectorAll("#instruments input:checked").forEach(function (i) { picked[i.value] = true; });
    var actions = page.instruments.filter(function (a) { return picked[a.id]; })
      .map(function (a) { return {use: a.use, target: a.target, mode: a.mode}; });
    var choices = {};
    document.querySelectorAll("#events input:checked").forEach(function (i) { choices[i.dataset.event] = i.value; });
    var button = document.getElementById("submit");
    button.disabled = true;
    button.textContent = GO.labels.waiting;
    socket.send({type: "submit", turn: page.turn, actions: actions, choices: choices});
  });

  GO.start(function () { if (token()) play(); else showJoin(); });
})();
