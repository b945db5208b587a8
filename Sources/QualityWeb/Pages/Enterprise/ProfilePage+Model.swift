import Foundation
import QualityRules
import QualityStorage

/// The enterprise's profile: registration, the facts the engine reads, contact details, evidence files.
enum ProfilePage {
    struct Model: Sendable {
        struct EvidenceRow: Sendable {
            var id: UUID
            var name: String
            var size: Int
            var label: String?
            var uploadedAt: Date?
            /// Attached to an application as one of its materials.
            var isMaterial: Bool
        }

        struct LastUpdate: Sendable {
            var at: Date
            var by: String
            var summary: String
        }

        /// What the engine says for an open call, after an update.
        struct Verdict: Sendable {
            var callID: UUID
            var title: LocalizedText
            var closesOn: CalendarDate
            var assessment: Assessment?
        }

        /// Which form a refusal belongs to, so its messages show beside it.
        enum Form: Sendable {
            case contact, workbook, evidence
        }

        var name: String
        var creditCode: String
        var city: String
        var district: String
        var contactName: String?
        var contactPhone: String?
        var factsVersion: Int
        /// Nil when the stored facts cannot be read.
        var facts: EnterpriseFacts?
        var today: CalendarDate
        var evidence: [EvidenceRow]
        var lastUpdate: LastUpdate?
        /// Shown after the facts were updated.
        var verdicts: [Verdict]?
        var notice: LocalizedText?
        var error: AppError?
        var errorForm: Form?
        var workbookProblems: [FactsWorkbook.Problem] = []
        var inputs: [String: String] = [:]

        /// Records an evidence file may prove, offered as labels ("认证证书 CN-QMS-2024-0451").
        var labelSuggestions: [String] {
            guard let facts else { return [] }
            let S = Strings.FactsWorkbook.Sheets.self
            var labels = facts.certifications.map { "\(S.certifications.zh) \($0.number)" }
            labels += facts.taxes.map { "\(S.taxes.zh) \($0.year)" }
            labels += facts.patents.compactMap { $0.number.map { "\(S.patents.zh) \($0)" } }
            labels += facts.standards.compactMap { $0.number.map { "\(S.standards.zh) \($0)" } }
            labels += facts.trademarks.compactMap { $0.number.map { "\(S.trademarks.zh) \($0)" } }
            labels += facts.awards.map { "\(S.awards.zh) \($0.name ?? $0.kind.label.zh) \($0.year)" }
            labels += facts.projects.compactMap { $0.name.map { "\(S.projects.zh) \($0)" } }
            return labels
        }
    }

    /// A figure the engine's rules turn on, computed from the facts for the day.
    struct Figure: Sendable, Equatable {
        var label: LocalizedText
        var value: LocalizedText
    }

    static func figures(_ facts: EnterpriseFacts, today: CalendarDate) -> [Figure] {
        let P = Strings.Profile.self
        // "近三年": the three calendar years before this one, as the tax rule counts them.
        let years = (today.year - 3)...(today.year - 1)
        let missing = years.filter { facts.tax(year: $0) == nil }
        let total = years.reduce(Money.zero) { $0 + (facts.tax(year: $1) ?? .zero) }
        let taxValue = T(zh: total.formatted(.zh) + (missing.isEmpty ? "" : P.missingYears(missing).zh),
                         en: total.formatted(.en) + (missing.isEmpty ? "" : P.missingYears(missing).en))
        let valid = facts.certifications.filter { $0.isValid(on: today) }
        let qualitySystems: Set<CertificationType> = [.iso9001, .iatf16949, .as9100, .tl9000, .iso13485, .iso22000, .haccp, .gbt50430]
        let inventions = facts.patents.filter { $0.kind == .invention }
        let lookBack = today.adding(years: -3)
        let recentBad = facts.events.filter { [.penalty, .accident].contains($0.kind) && $0.date > lookBack && $0.date <= today }
        let cqo = facts.chiefQualityOfficer
        return [
            Figure(label: P.taxTotal(years), value: taxValue),
            Figure(label: P.yearsRegistered, value: P.years(max(0, facts.registration.registeredOn.wholeYears(until: today)))),
            Figure(label: P.validCertificates, value: P.count(valid.count)),
            Figure(label: P.qualitySystemCertificate, value: P.count(valid.filter { qualitySystems.contains($0.type) }.count)),
            Figure(label: P.inventionPatents, value: P.patents(inventions.filter { $0.jurisdiction == .domestic }.count,
                                                               inventions.filter { $0.jurisdiction == .foreign }.count)),
            Figure(label: P.otherPatents, value: P.count(facts.patents.count - inventions.count)),
            Figure(label: P.standardsLed, value: P.count(facts.standards.filter { $0.role == .lead }.count)),
            Figure(label: P.standardsTotal, value: P.count(facts.standards.count)),
            Figure(label: P.penaltiesRecent, value: P.count(recentBad.count)),
            Figure(label: P.qualityStaff, value: P.people(facts.staff.fullTimeQualityStaff)),
            Figure(label: P.seniorTitles, value: P.people(facts.staff.professionalTitles.filter { $0.level >= .intermediate }.reduce(0) { $0 + $1.count })),
            Figure(label: P.cqo, value: cqo.appointed ? (cqo.trained ? P.cqoTrained : P.cqoAppointed) : P.cqoNone),
        ]
    }
}
