"""The public portal, the quality credit file and the city's quality targets (issue 9).

A visitor starts at the home page, searches the policy library, runs the policy calculator and looks up an
enterprise's credit grade. A new enterprise signs up; the 南山区 officer records an administrative penalty
in its credit file; the public page then shows grade C and the penalty but not the officer's internal note.
A department officer reports a value with evidence; the dashboard (with its SVG charts) and the annual
report show it. The dashboard and the credit file are also photographed at a phone's width.
"""

import datetime

from qcb.data import write_pdf
from qcb.pages import DEMO_DISTRICT_OFFICER, Enterprise, Site
from qcb import flows
from qcb.session import Journey

PENALTY_REFERENCE = "南市监罚〔浏览器〕7号"
PENALTY_SUMMARY = "虚假宣传，责令改正并罚款（浏览器测试）"
PRIVATE_NOTE = "内部备注：当事人已缴纳罚款（浏览器测试）"


def phone_shot(j: Journey, step: str) -> None:
    """A screenshot at 390 CSS pixels wide, then back to the desktop width."""
    width = j.settings.width
    j.settings.width = 390
    j.driver.set_window_size(390, 900)
    j.driver.refresh()
    j.wait_loaded()
    j.shot(step)
    j.settings.width = width
    j.driver.set_window_size(width, j.settings.height)


def run(j: Journey) -> None:
    site = Site(j)

    j.doing("opening the home page")
    site.home()
    for path in ("/calculator", "/policies", "/credit", "/verify", "/notices", "/targets"):
        j.find(f"#portal a[href='{path}']")
    j.shot("home-portal")

    j.doing("searching the policy library")
    j.fill("#portal form[action='/policies']", {"q": "碳足迹"})
    j.submit("#portal form[action='/policies']")
    j.find("#results")
    j.wait_text("#results", "碳足迹")
    j.shot("library-search")
    j.click_and_load(j.find("#results h3 a"))
    j.find("#clauses blockquote")
    j.shot("policy-with-clauses")

    j.doing("running the policy calculator")
    j.open("/calculator")
    j.fill("#calculator-form", {"division": "440305", "years": "12", "taxWan": "3600", "cqo": "1"})
    j.find("#calculator-form input[name='certifications[]'][value='iso9001']").click()
    j.submit("#calculator-form")
    j.find("#results")
    j.wait_text("#answer-sz-backbone", "深圳市质量强市骨干企业")
    j.wait_text("#answer-sz-backbone", "待评审认定")
    j.shot("calculator-results")

    j.doing("looking up a credit grade")
    j.open("/credit")
    j.fill("main form.search", {"q": "启明"})
    j.submit("main form.search")
    j.wait_text("#matches", "启明")
    j.find("#matches .grade-D")
    j.shot("credit-query")

    enterprise = Enterprise.new("信档")
    flows.sign_up(j, enterprise)
    site.sign_out()

    officer = DEMO_DISTRICT_OFFICER[enterprise.district]
    j.doing(f"the district officer {officer} recording a penalty")
    site.sign_in(officer)
    j.open(f"/credit/{enterprise.credit_code}")
    j.find("#record-form")
    j.wait_text("#grade", "B")
    j.fill("#record-form", {
        "kind": "penalty", "occurredOn": (datetime.date.today() - datetime.timedelta(days=30)).isoformat(),
        "area": "marketOrder", "severity": "general", "outcome": "decided", "level": "district",
        "reference": PENALTY_REFERENCE, "summary": PENALTY_SUMMARY, "privateNote": PRIVATE_NOTE, "isPublic": "1",
    })
    j.submit("#record-form")
    j.find(".notice.ok")
    j.wait_text("#grade", "C")
    j.assert_page_contains(PRIVATE_NOTE)
    j.shot("credit-file-officer")
    site.sign_out()

    j.doing("reading the credit file as the public")
    j.open(f"/credit/{enterprise.credit_code}")
    j.wait_text("#grade", "C")
    j.wait_text("#timeline", PENALTY_REFERENCE)
    body = j.page_text()
    assert PRIVATE_NOTE not in body, "the officer's internal note is on the public page"
    assert enterprise.contact_phone not in body, "the contact phone is on the public page"
    assert not j.exists("#record-form"), "the public is offered the record form"
    j.shot("credit-file-public")
    phone_shot(j, "credit-file-public-phone")

    j.doing("a department officer reporting a value with evidence")
    site.sign_in("demo-department")
    j.open("/targets/report")
    form = "section.report form"
    j.fill(form, {"value": "0.45", "note": "浏览器测试：统计快报"})
    evidence = write_pdf(j.files, "energy-2015.pdf", "QualityCity browser test - energy per GDP 2015")
    j.find(f"{form} input[type=file]").send_keys(evidence)
    j.submit(form)
    j.find(".notice.ok")
    j.shot("department-reported")

    j.doing("reading the dashboard")
    j.open("/targets")
    j.find("#indicators svg.chart")
    j.wait_text("#late", "市水务局")
    j.wait_text("#indicator-energy-per-gdp", "0.45")
    j.shot("targets-dashboard")
    phone_shot(j, "targets-dashboard-phone")

    j.doing("opening the annual report")
    j.open("/targets/annual/2015")
    j.find("#scores")
    j.find("#charts svg.chart")
    j.shot("annual-report")
