/// Excel's rules for sheet names: at most 31 characters, none of `: \ / ? * [ ]`, not starting or ending
/// with an apostrophe, not "History" (reserved), unique ignoring case. A name breaking them makes Excel
/// "repair" the file, so names are made valid here rather than refused.
enum SheetName {
    static let maxLength = 31
    private static let forbidden: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]

    /// Makes `names` valid and unique, in order; Chinese names pass through unchanged when they fit.
    static func sanitized(_ names: [String]) -> [String] {
        var taken = Set<String>()
        var result: [String] = []
        for (index, name) in names.enumerated() {
            var base = String(name.map { forbidden.contains($0) || $0.isNewline || $0 == "\t" ? "_" : $0 })
            base = base.trimmingApostrophes()
            if base.lowercased() == "history" { base += "_" }
            if base.isEmpty { base = "Sheet\(index + 1)" }
            base = truncated(base, to: maxLength)
            var candidate = base
            var counter = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = truncated(base, to: maxLength - suffix.utf16.count).trimmingApostrophes() + suffix
                counter += 1
            }
            taken.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    /// Excel counts UTF-16 units; whole characters are kept so an emoji or CJK character is never split.
    private static func truncated(_ text: String, to limit: Int) -> String {
        var result = ""
        var units = 0
        for character in text {
            let width = character.utf16.count
            if units + width > limit { break }
            result.append(character)
            units += width
        }
        return result
    }
}

private extension String {
    func trimmingApostrophes() -> String {
        var text = Substring(self)
        while text.first == "'" { text.removeFirst() }
        while text.last == "'" { text.removeLast() }
        return String(text)
    }
}
