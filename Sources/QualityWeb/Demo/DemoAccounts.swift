import Fluent
import Foundation
import QualityStorage

/// One demo account for every role; all share `DemoCity.password`.
enum DemoAccounts {
    static func create(on database: any Database, passwordHash: String, enterprises: [DemoEnterprises.Profile: Enterprise]) async throws {
        var accounts: [Account] = [
            Account(username: "demo-city", displayName: "王秘书（市局/秘书处）", passwordHash: passwordHash, role: .cityOfficer),
            Account(username: "demo-district-nanshan", displayName: "李科长（南山区局）", passwordHash: passwordHash,
                    role: .districtOfficer, district: "南山区"),
            Account(username: "demo-district-pengjiang", displayName: "陈科长（蓬江区局）", passwordHash: passwordHash,
                    role: .districtOfficer, district: "蓬江区"),
            Account(username: "demo-committee", displayName: "赵委员（组委会）", passwordHash: passwordHash, role: .committee),
            Account(username: "demo-finance", displayName: "周会计（财务）", passwordHash: passwordHash, role: .finance),
            Account(username: "demo-department", displayName: "吴专员（市发展改革委）", passwordHash: passwordHash,
                    role: .department, department: "市发展改革委"),
        ]
        for (index, name) in ["刘教授", "黄高工", "孙研究员", "郑主任"].enumerated() {
            accounts.append(Account(username: "demo-expert-\(index + 1)", displayName: "\(name)（评审专家）",
                                    passwordHash: passwordHash, role: .expert))
        }
        let enterpriseLogins: [(String, DemoEnterprises.Profile)] = [
            ("demo-enterprise-sz", .backboneStrong),
            ("demo-enterprise-jm", .centreStrong),
            ("demo-enterprise-grant", .grantAwardee),
        ]
        for (username, profile) in enterpriseLogins {
            guard let enterprise = enterprises[profile] else { continue }
            accounts.append(Account(username: username, displayName: enterprise.name, passwordHash: passwordHash,
                                    role: .enterprise, district: enterprise.district, enterpriseID: enterprise.id))
        }
        for account in accounts { try await account.create(on: database) }
    }
}
