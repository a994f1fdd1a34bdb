import KostraData
import Testing

/// Loads `bytes` and returns the error it must raise.
func refusal(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> DatasetError? {
    do {
        _ = try Dataset(jsonBytes: bytes, name: "test")
        Issue.record("the data was accepted", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Builds a dataset from parts and returns the error it must raise.
func refusal(
    regions: [Region] = [TestData.region],
    indicators: [Indicator] = [TestData.indicator],
    observations: [Observation] = [],
    weights: [ProductionWeights] = [],
    facts: [Fact] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) -> DatasetError? {
    do {
        _ = try Dataset(regions: regions, indicators: indicators, observations: observations, productionWeights: weights, facts: facts, name: "test")
        Issue.record("the data was accepted", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("Refusing faulty data, naming the place")
struct DatasetErrorTests {
    @Test("The test file itself loads")
    func baseline() throws {
        _ = try Dataset(jsonBytes: TestData.bytes, name: "test")
    }

    @Test("Truncated JSON: a syntax error at the end, by line and column")
    func truncated() throws {
        let bytes = Array(TestData.bytes.prefix(TestData.bytes.count / 2))
        let error = try #require(refusal(bytes))
        #expect(error.code == .syntax)
        #expect(error.path.hasPrefix("line "))
        #expect(error.path.contains("column"))
        #expect(error.message.contains("end of the input") || error.message.contains("not closed"))
    }

    @Test("Not JSON at all: the line and column of the first bad character")
    func notJSON() throws {
        let error = try #require(refusal(Array("{\n  \"format\": 1,\n  oops\n}".utf8)))
        #expect(error.code == .syntax)
        #expect(error.path == "line 3, column 3")
        #expect(error.description == "line 3, column 3: expected a member name in quotes, found 'o'")
    }

    @Test("A trailing comma is not JSON")
    func trailingComma() throws {
        let error = try #require(refusal(TestData.file(replacing: "[2022, 2023, 2024]", with: "[2022, 2023, 2024,]")))
        #expect(error.code == .syntax)
        #expect(error.message.contains("expected a value, found ']'"))
    }

    @Test("A row of the wrong length")
    func rowLength() throws {
        let error = try #require(refusal(TestData.file(replacing: "[1.5, 2.5, 3.5]", with: "[1.5, 2.5]")))
        #expect(error.code == .rowLength)
        #expect(error.path == "tables[0].rows.3024")
        #expect(error.description == "tables[0].rows.3024: the row has 2 values but the table has 3 years")
    }

    @Test("A row for an unknown region")
    func unknownRegionRow() throws {
        let error = try #require(refusal(TestData.file(replacing: #""3024": [1.5"#, with: #""9999": [1.5"#)))
        #expect(error.code == .unknownRegion)
        #expect(error.path == "tables[0].rows.9999[0]")
        #expect(error.message.contains("\"9999\""))
    }

    @Test("A figure for an unknown region or indicator")
    func unknownInFigure() throws {
        let region = try #require(refusal(TestData.file(replacing: #""region": "0301""#, with: #""region": "301""#)))
        #expect(region.code == .unknownRegion)
        #expect(region.description.hasPrefix("figures[0]: unknown region code \"301\""))

        let indicator = try #require(refusal(TestData.file(replacing: #"{"indicator": "grunnskole.x", "region""#, with: #"{"indicator": "grunnskole.y", "region""#)))
        #expect(indicator.code == .unknownIndicator)
        #expect(indicator.description == "figures[0]: unknown indicator \"grunnskole.y\"")
    }

    @Test("A duplicate region code")
    func duplicateRegion() throws {
        let error = try #require(refusal(TestData.file(replacing: #"{"code": "0301", "name": "Oslo""#, with: #"{"code": "3201", "name": "Oslo""#)))
        #expect(error.code == .duplicate)
        #expect(error.path == "regions[1].code")
        #expect(error.message.contains("already used at regions[0]"))
    }

    @Test("A former code that is another region's code")
    func formerCodeClash() throws {
        let error = try #require(refusal(TestData.file(replacing: #""3024", "last_year""#, with: #""0301", "last_year""#)))
        #expect(error.code == .duplicate)
        #expect(error.path == "regions[0].former_codes[0]")
    }

    @Test("A duplicate indicator id, and an id that is not service.snake_case")
    func badIndicators() throws {
        var indicator = TestData.indicator
        let duplicate = try #require(refusal(indicators: [indicator, indicator]))
        #expect(duplicate.code == .duplicate)
        #expect(duplicate.path == "indicators[1].id")

        indicator.id = "grunnskole.gruppestørrelse"
        let badId = try #require(refusal(indicators: [indicator]))
        #expect(badId.code == .invalidValue)
        #expect(badId.path == "indicators[0].id")
    }

    @Test("A weight for an unknown indicator")
    func unknownWeight() throws {
        let error = try #require(refusal(TestData.file(replacing: #"{"grunnskole.x": 1.0}"#, with: #"{"grunnskole.x": 0.5, "grunnskole.nope": 0.5}"#)))
        #expect(error.code == .unknownIndicator)
        #expect(error.path == #"production_weights[0].weights["grunnskole.nope"]"#)
    }

    @Test("A non-finite value, in a file and given directly")
    func nonFinite() throws {
        let fromFile = try #require(refusal(TestData.file(replacing: "[1.5, 2.5, 3.5]", with: "[1.5, 1e999, 3.5]")))
        #expect(fromFile.code == .nonFiniteValue)
        #expect(fromFile.path == "tables[0].rows.3024[1]")

        let direct = try #require(refusal(observations: [
            Observation(indicatorId: "grunnskole.x", regionCode: "3201", year: 2023, value: 1),
            Observation(indicatorId: "grunnskole.x", regionCode: "3201", year: 2024, value: .nan),
        ]))
        #expect(direct.code == .nonFiniteValue)
        #expect(direct.path == "observations[1]")
        #expect(direct.message.contains("nan"))
    }

    @Test("Observations given directly: unknown region, no value and no reason, both, twice")
    func directObservations() throws {
        let unknown = try #require(refusal(observations: [Observation(indicatorId: "grunnskole.x", regionCode: "0301", year: 2024, value: 1)]))
        #expect(unknown.code == .unknownRegion)
        #expect(unknown.description.hasPrefix("observations[0]: unknown region code \"0301\""))

        let neither = try #require(refusal(observations: [Observation(indicatorId: "grunnskole.x", regionCode: "3201", year: 2024, value: nil)]))
        #expect(neither.code == .invalidValue)
        #expect(neither.message.contains("no value and no reason"))

        let both = try #require(refusal(observations: [Observation(indicatorId: "grunnskole.x", regionCode: "3201", year: 2024, value: 1, missing: .suppressed)]))
        #expect(both.code == .invalidValue)

        // The same figure twice, once under the former code.
        let twice = try #require(refusal(observations: [
            Observation(indicatorId: "grunnskole.x", regionCode: "3201", year: 2023, value: 1),
            Observation(indicatorId: "grunnskole.x", regionCode: "3024", year: 2023, value: 1),
        ]))
        #expect(twice.code == .duplicate)
        #expect(twice.path == "observations[1]")
        #expect(twice.message.contains("the first is at observations[0]"))
    }

    @Test("A fact naming an unknown region")
    func badFact() throws {
        let fact = Fact(id: "f", kind: "rank", subject: "3201", regions: ["9999"], statement: "s", source: "q")
        let error = try #require(refusal(facts: [fact]))
        #expect(error.code == .unknownRegion)
        #expect(error.path == "facts[0].regions[0]")
    }

    @Test("A misspelt field, a duplicate key, a wrong type, an unknown enumeration value")
    func shape() throws {
        let misspelt = try #require(refusal(TestData.file(replacing: #""indicator": "grunnskole.x", "unit""#, with: #""indicatr": "grunnskole.x", "unit""#)))
        #expect(misspelt.code == .unexpectedField)
        #expect(misspelt.path == "tables[0].indicatr")

        let duplicateKey = try #require(refusal(TestData.file(replacing: #""ASSS": [4, null, 6]"#, with: #""3024": [4, null, 6]"#)))
        #expect(duplicateKey.code == .duplicate)
        #expect(duplicateKey.path == "tables[0].rows.3024")

        let wrongType = try #require(refusal(TestData.file(replacing: "[4, null, 6]", with: #"[4, "5", 6]"#)))
        #expect(wrongType.code == .wrongType)
        #expect(wrongType.description == "tables[0].rows.ASSS[1]: expected a number or null, found a string")

        let badUnit = try #require(refusal(TestData.file(replacing: #""unit": "number","#, with: #""unit": "kroner","#)))
        #expect(badUnit.code == .invalidValue)
        #expect(badUnit.path == "indicators[0].unit")
        #expect(badUnit.message.contains("\"thousand_nok\""))
    }

    @Test("A table whose unit differs from its indicator's")
    func tableUnit() throws {
        let error = try #require(refusal(TestData.file(replacing: #""indicator": "grunnskole.x", "unit": "number""#, with: #""indicator": "grunnskole.x", "unit": "percent""#)))
        #expect(error.code == .invalidValue)
        #expect(error.path == "tables[0].unit")
    }

    @Test("A file of another format version")
    func format() throws {
        let error = try #require(refusal(TestData.file(replacing: #""format": 1"#, with: #""format": 2"#)))
        #expect(error.code == .unsupportedFormat)
        #expect(error.path == "format")
    }

    @Test("A missing required field")
    func missingField() throws {
        let error = try #require(refusal(TestData.file(replacing: #""source": "«a sentence»""#, with: #""note": "x""#)))
        #expect(error.code == .missingField)
        #expect(error.description == "figures[0]: the field \"source\" is missing")
    }
}
