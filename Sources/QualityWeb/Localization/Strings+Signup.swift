import QualityRules

extension Strings {
    enum Signup {
        static let title = T(zh: "企业注册", en: "Register your enterprise")
        static let intro = T(zh: "请按营业执照填写。统一社会信用代码将按 GB 32100-2015 校验。",
                             en: "Fill this in from your business licence. The credit code is checked against GB 32100-2015.")
        static let registeredOn = T(zh: "成立日期", en: "Date of registration")
        static let legalForm = T(zh: "主体类型", en: "Legal form")
        static let industryCode = T(zh: "国民经济行业代码（GB/T 4754）", en: "Industry code (GB/T 4754)")
        static let industryHint = T(zh: "例如 C3981（制造业以 C 开头）", en: "For example C3981 (manufacturing starts with C)")
        static let username = T(zh: "登录用户名", en: "User name")
        static let password = T(zh: "密码（至少 8 位，含字母和数字）", en: "Password (at least 8 characters, letters and digits)")
        static let passwordConfirmation = T(zh: "再次输入密码", en: "Password again")
        static let submit = T(zh: "注册", en: "Register")
        static let chooseDistrict = T(zh: "请选择所在区", en: "Choose the district")
        static let chooseLegalForm = T(zh: "请选择主体类型", en: "Choose the legal form")
        static let registeredInFuture = T(zh: "成立日期不能晚于今天", en: "The registration date cannot be in the future")
        static let badIndustry = T(zh: "行业代码应为门类字母加 2–4 位数字，例如 C3981", en: "An industry code is a section letter and 2–4 digits, such as C3981")
        static let badUsername = T(zh: "用户名为 3–40 位字母、数字、点、横线或下划线", en: "A user name has 3–40 letters, digits, dots, dashes or underscores")
        static let reservedUsername = T(zh: "以 demo- 开头的用户名为演示账号保留", en: "User names starting with demo- are reserved for the demo")
        static let usernameTaken = T(zh: "该用户名已被使用", en: "This user name is taken")
        static let passwordTooShort = T(zh: "密码至少 8 位", en: "The password needs at least 8 characters")
        static let passwordTooSimple = T(zh: "密码须同时包含字母和数字", en: "The password needs both letters and digits")
        static let passwordsDiffer = T(zh: "两次输入的密码不一致", en: "The passwords differ")
        static let alreadyRegistered = T(zh: "该统一社会信用代码已注册。如需找回账号，请联系所在区市场监管局。",
                                         en: "This credit code is already registered. To recover the account, contact your district bureau.")
        static let done = T(zh: "注册成功，欢迎使用。", en: "Registered. Welcome.")
    }
}
