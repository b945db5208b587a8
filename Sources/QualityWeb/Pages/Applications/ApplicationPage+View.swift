import Foundation
import Plot
import QualityRules
import QualityStorage

extension ApplicationPage {
    static func render(context: PageContext, model: Model) -> String {
        Layout.page(
            context, title: model.callTitle,
            summary(context, model),
            banners(context, model),
            formSection(context, model),
            materialsSection(context, model),
            reviewSection(context, model),
            EvaluationView.section(context, json: model.evaluationJSON),
            CreditPages.onApplication(context, creditCode: model.creditCode, assessment: model.credit),
            opinionsSection(context, model),
            actionsSection(context, model),
            historySection(context, model)
        )
    }

    static func summary(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .dl(
            .class("facts"),
            .dt(.text(context.t(Strings.Form.enterpriseName))), .dd(.text(model.enterpriseName)),
            .dt(.text(context.t(Strings.Form.creditCode))), .dd(.code(.text(model.creditCode))),
            .dt(.text(context.t(Strings.Form.district))), .dd(.text(model.district)),
            .dt(.text(context.t(Strings.Calls.stage))),
            .dd(.span(.class("stage stage-\(model.stage.rawValue)"), .id("stage"), .text(context.t(Strings.Stages.name(model.stage))))),
            .dt(.text(context.t(Strings.ApplicationPage.deadline))), .dd(.text(model.closesOn.iso)),
            .unwrap(model.submittedAt) { submitted in
                .group(.dt(.text(context.t(Strings.ApplicationPage.submittedAt))), .dd(.text(Formatting.dateTime(submitted))))
            },
            .dt(.text(context.t(Strings.App.print))),
            .dd(.a(.href(attr(SiteURL.applicationPrint(.value(model.id)).path)), .text(context.t(Strings.ApplicationPage.printable))))
        )
    }

