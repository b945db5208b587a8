// TEMPORARY (not committed): replaced by the rules engine adapter when the engine branch is merged.
import Foundation
import QualityRules

struct EngineAssessor: ApplicationAssessor {
    var programmes: [ProgrammeInfo] {
        [ProgrammeInfo(id: "sz-backbone", policyID: "sz-backbone-2014", title: LocalizedText(zh: "骨干企业", en: "Backbone"), summary: LocalizedText(zh: "", en: ""), isRecognition: true, annualQuota: 100, materials: [LocalizedText(zh: "申报表", en: "Form")], inForce: DayRange(start: CalendarDate(year: 2013, month: 1, day: 1)!, end: nil)),
         ProgrammeInfo(id: "jm-innovation-centre", policyID: "jm-innovation-centre-2022", title: LocalizedText(zh: "创新中心", en: "Centre"), summary: LocalizedText(zh: "", en: ""), isRecognition: true, annualQuota: 5, materials: [], inForce: DayRange(start: CalendarDate(year: 2022, month: 3, day: 1)!, end: CalendarDate(year: 2025, month: 2, day: 28)!))]
    }
    static func bundled() throws -> EngineAssessor { EngineAssessor() }
    func assess(programmeID: String, factsJSON: String, on date: CalendarDate, deadline: CalendarDate?) throws -> Assessment {
        let needs = factsJSON.contains("\"attestations\"") ? Assessment.Verdict.eligible : .needsReviewerFindings
        return Assessment(verdict: needs, ruleVersion: "temp@0", evaluationJSON: "{\"verdict\":\"\(needs.rawValue)\"}",
                          summary: LocalizedText(zh: "临时", en: "temporary"))
    }
}
