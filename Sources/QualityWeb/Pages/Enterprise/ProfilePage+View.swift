import Foundation
import Plot
import QualityRules
import QualityStorage

extension ProfilePage {
    static func render(context: PageContext, model: Model) -> String {
        Layout.page(
            context, title: Strings.Profile.title,
            .unwrap(model.notice) { .div(.class("notice ok"), .attribute(named: "role", value: "status"), .id("notice"), .text(context.t($0))) },
            refusalSummary(context, model),
            verdictsSection(context, model),
            registrationSection(context, model),
            contactSection(context, model),
            workbookSection(context, model),
            factsSections(context, model),
            evidenceSection(context, model)
        )
    }

    /// After an update: what the engine now says for each open call.
    static func verdictsSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .unwrap(model.verdicts) { verdicts in
            .section(
                .id("verdicts"),
                .p(.text(context.t(Strings.Profile.updated(model.factsVersion)))),
                verdicts.isEmpty ? .p(.text(context.t(Strings.Profile.noOpenCalls))) : .ul(.forEach(verdicts) { verdict in
                    .li(.a(.href(attr(SiteURL.call(.value(verdict.callID)).path)), .text(context.t(verdict.title))),
                        .unwrap(verdict.assessment) { assessment in
                            .group(.text(" · "),
                                   .span(.class("verdict-\(assessment.verdict.rawValue)"),
                                         .strong(.text(context.t(Strings.Verdicts.name(assessment.verdict.rawValue))))),
                                   .text("：" + context.t(assessment.summary)))
                        })
                }),
                .p(.a(.href(attr(SiteURL.enterpriseHome.path)), .text(context.t(Strings.Profile.backToEnterprise))))
            )
        }
    }

    static func registrationSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let C = Strings.FactsWorkbook.Columns.self
        let registration = model.facts?.registration
        let rows: [(LocalizedText, String)] = [
            (C.name, model.name),
            (C.creditCode, model.creditCode),
            (C.city, model.city),
            (C.district, model.district),
            (C.divisionCode, registration?.effectiveDivisionCode ?? ""),
            (C.registeredOn, registration?.registeredOn.iso ?? ""),
            (C.legalForm, registration.map { context.t($0.legalForm.label) } ?? ""),
            (C.industryCode, registration?.industryCode ?? ""),
            (C.operatingStatus, registration.map { context.t($0.operatingStatus.label) } ?? ""),
            (Strings.Profile.factsVersion, String(model.factsVersion)),
        ]
        return .section(
            .id("registration"),
            .h2(.text(context.t(Strings.Profile.registration))),
            .if(model.facts == nil, .div(.class("notice error"), .text(context.t(Strings.Profile.factsUnreadable)))),
            .dl(.class("facts"), .forEach(rows) { row in
                .group(.dt(.text(context.t(row.0))), .dd(.text(row.1.isEmpty ? "—" : row.1)))
            }),
            .unwrap(model.lastUpdate) { update in
                .p(.class("muted"), .id("last-update"),
                   .text("\(context.t(Strings.Profile.lastUpdate))：\(Formatting.dateTime(update.at)) · \(update.by) · \(update.summary)"))
            },
            .unwrap(model.facts) { facts in
                .group(
                    .h3(.text(context.t(Strings.Profile.keyFigures))),
                    .p(.class("muted"), .text(context.t(Strings.Profile.keyFiguresHint))),
                    .table(.class("list"), .id("key-figures"), .tbody(.forEach(figures(facts, today: model.today)) { figure in
                        .tr(.th(.text(context.t(figure.label))), .td(.text(context.t(figure.value))))
                    }))
                )
            }
        )
    }

    static func contactSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let error = model.errorForm == .contact ? model.error : nil
        let fields: [(String, LocalizedText, String?)] = [
            ("contactName", Strings.Form.contactName, model.contactName),
            ("contactPhone", Strings.Form.contactPhone, model.contactPhone),
        ]
        return .section(
            .id("contact"),
            .h2(.text(context.t(Strings.Profile.contact))),
            .p(.class("muted"), .text(context.t(Strings.Profile.contactHint))),
            errorBanner(context, error),
            .form(
                .method(.post), .action(attr(SiteURL.enterpriseContact.path)), .class("stacked"), .id("contact-form"),
                Forms.csrf(context),
                .forEach(fields) { field in
                    let message = error?.fields[field.0]
                    return .group(
                        .label(.for(field.0), .text(context.t(field.1))),
                        .input(.type(.text), .id(field.0), .name(field.0), .value(attr(model.inputs[field.0] ?? field.2 ?? "")),
                               message != nil ? .attribute(named: "aria-invalid", value: "true") : .empty),
                        .unwrap(message) { .p(.class("field-error"), .text(context.t($0))) }
                    )
                },
                .button(.type(.submit), .text(context.t(Strings.Form.save)))
            )
        )
    }

    static func workbookSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let error = model.errorForm == .workbook ? model.error : nil
        return .section(
            .id("workbook"),
            .h2(.text(context.t(Strings.Profile.workbook))),
            .p(.text(context.t(Strings.Profile.workbookHint))),
            .p(.a(.class("button"), .href(attr(SiteURL.enterpriseFactsWorkbook.path)), .text(context.t(Strings.Profile.download)))),
            errorBanner(context, error),
            .if(!model.workbookProblems.isEmpty, .div(
                .class("notice error"), .attribute(named: "role", value: "alert"), .id("workbook-problems"),
                .p(.text(context.t(Strings.FactsWorkbook.refused))),
                .ol(.forEach(model.workbookProblems) { problem in .li(.text(context.t(problem.text))) })
            )),
            .form(
                .method(.post), .action(attr(SiteURL.enterpriseFacts.path)), .enctype(.multipartData), .class("stacked"), .id("workbook-form"),
                Forms.csrf(context),
                .label(.for("workbook-file"), .text(context.t(Strings.Profile.uploadWorkbook))),
                .input(.type(.file), .id("workbook-file"), .name("file"), .required(true),
                       .attribute(named: "accept", value: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
                .button(.type(.submit), .text(context.t(Strings.Profile.upload)))
            ),
            .p(.class("muted"), .text(context.t(Strings.Profile.kept)))
        )
    }

    static func evidenceSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let error = model.errorForm == .evidence ? model.error : nil
        let P = Strings.Profile.self
        return .section(
            .id("evidence"),
            .h2(.text(context.t(P.evidence))),
            .p(.class("muted"), .text(context.t(P.evidenceHint))),
            model.evidence.isEmpty ? .p(.text(context.t(P.noEvidence))) : .table(
                .class("list"), .id("evidence-files"),
                .thead(.tr(.th(.text(context.t(P.evidenceFile))), .th(.text(context.t(P.evidenceLabel))),
                           .th(.text(context.t(P.usedIn))), .th(.text(context.t(P.uploadedAt))))),
                .tbody(.forEach(model.evidence) { file in
                    .tr(
                        .td(.a(.href(attr(SiteURL.enterpriseEvidenceFile(.value(file.id)).path)),
                               .text("\(file.name) · \(Formatting.fileSize(file.size))"))),
                        .td(.text(file.label ?? "—")),
                        .td(.text(file.isMaterial ? context.t(P.applicationMaterial) : "—")),
                        .td(.text(file.uploadedAt.map(Formatting.dateTime) ?? ""))
                    )
                })
            ),
            errorBanner(context, error),
            .form(
                .method(.post), .action(attr(SiteURL.enterpriseEvidence.path)), .enctype(.multipartData), .class("stacked"), .id("evidence-form"),
                Forms.csrf(context),
                .label(.for("evidence-label"), .text(context.t(P.evidenceLabel))),
                .input(.type(.text), .id("evidence-label"), .name("label"), .value(attr(model.inputs["label"] ?? "")),
                       .attribute(named: "list", value: "evidence-labels"), .attribute(named: "maxlength", value: "120"),
                       error?.fields["label"] != nil ? .attribute(named: "aria-invalid", value: "true") : .empty),
                .datalist(.id("evidence-labels"), .forEach(model.labelSuggestions) { .option(.value(attr($0))) }),
                .label(.for("evidence-file"), .text(context.t(P.evidenceFile))),
                .input(.type(.file), .id("evidence-file"), .name("file"), .required(true),
                       .attribute(named: "accept", value: ".pdf,.jpg,.jpeg,.png,.xlsx,.docx")),
                .p(.class("muted"), .text(context.t(Strings.ApplicationPage.uploadHint))),
                .button(.type(.submit), .text(context.t(P.upload)))
            )
        )
    }

    /// A refused form is further down the page: say so at the top, with a link to the messages.
    static func refusalSummary(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let anchor: String? = if !model.workbookProblems.isEmpty { "workbook-problems" } else {
            switch model.errorForm {
            case .contact?: "contact"
            case .workbook?: "workbook"
            case .evidence?: "evidence"
            case nil: nil
            }
        }
        return .unwrap(anchor) { anchor in
            .div(.class("notice error"), .id("refused"),
                 .a(.href(attr("#\(anchor)")), .text(context.t(Strings.Profile.refusedBelow(model.workbookProblems.count)))))
        }
    }

    static func errorBanner(_ context: PageContext, _ error: AppError?) -> Node<HTML.BodyContext> {
        .unwrap(error) { error in
            .div(.class("notice error form-error"), .attribute(named: "role", value: "alert"),
                 .p(.text(context.t(error.message))),
                 .if(!error.fields.isEmpty, .ul(.forEach(error.fields.sorted(by: { $0.key < $1.key })) { field in
                     .li(.text(context.t(fieldLabel(field.key)) + "：" + context.t(field.value)))
                 })))
        }
    }

    static func fieldLabel(_ key: String) -> LocalizedText {
        switch key {
        case "contactName": Strings.Form.contactName
        case "contactPhone": Strings.Form.contactPhone
        case "label": Strings.Profile.evidenceLabel
        case "file": Strings.Profile.evidenceFile
        default: T(zh: key, en: key)
        }
    }
}
