import QualityRules

/// Plot also has a `Language`; in this module the word means the reader's language.
typealias Language = QualityRules.Language
