import ArgumentParser
import KostraCodec

/// `--region R --year Y`, shared by the analysis commands.
struct RegionYearOptions: ParsableArguments {
    @Option(help: "The municipality: number, former number or name (\"Bærum\", \"3024\").")
    var region: String

    @Option(help: "The year.")
    var year: Int

    /// The request the analysis methods take.
    var request: KostraV1.RegionYearRequest {
        KostraV1.RegionYearRequest(region: self.region, year: Int32(clamping: self.year))
    }

    func validate() throws {
        guard (1900...2200).contains(self.year) else {
            throw ValidationError("--year must be a year such as 2024, not \(self.year)")
        }
    }
}
