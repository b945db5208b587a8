/// City and district names for the division codes the platform serves, used when a registry file gives a
/// code but leaves the names empty.
enum Divisions {
    static let cities: [String: String] = ["4403": "深圳市", "4407": "江门市", "4401": "广州市", "4419": "东莞市", "4406": "佛山市"]

    static let districts: [String: String] = [
        "440303": "罗湖区", "440304": "福田区", "440305": "南山区", "440306": "宝安区", "440307": "龙岗区",
        "440308": "盐田区", "440309": "龙华区", "440310": "坪山区", "440311": "光明区", "440312": "大鹏新区",
        "440703": "蓬江区", "440704": "江海区", "440705": "新会区", "440781": "台山市", "440783": "开平市",
        "440784": "鹤山市", "440785": "恩平市",
    ]

    /// The registration's city and district, else the names of its division code, else empty.
    static func place(city: String?, district: String?, division: String) -> (city: String, district: String) {
        (city ?? cities[String(division.prefix(4))] ?? "", district ?? districts[division] ?? "")
    }
}
