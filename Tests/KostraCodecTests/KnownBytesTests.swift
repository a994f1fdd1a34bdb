import KostraCodec
import Testing

/// Encodings written out by hand, byte by byte, against which the codec is checked both ways.
///
/// A tag is (field number << 3) | wire type: 0 varint, 1 fixed 64-bit, 2 length-delimited,
/// 5 fixed 32-bit. A varint is 7 bits a byte, least significant first, the high bit set on every
/// byte but the last.
@Suite("Known bytes")
struct KnownBytesTests {
    // Region(code: "3201", name: "Bærum", kind: .municipality)
    static let regionBytes: [UInt8] = [
        0x0A, 0x04,                               // field 1 (code), length-delimited: (1 << 3) | 2 = 0x0a; 4 bytes
        0x33, 0x32, 0x30, 0x31,                   // "3201"
        0x12, 0x06,                               // field 2 (name): (2 << 3) | 2 = 0x12; 6 bytes
        0x42, 0xC3, 0xA6, 0x72, 0x75, 0x6D,       // "B", "æ" = U+00E6 = C3 A6 in UTF-8, "rum"
        0x18, 0x01,                               // field 3 (kind), varint: (3 << 3) | 0 = 0x18; MUNICIPALITY = 1
    ]

    // RequestEnvelope(id: 300, method: "/kostra.v1.Kostra/Check", timeoutMs: 1500, payload: [1, 2, 3],
    //                 protocolVersion: 1, metadata: [MetadataEntry(key: "a", value: "b")])
    static let requestBytes: [UInt8] = [
        0x08, 0xAC, 0x02,                         // field 1 (id), varint: 300 = 2 * 128 + 44; 44 | 0x80 = 0xac, then 2
        0x12, 0x17,                               // field 2 (method): 0x12; "/kostra.v1.Kostra/Check" is 23 = 0x17 bytes
        0x2F, 0x6B, 0x6F, 0x73, 0x74, 0x72, 0x61, // "/kostra"
        0x2E, 0x76, 0x31,                         // ".v1"
        0x2E, 0x4B, 0x6F, 0x73, 0x74, 0x72, 0x61, // ".Kostra"
        0x2F, 0x43, 0x68, 0x65, 0x63, 0x6B,       // "/Check"
        0x18, 0xDC, 0x0B,                         // field 3 (timeout_ms): 0x18; 1500 = 11 * 128 + 92; 92 | 0x80 = 0xdc, then 11
        0x22, 0x03, 0x01, 0x02, 0x03,             // field 4 (payload): (4 << 3) | 2 = 0x22; 3 bytes
        0x28, 0x01,                               // field 5 (protocol_version): (5 << 3) | 0 = 0x28; 1
        0x32, 0x06,                               // field 6 (metadata), a message: (6 << 3) | 2 = 0x32; 6 bytes
        0x0A, 0x01, 0x61,                         //   field 1 (key): "a"
        0x12, 0x01, 0x62,                         //   field 2 (value): "b"
    ]

    // Observation(value: 0.0): field 3, fixed 64-bit: (3 << 3) | 1 = 0x19, then the double's 8 bytes.
    static let zeroValueBytes: [UInt8] = [0x19, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]

    // Status(code: .notFound, message: "x"): field 1 varint 5 (0x08 0x05), field 2 "x" (0x12 0x01 0x78).
    static let statusBytes: [UInt8] = [0x08, 0x05, 0x12, 0x01, 0x78]

    static let region = KostraV1.Region(code: "3201", name: "Bærum", kind: .municipality)
    static let request = KostraV1.RequestEnvelope(
        id: 300,
        method: "/kostra.v1.Kostra/Check",
        timeoutMs: 1500,
        payload: [1, 2, 3],
        protocolVersion: 1,
        metadata: [KostraV1.MetadataEntry(key: "a", value: "b")]
    )

    @Test func regionEncodes() {
        #expect(Self.region.encoded() == Self.regionBytes)
        #expect(Self.region.withEncodedBytes { Array($0) } == Self.regionBytes)
    }

    @Test func regionDecodes() throws {
        #expect(try KostraV1.Region(decoding: Self.regionBytes) == Self.region)
    }

    @Test func requestEncodes() {
        #expect(Self.requestBytes.count == 46)
        #expect(Self.request.encoded() == Self.requestBytes)
    }

    @Test func requestDecodes() throws {
        let decoded = try KostraV1.RequestEnvelope(decoding: Self.requestBytes)
        #expect(decoded == Self.request)
        #expect(decoded.timeoutMs == 1500)
        #expect(decoded.metadata == [KostraV1.MetadataEntry(key: "a", value: "b")])
    }

    @Test func zeroValueIsPresent() throws {
        #expect(KostraV1.Observation(value: 0.0).encoded() == Self.zeroValueBytes)
        #expect(try KostraV1.Observation(decoding: Self.zeroValueBytes).value == 0.0)
        #expect(try KostraV1.Observation(decoding: [UInt8]()).value == nil)
    }

    @Test func status() throws {
        let status = KostraV1.Status(code: .notFound, message: "x")
        #expect(status.encoded() == Self.statusBytes)
        #expect(try KostraV1.Status(decoding: Self.statusBytes) == status)
    }

    @Test("fields out of order and repeated singular fields decode as protobuf says")
    func lastOneWins() throws {
        // kind first, then code twice: the last value of a singular field wins.
        let bytes: [UInt8] = [0x18, 0x02, 0x0A, 0x01, 0x41, 0x0A, 0x01, 0x42]
        let region = try KostraV1.Region(decoding: bytes)
        #expect(region == KostraV1.Region(code: "B", kind: .groupAverage))
    }

    @Test("a packed and an unpacked repeated int32 both decode")
    func packedAndUnpacked() throws {
        // HealthCheckResponse.years = 4. Packed: (4 << 3) | 2 = 0x22, 4 bytes: 2022 = 0xe6 0x0f, 2023 = 0xe7 0x0f.
        let packed: [UInt8] = [0x22, 0x04, 0xE6, 0x0F, 0xE7, 0x0F]
        // Unpacked: each value with its own varint tag (4 << 3) | 0 = 0x20.
        let unpacked: [UInt8] = [0x20, 0xE6, 0x0F, 0x20, 0xE7, 0x0F]
        #expect(try KostraV1.HealthCheckResponse(decoding: packed).years == [2022, 2023])
        #expect(try KostraV1.HealthCheckResponse(decoding: unpacked).years == [2022, 2023])
        // proto3 encodes repeated scalars packed.
        #expect(KostraV1.HealthCheckResponse(years: [2022, 2023]).encoded() == packed)
    }
}
