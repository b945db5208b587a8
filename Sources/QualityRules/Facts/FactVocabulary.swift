/// The closed vocabularies of `EnterpriseFacts`. Rules may only test these values, which is what lets the
/// matching fast path (issue 8) turn every condition into a comparison on a column of small integers.
/// `docs/facts.md` explains each value; the JSON schema lists them as enums.

public enum LegalForm: String, Sendable, Codable, CaseIterable {
    /// 具有法人资格的企业.
    case legalPerson
    /// 分公司 / 分支机构 without legal personality.
    case branch
    /// 全国系统深圳分公司负责人制单位: a branch of a national system run under a responsible-person system.
    case nationalSystemBranch
    case partnership
    case soleProprietorship
    /// 个体工商户.
    case individualBusiness
    /// 事业单位、社会组织 and the like, which some grants (004) also fund.
    case publicInstitution
    case socialOrganization
    case other
}

public enum OperatingStatus: String, Sendable, Codable, CaseIterable {
    /// 存续 / 在业.
    case active
    /// 歇业.
    case suspended
    /// 吊销.
    case revoked
    /// 注销.
    case deregistered
}

public enum CertificationType: String, Sendable, Codable, CaseIterable {
    // Quality management systems (000 clause 2(3): "ISO9001质量体系认证或其他相关行业体系认证").
    case iso9001, iatf16949, as9100, tl9000, iso13485, iso22000, haccp, gbt50430
    // Metrology (002 annex indicator 1).
    /// 测量管理体系认证 (ISO 10012 / GB/T 19022).
    case measurementManagementSystem
    /// 二级计量保证体系.
    case metrologyAssuranceLevel2
    /// 三级计量认证.
    case metrologyCertificationLevel3
    // Other management systems (002 annex indicator 9).
    case iso14001
    /// 社会责任体系 (SA8000 and equivalents).
    case socialResponsibility
    case iso45001
    /// 知识产权管理体系 (GB/T 29490).
    case intellectualPropertyManagement
    /// 出口发达国家的出口认证证书 (CE, UL, …).
    case exportCertification
    /// 国家高新技术企业.
    case highTechEnterprise
    // Grants (003, 004).
    case greenProduct
    case organicProduct
    /// 粤港澳大湾区碳足迹标识认证.
    case gbaCarbonFootprintLabel
    /// 高端品质认证 (前沿高端品质认证, "湾区认证" and the like).
    case highEndQuality
    /// A national or international accreditation (CNAS, A2LA, UKAS …) held by the enterprise's lab or body.
    case accreditation
    /// 市级社会公用计量标准证书.
    case municipalPublicMeasurementStandard
    case other
}

public enum EventKind: String, Sendable, Codable, CaseIterable {
    /// 行政处罚.
    case penalty
    /// 质量、安全生产、环境污染等事故.
    case accident
    /// 投诉.
    case complaint
    /// 监督抽查 / 质量抽查 / 执法监督抽查.
    case spotCheck
    /// 委托检测 by a provincial-level or higher testing body (stands in for a spot check, 002 indicator 7).
    case commissionedTest
    /// Any other recorded violation of law (失信、违法记录) not covered above.
    case violationRecord
}

public enum EventArea: String, Sendable, Codable, CaseIterable {
    /// 质量 / 产品质量.
    case quality
    /// 安全生产.
    case productionSafety
    /// 环境.
    case environment
    /// 节能.
    case energyConservation
    /// 服务质量.
    case serviceQuality
    /// 劳动保障.
    case labour
    /// 市场秩序.
    case marketOrder
    /// 知识产权.
    case intellectualProperty
    case other
}

/// Ordered from least to most severe.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case minor, general, serious, major

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum EventOutcome: String, Sendable, Codable, CaseIterable {
    /// A spot check or test the product passed.
    case passed
    /// 不合格.
    case failed
    /// 有效投诉: a complaint found to be founded.
    case substantiated
    case unsubstantiated
    case pending
    /// A decision taken (a penalty imposed, an accident determined).
    case decided
}

/// The administrative level of whoever ran a check, granted an award or issued a standard.
public enum AdministrativeLevel: String, Sendable, Codable, CaseIterable {
    case international, national, provincial, municipal, district
}

public enum PatentKind: String, Sendable, Codable, CaseIterable {
    case invention, utilityModel, design
}

/// Chinese (the CNIPA) or granted abroad; the rubric scores them differently.
public enum Jurisdiction: String, Sendable, Codable, CaseIterable {
    case domestic, foreign
}

public enum StandardLevel: String, Sendable, Codable, CaseIterable {
    case international, national, industry, local, group, enterprise
}

public enum DraftingRole: String, Sendable, Codable, CaseIterable {
    /// 主导 / 牵头起草.
    case lead
    /// 参加起草.
    case participant
    /// 协助起草.
    case assistant
}

public enum AwardKind: String, Sendable, Codable, CaseIterable {
    case chinaQualityAward
    case chinaQualityAwardNomination
    case guangdongQualityAward
    case guangdongQualityAwardNomination
    case shenzhenMayorQualityAward
    /// Any other government quality award (市、县（区）质量奖 …); its `level` says whose.
    case governmentQualityAward
    /// 深圳精品.
    case shenzhenPremium
    /// 中国精品.
    case chinaPremium
    /// 全国质量品牌提升示范区.
    case nationalQualityBrandDemoZone
    /// 国际质量管理小组大会 honour.
    case internationalQcConference
    /// 国际质量创新大赛 honour.
    case internationalQualityInnovationCompetition
    /// 全国质量创新与技术成果交流活动 honour.
    case nationalQualityInnovationExchange
    /// 全国能源资源计量服务示范项目 / 工业企业计量标杆示范项目.
    case metrologyDemonstration
    case other
}

public enum ProjectKind: String, Sendable, Codable, CaseIterable {
    /// 科技项目 confirmed by a science and technology department.
    case scienceTechnology
    case qualityImprovement
    case standardization
    case metrology
    case other
}

public enum TitleField: String, Sendable, Codable, CaseIterable {
    case standardization, metrology, quality, specialEquipment, other
}

public enum TitleLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case junior, intermediate, senior

    public static func < (lhs: TitleLevel, rhs: TitleLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Management practices an enterprise declares and supports with documents (002 indicators 6 and 9).
public enum ManagementPractice: String, Sendable, Codable, CaseIterable {
    /// 固定的质量管理组织架构.
    case qualityOrganization
    /// 质量管理体系并运行规范.
    case qmsOperating
    /// 生产服务过程信息台账.
    case processRecords
    /// 产品服务数据库与质量信息追溯体系.
    case traceability
    /// 流程文件与作业指导书.
    case workInstructions
    /// 质量检验制度与质量异常处理规程.
    case inspectionProcedures
    /// 企业风险管理体系.
    case riskManagement
    /// 采用合适的质量管理体系，有效运行并取得实际效果.
    case qmsEffective
    /// 成功导入卓越绩效管理模式.
    case excellencePerformanceModel
}

public enum Finding: String, Sendable, Codable, CaseIterable {
    case met, notMet
}
