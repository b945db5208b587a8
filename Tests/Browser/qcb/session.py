"""One journey's browser: headless Chromium through Debian's chromedriver, numbered screenshots of each
step, explicit waits, and on any failure a screenshot, the page's HTML and the error kept as artefacts."""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import tempfile
import time
import traceback
from typing import Callable

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait


class JourneyTimeout(Exception):
    pass


class Settings:
    """What the runner passes to each journey, through the environment."""

    def __init__(self) -> None:
        env = os.environ
        self.base_url = env.get("QC_BROWSER_BASE_URL", "http://127.0.0.1:8080").rstrip("/")
        self.artifacts = env.get("QC_BROWSER_ARTIFACTS", os.path.abspath("artifacts/browser"))
        self.chromium = env.get("QC_CHROMIUM", "/usr/bin/chromium")
        self.chromedriver = env.get("QC_CHROMEDRIVER", "/usr/bin/chromedriver")
        self.wait = float(env.get("QC_BROWSER_WAIT", "20"))
        self.timeout = int(env.get("QC_BROWSER_JOURNEY_TIMEOUT", "240"))
        self.headed = env.get("QC_BROWSER_HEADED", "0") == "1"
        self.width, self.height = 1280, 900


def make_driver(settings: Settings, profile_dir: str, log_path: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = settings.chromium
    if not settings.headed:
        options.add_argument("--headless=new")
    if os.geteuid() == 0 or os.environ.get("QC_BROWSER_NO_SANDBOX") == "1":
        options.add_argument("--no-sandbox")  # Chromium's sandbox cannot start as root (nor in some containers)
    for argument in (
        f"--window-size={settings.width},{settings.height}",
        f"--user-data-dir={profile_dir}",
        "--disable-dev-shm-usage",  # small /dev/shm in containers
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-sync",
        "--disable-component-update",
        "--password-store=basic",
        "--lang=zh-CN",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
    ):
        options.add_argument(argument)
    # The site is Chinese first; a reader whose browser asks for English would get English pages.
    options.add_experimental_option("prefs", {
        "intl.accept_languages": "zh-CN,zh",
        "credentials_enable_service": False,
        "profile.password_manager_enabled": False,
        "profile.password_manager_leak_detection": False,
    })
    # Debian's chromedriver, given by path, so selenium never tries to download one.
    # Its log at INFO holds every command with its data (screenshots too): warnings only unless asked.
    level = os.environ.get("QC_BROWSER_DRIVER_LOG", "WARNING")
    service = Service(executable_path=settings.chromedriver, log_output=log_path, service_args=[f"--log-level={level}"])
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(max(30, settings.wait * 2))
    driver.set_script_timeout(settings.wait)
    return driver


class Journey:
    """A browser session of one journey. Steps call `shot("what-happened")` after each thing they check."""

    def __init__(self, name: str, settings: Settings | None = None) -> None:
        self.name = name
        self.settings = settings or Settings()
        self.folder = os.path.join(self.settings.artifacts, name)
        self.files = os.path.join(self.folder, "files")
        self.step = 0
        self.current = "start"
        self.driver: webdriver.Chrome | None = None
        self._profile = tempfile.mkdtemp(prefix="qc-chromium-")

    # -- life cycle -----------------------------------------------------------------------------------

    def start(self) -> "Journey":
        os.makedirs(self.folder, exist_ok=True)
        self.driver = make_driver(self.settings, self._profile, os.path.join(self.folder, "chromedriver.log"))
        return self

    def close(self) -> None:
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:
                pass
            self.driver = None
        shutil.rmtree(self._profile, ignore_errors=True)

    def run(self, body: Callable[["Journey"], None]) -> bool:
        """Runs body(self) within the journey's time limit; keeps the evidence of a failure; True if it passed."""
        started = time.monotonic()

        def on_alarm(signum, frame):
            raise JourneyTimeout(f"the journey took longer than {self.settings.timeout} s")

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.alarm(self.settings.timeout)
        try:
            self.start()
            body(self)
            signal.alarm(0)
            print(f"   passed in {time.monotonic() - started:.1f} s, {self.step} screenshots in {self.folder}", flush=True)
            return True
        except BaseException as error:  # noqa: BLE001 - every failure, including the time limit, is reported
            signal.alarm(0)
            self._keep_failure(error)
            if isinstance(error, KeyboardInterrupt):
                raise
            return False
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
            self.close()

    def _keep_failure(self, error: BaseException) -> None:
        os.makedirs(self.folder, exist_ok=True)
        where = f"step {self.step + 1} ({self.current})"
        details = [f"Journey {self.name} FAILED at {where}", f"{type(error).__name__}: {error}"]
        prefix = os.path.join(self.folder, f"{self.step + 1:02d}-FAILED-{_slug(self.current)}")
        if self.driver is not None:
            try:
                details.append(f"URL: {self.driver.current_url}")
                self._screenshot(prefix + ".png")
                details.append(f"Screenshot: {prefix}.png")
                with open(prefix + ".html", "w", encoding="utf-8") as handle:
                    handle.write(self.driver.page_source)
                details.append(f"Page source: {prefix}.html")
                alert = self.driver.find_elements(By.CSS_SELECTOR, "#error, [role=alert]")
                if alert:
                    details.append("Message on the page: " + " / ".join(a.text for a in alert if a.text))
            except Exception as capture_error:  # the browser itself may be what failed
                details.append(f"(could not capture the page: {type(capture_error).__name__}: {capture_error})")
        with open(prefix + ".txt", "w", encoding="utf-8") as handle:
            handle.write("\n".join(details) + "\n\n" + "".join(traceback.format_exception(error)))
        print("   " + "\n   ".join(details), flush=True)

    # -- screenshots ----------------------------------------------------------------------------------

    def shot(self, step: str) -> str:
        """Saves NN-step.png of the whole page and moves on to the next step."""
        self.step += 1
        path = os.path.join(self.folder, f"{self.step:02d}-{_slug(step)}.png")
        self._screenshot(path)
        self.current = "after " + step
        return path

    def doing(self, what: str) -> None:
        """Names what the journey does next, for the failure report."""
        self.current = what

    def _screenshot(self, path: str) -> None:
        """The whole page, not only the window (Chrome DevTools), else the window."""
        driver = self.driver
        try:
            metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            width = max(self.settings.width, int(size["width"]))
            height = min(max(self.settings.height, int(size["height"])), 8000)
            data = driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            })["data"]
            with open(path, "wb") as handle:
                handle.write(base64.b64decode(data))
        except WebDriverException:
            driver.save_screenshot(path)

    # -- navigation and waits -------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.settings.base_url + path

    def open(self, path: str) -> None:
        self.driver.get(self.url(path))
        self.wait_loaded()

    def path(self) -> str:
        url = self.driver.current_url
        return url[len(self.settings.base_url):] if url.startswith(self.settings.base_url) else url

    def wait(self, timeout: float | None = None) -> WebDriverWait:
        return WebDriverWait(self.driver, timeout or self.settings.wait, poll_frequency=0.1,
                             ignored_exceptions=(StaleElementReferenceException,))

    def wait_loaded(self) -> None:
        self.wait().until(lambda d: d.execute_script("return document.readyState") == "complete")
        # Chromium shows its own page when the server cannot be reached: say so, not "element not found".
        document = self.driver.execute_script("return document.documentURI") or ""
        if document.startswith("chrome-error:"):
            code = self.driver.execute_script(
                "var e = document.querySelector('.error-code'); return e ? e.textContent : ''") or "no answer"
            raise AssertionError(f"the browser could not load {self.driver.current_url}: {code.strip()} "
                                 "(has the server stopped? see server.log)")

    def until(self, condition: Callable, message: str, timeout: float | None = None):
        try:
            return self.wait(timeout).until(condition)
        except TimeoutException:
            raise AssertionError(f"{message} (waited {timeout or self.settings.wait:.0f} s on {self.path()})") from None

    def find(self, css: str, within: WebElement | None = None) -> WebElement:
        """The first visible element matching css, waiting for it."""
        root = within or self.driver
        return self.until(lambda d: next((e for e in root.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()), None),
                          f"no visible element '{css}'")

    def find_all(self, css: str, within: WebElement | None = None) -> list[WebElement]:
        return (within or self.driver).find_elements(By.CSS_SELECTOR, css)

    def exists(self, css: str) -> bool:
        return bool(self.driver.find_elements(By.CSS_SELECTOR, css))

    def text_of(self, css: str) -> str:
        return self.find(css).text.strip()

    def wait_text(self, css: str, expected: str, timeout: float | None = None) -> str:
        """Waits until the element's text contains `expected`; returns the text."""
        def check(driver):
            elements = driver.find_elements(By.CSS_SELECTOR, css)
            return elements[0].text if elements and expected in elements[0].text else None
        try:
            return self.wait(timeout).until(check)
        except TimeoutException:
            found = self.driver.find_elements(By.CSS_SELECTOR, css)
            actual = found[0].text if found else "(no such element)"
            raise AssertionError(f"expected '{css}' to contain '{expected}', found '{actual}' on {self.path()}") from None

    def page_text(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "body").text

    def assert_page_contains(self, expected: str) -> None:
        self.until(lambda d: expected in d.find_element(By.TAG_NAME, "body").text,
                   f"expected the page to say '{expected}'")

    # -- acting on the page ---------------------------------------------------------------------------

    def click_and_load(self, element: WebElement) -> None:
        """Clicks something that loads a new page (a link, a form's button) and waits for the new page.

        The old page is marked with a property of its window; the new page has none. (Waiting for an old
        element to go stale is not reliable: chromedriver sometimes answers "Node with given id does not
        belong to the document" instead of "stale element".)"""
        mark = f"qc-{time.monotonic_ns()}"
        self.driver.execute_script("window.__qcPage = arguments[0];"
                                   "arguments[1].scrollIntoView({block: 'center'});", mark, element)
        element.click()

        def new_page(driver):
            try:
                return driver.execute_script(
                    "return window.__qcPage !== arguments[0] && document.readyState === 'complete'", mark)
            except WebDriverException:
                return False  # between two documents
        self.until(new_page, "the page did not change after the click")
        self.wait_loaded()

    def submit(self, form_css: str, button_css: str = "button[type=submit]") -> None:
        """Presses the submit button of the form and waits for the page the server answers with."""
        form = self.find(form_css)
        self.click_and_load(self.find(button_css, within=form))

    def type_into(self, element: WebElement, value: str) -> None:
        element.clear()
        element.send_keys(value)

    def set_value(self, element: WebElement, value: str) -> None:
        """For inputs whose typing depends on the browser's locale (dates): set the value directly."""
        self.driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)

    def fill(self, form_css: str, values: dict[str, str]) -> None:
        """Fills the form's fields by name: text inputs and text areas typed, selects chosen by value,
        date inputs set, checkboxes ticked when the value is true."""
        form = self.find(form_css)
        for name, value in values.items():
            field = self.find(f"[name='{name}']", within=form)
            tag, kind = field.tag_name.lower(), (field.get_attribute("type") or "").lower()
            if tag == "select":
                Select(field).select_by_value(value)
            elif kind == "date":
                self.set_value(field, value)
            elif kind == "checkbox":
                if field.is_selected() != bool(value):
                    field.click()
            else:
                self.type_into(field, value)
            actual = field.get_attribute("value") if kind != "checkbox" else field.is_selected()
            if kind != "password" and kind != "checkbox" and actual != value:
                raise AssertionError(f"field '{name}' holds '{actual}' after typing '{value}'")


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return slug[:60] or "step"
