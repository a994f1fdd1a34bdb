// libFuzzer target: every message's decode path, and the round trip after it.
//
// The first byte selects a message type (modulo the number of types), the
// rest is decoded as that type. When the decode succeeds, the message is
// encoded, the encoding decoded again, and the two must agree:
//
//   decode(encode(m)) == m          (for m holding a NaN, which is != itself: prints the same)
//   encode(decode(encode(m))) == encode(m)
//   withEncodedBytes gives the same bytes as encoded()
//
// Anything else is a crash: fatalError, so libFuzzer keeps the input.
import FuzzSupport
import KostraCodec

/// Every message type of the schema. The selector byte is an index into this
/// list, and Fuzz/Corpus/FuzzMessages/ holds one seed per entry, so only ever
/// append: a reordered list changes what every saved input means.
/// scripts/fuzz.sh and Fuzz/make_corpus.py fail when a type in
/// Sources/KostraCodec/Generated/ is missing here.
let messageTypes: [any KostraMessage.Type] = [
    // analysis.proto
    KostraV1.AnalysisInput.self,
    KostraV1.Provenance.self,
    KostraV1.Figure.self,
    KostraV1.GetProfileRequest.self,
    KostraV1.ProfileRow.self,
    KostraV1.GetProfileResponse.self,
    KostraV1.CompareRequest.self,
    KostraV1.ValueChange.self,
    KostraV1.GroupRank.self,
    KostraV1.ComparedYear.self,
    KostraV1.ComparedSeries.self,
    KostraV1.ComparisonDifference.self,
    KostraV1.IndicatorComparison.self,
    KostraV1.CompareResponse.self,
    KostraV1.GetGroupAverageRequest.self,
    KostraV1.GroupMember.self,
    KostraV1.GetGroupAverageResponse.self,
    KostraV1.RegionYearRequest.self,
    KostraV1.ProductionComponent.self,
    KostraV1.ProductionIndexResponse.self,
    KostraV1.ProductionChangeComponent.self,
    KostraV1.ProductionChange.self,
    KostraV1.ProductionChangeResponse.self,
    KostraV1.EfficiencyResponse.self,
    KostraV1.ResourceUseMember.self,
    KostraV1.ResourceUseResponse.self,
    KostraV1.TeacherNormBand.self,
    KostraV1.TeacherNormResponse.self,
    KostraV1.StatementFigure.self,
    KostraV1.Statement.self,
    KostraV1.StatementsResponse.self,
    // envelope.proto
    KostraV1.MetadataEntry.self,
    KostraV1.RequestEnvelope.self,
    KostraV1.ResponseEnvelope.self,
    // indicator.proto
    KostraV1.Indicator.self,
    // kostra.proto
    KostraV1.ListIndicatorsRequest.self,
    KostraV1.ListIndicatorsResponse.self,
    KostraV1.ListRegionsRequest.self,
    KostraV1.ListRegionsResponse.self,
    KostraV1.HealthCheckRequest.self,
    KostraV1.HealthCheckResponse.self,
    KostraV1.GetSchemaRequest.self,
    KostraV1.GetSchemaResponse.self,
    // region.proto
    KostraV1.FormerCode.self,
    KostraV1.Region.self,
    // series.proto
    KostraV1.Observation.self,
    KostraV1.Series.self,
    KostraV1.GetSeriesRequest.self,
    KostraV1.GetSeriesResponse.self,
    // status.proto
    KostraV1.ErrorDetail.self,
    KostraV1.Status.self,
    // kostra.proto (Reload, added with data import)
    KostraV1.ReloadRequest.self,
    KostraV1.ReloadResponse.self,
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessages(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard count > 0, let start else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let type = messageTypes[Int(input[0]) % messageTypes.count]
    roundTrip(type, UnsafeRawBufferPointer(rebasing: input[1...]))
    return 0
}

/// Decodes `bytes` as `M`; on success checks the round trip.
func roundTrip<M: KostraMessage>(_: M.Type, _ bytes: UnsafeRawBufferPointer) {
    let first: M
    do {
        first = try M(decoding: bytes)
    } catch {
        // Refused: fine, as long as the error can be shown (the server puts it in a status).
        precondition(!error.description.isEmpty)
        note("refused: \(error)")
        return
    }
    note("\(M.protoMessageName): \(first)")
    let encoded = first.encoded()
    let second: M
    do {
        second = try M(decoding: encoded)
    } catch {
        fatalError("\(M.protoMessageName): the encoding of a decoded message does not decode: \(error); bytes \(hex(encoded))")
    }
    let reencoded = second.encoded()
    if reencoded != encoded {
        fatalError("\(M.protoMessageName): encoding is not stable: \(hex(encoded)) then \(hex(reencoded))")
    }
    // A NaN is not equal to itself, so a message holding one is never == its copy (nor, when
    // the NaN sits in an array, reliably != itself: Array's == first checks buffer identity).
    // Compared by its exact printed form instead; the byte check above covers the NaN's bits.
    if first != second && String(reflecting: first) != String(reflecting: second) {
        fatalError("\(M.protoMessageName): decode(encode(m)) != m for input \(hex(Array(bytes)))\n  first:  \(first)\n  second: \(second)")
    }
    first.withEncodedBytes { direct in
        if !direct.elementsEqual(encoded) {
            fatalError("\(M.protoMessageName): withEncodedBytes differs from encoded(): \(hex(Array(direct))) vs \(hex(encoded))")
        }
    }
}

func hex(_ bytes: [UInt8]) -> String {
    let shown = bytes.prefix(256).map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }.joined()
    return bytes.count > 256 ? shown + "... (\(bytes.count) bytes)" : shown
}
