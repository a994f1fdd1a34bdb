/// One conformance case of Tests/conformance/index.json (the fields this side reads).
struct ConformanceCase: Decodable, Sendable {
    /// What the answer must hold.
    struct Expect: Decodable, Sendable {
        /// The answer's id, in decimal (a uint64).
        let id: String
        let code: Int
        let codeName: String
        /// Checks on the response message, when `code` is 0.
        let checks: [ConformanceCheck]?
        /// Checks on the Status, when `code` is not 0.
        let statusChecks: [ConformanceCheck]?
        /// The answer frame byte for byte, for the cases that record one.
        let responseFile: String?
    }

    let name: String
    let method: String
    let responseType: String
    let requestFile: String
    let expect: Expect
}
