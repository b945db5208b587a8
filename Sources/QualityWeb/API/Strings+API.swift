import QualityRules

extension Strings {
    /// What the JSON API says about the shape of a request; the rules themselves speak through the services.
    enum API {
        static let notJSON = T(zh: "请求正文须为 JSON（Content-Type: application/json）",
                               en: "The request body must be JSON (Content-Type: application/json)")
        static let emptyBody = T(zh: "请求正文为空，须为一个 JSON 对象", en: "The request body is empty; send a JSON object")
        static let malformedJSON = T(zh: "请求正文不是合法的 JSON", en: "The request body is not valid JSON")
        static let notAnObject = T(zh: "请求正文须为一个 JSON 对象", en: "The request body must be a JSON object")
        static let badRequest = T(zh: "请求内容有误，未做任何更改", en: "The request is not right; nothing was changed")
        static let unknownField = T(zh: "不认识的字段", en: "Unknown field")
        static let requiredField = T(zh: "必填", en: "Required")
        static let notNull = T(zh: "不能为 null；不填请省略该字段", en: "Must not be null; leave the field out instead")
        static let badValue = T(zh: "取值无效", en: "Invalid value")
        static func wrongType(_ expected: String) -> T {
            T(zh: "类型不对，应为 \(expected)", en: "Wrong type; expected \(expected)")
        }

        static let badQuery = T(zh: "查询参数无效", en: "A query parameter is not valid")
        static let badStage = T(zh: "未知的阶段", en: "Unknown stage")
        static let badCallID = T(zh: "申报通知编号须为 UUID", en: "The call id must be a UUID")
        static let filenameRequired = T(zh: "请在查询参数 filename 中给出文件名", en: "Give the file name in the filename query parameter")
        static let uploadTypeRequired = T(
            zh: "请在 Content-Type 中声明文件类型：\(UploadStore.allowedDescription.zh)，或 application/octet-stream",
            en: "Declare the file type in Content-Type: \(UploadStore.allowedDescription.en), or application/octet-stream")
        static let uploadTypeMismatch = T(zh: "文件内容与 Content-Type 声明的类型不符",
                                          en: "The file's content does not match the type declared in Content-Type")
        static let noMaterialFile = T(zh: "该项材料尚未上传", en: "No file has been uploaded for this material")
        static func methodNotAllowed(_ method: String, allow: String) -> T {
            T(zh: "此地址不支持 \(method) 方法，可用：\(allow)", en: "\(method) is not supported here; use \(allow)")
        }

        static let messageNotFound = T(zh: "找不到该消息", en: "No such message")
        static let materialTitleBad = T(zh: "材料名称不能为空，且不能包含“|”或换行", en: "A material title must not be empty or contain “|” or a line break")
    }
}
