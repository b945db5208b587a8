import Fluent
import Foundation
import QualityRules
import QualityStorage

/// Calls of the seed programmes standing in different stages, dated relative to today.
enum DemoCalls {
    static func create(on database: any Database, today: CalendarDate) async throws {
        let year = today.year
        let backboneMaterials = [
            RequiredMaterial(key: "form", title: LocalizedText(zh: "“骨干企业”认定活动申报表及承诺书（加盖公章）", en: "Application form and commitment letter (sealed)")),
            RequiredMaterial(key: "licence", title: LocalizedText(zh: "营业执照、组织机构代码证复印件", en: "Copies of the business licence and organisation code certificate")),
            RequiredMaterial(key: "certificates", title: LocalizedText(zh: "需要证明资质的有效证书复印件", en: "Copies of valid certificates proving qualifications")),
        ]
        let calls = [
            Call(programmeID: "sz-backbone", policyID: "sz-backbone-2014", year: year,
                 title: LocalizedText(zh: "\(year) 年度“深圳市质量强市骨干企业”认定", en: "\(year) recognition of Shenzhen quality backbone enterprises"),
                 opensOn: today.adding(days: -30), closesOn: today.adding(days: 36), quota: 100, stage: .open,
                 materials: backboneMaterials, contacts: "深圳市质量强市促进会秘书处（演示）\n电话：0755-0000 0000", isDemo: true),
            Call(programmeID: "sz-backbone", policyID: "sz-backbone-2014", year: year - 1,
                 title: LocalizedText(zh: "\(year - 1) 年度“深圳市质量强市骨干企业”认定", en: "\(year - 1) recognition of Shenzhen quality backbone enterprises"),
                 opensOn: CalendarDate(year: year - 1, month: 8, day: 18)!, closesOn: CalendarDate(year: year - 1, month: 11, day: 30)!,
                 quota: 100, stage: .open, materials: backboneMaterials, contacts: "深圳市质量强市促进会秘书处（演示）", isDemo: true),
        ]
        for call in calls {
            call.publishedAt = call.opensOn.startInShanghai
            // 000 has no scoring annex in its text: its calls start from the secretariat's template rubric.
            if RubricDefinition.template(for: call.programmeID) != nil { call.rubricYAML = RubricDefinition.template(for: call.programmeID) }
            try await call.create(on: database)
        }
    }
}
