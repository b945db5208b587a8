"""Page objects: what a person can do on each page, found by the pages' stable ids and field names.

Each method waits for the page the server answers with; none sleeps. Methods that change something
return once the new page has loaded; journeys check the result and take the screenshot.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from .data import new_credit_code, unique_suffix
from .session import Journey

DEMO_PASSWORD = "demo12345"
DEMO_DISTRICT_OFFICER = {"南山区": "demo-district-nanshan"}
DEMO_CITY_OFFICER = "demo-city"

# The open backbone-enterprise call of the demo city ("YYYY 年度“深圳市质量强市骨干企业”认定").
BACKBONE_CALL = "骨干企业"


class Site:
    """The chrome of every page: sign in and out, the language switch."""

    def __init__(self, journey: Journey) -> None:
        self.j = journey

    def home(self) -> None:
        self.j.open("/")
        self.j.find("main#main h1")

    def language(self) -> str:
        return self.j.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") or ""

    def switch_language(self) -> str:
        """Follows the header's language link; returns the new page language (zh-CN or en)."""
        link = self.j.find("header a.lang[hreflang]")
        wanted = link.get_attribute("hreflang")
        self.j.click_and_load(link)
        self.j.until(lambda d: self.language().startswith(wanted), f"the page did not switch to '{wanted}'")
        return self.language()

    def sign_in(self, username: str, password: str = DEMO_PASSWORD) -> None:
        self.j.open("/login")
        form = "form[action='/login']"
        self.j.fill(form, {"username": username, "password": password})
        self.j.submit(form)
        if self.j.path().startswith("/login"):
            alert = self.j.find_all("[role=alert]")
            raise AssertionError(f"could not sign in as {username}: " + (alert[0].text if alert else "still on /login"))

    def sign_out(self) -> None:
        self.j.submit("header form[action='/logout']")
        self.j.until(lambda d: not self.j.exists("header form[action='/logout']"), "still signed in after signing out")


@dataclass
class Enterprise:
    """An enterprise a journey signs up; every run makes new, unique ones."""

    name: str
    credit_code: str
    district: str
    username: str
    password: str
    contact_name: str = "王经理"
    contact_phone: str = "0755-8317 7171"
    registered_on: str = "2015-01-01"
    legal_form: str = "legalPerson"
    industry_code: str = "C3981"
    application_path: str = field(default="", compare=False)

    @classmethod
    def new(cls, label: str, district: str = "南山区", rng: random.Random | None = None) -> "Enterprise":
        rng = rng or random.Random()
        suffix = unique_suffix(rng)
        return cls(name=f"深圳市{label}浏览器测试有限公司（{suffix}）", credit_code=new_credit_code(district, rng),
                   district=district, username=f"bt-{suffix}", password=f"Browser{suffix}9")

    def signup_fields(self, credit_code: str | None = None) -> dict[str, str]:
        return {
            "creditCode": credit_code or self.credit_code, "name": self.name, "district": self.district,
            "registeredOn": self.registered_on, "legalForm": self.legal_form, "industryCode": self.industry_code,
            "contactName": self.contact_name, "contactPhone": self.contact_phone, "username": self.username,
            "password": self.password, "passwordConfirmation": self.password,
        }


class SignupPage:
    FORM = "#signup-form"

    def __init__(self, journey: Journey) -> None:
        self.j = journey

    def open(self) -> "SignupPage":
        self.j.open("/signup")
        self.j.find(self.FORM)
        return self

    def sign_up(self, values: dict[str, str]) -> None:
        self.j.fill(self.FORM, values)
        self.j.submit(self.FORM)

    def error(self) -> str:
        return self.j.text_of("#error")

    def field_error(self, name: str) -> str:
        """The message shown under one field (a <small class=field-error> beside the input)."""
        return self.j.text_of(f"#{name} ~ .field-error")


class EnterpriseHome:
    def __init__(self, journey: Journey) -> None:
        self.j = journey

    def open(self) -> "EnterpriseHome":
        self.j.open("/enterprise")
        self.j.find("main#main h1")
        return self

    def call_card(self, title_contains: str) -> WebElement:
        def card(driver):
            for article in driver.find_elements(By.CSS_SELECTOR, "#open-calls article.card"):
                if title_contains in article.find_element(By.CSS_SELECTOR, "h3").text:
                    return article
            return None
        return self.j.until(card, f"no open call whose title contains '{title_contains}' in #open-calls")

    def apply(self, title_contains: str) -> "ApplicationPage":
        """Starts an application to the call (or continues the one already started)."""
        card = self.call_card(title_contains)
        start = card.find_elements(By.CSS_SELECTOR, "form[action$='/apply'] button[type=submit]")
        self.j.click_and_load(start[0] if start else card.find_element(By.CSS_SELECTOR, "a.button"))
        return ApplicationPage(self.j).loaded()


