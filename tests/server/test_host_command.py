"""`host`: what it refuses on the command line, each with one line and the design's exit code."""

import socket

import pytest

from game.cli.host import lan_address, listen
from game.cli.main import main

from .helpers import FIXTURE


def run(capsys, *args):
    code = main(["host", *args])
    return code, capsys.readouterr().err


def test_host_needs_a_scenario_or_resume(capsys, tmp_path):
    code, err = run(capsys, "--db", str(tmp_path / "c.sqlite"))
    assert code == 2 and "give a SCENARIO or session CODE" in err


def test_resume_without_a_database_says_where(capsys, tmp_path):
    code, err = run(capsys, "--resume", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "none.sqlite: no class database to resume" in err


def test_a_mistyped_session_code_gives_the_codes_own_line(capsys, tmp_path):
    code, err = run(capsys, "CUBA-0000", "--db", str(tmp_path / "c.sqlite"))
    assert code == 2 and "session code CUBA-0000" in err and "Traceback" not in err


def test_a_file_that_is_not_a_database_is_refused(capsys, tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("lesson notes " * 500)
    code, err = run(capsys, str(FIXTURE), "--db", str(bad))
    assert code == 1 and "not a class database" in err
    assert bad.read_text().startswith("lesson notes")


def test_a_port_out_of_range_is_a_usage_error(capsys, tmp_path):
    code, err = run(capsys, str(FIXTURE), "--port", "70000", "--db", str(tmp_path / "c.sqlite"))
    assert code == 2 and "--port" in err


def test_a_taken_port_says_to_choose_another():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(Exception, match="choose another --port"):
            listen("127.0.0.1", port)


def test_the_lan_address_is_never_loopback():
    address = lan_address()
    assert address is None or not address.startswith("127.")


def test_resume_takes_the_class_as_it_was_started(capsys, tmp_path):
    db = tmp_path / "c.sqlite"
    db.write_bytes(b"")
    code, err = run(capsys, "--resume", "--delegations", "--db", str(db))
    assert code == 2 and "leave out --delegations" in err
