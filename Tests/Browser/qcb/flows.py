"""Sequences several journeys share: an enterprise signs up; it applies to a call and submits.

Each takes screenshots as it goes, so a journey that uses one as its set-up still shows how it got there.
"""

from __future__ import annotations

from .data import write_pdf
from .pages import ApplicationPage, Enterprise, EnterpriseHome, SignupPage, Site
from .session import Journey


def sign_up(j: Journey, enterprise: Enterprise) -> None:
    """Registers the enterprise at /signup and lands on its own page, signed in."""
    j.doing("signing up " + enterprise.name)
    SignupPage(j).open().sign_up(enterprise.signup_fields())
    j.until(lambda d: j.path().startswith("/enterprise"), "sign-up did not lead to the enterprise page")
    j.assert_page_contains(enterprise.name)
    j.assert_page_contains(enterprise.credit_code)
    j.shot("signed-up-enterprise-page")


def application_form(enterprise: Enterprise, note: str = "") -> dict[str, str]:
    summary = ("本企业建立了覆盖研发、采购、生产和服务全过程的质量管理体系，通过 ISO 9001 认证，"
               "近三年主要产品监督抽查合格率 100%。" + note)
    return {
        "legalRepresentative": "张三",
        "contactEmail": f"{enterprise.username}@example.com",
        "address": "深圳市南山区科技园科发路 8 号",
        "summary": summary,
    }


def apply_and_submit(j: Journey, enterprise: Enterprise, call: str) -> ApplicationPage:
    """From the enterprise page: starts an application to the call, fills the form, uploads every
    material, accepts the commitment and submits. Ends on the application page, stage 已提交."""
    j.doing("starting an application")
    page = EnterpriseHome(j).open().apply(call)
    enterprise.application_path = page.path
    page.expect_stage("草稿")
    j.shot("application-draft")

    j.doing("filling the application form")
    page.save_form(application_form(enterprise))
    j.shot("application-form-saved")

    titles = page.upload_materials(make_file=lambda index, title: write_pdf(
        j.files, f"material-{index + 1}.pdf", f"QualityCity browser test - {enterprise.username} - material {index + 1}"))
    if not titles:
        raise AssertionError("no material could be uploaded")
    j.shot("materials-uploaded")

    j.doing("submitting the application")
    page.submit(accept_commitment=True)
    page.expect_no_error("submitting")
    page.expect_stage("已提交")
    j.shot("application-submitted")
    return page
