/// Plot escapes text but writes attribute values as they are (`name="value"`): a `"` in an enterprise name,
/// an expert's justification or a form field kept after a refusal would end the attribute and start markup.
/// Every attribute value that is not a literal goes through this function.
func attr(_ value: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(value.utf8.count)
    for character in value {
        switch character {
        case "&": escaped += "&amp;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        default: escaped.append(character)
        }
    }
    return escaped
}
