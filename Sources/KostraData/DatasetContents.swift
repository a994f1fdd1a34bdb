/// The parts of a dataset before they are checked, each with the place it came from.
///
/// Both ways of making a `Dataset` fill this in: the file reader with JSON paths
/// ("tables[3].rows.3201[2]"), the memberwise initializer with array indices
/// ("observations[12]"). `DatasetValidator` then checks it and names those places.
struct DatasetContents {
    /// A value and where it came from.
    struct Item<Value> {
        var value: Value
        var path: String
    }

    var source: String = ""
    var regions: [Item<Region>] = []
    var indicators: [Item<Indicator>] = []
    var observations: [Item<Observation>] = []
    var productionWeights: [Item<ProductionWeights>] = []
    var facts: [Item<Fact>] = []
    var tables: [Item<SourceTable>] = []
    var revisions: [Item<Observation>] = []

    /// Each value with the path "`name`[index]".
    static func items<Value>(_ values: [Value], named name: String) -> [Item<Value>] {
        values.enumerated().map { Item(value: $0.element, path: "\(name)[\($0.offset)]") }
    }
}
