"use strict";
(function () {
  var token = new URLSearchParams(location.hash.slice(1)).get("t") || "";
  var socket = null;
  var state = null;
  var el = GO.el;
  // The projector view is this page without the teacher's controls, the students' list and the teams' messages.
  if (location.pathname === "/projector") {
    document.body.classList.add("projector");
    document.querySelector("header [data-label]").setAttribute("data-label", "projector");
  }

  function render(d) {
    state = d;
    document.getElementById("dashboard").hidden = false;
    document.getElementById("join-url").textContent = d.join_url;
    document.getElementById("code").textContent = d.code;
    document.getElementById("qr").src = "/api/qr.svg";
    document.getElementById("qr").alt = d.join_url;
    GO.banner("status", d.state);
    document.getElementById("pause").textContent = d.paused ? GO.labels.resume : GO.labels.pause;
    document.getElementById("pause").disabled = d.closed;
    document.getElementById("end").disabled = d.closed;
    document.getElementById("summary").href = "/api/summary?token=" + encodeURIComponent(token);
    document.getElementById("projector").href = "/projector#t=" + encodeURIComponent(token);
    document.getElementById("count").textContent = d.count;
    var body = GO.clear(document.getElementById("students"));
    if (!d.students.length) {
      var row = el("tr");
      var cell = el("td", GO.labels.no_students, "muted");
      cell.colSpan = 4;
      row.appendChild(cell);
      body.appendChild(row);
    }
    d.students.forEach(function (s) {
      var row = el("tr", null, s.done ? "done" : "");
      row.appendChild(el("td", s.name));
      row.appendChild(el("td", s.turn));
      row.appendChild(el("td", s.status));
      var files = el("td");
      [["debrief_short", "/api/debrief"], ["save_short", "/api/save"]].forEach(function (pair, n) {
        var a = el("a", GO.labels[pair[0]]);
        a.href = pair[1] + "?token=" + encodeURIComponent(token) + "&seat=" + s.seat;
        a.target = "_blank";
        if (n) files.appendChild(document.createTextNode(" · "));
        files.appendChild(a);
      });
      row.appendChild(files);
      body.appendChild(row);
    });
    GO.list(document.getElementById("endings"), d.endings);
    var select = document.getElementById("fire-event");
    if (!select.options.length) {
      d.events.forEach(function (ev) {
        var option = el("option", ev.title);
        option.value = ev.id;
        select.appendChild(option);
      });
    }
    document.getElementById("fire-card").hidden = !d.events.length;
    document.getElementById("fire").disabled = d.closed;
    GO.list(document.getElementById("questions"), d.questions);
    if (GO.ondashboard) GO.ondashboard(d);
  }

  function onmessage(msg) {
    if (msg.type === "dashboard") { GO.banner("error", ""); render(msg.dashboard); }
    else if (msg.type === "notice") document.getElementById("notice").textContent = msg.message;
    else if (msg.type === "error") GO.banner("error", msg.message);
  }

  document.getElementById("pause").addEventListener("click", function () {
    socket.send({type: state && state.paused ? "resume" : "pause"});
  });
  document.getElementById("fire").addEventListener("click", function () {
    socket.send({type: "fire", event: document.getElementById("fire-event").value});
  });
  document.getElementById("end").addEventListener("click", function () {
    if (confirm(GO.labels.end_confirm)) socket.send({type: "end"});
  });

  GO.start(function () {
    socket = GO.connect("/ws/teacher", token, onmessage);
    GO.send = function (message) { socket.send(message); };
  });
})();
