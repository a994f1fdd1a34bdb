extension Duration {
    /// The duration in milliseconds with three decimals, as the logs' `*_ms`
    /// fields show it: "1234.567".
    public var millisecondsText: String {
        let (seconds, attoseconds) = self.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
