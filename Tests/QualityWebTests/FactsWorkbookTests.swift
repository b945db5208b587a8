import Foundation
import QualityRules
import QualityStorage
@testable import QualityWeb
import Spreadsheet
import Testing

/// The facts workbook on its own: facts → workbook → facts, what a cell may say, and what a refused upload
/// is told. No database: `FactsWorkbook` is a pure function of the bytes and the stored facts.
@Suite("Facts workbook")
struct FactsWorkbookTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 24)!

    /// The facts of every demo enterprise, as the demo city stores them.
    static var demoFacts: [EnterpriseFacts] {
        DemoEnterprises.specs.map { spec in
            let code = CreditCode.withCheckDigit("91" + spec.division + spec.organisation)!
            return JSONText.decode(EnterpriseFacts.self, from: DemoFacts.facts(for: spec, creditCode: code, today: today))!
        }
    }

    static let examplesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples")

    static var exampleFacts: [(String, EnterpriseFacts)] {
        get throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path)
                .filter { $0.hasPrefix("facts-") && $0.hasSuffix(".json") }.sorted()
            return try names.map { name in
                let data = try Data(contentsOf: examplesDirectory.appendingPathComponent(name))
                return (name, try EnterpriseFacts.validate(data: data).get())
            }
        }
    }

    /// The workbook of `facts` with some sheets edited, as a person would in Excel.
    static func edited(_ facts: EnterpriseFacts, _ edit: (inout [String: Table]) -> Void) throws -> Data {
        var tables = try FactsWorkbook.tables(facts)
        var byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        edit(&byName)
        tables = tables.compactMap { byName[$0.name] }
        return try XLSXWriter().data(tables)
    }

    static func problems(_ data: Data, replacing facts: EnterpriseFacts) -> [FactsWorkbook.Problem] {
        switch FactsWorkbook.read(data, replacing: facts) {
        case .success: []
        case .failure(let refusal): refusal.problems
        }
    }

    static var jiangmen: EnterpriseFacts { get throws { try exampleFacts.first { $0.0.contains("jiangmen") }!.1 } }

    // MARK: Round trip

    @Test("facts → workbook → facts is identical for every demo enterprise")
    func demoRoundTrip() throws {
        for facts in Self.demoFacts {
            // MUT
            let data = try FactsWorkbook.data(facts)
            let back = try FactsWorkbook.read(data, replacing: facts).get()
            // validation
            #expect(back == facts, "\(facts.registration.name) changed on the way through the workbook")
            #expect(JSONText.encode(back) == JSONText.encode(facts))
        }
    }

    @Test("facts → workbook → facts is identical for the examples in docs/examples")
    func examplesRoundTrip() throws {
        let examples = try Self.exampleFacts
        #expect(examples.count >= 2)
        for (name, facts) in examples {
            let back = try FactsWorkbook.read(try FactsWorkbook.data(facts), replacing: facts).get()
            #expect(back == facts, "\(name) changed on the way through the workbook")
        }
    }

    @Test("the workbook has one sheet per section, then 说明; vocabulary as Chinese labels, dates as dates, money in yuan")
    func layout() throws {
        let facts = try Self.jiangmen
        let reader = try XLSXReader(data: try FactsWorkbook.data(facts))
        #expect(reader.sheetNames == ["基本信息", "认证证书", "纳税", "处罚事故投诉抽查", "专利", "参与标准", "标委会秘书处",
                                      "商标", "获奖", "实验室", "项目", "专业技术人员", "管理实践", "说明"])
        let patents = try reader.table(sheetNamed: "专利")
        #expect(patents.columns.map(\.title) == ["专利号 Patent number", "专利类型 Patent kind", "授权国家（地区） Granted by", "授予日期 Grant date"])
        #expect(patents.rows[0].cells == [.text("ZL201910000001.1"), .text("发明专利"), .text("中国"), .date(SheetDate(year: 2020, month: 1, day: 10)!)])
        let certificates = try reader.table(sheetNamed: "认证证书")
        #expect(certificates.rows[0][0] == .text("测量管理体系认证"))
        let withTax = Self.demoFacts[0]
        let taxes = try XLSXReader(data: try FactsWorkbook.data(withTax)).table(sheetNamed: "纳税")
        let firstTax = try #require(withTax.taxes.first)
        #expect(taxes.rows[0][1].scaledInteger(scale: 2) == firstTax.amount.fen)
        let readMe = try reader.rows(sheetNamed: "说明").map { $0.cells.map(\.plainText).joined(separator: " ") }.joined(separator: "\n")
        #expect(readMe.contains("ISO 9001 质量管理体系认证 / ISO 9001 quality management certification / iso9001"))
    }

    // MARK: What a cell may say

    @Test("every vocabulary spelling names one value only")
    func vocabulariesAreUnambiguous() {
        for sheet in FactsWorkbook.sheets {
            for field in sheet.fields {
                guard case .choice(let vocabulary) = field.kind else { continue }
                var seen: [String: String] = [:]
                for (spelling, code) in vocabulary.spellings {
                    #expect(seen[spelling, default: code] == code, "\(sheet.name)/\(field.key): '\(spelling)' names \(seen[spelling] ?? "") and \(code)")
                    seen[spelling] = code
                }
            }
        }
    }

    @Test("Chinese labels, English labels and raw codes all read back")
    func labelsAndCodes() throws {
        // setup
        var facts = try Self.jiangmen
        facts.certifications = []
        let data = try Self.edited(facts) { sheets in
            sheets["认证证书"]!.rows = [
                ["ISO 9001 质量管理体系认证", "A-1", "", .date(SheetDate(year: 2024, month: 1, day: 1)!), ""],
                ["ISO 9001 quality management certification", "A-2", "", "2024-01-01", ""],
                ["iso9001", "A-3", "", "2024/1/1", ""],
                ["  IATF 16949  汽车质量管理体系认证 ", "A-4", "", "2024年1月1日", ""],
                ["GREENPRODUCT", "A-5", "", "20240101", ""],
            ]
            sheets["专利"]!.rows = [
                ["P-1", "发明专利", "中国", "2021-01-10"],
                ["P-2", "invention patent", "foreign", "2021-01-10"],
                ["P-3", "utilityModel", "Chinese", "2021-01-10"],
            ]
            sheets["实验室"]!.rows = [["中心检验室", "是", "no"], ["", "Y", .boolean(true)], [" ", "", "", "备注：不是记录"], ["二号", "否", ""]]
        }
        // MUT
        let read = try FactsWorkbook.read(data, replacing: facts).get()
        // validation
        #expect(read.certifications.map(\.type) == [.iso9001, .iso9001, .iso9001, .iatf16949, .greenProduct])
        #expect(Set(read.certifications.map(\.validFrom)) == [CalendarDate(year: 2024, month: 1, day: 1)!])
        #expect(read.patents.map(\.kind) == [.invention, .invention, .utilityModel])
        #expect(read.patents.map(\.jurisdiction) == [.domestic, .foreign, .domestic])
        #expect(read.labs == [Lab(name: "中心检验室", independent: true, cnas: false), Lab(name: nil, independent: true, cnas: true),
                              Lab(name: "二号", independent: false, cnas: false)])
    }

    @Test("money: yuan with at most two decimals, converted to fen exactly; 12.345 yuan is refused", arguments: [
        (Cell.decimal(Decimal(string: "12.345")!), nil),
        (Cell.text("12.345"), nil),
        (Cell.decimal(Decimal(string: "12.34")!), 1234),
        (Cell.text("¥35,000,000.10"), 3_500_000_010),
        (Cell.integer(35_000_000), 3_500_000_000),
        (Cell.fixed(1_234_500, scale: 3), 123_450),
        (Cell.decimal(Decimal(string: "-5")!), nil),
    ] as [(Cell, Int64?)])
    func money(cell: Cell, fen: Int64?) throws {
        // setup
        var facts = try Self.jiangmen
        facts.taxes = []
        let data = try Self.edited(facts) { $0["纳税"]!.rows = [[.integer(2025), cell]] }
        // MUT
        let result = FactsWorkbook.read(data, replacing: facts)
        // validation
        switch (result, fen) {
        case (.success(let read), let fen?):
            #expect(read.taxes == [TaxYear(year: 2025, amount: Money(fen: fen))])
        case (.failure(let refusal), nil):
            #expect(refusal.problems.count == 1)
            let problem = try #require(refusal.problems.first)
            #expect(problem.location?.row == 2)
            #expect(problem.text.zh.hasPrefix("工作表「纳税」第 2 行「纳税额（元）」列："))
            if cell.plainText == "12.345" { #expect(problem.message == Money.ParseError.fractionalFen.message) }
        case (.success(let read), nil):
            Issue.record("\(cell) was accepted as \(read.taxes)")
        case (.failure(let refusal), _):
            Issue.record("\(cell) was refused: \(refusal.problems.map(\.text.en))")
        }
    }

    // MARK: Refusals

    @Test("problems in three sheets are all reported, each with its sheet, row and column, and nothing is read")
    func threeSheets() throws {
        // setup
        let facts = try Self.jiangmen
        let data = try Self.edited(facts) { sheets in
            sheets["专利"]!.rows[3].set(3, "2023-02-29")
            sheets["认证证书"]!.rows[1].set(0, "质量体系证书")
            sheets["获奖"]!.rows[0].set(3, "二〇二〇")
            sheets["专利"]!.rows[0].set(1, "发明")
        }
        // MUT
        let problems = Self.problems(data, replacing: facts)
        // validation
        #expect(problems.map(\.text.zh) == [
            "工作表「认证证书」第 3 行「类型」列：“质量体系证书”不是可填写的值（可填写的值见“说明”工作表）",
            "工作表「专利」第 2 行「专利类型」列：“发明”不是可填写的值（可填：发明专利、实用新型专利、外观设计专利）",
            "工作表「专利」第 5 行「授予日期」列：日期不存在",
            "工作表「获奖」第 2 行「年度」列：须为整数",
        ])
        #expect(problems[2].text.en == "Sheet “专利” (Patents), row 5, column “Grant date”: The date does not exist")
    }

    @Test("what only the whole document can say is reported at the cell it came from")
    func validationProblemsFindTheirCells() throws {
        let facts = try Self.jiangmen
        // A year out of range and a negative count: the schema's limits.
        var problems = Self.problems(try Self.edited(facts) { sheets in
            sheets["纳税"]!.rows = [[.integer(1850), .integer(100)]]
            sheets["专业技术人员"]!.rows[1].set(2, .integer(-2))
            sheets["基本信息"]!.rows[7].set(1, "制造业")
        }, replacing: facts)
        #expect(problems.map(\.text.zh) == [
            "工作表「基本信息」第 9 行「行业代码（GB/T 4754）」：“制造业”格式不正确",
            "工作表「纳税」第 2 行「年度」列：不能小于 1900",
            "工作表「专业技术人员」第 3 行「人数」列：不能为负数",
        ])
        // Periods that end before they start, a tax year given twice: the consistency checks.
        problems = Self.problems(try Self.edited(facts) { sheets in
            sheets["认证证书"]!.rows[0].set(4, .date(SheetDate(year: 2020, month: 1, day: 1)!))
            sheets["纳税"]!.rows = [[.integer(2024), .integer(1)], [.integer(2024), .integer(2)]]
        }, replacing: facts)
        let places: [String] = problems.map { problem in
            let location = problem.location
            return "\(location?.sheet?.zh ?? "")/\(location?.row ?? 0)/\(location?.column?.zh ?? "")"
        }
        #expect(places == ["认证证书/2/有效期至", "纳税/3/年度"])
    }

    @Test("blank required cells, missing columns, sheets and items are named")
    func missingThings() throws {
        let facts = try Self.jiangmen
        let problems = Self.problems(try Self.edited(facts) { sheets in
            sheets["专利"]!.rows[0].set(1, "")
            sheets["商标"]!.columns[2].title = "注册时间"
            sheets["项目"] = nil
            sheets["基本信息"]!.rows.remove(at: 2)
        }, replacing: facts)
        #expect(problems.map(\.text.zh) == [
            "工作表「基本信息」「行政区划代码」：缺少此项",
            "工作表「专利」第 2 行「专利类型」列：必填，不能为空",
            "工作表「商标」第 1 行「注册日期」列：缺少此列（请勿修改第一行的列标题）",
            "工作表「项目」：缺少此工作表（请使用平台导出的企业信息表）",
        ])
    }

    @Test("the credit code, name, city and district cannot be changed by an upload")
    func identity() throws {
        let facts = try Self.jiangmen
        let otherCode = CreditCode.withCheckDigit("91440703MA4UJ9999")!.value
        let problems = Self.problems(try Self.edited(facts) { sheets in
            sheets["基本信息"]!.rows[0].set(1, .text(otherCode))
            sheets["基本信息"]!.rows[4].set(1, "江海区")
        }, replacing: facts)
        #expect(problems.map(\.text.zh) == [
            "工作表「基本信息」第 2 行「统一社会信用代码」：不能通过上传修改：平台登记为“91440703MA4UJ1234D”，表中为“\(otherCode)”；如需变更请联系所在区市场监管局",
            "工作表「基本信息」第 6 行「所在区（县）」：不能通过上传修改：平台登记为“蓬江区”，表中为“江海区”；如需变更请联系所在区市场监管局",
        ])
    }

    @Test("attestations and history are kept from the stored facts, whatever the workbook holds")
    func keepsAttestationsAndHistory() throws {
        // setup
        var stored = try Self.jiangmen
        stored.history = History(
            titles: [TitleRecord(programme: "jm-innovation-centre", grantedOn: CalendarDate(year: 2019, month: 12, day: 1)!,
                                 validTo: CalendarDate(year: 2022, month: 11, day: 30)!)],
            grants: [GrantRecord(programme: "sz2023-m09-award", policy: "sz-quality-brand-measures-2023", matter: "award:chinaQualityAward:2023",
                                 date: CalendarDate(year: 2024, month: 5, day: 1)!, amount: Money(wan: 100))])
        var edited = stored
        edited.attestations = []
        edited.history = History()
        edited.patents.removeLast()
        let data = try Self.edited(edited) { sheets in
            // A sheet of findings added by hand is not read.
            sheets["审核认定"] = Table(name: "审核认定", columns: [Column("key"), Column("finding")], rows: [["financialSoundness", "met"]])
        }
        // MUT
        let read = try FactsWorkbook.read(data, replacing: stored).get()
        // validation
        #expect(read.attestations == stored.attestations)
        #expect(read.attestations.count == 6)
        #expect(read.history == stored.history)
        #expect(read.patents.count == stored.patents.count - 1)
    }

    @Test("a CSV, a legacy .xls or a damaged file is refused with a message, not a crash")
    func notAWorkbook() throws {
        let facts = try Self.jiangmen
        #expect(Self.problems(Data("年度,纳税额\n2024,1\n".utf8), replacing: facts).map(\.text.zh) == [Strings.FactsWorkbook.notXLSX.zh])
        #expect(Self.problems(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), replacing: facts).map(\.text.zh)
            == [Strings.FactsWorkbook.legacyWorkbook.zh])
        var damaged = try FactsWorkbook.data(facts)
        damaged.removeLast(damaged.count / 2)
        #expect(Self.problems(damaged, replacing: facts).map(\.text.zh) == [Strings.FactsWorkbook.unreadableWorkbook.zh])
    }

    // MARK: The layout and the schema

    @Test("every field of the schema has a column, and a column is required exactly when the schema requires it")
    func layoutFollowsSchema() throws {
        let definitions = Dictionary(uniqueKeysWithValues: FactsSchema.definitions)
        func object(_ schema: JSONSchema?) -> (keys: [String], required: Set<String>)? {
            guard case .object(_, let properties, let required)? = schema else { return nil }
            return (properties.map(\.0), Set(required))
        }
        let records: [String: String] = [
            "认证证书": "certification", "纳税": "taxYear", "处罚事故投诉抽查": "event", "专利": "patent", "参与标准": "standard",
            "标委会秘书处": "secretariat", "商标": "trademark", "获奖": "award", "实验室": "lab", "项目": "project",
        ]
        for sheet in FactsWorkbook.sheets {
            guard case .records = sheet.shape else { continue }
            let schema: (keys: [String], required: Set<String>)?
            if sheet.name == "专业技术人员" {
                guard case .object(_, let staff, _)? = definitions["staff"],
                      case .array(let item, _)? = staff.first(where: { $0.0 == "professionalTitles" })?.1 else {
                    Issue.record("staff.professionalTitles is not in the schema"); continue
                }
                schema = object(item)
            } else {
                schema = object(definitions[try #require(records[sheet.name], "\(sheet.name) has no schema definition")])
            }
            let expected = try #require(schema)
            #expect(sheet.fields.map(\.key) == expected.keys, "\(sheet.name)")
            #expect(Set(sheet.fields.filter(\.required).map(\.key)) == expected.required, "\(sheet.name)")
        }
        let registration = try #require(object(definitions["registration"]))
        let items = FactsWorkbook.registration.fields.filter { $0.path.first == "registration" }
        #expect(items.map(\.key) == registration.keys)
        #expect(Set(items.filter(\.required).map(\.key)) == registration.required)
        let staff = try #require(object(definitions["staff"]))
        let cqo = try #require(object(definitions["chiefQualityOfficer"]))
        let covered = Set(FactsWorkbook.registration.fields.map { $0.path.joined(separator: ".") })
        #expect(covered.isSuperset(of: staff.keys.filter { $0 != "professionalTitles" }.map { "staff.\($0)" }))
        #expect(covered.isSuperset(of: cqo.keys.map { "chiefQualityOfficer.\($0)" }))
        // The root's sections: each is a sheet, or kept from the stored facts.
        guard case .object(_, let root, _) = FactsSchema.root else { Issue.record("root is not an object"); return }
        let kept: Set<String> = ["schemaVersion", "attestations", "history", "registration", "staff", "chiefQualityOfficer", "practices"]
        let sheetPaths = Set(FactsWorkbook.sheets.compactMap { if case .records(let path) = $0.shape { path.joined(separator: ".") } else { nil } })
        #expect(Set(root.map(\.0)).subtracting(kept) == sheetPaths.subtracting(["staff.professionalTitles"]))
    }

    @Test("dates: Excel dates and the ways people type them; a date that does not exist is named")
    func dates() {
        let kind = FactsWorkbook.Kind.date
        #expect(kind.reading(.text("2024-3-1")) == .value(.string("2024-03-01")))
        #expect(kind.reading(.text("2024.03.01")) == .value(.string("2024-03-01")))
        #expect(kind.reading(.dateTime(SheetDateTime(date: SheetDate(year: 2024, month: 3, day: 1)!, hour: 0, minute: 0)!)) == .value(.string("2024-03-01")))
        #expect(kind.reading(.text("2023-02-29")) == .problem(Strings.FactsWorkbook.dateNotExist))
        #expect(kind.reading(.text("2023年13月1日")) == .problem(Strings.FactsWorkbook.dateNotExist))
        #expect(kind.reading(.text("下个月")) == .problem(Strings.FactsWorkbook.notADate))
        #expect(kind.reading(.integer(45000)) == .problem(Strings.FactsWorkbook.notADate))
        #expect(kind.reading(.text("  ")) == .empty)
    }
}

extension Row {
    /// Sets a cell as a person would in Excel, past the last cell the file kept if need be.
    mutating func set(_ column: Int, _ cell: Cell) {
        while cells.count <= column { cells.append(.empty) }
        cells[column] = cell
    }
}
