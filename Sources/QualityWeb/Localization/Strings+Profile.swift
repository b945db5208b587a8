import QualityRules

extension Strings {
    /// The enterprise's profile page: its registration, its facts, its contact and its evidence files.
    enum Profile {
        static let title = T(zh: "企业信息", en: "Enterprise profile")
        static let navigation = T(zh: "企业信息", en: "Profile")
        static let registration = T(zh: "登记信息", en: "Registration")
        static let keyFigures = T(zh: "规则引擎关注的数据", en: "Figures the rules engine looks at")
        static let keyFiguresHint = T(zh: "以下数据由您维护的企业信息计算得出，申报时规则引擎据此判断条件是否满足。",
                                      en: "Computed from the facts you keep; the rules engine judges applications by them.")
        static let factsVersion = T(zh: "企业信息版本", en: "Facts version")
        static let lastUpdate = T(zh: "最近一次更新", en: "Last update")
        static let factsUnreadable = T(zh: "平台保存的企业信息无法读取，请联系平台管理员。", en: "The stored facts cannot be read; contact the platform administrator.")
        static let none = T(zh: "暂无", en: "None")
        static let notGiven = T(zh: "未填写", en: "Not given")
        static let backToEnterprise = T(zh: "返回“我的企业”，查看可申报的项目", en: "Back to My enterprise and the calls you can apply to")

        // Contact
        static let contact = T(zh: "联系人", en: "Contact")
        static let contactHint = T(zh: "平台就申报事项与贵单位联系时使用。", en: "Used when the platform contacts you about applications.")
        static let contactSaved = T(zh: "联系人信息已保存。", en: "The contact details were saved.")
        static let contactNameTooLong = T(zh: "联系人姓名不能超过 50 字", en: "The contact name can be at most 50 characters")

        // Workbook
        static let workbook = T(zh: "企业信息表（Excel）", en: "Facts workbook (Excel)")
        static let workbookHint = T(zh: "下载当前的企业信息表，在 Excel 中修改后上传。表中“说明”工作表列出了每一列可填写的内容。上传的表只要有一处问题，就不会保存任何内容。",
                                    en: "Download the current facts, edit them in Excel and upload the workbook. Its “说明” sheet explains every column. If anything in an upload is wrong, nothing is saved.")
        static let download = T(zh: "下载企业信息表（.xlsx）", en: "Download the workbook (.xlsx)")
        static let uploadWorkbook = T(zh: "上传修改后的企业信息表", en: "Upload the edited workbook")
        static let upload = T(zh: "上传", en: "Upload")
        static let kept = T(zh: "审核认定、荣誉称号和资助记录由审核人员和平台维护，不在表中，上传时保持不变。",
                            en: "Reviewers' findings, titles and grants are kept by reviewers and the platform; they are not in the workbook and an upload leaves them as they are.")
        static let unchanged = T(zh: "上传的企业信息与现有信息相同，未作更改。", en: "The uploaded facts are the same as the stored ones; nothing changed.")
        static let stale = T(zh: "企业信息刚被更新，请刷新页面后重新上传；本次未做任何更改。",
                             en: "The facts were just updated by someone else; reload the page and upload again. Nothing was changed.")
        static func updated(_ version: Int) -> T {
            T(zh: "企业信息已更新（第 \(version) 版）。规则引擎据此重新判断了正在受理的申报：", en: "The facts were updated (version \(version)). The rules engine now says, for the calls open now:")
        }
        static func refusedBelow(_ problems: Int) -> T {
            problems > 0 ? T(zh: "未保存任何内容：上传的企业信息表有 \(problems) 处问题，见下方列表。", en: "Nothing was saved: the uploaded workbook has \(problems) problems, listed below.")
                : T(zh: "未保存任何内容，原因见下方。", en: "Nothing was saved; see below why.")
        }
        static let noOpenCalls = T(zh: "目前没有正在受理的申报。", en: "No call is open for applications now.")

        // Evidence
        static let evidence = T(zh: "证明材料", en: "Evidence files")
        static let evidenceHint = T(zh: "上传证书扫描件等证明材料，并注明证明的是哪一项信息（如“认证证书 CN-QMS-2024-0451”）。申报时提交的材料也列在这里。",
                                    en: "Upload scans of certificates and other evidence, and say which record each proves (e.g. “认证证书 CN-QMS-2024-0451”). Materials submitted with applications are listed here too.")
        static let evidenceLabel = T(zh: "证明的内容", en: "What it proves")
        static let evidenceFile = T(zh: "文件", en: "File")
        static let uploadedAt = T(zh: "上传时间", en: "Uploaded")
        static let usedIn = T(zh: "用途", en: "Used for")
        static let applicationMaterial = T(zh: "申报材料", en: "Application material")
        static let noEvidence = T(zh: "尚未上传证明材料。", en: "No evidence files yet.")
        static let evidenceSaved = T(zh: "证明材料已上传。", en: "The evidence file was uploaded.")
        static let labelRequired = T(zh: "请注明该文件证明的内容", en: "Say what the file proves")
        static let labelTooLong = T(zh: "说明不能超过 120 字", en: "At most 120 characters")
        static let chooseFile = T(zh: "请选择要上传的文件", en: "Choose a file to upload")

