"use strict";
// Shared by the student's and the teacher's pages. Every word comes from the server (game/present/web.py) and is
// placed with textContent, never as markup, so no name or text can inject anything.
var GO = {labels: {}};

GO.el = function (tag, text, cls) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
};

GO.clear = function (node) { while (node.firstChild) node.removeChild(node.firstChild); return node; };

GO.list = function (node, items) {
  GO.clear(node);
  items.forEach(function (item) { node.appendChild(GO.el("li", item)); });
};

// A delegations turn's countdown in the element `id`: the returned function shows a timer state
// ({remaining: seconds or null, running}) and, while it runs, counts it down each second.
GO.timer = function (id) {
  var countdown = null;
  return function (d) {
    var node = document.getElementById(id);
    if (countdown) { clearInterval(countdown); countdown = null; }
    node.hidden = d.remaining === null;
    if (d.remaining === null) return;
    var ends = Date.now() + d.remaining * 1000;
    function show() {
      var left = d.running ? Math.max(0, Math.round((ends - Date.now()) / 1000)) : Math.round(d.remaining);
      node.textContent = GO.labels.timer_left + ": " + Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
    }
    show();
    if (d.running) countdown = setInterval(show, 1000);
  };
};

GO.banner = function (id, text) {
  var node = document.getElementById(id);
  node.textContent = text || "";
  node.hidden = !text;
};

GO.start = function (done) {
  fetch("/api/labels").then(function (r) { return r.json(); }).then(function (data) {
    GO.labels = data.labels;
    GO.info = data;
    document.title = data.title;
    document.getElementById("title").textContent = data.title;
    document.querySelectorAll("[data-label]").forEach(function (node) {
      node.textContent = GO.labels[node.getAttribute("data-label")] || "";
    });
    GO.languages(data.languages || []);
    done();
  });
};

// The language switch in the header: the browser keeps the choice (a cookie the server reads on every page,
// download and socket), so a reload, the next visit and every page of this class open in it.
GO.languages = function (choices) {
  var nav = document.getElementById("languages");
  if (!nav || choices.length < 2) return;
  nav.setAttribute("aria-label", GO.labels.language);
  GO.clear(nav).appendChild(GO.el("span", GO.labels.language + " ", "muted"));
  choices.forEach(function (choice) {
    var button = GO.el("button", choice.name, "link");
    button.type = "button";
    button.lang = choice.code;
    button.setAttribute("aria-pressed", choice.current ? "true" : "false");
    button.addEventListener("click", function () {
      document.cookie = "go_lang=" + choice.code + "; path=/; max-age=31536000; SameSite=Strict";
      location.reload();
    });
    nav.appendChild(button);
  });
  nav.hidden = false;
};

// A socket that says hello with its token, reconnects when it drops, and hands every message to `onmessage`.
GO.connect = function (path, token, onmessage) {
  var socket = null;
  var wait = 500;
  function open() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + path);
    socket.onopen = function () {
      wait = 500;
      GO.banner("status", "");
      socket.send(JSON.stringify({type: "hello", token: token, lang: document.documentElement.lang}));
    };
    socket.onmessage = function (event) { onmessage(JSON.parse(event.data)); };
    socket.onclose = function (event) {
      if (event.code === 1008) return;
      GO.banner("status", GO.labels.offline);
      setTimeout(open, wait);
      wait = Math.min(wait * 2, 8000);
    };
  }
  open();
  return {send: function (message) { socket.send(JSON.stringify(message)); }};
};
