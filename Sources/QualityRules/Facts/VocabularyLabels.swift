/// How each value of the facts vocabulary reads in an explanation, zh-CN first. One table, so that the
/// words an enterprise reads stay consistent with the glossary.
public protocol Labelled {
    var label: LocalizedText { get }
}

private func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

extension LegalForm: Labelled {
    public var label: LocalizedText {
        switch self {
        case .legalPerson: t("法人企业", "legal-person enterprise")
        case .branch: t("分支机构", "branch")
        case .nationalSystemBranch: t("全国系统分公司负责人制单位", "branch of a national system under a responsible-person system")
        case .partnership: t("合伙企业", "partnership")
        case .soleProprietorship: t("个人独资企业", "sole proprietorship")
        case .individualBusiness: t("个体工商户", "individual business")
        case .publicInstitution: t("事业单位", "public institution")
        case .socialOrganization: t("社会组织", "social organisation")
        case .other: t("其他组织形式", "other legal form")
        }
    }
}

extension OperatingStatus: Labelled {
    public var label: LocalizedText {
        switch self {
        case .active: t("存续", "active")
        case .suspended: t("歇业", "suspended")
        case .revoked: t("吊销", "licence revoked")
        case .deregistered: t("注销", "deregistered")
        }
    }
}

extension CertificationType: Labelled {
    public var label: LocalizedText {
        switch self {
        case .iso9001: t("ISO 9001 质量管理体系认证", "ISO 9001 quality management certification")
        case .iatf16949: t("IATF 16949 汽车质量管理体系认证", "IATF 16949 automotive QMS certification")
        case .as9100: t("AS9100 航空航天质量管理体系认证", "AS9100 aerospace QMS certification")
        case .tl9000: t("TL 9000 电信质量管理体系认证", "TL 9000 telecom QMS certification")
        case .iso13485: t("ISO 13485 医疗器械质量管理体系认证", "ISO 13485 medical devices QMS certification")
        case .iso22000: t("ISO 22000 食品安全管理体系认证", "ISO 22000 food safety certification")
        case .haccp: t("HACCP 体系认证", "HACCP certification")
        case .gbt50430: t("GB/T 50430 工程建设施工企业质量管理体系认证", "GB/T 50430 construction QMS certification")
        case .measurementManagementSystem: t("测量管理体系认证", "measurement management system certification")
        case .metrologyAssuranceLevel2: t("二级计量保证体系证书", "level-2 metrology assurance certificate")
        case .metrologyCertificationLevel3: t("三级计量认证", "level-3 metrology certification")
        case .iso14001: t("环境管理体系认证", "environmental management certification")
        case .socialResponsibility: t("社会责任体系认证", "social responsibility certification")
        case .iso45001: t("职业健康安全管理体系认证", "occupational health and safety certification")
        case .intellectualPropertyManagement: t("知识产权管理体系认证", "IP management certification")
        case .exportCertification: t("出口发达国家认证证书", "export certification for a developed market")
        case .highTechEnterprise: t("国家高新技术企业证书", "national high-tech enterprise certificate")
        case .greenProduct: t("绿色产品认证", "green product certification")
        case .organicProduct: t("有机产品认证", "organic product certification")
        case .gbaCarbonFootprintLabel: t("粤港澳大湾区碳足迹标识认证", "GBA carbon-footprint label certification")
        case .highEndQuality: t("高端品质认证", "high-end quality certification")
        case .accreditation: t("认可机构认可资质", "accreditation by an accreditation body")
        case .municipalPublicMeasurementStandard: t("市级社会公用计量标准证书", "municipal public measurement standard certificate")
        case .other: t("其他认证", "other certification")
        }
    }
}

extension EventKind: Labelled {
    public var label: LocalizedText {
        switch self {
        case .penalty: t("行政处罚", "administrative penalty")
        case .accident: t("事故", "accident")
        case .complaint: t("投诉", "complaint")
        case .spotCheck: t("监督抽查", "supervisory spot check")
        case .commissionedTest: t("委托检测", "commissioned test")
        case .violationRecord: t("违法违规不良记录", "record of a violation of law")
        }
    }
}

extension EventArea: Labelled {
    public var label: LocalizedText {
        switch self {
        case .quality: t("质量", "quality")
        case .productionSafety: t("安全生产", "production safety")
        case .environment: t("环境", "environment")
        case .energyConservation: t("节能", "energy conservation")
        case .serviceQuality: t("服务质量", "service quality")
        case .labour: t("劳动保障", "labour protection")
        case .marketOrder: t("市场秩序", "market order")
        case .intellectualProperty: t("知识产权", "intellectual property")
        case .other: t("其他", "other")
        }
    }
}

extension Severity: Labelled {
    public var label: LocalizedText {
        switch self {
        case .minor: t("轻微", "minor")
        case .general: t("一般", "ordinary")
        case .serious: t("严重", "serious")
        case .major: t("重大", "major")
        }
    }
}

