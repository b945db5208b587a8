import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The quality credit file (质量诚信档案, 001 三（三）1): one per enterprise, a dated timeline of titles, grants,
/// penalties, spot checks, complaints, accidents, certifications and awards, with the credit grade computed
/// from the same facts the rules engine reads. The public sees the grade, titles and public sanctions;
/// the enterprise its own file without officers' notes; officers everything.
struct CreditService: Sendable {
    let database: any Database
    let clock: any WallClock
    let catalog: PolicyCatalog

    enum Audience: Sendable, Equatable {
        case everyone
        case owner
        case officer
    }

    func audience(of viewer: SignedInUser?, for enterprise: Enterprise) -> Audience {
        guard let viewer else { return .everyone }
        switch viewer.role {
        case .cityOfficer, .districtOfficer: return .officer
        case .enterprise where viewer.enterpriseID == enterprise.id: return .owner
        default: return .everyone
        }
    }

    /// A district bureau records only for enterprises of its district; the city bureau for all.
    func mayRecord(_ viewer: SignedInUser?, for enterprise: Enterprise) -> Bool {
        guard let viewer else { return false }
        switch viewer.role {
        case .cityOfficer: return true
        case .districtOfficer: return viewer.district != nil && viewer.district == enterprise.district
        default: return false
        }
    }

    // MARK: Search

    struct Match: Sendable {
        var name: String
        var creditCode: String
        var district: String
        var grade: CreditGrade?
    }

    /// By 18-character credit code (exact) or by part of the name (at least two characters).
    func search(_ raw: String) async throws -> [Match] {
        let query = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { return [] }
        let enterprises: [Enterprise]
        if let code = CreditCode(query.uppercased()) {
            enterprises = try await Enterprise.query(on: database).filter(\.$creditCode == code.value).all()
        } else {
            let words = String(query.filter { $0 != "%" && $0 != "_" })
            guard words.count >= 2, words.count <= 60 else {
                throw AppError.invalid(Strings.Credit.badQuery, fields: ["q": Strings.Credit.badQuery])
            }
            enterprises = try await Enterprise.query(on: database).filter(\.$name ~~ words).sort(\.$name).limit(20).all()
        }
        var matches: [Match] = []
        for enterprise in enterprises {
            let facts = try await assembledFacts(enterprise)
            matches.append(Match(name: enterprise.name, creditCode: enterprise.creditCode, district: enterprise.district,
                                 grade: facts.map { CreditGrading.assess($0, on: clock.today()).grade }))
        }
        return matches
    }

    func assembledFacts(_ enterprise: Enterprise) async throws -> EnterpriseFacts? {
        let json = try await FactsAssembler.assemble(enterprise, on: database)
        return try? EnterpriseFacts.validate(data: Data(json.utf8)).get()
    }

    // MARK: The file

    func file(creditCode raw: String, viewer: SignedInUser?) async throws -> CreditFile {
        guard let code = CreditCode(raw.uppercased()),
              let enterprise = try await Enterprise.query(on: database).filter(\.$creditCode == code.value).first() else {
            throw AppError.notFound(Strings.Credit.notFound)
        }
        return try await file(enterprise, viewer: viewer)
    }