        // Facts sections
        static let status = T(zh: "状态", en: "Status")
        static let valid = T(zh: "有效", en: "Valid")
        static let expired = T(zh: "已过期", en: "Expired")
        static let notYetValid = T(zh: "未生效", en: "Not yet valid")
        static let noExpiry = T(zh: "长期", en: "No expiry")
        static let stillHeld = T(zh: "至今", en: "Still held")
        static let chiefQualityOfficer = T(zh: "首席质量官", en: "Chief quality officer")
        static let findings = T(zh: "审核认定（由审核人员记录）", en: "Reviewers' findings (recorded by reviewers)")
        static let findingKey = T(zh: "认定事项", en: "Clause")
        static let finding = T(zh: "结论", en: "Finding")
        static let findingBy = T(zh: "认定人", en: "By")
        static let findingOn = T(zh: "日期", en: "Date")
        static let met = T(zh: "符合", en: "Met")
        static let notMet = T(zh: "不符合", en: "Not met")
        static let titlesHeld = T(zh: "荣誉称号（平台记录）", en: "Titles held (platform record)")
        static let grantsReceived = T(zh: "资助记录（平台记录）", en: "Grants received (platform record)")
        static let programme = T(zh: "项目", en: "Programme")
        static let grantedOn = T(zh: "授予日期", en: "Granted on")
        static let validTo = T(zh: "有效期至", en: "Valid to")
        static let revoked = T(zh: "取消日期", en: "Revoked on")
        static let matter = T(zh: "资助事项", en: "Matter")
        static let amount = T(zh: "金额", en: "Amount")
        static let date = T(zh: "日期", en: "Date")

        // Key figures
        static func taxTotal(_ years: ClosedRange<Int>) -> T {
            T(zh: "近三年（\(years.lowerBound)–\(years.upperBound) 年）纳税合计", en: "Tax paid \(years.lowerBound)–\(years.upperBound)")
        }
        static func missingYears(_ years: [Int]) -> T {
            let list = years.map(String.init)
            return T(zh: "（缺 \(list.joined(separator: "、")) 年数据）", en: " (no figure for \(list.joined(separator: ", ")))")
        }
        static let validCertificates = T(zh: "今日有效的认证证书", en: "Certificates valid today")
        static let qualitySystemCertificate = T(zh: "质量管理体系认证（有效）", en: "Quality management certification (valid)")
        static let inventionPatents = T(zh: "发明专利", en: "Invention patents")
        static let otherPatents = T(zh: "实用新型和外观设计专利", en: "Utility model and design patents")
        static let standardsLed = T(zh: "主导起草的标准", en: "Standards led")
        static let standardsTotal = T(zh: "参与起草的标准（全部）", en: "Standards drafted (all roles)")
        static let yearsRegistered = T(zh: "成立年限", en: "Years since registration")
        static let penaltiesRecent = T(zh: "近三年行政处罚、事故", en: "Penalties and accidents, last three years")
        static let seniorTitles = T(zh: "中级及以上职称人数", en: "Staff with intermediate or senior titles")
        static let qualityStaff = T(zh: "专职质量管理人员", en: "Full-time quality staff")
        static let cqo = T(zh: "首席质量官", en: "Chief quality officer")
        static let cqoNone = T(zh: "未建立", en: "None")
        static let cqoAppointed = T(zh: "已任命", en: "Appointed")
        static let cqoTrained = T(zh: "已任命，持培训证书", en: "Appointed and trained")
        static func count(_ n: Int) -> T { T(zh: "\(n) 项", en: "\(n)") }
        static func people(_ n: Int) -> T { T(zh: "\(n) 人", en: "\(n)") }
        static func years(_ n: Int) -> T { T(zh: "\(n) 年", en: "\(n) years") }
        static func patents(_ domestic: Int, _ foreign: Int) -> T {
            T(zh: "\(domestic + foreign) 项（国内 \(domestic)，国外 \(foreign)）", en: "\(domestic + foreign) (\(domestic) Chinese, \(foreign) foreign)")
        }

        // The audit summary of a facts update (kept in Chinese, the record's language).
        static func versionChange(_ from: Int, _ to: Int) -> T {
            T(zh: "企业信息第 \(from) 版 → 第 \(to) 版", en: "Facts version \(from) → \(to)")
        }
        static func countChange(_ section: T, _ before: Int, _ after: Int, edited: Bool) -> T {
            T(zh: "\(section.zh) \(before) → \(after)" + (edited ? "（有修改）" : ""),
              en: "\(section.en) \(before) → \(after)" + (edited ? " (edited)" : ""))
        }
        static func sectionEdited(_ section: T) -> T { T(zh: "\(section.zh)（有修改）", en: "\(section.en) (edited)") }
    }
}
