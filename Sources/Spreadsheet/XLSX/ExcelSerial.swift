import Foundation

/// Excel stores dates as day counts ("serials") from an epoch.
///
/// In the default 1900 system serial 1 is 1900-01-01, and Excel — copying Lotus 1-2-3 — counts a
/// 1900-02-29 that never existed as serial 60, so every day from 1900-03-01 (serial 61) on is one more
/// than a plain count. Workbooks from old Mac Excel may use the 1904 system: serial 0 is 1904-01-01, no bug.
enum ExcelSerial {
    /// Days from 1970-01-01 back to 1899-12-30, the effective epoch for serials ≥ 61.
    private static let epoch1900 = 25_569
    /// Days from 1970-01-01 back to 1904-01-01.
    private static let epoch1904 = 24_107
    private static let firstAfterPhantomDay = 61

    /// Nil before the epoch (1900-01-01, or 1904-01-01): Excel cannot show those days as dates.
    static func serial(of date: SheetDate, date1904: Bool = false) -> Int? {
        let day = date.dayNumber
        if date1904 {
            let serial = day + epoch1904
            return serial >= 0 ? serial : nil
        }
        let serial = day + epoch1900
        if serial >= firstAfterPhantomDay { return serial }
        // 1900-01-01 … 1900-02-28 are not shifted by the phantom 29th.
        let early = day + epoch1900 - 1
        return early >= 1 ? early : nil
    }

    /// Nil for serials that are no real day: 0 ("1900-01-00"), 60 (the phantom 1900-02-29) and negatives.
    static func date(fromSerial serial: Int, date1904: Bool = false) -> SheetDate? {
        if date1904 {
            return serial >= 0 ? SheetDate(dayNumber: serial - epoch1904) : nil
        }
        if serial >= firstAfterPhantomDay { return SheetDate(dayNumber: serial - epoch1900) }
        if serial >= 1 && serial < 60 { return SheetDate(dayNumber: serial - epoch1900 + 1) }
        return nil
    }

    static func serial(of dateTime: SheetDateTime, date1904: Bool = false) -> Double? {
        guard let day = serial(of: dateTime.date, date1904: date1904) else { return nil }
        return Double(day) + Double(dateTime.secondsIntoDay) / 86_400
    }

    /// Rounds to the nearest second, as Excel displays it.
    static func dateTime(fromSerial serial: Double, date1904: Bool = false) -> SheetDateTime? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        var day = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(day)) * 86_400).rounded())
        if seconds >= 86_400 {
            day += 1
            seconds -= 86_400
        }
        guard let date = date(fromSerial: day, date1904: date1904) else { return nil }
        return SheetDateTime(date: date, hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60)
    }

    /// Serial text for a `<v>`: the day, and the time as a fraction with enough digits for whole seconds.
    static func text(_ serial: Double) -> String {
        DecimalText.plain(serial, fractionDigits: 10)
    }
}
