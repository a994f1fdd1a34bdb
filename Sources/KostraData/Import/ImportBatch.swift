/// What one import adds to the data: the regions and indicators the catalogue did not have, and
/// the figures, each under its current region code and a catalogue indicator id.
public struct ImportBatch: Sendable {
    /// Regions new to the catalogue (a municipality or a KOSTRA group it did not list).
    public var regions: [Region]
    /// Indicators new to the catalogue: content codes it did not know, named by the file's label.
    public var indicators: [Indicator]
    /// The figures, with the import's status and a source naming the file.
    public var observations: [Observation]

    /// A batch of these parts.
    public init(regions: [Region] = [], indicators: [Indicator] = [], observations: [Observation] = []) {
        self.regions = regions
        self.indicators = indicators
        self.observations = observations
    }
}
