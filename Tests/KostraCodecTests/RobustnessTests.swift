import KostraCodec
import Testing

/// Decodes `bytes` as every message type: each must either throw ``DecodingError`` or decode,
/// and what decodes must encode to bytes that decode to the same encoding again.
/// Returns how many types accepted the bytes.
@discardableResult
func decodeAsEveryType(_ bytes: [UInt8]) -> Int {
    var accepted = 0
    for type in Fixtures.everyType {
        if checkDecode(type, bytes) {
            accepted += 1
        }
    }
    return accepted
}

private func checkDecode<M: KostraMessage>(_: M.Type, _ bytes: [UInt8]) -> Bool {
    let message: M
    do throws(DecodingError) {
        message = try M(decoding: bytes)
    } catch {
        #expect(error.messageName == M.protoMessageName)
        #expect(error.byteCount == bytes.count)
        return false
    }
    // Compared as bytes, not values: a decoded double may be a NaN.
    let encoded = message.encoded()
    let again = try? M(decoding: encoded).encoded()
    #expect(again == encoded)
    return true
}

@Suite("Malformed and unexpected input")
struct RobustnessTests {
    @Test("random bytes throw or decode, never crash")
    func garbage() {
        var random = SplitMix64(seed: 0x6B6F_7374_7261)
        var accepted = 0
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...64, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            accepted += decodeAsEveryType(bytes)
        }
        // Both outcomes happen: the fuzzing reaches past the first byte.
        #expect(accepted > 0)
        #expect(accepted < 3_000 * Fixtures.everyType.count)
    }

    @Test("mutated valid encodings throw or decode, never crash")
    func mutations() {
        var random = SplitMix64(seed: 42)
        let encodings = Fixtures.everyMessage.map { $0.encoded() }.filter { !$0.isEmpty }
        for _ in 0..<2_000 {
            var bytes = encodings[Int.random(in: 0..<encodings.count, using: &random)]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: index)
                default: if bytes.count > 1 { bytes.remove(at: index) }
                }
            }
            decodeAsEveryType(bytes)
        }
    }

    @Test("every prefix of a big message throws or decodes, never crashes")
    func truncated() throws {
        let bytes = Fixtures.getSeriesResponse.encoded()
        #expect(bytes.count > 500)
        var rejected = 0
        for length in 0..<bytes.count {
            do throws(DecodingError) {
                _ = try KostraV1.GetSeriesResponse(decoding: bytes[..<length])
            } catch {
                rejected += 1
                #expect(error.reason == "not valid protobuf")
            }
            decodeAsEveryType(Array(bytes[..<length]))
        }
        #expect(rejected > bytes.count / 2)
        #expect(try KostraV1.GetSeriesResponse(decoding: bytes) == Fixtures.getSeriesResponse)
    }

    @Test("a length that runs past the end is rejected")
    func lengthPastEnd() {
        // field 1 (code), length-delimited, claims 5 bytes but 2 follow.
        #expect(throws: DecodingError(messageName: "kostra.v1.Region", byteCount: 4, reason: "not valid protobuf")) {
            try KostraV1.Region(decoding: [0x0A, 0x05, 0x41, 0x42])
        }
        // A varint that never ends.
        #expect(throws: DecodingError.self) {
            try KostraV1.Region(decoding: [0x18] + Array(repeating: 0xFF, count: 11))
        }
        // Field number 0 is invalid.
        #expect(throws: DecodingError.self) {
            try KostraV1.Region(decoding: [0x00, 0x01])
        }
        // A string field sent with the varint wire type.
        #expect(throws: DecodingError.self) {
            try KostraV1.Region(decoding: [0x08, 0x01])
        }
    }

    @Test("invalid UTF-8 in a string field throws and names the field")
    func invalidUTF8() throws {
        // Region.name (field 2) = C3 28: a lead byte followed by a byte that is not a continuation.
        let bytes: [UInt8] = [0x0A, 0x04, 0x33, 0x32, 0x30, 0x31, 0x12, 0x02, 0xC3, 0x28]
        let error = try #require(throws: DecodingError.self) {
            try KostraV1.Region(decoding: bytes)
        }
        #expect(error.messageName == "kostra.v1.Region")
        #expect(error.byteCount == 10)
        #expect(error.reason == "field 'name' is not valid UTF-8")
        #expect(error.description == "cannot decode kostra.v1.Region from 10 bytes: field 'name' is not valid UTF-8")

        // Overlong encodings and UTF-16 surrogates are not UTF-8 either.
        for invalid: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] {
            let region = [0x12, UInt8(invalid.count)] + invalid
            #expect(throws: DecodingError.self) { try KostraV1.Region(decoding: region) }
        }
    }

    @Test("invalid UTF-8 deeper in a message names the path")
    func invalidUTF8Paths() throws {
        // ListRegionsResponse.regions (field 1) = [Region(name: C3 28)].
        let list: [UInt8] = [0x0A, 0x04, 0x12, 0x02, 0xC3, 0x28]
        #expect(throws: DecodingError(messageName: "kostra.v1.ListRegionsResponse", byteCount: 6,
                                      reason: "field 'regions[0].name' is not valid UTF-8")) {
            try KostraV1.ListRegionsResponse(decoding: list)
        }
        // GetSeriesRequest.regions (field 2, repeated string) = ["ok", FF].
        let request: [UInt8] = [0x12, 0x02, 0x6F, 0x6B, 0x12, 0x01, 0xFF]
        #expect(throws: DecodingError(messageName: "kostra.v1.GetSeriesRequest", byteCount: 7,
                                      reason: "field 'regions[1]' is not valid UTF-8")) {
            try KostraV1.GetSeriesRequest(decoding: request)
        }
        // ResponseEnvelope.status (field 2).message (field 2) = FF.
        let response: [UInt8] = [0x12, 0x03, 0x12, 0x01, 0xFF]
        #expect(throws: DecodingError(messageName: "kostra.v1.ResponseEnvelope", byteCount: 5,
                                      reason: "field 'status.message' is not valid UTF-8")) {
            try KostraV1.ResponseEnvelope(decoding: response)
        }
        // GetSeriesResponse.series[1].observations[0].source (field 6).
        var bad = Fixtures.getSeriesResponse
        bad.series[1].observations[0].source = "SOURCE"
        var bytes = bad.encoded()
        let marker = Array("SOURCE".utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: marker) })
        bytes[at + 2] = 0xFF
        #expect(throws: DecodingError(messageName: "kostra.v1.GetSeriesResponse", byteCount: bytes.count,
                                      reason: "field 'series[1].observations[0].source' is not valid UTF-8")) {
            try KostraV1.GetSeriesResponse(decoding: bytes)
        }
    }

    @Test("empty input decodes to the default message", arguments: Fixtures.everyType.indices)
    func emptyInput(index: Int) throws {
        let type = Fixtures.everyType[index]
        try checkEmpty(type)
    }

    private func checkEmpty<M: KostraMessage>(_: M.Type) throws {
        #expect(try M(decoding: [UInt8]()) == M(decoding: [UInt8]()))
        // A buffer with no base address at all.
        let fromNil = try M(decoding: UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(fromNil.encoded().isEmpty)
        #expect(try M(decoding: ArraySlice<UInt8>()) == fromNil)
    }

    @Test("empty input gives the proto3 defaults")
    func emptyDefaults() throws {
        let region = try KostraV1.Region(decoding: UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(region == KostraV1.Region())
        #expect(region.code == "" && region.name == "" && region.kind == .unspecified)
        #expect(region.formerCodes.isEmpty && region.memberCodes.isEmpty)
        let response = try KostraV1.ResponseEnvelope(decoding: [UInt8]())
        #expect(response.status == nil && response.payload.isEmpty && response.id == 0)
        let observation = try KostraV1.Observation(decoding: [UInt8]())
        #expect(observation.value == nil && observation.missing == .none)
    }

    @Test("fields of a newer schema are skipped")
    func unknownFields() throws {
        let extra: [UInt8] = [
            0x98, 0x06, 0x07,                   // field 99, varint: (99 << 3) | 0 = 792 = 6 * 128 + 24 -> 0x98 0x06; value 7
            0x9A, 0x06, 0x02, 0x68, 0x69,       // field 99, length-delimited: 794 -> 0x9a 0x06; "hi"
            0x99, 0x06, 1, 2, 3, 4, 5, 6, 7, 8, // field 99, fixed 64-bit: 793 -> 0x99 0x06
            0x9D, 0x06, 1, 2, 3, 4,             // field 99, fixed 32-bit: 797 -> 0x9d 0x06
        ]
        let region = KnownBytesTests.region
        let bytes = KnownBytesTests.regionBytes
        #expect(try KostraV1.Region(decoding: bytes + extra) == region)
        #expect(try KostraV1.Region(decoding: extra + bytes) == region)
        #expect(try KostraV1.Region(decoding: Array(bytes[..<6]) + extra + Array(bytes[6...])) == region)
        // Unknown fields are not kept: re-encoding gives the known fields only.
        #expect(try KostraV1.Region(decoding: bytes + extra).encoded() == bytes)
        // An unknown field inside a nested message is skipped too.
        let nested: [UInt8] = [0x0A, UInt8(bytes.count + extra.count)] + bytes + extra
        #expect(try KostraV1.ListRegionsResponse(decoding: nested).regions == [region])
    }
}
