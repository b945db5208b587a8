import QualityRules

/// The kinds of registry file QualityCity imports, each with a documented CSV layout
/// (`docs/registry-import.md`) and a table `registry_<kind>` holding what the registry said.
public enum RegistryKind: String, CaseIterable, Sendable, Codable {
    case registrations
    case certifications
    case taxes
    case events
    case patents
    case standards
    case secretariats
    case trademarks
    case awards
    case labs
    case projects
    /// Chief quality officer, full-time quality staff and declared management practices.
    case quality
    case professionalTitles = "professional-titles"

    public var table: String { "registry_" + rawValue.replacingOccurrences(of: "-", with: "_") }

    public var layout: RegistryLayout { RegistryLayout.all[self]! }
}

/// One column of a registry file: its header (English, or the Chinese alias), what it holds, and whether
/// a row may leave it empty.
public struct RegistryField: Sendable {
    public let column: String
    public let header: LocalizedText
    public let type: FieldType
    public let required: Bool

    init(_ column: String, _ zh: String, _ type: FieldType, required: Bool = false) {
        self.column = column
        self.header = LocalizedText(zh: zh, en: column)
        self.type = type
        self.required = required
    }
}

public enum FieldType: Sendable {
    case creditCode
    /// Six digits (行政区划代码).
    case divisionCode
    /// GB/T 4754-2017: a section letter A–T, optionally two to four digits.
    case industryCode
    case text(maxLength: Int)
    /// `YYYY-MM-DD`, a day that exists.
    case date
    case year
    /// Yuan in the file ("35000000", "12.50", "1,200"); integer fen in the table.
    case money
    case integer(ClosedRange<Int>)
    /// true/false, 1/0, 是/否, yes/no.
    case boolean
    /// One of the vocabulary's values, by its name or its Chinese label; stored as the name.
    case choice([String: String])
    /// Several, separated by `;` or `；`.
    case choices([String: String])
}

/// A field's value once read: what the table stores.
public enum RegistryValue: Sendable, Hashable {
    case null
    case text(String)
    case integer(Int64)
    case boolean(Bool)

    public var text: String? { if case .text(let value) = self { value } else { nil } }
    public var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
    public var boolean: Bool? { if case .boolean(let value) = self { value } else { nil } }
}

/// What a file of one kind must look like, and which fields name a record (its natural key: a re-import
/// of the same record updates it rather than adding another).
public struct RegistryLayout: Sendable {
    public let kind: RegistryKind
    public let fields: [RegistryField]
    public let key: [String]
    public let example: [String]

    /// Built once: the import asks for a layout for every row.
    static let all: [RegistryKind: RegistryLayout] = Dictionary(uniqueKeysWithValues: RegistryKind.allCases.map { ($0, of($0)) })

