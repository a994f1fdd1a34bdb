import KostraCodec
import Testing

/// Encodes, decodes and compares, through every entry point.
func expectRoundTrip<M: KostraMessage>(_ message: M, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let bytes = message.encoded()
    let viaBody = message.withEncodedBytes { Array($0) }
    #expect(viaBody == bytes, sourceLocation: sourceLocation)

    #expect(try M(decoding: bytes) == message, sourceLocation: sourceLocation)
    #expect(try M(decoding: bytes[...]) == message, sourceLocation: sourceLocation)
    // A collection without contiguous storage goes through the copying path.
    #expect(try M(decoding: bytes.lazy.map { $0 }) == message, sourceLocation: sourceLocation)
    let fromRaw = try bytes.withUnsafeBytes { (raw) throws(DecodingError) -> M in
        try M(decoding: raw)
    }
    #expect(fromRaw == message, sourceLocation: sourceLocation)
    // Decoding straight from the encoder's own buffer.
    let decodedInPlace = try message.withEncodedBytes { (raw) throws(DecodingError) -> M in
        try M(decoding: raw)
    }
    #expect(decodedInPlace == message, sourceLocation: sourceLocation)
    // Encoding is deterministic.
    #expect(try M(decoding: bytes).encoded() == bytes, sourceLocation: sourceLocation)
}

@Suite("Round trips")
struct RoundTripTests {
    @Test("every message type, every field set", arguments: Fixtures.everyMessage.indices)
    func everyMessage(index: Int) throws {
        let message = Fixtures.everyMessage[index]
        try expectRoundTrip(message)
        // Every fixture sets a field, except GetSchemaRequest, which has none.
        #expect(!message.encoded().isEmpty || message is KostraV1.GetSchemaRequest)
    }

    @Test("every message type has a fixture")
    func fixturesCoverEveryType() {
        let covered = Set(Fixtures.everyMessage.map { type(of: $0).protoMessageName })
        let all = Set(Fixtures.everyType.map { $0.protoMessageName })
        #expect(covered == all)
        #expect(all.count == 20)
    }

    @Test("defaults encode to nothing", arguments: Fixtures.everyType.indices)
    func defaultsEncodeToNothing(index: Int) throws {
        let type = Fixtures.everyType[index]
        let empty = try decode(type, [])
        #expect(empty.encoded().isEmpty)
        let count = empty.withEncodedBytes { $0.count }
        #expect(count == 0)
    }

    @Test("unicode strings survive")
    func unicode() throws {
        let region = KostraV1.Region(code: "3201", name: "Bærum")
        let decoded = try KostraV1.Region(decoding: region.encoded())
        #expect(decoded.name == "Bærum")
        #expect(decoded.name.utf8.count == 6)
        let emoji = KostraV1.ErrorDetail(field: "🏫", reason: "Å ø æ — 日本", available: ["", "ø", ""], suggestions: [])
        try expectRoundTrip(emoji)
    }

    @Test("a value of 0.0 stays present, nil stays absent")
    func presence() throws {
        let zero = try KostraV1.Observation(decoding: KostraV1.Observation(value: 0.0).encoded())
        #expect(zero.value == 0.0)
        let negativeZero = try KostraV1.Observation(decoding: KostraV1.Observation(value: -0.0).encoded())
        #expect(negativeZero.value?.sign == .minus)
        let absent = try KostraV1.Observation(decoding: KostraV1.Observation(value: nil).encoded())
        #expect(absent.value == nil)
        #expect(KostraV1.Observation(value: nil).encoded().isEmpty)
        #expect(KostraV1.Observation(value: 0.0).encoded().count == 9)
    }

    @Test("an unrecognized enum value survives a round trip")
    func unrecognizedEnum() throws {
        let status = KostraV1.Status(code: KostraV1.Code(rawValue: 99), message: "newer")
        #expect(status.code == .unrecognized(99))
        let decoded = try KostraV1.Status(decoding: status.encoded())
        #expect(decoded.code == .unrecognized(99))
        #expect(decoded.code.rawValue == 99)
        #expect(decoded.encoded() == status.encoded())

        // A negative number is sent as a ten-byte varint and comes back unchanged.
        let negative = KostraV1.HealthCheckResponse(status: .unrecognized(-5))
        #expect(try KostraV1.HealthCheckResponse(decoding: negative.encoded()).status.rawValue == -5)
        #expect(negative.encoded().count == 11)
    }

    @Test("extreme numbers")
    func extremes() throws {
        try expectRoundTrip(KostraV1.RequestEnvelope(id: .max, timeoutMs: .max, protocolVersion: .max))
        try expectRoundTrip(KostraV1.FormerCode(code: "x", lastYear: .min))
        try expectRoundTrip(KostraV1.Observation(year: .max, value: .greatestFiniteMagnitude))
        try expectRoundTrip(KostraV1.Observation(value: .infinity))
        try expectRoundTrip(KostraV1.Observation(value: -.leastNonzeroMagnitude))
        let nan = try KostraV1.Observation(decoding: KostraV1.Observation(value: .nan).encoded())
        #expect(nan.value?.isNaN == true)
        try expectRoundTrip(KostraV1.HealthCheckResponse(years: [.min, -1, 0, 1, .max]))
    }

    @Test("a large message goes through the heap buffer")
    func largeMessage() throws {
        let observations = (0..<2_000).map { index in
            KostraV1.Observation(
                regionCode: String(format4: index),
                year: Int32(2000 + index % 25),
                value: index.isMultiple(of: 7) ? nil : Double(index) / 10,
                missing: index.isMultiple(of: 7) ? .notPublished : .none,
                status: .final,
                source: "source \(index)"
            )
        }
        let series = KostraV1.Series(indicatorId: "big", regionCode: "0301", observations: observations)
        let bytes = series.encoded()
        #expect(bytes.count > 40_000)
        try expectRoundTrip(series)
        let payload = KostraV1.ResponseEnvelope(id: 1, payload: Array(repeating: 7, count: 1 << 20))
        try expectRoundTrip(payload)
    }

    @Test("empty strings and bytes inside repeated fields are kept")
    func emptyRepeatedEntries() throws {
        let detail = KostraV1.ErrorDetail(available: ["", "", "a"], suggestions: [""])
        let decoded = try KostraV1.ErrorDetail(decoding: detail.encoded())
        #expect(decoded.available == ["", "", "a"])
        #expect(decoded.suggestions == [""])
        let response = KostraV1.ListRegionsResponse(regions: [KostraV1.Region(), KostraV1.Region()])
        #expect(try KostraV1.ListRegionsResponse(decoding: response.encoded()).regions.count == 2)
    }

    @Test("encoding and decoding from many tasks at once")
    func concurrent() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for round in 0..<100 {
                        let message = Fixtures.everyMessage[(task + round) % Fixtures.everyMessage.count]
                        try expectRoundTrip(message)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

extension String {
    /// `index` as a four-digit code: 7 -> "0007".
    init(format4 index: Int) {
        let digits = String(index % 10_000)
        self = String(repeating: "0", count: 4 - digits.count) + digits
    }
}
