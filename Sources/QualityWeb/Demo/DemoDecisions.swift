import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Plays the demo city's past through the real services with a scripted clock, so a newcomer finds every
/// later stage with real data in it: a completed 2024 innovation-centre round with titles, reports filed
/// and a reviewer's findings; and last year's backbone round on public notice today, open to complaints.
enum DemoDecisions {
    static func play(_ app: Application) async throws {
        let today = app.qualityCity.clock.today()
        let clock = FixedClock(CalendarDate(year: 2024, month: 9, day: 2)!)
        let director = Director(app: app, clock: clock)

        // 2024: the Jiangmen round, from the call to the certificates.
        let jiangmen = ["demo-enterprise-jm", "demo-enterprise-jm2", "demo-enterprise-jm3"]
        let round = try await director.calls.create(try await director.city(), CallService.Draft(
            programmeID: "jm-innovation-centre", year: 2024, titleZh: "", titleEn: "", opensOn: "2024-09-01", closesOn: "2024-10-31",
            quota: "5", materials: "申报表 | Application form\n评审指标证明材料 | Evidence for the indicators", contacts: "江门市市场监督管理局质量发展科（演示）",
            noticeDays: "10", scoreAggregate: "trimmed_mean"))
        _ = try await director.calls.move(try await director.city(), callID: round.id!, to: .open)
        var ids: [UUID] = []
        for username in jiangmen { ids.append(try await director.submit(username, callID: round.id!)) }
        clock.set(CalendarDate(year: 2024, month: 10, day: 15)!)
        for id in ids { try await director.forward(id) }
        clock.set(CalendarDate(year: 2024, month: 11, day: 1)!)
        _ = try await director.calls.move(try await director.city(), callID: round.id!, to: .review)
        for id in ids { try await director.passEligibility(id) }
        clock.set(CalendarDate(year: 2024, month: 11, day: 4)!)
        _ = try await director.reviews.drawPanels(try await director.city(), callID: round.id!, seed: 20_241_104)
        clock.set(CalendarDate(year: 2024, month: 11, day: 8)!)
        for (index, id) in ids.enumerated() { try await director.scoreAll(id, totals: [[88, 86, 91], [74, 79, 77], [69, 72, 70]][index]) }
        _ = try await director.calls.move(try await director.city(), callID: round.id!, to: .committee)
        clock.set(CalendarDate(year: 2024, month: 11, day: 12)!)
        _ = try await director.committee.approve(try await director.member(), callID: round.id!)
        clock.set(CalendarDate(year: 2024, month: 11, day: 22)!)
        let titles = try await director.notices.publishFinal(actor: try await director.city().user.auditActor, callID: round.id!)
        // The holders' first yearly reports.
        clock.set(CalendarDate(year: 2025, month: 1, day: 20)!)
        for title in titles {
            guard let account = try await Account.query(on: app.db).filter(\.$enterprise.$id == title.$enterprise.id).first(),
                  let holder = EnterpriseUser(Director.user(account)) else { continue }
            try await director.lifecycle.fileReport(holder, titleID: title.id!, year: 2024,
                summary: "2024 年度中心组织质量攻关 2 项，完成检测设备升级与质量管理体系内审，培训质量人员 80 人次（演示数据）。",
                fundUse: "资助资金 10 万元用于检测设备升级（演示数据）。")
        }

        // The second reports: two holders file; the third is overdue, so its rectification notice shows.
        clock.set(CalendarDate(year: 2026, month: 1, day: 20)!)
        for title in titles.prefix(2) {
            guard let account = try await Account.query(on: app.db).filter(\.$enterprise.$id == title.$enterprise.id).first(),
                  let holder = EnterpriseUser(Director.user(account)) else { continue }
            try await director.lifecycle.fileReport(holder, titleID: title.id!, year: 2025,
                summary: "2025 年度中心完成团体标准 1 项、发明专利 3 项，产品一次交检合格率提升 1.2 个百分点（演示数据）。",
                fundUse: "资助资金已全部使用完毕（演示数据）。")
        }

        // Last year's backbone round: scored, approved three days ago, on public notice now.
        guard let backbone = try await Call.query(on: app.db).filter(\.$programmeID == "sz-backbone").filter(\.$year == today.year - 1).first() else { return }
        clock.set(backbone.opensOn.adding(days: 10))
        let applicant = try await director.submit("demo-enterprise-sz", callID: backbone.id!)
        clock.set(backbone.closesOn.adding(days: 5))
        _ = try await director.calls.move(try await director.city(), callID: backbone.id!, to: .review)
        try await director.forward(applicant)
        try await director.passEligibility(applicant)
        try await director.onSite(applicant)
        _ = try await director.reviews.drawPanels(try await director.city(), callID: backbone.id!, seed: UInt64(today.year))
        try await director.scoreAll(applicant, totals: [86, 83, 88])
        _ = try await director.calls.move(try await director.city(), callID: backbone.id!, to: .committee)
        clock.set(today.adding(days: -3))
        _ = try await director.committee.approve(try await director.member(), callID: backbone.id!)

        // This year's second batch: with the experts now, one of them still to score.
        clock.set(today.adding(days: -45))
        let batch = try await director.calls.create(try await director.city(), CallService.Draft(
            programmeID: "sz-backbone", year: today.year, titleZh: "\(today.year) 年度“深圳市质量强市骨干企业”认定（第二批，演示）",
            titleEn: "\(today.year) backbone enterprises, second batch (demo)", opensOn: today.adding(days: -44).iso,
            closesOn: today.adding(days: -15).iso, quota: "", materials: "", contacts: "深圳市质量强市促进会秘书处（演示）",
            noticeDays: "10", scoreAggregate: "mean"))
        _ = try await director.calls.move(try await director.city(), callID: batch.id!, to: .open)
        clock.set(today.adding(days: -30))
        let second = try await director.submit("demo-enterprise-grant", callID: batch.id!)
        clock.set(today.adding(days: -12))
        _ = try await director.calls.move(try await director.city(), callID: batch.id!, to: .review)
        try await director.forward(second)
        try await director.passEligibility(second)
        try await director.onSite(second)
        _ = try await director.reviews.drawPanels(try await director.city(), callID: batch.id!, seed: UInt64(today.year) + 2)
        try await director.scoreAll(second, totals: [82, 79], limit: 2)
    }

