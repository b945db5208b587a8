import Foundation
import Testing
@testable import QualityRules

@Suite struct CalendarDateTests {
    @Test(arguments: [(2024, true), (2023, false), (2000, true), (1900, false), (2100, false), (2400, true)])
    func leapYears(year: Int, leap: Bool) {
        #expect(CalendarDate.isLeap(year) == leap)
        #expect((CalendarDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "24-01-01", "2024-1-01", "2024/01/01", "２０２４-01-01", ""])
    func impossibleOrMalformedDatesAreRefused(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func dayNumbersRoundTrip() {
        for day in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(CalendarDate(dayNumber: day).dayNumber == day)
        }
        #expect(CalendarDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate(iso: "2024-03-01")!.dayNumber - CalendarDate(iso: "2024-02-28")!.dayNumber == 2)
    }

    @Test func addingYearsFrom29February() {
        let leapDay = CalendarDate(iso: "2024-02-29")!
        #expect(leapDay.adding(years: 1).iso == "2025-02-28")
        #expect(leapDay.adding(years: 4).iso == "2028-02-29")
        #expect(leapDay.adding(years: -1).iso == "2023-02-28")
    }

    @Test func periodsOfYearsEndTheDayBefore() {
        #expect(CalendarDate(iso: "2022-03-01")!.lastDayOfPeriod(years: 3).iso == "2025-02-28")
        #expect(CalendarDate(iso: "2023-06-20")!.lastDayOfPeriod(years: 5).iso == "2028-06-19")
        #expect(CalendarDate(iso: "2020-03-01")!.lastDayOfPeriod(years: 4).iso == "2024-02-29")
    }

    @Test func wholeYearsAgreesWithAddingYears() {
        let registered = CalendarDate(iso: "2020-02-29")!
        #expect(registered.wholeYears(until: CalendarDate(iso: "2025-02-27")!) == 4)
        #expect(registered.wholeYears(until: CalendarDate(iso: "2025-02-28")!) == 5)
        #expect(CalendarDate(iso: "2019-06-01")!.wholeYears(until: CalendarDate(iso: "2024-06-01")!) == 5)
        #expect(CalendarDate(iso: "2019-06-02")!.wholeYears(until: CalendarDate(iso: "2024-06-01")!) == 4)
        #expect(CalendarDate(iso: "2024-06-01")!.wholeYears(until: CalendarDate(iso: "2020-06-02")!) == -4)
        for offset in stride(from: 0, through: 4000, by: 37) {
            let start = CalendarDate(iso: "2016-02-29")!
            let end = start.adding(days: offset)
            let n = start.wholeYears(until: end)
            #expect(start.adding(years: n) <= end && start.adding(years: n + 1) > end)
        }
    }

    @Test func arithmeticAtTheEdgesOfTheCalendarClampsInsteadOfCrashing() {
        #expect(CalendarDate(iso: "0002-06-01")!.adding(years: -5).iso == "0001-01-01")
        #expect(CalendarDate(iso: "9998-06-01")!.adding(years: 5).iso == "9999-12-31")
    }

    @Test func shanghaiDaysChangeAtMidnightBeijingTime() {
        // 2024-06-30 16:00:00 UTC is 2024-07-01 00:00 in Shanghai.
        let instant = Date(timeIntervalSince1970: 1_719_763_200)
        #expect(CalendarDate.inShanghai(instant).iso == "2024-07-01")
        #expect(CalendarDate.inShanghai(instant.addingTimeInterval(-1)).iso == "2024-06-30")
        #expect(FixedClock(CalendarDate(iso: "2024-02-29")!).today().iso == "2024-02-29")
    }

    @Test func windowsIncludeBothEnds() {
        let window = LookBack(years: 3).interval(endingOn: CalendarDate(iso: "2024-06-01")!)
        #expect(window.contains(CalendarDate(iso: "2021-06-01")!))
        #expect(!window.contains(CalendarDate(iso: "2021-05-31")!))
        #expect(window.contains(CalendarDate(iso: "2024-06-01")!))
        #expect(!window.contains(CalendarDate(iso: "2024-06-02")!))
    }
}

@Suite struct MoneyTests {
    @Test(arguments: [("35000000", 3_500_000_000), ("35,000,000", 3_500_000_000), ("¥100000", 10_000_000), ("12.5", 1250),
                      ("12.50", 1250), ("1.500", 150), ("0.01", 1), ("100000元", 10_000_000)] as [(String, Int64)])
    func parsesAmountsInYuan(text: String, fen: Int64) throws {
        #expect(try Money.parse(yuan: text).get() == Money(fen: fen))
    }

