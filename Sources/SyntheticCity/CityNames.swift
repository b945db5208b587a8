import QualityRules

/// Places, name parts and codes for synthetic enterprises.
enum CityNames {
    struct Place {
        var city: String
        var district: String
        var division: String
    }

    static let places: [Place] = [
        Place(city: "深圳市", district: "宝安区", division: "440306"), Place(city: "深圳市", district: "龙岗区", division: "440307"),
        Place(city: "深圳市", district: "南山区", division: "440305"), Place(city: "深圳市", district: "龙华区", division: "440309"),
        Place(city: "深圳市", district: "福田区", division: "440304"), Place(city: "深圳市", district: "罗湖区", division: "440303"),
        Place(city: "深圳市", district: "光明区", division: "440311"), Place(city: "深圳市", district: "坪山区", division: "440310"),
        Place(city: "深圳市", district: "盐田区", division: "440308"), Place(city: "深圳市", district: "大鹏新区", division: "440312"),
        Place(city: "江门市", district: "蓬江区", division: "440703"), Place(city: "江门市", district: "江海区", division: "440704"),
        Place(city: "江门市", district: "新会区", division: "440705"), Place(city: "江门市", district: "台山市", division: "440781"),
        Place(city: "江门市", district: "开平市", division: "440783"), Place(city: "江门市", district: "鹤山市", division: "440784"),
        Place(city: "江门市", district: "恩平市", division: "440785"),
        Place(city: "广州市", district: "天河区", division: "440106"), Place(city: "东莞市", district: "东莞市", division: "441900"),
        Place(city: "佛山市", district: "南海区", division: "440605"),
    ]

    /// Shenzhen about 60 %, Jiangmen 25 %, neighbours 15 %.
    static let placeWeights: [Double] = [12, 10.2, 7.2, 7.2, 6.6, 4.8, 3.6, 3, 1.2, 0.6,
                                         6.5, 3, 5, 3, 2.5, 2.5, 2.5,
                                         6, 5, 4]

    static let otherIndustries = ["F4710", "G5123", "G5261", "G5139", "I6513", "I6420", "L7212", "M7320", "M7491",
                                  "E4813", "H6110", "K7010", "O8011", "R8710", "A0141", "D4411"]

    static let words = ["鹏程", "华美", "恒通", "星河", "安信", "启明", "海韵", "湾区", "侨韵", "葵乡", "瑞丰", "宏达", "中科",
                        "金桥", "新锐", "永信", "天成", "嘉禾", "博远", "聚能", "润泽", "东方", "南粤", "粤海", "振华", "德润"]
    static let trades = ["精密制造", "电子科技", "五金制品", "电机", "食品", "新材料", "智能装备", "贸易", "信息技术", "物流",
                         "建筑工程", "检测技术", "陶瓷", "照明", "化工"]

    static func name(_ rng: inout SplitMix64, city: String, manufacturing: Bool) -> String {
        city + words[rng.int(0...words.count - 1)] + words[rng.int(0...words.count - 1)]
            + trades[rng.int(0...trades.count - 1)] + (rng.chance(0.1) ? "股份有限公司" : "有限公司")
    }

    /// Nine characters of the GB 32100 alphabet from the enterprise's number, so every code is distinct.
    static func organisationCode(_ index: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var value = index
        var characters: [Character] = []
        for _ in 0..<8 {
            characters.append(alphabet[value % 31])
            value /= 31
        }
        return "M" + String(characters.reversed())
    }

    static func certificatePrefix(_ type: CertificationType) -> String {
        switch type {
        case .iso9001: "Q"
        case .iso14001: "E"
        case .iso45001: "S"
        case .highTechEnterprise: "GR"
        case .gbaCarbonFootprintLabel: "GBA-CFL-"
        default: String(type.rawValue.prefix(3)).uppercased() + "-"
        }
    }
}
