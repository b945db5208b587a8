/// The rules of the credit grade, each with the clause it rests on or, where the seeds say nothing, the
/// reasoning behind it. `docs/credit-grade.md` is the same table for people; a test keeps them in step.
public struct CreditRule: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// The grade the rule sets when it applies (a positive rule sets A).
    public var grade: CreditGrade
    public var label: LocalizedText
    /// The seed clause, quoted verbatim, when a seed supports the rule.
    public var citation: CitationReference?
    /// Why the rule is as it is, where the seeds leave it to the platform.
    public var reasoning: LocalizedText?
}

public enum CreditRules {
    /// Bumped whenever a rule changes; stored with every grade shown, like a policy file's version.
    public static let version = "credit-grade.1"

    /// "近三年": the look-back of every rule but the violation record, as in 000's exclusions. Both ends
    /// count (see `LookBack`): a record exactly three years old still counts, one a day older does not.
    public static let lookBack = LookBack(years: 3)

    static let doc000 = "深质促进会〔2014〕4号"
    static let doc001 = "深府〔2010〕183号"
    static let doc002 = "江市监规字〔2022〕1号"

    static func cite(_ document: String, _ zh: String, _ en: String, _ text: String) -> CitationReference {
        CitationReference(document: document, citation: Citation(clause: LocalizedText(zh: zh, en: en), text: text))
    }

    /// The whole system: 001 asks for it, without defining grades.
    public static let basis = cite(doc001, "三（三）1．切实强化质量安全监管", "§3(3)1 quality and safety supervision",
                                   "建立质量诚信体系，完善质量诚信档案，建立和完善市民查询企业质量信息的机制。开展质量信用等级评价工作，对企业实行分级分类管理。")

    static let exclusionAccident = cite(doc000, "第二条不得申报情形第一项", "§2 exclusion (1)",
                                        "近三年有重大质量、安全生产事故和重大环境污染事故等或服务质量、劳动保障等有重大有效投诉的；")
    static let exclusionPenalty = cite(doc000, "第二条不得申报情形第二项", "§2 exclusion (2)",
                                       "近三年内在质量安全、节能环保、市场秩序、知识产权等方面受到相关主管部门行政处罚的；")
    static let exclusionSpotCheck = cite(doc000, "第二条不得申报情形第三项", "§2 exclusion (3)",
                                         "近三年国家、省、市监督抽查产品有严重质量问题或存在严重服务质量问题的；")
    static let exclusionViolation = cite(doc000, "第二条不得申报情形第四项", "§2 exclusion (4)", "有其他违反法律法规不良记录的。")
    static let revocation = cite(doc002, "第十二条", "Article 12", "有下列情况之一的，取消江门市企业质量提升创新中心资格，且三年内不得重新申请：")
    static let titleReference = cite(doc000, "第五条第（三）项", "§5(3)", "作为企业定级管理、信用评价的基本参考")
    static let qualityAward = cite(doc001, "三（二）3．实施质量管理进步工程", "§3(2)3 quality management progress programme",
                                   "实施以市长质量奖为载体，以推广卓越绩效模式为核心的质量管理进步工程")

    public static let licenceRevoked = CreditRule(
        id: "licence-revoked", grade: .d,
        label: LocalizedText(zh: "营业执照被吊销", en: "Business licence revoked"),
        reasoning: LocalizedText(zh: "吊销营业执照是对经营者最重的行政处罚，等同于严重失信。",
                                 en: "Revoking the business licence is the heaviest penalty a business can receive; it counts as serious untrustworthiness."))

    public static let majorAccident = CreditRule(
        id: "major-accident", grade: .d,
        label: LocalizedText(zh: "近三年发生重大质量、安全生产或环境污染事故", en: "A major quality, production-safety or pollution accident in the last three years"),
        citation: exclusionAccident,
        reasoning: LocalizedText(zh: "000 将其列为不得申报的首要情形；信用等级取最低一级。",
                                 en: "000 lists it first among the circumstances that bar an application; the grade is the lowest."))

    public static let seriousPenalty = CreditRule(
        id: "serious-penalty", grade: .d,
        label: LocalizedText(zh: "近三年受到严重或重大行政处罚", en: "A serious or major administrative penalty in the last three years"),
        citation: exclusionPenalty,
        reasoning: LocalizedText(zh: "任何方面的行政处罚在 000 中均不得申报；情节严重或重大的，信用等级取最低一级。",
                                 en: "Any penalty in the listed areas bars an application under 000; a serious or major one sets the lowest grade."))

    public static let repeatedSerious = CreditRule(
        id: "repeated-serious", grade: .d,
        label: LocalizedText(zh: "近三年有两项及以上严重不良记录", en: "Two or more serious records in the last three years"),
        reasoning: LocalizedText(zh: "一项严重不良记录为 C 级；屡次发生说明问题未整改，降为 D 级。",
                                 en: "One serious record sets C; a repeat shows the problem was not put right, so the grade falls to D."))

