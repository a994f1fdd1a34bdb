/// A bench option that cannot be run, said in one line.
struct BenchError: Error, CustomStringConvertible, Sendable {
    /// What was wrong.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
