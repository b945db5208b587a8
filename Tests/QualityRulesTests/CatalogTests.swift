import Foundation
import Testing
@testable import QualityRules

@Suite struct CatalogTests {
    @Test func bundledCatalogLoads() throws {
        // MUT
        let catalog = try PolicyCatalog.bundled()
        // validation
        #expect(catalog.policies.map(\.seed) == ["000", "001", "002", "003", "004"])
    }
}
