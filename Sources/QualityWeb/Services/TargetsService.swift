import Fluent
import Foundation
import QualityRules
import QualityStorage

/// City quality targets (001 二、五（五）): indicators and their task breakdown, reporting periods, the values
/// departments report with evidence, and where each indicator stands.
struct TargetsService: Sendable {
    let database: any Database
    let clock: any WallClock
    let uploads: UploadStore

    // MARK: The catalogue

    /// Loads the catalogue's indicators the database does not have yet (by key), with their departments. The
    /// database is the record from then on: the city edits and adds there, and a changed policy file does not
    /// overwrite what is stored. Safe to run from several instances at once.
    static func syncCatalog(_ catalog: PolicyCatalog, on database: any Database) async throws {
        let existing = Set(try await CityIndicator.query(on: database).all(\.$key))
        let missing = catalog.policies.flatMap { policy in policy.indicators.map { (policy, $0) } }.filter { !existing.contains($0.1.id) }
        guard !missing.isEmpty else { return }
        do {
            try await database.transaction { tx in
                var departments = Set(try await Department.query(on: tx).all(\.$name))
                let order = try await CityIndicator.query(on: tx).count()
                for (index, (policy, item)) in missing.enumerated() {
                    for department in item.departments where !departments.contains(department.zh) {
                        try await Department(name: department.zh, nameEN: department.en).create(on: tx)
                        departments.insert(department.zh)
                    }
                    let firstYear = (policy.issuedOn?.year ?? policy.inForce?.start.year ?? item.targetYear ?? 2000) + 1
                    let indicator = CityIndicator(
                        key: item.id, name: item.name, unit: item.unit, target: item.target, direction: item.direction,
                        firstYear: min(firstYear, item.targetYear ?? firstYear), targetYear: item.targetYear, perYear: item.perYear,
                        plan: policy.citationLabel, clause: item.citation.clause, citationText: item.citation.text,
                        departmentsBasis: item.departmentsBasis.rawValue, sortOrder: order + index, source: "catalog")
                    try await indicator.create(on: tx)
                    for (position, department) in item.departments.enumerated() {
                        try await IndicatorDepartment(indicatorID: indicator.id!, department: department.zh, lead: position == 0).create(on: tx)
                    }
                }
            }
        } catch {
            // Another instance loaded them first (a unique key refused ours); anything else is a real failure.
            let now = Set(try await CityIndicator.query(on: database).all(\.$key))
            if missing.contains(where: { !now.contains($0.1.id) }) { throw error }
        }
    }

    // MARK: Reading

    /// Everything the dashboard, the evaluation and the annual report read, in four queries.
    func board(activeOnly: Bool = true) async throws -> TargetsBoard {
        let indicatorQuery = CityIndicator.query(on: database).with(\.$departments).sort(\.$sortOrder)
        if activeOnly { indicatorQuery.filter(\.$isActive == true) }
        let indicators = try await indicatorQuery.all()
        let periods = try await ReportingPeriod.query(on: database).sort(\.$year).all()
        let reports = try await IndicatorReport.query(on: database).sort(\.$reportedAt).all()
        let departments = try await Department.query(on: database).sort(\.$name).all()
        return TargetsBoard(indicators: indicators, periods: periods, reports: reports, departments: departments, today: clock.today())
    }

    // MARK: Reporting

    struct ReportInput: Sendable {
        var periodID: String
        var value: String
        var note: String
        var file: (data: Data, filename: String)?
    }