    public static let penalty = CreditRule(
        id: "penalty", grade: .c,
        label: LocalizedText(zh: "近三年在质量安全、节能环保、市场秩序、知识产权等方面受到行政处罚",
                             en: "An administrative penalty on quality and safety, energy and environment, market order or IP in the last three years"),
        citation: exclusionPenalty)

    public static let majorComplaint = CreditRule(
        id: "major-complaint", grade: .c,
        label: LocalizedText(zh: "近三年有重大有效投诉", en: "A major substantiated complaint in the last three years"),
        citation: exclusionAccident)

    public static let seriousSpotCheck = CreditRule(
        id: "serious-spot-check", grade: .c,
        label: LocalizedText(zh: "近三年国家、省、市监督抽查发现严重质量问题", en: "A serious quality problem in a national, provincial or municipal spot check in the last three years"),
        citation: exclusionSpotCheck)

    public static let violationRecord = CreditRule(
        id: "violation-record", grade: .c,
        label: LocalizedText(zh: "有其他违反法律法规不良记录", en: "Another record of violating laws or regulations"),
        citation: exclusionViolation,
        reasoning: LocalizedText(zh: "000 对此项未设年限，故不受三年回溯期限制，与规则引擎的判断一致。",
                                 en: "000 sets no time limit on this one, so the three-year look-back does not apply, as in the rules engine."))

    public static let majorAccidentOther = CreditRule(
        id: "major-accident-other", grade: .c,
        label: LocalizedText(zh: "近三年在其他方面发生重大事故", en: "A major accident of another kind in the last three years"),
        citation: exclusionAccident,
        reasoning: LocalizedText(zh: "000 以“等”列举重大事故；质量、安全生产、环境以外的重大事故按严重不良记录计。",
                                 en: "000 lists major accidents with \"etc.\"; a major accident outside quality, safety and environment counts as a serious record."))

    public static let titleRevoked = CreditRule(
        id: "title-revoked", grade: .c,
        label: LocalizedText(zh: "近三年被取消质量荣誉资格", en: "A quality title revoked in the last three years"),
        citation: revocation,
        reasoning: LocalizedText(zh: "取消资格（弄虚作假、重大事故或投诉、不按要求报告）本身带三年禁止期，信用等级同期为 C 级。",
                                 en: "Revocation (fraud, a major accident or complaint, reports not filed) carries a three-year ban; the grade is C for the same time."))

    public static let repeatedAdverse = CreditRule(
        id: "repeated-adverse", grade: .c,
        label: LocalizedText(zh: "近三年有三项及以上一般不良记录", en: "Three or more minor adverse records in the last three years"),
        reasoning: LocalizedText(zh: "零星的一般问题不影响基本守信；三年内反复出现则列入重点监管。",
                                 en: "An occasional minor problem leaves an enterprise generally trustworthy; repeated ones call for closer supervision."))

    public static let adverse = CreditRule(
        id: "adverse-record", grade: .b,
        label: LocalizedText(zh: "近三年有一般不良记录（抽查不合格、有效投诉、一般事故或其他处罚）",
                             en: "A minor adverse record in the last three years (failed check, substantiated complaint, minor accident, other penalty)"),
        reasoning: LocalizedText(zh: "未达到 000 不得申报情形的不良记录不降至 C 级，但不能评为 A 级。",
                                 en: "Records short of 000's barring circumstances do not lower the grade to C, but rule out A."))

    public static let noPositiveReference = CreditRule(
        id: "no-positive-reference", grade: .b,
        label: LocalizedText(zh: "无不良记录，但未持有有效质量荣誉称号，近三年也未获政府质量奖",
                             en: "A clean record, but no valid quality title and no government quality award in the last three years"),
        reasoning: LocalizedText(zh: "A 级意味着减少监管、优先推荐，需要在无不良记录之外有正面依据。",
                                 en: "A means lighter supervision and priority for honours, so it needs a positive reference besides a clean record."))

    public static let validTitle = CreditRule(
        id: "valid-title", grade: .a,
        label: LocalizedText(zh: "持有有效的质量荣誉称号", en: "Holds a valid quality title"),
        citation: titleReference)

    public static let recentQualityAward = CreditRule(
        id: "quality-award", grade: .a,
        label: LocalizedText(zh: "近三年获得政府质量奖（含提名奖）", en: "A government quality award (or nomination) in the last three years"),
        citation: qualityAward,
        reasoning: LocalizedText(zh: "政府质量奖是卓越绩效的公开认定，与荣誉称号同作正面依据。",
                                 en: "A government quality award publicly recognises excellence; it counts as a positive reference like a title."))

    /// Every rule, worst grade first: the order `docs/credit-grade.md` lists them in.
    public static let all: [CreditRule] = [
        licenceRevoked, majorAccident, seriousPenalty, repeatedSerious,
        penalty, majorComplaint, seriousSpotCheck, violationRecord, majorAccidentOther, titleRevoked, repeatedAdverse,
        adverse, noPositiveReference,
        validTitle, recentQualityAward,
    ]
}
