import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

@Suite("JSON API: an application from draft to the city, through the API alone")
struct APIWorkflowTests {
    @Test("000: draft → submitted → returned → corrected and resubmitted → forwarded to the city")
    func backboneJourney() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await enterprise.openBackboneCall()
            // MUT + validation
            try await Self.journey(app, enterprise: enterprise, callID: call.id, district: "demo-district-nanshan")
        }
    }

    @Test("002: the secretariat publishes a call through the API, and an application goes through it to the city")
    func innovationCentreJourney() async throws {
        // setup: inside the 002 policy's years (2022-03-01, three years)
        try await withTestApp(clock: FixedClock(CalendarDate(year: 2024, month: 10, day: 8)!), demo: true) { app in
            let city = try await APIClient.signedIn(app, "demo-city")
            let created = try await city.post("/api/v1/calls", json: [
                "programmeId": "jm-innovation-centre", "opensOn": "2024-10-08", "closesOn": "2024-12-31", "quota": 5,
                "materials": [["titleZh": "申报表", "titleEn": "Application form"],
                              ["titleZh": "对照评审指标的证明材料", "titleEn": "Evidence for each indicator"],
                              ["titleZh": "获奖证书", "required": false]],
                "contacts": "江门市市场监督管理局质量发展科",
            ])
            #expect(created.status == .created, "\(created.text)")
            let call = try created.decode(CallDetailDTO.self)
            #expect(call.stage == .draft)
            #expect(call.materials.map(\.required) == [true, true, false])
            #expect(created.headers.first(name: .location) == "/api/v1/calls/\(call.id)")
            let opened = try await city.post("/api/v1/calls/\(call.id)/stage", json: ["stage": "open"])
            #expect(opened.status == .ok)
            #expect(try opened.decode(CallDetailDTO.self).accepting)
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-jm")
            // MUT + validation
            try await Self.journey(app, enterprise: enterprise, callID: call.id, district: "demo-district-pengjiang")
        }
    }

    /// Drives one application to "forwarded", checking each step and who is told.
    static func journey(_ app: Application, enterprise: APIClient, callID: UUID, district districtUsername: String) async throws {
        // The draft, prefilled; starting again returns the same one.
        let started = try await enterprise.post("/api/v1/calls/\(callID)/applications")
        #expect(started.status == .created)
        let draft = try started.decode(ApplicationDetailDTO.self)
        #expect(draft.stage == .draft)
        #expect(!draft.form.enterpriseName.isEmpty)
        #expect(draft.form.creditCode == draft.enterprise.creditCode)
        #expect(Set(draft.allowedActions) == [.submit, .withdraw])
        let again = try await enterprise.post("/api/v1/calls/\(callID)/applications")
        #expect(again.status == .ok)
        #expect(try again.decode(ApplicationDetailDTO.self).id == draft.id)

        // Form and materials; a material can be downloaded again, byte for byte.
        let prepared = try await enterprise.preparedApplication(to: callID)
        #expect(prepared.id == draft.id)
        #expect(prepared.version == draft.version + 1)
        #expect(prepared.form.legalRepresentative == "王大明")
        let required = prepared.materials.filter(\.required)
        #expect(!required.isEmpty && required.allSatisfy { $0.file != nil })
        let firstKey = try #require(prepared.materials.first?.key)
        let download = try await enterprise.get("/api/v1/applications/\(draft.id)/materials/\(firstKey)")
        #expect(download.status == .ok)
        #expect(download.data == SampleFiles.pdf)
        #expect(download.headers.first(name: .contentType) == "application/pdf")
        #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)

        // Submitted: the engine's verdict is kept with it, and the district bureau is told.
        let submitted = try await enterprise.post("/api/v1/applications/\(draft.id)/submit",
                                                  json: ["version": prepared.version, "commitmentAccepted": true],
                                                  headers: ["Idempotency-Key": UUID().uuidString])
        #expect(submitted.status == .ok, "\(submitted.text)")
        let afterSubmit = try submitted.decode(ApplicationDetailDTO.self)
        #expect(afterSubmit.stage == .submitted)
        #expect(afterSubmit.commitmentAccepted)
        #expect(afterSubmit.submittedAt != nil)
        #expect(afterSubmit.engineVerdict != nil)
        if case .object = afterSubmit.evaluation {} else { Issue.record("the evaluation is not a JSON object") }

        let district = try await APIClient.signedIn(app, districtUsername)
        let queue = try await district.get("/api/v1/applications?stage=submitted").decode(ApplicationListDTO.self)
        #expect(queue.applications.map(\.id) == [draft.id])
        #expect(try await district.get("/api/v1/inbox").decode(InboxDTO.self).unread >= 1)
        let seen = try await district.get("/api/v1/applications/\(draft.id)").decode(ApplicationDetailDTO.self)
        #expect(Set(seen.allowedActions) == [.returnForCorrection, .forward])

        // Returned for correction with reasons and a deadline; the enterprise is told.
        let deadline = app.qualityCity.clock.today().adding(days: 7)
        let returned = try await district.post("/api/v1/applications/\(draft.id)/return", json: [
            "version": seen.version, "reason": "营业执照复印件不清晰，请重新上传并加盖公章。", "deadline": deadline.iso,
        ])
        #expect(returned.status == .ok, "\(returned.text)")
        let afterReturn = try returned.decode(ApplicationDetailDTO.self)
        #expect(afterReturn.stage == .returned)
        #expect(afterReturn.returnReason == "营业执照复印件不清晰，请重新上传并加盖公章。")
        #expect(afterReturn.returnDeadline == deadline)
        let inbox = try await enterprise.get("/api/v1/inbox").decode(InboxDTO.self)
        let notice = try #require(inbox.messages.first { $0.body.zh.contains("营业执照复印件不清晰") })
        let read = try await enterprise.post("/api/v1/inbox/\(notice.id)/read")
        #expect(read.status == .ok)
        #expect(try read.decode(MessageDTO.self).readAt != nil)

        // Corrected and resubmitted.
        let mine = try await enterprise.get("/api/v1/applications/\(draft.id)").decode(ApplicationDetailDTO.self)
        #expect(Set(mine.allowedActions) == [.submit, .withdraw])
        let licence = try await enterprise.upload("/api/v1/applications/\(draft.id)/materials/\(firstKey)",
                                                  data: SampleFiles.png, contentType: "image/png", filename: "清晰版.png")
        #expect(licence.status == .ok)
        #expect(try licence.decode(ApplicationMaterialDTO.self).file?.contentType == "image/png")
        let corrected = try await enterprise.put("/api/v1/applications/\(draft.id)/form",
                                                 json: ["version": mine.version, "summary": "已按区局意见补正材料。"])
        #expect(corrected.status == .ok)
        let resubmitted = try await enterprise.post("/api/v1/applications/\(draft.id)/submit", json: [
            "version": try corrected.decode(ApplicationDetailDTO.self).version, "commitmentAccepted": true,
        ])
        #expect(resubmitted.status == .ok, "\(resubmitted.text)")
        #expect(try resubmitted.decode(ApplicationDetailDTO.self).stage == .submitted)

        // Forwarded to the city with the preliminary opinion; the city sees it, with the whole history.
        let current = try await district.get("/api/v1/applications/\(draft.id)").decode(ApplicationDetailDTO.self)
        let forwarded = try await district.post("/api/v1/applications/\(draft.id)/forward", json: [
            "version": current.version, "opinion": "材料齐全，符合申报条件，同意推荐。", "recommend": true,
        ])
        #expect(forwarded.status == .ok, "\(forwarded.text)")
        let final = try forwarded.decode(ApplicationDetailDTO.self)
        #expect(final.stage == .forwarded)
        #expect(final.districtOpinion?.opinion == "材料齐全，符合申报条件，同意推荐。")
        #expect(final.districtOpinion?.recommend == true)
        #expect(final.allowedActions.isEmpty)

        let city = try await APIClient.signedIn(app, "demo-city")
        let cityQueue = try await city.get("/api/v1/applications?stage=forwarded&call=\(callID)").decode(ApplicationListDTO.self)
        #expect(cityQueue.applications.map(\.id) == [draft.id])
        let atCity = try await city.get("/api/v1/applications/\(draft.id)").decode(ApplicationDetailDTO.self)
        #expect(Set(atCity.allowedActions) == [.passEligibility, .failEligibility])
        let stageChanges = atCity.history.compactMap { entry in entry.toStage.map { "\(entry.action)→\($0.rawValue)" } }
        #expect(stageChanges == ["create→draft", "submit→submitted", "return→returned", "submit→submitted", "forward→forwarded"])
        #expect(atCity.history.filter { $0.action == "attach_material" }.count == prepared.materials.count + 1)
        #expect(try await AuditChain.verify(on: app.db).firstBroken == nil)
    }

    @Test("000 at the city: the eligibility review with the engine's clauses decided by the reviewer, then the on-site review")
    func cityReviews() async throws {
        try await withTestApp(demo: true) { app in
            // setup: an application forwarded to the city
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await enterprise.openBackboneCall()
            let prepared = try await enterprise.preparedApplication(to: call.id)
            _ = try await enterprise.post("/api/v1/applications/\(prepared.id)/submit", json: ["version": prepared.version, "commitmentAccepted": true])
            let district = try await APIClient.signedIn(app, "demo-district-nanshan")
            let submitted = try await district.get("/api/v1/applications/\(prepared.id)").decode(ApplicationDetailDTO.self)
            let forwarded = try await district.post("/api/v1/applications/\(prepared.id)/forward",
                                                    json: ["version": submitted.version, "opinion": "同意推荐", "recommend": true])
            #expect(forwarded.status == .ok)
            let city = try await APIClient.signedIn(app, "demo-city")
            let before = try await city.get("/api/v1/applications/\(prepared.id)").decode(ApplicationDetailDTO.self)
            #expect(before.engineVerdict == .needsReviewerFindings)
            let pending = before.reviewerFindings.filter { $0.finding == nil }
            #expect(!pending.isEmpty)
            // MUT: passing with a clause undecided is refused; deciding every clause as met lets it pass
            let early = try await city.post("/api/v1/applications/\(prepared.id)/eligibility",
                                             json: ["version": before.version, "decision": "pass"])
            #expect(early.status == .conflict, "\(early.text)")
            let findings = Dictionary(uniqueKeysWithValues: pending.map { ($0.key, "met") })
            let eligible = try await city.post("/api/v1/applications/\(prepared.id)/eligibility", json: [
                "version": before.version, "decision": "pass", "reason": "经审核符合条件", "findings": findings,
            ])
            // validation
            #expect(eligible.status == .ok, "\(eligible.text)")
            let afterReview = try eligible.decode(ApplicationDetailDTO.self)
            #expect(afterReview.stage == .eligible)
            #expect(afterReview.engineVerdict == .eligible)
            #expect(afterReview.reviewerFindings.allSatisfy { $0.finding == .met })
            #expect(Set(afterReview.allowedActions) == [.recordOnSiteReview, .failOnSiteReview])
            let onSite = try await city.post("/api/v1/applications/\(prepared.id)/onsite", json: [
                "version": afterReview.version, "decision": "pass", "findings": "现场核查生产记录与检验报告，与申报材料一致。",
            ])
            #expect(onSite.status == .ok, "\(onSite.text)")
            let final = try onSite.decode(ApplicationDetailDTO.self)
            #expect(final.stage == .onSiteReviewed)
            #expect(final.onSiteFindings == "现场核查生产记录与检验报告，与申报材料一致。")
            #expect(try await enterprise.get("/api/v1/inbox").decode(InboxDTO.self).messages.contains { $0.subject.zh.contains("资格审核") })
        }
    }

    @Test("a submission retried with the same Idempotency-Key answers 200 with the same application; without it, 409")
    func idempotentSubmit() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await enterprise.openBackboneCall()
            let prepared = try await enterprise.preparedApplication(to: call.id)
            let body: [String: Any] = ["version": prepared.version, "commitmentAccepted": true]
            let key = UUID().uuidString
            // MUT
            let first = try await enterprise.post("/api/v1/applications/\(prepared.id)/submit", json: body, headers: ["Idempotency-Key": key])
            let retry = try await enterprise.post("/api/v1/applications/\(prepared.id)/submit", json: body, headers: ["Idempotency-Key": key])
            let unkeyed = try await enterprise.post("/api/v1/applications/\(prepared.id)/submit", json: body)
            // validation
            #expect(first.status == .ok)
            #expect(retry.status == .ok)
            let (a, b) = (try first.decode(ApplicationDetailDTO.self), try retry.decode(ApplicationDetailDTO.self))
            #expect(a.id == b.id && a.version == b.version && b.stage == .submitted)
            #expect(unkeyed.status == .conflict)
            let submissions = try await AuditEvent.query(on: app.db).filter(\.$subjectID == prepared.id.uuidString)
                .filter(\.$action == "submit").count()
            #expect(submissions == 1)

            // The same key for another enterprise's application is refused.
            let other = try await APIClient.signedIn(app, "demo-enterprise-grant")
            let theirs = try await other.preparedApplication(to: call.id)
            let reused = try await other.post("/api/v1/applications/\(theirs.id)/submit",
                                              json: ["version": theirs.version, "commitmentAccepted": true], headers: ["Idempotency-Key": key])
            #expect(reused.status == .conflict)
            #expect(try await other.get("/api/v1/applications/\(theirs.id)").decode(ApplicationDetailDTO.self).stage == .draft)
        }
    }

    @Test("withdrawing: the enterprise may, at any open stage, and the district is told")
    func withdraw() async throws {
        try await withTestApp(demo: true) { app in
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await enterprise.openBackboneCall()
            let prepared = try await enterprise.preparedApplication(to: call.id)
            let submitted = try await enterprise.post("/api/v1/applications/\(prepared.id)/submit",
                                                      json: ["version": prepared.version, "commitmentAccepted": true])
            let version = try submitted.decode(ApplicationDetailDTO.self).version
            // MUT
            let withdrawn = try await enterprise.post("/api/v1/applications/\(prepared.id)/withdraw",
                                                      json: ["version": version, "reason": "本年度暂不参评"])
            // validation
            #expect(withdrawn.status == .ok)
            let detail = try withdrawn.decode(ApplicationDetailDTO.self)
            #expect(detail.stage == .withdrawn)
            #expect(detail.allowedActions.isEmpty)
            #expect(detail.history.last?.reason == "本年度暂不参评")
            let district = try await APIClient.signedIn(app, "demo-district-nanshan")
            #expect(try await district.get("/api/v1/inbox").decode(InboxDTO.self).messages.contains { $0.subject.zh.contains("撤回") })
        }
    }
}
