import KostraCodec
import Testing

@Suite("Enums")
struct EnumTests {
    @Test("case names drop the enum's prefix")
    func names() {
        #expect(KostraV1.RegionKind.municipality.rawValue == 1)
        #expect(KostraV1.RegionKind.groupAverage.rawValue == 2)
        #expect(KostraV1.MissingReason.notAvailable.rawValue == 1)
        #expect(KostraV1.HealthCheckResponse.ServingStatus.notServing.rawValue == 2)
        #expect(KostraV1.Code.ok.rawValue == 0)
        #expect(KostraV1.Code.invalidArgument.rawValue == 3)
        #expect(KostraV1.Code.unauthenticated.rawValue == 16)
        #expect(KostraV1.Unit.nok.rawValue == 1)
        #expect(KostraV1.Unit.thousandNok.rawValue == 2)
        #expect(KostraV1.Unit.percentagePoints.rawValue == 9)
        #expect(KostraV1.Direction.higherIsBetter.rawValue == 1)
        #expect(KostraV1.Aggregation.publishedOnly.rawValue == 3)
        #expect(KostraV1.FigureStatus.asPublished.rawValue == 3)
    }

    @Test("raw values map both ways, unknown ones to unrecognized")
    func rawValues() {
        for code in KostraV1.Code.allCases {
            #expect(KostraV1.Code(rawValue: code.rawValue) == code)
        }
        #expect(KostraV1.Code.allCases.count == 17)
        #expect(KostraV1.Code.allCases.map(\.rawValue) == Array(0...16))
        #expect(KostraV1.Code(rawValue: 99) == .unrecognized(99))
        #expect(KostraV1.Code(rawValue: -1) == .unrecognized(-1))
        #expect(KostraV1.Code(rawValue: 5) == .notFound)
        // An unrecognized case holding a known number is that case.
        #expect(KostraV1.Code.unrecognized(1) == .cancelled)
        #expect(Set([KostraV1.Code.unrecognized(1), .cancelled]).count == 1)
        #expect(KostraV1.MissingReason.allCases.first == KostraV1.MissingReason.none)
    }

    @Test("defaults are the zero cases")
    func defaults() {
        #expect(KostraV1.Region().kind == .unspecified)
        #expect(KostraV1.Status().code == .ok)
        #expect(KostraV1.Indicator().unit == .unspecified)
        #expect(KostraV1.HealthCheckResponse().status == .unknown)
        #expect(KostraV1.Observation().missing == KostraV1.MissingReason.none)
    }
}

@Suite("Schema")
struct SchemaTests {
    @Test("the embedded FileDescriptorSet")
    func descriptorSet() {
        let set = KostraSchema.fileDescriptorSet
        #expect(set.count > 1_000)
        // FileDescriptorSet.file is field 1, length-delimited: (1 << 3) | 2 = 0x0a.
        #expect(set.first == 0x0A)
        #expect(set == KostraSchema.fileDescriptorSet)
    }

    @Test("the file names, in dependency order")
    func fileNames() {
        let names = KostraSchema.fileNames
        #expect(names.count == 7)
        #expect(names.first == "kostra/v1/status.proto")
        #expect(Set(names) == [
            "kostra/v1/status.proto", "kostra/v1/envelope.proto", "kostra/v1/region.proto",
            "kostra/v1/indicator.proto", "kostra/v1/series.proto", "kostra/v1/analysis.proto",
            "kostra/v1/kostra.proto",
        ])
        #expect(KostraSchema.fileDescriptorSet.count > 0)
    }

    @Test("message names")
    func messageNames() {
        #expect(KostraV1.Region.protoMessageName == "kostra.v1.Region")
        #expect(KostraV1.HealthCheckResponse.protoMessageName == "kostra.v1.HealthCheckResponse")
        #expect(KostraV1.GetSchemaResponse.protoMessageName == "kostra.v1.GetSchemaResponse")
    }
}
