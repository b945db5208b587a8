import Foundation

/// One thing wrong with a facts document: where (a JSON path such as `$.events[2].date`) and what.
public struct FactsProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var message: LocalizedText

    public var description: String { "\(path): \(message.en)" }
}

/// Facts refused, with every problem found (not just the first), so the submitter can fix them in one go.
public struct FactsValidationError: Error, Sendable, Hashable {
    public var problems: [FactsProblem]
}

extension EnterpriseFacts {
    /// Checks a facts document against the schema, then the things a schema cannot say (check digits, dates
    /// that exist, periods that end after they start), and decodes it. All problems are reported together.
    public static func validate(data: Data) -> Result<EnterpriseFacts, FactsValidationError> {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: Array(data))
        } catch {
            return .failure(FactsValidationError(problems: [FactsProblem(path: "$", message: LocalizedText(
                zh: "不是有效的 JSON 文档", en: "Not a valid JSON document"))]))
        }
        var problems: [FactsProblem] = []
        SchemaValidator(problems: { problems.append($0) }).check(value, against: FactsSchema.root, at: "$")
        guard problems.isEmpty else { return .failure(FactsValidationError(problems: problems.sorted { $0.path < $1.path })) }
        let facts: EnterpriseFacts
        do {
            facts = try JSONDecoder().decode(EnterpriseFacts.self, from: data)
        } catch {
            return .failure(FactsValidationError(problems: [FactsProblem(path: "$", message: LocalizedText(
                zh: "无法读取：\(error)", en: "Cannot be read: \(error)"))]))
        }
        problems = facts.consistencyProblems()
        return problems.isEmpty ? .success(facts) : .failure(FactsValidationError(problems: problems))
    }

    /// Periods that end before they start, a tax year given twice, negative amounts built in code.
    public func consistencyProblems() -> [FactsProblem] {
        var problems: [FactsProblem] = []
        func add(_ path: String, _ zh: String, _ en: String) {
            problems.append(FactsProblem(path: path, message: LocalizedText(zh: zh, en: en)))
        }
        for (i, c) in certifications.enumerated() {
            if let end = c.validTo, end < c.validFrom {
                add("$.certifications[\(i)].validTo", "有效期截止日 \(end.iso) 早于起始日 \(c.validFrom.iso)", "validTo \(end.iso) is before validFrom \(c.validFrom.iso)")
            }
        }
        var taxYears = Set<Int>()
        for (i, t) in taxes.enumerated() {
            if !taxYears.insert(t.year).inserted { add("$.taxes[\(i)].year", "\(t.year) 年纳税额重复填写", "Tax for \(t.year) is given twice") }
            if t.amount.fen < 0 { add("$.taxes[\(i)].amount", "金额不能为负数", "The amount cannot be negative") }
        }
        for (i, s) in secretariats.enumerated() {
            if let since = s.since, let until = s.until, until < since {
                add("$.secretariats[\(i)].until", "终止日 \(until.iso) 早于起始日 \(since.iso)", "until \(until.iso) is before since \(since.iso)")
            }
        }
        for (i, t) in history.titles.enumerated() {
            if let end = t.validTo, end < t.grantedOn { add("$.history.titles[\(i)].validTo", "有效期截止日早于授予日", "validTo is before grantedOn") }
            if let revoked = t.revokedOn, revoked < t.grantedOn { add("$.history.titles[\(i)].revokedOn", "取消日早于授予日", "revokedOn is before grantedOn") }
            if let ended = t.terminatedOn, ended < t.grantedOn { add("$.history.titles[\(i)].terminatedOn", "终止日早于授予日", "terminatedOn is before grantedOn") }
        }
        for (i, g) in history.grants.enumerated() where g.amount.fen < 0 {
            add("$.history.grants[\(i)].amount", "金额不能为负数", "The amount cannot be negative")
        }
        for (i, p) in staff.professionalTitles.enumerated() where p.count < 0 {
            add("$.staff.professionalTitles[\(i)].count", "人数不能为负数", "The count cannot be negative")
        }
        if staff.fullTimeQualityStaff < 0 { add("$.staff.fullTimeQualityStaff", "人数不能为负数", "The count cannot be negative") }
        return problems
    }
}

