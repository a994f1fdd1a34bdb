// What the fuzz targets share: a switch to say what each input did.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// True when KOSTRA_FUZZ_VERBOSE is set: each target then prints, per input, what it
/// decoded or why it was refused. For reproducing a finding, not for fuzzing.
public let fuzzVerbose: Bool = getenv("KOSTRA_FUZZ_VERBOSE") != nil

/// Prints `message()` on standard error when KOSTRA_FUZZ_VERBOSE is set.
public func note(_ message: @autoclosure () -> String) {
    guard fuzzVerbose else { return }
    var line = message() + "\n"
    line.withUTF8 { bytes in
        _ = write(2, bytes.baseAddress, bytes.count)
    }
}
