import KostraData
import Testing

@Suite("Finding a region from what a person types")
struct RegionResolutionTests {
    let data: Dataset

    init() throws {
        data = try Dataset.builtIn()
    }

    @Test("Bærum by name in any case, with or without æ, by current or former code", arguments: [
        "Bærum", "bærum", "BÆRUM", "baerum", "BAERUM", "Barum", "3201", "3024", " Bærum ", "\tbærum\n",
    ])
    func baerum(_ query: String) {
        #expect(data.resolveRegion(query).region?.code == "3201")
    }

    @Test("Other Norwegian letters typed in ASCII", arguments: [
        ("Tromsø", "5501"), ("tromso", "5501"), ("TROMSOE", "5501"), ("5401", "5501"),
        ("Lillestrøm", "3205"), ("lillestrom", "3205"), ("lillestroem", "3205"),
        ("drammen", "3301"), ("3005", "3301"), ("oslo", "0301"),
    ])
    func asciiSpellings(_ query: String, _ code: String) {
        #expect(data.resolveRegion(query).region?.code == code)
    }

    @Test("Codes match exactly: 0301 is Oslo, 301 is nothing (Oslo suggested)")
    func exactCodes() {
        #expect(data.resolveRegion("0301").region?.code == "0301")
        guard case .notFound(let suggestions) = data.resolveRegion("301") else {
            Issue.record("301 must not match Oslo")
            return
        }
        #expect(suggestions.first?.code == "0301")
    }

    @Test("Group averages and the country by code, name, English name or alias", arguments: [
        ("asss", "ASSS"), ("ASSS", "ASSS"), ("asss med oslo", "ASSS"), ("ASSS  med  Oslo", "ASSS"),
        ("ASSS average incl. Oslo", "ASSS"), ("asss-snitt", "ASSS"),
        ("asss uten oslo", "ASSSUO"), ("ASSSUO", "ASSSUO"),
        ("landet", "EAK"), ("Norway", "EAK"), ("eak", "EAK"), ("hele landet", "EAK"),
        ("landet uten oslo", "EAKUO"), ("EAKUO", "EAKUO"),
    ])
    func groups(_ query: String, _ code: String) {
        #expect(data.resolveRegion(query).region?.code == code)
    }

    @Test("A misspelling is not found, and the intended region is suggested first")
    func suggestions() {
        guard case .notFound(let suggestions) = data.resolveRegion("Baerun") else {
            Issue.record("Baerun must not be found")
            return
        }
        #expect(suggestions.first?.code == "3201")
        #expect(suggestions.count <= 3)

        guard case .notFound(let trondheim) = data.resolveRegion("Trondhiem") else {
            Issue.record("Trondhiem must not be found")
            return
        }
        #expect(trondheim.first?.code == "5001")
    }

    @Test("Nothing close, nothing suggested; empty input finds nothing")
    func noSuggestions() {
        #expect(data.resolveRegion("Zanzibar") == .notFound(suggestions: []))
        #expect(data.resolveRegion("") == .notFound(suggestions: []))
        #expect(data.resolveRegion("   ") == .notFound(suggestions: []))
    }

    @Test("region(code:) takes the exact current code only; currentCode(for:) maps former codes")
    func exactLookup() {
        #expect(data.region(code: "3201")?.name == "Bærum")
        #expect(data.region(code: "3024") == nil)
        #expect(data.region(code: "bærum") == nil)
        #expect(data.currentCode(for: "3024") == "3201")
        #expect(data.currentCode(for: "3201") == "3201")
        #expect(data.currentCode(for: "301") == nil)
    }
}