extension EventOutcome: Labelled {
    public var label: LocalizedText {
        switch self {
        case .passed: t("合格", "passed")
        case .failed: t("不合格", "failed")
        case .substantiated: t("有效", "substantiated")
        case .unsubstantiated: t("无效", "unsubstantiated")
        case .pending: t("处理中", "pending")
        case .decided: t("已决定", "decided")
        }
    }
}

extension AdministrativeLevel: Labelled {
    public var label: LocalizedText {
        switch self {
        case .international: t("国际", "international")
        case .national: t("国家级", "national")
        case .provincial: t("省级", "provincial")
        case .municipal: t("市级", "municipal")
        case .district: t("县（区）级", "district")
        }
    }
}

extension PatentKind: Labelled {
    public var label: LocalizedText {
        switch self {
        case .invention: t("发明专利", "invention patent")
        case .utilityModel: t("实用新型专利", "utility model patent")
        case .design: t("外观设计专利", "design patent")
        }
    }
}

extension Jurisdiction: Labelled {
    public var label: LocalizedText {
        switch self {
        case .domestic: t("中国", "Chinese")
        case .foreign: t("国外", "foreign")
        }
    }
}

extension StandardLevel: Labelled {
    public var label: LocalizedText {
        switch self {
        case .international: t("国际标准", "international standard")
        case .national: t("国家标准", "national standard")
        case .industry: t("行业标准", "industry standard")
        case .local: t("地方标准", "local standard")
        case .group: t("团体标准", "group standard")
        case .enterprise: t("企业标准", "enterprise standard")
        }
    }
}

extension DraftingRole: Labelled {
    public var label: LocalizedText {
        switch self {
        case .lead: t("主导起草", "lead drafter")
        case .participant: t("参加起草", "participating drafter")
        case .assistant: t("协助起草", "assisting drafter")
        }
    }
}

extension AwardKind: Labelled {
    public var label: LocalizedText {
        switch self {
        case .chinaQualityAward: t("中国质量奖", "China Quality Award")
        case .chinaQualityAwardNomination: t("中国质量奖提名奖", "China Quality Award nomination")
        case .guangdongQualityAward: t("广东省政府质量奖", "Guangdong Government Quality Award")
        case .guangdongQualityAwardNomination: t("广东省政府质量奖提名奖", "Guangdong Government Quality Award nomination")
        case .shenzhenMayorQualityAward: t("深圳市市长质量奖", "Shenzhen Mayor's Quality Award")
        case .governmentQualityAward: t("政府质量奖", "government quality award")
        case .shenzhenPremium: t("深圳精品", "Shenzhen Premium")
        case .chinaPremium: t("中国精品", "China Premium")
        case .nationalQualityBrandDemoZone: t("全国质量品牌提升示范区", "national quality-brand improvement demonstration zone")
        case .internationalQcConference: t("国际质量管理小组大会荣誉", "International QC Circle Convention honour")
        case .internationalQualityInnovationCompetition: t("国际质量创新大赛荣誉", "International Quality Innovation Competition honour")
        case .nationalQualityInnovationExchange: t("全国质量创新与技术成果交流活动荣誉", "national quality innovation exchange honour")
        case .metrologyDemonstration: t("计量示范（标杆）项目", "metrology demonstration or benchmark project")
        case .other: t("其他荣誉", "other honour")
        }
    }
}

extension ProjectKind: Labelled {
    public var label: LocalizedText {
        switch self {
        case .scienceTechnology: t("科技项目", "science and technology project")
        case .qualityImprovement: t("质量提升项目", "quality improvement project")
        case .standardization: t("标准化项目", "standardisation project")
        case .metrology: t("计量项目", "metrology project")
        case .other: t("其他项目", "other project")
        }
    }
}

extension TitleField: Labelled {
    public var label: LocalizedText {
        switch self {
        case .standardization: t("标准化", "standardisation")
        case .metrology: t("计量", "metrology")
        case .quality: t("质量", "quality")
        case .specialEquipment: t("特种设备", "special equipment")
        case .other: t("其他", "other")
        }
    }
}

extension TitleLevel: Labelled {
    public var label: LocalizedText {
        switch self {
        case .junior: t("初级", "junior")
        case .intermediate: t("中级", "intermediate")
        case .senior: t("高级", "senior")
        }
    }
}

extension ManagementPractice: Labelled {
    public var label: LocalizedText {
        switch self {
        case .qualityOrganization: t("固定的质量管理组织架构", "a standing quality organisation")
        case .qmsOperating: t("质量管理体系运行规范", "a quality management system run to its rules")
        case .processRecords: t("生产服务过程信息台账", "production and service process records")
        case .traceability: t("产品服务数据库与质量追溯体系", "product database and quality traceability")
        case .workInstructions: t("流程文件与作业指导书", "process documents and work instructions")
        case .inspectionProcedures: t("质量检验制度与异常处理规程", "inspection rules and nonconformity procedures")
        case .riskManagement: t("企业风险管理体系", "an enterprise risk management system")
        case .qmsEffective: t("质量管理体系有效运行并取得实效", "an effective quality management system with results")
        case .excellencePerformanceModel: t("成功导入卓越绩效管理模式", "the performance excellence model introduced")
        }
    }
}
