// libFuzzer target: the data file reader.
//
// Dataset(jsonBytes:name:) reads any bytes: it either returns a checked
// dataset or throws DatasetError (its typed throws guarantees the type). It
// must never crash, trap, leak or hang, however deep, long or broken the input.
// A dataset it accepts must answer its own lookups: every region by its code
// and its name, every indicator by its id.
import FuzzSupport
import KostraData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataFile(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes: [UInt8] = count > 0 && start != nil ? Array(UnsafeRawBufferPointer(start: start, count: count)) : []
    let dataset: Dataset
    do {
        dataset = try Dataset(jsonBytes: bytes, name: "fuzz")
    } catch {
        // The error is shown to people, so it must be printable.
        precondition(!error.description.isEmpty)
        note("refused (\(error.code)): \(error)")
        return 0
    }
    note("accepted: \(dataset.regions.count) regions, \(dataset.indicators.count) indicators, \(dataset.observations.count) observations, years \(dataset.years)")
    for region in dataset.regions {
        guard dataset.region(code: region.code) == region else {
            fatalError("accepted dataset does not find region \(region.code) by its code")
        }
        _ = dataset.resolveRegion(region.name)
        for indicator in dataset.indicators {
            _ = dataset.observations(indicatorId: indicator.id, regionCode: region.code)
        }
    }
    for indicator in dataset.indicators {
        guard dataset.indicator(id: indicator.id) == indicator else {
            fatalError("accepted dataset does not find indicator \(indicator.id) by its id")
        }
        _ = dataset.years(of: indicator.id)
    }
    return 0
}
