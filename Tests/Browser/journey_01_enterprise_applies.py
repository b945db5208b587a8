"""An enterprise from sign-up to submission (issue 4).

Home page → sign-up refused for a wrong check digit → signed up with a valid credit code → apply to the
open backbone-enterprise call → fill the form → upload every material → submitting without the commitment
is refused → accept it and submit: 已提交 → the language switch shows the application in English and back.
"""

from qcb.data import with_wrong_check_character, write_pdf
from qcb.flows import application_form
from qcb.pages import BACKBONE_CALL, ApplicationsList, Enterprise, EnterpriseHome, SignupPage, Site
from qcb.session import Journey


def run(j: Journey) -> None:
    site = Site(j)
    enterprise = Enterprise.new("精工")

    j.doing("opening the home page")
    site.home()
    assert site.language() == "zh-CN", f"the home page is in '{site.language()}', expected Chinese first"
    j.find("header a[href='/signup']")
    j.shot("home")

    j.doing("following the sign-up link")
    j.click_and_load(j.find("header a[href='/signup']"))
    signup = SignupPage(j)
    j.find(signup.FORM)
    j.shot("signup-form")

    j.doing("signing up with a wrong check digit")
    wrong = with_wrong_check_character(enterprise.credit_code)
    signup.sign_up(enterprise.signup_fields(credit_code=wrong))
    message = signup.field_error("creditCode")
    assert "校验码" in message, f"the credit code message does not mention 校验码: {message!r}"
    assert j.path().startswith("/signup"), "a wrong credit code still signed the enterprise up"
    j.find("#error")
    j.shot("signup-refused-wrong-check-digit")

    j.doing("signing up with a valid credit code")
    signup.sign_up(enterprise.signup_fields())
    j.until(lambda d: j.path().startswith("/enterprise"), "sign-up did not lead to the enterprise page")
    j.assert_page_contains(enterprise.name)
    j.assert_page_contains(enterprise.credit_code)
    j.find(".notice.ok")
    j.shot("signed-up-enterprise-page")

    j.doing("starting an application to the backbone-enterprise call")
    home = EnterpriseHome(j)
    j.find("#open-calls")
    page = home.apply(BACKBONE_CALL)
    page.expect_stage("草稿")
    j.shot("application-draft")

    j.doing("filling the application form")
    page.save_form(application_form(enterprise))
    j.shot("application-form-saved")

    titles = page.upload_materials(make_file=lambda index, title: write_pdf(
        j.files, f"material-{index + 1}.pdf", f"QualityCity browser test - material {index + 1}"))
    assert len(titles) >= 3, f"expected the call's three materials, uploaded {titles}"
    j.shot("materials-uploaded")

    j.doing("submitting without accepting the commitment")
    page.submit(accept_commitment=False)
    j.find("#error")
    page.expect_stage("草稿")
    j.shot("submit-refused-without-commitment")

    j.doing("accepting the commitment and submitting")
    page.submit(accept_commitment=True)
    page.expect_no_error("submitting")
    page.expect_stage("已提交")
    j.shot("application-submitted")

    j.doing("switching the application page to English")
    assert site.switch_language() == "en"
    page.expect_stage("Submitted")
    j.assert_page_contains("Materials")
    j.shot("application-in-english")
    assert site.switch_language() == "zh-CN"
    page.expect_stage("已提交")

    j.doing("finding the application among the enterprise's own")
    applications = ApplicationsList(j).open()
    stage = applications.stage_of(enterprise.name)
    assert "已提交" in stage, f"the list shows the stage '{stage}'"
    j.shot("my-applications")
