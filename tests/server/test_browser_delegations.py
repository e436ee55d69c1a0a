"""A delegations class in real browsers (Debian's headless Chromium driven by Selenium): one student in the
Secretary-General's seat, one in a party's, and the teacher play the shared world to its end — a class vote,
decisions, orders, a private appeal from the office that the party's team answers, a message between the teams,
the teacher playing a turn and setting the timer. Skipped where no browser is installed."""

from __future__ import annotations

import sqlite3

import pytest

from .test_browser import CHROMIUM, DRIVER, browser, text, wait_for
from .test_kill_resume import free_port, start

if CHROMIUM is None or DRIVER is None:
    pytest.skip("no headless browser: apt-get install chromium chromium-driver", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402


@pytest.fixture
def server(tmp_path):
    port = free_port()
    proc = start(tmp_path / "class.sqlite", port, resume=False, extra=("--delegations",))
    yield port, tmp_path / "class.sqlite"
    proc.kill()
    proc.wait()


def join(driver, url, name, seat):
    driver.get(url)
    box = wait_for(driver, lambda d: d.find_element(By.ID, "name") if d.find_element(By.ID, "join").is_displayed()
                   else False)
    box.send_keys(name)
    Select(driver.find_element(By.ID, "seat")).select_by_value(seat)
    driver.find_element(By.CSS_SELECTOR, "#join-form button").click()
    wait_for(driver, lambda d: d.find_element(By.ID, "game").is_displayed())


def shown(driver, element_id):
    return driver.find_element(By.ID, element_id).is_displayed()


def test_two_teams_and_the_teacher_play_a_delegations_game_to_its_end(server):
    port, db = server
    with sqlite3.connect(db) as con:
        teacher_token = con.execute("SELECT teacher_token FROM sessions").fetchone()[0]
    url = f"http://127.0.0.1:{port}/"
    ana, ben, teacher = browser(), browser(), browser()
    try:
        teacher.get(f"{url}teacher#t={teacher_token}")
        wait_for(teacher, lambda d: shown(d, "world-card"))
        join(ana, url, "Ana", "sg")
        join(ben, url, "Ben", "north")
        assert "Northland" in text(ben, "#own-heading") and "hostility" in text(ben, "#own")
        assert not shown(ben, "office-card") and not shown(ben, "instruments-card")
        assert "Southland" in text(ben, "#parties") and "Northland" not in text(ben, "#parties")
        assert shown(ana, "instruments-card") and not shown(ana, "own-card")
        wait_for(teacher, lambda d: "Ana" in text(d, "#world-teams") and "Ben" in text(d, "#world-teams"))

        Select(ben.find_element(By.ID, "message-to")).select_by_value("sg")
        ben.find_element(By.ID, "message-text").send_keys("<i>We</i> will step back if you mediate.")
        ben.find_element(By.CSS_SELECTOR, "#message-form button").click()
        wait_for(ana, lambda d: "<i>We</i> will step back" in text(d, "#messages"))
        wait_for(teacher, lambda d: "Northland (Ben)" in text(d, "#world-messages"))

        # a class vote on every device: the teacher ticks two of the office's actions, both students vote
        wait_for(teacher, lambda d: shown(d, "vote-new"))
        for box in teacher.find_elements(By.CSS_SELECTOR, "#vote-candidates input")[:2]:
            box.click()
        teacher.find_element(By.ID, "vote-start").click()
        for driver, pick in ((ben, 1), (ana, 1)):
            wait_for(driver, lambda d: shown(d, "vote-form"))
            driver.find_elements(By.CSS_SELECTOR, "#vote-options input")[pick].click()
            driver.find_element(By.ID, "vote-send").click()
            wait_for(driver, lambda d: "Your ballot is in" in text(d, "#vote-status"))
        wait_for(teacher, lambda d: "2 ballots" in text(d, "#vote-total"))
        teacher.find_element(By.ID, "vote-close").click()
        wait_for(ana, lambda d: "The class chose:" in text(d, "#vote-status")
                 and "2 of 2 votes" in text(d, "#vote-status"))

        # turn 1: both teams send; the turn resolves when the second does
        ben.find_element(By.CSS_SELECTOR, "#decisions input[value=step_back]").click()
        ben.find_element(By.ID, "send-decision").click()
        wait_for(ben, lambda d: shown(d, "sent-note"))
        wait_for(ana, lambda d: "orders sent" in text(d, "#teams"))
        ana.find_element(By.CSS_SELECTOR, "#instruments input").click()
        ana.find_element(By.ID, "submit").click()
        wait_for(ben, lambda d: "Week 2 of 5" in text(d, "#heading"))
        assert "step back" in text(ben, "#last-decision")
        wait_for(ana, lambda d: "Week 2 of 5" in text(d, "#heading"))

        # turn 2: the office sends first, a private appeal to Northland; Ben's page shows it, and his team's answer
        # goes with its decision
        assert not shown(ben, "questions-box") and shown(ben, "office-pending")
        appeal = ana.find_element(By.XPATH, "//div[@id='instruments']//label[.//span[text()="
                                            "'Private appeal → Northland']]//input")
        appeal.click()
        ana.find_element(By.ID, "submit").click()
        wait_for(ben, lambda d: shown(d, "questions-box") and "appeals to your government" in text(d, "#questions"))
        assert not shown(ben, "office-pending")
        wait_for(teacher, lambda d: "Northland: its answer to Private appeal" in text(d, "#world-waits"))
        ben.find_element(By.CSS_SELECTOR, "#questions input[value=brush_off]").click()
        ben.find_element(By.ID, "send-decision").click()
        wait_for(ana, lambda d: "Week 3 of 5" in text(d, "#heading"))
        assert "Northland's delegation brushed off the appeal (Private appeal)." in text(ana, "#report")
        wait_for(teacher, lambda d: "Northland's delegation brushed off the appeal" in text(d, "#world-answers"))

        # turn 3: only Ben sends; the teacher plays the turn (the office waits)
        ben.find_element(By.ID, "send-decision").click()
        wait_for(teacher, lambda d: "Waiting for: The Secretary-General's office" in text(d, "#world-waiting"))
        teacher.find_element(By.ID, "advance").click()
        wait_for(ana, lambda d: "Week 4 of 5" in text(d, "#heading"))

        # the teacher's timer plays the next turn by itself
        box = teacher.find_element(By.ID, "timer-seconds")
        box.clear()
        box.send_keys("2")
        teacher.find_element(By.CSS_SELECTOR, "#timer-form button").click()
        wait_for(ana, lambda d: shown(d, "timer"))
        wait_for(ben, lambda d: "Week 5 of 5" in text(d, "#heading"), timeout=20)
        box.clear()
        box.send_keys("0")  # and no timer from here on
        teacher.find_element(By.CSS_SELECTOR, "#timer-form button").click()
        wait_for(ana, lambda d: not shown(d, "timer"))

        for _ in range(6):  # play on, both teams, to the end
            if shown(ana, "ending"):
                break
            before = text(ana, "#heading")
            ben.find_element(By.ID, "send-decision").click()
            ana.find_element(By.ID, "submit").click()
            wait_for(ana, lambda d, before=before: text(d, "#heading") != before or shown(d, "ending"))
        wait_for(ana, lambda d: shown(d, "ending"))
        wait_for(ben, lambda d: shown(d, "ending"))
        assert "The end" in text(ben, "#ending")
        wait_for(teacher, lambda d: "The end" in text(d, "#world-card") or "finished" in text(d, "#students"))
    finally:
        for driver in (ana, ben, teacher):
            driver.quit()
