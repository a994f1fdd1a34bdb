// libFuzzer target: the data store reader.
//
// The bytes are put where a data directory's store goes (DIR/kostra.sqlite) and
// DataStore.read() opens it, as a server does at start and on Reload. It must
// return a snapshot or throw — a file that is not SQLite, a foreign SQLite file,
// a damaged page, a series row whose text does not read — and never crash, trap,
// leak or hang. A snapshot it returns must answer its lookups: every indicator's
// figures for every region (each indicator's rows are decoded then), and the
// history of the first figure of each; a row that does not read is served as
// missing and named in loadFailures.
import FuzzSupport
import KostraData

#if canImport(Glibc)
import Glibc
#endif

/// A directory of this process's own, made once.
let directory: String = {
    let path = "/tmp/kostra-fuzz-store-\(getpid())"
    mkdir(path, 0o700)
    return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStore(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let path = directory + "/kostra.sqlite"
    unlink(path + "-journal")
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    if count > 0, let start { fwrite(start, 1, count, file) }
    fclose(file)

    let snapshot: StoreSnapshot
    do {
        snapshot = try DataStore(directory: directory).read()
    } catch {
        note("refused: \(error)")
        return 0
    }
    let dataset = snapshot.dataset
    note("accepted: version \(snapshot.versionNumber), \(dataset.regions.count) regions, \(dataset.indicators.count) indicators")
    for indicator in dataset.indicators {
        for code in dataset.regionCodes(withDataFor: indicator.id) {
            let figures = dataset.observations(indicatorId: indicator.id, regionCode: code)
            if let first = figures.first {
                _ = dataset.history(indicatorId: indicator.id, regionCode: code, year: first.year)
            }
        }
    }
    note("load failures: \(dataset.loadFailures.count)")
    return 0
}