    func file(_ enterprise: Enterprise, viewer: SignedInUser?) async throws -> CreditFile {
        let audience = audience(of: viewer, for: enterprise)
        let today = clock.today()
        let facts = try await assembledFacts(enterprise)
        let own = try? JSONDecoder().decode(EnterpriseFacts.self, from: Data(enterprise.factsJSON.utf8))
        var entries: [CreditFile.Entry] = []

        // Titles the platform granted, and earlier ones in the imported history: public.
        let titles = try await Title.query(on: database).filter(\.$enterprise.$id == enterprise.id!).sort(\.$grantedOn).all()
        for title in titles {
            let name = programmeTitle(title.programmeID)
            entries.append(.init(date: title.grantedOn, kind: .title, title: Strings.Credit.titleGranted(name),
                                 detail: Strings.Credit.titleDetail(number: title.certificateNumber, from: title.validFrom, to: title.validUntil,
                                                                    valid: title.isValid(on: today)),
                                 source: .platform, isPublic: true, adverse: false))
            if let ended = title.endedOn, [.revoked, .terminated].contains(title.status) {
                entries.append(.init(date: ended, kind: .title, title: Strings.Credit.titleEnded(name, revoked: title.status == .revoked),
                                     detail: title.endedReason.map { LocalizedText(zh: $0, en: $0) }, source: .platform, isPublic: true,
                                     adverse: title.status == .revoked))
            }
        }
        let platformTitles = Set(titles.map { "\($0.programmeID)|\($0.grantedOn.iso)" })
        for record in own?.history.titles ?? [] where !platformTitles.contains("\(record.programme)|\(record.grantedOn.iso)") {
            entries.append(.init(date: record.grantedOn, kind: .title, title: Strings.Credit.titleGranted(programmeTitle(record.programme)),
                                 detail: record.validTo.map { Strings.Credit.validTo($0) }, source: .imported, isPublic: true, adverse: false))
        }
        // Grants: the platform's (and imported ones), then any the facts declare that the platform does not hold.
        let funded = try await CreditFileSources.grants(enterpriseID: enterprise.id!, on: database)
        let fundedKeys = Set(funded.map { "\($0.programme)|\($0.matter)" })
        for grant in funded + (own?.history.grants ?? []).filter({ !fundedKeys.contains("\($0.programme)|\($0.matter)") }) {
            entries.append(.init(date: grant.date, kind: .grant, title: Strings.Credit.grant(programmeTitle(grant.programme), amount: grant.amount),
                                 detail: LocalizedText(zh: grant.matter, en: grant.matter), source: .platform, isPublic: false, adverse: false))
        }
        // Records officers entered.
        let records = try await CreditRecord.query(on: database).filter(\.$enterprise.$id == enterprise.id!).sort(\.$occurredOn).all()
        for record in records {
            entries.append(.init(date: record.occurredOn, kind: .init(record.kind), title: Strings.Credit.eventTitle(record.event),
                                 detail: LocalizedText(zh: record.summary, en: record.summary), reference: record.reference,
                                 source: .officer, isPublic: record.isPublic, adverse: CreditGrading.isAdverse(record.event),
                                 privateNote: record.privateNote, recorder: record.recorderName))
        }
        // Complaints upheld on public notice.
        for complaint in try await CreditFacts.noticeComplaints(enterpriseID: enterprise.id!, on: database) {
            entries.append(.init(date: complaint.day, kind: .complaint, title: Strings.Credit.noticeComplaint(complaint.callTitle),
                                 detail: LocalizedText(zh: complaint.outcome, en: complaint.outcome), source: .notice, isPublic: false,
                                 adverse: true))
        }
        // The enterprise's own and imported facts: penalties are public information; the rest is not.
        for event in own?.events ?? [] {
            entries.append(.init(date: event.date, kind: .init(event.kind), title: Strings.Credit.eventTitle(event),
                                 detail: event.note.map { LocalizedText(zh: $0, en: $0) }, reference: event.reference,
                                 source: .imported, isPublic: event.kind == .penalty, adverse: CreditGrading.isAdverse(event),
                                 publicDetail: false))
        }
        for certification in own?.certifications ?? [] {
            entries.append(.init(date: certification.validFrom, kind: .certification, title: Strings.Credit.certification(certification),
                                 detail: nil, source: .imported, isPublic: false, adverse: false))
        }
        for award in own?.awards ?? [] {
            let date = award.date ?? CalendarDate(year: award.year, month: 1, day: 1)!
            entries.append(.init(date: date, kind: .award, title: Strings.Credit.award(award), detail: nil, source: .imported,
                                 isPublic: false, adverse: false))
        }
        let visible = entries.filter { audience != .everyone || $0.isPublic }.map { entry -> CreditFile.Entry in
            var entry = entry
            if audience != .officer { entry.privateNote = nil; entry.recorder = nil }
            if audience == .everyone, !entry.publicDetail { entry.detail = nil }
            return entry
        }.sorted { ($0.date, $0.kind.rawValue) > ($1.date, $1.kind.rawValue) }

        let assessment = facts.map { CreditGrading.assess($0, on: today) }
        var bars: [CreditFile.Bar] = []
        if audience != .everyone, let facts {
            let evaluator = Evaluator(catalog: catalog)
            for entry in catalog.programmesInForce(on: today) {
                let evaluation = evaluator.evaluate(entry.programme, of: entry.policy, facts: facts, on: today)
                for result in evaluation.exclusions where result.outcome == .notMet {
                    bars.append(.init(programme: entry.programme.title, explanation: result.explanation))
                }
            }
        }
        return CreditFile(
            name: enterprise.name, creditCode: enterprise.creditCode, city: enterprise.city, district: enterprise.district,
            contact: audience == .officer ? [enterprise.contactName, enterprise.contactPhone].compactMap { $0 }.joined(separator: " ") : nil,
            audience: audience, assessment: assessment, entries: visible, bars: bars,
            mayRecord: mayRecord(viewer, for: enterprise), today: today)
    }

