import KostraAnalysis
import KostraCodec
import KostraData
import KostraProtocol
import KostraService
import Testing

/// The analysis methods as a client sees them: through a live server, as
/// protobuf messages, with provenance and statuses.
@Suite("Live server: the analysis methods")
struct AnalysisMethodsTests {
    @Test("GetProfile: gruppestørrelse 2 at 100 × 16,9 / 16,4 = 103,05, with its formula and inputs")
    func profile() async throws {
        let response = try await withTestServer { port in
            try await withClient(port: port) { connection in
                try await connection.call(KostraMethods.getProfile, KostraV1.GetProfileRequest(region: "baerum", year: 2024))
            }
        }
        #expect(response.region?.code == "3201")
        #expect(response.reference?.code == "ASSS")
        let row = try #require(response.rows.first { $0.indicator?.id == "grunnskole.gruppestorrelse_2" })
        #expect(row.value == 16.9)
        #expect(row.referenceValue == 16.4)
        let index = try #require(row.index?.value)
        #expect(abs(index - 100 * 16.9 / 16.4) < 1e-9)  // 103.048...
        #expect(row.index?.provenance?.method == .serviceProfile)
        #expect(row.index?.provenance?.inputs.count == 2)
        #expect(row.index?.provenance?.status == .asPublished)
    }

    @Test("GetEfficiency: 100 × 100,7 / 92,1 = 109,34, computed from published inputs, beside the published 109,3")
    func efficiency() async throws {
        let response = try await withTestServer { port in
            try await withClient(port: port) { connection in
                try await connection.call(KostraMethods.getEfficiency, KostraV1.RegionYearRequest(region: "Bærum", year: 2024))
            }
        }
        let efficiency = try #require(response.efficiency?.value)
        #expect(abs(efficiency - 100 * 100.7 / 92.1) < 1e-9)
        #expect(response.efficiency?.provenance?.published == false)
        #expect(response.published?.value == 109.3)
        #expect(response.published?.provenance?.published == true)
        #expect(response.agreesWithPublished == true)
        #expect(response.publishedChange?.value == -5.1)  // «gått ned med 5,1 prosentpoeng»
    }

    @Test("GetProductionIndex: 100,7 served as published, not as computed")
    func production() async throws {
        let response = try await withTestServer { port in
            try await withClient(port: port) { connection in
                try await connection.call(KostraMethods.getProductionIndex, KostraV1.RegionYearRequest(region: "3024", year: 2024))
            }
        }
        let total = response.total?.value != nil ? response.total : response.publishedTotal
        #expect(total?.value == 100.7)
        #expect(total?.provenance?.published == true)
        #expect(response.components.count == 5)
        #expect(response.components.map(\.weight).reduce(0, +) - 1.0001 < 1e-12)
    }

    @Test("GetTeacherNorm: Bærum's bands against 15 and 20 in 2024")
    func norm() async throws {
        let response = try await withTestServer { port in
            try await withClient(port: port) { connection in
                try await connection.call(KostraMethods.getTeacherNorm, KostraV1.RegionYearRequest(region: "Bærum", year: 2024))
            }
        }
        // 15 − 14,3 = 0,7; 20 − 18,6 = 1,4; 20 − 19,1 = 0,9
        let margins = response.bands.compactMap { $0.margin?.value }
        #expect(margins.count == 3)
        for (margin, expected) in zip(margins, [0.7, 1.4, 0.9]) {
            #expect(abs(margin - expected) < 1e-9)
        }
        #expect(response.normArithmetic?.value == 18)
    }

    @Test("GetStatements: Bærum's 108 173 kr per pupil, implied by Oslo's 136 522 kr less 28 349 kr, phrased in both languages")
    func statements() async throws {
        let response = try await withTestServer { port in
            try await withClient(port: port) { connection in
                try await connection.call(KostraMethods.getStatements, KostraV1.RegionYearRequest(region: "Bærum", year: 2024))
            }
        }
        let implied = try #require(response.statements.first { $0.kind == "implied_value" })
        #expect(implied.figures.contains { $0.figure?.value == 108_173 })
        #expect(implied.textNb.contains("108 173"))
        #expect(!implied.textEn.isEmpty)
    }

    @Test("errors: a year without data is NOT_FOUND listing the years; a group where a municipality is needed is INVALID_ARGUMENT")
    func errors() async throws {
        try await withTestServer { port in
            try await withClient(port: port) { connection in
                await #expect {
                    _ = try await connection.call(KostraMethods.getEfficiency, KostraV1.RegionYearRequest(region: "Bærum", year: 2019))
                } throws: { error in
                    let error = error as? RPCError
                    return error?.code == .notFound && error?.details.first?.available.contains("2024") == true
                }
                await #expect {
                    _ = try await connection.call(KostraMethods.getTeacherNorm, KostraV1.RegionYearRequest(region: "ASSS", year: 2024))
                } throws: { error in
                    let error = error as? RPCError
                    return error?.code == .invalidArgument && error?.details.first?.field == "region"
                }
                await #expect {
                    _ = try await connection.call(KostraMethods.compare, KostraV1.CompareRequest(region: "Bærum", with: ["Baerun"]))
                } throws: { error in
                    let error = error as? RPCError
                    return error?.code == .notFound && error?.details.first?.suggestions.first == "Bærum"
                }
            }
        }
    }
}