class ApplicationsList:
    """/applications: an enterprise's own applications, an officer's inbox of applications."""

    def __init__(self, journey: Journey) -> None:
        self.j = journey

    def open(self) -> "ApplicationsList":
        self.j.open("/applications")
        self.j.find("main#main h1")
        return self

    def row(self, enterprise_name: str) -> WebElement:
        xpath = f"//table[@id='applications']//tr[td/a[normalize-space()='{enterprise_name}']]"
        return self.j.until(lambda d: next(iter(d.find_elements(By.XPATH, xpath)), None),
                            f"no row for '{enterprise_name}' in #applications")

    def stage_of(self, enterprise_name: str) -> str:
        return self.row(enterprise_name).find_element(By.CSS_SELECTOR, ".stage").text

    def open_application(self, enterprise_name: str) -> "ApplicationPage":
        self.j.click_and_load(self.row(enterprise_name).find_element(By.CSS_SELECTOR, "td a"))
        return ApplicationPage(self.j).loaded()


class ApplicationPage:
    """/applications/<id>: the form, the materials, the actions of the signed-in role, the history."""

    def __init__(self, journey: Journey) -> None:
        self.j = journey

    def loaded(self) -> "ApplicationPage":
        self.j.until(lambda d: re.match(r"^/applications/[0-9A-Fa-f-]{36}", self.j.path()),
                     "not on an application page")
        self.j.find("#stage")
        return self

    @property
    def path(self) -> str:
        return self.j.path().split("?")[0]

    def stage(self) -> str:
        return self.j.text_of("#stage")

    def expect_stage(self, expected: str) -> str:
        return self.j.wait_text("#stage", expected)

    def expect_no_error(self, doing: str) -> None:
        """Fails if the server answered with a message (#error on the page, or an error page's alert)."""
        errors = self.j.find_all("#error, [role=alert]")
        if errors:
            raise AssertionError(f"{doing} was refused: {errors[0].text} (on {self.j.path()})")

    def notice(self) -> str:
        return self.j.text_of(".notice.ok")

    # -- enterprise ---------------------------------------------------------------------------------

    def save_form(self, values: dict[str, str]) -> None:
        self.j.fill("#application-form", values)
        self.j.submit("#application-form")
        self.expect_no_error("saving the application form")
        self.j.find(".notice.ok")

    def material_rows(self) -> list[WebElement]:
        return self.j.find_all("#materials tbody tr")

    def upload_materials(self, files: dict[str, str] | None = None, make_file=None) -> list[str]:
        """Uploads a file for every material row that offers an upload (every required one among them).
        `make_file(index, title)` returns the path of the file to upload. Returns the material titles."""
        titles = []
        count = len(self.material_rows())
        if count == 0:
            raise AssertionError("the application lists no materials (#materials)")
        for index in range(count):
            # The page reloads after each upload: find the row again every time.
            row = self.material_rows()[index]
            inputs = row.find_elements(By.CSS_SELECTOR, "input[type=file]")
            if not inputs:
                continue
            title = inputs[0].get_attribute("aria-label") or f"material {index + 1}"
            path = make_file(index, title)
            self.j.doing(f"uploading '{title}'")
            inputs[0].send_keys(path)
            self.j.click_and_load(row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
            self.expect_no_error(f"uploading '{title}'")
            filename = path.rsplit("/", 1)[-1]
            self.j.until(lambda d: filename in self.material_rows()[index].text,
                         f"'{filename}' is not listed beside '{title}' after uploading it")
            titles.append(title)
        return titles

    def submit(self, accept_commitment: bool = True) -> None:
        self.j.fill("#submit-form", {"commitment": accept_commitment})
        self.j.submit("#submit-form")

    # -- district officer ---------------------------------------------------------------------------

    def return_for_correction(self, reason: str, deadline: str | None = None) -> None:
        values = {"reason": reason}
        if deadline:
            values["deadline"] = deadline
        self.j.fill("#return-form", values)
        self.j.submit("#return-form")
        self.expect_no_error("returning the application")

    def forward(self, opinion: str, recommend: bool = True) -> None:
        self.j.fill("#forward-form", {"opinion": opinion})
        choice = self.j.find(f"#forward-form input[name=recommend][value={'yes' if recommend else 'no'}]")
        if not choice.is_selected():
            choice.click()
        self.j.submit("#forward-form")
        self.expect_no_error("forwarding the application")

    # -- every role ---------------------------------------------------------------------------------

    def history(self) -> list[str]:
        return [row.text for row in self.j.find_all("#history tbody tr")]