/// Walks a JSON value against a `JSONSchema`, reporting every mismatch.
struct SchemaValidator {
    let problems: (FactsProblem) -> Void

    func report(_ path: String, _ zh: String, _ en: String) {
        problems(FactsProblem(path: path, message: LocalizedText(zh: zh, en: en)))
    }

    func check(_ value: JSONValue, against schema: JSONSchema, at path: String) {
        switch schema {
        case .ref(let name):
            guard let target = FactsSchema.definitionIndex[name] else { return report(path, "未知的定义 \(name)", "Unknown definition \(name)") }
            check(value, against: target, at: path)

        case .object(_, let properties, let required):
            guard case .object(let members) = value else { return wrongType(value, "对象", "an object", path) }
            let known = Dictionary(uniqueKeysWithValues: properties)
            for key in members.keys.sorted() where known[key] == nil {
                report("\(path).\(key)", "未知字段“\(key)”", "Unknown field '\(key)'")
            }
            for key in required where members[key] == nil || { if case .null = members[key]! { true } else { false } }() {
                report("\(path).\(key)", "缺少必填字段“\(key)”", "Missing required field '\(key)'")
            }
            for (key, child) in properties {
                if let member = members[key], !isNull(member) { check(member, against: child, at: "\(path).\(key)") }
            }

        case .array(let items, _):
            guard case .array(let elements) = value else { return wrongType(value, "列表", "a list", path) }
            for (index, element) in elements.enumerated() { check(element, against: items, at: "\(path)[\(index)]") }

        case .string(_, let pattern, let format, let values):
            guard case .string(let text) = value else { return wrongType(value, "文本", "text", path) }
            if let values, !values.contains(text) {
                report(path, "“\(text)”不是允许的取值（\(values.joined(separator: "、"))）", "'\(text)' is not one of: \(values.joined(separator: ", "))")
            }
            switch format {
            case "date":
                if CalendarDate(iso: text) == nil {
                    report(path, "“\(text)”不是存在的日期（格式 YYYY-MM-DD）", "'\(text)' is not a date that exists (YYYY-MM-DD)")
                }
            case "credit-code":
                if case .failure(let problem) = CreditCode.validate(text) { problems(FactsProblem(path: path, message: problem.message)) }
            default:
                if let pattern, text.range(of: pattern, options: .regularExpression) == nil {
                    report(path, "“\(text)”格式不正确", "'\(text)' does not have the required form (\(pattern))")
                }
            }
            if text.trimmingCharacters(in: .whitespaces).isEmpty { report(path, "不能为空", "Cannot be empty") }

        case .integer(_, let minimum, let maximum):
            guard case .int(let number) = value else {
                if case .double = value {
                    return report(path, "须为整数（金额以分为单位，不能有小数）", "Must be a whole number (amounts are in whole fen)")
                }
                return wrongType(value, "整数", "a whole number", path)
            }
            if let minimum, number < minimum {
                report(path, minimum == 0 ? "不能为负数" : "不能小于 \(minimum)", minimum == 0 ? "Cannot be negative" : "Cannot be less than \(minimum)")
            }
            if let maximum, number > maximum { report(path, "不能大于 \(maximum)", "Cannot be more than \(maximum)") }

        case .boolean:
            guard case .bool = value else { return wrongType(value, "true 或 false", "true or false", path) }
        }
    }

    private func isNull(_ value: JSONValue) -> Bool { if case .null = value { true } else { false } }

    private func wrongType(_ value: JSONValue, _ zh: String, _ en: String, _ path: String) {
        report(path, "应为\(zh)", "Should be \(en), not \(value.typeName)")
    }
}
