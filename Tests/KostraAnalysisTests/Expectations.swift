import Testing

/// Expects `actual` to equal `expected` within a relative tolerance (1e-9 unless stated):
/// the expected values in these tests are written out by hand, the actual ones computed in
/// binary floating point.
func expectClose(
    _ actual: Double?,
    _ expected: Double,
    relative tolerance: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("expected \(expected), got a missing value", sourceLocation: sourceLocation)
        return
    }
    let scale = max(abs(expected), 1e-12)
    #expect(
        abs(actual - expected) / scale <= tolerance,
        "expected \(expected), got \(actual)",
        sourceLocation: sourceLocation
    )
}
