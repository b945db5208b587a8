import QualityRules
import QualityStorage

/// The table of what people read in QualityCity: Chinese first, English second. Views use these entries,
/// never string literals, so a wording is changed in one place and nothing is left untranslated.
typealias T = LocalizedText

enum Strings {
    enum App {
        static let name = T(zh: "质量强市政策服务平台", en: "QualityCity Policy Service Platform")
        static let shortName = T(zh: "质量强市", en: "QualityCity")
        static let tagline = T(zh: "质量荣誉认定、专项资金与质量诚信一站式服务",
                               en: "Quality titles, special funds and quality credit in one place")
        static let demoBanner = T(zh: "演示城市：以下企业、账号和数据均为虚构，仅供体验。",
                                  en: "Demo city: every enterprise, account and figure here is fictitious.")
        static let switchLanguage = T(zh: "English", en: "中文")
        static let skipToContent = T(zh: "跳到正文", en: "Skip to content")
        static let footer = T(zh: "依据深质促进会〔2014〕4号、深府〔2010〕183号、江市监规字〔2022〕1号及深圳市质量品牌专项资金政策实施。",
                              en: "Implements Shenzhen and Jiangmen quality-city policy documents (2010–2023).")
        static let print = T(zh: "打印", en: "Print")
    }

    enum Navigation {
        static let home = T(zh: "首页", en: "Home")
        static let calls = T(zh: "申报通知", en: "Calls")
        static let signIn = T(zh: "登录", en: "Sign in")
        static let signOut = T(zh: "退出", en: "Sign out")
        static let signedInAs = T(zh: "当前用户", en: "Signed in as")
        static let signup = T(zh: "企业注册", en: "Register")
        static let myEnterprise = T(zh: "我的企业", en: "My enterprise")
    }

    enum Roles {
        static func name(_ role: Role) -> T {
            switch role {
            case .enterprise: T(zh: "申报企业", en: "Enterprise")
            case .districtOfficer: T(zh: "县（市、区）市场监管局", en: "District bureau officer")
            case .cityOfficer: T(zh: "市市场监管局 / 秘书处", en: "City bureau / secretariat")
            case .expert: T(zh: "评审专家", en: "Expert reviewer")
            case .committee: T(zh: "组委会委员", en: "Committee member")
            case .finance: T(zh: "财务人员", en: "Finance officer")
            case .department: T(zh: "联席会议成员单位", en: "Department officer")
            }
        }
    }

    enum Home {
        static let openCalls = T(zh: "正在受理的申报", en: "Calls open for applications")
        static let allCalls = T(zh: "全部申报通知", en: "All calls")
        static let noOpenCalls = T(zh: "目前没有正在受理的申报。", en: "No call is open for applications now.")
        static let forWhom = T(zh: "面向企业、各级市场监管部门、评审专家与社会公众",
                               en: "For enterprises, market-supervision bureaus, expert reviewers and the public")
        static let whatYouCanDo = T(zh: "您可以", en: "What you can do here")
        static let enterprisesLine = T(zh: "企业：查看可申报项目及条件，在线申报，跟踪进度。",
                                       en: "Enterprises: see which programmes you may qualify for, apply online, follow your application.")
        static let officersLine = T(zh: "监管部门：审核材料、提出初步意见、组织评审与公示。",
                                    en: "Officers: check materials, give preliminary opinions, run reviews and public notices.")
        static let publicLine = T(zh: "公众：查阅政策、申报通知、公示名单，核验荣誉称号。",
                                  en: "The public: read policies, calls and notices; verify a title.")
    }

    enum Calls {
        static let title = T(zh: "申报通知", en: "Calls for applications")
        static let programme = T(zh: "项目", en: "Programme")
        static let window = T(zh: "申报时间", en: "Application window")
        static let quota = T(zh: "名额", en: "Quota")
        static let stage = T(zh: "阶段", en: "Stage")
        static let materials = T(zh: "申报材料", en: "Materials to submit")
        static let contacts = T(zh: "联系方式", en: "Contacts")
        static let noQuota = T(zh: "不限", en: "None")
        static let required = T(zh: "必交", en: "Required")
        static let optional = T(zh: "选交", en: "Optional")
        static let none = T(zh: "暂无申报通知。", en: "There are no calls yet.")
        static func quotaValue(_ quota: Int) -> T { T(zh: "不超过 \(quota) 家", en: "At most \(quota)") }
        static func window(_ opens: CalendarDate, _ closes: CalendarDate) -> T {
            T(zh: "\(opens.iso) 至 \(closes.iso)", en: "\(opens.iso) to \(closes.iso)")
        }

        static func stage(_ stage: CallStage) -> T {
            switch stage {
            case .draft: T(zh: "草稿", en: "Draft")
            case .open: T(zh: "受理中", en: "Open")
            case .review: T(zh: "审核中", en: "Under review")
            case .expertReview: T(zh: "专家评审", en: "Expert review")
            case .committee: T(zh: "组委会审定", en: "Committee approval")
            case .notice: T(zh: "公示中", en: "Public notice")
            case .final: T(zh: "已公布结果", en: "Results published")
            case .cancelled: T(zh: "已撤销", en: "Cancelled")
            }
        }
    }

    enum Login {
        static let title = T(zh: "登录", en: "Sign in")
        static let username = T(zh: "用户名", en: "User name")
        static let password = T(zh: "密码", en: "Password")
        static let submit = T(zh: "登录", en: "Sign in")
        static let failed = T(zh: "用户名或密码不正确。", en: "The user name or password is not right.")
        static let missing = T(zh: "请输入用户名和密码。", en: "Enter your user name and password.")
        static let throttled = T(zh: "登录失败次数过多，请 15 分钟后再试。",
                                 en: "Too many failed attempts; try again in 15 minutes.")
        static let demoAccounts = T(zh: "演示账号（密码均为 demo12345）", en: "Demo accounts (password demo12345 for all)")
        static let signedOut = T(zh: "您已退出登录。", en: "You have signed out.")
    }

    enum Errors {
        static let title = T(zh: "出错了", en: "Something is not right")
        static let requestID = T(zh: "请求编号", en: "Request id")
        static let backHome = T(zh: "返回首页", en: "Back to the home page")
    }
}
