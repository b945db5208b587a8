/// Where a rule comes from: the clause of the document and the sentence as the document words it.
///
/// Every rule carries one, so that each line of an explanation can be traced back to the law it applies.
public struct Citation: Hashable, Sendable, Codable {
    /// "第二条第四项" / "§2(4)".
    public var clause: LocalizedText
    /// The original Chinese sentence, verbatim from the seed document.
    public var text: String

    public init(clause: LocalizedText, text: String) {
        self.clause = clause
        self.text = text
    }
}

/// A citation as it appears in an evaluation: with the document it belongs to.
public struct CitationReference: Hashable, Sendable, Codable {
    public var document: String
    public var clause: LocalizedText
    public var text: String

    public init(document: String, citation: Citation) {
        self.document = document
        self.clause = citation.clause
        self.text = citation.text
    }
}
