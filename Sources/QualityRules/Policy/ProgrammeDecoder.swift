/// Reads a programme and everything in it.
enum ProgrammeDecoder {
    static func supervision(_ r: YAMLReader) throws -> Supervision {
        try r.checkKeys(["annualReport", "reReview"])
        return Supervision(
            annualReport: try r.optional("annualReport").map { a in
                try a.checkKeys(["dueMonth", "dueDay", "clause", "text"])
                let month = try a.required("dueMonth").int(in: 1...12)
                let day = try a.required("dueDay").int(in: 1...31)
                guard day <= CalendarDate.daysIn(month: month, year: 2001) else { throw a.error("month \(month) has no day \(day)") }
                return AnnualReportDuty(dueMonth: month, dueDay: day, citation: try PolicyDecoder.citation(a))
            },
            reReview: try r.optional("reReview").map { v in
                try v.checkKeys(["afterYears", "clause", "text"])
                return YearsWithCitation(years: try v.required("afterYears").int(in: 1...100), citation: try PolicyDecoder.citation(v))
            })
    }

    static func programme(_ r: YAMLReader) throws -> Programme {
        try r.checkKeys(["id", "kind", "title", "summary", "clause", "text", "conditions", "exclusions", "rubric",
                         "award", "annualQuota", "titleValidity", "materials", "procedure", "calls", "notes",
                         "supervision"])
        let id = try PolicyDecoder.identifier(r.required("id"))
        let kind = try r.required("kind").enumeration(ProgrammeKind.self)
        let conditions = try r.list("conditions", RuleDecoder.rule)
        let exclusions = try r.list("exclusions", RuleDecoder.rule)
        var ruleIDs = Set<String>()
        for (index, rule) in (conditions + exclusions).enumerated() where !ruleIDs.insert(rule.id).inserted {
            let list = index < conditions.count ? "conditions" : "exclusions"
            throw try r.required(list).error("rule id '\(rule.id)' appears twice in programme '\(id)'")
        }
        let award = try r.optional("award").map(AwardDecoder.award)
        if kind == .grant {
            guard let award else { throw r.error("a grant programme needs an 'award'") }
            if case .honour = award.amount { throw r.error("a grant programme cannot award only an honour") }
        }
        let programme = Programme(
            id: id, kind: kind, title: try r.required("title").localized(),
            summary: try r.required("summary").localized(), citation: try PolicyDecoder.citation(r),
            conditions: conditions, exclusions: exclusions,
            rubric: try r.optional("rubric").map(RubricDecoder.rubric), award: award,
            annualQuota: try r.optional("annualQuota").map { q in
                try q.checkKeys(["perYear", "clause", "text"])
                return Quota(perYear: try q.required("perYear").int(in: 1...100_000), citation: try PolicyDecoder.citation(q))
            },
            titleValidity: try r.optional("titleValidity").map { v in
                try v.checkKeys(["years", "clause", "text"])
                return YearsWithCitation(years: try v.required("years").int(in: 1...100), citation: try PolicyDecoder.citation(v))
            },
            materials: try r.list("materials") { m in
                try m.checkKeys(["name", "clause", "text"])
                return Material(name: try m.required("name").localized(), citation: try PolicyDecoder.optionalCitation(m))
            },
            procedure: try r.list("procedure") { s in
                try s.checkKeys(["id", "name", "clause", "text"])
                return ProcedureStage(id: try PolicyDecoder.key(s.required("id")), name: try s.required("name").localized(),
                                      citation: try PolicyDecoder.optionalCitation(s))
            },
            calls: try r.list("calls") { c in
                try c.checkKeys(["year", "opens", "deadline", "clause", "text"])
                let opens = try c.required("opens").date()
                let deadline = try c.required("deadline").date()
                guard opens <= deadline else { throw c.error("the call closes (\(deadline.iso)) before it opens (\(opens.iso))") }
                return CallWindow(year: try c.required("year").int(in: 1900...9999), window: DayRange(start: opens, end: deadline),
                            citation: try PolicyDecoder.optionalCitation(c))
            },
            notes: try r.optional("notes")?.localized(),
            supervision: try r.optional("supervision").map(supervision))
        return programme
    }
}

