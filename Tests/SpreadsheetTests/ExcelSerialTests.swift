import Testing
@testable import Spreadsheet

/// Excel's 1900 date system, including Lotus 1-2-3's phantom 1900-02-29 (serial 60), and the 1904 system.
@Suite struct ExcelSerialTests {
    static let cases: [(date: String, serial: Int)] = [
        ("1900-01-01", 1), ("1900-01-31", 31), ("1900-02-28", 59), ("1900-03-01", 61), ("1900-12-31", 366),
        ("1970-01-01", 25_569), ("2000-02-29", 36_585), ("2024-02-29", 45_351), ("2024-03-01", 45_352),
        ("9999-12-31", 2_958_465),
    ]

    @Test(arguments: cases)
    func serialsOfDates(date: String, serial: Int) throws {
        let day = try #require(SheetDate(iso: date))
        #expect(ExcelSerial.serial(of: day) == serial)
        #expect(ExcelSerial.date(fromSerial: serial) == day)
    }

    @Test func thePhantomLeapDayAndTheEpochAreNoDates() {
        #expect(SheetDate(year: 1900, month: 2, day: 29) == nil)
        #expect(ExcelSerial.date(fromSerial: 60) == nil)
        #expect(ExcelSerial.date(fromSerial: 0) == nil)
        #expect(ExcelSerial.date(fromSerial: -1) == nil)
        #expect(ExcelSerial.serial(of: SheetDate(year: 1899, month: 12, day: 31)!) == nil)
    }

    @Test func the1904System() {
        #expect(ExcelSerial.serial(of: SheetDate(year: 1904, month: 1, day: 1)!, date1904: true) == 0)
        #expect(ExcelSerial.serial(of: SheetDate(year: 2024, month: 2, day: 29)!, date1904: true) == 45_351 - 1_462)
        #expect(ExcelSerial.date(fromSerial: 0, date1904: true) == SheetDate(year: 1904, month: 1, day: 1))
        #expect(ExcelSerial.serial(of: SheetDate(year: 1903, month: 12, day: 31)!, date1904: true) == nil)
    }

    @Test func timesRoundToTheNearestSecond() throws {
        let noon = try #require(ExcelSerial.dateTime(fromSerial: 45_352.5))
        #expect(noon.description == "2024-03-01 12:00:00")
        let almostMidnight = try #require(ExcelSerial.dateTime(fromSerial: 45_352.999_999_9))
        #expect(almostMidnight.description == "2024-03-02 00:00:00")
        let written = try #require(SheetDateTime(date: SheetDate(year: 2025, month: 12, day: 31)!, hour: 23, minute: 59, second: 59))
        let serial = try #require(ExcelSerial.serial(of: written))
        #expect(ExcelSerial.dateTime(fromSerial: serial) == written)
        #expect(ExcelSerial.text(serial) == "46022.9999884259")
    }
}