    /// Records a value for an indicator the officer's department answers for. Another department's indicator is
    /// refused before anything (the evidence file included) is written.
    func report(_ officer: DepartmentOfficer, indicatorID: UUID, _ input: ReportInput) async throws -> IndicatorReport {
        guard let indicator = try await CityIndicator.query(on: database).filter(\.$id == indicatorID).with(\.$departments).first(),
              indicator.isActive else { throw AppError.notFound() }
        guard indicator.departments.contains(where: { $0.department == officer.department }) else {
            throw AppError(.forbidden, code: "forbidden", Strings.Targets.notYourIndicator(indicator.name))
        }
        var problems: [String: LocalizedText] = [:]
        let period = try await UUID(uuidString: input.periodID).asyncFlatMap { try await ReportingPeriod.find($0, on: database) }
        if period == nil || !(period.map { indicator.expects(year: $0.year) } ?? false) { problems["periodID"] = Strings.Targets.choosePeriod }
        var value = ""
        switch TargetProgress.parse(input.value, percent: indicator.isPercent) {
        case .success(let parsed): value = parsed
        case .failure(let error): problems["value"] = error.message
        }
        let note = input.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 1000 { problems["note"] = Strings.Targets.noteTooLong }
        if input.file == nil { problems["file"] = Strings.Targets.evidenceRequired }
        guard problems.isEmpty, let period, let file = input.file else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        let reported = value

        let stored = try uploads.store(data: file.data, filename: file.filename)
        let now = clock.now()
        let late = CalendarDate.inShanghai(now) > period.dueOn
        let report = IndicatorReport(indicatorID: indicatorID, periodID: period.id!, value: reported, note: note, evidenceFileID: nil,
                                     department: officer.department, reportedBy: officer.user.accountID, reportedAt: now, late: late)
        try await database.writeTransaction { tx in
            let evidence = EvidenceFile(sha256: stored.sha256, displayName: stored.displayName, contentType: stored.kind.contentType,
                                        size: stored.size, enterpriseID: nil, uploadedBy: officer.user.accountID)
            try await evidence.create(on: tx)
            report.$evidence.id = evidence.id
            try await report.create(on: tx)
            try await AuditChain.append(AuditEntry(
                actor: officer.user.auditActor, subjectType: "indicator", subjectID: indicator.key, action: "report_value",
                reason: "\(period.year): \(reported) \(indicator.unitZH)（\(officer.department)）evidence sha256 \(stored.sha256)",
                occurredAt: now), on: tx)
        }
        return report
    }

    // MARK: The city bureau

    struct IndicatorInput: Sendable {
        var key: String
        var nameZH: String
        var nameEN: String
        var unitZH: String
        var unitEN: String
        var target: String
        var direction: String
        var firstYear: String
        var targetYear: String
        var plan: String
        var departments: [String]
        var newDepartmentZH: String
        var newDepartmentEN: String
    }

