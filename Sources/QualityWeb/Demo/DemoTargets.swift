import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The demo city's quality targets: 001's indicators with five years (2011–2015) of reported values, most on
/// track, a few behind, two never reported (so 市水务局 shows as late) and one filed late; and an officer
/// account for each lead department.
enum DemoTargets {
    /// Lead departments and their demo accounts (市发展改革委 already has `demo-department`).
    static let departmentAccounts: [(username: String, name: String, department: String)] = [
        ("demo-department-msa", "郑主任（市市场监管局）", "市市场监管局"),
        ("demo-department-env", "林处长（市人居环境委）", "市人居环境委"),
        ("demo-department-water", "何科长（市水务局）", "市水务局"),
        ("demo-department-housing", "高科长（市住房建设局）", "市住房建设局"),
        ("demo-department-industry", "罗处长（市科工贸信委）", "市科工贸信委"),
    ]

    static let years = 2011...2015
    /// Values that fall short of the target in 2015.
    static let behind: Set<String> = ["products-to-international-standards", "air-quality-grade-two-days", "energy-per-gdp"]
    /// Never reported for 2015: the department is late.
    static let missing: Set<String> = ["water-per-gdp", "urban-sewage-treatment-rate"]
    /// Reported after the due day.
    static let filedLate: Set<String> = ["construction-quality-accidents", "completed-works-to-standard"]

    static func create(on database: any Database, catalog: PolicyCatalog, passwordHash: String) async throws {
        for account in departmentAccounts {
            try await Account(username: account.username, displayName: account.name, passwordHash: passwordHash, role: .department,
                              department: account.department).create(on: database)
        }
        var periods: [Int: ReportingPeriod] = [:]
        for year in years {
            if let existing = try await ReportingPeriod.query(on: database).filter(\.$year == year).first() {
                periods[year] = existing
                continue
            }
            let period = ReportingPeriod(year: year, dueOn: CalendarDate(year: year + 1, month: 1, day: 31)!, isDemo: true)
            try await period.create(on: database)
            periods[year] = period
        }
        try await TargetsService.syncCatalog(catalog, on: database)
        let accounts = Dictionary(try await Account.query(on: database).filter(\.$role == .department).all()
            .compactMap { account in account.department.map { ($0, account) } }, uniquingKeysWith: { first, _ in first })
        let indicators = try await CityIndicator.query(on: database).filter(\.$source == "catalog").with(\.$departments).all()
        for indicator in indicators {
            guard let lead = indicator.departments.first(where: \.lead), let account = accounts[lead.department] else { continue }
            for (step, year) in years.enumerated() where indicator.expects(year: year) {
                if year == years.upperBound, missing.contains(indicator.key) { continue }
                guard let period = periods[year] else { continue }
                let late = year == 2014 && filedLate.contains(indicator.key)
                let day = period.dueOn.adding(days: late ? 20 : -10)
                try await IndicatorReport(
                    indicatorID: indicator.id!, periodID: period.id!, value: value(indicator, step: step),
                    note: "演示数据：\(year) 年统计快报", evidenceFileID: nil, department: lead.department, reportedBy: account.id!,
                    reportedAt: day.startInShanghai.addingTimeInterval(10 * 3600), late: late, isDemo: true).create(on: database)
            }
        }
    }

    /// Removes what the demo recorded (before its accounts and enterprises go): reports and their evidence,
    /// the demo's periods when no real report uses them, credit records. Indicators and departments stay: they
    /// are the catalogue's, not the demo's.
    static func remove(on database: any Database, accounts: [UUID], enterprises: [UUID]) async throws {
        let reports = try await IndicatorReport.query(on: database).group(.or) {
            $0.filter(\.$isDemo == true).filter(\.$reportedBy.$id ~~ accounts)
        }.all()
        let files = reports.compactMap { $0.$evidence.id }
        try await IndicatorReport.query(on: database).filter(\.$id ~~ reports.compactMap(\.id)).delete()
        try await EvidenceFile.query(on: database).filter(\.$id ~~ files).delete()
        for period in try await ReportingPeriod.query(on: database).filter(\.$isDemo == true).all() {
            if try await IndicatorReport.query(on: database).filter(\.$period.$id == period.id!).count() == 0 {
                try await period.delete(on: database)
            }
        }
        try await CreditRecord.query(on: database).group(.or) {
            $0.filter(\.$enterprise.$id ~~ enterprises).filter(\.$recordedBy.$id ~~ accounts)
        }.delete()
    }

