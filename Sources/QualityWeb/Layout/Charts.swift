import Foundation
import Plot
import QualityRules

/// Server-rendered SVG charts: no script, scale with the page on a phone, and stay readable when printed in
/// black and white (values are written beside the points, on-track points are filled circles, others open
/// squares, and the target is a dashed line with its value).
enum Charts {
    struct Point: Sendable {
        var label: String
        /// Exact decimal text; nil for a year with nothing reported.
        var value: String?
        var status: TargetStatus
    }

    struct Line: Sendable {
        var title: String
        var points: [Point]
        var target: String
        var targetLabel: String
        var missingLabel: String
        /// The top of the scale when the unit has one (100 for a percentage).
        var ceiling: Double? = nil
    }

    /// A line chart of one indicator's values against its target.
    static func line(_ chart: Line, width: Int = 360, height: Int = 200) -> Node<HTML.BodyContext> {
        .raw(svg(chart, width: width, height: height))
    }

    static func svg(_ chart: Line, width: Int, height: Int) -> String {
        let left = 44.0, right = 10.0, top = 20.0, bottom = 26.0
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        // Doubles only place marks on the drawing; every number a person reads is the reported text.
        let values = chart.points.compactMap { $0.value.flatMap(Double.init) }
        let targetValue = Double(chart.target) ?? 0
        let largest = max((values + [targetValue]).max() ?? 1, 0.0001)
        let (maximum, step) = chart.ceiling.map { ceiling in largest <= ceiling ? (ceiling, ceiling / 4) : niceScale(largest) } ?? niceScale(largest)
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / maximum) }
        let count = max(chart.points.count, 1)
        func x(_ index: Int) -> Double { left + plotWidth * (Double(index) + 0.5) / Double(count) }

        var parts: [String] = []
        parts.append(#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \#(width) \#(height)" role="img" aria-label="\#(escape(chart.title))">"#)
        parts.append("<title>\(escape(chart.title))</title>")
        // Grid and axis labels.
        var tick = 0.0
        while tick <= maximum + step / 2 {
            let ty = format(y(tick))
            parts.append(#"<line class="grid" x1="\#(format(left))" y1="\#(ty)" x2="\#(format(left + plotWidth))" y2="\#(ty)"/>"#)
            parts.append(#"<text class="axis" x="\#(format(left - 6))" y="\#(ty)" text-anchor="end" dominant-baseline="middle">\#(tickLabel(tick, step: step))</text>"#)
            tick += step
        }
        // The target.
        let targetY = format(y(targetValue))
        parts.append(#"<line class="target" x1="\#(format(left))" y1="\#(targetY)" x2="\#(format(left + plotWidth))" y2="\#(targetY)"/>"#)
        parts.append(#"<text class="target-label" x="\#(format(left + 4))" y="\#(format(y(targetValue) - 5))" text-anchor="start">\#(escape(chart.targetLabel))</text>"#)
        // The values: a line through consecutive reported years.
        var segment: [String] = []
        func flush() {
            if segment.count > 1 { parts.append(#"<polyline class="series" points="\#(segment.joined(separator: " "))"/>"#) }
            segment = []
        }
        for (index, point) in chart.points.enumerated() {
            if let value = point.value.flatMap(Double.init) { segment.append("\(format(x(index))),\(format(y(value)))") } else { flush() }
        }
        flush()
        for (index, point) in chart.points.enumerated() {
            let px = format(x(index))
            parts.append(#"<text class="axis" x="\#(px)" y="\#(format(Double(height) - 8))" text-anchor="middle">\#(escape(point.label))</text>"#)
            guard let text = point.value, let value = Double(text) else {
                parts.append(#"<text class="missing" x="\#(px)" y="\#(format(top + plotHeight - 4))" text-anchor="middle">\#(escape(chart.missingLabel))</text>"#)
                continue
            }
            let py = y(value)
            switch point.status {
            case .met:
                parts.append(#"<circle class="point met" cx="\#(px)" cy="\#(format(py))" r="4.5"/>"#)
            default:
                parts.append(#"<rect class="point \#(point.status.rawValue)" x="\#(format(x(index) - 4))" y="\#(format(py - 4))" width="8" height="8"/>"#)
            }
            let labelY = py - 8 < top + 2 ? py + 16 : py - 8
            parts.append(#"<text class="value" x="\#(px)" y="\#(format(labelY))" text-anchor="middle">\#(escape(text))</text>"#)
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// A top of the scale and a step of 1, 2, 2.5 or 5 × 10ⁿ giving four or five grid lines.
    static func niceScale(_ largest: Double) -> (maximum: Double, step: Double) {
        let rough = largest * 1.15 / 4
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        return (step * ceil(largest * 1.15 / step), step)
    }

    static func tickLabel(_ value: Double, step: Double) -> String {
        let decimals = step >= 1 ? 0 : Int(-floor(log10(step))) + (step * pow(10, -floor(log10(step))) == 2.5 ? 1 : 0)
        return String(format: "%.\(decimals)f", value)
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