    static func of(_ kind: RegistryKind) -> RegistryLayout {
        let code = RegistryField("credit_code", "统一社会信用代码", .creditCode, required: true)
        switch kind {
        case .registrations:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("name", "企业名称", .text(maxLength: 200), required: true),
                RegistryField("division_code", "行政区划代码", .divisionCode),
                RegistryField("city", "城市", .text(maxLength: 40)),
                RegistryField("district", "区县", .text(maxLength: 40)),
                RegistryField("registered_on", "成立日期", .date, required: true),
                RegistryField("legal_form", "组织形式", .choice(vocabulary(LegalForm.self)), required: true),
                RegistryField("industry_code", "国民经济行业代码", .industryCode, required: true),
                RegistryField("operating_status", "登记状态", .choice(vocabulary(OperatingStatus.self)), required: true),
            ], key: ["credit_code"], example: ["91440300MA5QC0001E", "深圳市鹏程精密制造有限公司", "440305", "深圳市", "南山区",
                                                "2010-03-15", "legalPerson", "C3981", "active"])
        case .certifications:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("type", "认证类型", .choice(vocabulary(CertificationType.self)), required: true),
                RegistryField("number", "证书编号", .text(maxLength: 100), required: true),
                RegistryField("issuer", "发证机构", .text(maxLength: 200)),
                RegistryField("valid_from", "发证日期", .date, required: true),
                RegistryField("valid_to", "有效期至", .date),
            ], key: ["type", "number"], example: ["91440300MA5QC0001E", "iso9001", "00122Q30001R5L", "中国质量认证中心",
                                                  "2022-01-01", "2025-12-31"])
        case .taxes:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("year", "纳税年度", .year, required: true),
                RegistryField("amount", "纳税总额（元）", .money, required: true),
            ], key: ["year"], example: ["91440300MA5QC0001E", "2023", "15000000.00"])
        case .events:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("date", "日期", .date, required: true),
                RegistryField("kind", "类别", .choice(vocabulary(EventKind.self)), required: true),
                RegistryField("area", "领域", .choice(vocabulary(EventArea.self)), required: true),
                RegistryField("severity", "严重程度", .choice(vocabulary(Severity.self)), required: true),
                RegistryField("outcome", "结果", .choice(vocabulary(EventOutcome.self)), required: true),
                RegistryField("level", "实施机关层级", .choice(vocabulary(AdministrativeLevel.self)), required: true),
                RegistryField("reference", "文书编号", .text(maxLength: 200)),
                RegistryField("note", "备注", .text(maxLength: 500)),
            ], key: ["reference"], example: ["91440300MA5QC0001E", "2022-03-01", "penalty", "marketOrder", "general", "decided",
                                             "municipal", "深市监罚〔2022〕12号", "虚假宣传"])
        case .patents:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("number", "专利号", .text(maxLength: 100), required: true),
                RegistryField("kind", "专利类型", .choice(vocabulary(PatentKind.self)), required: true),
                RegistryField("jurisdiction", "授权国别", .choice(vocabulary(Jurisdiction.self)), required: true),
                RegistryField("granted_on", "授权日期", .date, required: true),
            ], key: ["number"], example: ["91440300MA5QC0001E", "ZL202010001234.5", "invention", "domestic", "2021-01-10"])
        case .standards:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("number", "标准编号", .text(maxLength: 100), required: true),
                RegistryField("level", "标准层级", .choice(vocabulary(StandardLevel.self)), required: true),
                RegistryField("role", "起草角色", .choice(vocabulary(DraftingRole.self)), required: true),
                RegistryField("published_on", "发布日期", .date, required: true),
            ], key: ["number"], example: ["91440300MA5QC0001E", "GB/T 41001-2021", "national", "participant", "2021-05-01"])
        case .secretariats:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("committee", "技术委员会", .text(maxLength: 100), required: true),
                RegistryField("level", "层级", .choice(vocabulary(AdministrativeLevel.self)), required: true),
                RegistryField("joint", "联合承担", .boolean, required: true),
                RegistryField("since", "承担起始日期", .date),
                RegistryField("until", "承担终止日期", .date),
            ], key: ["committee"], example: ["91440300MA5QC0001E", "SAC/TC 46/SC 2", "national", "false", "2019-01-01", ""])
        case .trademarks:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("number", "注册号", .text(maxLength: 100), required: true),
                RegistryField("jurisdiction", "注册国别", .choice(vocabulary(Jurisdiction.self)), required: true),
                RegistryField("registered_on", "注册日期", .date, required: true),
            ], key: ["jurisdiction", "number"], example: ["91440300MA5QC0001E", "12345678", "domestic", "2015-01-01"])
        case .awards:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("kind", "荣誉类别", .choice(vocabulary(AwardKind.self)), required: true),
                RegistryField("name", "荣誉名称", .text(maxLength: 200)),
                RegistryField("level", "授予层级", .choice(vocabulary(AdministrativeLevel.self)), required: true),
                RegistryField("year", "年度", .year, required: true),
                RegistryField("date", "授予日期", .date),
            ], key: ["kind", "year", "name"], example: ["91440300MA5QC0001E", "governmentQualityAward", "江门市政府质量奖",
                                                        "municipal", "2020", ""])
        case .labs:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("name", "检验室名称", .text(maxLength: 200), required: true),
                RegistryField("independent", "独立检验室", .boolean, required: true),
                RegistryField("cnas", "CNAS认可", .boolean, required: true),
            ], key: ["name"], example: ["91440300MA5QC0001E", "中心检验室", "true", "true"])
        case .projects:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("name", "项目名称", .text(maxLength: 200), required: true),
                RegistryField("level", "立项层级", .choice(vocabulary(AdministrativeLevel.self)), required: true),
                RegistryField("kind", "项目类别", .choice(vocabulary(ProjectKind.self)), required: true),
                RegistryField("year", "立项年度", .year, required: true),
            ], key: ["name", "year"], example: ["91440300MA5QC0001E", "高效电机质量攻关", "municipal", "scienceTechnology", "2020"])
        case .quality:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("cqo_appointed", "已任命首席质量官", .boolean, required: true),
                RegistryField("cqo_trained", "首席质量官持培训证书", .boolean, required: true),
                RegistryField("quality_staff", "专职质量管理人员数", .integer(0...100_000), required: true),
                RegistryField("practices", "管理实践", .choices(vocabulary(ManagementPractice.self))),
            ], key: [], example: ["91440300MA5QC0001E", "true", "true", "3", "qualityOrganization;qmsOperating"])
        case .professionalTitles:
            return RegistryLayout(kind: kind, fields: [
                code,
                RegistryField("field", "专业", .choice(vocabulary(TitleField.self)), required: true),
                RegistryField("level", "职称等级", .choice(vocabulary(TitleLevel.self)), required: true),
                RegistryField("people", "人数", .integer(0...100_000), required: true),
            ], key: ["field", "level"], example: ["91440300MA5QC0001E", "quality", "intermediate", "4"])
        }
    }

    /// Accepted spellings of a vocabulary: each value's name and its Chinese label.
    static func vocabulary<T: RawRepresentable & CaseIterable & Labelled>(_ type: T.Type) -> [String: String] where T.RawValue == String {
        var accepted: [String: String] = [:]
        for value in T.allCases {
            accepted[value.rawValue] = value.rawValue
            accepted[value.label.zh] = value.rawValue
        }
        return accepted
    }

    public func field(_ column: String) -> RegistryField? { fields.first { $0.column == column } }
    public func index(of column: String) -> Int? { fields.firstIndex { $0.column == column } }
}