    static func power10(_ exponent: Int) -> Int { (0..<max(exponent, 0)).reduce(1) { result, _ in result * 10 } }

    /// A plausible value for year `step` (0…4): climbing towards the target (or falling, for "at most"),
    /// exact decimal text with the target's decimals plus one, percentages capped at 100.
    static func value(_ indicator: CityIndicator, step: Int) -> String {
        let perMille: [Int]
        switch (indicator.direction, behind.contains(indicator.key)) {
        case (.atLeast, false): perMille = [780, 850, 910, 970, 1030]
        case (.atLeast, true): perMille = [760, 820, 880, 930, 960]
        case (.atMost, false): perMille = [1250, 1150, 1080, 1010, 970]
        case (.atMost, true): perMille = [1300, 1250, 1180, 1120, 1060]
        case (.approximately, _): perMille = [0, 250, 500, 750, 1000]
        }
        let parts = indicator.target.split(separator: ".")
        let decimals = parts.count == 2 ? parts[1].count + 1 : (indicator.isPercent ? 1 : 0)
        let scale = power10(decimals)
        let digits = indicator.target.replacingOccurrences(of: ".", with: "")
        let targetDecimals = parts.count == 2 ? parts[1].count : 0
        // The target in units of 10^-decimals, then scaled by the year's share.
        var units = (Int(digits) ?? 0) * power10(decimals - targetDecimals) * perMille[min(step, 4)] / 1000
        if indicator.isPercent { units = min(units, 100 * scale) }
        guard decimals > 0 else { return String(units) }
        let whole = units / scale
        let fraction = String(units % scale)
        return "\(whole).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
    }
}

/// Records officers entered in the demo credit files, so the query shows every grade: a complaint with an
/// internal note the public must not see, and a serious penalty that makes a D.
enum DemoCredit {
    static func create(on database: any Database, enterprises byName: [String: Enterprise], today: CalendarDate) async throws {
        /// The first demo enterprise of a profile.
        func enterprise(_ profile: DemoEnterprises.Profile) -> Enterprise? {
            DemoEnterprises.specs.first { $0.profile == profile }.flatMap { byName[$0.name] }
        }
        guard let city = try await Account.query(on: database).filter(\.$username == "demo-city").first(),
              let nanshan = try await Account.query(on: database).filter(\.$username == "demo-district-nanshan").first() else { return }
        if let taxShort = enterprise(.backboneTaxShort) {
            try await CreditRecord(enterpriseID: taxShort.id!, kind: .complaint, area: .serviceQuality, severity: .general, outcome: .substantiated,
                                   level: .district, occurredOn: today.adding(months: -8), reference: "南市监投〔演示〕56号",
                                   summary: "售后维修超期，投诉属实，已督促整改（演示数据）",
                                   privateNote: "投诉人张先生，联系电话 138 0013 8000（演示数据，仅内部可见）", isPublic: false,
                                   recordedBy: nanshan.id!, recorderName: nanshan.displayName,
                                   recordedAt: today.adding(months: -8).startInShanghai.addingTimeInterval(15 * 3600)).create(on: database)
        }
        if let young = enterprise(.backboneTooYoung) {
            try await CreditRecord(enterpriseID: young.id!, kind: .penalty, area: .quality, severity: .serious, outcome: .decided,
                                   level: .municipal, occurredOn: today.adding(months: -10), reference: "深市监罚〔演示〕102号",
                                   summary: "生产销售不合格产品，罚款并没收违法所得（演示数据）",
                                   privateNote: "已移送联合惩戒名单（演示数据）", isPublic: true,
                                   recordedBy: city.id!, recorderName: city.displayName,
                                   recordedAt: today.adding(months: -10).startInShanghai.addingTimeInterval(11 * 3600)).create(on: database)
        }
    }
}
