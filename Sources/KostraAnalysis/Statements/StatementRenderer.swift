/// Plain sentences for statements, in English and in Norwegian (bokmål), with numbers written
/// the way each language writes them ("108 173 kr", "6,9 %"; "NOK 108,173", "6.9%").
///
/// One way of phrasing, for a client that does not want its own: the statement's structure
/// (`Statement.kind`, its regions and its figures by role) is the contract, not the wording.
/// A statement whose structure gives too little to phrase (a fact about no known indicator)
/// falls back to the fact's English statement and the report's own Norwegian sentence.
public enum StatementRenderer {
    /// The statement in plain English.
    public static func english(_ statement: Statement) -> String {
        StatementSentence(statement: statement, norwegian: false).render()
    }

    /// The statement in Norwegian (bokmål).
    public static func norwegian(_ statement: Statement) -> String {
        StatementSentence(statement: statement, norwegian: true).render()
    }
}
