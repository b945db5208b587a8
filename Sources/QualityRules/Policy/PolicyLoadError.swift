/// Why a policy file was refused. Always names the file and the line, so the officer who edits the YAML
/// can go straight to the mistake.
public struct PolicyLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem concerns the file as a whole (unreadable, two files with one id).
    public var line: Int
    public var column: Int
    public var reason: String

    public init(file: String, line: Int, column: Int, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "\(file):\(line):\(column): \(reason)" }
}
