import FluentKit
import FluentSQL
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
import Testing

/// The registry import on the configured database (SQLite, and PostgreSQL under `scripts/test`).
@Suite("Registry import")
struct RegistryImportTests {
    static let codeA = CreditCode.withCheckDigit("91440300MA5RG0001")!.value
    static let codeB = CreditCode.withCheckDigit("91440700MA5RG0002")!.value
    static let codeC = CreditCode.withCheckDigit("91440300MA5RG0003")!.value
    static let codeD = CreditCode.withCheckDigit("91440300MA5RG0004")!.value

    static func file(_ name: String, _ lines: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qc-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: url)
        return url
    }

    static var registrations: [String] {
        ["credit_code,name,division_code,city,district,registered_on,legal_form,industry_code,operating_status",
         "\(codeA),深圳市甲精密制造有限公司,440305,深圳市,南山区,2010-03-15,legalPerson,C3981,active",
         "\(codeB),江门市乙五金有限公司,440703,,,2012-07-01,法人企业,C3311,存续",
         "\(codeC),深圳市丙科技有限公司,,,,2019-02-30,legalPerson,C3981,active",
         "91440300MA5RG00048,深圳市丁贸易有限公司,440306,深圳市,宝安区,2015-01-01,legalPerson,F5123,active"]
    }

    static func facts(_ code: String, on db: any Database) async throws -> EnterpriseFacts? {
        guard let enterprise = try await Enterprise.query(on: db).filter(\.$creditCode == code).first() else { return nil }
        return try EnterpriseFacts.validate(data: Data(enterprise.factsJSON.utf8)).get()
    }

    @Test("good rows make enterprises whose facts the engine accepts; bad rows are reported with file, row, column and reason")
    func registrationsAndRejections() async throws {
        try await TestStorage.withDatabase { db in
            // setup
            let url = try Self.file("registrations.csv", Self.registrations)
            // MUT
            let report = try await RegistryImporter(database: db, batchSize: 2).run(kind: .registrations, file: url)
            // validation
            #expect(report.counts.rowsRead == 4)
            #expect(report.counts.inserted == 2)
            #expect(report.counts.rejected == 2)
            #expect(report.counts.enterprisesCreated == 2)
            let rejected = Dictionary(uniqueKeysWithValues: report.rejections.map { ($0.row, $0) })
            #expect(rejected[4]?.column == "registered_on")
            #expect(rejected[4]?.file == "registrations.csv")
            #expect(rejected[4]?.reason.zh.contains("2019-02-30") == true)
            #expect(rejected[5]?.column == "credit_code")
            #expect(rejected[5]?.reason.en.contains("check digit") == true)
            let a = try #require(try await Self.facts(Self.codeA, on: db))
            #expect(a.registration.name == "深圳市甲精密制造有限公司")
            #expect(a.registration.divisionCode == "440305")
            let b = try #require(try await Self.facts(Self.codeB, on: db))
            // Chinese labels are read as the vocabulary's values; the city comes from the division code.
            #expect(b.registration.legalForm == .legalPerson)
            #expect(b.registration.operatingStatus == .active)
            let enterprise = try #require(try await Enterprise.query(on: db).filter(\.$creditCode == Self.codeB).first())
            #expect(enterprise.city == "江门市")
            #expect(enterprise.district == "蓬江区")
            #expect(try await Enterprise.query(on: db).filter(\.$creditCode == Self.codeC).first() == nil)
        }
    }

    @Test("importing the same file again changes nothing")
    func idempotent() async throws {
        try await TestStorage.withDatabase { db in
            // setup
            let registrations = try Self.file("registrations.csv", Self.registrations)
            let certificates = try Self.file("certifications.csv", [
                "统一社会信用代码,认证类型,证书编号,发证机构,发证日期,有效期至",
                "\(Self.codeA),iso9001,Q-001,中国质量认证中心,2022-01-01,2025-12-31",
                "\(Self.codeA),iso14001,E-001,,2022-01-01,",
            ])
            let importer = RegistryImporter(database: db)
            _ = try await importer.run(kind: .registrations, file: registrations)
            _ = try await importer.run(kind: .certifications, file: certificates)
            let before = try await Enterprise.query(on: db).sort(\.$creditCode).all().map { ($0.creditCode, $0.factsJSON, $0.factsVersion) }
            // MUT
            let again = try await importer.run(kind: .registrations, file: registrations)
            let againCertificates = try await importer.run(kind: .certifications, file: certificates)
            // validation
            #expect(again.counts.unchanged == 2 && again.counts.inserted == 0 && again.counts.updated == 0)
            #expect(againCertificates.counts.unchanged == 2 && againCertificates.counts.enterprisesUpdated == 0)
            let after = try await Enterprise.query(on: db).sort(\.$creditCode).all().map { ($0.creditCode, $0.factsJSON, $0.factsVersion) }
            #expect(after.map(\.0) == before.map(\.0))
            #expect(after.map(\.1) == before.map(\.1))
            #expect(after.map(\.2) == before.map(\.2))
            let facts = try #require(try await Self.facts(Self.codeA, on: db))
            #expect(facts.certifications.map(\.number) == ["E-001", "Q-001"])
        }
    }

    @Test("a bad row leaves its enterprise's facts exactly as they were; a changed row updates them")
    func atomicRows() async throws {
        try await TestStorage.withDatabase { db in
            // setup: an enterprise with a reviewer's finding the registry must not touch
            _ = try await RegistryImporter(database: db).run(kind: .registrations, file: try Self.file("r.csv", Self.registrations))
            let enterprise = try #require(try await Enterprise.query(on: db).filter(\.$creditCode == Self.codeA).first())
            enterprise.factsJSON = enterprise.factsJSON.replacingOccurrences(
                of: "\"schemaVersion\":1",
                with: "\"attestations\":[{\"by\":\"r-1\",\"finding\":\"met\",\"key\":\"financialSoundness\",\"on\":\"2024-05-02\"}],\"schemaVersion\":1")
            try await enterprise.save(on: db)
            let before = enterprise.factsJSON
            // MUT: one tax row with an amount finer than a fen, one with a year that is not a number
            let bad = try await RegistryImporter(database: db).run(kind: .taxes, file: try Self.file("taxes.csv", [
                "credit_code,year,amount", "\(Self.codeA),2023,1200.005", "\(Self.codeA),二〇二二,1000",
            ]))
            // validation
            #expect(bad.counts.rejected == 2)
            #expect(bad.rejections.map(\.column) == ["amount", "year"])
            #expect(try await Enterprise.query(on: db).filter(\.$creditCode == Self.codeA).first()?.factsJSON == before)
            // MUT: good rows, then a correction of one of them
            _ = try await RegistryImporter(database: db).run(kind: .taxes, file: try Self.file("taxes.csv", [
                "credit_code,year,amount", "\(Self.codeA),2023,12000000", "\(Self.codeA),2022,\"11,000,000.50\"",
            ]))
            let corrected = try await RegistryImporter(database: db).run(kind: .taxes, file: try Self.file("taxes.csv", [
                "credit_code,year,amount", "\(Self.codeA),2023,13000000",
            ]))
            // validation
            #expect(corrected.counts.updated == 1)
            let facts = try #require(try await Self.facts(Self.codeA, on: db))
            #expect(facts.taxes.map(\.year) == [2022, 2023])
            #expect(facts.tax(year: 2023) == Money(yuan: 13_000_000))
            #expect(facts.tax(year: 2022) == Money(fen: 1_100_000_050))
            #expect(facts.attestation("financialSoundness")?.by == "r-1")
        }
    }

    @Test("rows for an enterprise not yet registered wait, and join its facts when it is")
    func pendingRows() async throws {
        try await TestStorage.withDatabase { db in
            // setup
            let events = try Self.file("events.csv", [
                "credit_code,date,kind,area,severity,outcome,level,reference,note",
                "\(Self.codeA),2023-03-01,penalty,marketOrder,general,decided,municipal,深市监罚〔2023〕1号,",
                "\(Self.codeA),2022-05-01,spotCheck,quality,general,passed,provincial,,",
                "\(Self.codeA),2022-05-01,spotCheck,quality,general,passed,provincial,,",
            ])
            // MUT
            let first = try await RegistryImporter(database: db).run(kind: .events, file: events)
            _ = try await RegistryImporter(database: db).run(kind: .registrations, file: try Self.file("r.csv", Self.registrations))
            // validation: the two identical events without a document number are one record
            #expect(first.counts.pending == 2)
            #expect(first.counts.superseded == 1)
            let facts = try #require(try await Self.facts(Self.codeA, on: db))
            #expect(facts.events.count == 2)
            #expect(facts.events.contains { $0.reference == "深市监罚〔2023〕1号" })
        }
    }

    static func enterpriseIndexes(_ db: any Database) async throws -> Set<String> {
        let sql = db as! any SQLDatabase
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'enterprises'"
            : "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'enterprises'"
        return Set(try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
    }

    @Test("a first load builds the enterprise search indexes at its end; the next import rebuilds them if a load was killed")
    func searchIndexes() async throws {
        try await TestStorage.withDatabase { db in
            // setup
            #expect(try await Self.enterpriseIndexes(db).isSuperset(of: ["enterprises_name", "enterprises_district"]))
            // MUT: a first load, in transactions of one batch of two rows
            let report = try await RegistryImporter(database: db, batchSize: 2, batchesPerTransaction: 1)
                .run(kind: .registrations, file: try Self.file("r.csv", Self.registrations))
            // validation
            #expect(report.counts.enterprisesCreated == 2)
            #expect(try await Self.enterpriseIndexes(db).isSuperset(of: ["enterprises_name", "enterprises_district"]))
            // setup: a load killed before its end left them missing
            try await (db as! any SQLDatabase).raw("DROP INDEX enterprises_name").run()
            #expect(!(try await Self.enterpriseIndexes(db).contains("enterprises_name")))
            // MUT: any import
            _ = try await RegistryImporter(database: db).run(kind: .taxes, file: try Self.file("taxes.csv", [
                "credit_code,year,amount", "\(Self.codeA),2023,100",
            ]))
            // validation
            #expect(try await Self.enterpriseIndexes(db).contains("enterprises_name"))
        }
    }

    @Test("enterprises made by one import have ids that sort in the order they were made")
    func orderedIDs() async throws {
        try await TestStorage.withDatabase { db in
            // setup: 30 enterprises, in three transactions
            let codes = (1...30).map { CreditCode.withCheckDigit("91440300MA5RH" + String(format: "%04d", $0))!.value }
            let lines = ["credit_code,name,division_code,city,district,registered_on,legal_form,industry_code,operating_status"]
                + codes.enumerated().map { "\($1),企业\($0),440305,深圳市,南山区,2010-03-15,legalPerson,C3981,active" }
            // MUT
            _ = try await RegistryImporter(database: db, batchSize: 5, batchesPerTransaction: 2)
                .run(kind: .registrations, file: try Self.file("r.csv", lines))
            // validation: read back through the model (the ids are stored as Fluent stores them)
            let byID = try await Enterprise.query(on: db).sort(\.$id).all()
            #expect(byID.map(\.creditCode) == codes)
            #expect(Set(byID.compactMap(\.id)).count == 30)
        }
    }

    @Test("on SQLite every registry table is stored in the order of its key")
    func clusteredTables() async throws {
        try await TestStorage.withDatabase { db in
            let sql = db as! any SQLDatabase
            guard sql.dialect.name == "sqlite" else { return }
            for kind in RegistryKind.allCases {
                let rows = try await sql.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = \(bind: kind.table)").all()
                let create = try #require(try rows.first?.decode(column: "sql", as: String.self))
                #expect(create.hasSuffix("WITHOUT ROWID"), "\(kind.table)")
                #expect(create.contains("PRIMARY KEY (\"credit_code\", \"record_key\")"), "\(kind.table)")
            }
        }
    }

    static func registration(_ code: String, _ name: String) -> String {
        "\(code),\(name),440305,深圳市,南山区,2010-03-15,legalPerson,C3981,active"
    }

    @Test("a first load that meets an enterprise again in a later batch updates it instead of making it twice",
          arguments: [1, 50])
    func repeatedInFirstLoad(batchesPerTransaction: Int) async throws {
        try await TestStorage.withDatabase { db in
            // setup: codeA in the first batch and again, renamed, in the third
            let lines = [Self.registrations[0], Self.registration(Self.codeA, "甲一"), Self.registration(Self.codeB, "乙"),
                         Self.registration(Self.codeC, "丙"), Self.registration(Self.codeD, "丁"),
                         Self.registration(Self.codeA, "甲二")]
            // MUT
            let report = try await RegistryImporter(database: db, batchSize: 2, batchesPerTransaction: batchesPerTransaction)
                .run(kind: .registrations, file: try Self.file("r.csv", lines))
            // validation
            #expect(report.counts.enterprisesCreated == 4)
            #expect(report.counts.enterprisesUpdated == 1)
            #expect(report.counts.updated == 1)
            let a = try await Enterprise.query(on: db).filter(\.$creditCode == Self.codeA).all()
            #expect(a.map(\.name) == ["甲二"])
        }
    }

    @Test("an enterprise another connection registers during a first load is updated by it, not made twice")
    func otherWriterDuringFirstLoad() async throws {
        try await TestStorage.withDatabase { db in
            guard (db as! any SQLDatabase).dialect.name == "sqlite" else { return }
            // setup: codeC comes in the second transaction; another connection registers it after the first
            let lines = [Self.registrations[0], Self.registration(Self.codeA, "甲"), Self.registration(Self.codeB, "乙"),
                         Self.registration(Self.codeC, "丙")]
            let registered = Enterprise(creditCode: Self.codeC, name: "丙（先行登记）", city: "深圳市", district: "南山区", factsJSON: "{}")
            let once = LockedFlag()
            // MUT
            let report = try await RegistryImporter(database: db, batchSize: 2, batchesPerTransaction: 1)
                .run(kind: .registrations, file: try Self.file("r.csv", lines)) { _ in
                    // Between transactions, on a connection of the pool (a commit the import did not make).
                    if once.set() { try! registered.create(on: db).wait() }
                }
            // validation
            #expect(report.counts.enterprisesCreated == 2)
            #expect(report.counts.enterprisesUpdated == 1)
            let c = try await Enterprise.query(on: db).filter(\.$creditCode == Self.codeC).all()
            #expect(c.map(\.id) == [registered.id])
            #expect(c.first?.name == "丙")
        }
    }

    @Test("a write that fails on SQLite fails the import: earlier transactions stay, nothing of its own, indexes rebuilt")
    func failingWrite() async throws {
        try await TestStorage.withDatabase { db in
            let sql = db as! any SQLDatabase
            guard sql.dialect.name == "sqlite" else { return }
            // setup: the database refuses one name (the import writes it behind, while preparing the next batch)
            try await sql.raw("""
                CREATE TRIGGER refuse BEFORE INSERT ON enterprises WHEN NEW.name = '拒' BEGIN SELECT RAISE(ABORT, 'refused'); END
                """).run()
            let lines = [Self.registrations[0], Self.registration(Self.codeA, "甲"), Self.registration(Self.codeB, "乙"),
                         Self.registration(Self.codeC, "拒"), Self.registration(Self.codeD, "丁")]
            // MUT
            await #expect(throws: (any Error).self) {
                try await RegistryImporter(database: db, batchSize: 2, batchesPerTransaction: 1)
                    .run(kind: .registrations, file: try Self.file("r.csv", lines))
            }
            // validation
            let names = try await Enterprise.query(on: db).sort(\.$name).all().map(\.name)
            #expect(names == ["乙", "甲"].sorted())
            let rows = try await sql.select().column("credit_code").from(RegistryKind.registrations.table).all()
            #expect(rows.count == 2)
            #expect(try await Self.enterpriseIndexes(db).isSuperset(of: ["enterprises_name", "enterprises_district"]))
        }
    }

    @Test("fields are trimmed of ASCII, no-break and ideographic (U+3000, the last whitespace scalar) spaces, not of letters")
    func trimming() async throws {
        try await TestStorage.withDatabase { db in
            // setup: each field has a space at one end only (the check looks at both ends before trimming)
            let lines = [Self.registrations[0],
                         "\(Self.codeA),\u{3000}深圳市甲有限公司,440305,\t深圳市,南山区\u{A0},2010-03-15,legalPerson,C3981,active"]
            // MUT
            _ = try await RegistryImporter(database: db).run(kind: .registrations, file: try Self.file("r.csv", lines))
            // validation
            let enterprise = try #require(try await Enterprise.query(on: db).filter(\.$creditCode == Self.codeA).first())
            #expect(enterprise.name == "深圳市甲有限公司")
            #expect(enterprise.district == "南山区")
            #expect(enterprise.city == "深圳市")
        }
    }

    @Test("a file without a required column is refused as a whole")
    func missingColumn() async throws {
        try await TestStorage.withDatabase { db in
            let url = try Self.file("taxes.csv", ["credit_code,amount", "\(Self.codeA),100"])
            await #expect(throws: ImportFileError.self) {
                try await RegistryImporter(database: db).run(kind: .taxes, file: url)
            }
            let rows = try await (db as! any SQLDatabase).select().column("credit_code").from(RegistryKind.taxes.table).all()
            #expect(rows.isEmpty)
        }
    }

    @Test("every kind: facts exported as registry files import back to the same facts")
    func roundTrip() async throws {
        try await TestStorage.withDatabase { db in
            // setup: a rich enterprise in every layout
            let code = try #require(CreditCode(Self.codeA))
            let day = CalendarDate(iso: "2023-01-01")!
            let original = EnterpriseFacts(
                registration: Registration(creditCode: code, name: "深圳市甲精密制造有限公司", divisionCode: "440305", city: "深圳市",
                                           district: "南山区", registeredOn: day.adding(years: -10), legalForm: .legalPerson,
                                           industryCode: "C3981"),
                certifications: [Certification(type: .iso9001, number: "Q-1", validFrom: day, validTo: day.adding(years: 3))],
                taxes: [TaxYear(year: 2022, amount: Money(yuan: 12_000_000))],
                events: [Event(date: day, kind: .spotCheck, area: .quality, outcome: .passed, level: .provincial)],
                patents: [Patent(number: "ZL1", kind: .invention, jurisdiction: .domestic, grantedOn: day)],
                standards: [DraftedStandard(number: "GB/T 1", level: .national, role: .lead, publishedOn: day)],
                secretariats: [Secretariat(committee: "TC 1", level: .provincial, joint: true, since: day)],
                trademarks: [Trademark(number: "T1", jurisdiction: .foreign, registeredOn: day)],
                awards: [AwardRecord(kind: .governmentQualityAward, name: "市长质量奖", level: .municipal, year: 2021)],
                labs: [Lab(name: "中心检验室", independent: true, cnas: true)],
                projects: [Project(name: "攻关", level: .municipal, kind: .scienceTechnology, year: 2021)],
                staff: Staff(fullTimeQualityStaff: 3, professionalTitles: [ProfessionalTitles(field: .quality, level: .senior, count: 2)]),
                chiefQualityOfficer: ChiefQualityOfficer(appointed: true, trained: true),
                practices: [.qualityOrganization, .qmsEffective])
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qc-roundtrip-\(UUID().uuidString)")
            _ = try RegistryExport.writeFiles(to: folder, kinds: RegistryKind.allCases, count: 1) { _ in original }
            // MUT: every kind, the registration last
            for kind in RegistryKind.allCases.filter({ $0 != .registrations }) + [.registrations] {
                let report = try await RegistryImporter(database: db).run(kind: kind, file: folder.appendingPathComponent("\(kind.rawValue).csv"))
                #expect(report.counts.rejected == 0, "\(kind): \(report.rejections)")
            }
            // validation
            let imported = try #require(try await Self.facts(Self.codeA, on: db))
            #expect(imported == original)
        }
    }
}

/// A flag set once, from any thread.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false

    /// True the first time only.
    func set() -> Bool {
        lock.withLock {
            defer { isSet = true }
            return !isSet
        }
    }
}