    @Test(arguments: [("-1", Money.ParseError.negative), ("1.005", .fractionalFen), ("", .empty), ("abc", .notANumber),
                      ("1.", .notANumber), (".5", .notANumber), ("1e5", .notANumber), ("1234567890123456", .tooLarge)])
    func refusesWhatIsNotAWholeNumberOfFen(text: String, error: Money.ParseError) {
        #expect(Money.parse(yuan: text) == .failure(error))
    }

    @Test func formatsTheWayTheDocumentsWrite() {
        #expect(Money(wan: 2800).formatted(.zh) == "2,800 万元")
        #expect(Money(yuan: 34_999_999).formatted(.zh) == "34,999,999 元")
        #expect(Money(fen: 1250).formatted(.zh) == "12.50 元")
        #expect(Money(wan: 3500).formatted(.en) == "¥35,000,000")
        #expect(Money(fen: 3_500_000_000).yuanString == "35000000.00")
    }

    @Test(arguments: [("300万", 300_000_000), ("10万元", 10_000_000), ("0.5万", 500_000), ("100000", 10_000_000),
                      ("12.50", 1250), ("3500万", 3_500_000_000)] as [(String, Int64)])
    func policyFilesWriteMoneyInWanOrYuan(text: String, fen: Int64) throws {
        #expect(try MoneyLiteral.parse(text).get() == Money(fen: fen))
    }

    @Test(arguments: ["0.0000001万", "1.001", "-5万", "万", "1,000", "12.5.0"])
    func policyFilesCannotWriteFractionsOfAFen(text: String) {
        #expect((try? MoneyLiteral.parse(text).get()) == nil)
    }
}

@Suite struct CreditCodeTests {
    /// Real codes, checked against the published registrations.
    @Test(arguments: ["914403001922038216", "91440300708461136T", "91330100799655058B", "91110000802100433B"])
    func realCodesValidate(code: String) {
        #expect(CreditCode(code)?.value == code)
    }

    @Test func theCodeQuotedInTheBriefHasTheWrongCheckDigit() {
        // 华为技术有限公司 is 914403001922038216; with F the check digit does not match.
        #expect(CreditCode.validate("91440300192203821F") == .failure(.wrongCheckDigit(expected: "6", found: "F")))
    }

    @Test func completesACheckDigit() {
        #expect(CreditCode.withCheckDigit("91440703MA4UJ1234")?.value == "91440703MA4UJ1234D")
        #expect(CreditCode.withCheckDigit("91440703MA4UJ1234")?.divisionCode == "440703")
    }

    @Test func saysWhatIsWrong() {
        #expect(CreditCode.validate("9144030019220382") == .failure(.wrongLength(16)))
        #expect(CreditCode.validate("91440300I92203821F") == .failure(.invalidCharacter(position: 9, character: "I")))
        #expect(CreditCode.validate("9144A300192203821F").isFailure)
        #expect(CreditCode(" 914403001922038216 ".lowercased())?.value == "914403001922038216")
    }
}

@Suite struct PointsTests {
    @Test func exactHalvesAndText() {
        #expect(Points(3).halved.description == "1.5")
        #expect(Points(text: "2.5") == Points(hundredths: 250))
        #expect(Points(text: "0.25")?.description == "0.25")
        #expect(Points(text: "0.125") == nil)
        #expect(Points(text: "-1") == nil)
    }

    @Test func encodesAsAPlainNumber() throws {
        let data = try JSONEncoder().encode([Points(hundredths: 750), Points(5), Points(hundredths: 25)])
        #expect(String(decoding: data, as: UTF8.self) == "[7.5,5,0.25]")
        #expect(try JSONDecoder().decode([Points].self, from: data) == [Points(hundredths: 750), Points(5), Points(hundredths: 25)])
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { true } else { false } }
}

@Suite struct HexTests {
    @Test func everyByteAsTwoLowerCaseDigits() {
        let bytes = (0...255).map(UInt8.init)
        #expect(Hex.string(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        #expect(Hex.string([]) == "")
        #expect(Hex.string([0x00, 0x0f, 0xf0, 0xff]) == "000ff0ff")
    }
}
