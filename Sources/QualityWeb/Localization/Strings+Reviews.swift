import QualityRules
import QualityStorage

extension Strings {
    enum Reviews {
        static let title = T(zh: "评审任务", en: "My reviews")
        static let notFound = T(zh: "找不到该评审任务", en: "No such review seat")
        static let notInPool = T(zh: "您的账号尚未列入专家库，请联系秘书处", en: "Your account is not in the expert pool; contact the secretariat")
        static let noRubric = T(zh: "本次申报尚无评分标准，请秘书处先确定评分标准", en: "This call has no scoring rubric yet; the secretariat must set one first")
        static let nothingToDraw = T(zh: "没有待专家评审的申报（需先通过资格审核，000 项目还需完成现场评审）",
                                     en: "No application is ready for the experts (it must pass eligibility, and for 000 the on-site review)")
        static let alreadyDeclared = T(zh: "已作出利益冲突声明", en: "You have already declared")
        static let declareFirst = T(zh: "请先声明是否存在利益冲突", en: "Declare first whether you have a conflict of interest")
        static let alreadySubmitted = T(zh: "评分已提交，不能修改", en: "Your scores are submitted and final")
        static let closed = T(zh: "该申报的专家评审已结束", en: "The expert review of this application is over")
        static let conflictReasonRequired = T(zh: "请说明利益冲突的情形", en: "Describe the conflict of interest")
        static let opinionRequired = T(zh: "请填写总体评审意见", en: "Write an overall opinion")
        static let declareTitle = T(zh: "利益冲突声明", en: "Conflict of interest")
        static let declareText = T(zh: "查看申报材料前，请声明您与该企业是否存在任职、投资、亲属、业务往来等利益关系。存在利益冲突的，须回避。",
                                   en: "Before you see the application, declare whether you have any tie to the enterprise (employment, investment, family, business). If you do, you must stand down.")
        static let noConflict = T(zh: "本人与该企业不存在利益冲突", en: "I have no conflict of interest")
        static let haveConflict = T(zh: "存在利益冲突，申请回避", en: "I have a conflict and stand down")
        static let conflictReasonLabel = T(zh: "冲突情形（回避时必填）", en: "The conflict (required to stand down)")
        static let scoreTitle = T(zh: "评分", en: "Scores")
        static let objective = T(zh: "规则引擎客观分", en: "Engine's objective score")
        static let justification = T(zh: "评分理由", en: "Justification")
        static let opinion = T(zh: "总体评审意见", en: "Overall opinion")
        static let submit = T(zh: "提交评分（提交后不可修改）", en: "Submit scores (final)")
        static let othersAfterSubmit = T(zh: "提交评分后方可查看其他专家的评分。", en: "Other experts' scores show once you have submitted yours.")
        static let panelScores = T(zh: "评审组评分", en: "The panel's scores")
        static let expert = T(zh: "专家", en: "Expert")
        static let total = T(zh: "合计", en: "Total")
        static let status = T(zh: "状态", en: "Status")
        static let none = T(zh: "暂无评审任务。", en: "No review seats.")

        static func status(_ status: AssignmentStatus) -> T {
            switch status {
            case .assigned: T(zh: "待声明", en: "To declare")
            case .accepted: T(zh: "评分中", en: "Scoring")
            case .recused: T(zh: "已回避", en: "Stood down")
            case .submitted: T(zh: "已提交", en: "Submitted")
            }
        }

        static func notReadyToDraw(_ stage: CallStage) -> T {
            T(zh: "申报通知处于“\(Strings.Calls.stage(stage).zh)”阶段，不能抽取专家", en: "The call is at “\(Strings.Calls.stage(stage).en)”; no panel can be drawn")
        }

        static func notEnoughExperts(_ names: [String], size: Int) -> T {
            T(zh: "专家库中无利益冲突的专家不足 \(size) 名，无法为以下企业组成评审组：\(names.joined(separator: "、"))。请补充专家后重试，本次未做任何更改。",
              en: "Fewer than \(size) unconflicted experts for: \(names.joined(separator: ", ")). Add experts to the pool and try again; nothing was changed.")
        }

        static func drawReason(seed: UInt64, size: Int) -> T {
            T(zh: "随机抽取 \(size) 名无利益冲突专家（随机种子 \(seed)）", en: "\(size) unconflicted experts drawn at random (seed \(seed))")
        }

        static func conflictReason(_ conflict: PanelDraw.Conflict) -> T {
            switch conflict {
            case .sameEnterprise: T(zh: "专家任职于申报企业", en: "The expert works for the applicant")
            case .declaredRelationship: T(zh: "专家事先申报与该企业存在关联", en: "The expert declared a relationship with the applicant")
            case .sameAffiliation: T(zh: "专家所在单位即申报企业", en: "The expert's organisation is the applicant")
            }
        }

        static func badPoints(_ name: LocalizedText, maximum: Int) -> T {
            T(zh: "“\(name.zh)”的得分应为 0 至 \(Points(hundredths: maximum)) 之间的数，最多两位小数",
              en: "“\(name.en)” takes a number from 0 to \(Points(hundredths: maximum)), at most two decimals")
        }

        static func aboveMaximum(_ name: LocalizedText, maximum: Int) -> T {
            T(zh: "“\(name.zh)”最高 \(Points(hundredths: maximum)) 分", en: "“\(name.en)” has at most \(Points(hundredths: maximum)) points")
        }

        static func justificationRequired(_ name: LocalizedText) -> T {
            T(zh: "请填写“\(name.zh)”的评分理由", en: "Justify the score for “\(name.en)”")
        }

        static func scoredReason(aggregate: Int, totals: [Int], method: ScoreAggregate) -> T {
            let list = totals.map { Points(hundredths: $0).description }.joined(separator: ", ")
            let how = method == .trimmedMean ? T(zh: "去掉最高最低分后平均", en: "trimmed mean") : T(zh: "平均", en: "mean")
            return T(zh: "专家评分 \(list)，\(how.zh) \(Points(hundredths: aggregate)) 分", en: "Expert totals \(list); \(how.en) \(Points(hundredths: aggregate))")
        }
    }
}

extension Strings.Inbox {
    static func panelAssigned(_ call: LocalizedText) -> Message {
        (T(zh: "新的评审任务", en: "A new review seat"),
         T(zh: "您被抽取为“\(call.zh)”的评审专家，请先声明利益冲突，再进行评分。", en: "You were drawn for “\(call.en)”; declare any conflict of interest, then score."))
    }

    static func noReplacement(_ call: LocalizedText, _ enterprise: String) -> Message {
        (T(zh: "评审组缺少专家", en: "A panel is short of an expert"),
         T(zh: "“\(call.zh)”中 \(enterprise) 的评审专家回避后，专家库中已无可递补的专家，请补充专家。",
           en: "An expert stood down from \(enterprise) in “\(call.en)” and no one in the pool can replace them; add experts."))
    }
}

extension Strings.Reviews {
    static let readApplication = T(zh: "查看申报表、材料及规则引擎判定", en: "Read the application, its materials and the engine's findings")
}
