import Foundation
import QualityRules

enum Formatting {
    /// "2026-11-24 14:03" in Beijing time, whatever the server's time zone.
    static func dateTime(_ date: Date) -> String {
        let day = CalendarDate.inShanghai(date)
        let seconds = Int((date.timeIntervalSince1970 + Double(CalendarDate.shanghaiOffsetSeconds)).rounded(.down))
        let inDay = ((seconds % 86_400) + 86_400) % 86_400
        return day.iso + String(format: " %02d:%02d", inDay / 3600, (inDay % 3600) / 60)
    }

    static func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.0f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }
}
