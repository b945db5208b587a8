import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The demo city's enterprises: fictitious names and codes, facts shaped like real ones.
enum DemoEnterprises {
    /// What kind of applicant each demo enterprise is, so every verdict of the engine shows up somewhere.
    enum Profile: String, CaseIterable {
        /// Meets every qualification of 000 by a wide margin.
        case backboneStrong
        /// Three-year tax just below ¥35,000,000.
        case backboneTaxShort
        /// An administrative penalty inside the three-year look-back.
        case backbonePenalised
        /// Registered four years ago: one year short.
        case backboneTooYoung
        /// A Jiangmen manufacturer that scores high on the 002 rubric.
        case centreStrong
        /// A Jiangmen manufacturer with a modest rubric score.
        case centreModest
        /// A Jiangmen manufacturer with an unqualified spot check inside the year before the deadline.
        case centreSpotCheckFailed
        /// A Shenzhen winner of a quality award, eligible for a first-time award grant (004 item 9).
        case grantAwardee
        /// A Shenzhen enterprise holding carbon-footprint label certificates (004 item 3).
        case grantCarbonLabel
    }

    struct Spec {
        var name: String
        var city: String
        var district: String
        /// Division code (characters 3–8 of the credit code) and organisation code body.
        var division: String
        var organisation: String
        var profile: Profile
    }

    static let specs: [Spec] = [
        Spec(name: "深圳市鹏程精密制造有限公司", city: "深圳市", district: "南山区", division: "440305", organisation: "MA5QC0001", profile: .backboneStrong),
        Spec(name: "深圳市星河云联电子科技有限公司", city: "深圳市", district: "南山区", division: "440305", organisation: "MA5QC0002", profile: .backboneTaxShort),
        Spec(name: "深圳市安信检测技术股份有限公司", city: "深圳市", district: "福田区", division: "440304", organisation: "MA5QC0003", profile: .backbonePenalised),
        Spec(name: "深圳市启明智能装备有限公司", city: "深圳市", district: "龙岗区", division: "440307", organisation: "MA5QC0004", profile: .backboneTooYoung),
        Spec(name: "深圳市海韵新材料科技有限公司", city: "深圳市", district: "宝安区", division: "440306", organisation: "MA5QC0005", profile: .grantAwardee),
        Spec(name: "深圳市湾区绿能科技有限公司", city: "深圳市", district: "宝安区", division: "440306", organisation: "MA5QC0006", profile: .grantCarbonLabel),
        Spec(name: "江门市华美五金制品有限公司", city: "江门市", district: "蓬江区", division: "440703", organisation: "MA5QC0007", profile: .centreStrong),
        Spec(name: "江门市恒通电机有限公司", city: "江门市", district: "江海区", division: "440704", organisation: "MA5QC0008", profile: .centreModest),
        Spec(name: "江门市葵乡食品有限公司", city: "江门市", district: "新会区", division: "440705", organisation: "MA5QC0009", profile: .centreSpotCheckFailed),
        Spec(name: "江门市侨韵陶瓷有限公司", city: "江门市", district: "蓬江区", division: "440703", organisation: "MA5QC0010", profile: .centreModest),
    ]

    /// Creates the enterprises and returns them by name.
    static func create(on database: any Database, today: CalendarDate) async throws -> [String: Enterprise] {
        var byName: [String: Enterprise] = [:]
        for spec in specs {
            guard let code = CreditCode.withCheckDigit("91" + spec.division + spec.organisation) else {
                preconditionFailure("demo credit code body is not in the GB 32100 alphabet: \(spec.organisation)")
            }
            let facts = DemoFacts.facts(for: spec, creditCode: code, today: today)
            let enterprise = Enterprise(creditCode: code.value, name: spec.name, city: spec.city, district: spec.district,
                                        factsJSON: facts, isDemo: true)
            try await enterprise.create(on: database)
            byName[spec.name] = enterprise
        }
        return byName
    }
}
