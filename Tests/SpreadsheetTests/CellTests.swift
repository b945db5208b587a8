import Foundation
import Testing
@testable import Spreadsheet

@Suite struct CellTests {
    @Test(arguments: [
        (Cell.fixed(12_345, scale: 2), "123.45"), (.fixed(5, scale: 2), "0.05"), (.fixed(-1, scale: 2), "-0.01"),
        (.fixed(100, scale: 0), "100"), (.fixed(Int64.min, scale: 2), "-92233720368547758.08"),
        (.integer(-42), "-42"), (.decimal(Decimal(string: "0.10")!), "0.1"), (.decimal(Decimal(string: "-0")!), "0"),
        (.date(SheetDate(year: 2024, month: 3, day: 1)!), "2024-03-01"), (.boolean(false), "FALSE"), (.empty, ""),
        (.dateTime(SheetDateTime(date: SheetDate(year: 2024, month: 3, day: 1)!, hour: 8, minute: 5)!), "2024-03-01 08:05:00"),
    ])
    func plainText(cell: Cell, text: String) {
        #expect(cell.plainText == text)
    }

    @Test func moneyInFenSurvivesWithoutDoubleRounding() {
        // 0.1 + 0.2 style amounts: exact as fixed point, exact back to fen.
        let cell = Cell.fixed(30, scale: 2)
        #expect(cell.decimalValue == Decimal(string: "0.3"))
        #expect(cell.scaledInteger(scale: 2) == 30)
        #expect(Cell.decimal(Decimal(string: "1234567.89")!).scaledInteger(scale: 2) == 123_456_789)
        #expect(Cell.integer(100).scaledInteger(scale: 2) == 10_000)
        #expect(Cell.decimal(Decimal(string: "0.125")!).scaledInteger(scale: 2) == nil)
        #expect(Cell.text("1.00").scaledInteger(scale: 2) == nil)
        #expect(Cell.decimal(Decimal(string: "99999999999999999999")!).scaledInteger(scale: 2) == nil)
    }

    @Test func emptiness() {
        #expect(Cell.empty.isEmpty)
        #expect(Cell.text("").isEmpty)
        #expect(!Cell.text(" ").isEmpty)
        #expect(!Cell.integer(0).isEmpty)
        #expect(Row([.empty, .text("")]).isEmpty)
        #expect(Row([.text("a")])[5] == .empty)
    }

    @Test func datesRefuseDaysThatDoNotExist() {
        #expect(SheetDate(year: 2023, month: 2, day: 29) == nil)
        #expect(SheetDate(year: 2000, month: 2, day: 29) != nil)
        #expect(SheetDate(iso: "2024-3-1") == nil)
        #expect(SheetDate(iso: "2024-03-01")?.iso == "2024-03-01")
        #expect(SheetDateTime(date: SheetDate(year: 2024, month: 3, day: 1)!, hour: 24, minute: 0) == nil)
    }
}
