import QualityRules

/// The cities the platform serves and their districts, with the division codes that open credit codes.
enum Regions {
    struct District: Sendable, Hashable {
        var name: String
        var divisionCode: String
    }

    struct City: Sendable {
        var name: String
        var english: String
        var divisionPrefix: String
        var districts: [District]
    }

    static let cities: [City] = [
        City(name: "深圳市", english: "Shenzhen", divisionPrefix: "4403", districts: [
            District(name: "福田区", divisionCode: "440304"), District(name: "罗湖区", divisionCode: "440303"),
            District(name: "盐田区", divisionCode: "440308"), District(name: "南山区", divisionCode: "440305"),
            District(name: "宝安区", divisionCode: "440306"), District(name: "龙岗区", divisionCode: "440307"),
            District(name: "龙华区", divisionCode: "440309"), District(name: "坪山区", divisionCode: "440310"),
            District(name: "光明区", divisionCode: "440311"), District(name: "大鹏新区", divisionCode: "440312"),
        ]),
        City(name: "江门市", english: "Jiangmen", divisionPrefix: "4407", districts: [
            District(name: "蓬江区", divisionCode: "440703"), District(name: "江海区", divisionCode: "440704"),
            District(name: "新会区", divisionCode: "440705"), District(name: "台山市", divisionCode: "440781"),
            District(name: "开平市", divisionCode: "440783"), District(name: "鹤山市", divisionCode: "440784"),
            District(name: "恩平市", divisionCode: "440785"),
        ]),
    ]

    static var allDistricts: [(city: String, district: District)] {
        cities.flatMap { city in city.districts.map { (city.name, $0) } }
    }

    static func city(ofDistrict name: String) -> City? {
        cities.first { $0.districts.contains { $0.name == name } }
    }
}
