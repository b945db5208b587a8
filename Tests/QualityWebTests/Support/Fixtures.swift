import Foundation

enum Fixtures {
    /// A tiny but real PDF, accepted as a material.
    static let pdf = Data("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)

    static let completeForm: [String: String] = [
        "enterpriseName": "测试企业有限公司",
        "legalRepresentative": "张三",
        "contactName": "李四",
        "contactPhone": "0755-83177171",
        "contactEmail": "quality@example.com",
        "address": "深圳市南山区科技园 1 号",
        "summary": "企业建立首席质量官制度，通过 ISO 9001 认证，近三年无质量事故。",
    ]
}
