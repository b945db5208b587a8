"""A district officer returns an application for correction, the enterprise corrects and resubmits, and
the officer forwards it to the city with a preliminary opinion (issue 4).

Set-up in the browser: a new enterprise in 南山区 signs up and submits to the backbone-enterprise call.
"""

from qcb import flows
from qcb.pages import BACKBONE_CALL, DEMO_DISTRICT_OFFICER, ApplicationsList, Enterprise, EnterpriseHome, Site
from qcb.session import Journey

REASON = "请补充近三年质量损失率的统计口径说明，并核对联系电话。"
CORRECTION = "（补正）质量损失率按 GB/T 4091 口径统计，近三年分别为 0.8%、0.7%、0.6%。"
OPINION = "材料齐全，经初步核查符合申报条件，同意推荐。"


def run(j: Journey) -> None:
    site = Site(j)
    enterprise = Enterprise.new("锐达")
    officer = DEMO_DISTRICT_OFFICER[enterprise.district]

    flows.sign_up(j, enterprise)
    flows.apply_and_submit(j, enterprise, BACKBONE_CALL)
    site.sign_out()

    j.doing(f"signing in as the district officer {officer}")
    site.sign_in(officer)
    applications = ApplicationsList(j)
    j.until(lambda d: j.path().startswith("/applications"), "the district officer did not land on /applications")
    applications.row(enterprise.name)
    j.shot("officer-applications")

    j.doing("opening the submitted application")
    page = applications.open_application(enterprise.name)
    page.expect_stage("已提交")
    j.find("#return-form")
    j.find("#forward-form")
    j.shot("officer-application")

    j.doing("returning the application for correction")
    page.return_for_correction(REASON)
    page.expect_stage("退回补正")
    j.shot("returned-for-correction")
    site.sign_out()

    j.doing("the enterprise reading the return")
    site.sign_in(enterprise.username, enterprise.password)
    page = EnterpriseHome(j).open().apply(BACKBONE_CALL)
    assert page.path == enterprise.application_path, "the enterprise's call card leads to another application"
    page.expect_stage("退回补正")
    j.assert_page_contains(REASON)
    j.shot("enterprise-sees-return")

    j.doing("correcting the form")
    page.save_form({"summary": flows.application_form(enterprise)["summary"] + CORRECTION})
    j.shot("corrected-form-saved")

    j.doing("resubmitting")
    page.submit(accept_commitment=True)
    page.expect_no_error("resubmitting")
    page.expect_stage("已提交")
    j.shot("resubmitted")
    site.sign_out()

    j.doing("the officer forwarding the application")
    site.sign_in(officer)
    page = ApplicationsList(j).open().open_application(enterprise.name)
    page.expect_stage("已提交")
    page.forward(OPINION, recommend=True)
    page.expect_stage("区局已报送市局")
    j.assert_page_contains(OPINION)
    history = "\n".join(page.history())
    assert REASON in history, "the return and its reason are not in the history"
    j.shot("forwarded-to-city")
    site.sign_out()

    j.doing("the enterprise following its application")
    site.sign_in(enterprise.username, enterprise.password)
    stage = ApplicationsList(j).open().stage_of(enterprise.name)
    assert "区局已报送市局" in stage, f"the enterprise sees the stage '{stage}'"
    j.shot("enterprise-sees-forwarded")
