import Foundation
import QualityRules
import Spreadsheet

/// One cell ↔ one JSON value of the facts, by the column's kind.
extension FactsWorkbook.Kind {
    enum Reading: Equatable {
        /// Nothing in the cell (or only spaces).
        case empty
        case value(FactsWorkbook.Value)
        case problem(LocalizedText)
    }

    /// The cell that shows a value of the facts.
    func cell(for value: FactsWorkbook.Value?) -> Cell {
        switch (self, value) {
        case (_, nil), (_, .null?):
            return .empty
        case (.date, .string(let iso)?):
            return SheetDate(iso: iso).map(Cell.date) ?? .text(iso)
        case (.money, .integer(let fen)?):
            return .fixed(fen, scale: 2)
        case (.integer, .integer(let number)?):
            return .integer(number)
        case (.boolean, .bool(let flag)?):
            return .text(flag ? Strings.FactsWorkbook.yes.zh : Strings.FactsWorkbook.no.zh)
        case (.choice(let vocabulary), .string(let code)?):
            return .text(vocabulary.label(of: code)?.zh ?? code)
        case (_, .string(let text)?):
            return .text(text)
        case (_, .integer(let number)?):
            return .integer(number)
        case (_, .bool(let flag)?):
            return .boolean(flag)
        case (_, .array?), (_, .object?):
            return .empty
        }
    }

    /// The value a cell holds, or what is wrong with it in words the uploader can act on.
    func reading(_ cell: Cell) -> Reading {
        if cell.isEmpty { return .empty }
        if case .text(let text) = cell, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .empty }
        switch self {
        case .text: return Self.text(cell)
        case .date: return Self.date(cell)
        case .money: return Self.money(cell)
        case .integer: return Self.integer(cell)
        case .boolean: return Self.boolean(cell)
        case .choice(let vocabulary): return Self.choice(cell, vocabulary)
        }
    }

    private static func trimmed(_ cell: Cell) -> String {
        cell.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func text(_ cell: Cell) -> Reading {
        switch cell {
        case .dateTime(let stamp): .value(.string(stamp.date.iso))
        default: .value(.string(trimmed(cell)))
        }
    }

    private static func date(_ cell: Cell) -> Reading {
        switch cell {
        case .date(let day): return .value(.string(day.iso))
        case .dateTime(let stamp): return .value(.string(stamp.date.iso))
        case .integer(let number) where (1000_01_01...9999_12_31).contains(number):
            // 20240301, as some systems export dates.
            return date(text: String(number))
        case .text: return date(text: trimmed(cell))
        default: return .problem(Strings.FactsWorkbook.notADate)
        }
    }

    /// 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日 and 20240301.
    static func date(text: String) -> Reading {
        var parts: [Substring]
        if text.count == 8, text.allSatisfy(\.isASCIIDigitCharacter) {
            parts = [text.prefix(4), text.dropFirst(4).prefix(2), text.suffix(2)]
        } else {
            var spelled = text
            if spelled.hasSuffix("日") { spelled.removeLast() }
            for separator in ["年", "月", "/", "."] { spelled = spelled.replacingOccurrences(of: separator, with: "-") }
            parts = spelled.split(separator: "-", omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return .problem(Strings.FactsWorkbook.notADate)
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            return .problem(Strings.FactsWorkbook.dateNotExist)
        }
        return .value(.string(date.iso))
    }

    /// Yuan in the sheet, fen in the facts; never rounded.
    private static func money(_ cell: Cell) -> Reading {
        switch cell {
        case .text:
            switch Money.parse(yuan: trimmed(cell)) {
            case .success(let money): return .value(.integer(money.fen))
            case .failure(let error): return .problem(error.message)
            }
        case .integer, .decimal, .fixed:
            guard let amount = cell.decimalValue else { return .problem(Money.ParseError.notANumber.message) }
            if amount < 0 { return .problem(Money.ParseError.negative.message) }
            // Up to 10^15 yuan, as `Money.parse` allows.
            if amount >= Decimal(sign: .plus, exponent: 15, significand: 1) { return .problem(Money.ParseError.tooLarge.message) }
            guard let fen = cell.scaledInteger(scale: 2) else { return .problem(Money.ParseError.fractionalFen.message) }
            return .value(.integer(fen))
        default:
            return .problem(Money.ParseError.notANumber.message)
        }
    }

    private static func integer(_ cell: Cell) -> Reading {
        switch cell {
        case .integer(let number): return .value(.integer(number))
        case .decimal, .fixed:
            return cell.scaledInteger(scale: 0).map { .value(.integer($0)) } ?? .problem(Strings.FactsWorkbook.notAWholeNumber)
        case .text:
            let text = trimmed(cell).replacingOccurrences(of: ",", with: "")
            return Int64(text).map { .value(.integer($0)) } ?? .problem(Strings.FactsWorkbook.notAWholeNumber)
        default:
            return .problem(Strings.FactsWorkbook.notAWholeNumber)
        }
    }

    static let yesSpellings: Set<String> = ["是", "有", "y", "yes", "true", "1", "√", "✓", "✔"]
    static let noSpellings: Set<String> = ["否", "无", "n", "no", "false", "0", "×", "✗", "✘"]

    private static func boolean(_ cell: Cell) -> Reading {
        switch cell {
        case .boolean(let flag): return .value(.bool(flag))
        case .integer(1): return .value(.bool(true))
        case .integer(0): return .value(.bool(false))
        case .text:
            let text = trimmed(cell).lowercased()
            if yesSpellings.contains(text) { return .value(.bool(true)) }
            if noSpellings.contains(text) { return .value(.bool(false)) }
            return .problem(Strings.FactsWorkbook.notYesNo)
        default:
            return .problem(Strings.FactsWorkbook.notYesNo)
        }
    }

    private static func choice(_ cell: Cell, _ vocabulary: FactsWorkbook.Vocabulary) -> Reading {
        let text = trimmed(cell)
        guard let code = vocabulary.code(for: text) else {
            return .problem(Strings.FactsWorkbook.unknownValue(text, allowed: vocabulary.entries.map(\.label)))
        }
        return .value(.string(code))
    }

    /// How the read-me sheet describes the column.
    var description: LocalizedText {
        switch self {
        case .text: Strings.FactsWorkbook.Kinds.text
        case .date: Strings.FactsWorkbook.Kinds.date
        case .money: Strings.FactsWorkbook.Kinds.money
        case .integer: Strings.FactsWorkbook.Kinds.integer
        case .boolean: Strings.FactsWorkbook.Kinds.boolean
        case .choice: Strings.FactsWorkbook.Kinds.choice
        }
    }

    /// The number format of the column in the workbook.
    var format: NumberFormat? {
        switch self {
        // "@" keeps certificate and patent numbers as typed when someone edits them.
        case .text: .text
        case .date: .date
        case .money: .money
        case .integer: .integer
        case .boolean, .choice: nil
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
