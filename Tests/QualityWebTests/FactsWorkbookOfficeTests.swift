import Foundation
import QualityRules
@testable import QualityWeb
import Testing

/// The workbook opened and saved again by an office suite (LibreOffice Calc, as an enterprise's staff would
/// with Excel or WPS) still reads back as the same facts. Needs `libreoffice` (Debian: libreoffice-calc) and
/// takes several seconds, so it runs only with `SPREADSHEET_LIBREOFFICE=1 swift test --filter FactsWorkbookOfficeTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SPREADSHEET_LIBREOFFICE"] == "1"))
struct FactsWorkbookOfficeTests {
    /// The workbook as LibreOffice writes it back after opening it.
    static func savedByLibreOffice(_ workbook: Data) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qc-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("facts.xlsx")
        try workbook.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["libreoffice", "-env:UserInstallation=file://\(folder.path)/profile", "--headless",
                             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", folder.appendingPathComponent("out").path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: folder.appendingPathComponent("out/facts.xlsx"))
    }

    @Test("facts → workbook → saved by LibreOffice → facts is identical")
    func officeRoundTrip() throws {
        for facts in FactsWorkbookTests.demoFacts.prefix(2) + [try FactsWorkbookTests.jiangmen] {
            // MUT
            let resaved = try Self.savedByLibreOffice(try FactsWorkbook.data(facts))
            // validation
            let back = FactsWorkbook.read(resaved, replacing: facts)
            #expect(try back.get() == facts, "\(facts.registration.name): \((try? back.get()) == nil ? "refused" : "changed")")
        }
    }
}
