import Fluent
import Foundation
import QualityStorage

/// One demo account for every role; all share `DemoCity.password`.
enum DemoAccounts {
    static func create(on database: any Database, passwordHash: String, enterprises: [String: Enterprise]) async throws {
        var accounts: [Account] = [
            Account(username: "demo-city", displayName: "王秘书（市局/秘书处）", passwordHash: passwordHash, role: .cityOfficer),
            Account(username: "demo-district-nanshan", displayName: "李科长（南山区局）", passwordHash: passwordHash,
                    role: .districtOfficer, district: "南山区"),
            Account(username: "demo-district-pengjiang", displayName: "陈科长（蓬江区局）", passwordHash: passwordHash,
                    role: .districtOfficer, district: "蓬江区"),
            Account(username: "demo-district-baoan", displayName: "何科长（宝安区局）", passwordHash: passwordHash,
                    role: .districtOfficer, district: "宝安区"),
            Account(username: "demo-district-jianghai", displayName: "林科长（江海区局）", passwordHash: passwordHash,
                    role: .districtOfficer, district: "江海区"),
            Account(username: "demo-committee", displayName: "赵委员（组委会）", passwordHash: passwordHash, role: .committee),
            Account(username: "demo-finance", displayName: "周会计（财务）", passwordHash: passwordHash, role: .finance),
            Account(username: "demo-department", displayName: "吴专员（市发展改革委）", passwordHash: passwordHash,
                    role: .department, department: "市发展改革委"),
        ]
        // Seven experts from six organisations; expert 7 works for a demo enterprise, so every draw shows an
        // automatic conflict in the recusal log.
        let pool: [(String, String, String)] = [
            ("刘教授", "深圳大学质量研究院", "质量管理\n卓越绩效"), ("黄高工", "广东省计量科学研究院", "计量\n检验检测"),
            ("孙研究员", "中国标准化研究院", "标准化"), ("郑主任", "江门市质量协会", "质量管理\nQC 小组"),
            ("钱教授", "五邑大学", "知识产权\n品牌"), ("吴高工", "深圳市计量质量检测研究院", "检验检测"),
            ("冯经理", DemoEnterprises.specs[0].name, "质量管理"),
        ]
        var experts: [(Account, String, String)] = []
        for (index, entry) in pool.enumerated() {
            let account = Account(username: "demo-expert-\(index + 1)", displayName: "\(entry.0)（评审专家）",
                                  passwordHash: passwordHash, role: .expert)
            accounts.append(account)
            experts.append((account, entry.1, entry.2))
        }
        let specs = DemoEnterprises.specs
        let enterpriseLogins: [(String, String)] = [
            ("demo-enterprise-sz", specs[0].name),
            ("demo-enterprise-jm", specs[6].name),
            ("demo-enterprise-jm2", specs[7].name),
            ("demo-enterprise-jm3", specs[9].name),
            ("demo-enterprise-grant", specs[4].name),
        ]
        for (username, name) in enterpriseLogins {
            guard let enterprise = enterprises[name] else { continue }
            accounts.append(Account(username: username, displayName: enterprise.name, passwordHash: passwordHash,
                                    role: .enterprise, district: enterprise.district, enterpriseID: enterprise.id))
        }
        for account in accounts { try await account.create(on: database) }
        for (account, affiliation, fields) in experts {
            try await Expert(accountID: account.id!, name: account.displayName.replacingOccurrences(of: "（评审专家）", with: ""),
                             fields: fields, affiliation: affiliation).create(on: database)
        }
    }
}
