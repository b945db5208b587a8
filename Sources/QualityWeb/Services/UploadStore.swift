import Crypto
import Foundation
import QualityRules
import QualityStorage

/// Keeps uploaded files by the SHA-256 of their content, outside the web root. The uploaded name is only
/// ever shown, never used as a path; the type is decided from the bytes, not from what the client claims.
struct UploadStore: Sendable {
    let directory: String
    let maxBytes: Int

    enum Kind: String, CaseIterable, Sendable {
        case pdf, png, jpeg, xlsx, docx

        var contentType: String {
            switch self {
            case .pdf: "application/pdf"
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    static let allowedDescription = T(zh: "PDF、JPG、PNG、Excel（xlsx）或 Word（docx）", en: "PDF, JPG, PNG, Excel (xlsx) or Word (docx)")

    struct Stored: Sendable {
        var sha256: String
        var displayName: String
        var kind: Kind
        var size: Int
    }

    /// Checks and stores a file; refuses empty, oversized and unknown files with a message to the uploader.
    func store(data: Data, filename: String) throws -> Stored {
        guard !data.isEmpty else {
            throw AppError.invalid(T(zh: "上传的文件是空的", en: "The uploaded file is empty"))
        }
        guard data.count <= maxBytes else {
            let limit = maxBytes / (1024 * 1024)
            throw AppError(.payloadTooLarge, code: "too_large",
                           T(zh: "文件超过 \(limit) MB 的上限", en: "The file is larger than the \(limit) MB limit"))
        }
        let name = Self.displayName(filename)
        guard let kind = Self.sniff(data, filename: name) else {
            throw AppError(.unsupportedMediaType, code: "unsupported_type",
                           T(zh: "不支持该文件类型，请上传 \(Self.allowedDescription.zh)",
                             en: "This type of file is not accepted; upload \(Self.allowedDescription.en)"))
        }
        let digest = Hex.string(SHA256.hash(data: data))
        let url = path(for: digest)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Write to a temporary name and move, so a crash never leaves half a file under a real hash.
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part")
            try data.write(to: temporary)
            _ = try? FileManager.default.replaceItemAt(url, withItemAt: temporary)
            if !FileManager.default.fileExists(atPath: url.path) { try FileManager.default.moveItem(at: temporary, to: url) }
        }
        return Stored(sha256: digest, displayName: name, kind: kind, size: data.count)
    }

    func read(sha256: String) throws -> Data {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit }) else { throw AppError.notFound() }
        return try Data(contentsOf: path(for: sha256))
    }

    private func path(for digest: String) -> URL {
        URL(fileURLWithPath: directory).appendingPathComponent(String(digest.prefix(2))).appendingPathComponent(digest)
    }

    /// The last path component only, without control characters, at most 120 characters:
    /// `../../etc/passwd` becomes `passwd`, `C:\\x\\y.pdf` becomes `y.pdf`.
    static func displayName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }
            .map(Character.init)).trimmingCharacters(in: .whitespaces)
        let trimmed = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        let name = trimmed.isEmpty ? "file" : trimmed
        return String(name.prefix(120))
    }

    static func sniff(_ data: Data, filename: String) -> Kind? {
        let bytes = [UInt8](data.prefix(8))
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let lower = filename.lowercased()
            if lower.hasSuffix(".xlsx") { return .xlsx }
            if lower.hasSuffix(".docx") { return .docx }
        }
        return nil
    }
}
