/// Reads a rubric and checks that its points add up, so a typo in a 分值 cannot go unnoticed.
enum RubricDecoder {
    static func points(_ r: YAMLReader) throws -> Points {
        let text = try r.string()
        guard let points = Points(text: text) else { throw r.error("'\(text)' is not a number of points (e.g. 5 or 1.5)") }
        return points
    }

    static func rubric(_ r: YAMLReader) throws -> Rubric {
        try r.checkKeys(["title", "clause", "text", "totalPoints", "groups"])
        let total = try points(r.required("totalPoints"))
        let groups = try r.required("groups").items().map(group)
        let sum = groups.reduce(Points.zero) { $0 + $1.points }
        guard sum == total else { throw r.error("the groups add up to \(sum) points, not totalPoints \(total)") }
        var ids = Set<String>()
        for id in groups.flatMap({ [$0.id] + $0.indicators.flatMap { [$0.id] + $0.parts.flatMap { [$0.id] + $0.items.map(\.id) } } })
        where !ids.insert(id).inserted {
            throw r.error("id '\(id)' is used twice in the rubric")
        }
        return Rubric(title: try r.required("title").localized(), citation: try PolicyDecoder.citation(r),
                      totalPoints: total, groups: groups)
    }

    static func group(_ r: YAMLReader) throws -> IndicatorGroup {
        try r.checkKeys(["id", "name", "points", "indicators"])
        let points = try points(r.required("points"))
        let indicators = try r.required("indicators").items().map(indicator)
        let sum = indicators.reduce(Points.zero) { $0 + $1.points }
        guard sum == points else { throw r.error("the indicators add up to \(sum) points, not the group's \(points)") }
        return IndicatorGroup(id: try PolicyDecoder.identifier(r.required("id")), name: try r.required("name").localized(),
                              points: points, indicators: indicators)
    }

    static func indicator(_ r: YAMLReader) throws -> Indicator {
        try r.checkKeys(["id", "name", "points", "clause", "text", "parts", "materials"])
        let points = try points(r.required("points"))
        let parts = try r.required("parts").items().map(part)
        for (index, part) in parts.enumerated() {
            if let cap = part.cap, cap > points {
                throw try r.required("parts").items()[index].error("the cap \(cap) is above the indicator's \(points) points")
            }
        }
        return Indicator(id: try PolicyDecoder.identifier(r.required("id")), name: try r.required("name").localized(),
                         points: points, citation: try PolicyDecoder.citation(r), parts: parts,
                         materials: try r.list("materials") { try $0.localized() })
    }

    static func part(_ r: YAMLReader) throws -> RubricPart {
        try r.checkKeys(["id", "label", "cap", "mode", "items"])
        return RubricPart(id: try PolicyDecoder.identifier(r.required("id")), label: try r.optional("label")?.localized(),
                          cap: try r.optional("cap").map(points), mode: try r.optional("mode")?.enumeration(PartMode.self) ?? .sum,
                          items: try r.required("items").items().map(item))
    }

    static func item(_ r: YAMLReader) throws -> RubricItem {
        try r.checkKeys(Set(["id", "label", "points", "count", "jointHalf"] + Measure.names))
        let kinds = r.keys.filter { Measure.names.contains($0) }
        guard kinds.count == 1, let name = kinds.first else {
            throw r.error("a rubric item needs exactly one of: \(Measure.names.joined(separator: ", "))")
        }
        if name != "records", r.has("count") || r.has("jointHalf") {
            throw r.error("'count' and 'jointHalf' apply only to 'records' items")
        }
        let m = try r.required(name)
        let measure: Measure
        switch name {
        case "records":
            measure = .records(try QueryDecoder.query(m),
                               count: try r.optional("count")?.enumeration(RecordCounting.self) ?? .once,
                               jointHalf: try r.optional("jointHalf")?.bool() ?? false)
        case "practice":
            measure = .practice(try m.enumeration(ManagementPractice.self))
        case "qualityStaff":
            try m.checkKeys(["atLeast"])
            measure = .qualityStaff(atLeast: try m.required("atLeast").int(in: 1...10_000))
        case "trainedChiefQualityOfficer":
            guard try m.bool() else { throw m.error("write 'trainedChiefQualityOfficer: true' or leave the item out") }
            measure = .trainedChiefQualityOfficer
        case "titleLadder":
            try m.checkKeys(["fields", "minimumLevel", "from"])
            measure = .titleLadder(fields: try m.required("fields").enumerations(TitleField.self),
                                   minimumLevel: try m.required("minimumLevel").enumeration(TitleLevel.self),
                                   from: try m.required("from").int(in: 1...10_000))
        case "cleanSpotChecks":
            try m.checkKeys(["years", "levels"])
            measure = .cleanSpotChecks(years: try m.required("years").int(in: 1...20),
                                       levels: try m.required("levels").enumerations(AdministrativeLevel.self))
        default:
            measure = .attestation(key: try PolicyDecoder.key(m))
        }
        return RubricItem(id: try PolicyDecoder.identifier(r.required("id")), label: try r.required("label").localized(),
                          points: try points(r.required("points")), measure: measure)
    }
}

