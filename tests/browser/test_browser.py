"""The web page in a real browser: headless Chromium (selenium, /usr/bin/chromedriver) against `suppcheck serve`.

Skipped only when /usr/bin/chromium is absent and CI is not set; under CI (.ci/run installs Debian's
chromium and chromium-driver) the test always runs. With SUPPCHECK_SCREENSHOTS=<folder> it also saves
web-form.png and web-report.png there (the README's screenshots: SUPPCHECK_SCREENSHOTS=docs).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--lang=en-US", "--window-size=1280,1000")
DRUGS = "imatinib 400 mg daily\nwarfarin 5 mg daily"
SUPPLEMENTS = "St John's wort 300 mg three times daily\nginkgo 120 mg daily\nfish oil 1000 mg 4 capsules daily"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                reason="/usr/bin/chromium is not installed (apt-get install chromium chromium-driver); "
                                       "under CI this test always runs")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`suppcheck serve` on a free loopback port, its log in a file."""
    from tests_support import live_service

    yield from live_service(tmp_path_factory, "/")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium with a fresh profile, driven by Debian's chromedriver (nothing downloaded)."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            pytest.fail(f"CI is set and {path} is missing: install chromium and chromium-driver "
                        "(.ci/run does it with apt-get)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _screenshot(driver, name: str) -> None:
    folder = os.environ.get("SUPPCHECK_SCREENSHOTS")
    if not folder:
        return
    height = driver.execute_script("return document.documentElement.scrollHeight")
    frame = driver.execute_script("return window.outerHeight - window.innerHeight")
    driver.set_window_size(1280, min(max(int(height), 800), 6000) + int(frame))
    driver.execute_script("window.scrollTo(0, 0)")
    Path(folder).mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(Path(folder) / name))
    driver.set_window_size(1280, 1000)


def _submit(driver, button: str, enter: bool = False) -> None:
    """Press a form button (by its text), by click or by Enter, and wait for the next page to load."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    element = driver.find_element(By.XPATH, f"//button[normalize-space()='{button}']")
    element.send_keys(Keys.ENTER) if enter else element.click()

    def gone(_driver) -> bool:
        # The old page's root is stale once the next page is in. During the swap Chromium may answer "Node
        # with given id does not belong to the document" instead of a stale reference: that is gone too.
        try:
            old.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False

    WebDriverWait(driver, 30).until(gone)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_a_regimen_checked_in_the_browser(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, log = server
    browser.get(f"{base}/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("suppcheck")

    drugs = browser.find_element(By.ID, "drugs")
    drugs.send_keys(DRUGS)
    drugs.send_keys(Keys.TAB)  # the keyboard moves on to the next field
    assert browser.switch_to.active_element.get_attribute("id") == "supplements"
    browser.switch_to.active_element.send_keys(SUPPLEMENTS)
    # A click on a context's label ticks its checkbox: the label is bound to the input.
    browser.find_element(By.CSS_SELECTOR, "label[for='context-radiation']").click()
    assert browser.find_element(By.ID, "context-radiation").is_selected()
    surgery = browser.find_element(By.ID, "surgery_date")
    surgery.send_keys("01152027")
    assert surgery.get_attribute("value") == "2027-01-15"
    browser.find_element(By.ID, "contact").send_keys("the oncology pharmacy, 555-0100")
    _screenshot(browser, "web-form.png")

    # Submitted from the keyboard: Enter on the Check button.
    _submit(browser, "Check", enter=True)
    headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h3")]
    assert "MAJOR: St John's wort + imatinib" in headings, headings
    page = browser.find_element(By.TAG_NAME, "body").text
    assert page.index("Not checked") < page.index("Action plan per supplement") < page.index("Findings")
    assert "STOP during treatment" in page and "2027-01-15" in page
    assert browser.find_element(By.CSS_SELECTOR, "h3.major, article.major h3")
    _screenshot(browser, "web-report.png")

    _submit(browser, "Patient handout")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Your supplements and your cancer care"
    handout = browser.find_element(By.TAG_NAME, "body").text
    assert "St John's wort 300 mg three times daily: Stop." in handout
    assert "ginkgo 120 mg daily: Stop before surgery." in handout, "every supplement line reached the handout"
    assert "Questions? Call the oncology pharmacy, 555-0100." in handout

    _submit(browser, "Clinician report")
    assert "MAJOR: St John's wort + imatinib" in [h.text for h in browser.find_elements(By.TAG_NAME, "h3")]

    time.sleep(0.3)
    text = log.read_text()
    assert '"POST /report HTTP/1.1" 200' in text and '"POST /handout HTTP/1.1" 200' in text
    for name in ("imatinib", "warfarin", "St John", "ginkgo", "fish oil", "555-0100"):
        assert name.lower() not in text.lower(), f"{name} appears in the service log"


def test_bad_input_in_the_browser_is_an_error_page_with_the_form(server, browser):
    from selenium.webdriver.common.by import By

    base, _ = server
    browser.get(f"{base}/")
    _submit(browser, "Check")
    alert = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert "nothing to check" in alert.text
    assert browser.find_element(By.ID, "drugs").is_displayed(), "the form is there to correct"