    /// Adds an indicator for a later plan, with its task breakdown (the first department chosen leads).
    func addIndicator(_ officer: CityOfficer, _ input: IndicatorInput) async throws -> CityIndicator {
        var problems: [String: LocalizedText] = [:]
        func text(_ value: String, _ field: String, max: Int = 200) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.count > max { problems[field] = Strings.Targets.required }
            return trimmed
        }
        let key = input.key.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if key.isEmpty || key.count > 60 || !key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            problems["key"] = Strings.Targets.badKey
        } else if try await CityIndicator.query(on: database).filter(\.$key == key).first() != nil {
            problems["key"] = Strings.Targets.keyTaken
        }
        let name = LocalizedText(zh: text(input.nameZH, "nameZH"), en: text(input.nameEN, "nameEN"))
        let unit = LocalizedText(zh: text(input.unitZH, "unitZH", max: 20), en: text(input.unitEN, "unitEN", max: 40))
        var target = ""
        switch TargetProgress.parse(input.target, percent: unit.zh == "%") {
        case .success(let parsed): target = parsed
        case .failure(let error): problems["target"] = error.message
        }
        let direction = TargetDirection(rawValue: input.direction)
        if direction == nil { problems["direction"] = Strings.Targets.required }
        let firstYear = Int(input.firstYear.trimmingCharacters(in: .whitespaces))
        if firstYear.map({ !(2000...2100).contains($0) }) ?? true { problems["firstYear"] = Strings.Targets.badYear }
        let targetYear = input.targetYear.trimmingCharacters(in: .whitespaces).isEmpty ? nil : Int(input.targetYear.trimmingCharacters(in: .whitespaces))
        if !input.targetYear.trimmingCharacters(in: .whitespaces).isEmpty,
           targetYear.map({ !(2000...2100).contains($0) || $0 < (firstYear ?? 0) }) ?? true {
            problems["targetYear"] = Strings.Targets.badYear
        }
        let plan = text(input.plan, "plan")
        let newZH = input.newDepartmentZH.trimmingCharacters(in: .whitespacesAndNewlines)
        let newEN = input.newDepartmentEN.trimmingCharacters(in: .whitespacesAndNewlines)
        let known = Set(try await Department.query(on: database).all(\.$name))
        var chosen = input.departments.filter { known.contains($0) }
        if !newZH.isEmpty, !chosen.contains(newZH) { chosen.append(newZH) }
        if chosen.isEmpty { problems["departments"] = Strings.Targets.chooseDepartment }
        guard problems.isEmpty, let direction, let firstYear else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        let (targetValue, departments) = (target, chosen)

        let order = try await CityIndicator.query(on: database).count()
        let indicator = CityIndicator(key: key, name: name, unit: unit, target: targetValue, direction: direction, firstYear: firstYear,
                                  targetYear: targetYear, perYear: false, plan: plan, clause: nil, citationText: nil,
                                  departmentsBasis: DepartmentsBasis.stated.rawValue, sortOrder: order, source: "city")
        try await database.writeTransaction { tx in
            if !newZH.isEmpty, !known.contains(newZH) {
                try await Department(name: newZH, nameEN: newEN.isEmpty ? newZH : newEN).create(on: tx)
            }
            try await indicator.create(on: tx)
            for (position, department) in departments.enumerated() {
                try await IndicatorDepartment(indicatorID: indicator.id!, department: department, lead: position == 0).create(on: tx)
            }
            try await AuditChain.append(AuditEntry(
                actor: officer.user.auditActor, subjectType: "indicator", subjectID: key, action: "add_indicator",
                reason: "\(name.zh)：\(direction.symbol) \(targetValue) \(unit.zh)；\(departments.joined(separator: "、"))", occurredAt: clock.now()), on: tx)
        }
        return indicator
    }

    /// Adds a reporting year. Values for a year are due by the day given (by default 31 January after it).
    func addPeriod(_ officer: CityOfficer, year raw: String, dueOn rawDue: String) async throws -> ReportingPeriod {
        guard let year = Int(raw.trimmingCharacters(in: .whitespaces)), (2000...2100).contains(year) else {
            throw AppError.invalid(Strings.Form.fixFields, fields: ["year": Strings.Targets.badYear])
        }
        let due: CalendarDate
        if rawDue.trimmingCharacters(in: .whitespaces).isEmpty {
            due = CalendarDate(year: year + 1, month: 1, day: 31)!
        } else if let parsed = CalendarDate(iso: rawDue.trimmingCharacters(in: .whitespaces)), parsed.year >= year {
            due = parsed
        } else {
            throw AppError.invalid(Strings.Form.fixFields, fields: ["dueOn": Strings.Targets.badDue])
        }
        guard try await ReportingPeriod.query(on: database).filter(\.$year == year).first() == nil else {
            throw AppError.invalid(Strings.Form.fixFields, fields: ["year": Strings.Targets.periodExists(year)])
        }
        let period = ReportingPeriod(year: year, dueOn: due)
        try await database.writeTransaction { tx in
            try await period.create(on: tx)
            try await AuditChain.append(AuditEntry(
                actor: officer.user.auditActor, subjectType: "reporting_period", subjectID: String(year), action: "add_period",
                reason: "due \(due.iso)", occurredAt: clock.now()), on: tx)
        }
        return period
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
