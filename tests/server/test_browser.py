"""A real browser (Debian's headless Chromium driven by Selenium): two students join and play, one to the end,
while the teacher's dashboard follows them live. Skipped, with the reason, where no browser is installed."""

from __future__ import annotations

import os
import shutil

import pytest

from .test_kill_resume import free_port, start

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="Selenium is not installed (pip install selenium)")
if CHROMIUM is None or DRIVER is None:
    pytest.skip("no headless browser: apt-get install chromium chromium-driver", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def browser():
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium fetch a driver: use Debian's
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=390,844"):
        options.add_argument(arg)
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)


def text(driver, css):
    return driver.find_element(By.CSS_SELECTOR, css).text


def wait_for(driver, condition, timeout=15):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def join(driver, url, name):
    driver.get(url)
    box = wait_for(driver, lambda d: d.find_element(By.ID, "name") if d.find_element(By.ID, "join").is_displayed()
                   else False)
    box.send_keys(name)
    driver.find_element(By.CSS_SELECTOR, "#join-form button").click()
    wait_for(driver, lambda d: d.find_element(By.ID, "game").is_displayed())


def end_turn(driver, tick_first: bool):
    before = text(driver, "#heading")
    if tick_first:
        driver.find_element(By.CSS_SELECTOR, "#instruments input").click()
    driver.find_element(By.ID, "submit").click()
    wait_for(driver, lambda d: text(d, "#heading") != before or d.find_element(By.ID, "ending").is_displayed())


@pytest.fixture
def server(tmp_path):
    port = free_port()
    proc = start(tmp_path / "class.sqlite", port, resume=False)
    yield port, tmp_path / "class.sqlite"
    proc.kill()
    proc.wait()


def test_two_students_and_the_teacher_play_a_class_in_real_browsers(server):
    import sqlite3

    port, db = server
    with sqlite3.connect(db) as con:
        teacher_token = con.execute("SELECT teacher_token FROM sessions").fetchone()[0]
    url = f"http://127.0.0.1:{port}/"
    ana, ben, teacher = browser(), browser(), browser()
    try:
        teacher.get(f"{url}teacher#t={teacher_token}")
        wait_for(teacher, lambda d: d.find_element(By.ID, "dashboard").is_displayed())
        assert text(teacher, "#join-url") == url
        join(ana, url, "<b>Ana</b>")
        join(ben, url, "Ben")
        assert text(ana, "#player") == "<b>Ana</b>"  # shown as typed, never as markup
        assert "Northland – Southland" in text(ana, "#ladders")
        assert "90%" in text(ana, "#parties")
        end_turn(ben, tick_first=False)
        for turn in range(5):
            end_turn(ana, tick_first=turn % 2 == 0)
        assert text(ben, "#submit") == "End the turn"  # ready for the next turn
        wait_for(ana, lambda d: d.find_element(By.ID, "ending").is_displayed())
        assert "The end: Calm returns" in text(ana, "#ending")
        ana.refresh()  # a reload keeps the seat
        wait_for(ana, lambda d: d.find_element(By.ID, "ending").is_displayed())
        wait_for(teacher, lambda d: "Calm returns (success): 1" in text(d, "#endings"))
        rows = text(teacher, "#students")
        assert "<b>Ana</b>" in rows and "Ben" in rows and "Week 2 of 5" in rows
        teacher.find_element(By.ID, "fire").click()  # the scenario's one event, for every game still in play
        wait_for(teacher, lambda d: "fired in 1 game" in text(d, "#notice"))
        wait_for(ben, lambda d: d.find_element(By.ID, "events-card").is_displayed())
        assert "Shots across the border" in text(ben, "#events")
        teacher.find_element(By.ID, "pause").click()
        wait_for(ben, lambda d: d.find_element(By.ID, "status").is_displayed())
        assert ben.find_element(By.ID, "submit").get_attribute("disabled") is not None
    finally:
        for driver in (ana, ben, teacher):
            driver.quit()