    /// The people of the demo acting through the services, on the scripted clock.
    struct Director {
        let app: Application
        let clock: FixedClock

        var db: any Database { app.db }
        var assessor: any ApplicationAssessor { app.qualityCity.assessor }
        var applications: ApplicationService { ApplicationService(database: db, clock: clock, assessor: assessor, uploads: app.qualityCity.uploads) }
        var calls: CallService { CallService(database: db, clock: clock, assessor: assessor) }
        var reviews: ReviewService { ReviewService(database: db, clock: clock, assessor: assessor) }
        var committee: CommitteeService { CommitteeService(database: db, clock: clock, assessor: assessor) }
        var notices: NoticeService { NoticeService(database: db, clock: clock, assessor: assessor) }
        var lifecycle: LifecycleService { LifecycleService(database: db, clock: clock, assessor: assessor) }

        static func user(_ account: Account) -> SignedInUser {
            SignedInUser(accountID: account.id!, username: account.username, displayName: account.displayName, role: account.role,
                         district: account.district, enterpriseID: account.$enterprise.id, department: account.department, sessionID: UUID())
        }

        func account(_ username: String) async throws -> Account {
            guard let account = try await Account.query(on: db).filter(\.$username == username).first() else {
                throw Abort(.internalServerError, reason: "demo account \(username) missing")
            }
            return account
        }

        func city() async throws -> CityOfficer { CityOfficer(Self.user(try await account("demo-city")))! }
        func member() async throws -> CommitteeMember { CommitteeMember(Self.user(try await account("demo-committee")))! }

