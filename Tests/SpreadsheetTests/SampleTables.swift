import Foundation
@testable import Spreadsheet

/// Tables shaped like the platform's exports: Chinese titles, money in fen, dates, flags, gaps.
enum SampleTables {
    static let grants = Table(
        name: "资助名单",
        columns: [
            Column("统一社会信用代码", format: .text),
            Column("企业名称"),
            Column("资助金额（元）", format: .money),
            Column("批准日期", format: .date),
            Column("得分率", format: .percent1),
            Column("首次获奖"),
            Column("备注"),
        ],
        rows: [
            [.text("91350100MA2XYZ1234"), .text("福州质量科技有限公司"), .fixed(50_000_000, scale: 2),
             .date(SheetDate(year: 2024, month: 3, day: 1)!), .decimal(Decimal(string: "0.875")!), .boolean(true),
             .text("=HYPERLINK(\"http://x\")")],
            [.text("91350100MA2XYZ5678"), .text("闽江标准化服务中心"), .fixed(12_345, scale: 2),
             .date(SheetDate(year: 1900, month: 3, day: 1)!), .decimal(Decimal(string: "0.5")!), .boolean(false),
             .text("第一行\n第二行")],
            [.text("91350100MA2XYZ9999"), .empty, .fixed(-1, scale: 2),
             .date(SheetDate(year: 1900, month: 2, day: 28)!), .empty, .empty, .text("  前后空格  ")],
            [],
            [.empty, .text("_x0041_ & <tag> \"q\""), .integer(123_456_789_012_345_678), .integer(-42),
             .dateTime(SheetDateTime(date: SheetDate(year: 2025, month: 12, day: 31)!, hour: 23, minute: 59, second: 59)!),
             .decimal(Decimal(string: "1234567.891")!), .text("tab\there\u{1}ctl")],
        ])

    static let plain = Table(
        name: "Sheet/With:Bad*Chars[and]a-very-long-name-that-goes-on",
        columns: [Column("n"), Column("text")],
        rows: (1...5).map { [.integer(Int64($0)), .text("行 \($0)")] })
}
