"""The class server (design §3): sessions, seats and inputs in SQLite, the student's and the teacher's pages,
WebSockets for live turns; it drives the same engine and stores every input so a session replays exactly."""
