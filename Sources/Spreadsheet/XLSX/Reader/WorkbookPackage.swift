import Foundation
import ZIPFoundation

/// The ZIP package of a workbook: finds parts through their relationships, inflates them within a limit.
final class WorkbookPackage {
    private let archive: Archive
    /// Paths normalised (no leading slash, forward slashes, lower case): some tools write rels targets
    /// whose case differs from the entry, and Excel does not mind.
    private var entries: [String: Entry] = [:]
    let maxPartBytes: Int

    init(archive: Archive, maxPartBytes: Int) {
        self.archive = archive
        self.maxPartBytes = maxPartBytes
        for entry in archive where entry.type == .file {
            entries[Self.key(entry.path)] = entry
        }
    }

    static func open(url: URL, maxPartBytes: Int) throws -> WorkbookPackage {
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw SpreadsheetError.cannotRead(path: url.path, reason: error.localizedDescription)
        }
        try checkSignature(head)
        do {
            return WorkbookPackage(archive: try Archive(url: url, accessMode: .read), maxPartBytes: maxPartBytes)
        } catch {
            throw SpreadsheetError.notAWorkbook(reason: "the ZIP package cannot be read (\(error))")
        }
    }

    static func open(data: Data, maxPartBytes: Int) throws -> WorkbookPackage {
        try checkSignature(data.prefix(8))
        do {
            return WorkbookPackage(archive: try Archive(data: data, accessMode: .read), maxPartBytes: maxPartBytes)
        } catch {
            throw SpreadsheetError.notAWorkbook(reason: "the ZIP package cannot be read (\(error))")
        }
    }

    static func checkSignature(_ head: Data) throws {
        let bytes = [UInt8](head)
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw SpreadsheetError.legacyOrEncryptedWorkbook
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw SpreadsheetError.notAWorkbook(reason: bytes.isEmpty ? "the file is empty" : "not a ZIP package")
        }
    }

    func contains(_ path: String) -> Bool {
        entries[Self.key(path)] != nil
    }

    func read(_ path: String) throws -> Data {
        guard let entry = entries[Self.key(path)] else { throw SpreadsheetError.missingPart(path: path) }
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else {
            throw SpreadsheetError.partTooLarge(path: path, limit: maxPartBytes)
        }
        var data = Data()
        let limit = maxPartBytes
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The size in the header can lie; count what actually inflates.
                guard data.count + chunk.count <= limit else {
                    throw SpreadsheetError.partTooLarge(path: path, limit: limit)
                }
                data.append(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.corruptPart(path: path, line: 0, reason: "cannot inflate (\(error))")
        }
        return data
    }

    /// The relationships of `part`, targets resolved to package paths; empty when it has none.
    func relationships(of part: String) throws -> [Relationship] {
        let folder = Self.folder(of: part)
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + Self.fileName(of: part) + ".rels"
        guard contains(relsPath) else { return [] }
        let handler = RelationshipsHandler()
        try XMLEvents.parse(try read(relsPath), path: relsPath, into: handler)
        return handler.relationships.compactMap { raw in
            guard raw.external == false else { return nil }
            return Relationship(id: raw.id, type: raw.type, path: Self.resolve(raw.target, from: folder))
        }
    }

    struct Relationship {
        var id: String
        var type: String
        var path: String

        /// Transitional and strict OOXML differ in the type's namespace, not its last word.
        func isType(_ name: String) -> Bool {
            type.hasSuffix("/" + name)
        }
    }

    static func resolve(_ target: String, from folder: String) -> String {
        let target = target.replacingOccurrences(of: "\\", with: "/")
        var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    private static func key(_ path: String) -> String {
        var path = path.replacingOccurrences(of: "\\", with: "/")
        while path.hasPrefix("/") { path.removeFirst() }
        return path.lowercased()
    }

    private static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    private static func fileName(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return part }
        return String(part[part.index(after: slash)...])
    }
}

private final class RelationshipsHandler: XMLEventHandler {
    var relationships: [(id: String, type: String, target: String, external: Bool)] = []

    func start(_ name: String, attributes: [String: String]) throws {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        relationships.append((id, attributes["Type"] ?? "", target, attributes["TargetMode"] == "External"))
    }

    func end(_ name: String) throws {}
    func text(_ text: String) {}
}