    func programmeTitle(_ id: String) -> LocalizedText {
        catalog.programme(id)?.1.title ?? LocalizedText(zh: id, en: id)
    }

    // MARK: Recording

    struct RecordInput: Sendable {
        var kind: String
        var occurredOn: String
        var area: String
        var severity: String
        var outcome: String
        var level: String
        var reference: String
        var summary: String
        var privateNote: String
        var isPublic: Bool
    }

    /// The outcomes each kind of record may have.
    static func outcomes(for kind: EventKind) -> [EventOutcome] {
        switch kind {
        case .penalty, .accident, .violationRecord: [.decided]
        case .complaint: [.substantiated, .unsubstantiated, .pending]
        case .spotCheck, .commissionedTest: [.failed, .passed]
        }
    }

    /// Records a penalty, spot check, complaint or accident in the file. From then on it is a fact: the next
    /// evaluation of any application of the enterprise, and its credit grade, read it.
    func record(_ officer: ReviewingOfficer, creditCode raw: String, _ input: RecordInput) async throws -> CreditRecord {
        guard let code = CreditCode(raw.uppercased()),
              let enterprise = try await Enterprise.query(on: database).filter(\.$creditCode == code.value).first() else {
            throw AppError.notFound(Strings.Credit.notFound)
        }
        if case .district(let district) = officer.scope, district != enterprise.district {
            throw AppError(.forbidden, code: "forbidden", Strings.Credit.otherDistrict)
        }
        var problems: [String: LocalizedText] = [:]
        let kind = EventKind(rawValue: input.kind)
        if kind == nil { problems["kind"] = Strings.Credit.chooseKind }
        let day = CalendarDate(iso: input.occurredOn.trimmingCharacters(in: .whitespaces))
        if day == nil { problems["occurredOn"] = Strings.Form.badDate } else if let day, day > clock.today() {
            problems["occurredOn"] = Strings.Credit.futureDate
        }
        let area = EventArea(rawValue: input.area)
        if area == nil { problems["area"] = Strings.Credit.chooseOne }
        let severity = Severity(rawValue: input.severity)
        if severity == nil { problems["severity"] = Strings.Credit.chooseOne }
        let level = AdministrativeLevel(rawValue: input.level)
        if level == nil { problems["level"] = Strings.Credit.chooseOne }
        var outcome = EventOutcome(rawValue: input.outcome)
        if let kind {
            let allowed = Self.outcomes(for: kind)
            if allowed.count == 1 { outcome = allowed[0] }
            if outcome.map({ !allowed.contains($0) }) ?? true { problems["outcome"] = Strings.Credit.outcomeFor(kind, allowed: allowed) }
        }
        let summary = input.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.isEmpty { problems["summary"] = Strings.Credit.summaryRequired } else if summary.count > 500 { problems["summary"] = Strings.Form.tooLong(500) }
        let reference = input.reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if reference.count > 100 { problems["reference"] = Strings.Form.tooLong(100) }
        let note = input.privateNote.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 1000 { problems["privateNote"] = Strings.Form.tooLong(1000) }
        guard problems.isEmpty, let kind, let day, let area, let severity, let level, let outcome else {
            throw AppError.invalid(Strings.Form.fixFields, fields: problems)
        }
        let now = clock.now()
        let record = CreditRecord(enterpriseID: enterprise.id!, kind: kind, area: area, severity: severity, outcome: outcome, level: level,
                                  occurredOn: day, reference: reference.isEmpty ? nil : reference, summary: summary,
                                  privateNote: note.isEmpty ? nil : note, isPublic: input.isPublic, recordedBy: officer.user.accountID,
                                  recorderName: officer.user.displayName, recordedAt: now)
        try await database.writeTransaction { tx in
            try await record.create(on: tx)
            try await AuditChain.append(AuditEntry(
                actor: officer.user.auditActor, subjectType: "credit_file", subjectID: enterprise.creditCode, action: "record_\(kind.rawValue)",
                reason: "\(day.iso) \(kind.rawValue)/\(area.rawValue)/\(severity.rawValue)/\(outcome.rawValue)/\(level.rawValue) \(reference)",
                occurredAt: now), on: tx)
        }
        return record
    }
}