    static func banners(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(model.notice) { .div(.class("notice ok"), .id("notice"), .attribute(named: "role", value: "status"), .text(context.t($0))) },
            .unwrap(model.error) { error in
                .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"),
                     .p(.text(context.t(error.message))),
                     .if(!error.fields.isEmpty, .ul(.forEach(error.fields.sorted(by: { $0.key < $1.key })) { field in
                         .li(.text(context.t(Strings.ApplicationPage.fieldLabel(field.key)) + "：" + context.t(field.value)))
                     })))
            },
            .if(model.stage == .returned, .div(
                .class("notice error"),
                .p(.strong(.text(context.t(Strings.Stages.name(.returned))))),
                .p(.text(model.returnReason ?? "")),
                .unwrap(model.returnDeadline) { .p(.text(context.t(Strings.ApplicationPage.resubmitBy($0)))) }
            ))
        )
    }

    static func formSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let form = model.form
        let fields: [(String, LocalizedText, String, Bool)] = [
            ("enterpriseName", Strings.Form.enterpriseName, form.enterpriseName, false),
            ("legalRepresentative", Strings.Form.legalRepresentative, form.legalRepresentative, false),
            ("contactName", Strings.Form.contactName, form.contactName, false),
            ("contactPhone", Strings.Form.contactPhone, form.contactPhone, false),
            ("contactEmail", Strings.Form.contactEmail, form.contactEmail, false),
            ("address", Strings.Form.address, form.address, false),
            ("summary", Strings.Form.summary, form.summary, true),
        ]
        guard model.canEditForm else {
            return .section(
                .h2(.text(context.t(Strings.ApplicationPage.formTitle))),
                .dl(.class("facts"), .forEach(fields) { field in
                    .group(.dt(.text(context.t(field.1))), .dd(.class("prewrap"), .text(field.2)))
                })
            )
        }
        return .section(
            .h2(.text(context.t(Strings.ApplicationPage.formTitle))),
            .form(
                .method(.post), .action(attr(SiteURL.applicationForm(.value(model.id)).path)), .class("stacked"), .id("application-form"),
                Forms.csrf(context),
                .input(.type(.hidden), .name("version"), .value(attr(String(model.version)))),
                .forEach(fields) { field in
                    let value = model.inputs[field.0] ?? field.2
                    let invalid = model.error?.fields[field.0] != nil
                    return .group(
                        .label(.for(field.0), .text(context.t(field.1))),
                        field.3
                            ? .textarea(.id(field.0), .name(field.0), .attribute(named: "rows", value: "8"),
                                        .attribute(named: "maxlength", value: String(ApplicationForm.summaryLimit)),
                                        invalid ? .attribute(named: "aria-invalid", value: "true") : .empty, .text(value))
                            : .input(.type(.text), .id(field.0), .name(field.0), .value(attr(value)),
                                     invalid ? .attribute(named: "aria-invalid", value: "true") : .empty)
                    )
                },
                .button(.type(.submit), .text(context.t(Strings.Form.save)))
            )
        )
    }

    static func materialsSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(context.t(Strings.Calls.materials))),
            .table(
                .class("list"), .id("materials"),
                .tbody(.forEach(model.materials) { material in
                    .tr(.attribute(named: "data-material", value: attr(material.key)),
                        .td(.text(context.t(material.title)),
                            .span(.class("muted"), .text(" (" + context.t(material.required ? Strings.Calls.required : Strings.Calls.optional) + ")"))),
                        .td(.unwrap(material.file, { file in
                            .a(.href(attr(SiteURL.applicationFile(.value(model.id), .value(file.id)).path)),
                               .text("\(file.name) · \(Formatting.fileSize(file.size))"))
                        }, else: .span(.class("muted"), .text(context.t(Strings.ApplicationPage.notUploaded))))),
                        .td(.if(model.canEditForm, .form(
                            .method(.post), .action(attr(SiteURL.applicationMaterials(.value(model.id)).path)),
                            .enctype(.multipartData), .class("inline"),
                            Forms.csrf(context),
                            .input(.type(.hidden), .name("materialKey"), .value(attr(material.key))),
                            .input(.type(.file), .name("file"), .attribute(named: "aria-label", value: attr(context.t(material.title))),
                                   .attribute(named: "accept", value: ".pdf,.jpg,.jpeg,.png,.xlsx,.docx"), .required(true)),
                            .button(.type(.submit), .class("secondary"), .text(context.t(Strings.ApplicationPage.upload)))
                        )))
                    )
                })
            ),
            .if(model.canEditForm, .p(.class("muted"), .text(context.t(Strings.ApplicationPage.uploadHint))))
        )
    }

    static func reviewSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(model.preliminaryOpinion) { opinion in
                .section(
                    .h2(.text(context.t(Strings.ApplicationPage.preliminaryOpinion))),
                    .p(.strong(.text(context.t(model.recommendation == "recommend" ? Strings.ApplicationPage.recommend : Strings.ApplicationPage.notRecommend)))),
                    .p(.class("prewrap"), .text(opinion))
                )
            },
            .unwrap(model.onSiteFindings) { findings in
                .section(.h2(.text(context.t(Strings.ApplicationPage.onSiteFindings))), .p(.class("prewrap"), .text(findings)))
            }
        )
    }

    static func opinionsSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        guard !model.opinions.isEmpty else { return .empty }
        return .section(
            .id("expert-opinions"),
            .h2(.text(context.t(Strings.ApplicationPage.expertOpinions))),
            .forEach(model.opinions) { opinion in
                .div(.class("opinion"),
                     .h3(.text(context.t(Strings.Reviews.expert) + " \(opinion.expert) · " + context.t(Strings.Reviews.total) + " \(Points(hundredths: opinion.total))")),
                     .p(.class("prewrap"), .text(opinion.opinion)),
                     .table(.class("list"), .tbody(.forEach(opinion.indicators) { row in
                         .tr(.td(.text(context.t(row.name))), .td(.class("num"), .text("\(Points(hundredths: row.points)) / \(Points(hundredths: row.maximum))")),
                             .td(.text(row.justification)))
                     })))
            }
        )
    }

    static func historySection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(context.t(Strings.ApplicationPage.history))),
            .table(
                .class("list"), .id("history"),
                .thead(.tr(
                    .th(.text(context.t(Strings.ApplicationPage.time))), .th(.text(context.t(Strings.ApplicationPage.who))),
                    .th(.text(context.t(Strings.ApplicationPage.what))), .th(.text(context.t(Strings.ApplicationPage.why)))
                )),
                .tbody(.forEach(model.history) { row in
                    .tr(
                        .td(.text(Formatting.dateTime(row.at))),
                        .td(.text(row.actorName + " · " + context.t(Strings.ApplicationPage.roleName(row.actorRole)))),
                        .td(.text(context.t(Strings.ApplicationPage.actionName(row.action))),
                            .unwrap(row.to.flatMap(ApplicationStage.init(rawValue:))) {
                                .span(.class("muted"), .text(" → " + context.t(Strings.Stages.name($0))))
                            }),
                        .td(.class("prewrap"), .text(row.reason ?? ""))
                    )
                })
            )
        )
    }
}
