"""A real browser in each language: a French reader's Chromium opens the class in French (its Accept-Language), an
English reader's in English, and the switch in the header changes a page's language and keeps it across reloads,
on the same seat. Skipped, with the reason, where no browser is installed."""

from __future__ import annotations

import pytest

from game.i18n import using
from game.present import web

from .test_browser import CHROMIUM, DRIVER, free_port, join, start, text, wait_for

webdriver = pytest.importorskip("selenium.webdriver", reason="Selenium is not installed (pip install selenium)")
if CHROMIUM is None or DRIVER is None:
    pytest.skip("no headless browser: apt-get install chromium chromium-driver", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402


def browser(accept: str):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1024,800", f"--lang={accept.split(',')[0]}"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": accept})
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)


def words(code):
    with using(code):
        return web.labels()


@pytest.fixture
def server(tmp_path):
    port = free_port()
    proc = start(tmp_path / "class.sqlite", port, resume=False)
    yield port
    proc.kill()
    proc.wait()


def test_each_reader_s_browser_opens_the_class_in_their_language_and_the_switch_keeps_its_choice(server):
    url = f"http://127.0.0.1:{server}/"
    camille, dan = browser("fr-FR,fr"), browser("en-GB,en")
    try:
        join(camille, url, "Camille")
        join(dan, url, "Dan")
        assert camille.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        assert text(camille, "#submit") == words("fr")["submit"] != words("en")["submit"] == text(dan, "#submit")
        assert text(camille, "#languages").startswith("Langue")
        french_heading = text(camille, "#heading")
        assert french_heading != text(dan, "#heading")  # the same turn, in each reader's words

        camille.find_element(By.CSS_SELECTOR, "#languages button[lang='en']").click()
        wait_for(camille, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
                 and d.find_element(By.ID, "game").is_displayed())
        assert text(camille, "#submit") == words("en")["submit"]
        assert text(camille, "#player") == "Camille"  # the same seat
        assert text(camille, "#heading") == text(dan, "#heading")
        camille.refresh()  # the choice is kept by the browser
        wait_for(camille, lambda d: d.find_element(By.ID, "game").is_displayed())
        assert camille.find_element(By.CSS_SELECTOR, "#languages button[lang='en']").get_attribute(
            "aria-pressed") == "true"
        assert text(camille, "#submit") == words("en")["submit"]
    finally:
        for driver in (camille, dan):
            driver.quit()