/// Reads an award rule: one amount key plus optional constraints.
enum AwardDecoder {
    static func award(_ r: YAMLReader) throws -> AwardRule {
        try r.checkKeys(Set(["clause", "text", "firstTimeOnly", "rankAndThreshold", "benefits"] + AwardAmount.names))
        let kinds = r.keys.filter { AwardAmount.names.contains($0) }
        guard kinds.count == 1, let name = kinds.first else {
            throw r.error("an award needs exactly one of: \(AwardAmount.names.joined(separator: ", "))")
        }
        let a = try r.required(name)
        let amount: AwardAmount
        switch name {
        case "honour":
            guard try a.bool() else { throw a.error("write 'honour: true'") }
            amount = .honour
        case "fixed":
            amount = .fixed(try a.money())
        case "upTo":
            amount = .upTo(try range(a))
        case "perItem":
            try a.checkKeys(["unit", "fixed", "upTo", "perYearLimit", "items"])
            let each: AwardEach
            switch (try a.optional("fixed"), try a.optional("upTo")) {
            case (let fixed?, nil): each = .fixed(try fixed.money())
            case (nil, let upTo?): each = .upTo(try upTo.money())
            default: throw a.error("a per-item award needs exactly one of 'fixed' or 'upTo'")
            }
            amount = .perItem(PerItemAward(unit: try a.required("unit").localized(), each: each,
                                           perYearLimit: try a.optional("perYearLimit")?.int(in: 1...1000),
                                           items: try a.optional("items").map { try QueryDecoder.query($0) }))
        case "tiers":
            var keys = Set<String>()
            amount = .tiers(try a.items().map { t in
                try t.checkKeys(["key", "label", "fixed", "upTo"])
                let key = try PolicyDecoder.key(t.required("key"))
                guard keys.insert(key).inserted else { throw t.error("tier '\(key)' appears twice") }
                let tierAmount: TierAmount
                switch (try t.optional("fixed"), try t.optional("upTo")) {
                case (let fixed?, nil): tierAmount = .fixed(try fixed.money())
                case (nil, let upTo?): tierAmount = .upTo(try range(upTo))
                default: throw t.error("a tier needs exactly one of 'fixed' or 'upTo'")
                }
                return AwardTier(key: key, label: try t.required("label").localized(), amount: tierAmount)
            })
        default:
            guard try a.bool() else { throw a.error("write 'asRegulated: true'") }
            amount = .asRegulated
        }
        return AwardRule(
            amount: amount, citation: try PolicyDecoder.citation(r),
            firstTimeOnly: try r.optional("firstTimeOnly").map { f in
                try f.checkKeys(["clause", "text"])
                return try PolicyDecoder.citation(f)
            },
            rankAndThreshold: try r.optional("rankAndThreshold").map { t in
                try t.checkKeys(["minimumPercent", "maxRank", "clause", "text"])
                return RankAndThreshold(minimumPercent: try t.required("minimumPercent").int(in: 1...100),
                                        maxRank: try t.required("maxRank").int(in: 1...100_000),
                                        citation: try PolicyDecoder.citation(t))
            },
            benefits: try r.list("benefits") { try $0.localized() })
    }

    /// `300万` (up to) or `{minimum: 3万, maximum: 80万}`.
    static func range(_ r: YAMLReader) throws -> MoneyRange {
        guard r.isMapping else { return MoneyRange(minimum: nil, maximum: try r.money()) }
        try r.checkKeys(["minimum", "maximum"])
        let minimum = try r.required("minimum").money()
        let maximum = try r.required("maximum").money()
        guard minimum <= maximum else { throw r.error("minimum \(minimum) is above maximum \(maximum)") }
        return MoneyRange(minimum: minimum, maximum: maximum)
    }
}

/// Reads 001's indicators.
enum TargetDecoder {
    static func indicator(_ r: YAMLReader) throws -> TargetIndicator {
        try r.checkKeys(["id", "name", "unit", "target", "direction", "targetYear", "perYear", "departments",
                         "departmentsBasis", "clause", "text"])
        let target = try r.required("target")
        guard ExactDecimal(try target.string()) != nil else {
            throw target.error("'\(try target.string())' is not a plain decimal number (quote it: \"0.47\")")
        }
        return TargetIndicator(
            id: try PolicyDecoder.identifier(r.required("id")), name: try r.required("name").localized(),
            unit: try r.required("unit").localized(), target: try target.string(),
            direction: try r.required("direction").enumeration(TargetDirection.self),
            targetYear: try r.optional("targetYear")?.int(in: 1900...9999),
            perYear: try r.optional("perYear")?.bool() ?? false,
            departments: try r.list("departments") { try $0.localized() },
            departmentsBasis: try r.required("departmentsBasis").enumeration(DepartmentsBasis.self),
            citation: try PolicyDecoder.citation(r))
    }
}