/// Where records kept by other features join the credit file.
enum CreditFileSources {
    /// Grants the platform made or imported (`GrantMatter`, one row per funded matter: the same history the
    /// engine reads for first-time-only, per-year and double-benefit checks).
    static func grants(enterpriseID: UUID, on database: any Database) async throws -> [GrantRecord] {
        try await GrantMatter.query(on: database).filter(\.$enterprise.$id == enterpriseID).sort(\.$grantedOn).all().map(\.record)
    }
}

extension CreditGrading {
    /// Whether a record weighs against the enterprise (the timeline marks it).
    static func isAdverse(_ event: Event) -> Bool {
        switch event.kind {
        case .penalty, .accident, .violationRecord: true
        case .complaint: event.outcome == .substantiated
        case .spotCheck, .commissionedTest: event.outcome == .failed
        }
    }
}

/// A credit file as a page shows it, already cut to what its reader may see.
struct CreditFile: Sendable {
    enum Kind: String, Sendable {
        case title, grant, penalty, spotCheck, commissionedTest, complaint, accident, violationRecord, certification, award

        init(_ kind: EventKind) {
            switch kind {
            case .penalty: self = .penalty
            case .accident: self = .accident
            case .complaint: self = .complaint
            case .spotCheck: self = .spotCheck
            case .commissionedTest: self = .commissionedTest
            case .violationRecord: self = .violationRecord
            }
        }
    }

    enum Source: String, Sendable {
        /// Granted or paid by the platform.
        case platform
        /// Entered by an officer in the credit file.
        case officer
        /// Upheld during a public notice.
        case notice
        /// From the registry import or the enterprise's own facts.
        case imported
    }

    struct Entry: Sendable {
        var date: CalendarDate
        var kind: Kind
        var title: LocalizedText
        var detail: LocalizedText?
        var reference: String? = nil
        var source: Source
        var isPublic: Bool
        var adverse: Bool
        var privateNote: String? = nil
        var recorder: String? = nil
        /// Whether the public may read `detail` of a public entry (an officer's summary is written for it).
        var publicDetail: Bool = true
    }

    struct Bar: Sendable {
        var programme: LocalizedText
        var explanation: LocalizedText
    }

    var name: String
    var creditCode: String
    var city: String
    var district: String
    /// Officers only.
    var contact: String?
    var audience: CreditService.Audience
    /// Nil when the enterprise's facts cannot be read (then no grade is shown rather than a wrong one).
    var assessment: CreditAssessment?
    var entries: [Entry]
    /// The exclusions the same facts fail today, per programme in force (not shown to the public).
    var bars: [Bar]
    var mayRecord: Bool
    var today: CalendarDate
}