        /// Starts, fills in, attaches and submits (the materials point at one demo scan).
        func submit(_ username: String, callID: UUID) async throws -> UUID {
            let enterprise = EnterpriseUser(Self.user(try await account(username)))!
            let draft = try await applications.startDraft(enterprise, callID: callID)
            let company = try await Enterprise.find(enterprise.enterpriseID, on: db)!
            var form = ApplicationForm.prefilled(from: company)
            form.legalRepresentative = "（演示）法定代表人"
            form.contactName = company.contactName ?? "（演示）联系人"
            form.contactPhone = company.contactPhone ?? "0750-0000000"
            form.address = "\(company.city)\(company.district)（演示地址）"
            form.summary = "企业建立首席质量官制度，质量管理体系运行有效，近年质量绩效持续提升（演示数据）。"
            let saved = try await applications.saveForm(enterprise, id: draft.id!, version: draft.version, form: form)
            let call = try await Call.find(callID, on: db)!
            for material in call.materials {
                _ = try await applications.attachMaterial(enterprise, id: draft.id!, materialKey: material.key,
                                                          data: DemoScan.pdf, filename: "\(material.title.zh)（演示）.pdf")
            }
            let current = try await CallApplication.find(draft.id!, on: db)!
            _ = saved
            _ = try await applications.submit(enterprise, id: draft.id!, version: current.version, commitmentAccepted: true, idempotencyKey: nil)
            return draft.id!
        }

        func forward(_ id: UUID) async throws {
            let application = try await CallApplication.find(id, on: db)!
            guard let officer = try await Account.query(on: db).filter(\.$role == .districtOfficer).filter(\.$district == application.district).first(),
                  let guardOfficer = DistrictOfficer(Self.user(officer)) else {
                throw Abort(.internalServerError, reason: "the demo city has no officer for \(application.district)")
            }
            _ = try await applications.forward(guardOfficer, id: id, version: application.version,
                                               opinion: "材料齐全，经核实属实，同意推荐（演示）。", recommend: true)
        }

        func passEligibility(_ id: UUID) async throws {
            let application = try await CallApplication.query(on: db).filter(\.$id == id).with(\.$call).first()!
            let findings = application.evaluationJSON.map {
                assessor.pendingFindings(programmeID: application.call.programmeID, evaluationJSON: $0)
            } ?? []
            _ = try await applications.reviewEligibility(try await city(), id: id, version: application.version, pass: true,
                                                         reason: "符合申报条件（演示）", findings: Dictionary(findings.map { ($0.key, true) }, uniquingKeysWith: { a, _ in a }))
        }

        func onSite(_ id: UUID) async throws {
            let application = try await CallApplication.find(id, on: db)!
            _ = try await applications.recordOnSiteReview(try await city(), id: id, version: application.version,
                                                          findings: "现场抽查验证：质量管理体系文件与现场一致（演示）。", pass: true)
        }

        /// Every expert on the panel declares no conflict and scores to the given totals.
        func scoreAll(_ id: UUID, totals: [Int], limit: Int = .max) async throws {
            let seats = try await PanelAssignment.query(on: db).filter(\.$application.$id == id).filter(\.$status != .recused)
                .with(\.$expert) { $0.with(\.$account) }.all()
            let application = try await CallApplication.query(on: db).filter(\.$id == id).with(\.$call).first()!
            guard let rubric = try assessor.scoringRubric(programmeID: application.call.programmeID, customYAML: application.call.rubricYAML) else { return }
            for (index, seat) in seats.enumerated() where index < limit {
                let expert = ExpertReviewer(Self.user(seat.expert.account))!
                try await reviews.declare(expert, assignmentID: seat.id!, conflict: false, reason: "")
                var remaining = totals[index % totals.count] * 100
                var points: [String: String] = [:]
                var reasons: [String: String] = [:]
                for indicator in rubric.indicators {
                    let share = min(indicator.maximum, remaining)
                    remaining -= share
                    points[indicator.id] = Points(hundredths: share).description
                    reasons[indicator.id] = "依据申报材料与现场情况评分（演示）。"
                }
                try await reviews.submitScores(expert, assignmentID: seat.id!, points: points, justifications: reasons,
                                               opinion: "质量管理基础扎实，建议持续加强质量创新（演示）。")
            }
        }
    }
}

/// A one-page PDF that stands in for every scanned, sealed document of the demo.
enum DemoScan {
    static let pdf = Data("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
}
