import KostraData

/// A small data file for the tests of loading and refusing, with one change applied by
/// plain text replacement so that each test shows exactly what it breaks.
enum TestData {
    static let file = """
    {
      "format": 1,
      "name": "test",
      "regions": [
        {"code": "3201", "name": "Bærum", "kind": "municipality", "former_codes": [{"code": "3024", "last_year": 2023}]},
        {"code": "0301", "name": "Oslo", "kind": "municipality"},
        {"code": "ASSS", "name": "ASSS med Oslo", "kind": "group_average", "members": ["3201", "0301"]}
      ],
      "indicators": [
        {"id": "grunnskole.x", "name_nb": "X", "name_en": "X", "unit": "number",
         "direction": "neutral", "aggregation": "weighted", "service": "grunnskole", "decimals": 1}
      ],
      "tables": [
        {"title": "T", "indicator": "grunnskole.x", "unit": "number",
         "years": [2022, 2023, 2024],
         "rows": {
           "3024": [1.5, 2.5, 3.5],
           "ASSS": [4, null, 6]
         }}
      ],
      "figures": [
        {"indicator": "grunnskole.x", "region": "0301", "year": 2024, "value": 7, "source": "«a sentence»"}
      ],
      "production_weights": [
        {"year": 2024, "source": "W", "weights": {"grunnskole.x": 1.0}}
      ]
    }
    """

    /// The file with `old` replaced by `new` (which must occur).
    static func file(replacing old: String, with new: String) -> [UInt8] {
        precondition(file.contains(old), "test data has no \(old)")
        return Array(file.replacing(old, with: new).utf8)
    }

    static var bytes: [UInt8] { Array(file.utf8) }

    static let region = Region(code: "3201", name: "Bærum", kind: .municipality, formerCodes: [FormerCode(code: "3024", lastYear: 2023)])
    static let indicator = Indicator(
        id: "grunnskole.x", nameNb: "X", nameEn: "X", unit: .number,
        direction: .neutral, aggregation: .weighted, service: "grunnskole", decimals: 1
    )
}