/// Reads conditions and exclusions: `id`, `label`, `clause`, `text` and exactly one kind key.
enum RuleDecoder {
    static func rule(_ r: YAMLReader) throws -> Rule {
        try r.checkKeys(Set(["id", "label", "clause", "text"] + RuleKind.names))
        let kinds = r.keys.filter { RuleKind.names.contains($0) }
        guard kinds.count == 1, let name = kinds.first else {
            throw r.error(kinds.isEmpty
                ? "a rule needs one condition kind: \(RuleKind.names.joined(separator: ", "))"
                : "a rule has exactly one condition kind, found \(kinds.joined(separator: " and "))")
        }
        return Rule(id: try PolicyDecoder.identifier(r.required("id")), label: try r.required("label").localized(),
                    citation: try PolicyDecoder.citation(r), kind: try kind(name, try r.required(name)))
    }

    static func kind(_ name: String, _ r: YAMLReader) throws -> RuleKind {
        switch name {
        case "registeredInRegion":
            try r.checkKeys(["divisionCodes", "name"])
            let prefixes = try r.required("divisionCodes").strings()
            for prefix in prefixes where !(2...6).contains(prefix.count) || !prefix.allSatisfy(\.isASCIIDigit) {
                throw r.error("'\(prefix)' is not a division code prefix (2–6 digits)")
            }
            return .registeredInRegion(RegionRequirement(divisionCodePrefixes: prefixes, name: try r.required("name").localized()))
        case "registeredForYears":
            return .registeredForYears(try r.int(in: 1...100))
        case "operatingStatus":
            return .operatingStatus(try r.enumerations(OperatingStatus.self))
        case "legalForm":
            return .legalForm(try r.enumerations(LegalForm.self))
        case "industry":
            let sections = try r.strings()
            for section in sections where section.count != 1 || !("A"..."T").contains(section) {
                throw r.error("'\(section)' is not a GB/T 4754 section letter (A–T)")
            }
            return .industry(sections)
        case "chiefQualityOfficer":
            try r.checkKeys(["trained"])
            return .chiefQualityOfficer(requireTrained: try r.optional("trained")?.bool() ?? false)
        case "taxTotal":
            try r.checkKeys(["years", "minimum"])
            return .taxTotal(TaxRequirement(years: try r.required("years").int(in: 1...20), minimum: try r.required("minimum").money()))
        case "hasRecords":
            try r.checkKeys(Set(RecordQuery.sources + ["atLeast"]))
            return .hasRecords(try QueryDecoder.query(r, extraKeys: ["atLeast"]), atLeast: try r.optional("atLeast")?.int(in: 1...1000) ?? 1)
        case "noRecords":
            return .noRecords(try QueryDecoder.query(r))
        case "attestation":
            return .attestation(key: try PolicyDecoder.key(r))
        case "revocationBan":
            try r.checkKeys(["years", "programmes"])
            let programmes = try r.optional("programmes")?.items().map(PolicyDecoder.identifier) ?? []
            return .revocationBan(RevocationBan(years: try r.required("years").int(in: 1...100), programmes: programmes))
        default:
            throw r.error("unknown condition kind '\(name)'")
        }
    }
}

