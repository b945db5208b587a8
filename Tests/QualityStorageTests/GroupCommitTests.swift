import FluentKit
import FluentSQL
import Foundation
import QualityStorage
import QualityTestSupport
import Testing

/// SQLite's writers share commits (`SQLiteGroupCommit`); each change must still stand or fall alone.
@Suite("Group commit")
struct GroupCommitTests {
    struct Refused: Error, Equatable { let index: Int }

    @Test("changes waiting together share a commit; a change that fails leaves nothing and the others are kept")
    func shared() async throws {
        try await TestStorage.withDatabase { db in
            guard (db as? any SQLDatabase)?.dialect.name == "sqlite" else { return }
            let commits = SQLiteGroupCommit()
            try await Setting(key: "taken", value: "before").create(on: db)
            let outcomes = await withTaskGroup(of: (Int, Result<String, any Error>).self) { group in
                for index in 0..<30 {
                    // The first change is under way (holding the writer) before the others arrive.
                    if index == 1 { try? await Task.sleep(for: .milliseconds(100)) }
                    group.addTask {
                        do {
                            let value = try await commits.run(on: db) { tx in
                                // The first change holds the writer while the others queue behind it.
                                if index == 0 { try await Task.sleep(for: .milliseconds(300)) }
                                try await Setting(key: index == 7 ? "taken" : "k\(index)", value: "v\(index)").create(on: tx)
                                if index % 5 == 3 { throw Refused(index: index) }
                                return "v\(index)"
                            }
                            return (index, .success(value))
                        } catch {
                            return (index, .failure(error))
                        }
                    }
                }
                return await group.reduce(into: [Int: Result<String, any Error>]()) { $0[$1.0] = $1.1 }
            }
            let refused = Set((0..<30).filter { $0 % 5 == 3 })
            for index in 0..<30 {
                switch outcomes[index] {
                case .success(let value)?:
                    #expect(!refused.contains(index) && index != 7 && value == "v\(index)", "change \(index) answered \(value)")
                case .failure(let error)?:
                    if refused.contains(index) { #expect(error as? Refused == Refused(index: index), "change \(index): \(error)") }
                    else { #expect(index == 7, "change \(index) failed: \(error)") }
                case nil:
                    Issue.record("change \(index) was not answered")
                }
            }
            // Exactly the changes that succeeded are stored; the refused ones left nothing, not even their row.
            let stored = Set(try await Setting.query(on: db).all().compactMap(\.id))
            let expected = Set((0..<30).filter { !refused.contains($0) && $0 != 7 }.map { "k\($0)" } + ["taken"])
            #expect(stored == expected)
            #expect(try await Setting.find("taken", on: db)?.value == "before")
            #expect(await commits.changes == 30)
            // The first change commits alone; the 29 that queued behind it share one commit.
            #expect(await commits.commits == 2)
        }
    }

    @Test("a commit that fails fails every change of its group")
    func failedCommit() async throws {
        try await TestStorage.withDatabase { db in
            guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
            let commits = SQLiteGroupCommit()
            // A deferred foreign key is checked at the commit: the change that breaks it fails the whole group.
            try await sql.raw("CREATE TABLE parents (id INTEGER PRIMARY KEY)").run()
            try await sql.raw("""
                CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED)
                """).run()
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<5 {
                    if index == 1 { try? await Task.sleep(for: .milliseconds(100)) }
                    group.addTask {
                        (try? await commits.run(on: db) { tx -> Void in
                            if index == 0 { try await Task.sleep(for: .milliseconds(300)) }
                            let parent = index == 3 ? 999 : 0
                            if index != 3 { try await (tx as! any SQLDatabase).raw("INSERT OR IGNORE INTO parents (id) VALUES (0)").run() }
                            try await (tx as! any SQLDatabase).raw("INSERT INTO children (id, parent) VALUES (\(bind: index), \(bind: parent))").run()
                        }) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            // The first commits alone; the four behind it share a commit that the broken key fails.
            #expect(outcomes.filter { $0 }.count == 1)
            let children = try await sql.raw("SELECT id FROM children").all().map { try $0.decode(column: "id", as: Int.self) }
            #expect(children == [0])
        }
    }
}
