"""The second half of the procedure (issue 5), in the browser: an expert declares no conflict and scores;
the secretariat sends the list to the committee, which approves it; a member of the public complains — with
markup in the complaint, which must render inert (issue 10) —; the city investigates; a partner agency
verifies a certificate.

Uses the demo city's second backbone batch of this year, where one expert of the panel has still to score.
"""

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from qcb.pages import DEMO_CITY_OFFICER, Site
from qcb.session import Journey

SECOND_BATCH = "第二批"
APPLICANT = "深圳市海韵新材料科技有限公司"
XSS_NAME = "<img src=x onerror=alert('xss-name')>"
XSS_TEXT = "该企业存在虚假宣传<script>alert('xss-text')</script>，请核查。"
CERTIFICATE = "JMQIC-2024-001"


def no_alert(j: Journey, where: str) -> None:
    try:
        alert = j.driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        raise AssertionError(f"a script ran on {where}: alert '{text}'")
    except NoAlertPresentException:
        pass


def run(j: Journey) -> None:
    site = Site(j)

    j.doing("finding the expert who has still to score")
    seat = None
    for number in range(1, 8):
        site.sign_in(f"demo-expert-{number}")
        j.open("/reviews")
        rows = [r for r in j.find_all("#reviews tbody tr") if APPLICANT in r.text and "待声明" in r.text]
        if rows:
            seat = rows[0].find_element(By.CSS_SELECTOR, "a")
            break
        site.sign_out()
    assert seat is not None, "no demo expert has a seat left to score"
    j.shot("expert-queue")
    j.click_and_load(seat)
    assert not j.exists("#score-form"), "the application's scores were shown before the conflict declaration"
    j.shot("declare-first")

    j.doing("declaring no conflict of interest")
    j.click_and_load(j.find("#no-conflict"))
    form = j.find("#score-form")
    for field in j.find_all("input[name^='points.']", within=form):
        j.type_into(field, "4")
    for area in j.find_all("textarea[name^='justification.']", within=form):
        j.type_into(area, "依据申报材料和现场评审情况评分。")
    j.type_into(j.find("#opinion"), "企业质量管理体系运行有效，建议加强品牌建设。")
    j.shot("scores-filled")
    j.submit("#score-form")
    j.find("#panel-scores")
    assert "已提交" in j.text_of("#seat-status")
    j.shot("scores-submitted-panel-visible")
    site.sign_out()

    j.doing("the secretariat sending the list to the committee")
    site.sign_in(DEMO_CITY_OFFICER)
    j.open("/admin/calls")
    row = next(r for r in j.find_all("#admin-calls tbody tr") if SECOND_BATCH in r.text)
    button = next(b for b in row.find_elements(By.CSS_SELECTOR, "button") if "组委会" in b.text)
    j.click_and_load(button)
    j.shot("sent-to-committee")
    site.sign_out()

    j.doing("the committee approving the ranked list")
    site.sign_in("demo-committee")
    j.open("/committee")
    link = next(a for a in j.find_all("#committee-calls a") if SECOND_BATCH in a.text)
    j.click_and_load(link)
    j.find("#ranking")
    j.find("#tie-rule")
    assert APPLICANT in j.text_of("#ranking")
    j.shot("committee-ranking")
    j.submit("#approve-form")
    j.assert_page_contains("公示")
    j.shot("committee-approved")
    site.sign_out()

    j.doing("a member of the public complaining, with markup in the complaint")
    j.open("/notices")
    link = next(a for a in j.find_all("main a") if SECOND_BATCH in a.text)
    j.click_and_load(link)
    notice_path = j.path().split("?")[0]
    j.find("#notice-period")
    j.fill("#complaint-form", {"name": XSS_NAME, "contact": "13900001111", "text": XSS_TEXT})
    j.shot("complaint-filled")
    j.driver.execute_script("document.querySelector('#applicationID').selectedIndex = 1")
    j.submit("#complaint-form")
    no_alert(j, "the public notice")
    j.assert_page_contains("投诉已收到")
    assert "13900001111" not in j.page_text(), "the complainant's contact is shown in public"
    j.shot("complaint-received")

    j.doing("the city investigating: the complaint's markup shows as text")
    site.sign_in(DEMO_CITY_OFFICER)
    j.open(notice_path.replace("/notices/", "/admin/calls/") + "/notice")
    no_alert(j, "the city's notice page")
    complaints = j.text_of("#complaints")
    assert "<script>alert('xss-text')</script>" in complaints, "the complaint text is not shown as written"
    assert XSS_NAME in complaints, "the complainant's name is not shown as written"
    assert not j.driver.find_elements(By.CSS_SELECTOR, "#complaints img"), "an <img> from the complaint became markup"
    j.shot("city-sees-complaint-inert")
    form = j.find("#complaints form")
    j.type_into(form.find_element(By.CSS_SELECTOR, "textarea[name=outcome]"), "经核查，投诉不属实。")
    j.click_and_load(next(b for b in form.find_elements(By.CSS_SELECTOR, "button") if b.get_attribute("value") == "unsubstantiated"))
    j.assert_page_contains("不属实")
    j.shot("complaint-decided")
    site.sign_out()

    j.doing("a partner agency verifying a certificate")
    j.open("/verify")
    j.fill("#verify-form", {"q": CERTIFICATE})
    j.submit("#verify-form")
    results = j.text_of("#verify-results")
    assert CERTIFICATE in results and "有效" in results, f"verification says: {results}"
    j.shot("verified")
    j.click_and_load(j.find("#verify-results a"))
    j.find("#certificate")
    assert CERTIFICATE in j.text_of("#certificate")
    j.shot("certificate")