/// Reads a record query: one source key (`certifications`, `events`, …) holding its filter.
enum QueryDecoder {
    static func query(_ r: YAMLReader, extraKeys: Set<String> = []) throws -> RecordQuery {
        try r.checkKeys(Set(RecordQuery.sources).union(extraKeys))
        let sources = r.keys.filter { RecordQuery.sources.contains($0) }
        guard sources.count == 1, let source = sources.first else {
            throw r.error("name exactly one kind of record: \(RecordQuery.sources.joined(separator: ", "))")
        }
        let f = try r.optional(source) ?? YAMLReader(node: .mapping([:]), file: r.file, path: r.path + "." + source)
        switch source {
        case "certifications":
            try f.checkKeys(["types", "validOn"])
            return .certifications(CertificationQuery(types: try f.required("types").enumerations(CertificationType.self),
                                                      validOn: try f.optional("validOn")?.enumeration(Anchor.self) ?? .evaluationDate))
        case "events":
            try f.checkKeys(["kinds", "areas", "severities", "outcomes", "levels", "within"])
            return .events(EventQuery(
                kinds: try f.required("kinds").enumerations(EventKind.self),
                areas: try f.optional("areas")?.enumerations(EventArea.self),
                severities: try f.optional("severities")?.enumerations(Severity.self),
                outcomes: try f.optional("outcomes")?.enumerations(EventOutcome.self),
                levels: try f.optional("levels")?.enumerations(AdministrativeLevel.self),
                within: try f.optional("within").map(lookBack)))
        case "patents":
            try f.checkKeys(["kinds", "jurisdictions", "within"])
            return .patents(PatentQuery(kinds: try f.optional("kinds")?.enumerations(PatentKind.self),
                                        jurisdictions: try f.optional("jurisdictions")?.enumerations(Jurisdiction.self),
                                        within: try f.optional("within").map(lookBack)))
        case "standards":
            try f.checkKeys(["levels", "roles", "within"])
            return .standards(StandardQuery(levels: try f.optional("levels")?.enumerations(StandardLevel.self),
                                            roles: try f.optional("roles")?.enumerations(DraftingRole.self),
                                            within: try f.optional("within").map(lookBack)))
        case "secretariats":
            try f.checkKeys(["levels", "heldOn"])
            return .secretariats(SecretariatQuery(levels: try f.optional("levels")?.enumerations(AdministrativeLevel.self),
                                                  heldOn: try f.optional("heldOn")?.enumeration(Anchor.self) ?? .evaluationDate))
        case "trademarks":
            try f.checkKeys(["jurisdictions", "registeredAtLeastYears", "anchor"])
            return .trademarks(TrademarkQuery(jurisdictions: try f.optional("jurisdictions")?.enumerations(Jurisdiction.self),
                                              registeredAtLeastYears: try f.optional("registeredAtLeastYears")?.int(in: 1...100),
                                              anchor: try f.optional("anchor")?.enumeration(Anchor.self) ?? .evaluationDate))
        case "awards":
            try f.checkKeys(["kinds", "levels", "within"])
            return .awards(AwardQuery(kinds: try f.optional("kinds")?.enumerations(AwardKind.self),
                                      levels: try f.optional("levels")?.enumerations(AdministrativeLevel.self),
                                      within: try f.optional("within").map(lookBack)))
        case "labs":
            try f.checkKeys(["independent", "cnas"])
            return .labs(LabQuery(independent: try f.optional("independent")?.bool(), cnas: try f.optional("cnas")?.bool()))
        default:
            try f.checkKeys(["levels", "kinds", "within"])
            return .projects(ProjectQuery(levels: try f.optional("levels")?.enumerations(AdministrativeLevel.self),
                                          kinds: try f.optional("kinds")?.enumerations(ProjectKind.self),
                                          within: try f.optional("within").map(lookBack)))
        }
    }

    /// `within: {years: 3, anchor: applicationDeadline}`; the anchor defaults to the evaluation date.
    static func lookBack(_ r: YAMLReader) throws -> LookBack {
        try r.checkKeys(["years", "anchor"])
        return LookBack(years: try r.required("years").int(in: 1...100),
                        anchor: try r.optional("anchor")?.enumeration(Anchor.self) ?? .evaluationDate)
    }
}
