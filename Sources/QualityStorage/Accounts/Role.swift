/// Who a signed-in person is to the programme. The server checks the role (and district) on every route.
public enum Role: String, Codable, CaseIterable, Sendable {
    /// An enterprise applying for a title or a grant (申报企业).
    case enterprise
    /// A district bureau officer (县（市、区）市场监管局): sees only their own district.
    case districtOfficer = "district_officer"
    /// The city bureau and the programme secretariat (市市场监管局 / 秘书处).
    case cityOfficer = "city_officer"
    /// An expert reviewer on a panel (专家评审委员会).
    case expert
    /// A member of the organizing committee (组委会).
    case committee
    /// A finance officer who disburses grants (财务).
    case finance
    /// An officer of a member department of the joint conference, reporting on quality targets (联席会议成员单位).
    case department
}
