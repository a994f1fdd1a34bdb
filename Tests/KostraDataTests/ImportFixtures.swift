import Foundation
import KostraData

/// The import's test files (Fixtures/), written by hand to SSB's published formats, and a fresh
/// directory for a store.
enum ImportFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// JSON-stat 2.0, table 12255, final figures 2022-2024: Bærum under 3024 for 2022-2023 and
    /// 3201 for 2024, an unknown content code, suppressed and not-applicable cells, EKG13.
    static var jsonStatFinal: ImportFile { file("12255-2022-2024-final.json") }
    /// SSB CSV, long layout with a title line and CRLF: preliminary 2025, Bærum's 0219 for 2019,
    /// net expenditure in kroner.
    static var csvPreliminary: ImportFile { file("12255-2025-preliminary.csv") }
    /// SSB CSV, a column per year: final 2024-2025, Asker under 3025 and 3203.
    static var csvFinal: ImportFile { file("12255-2025-final.csv") }

    static func file(_ name: String) -> ImportFile {
        let bytes = try! [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
        return ImportFile(fileName: name, bytes: bytes)
    }

    /// A new empty directory under the system's temporary directory.
    static func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kostra-store-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func names(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}
