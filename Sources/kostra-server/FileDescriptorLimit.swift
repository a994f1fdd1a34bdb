#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open files, which bounds the connections it can
/// hold: each is a file descriptor.
enum FileDescriptorLimit {
    /// Raises the soft limit to the hard one (systemd and most shells start
    /// services at a soft 1 024, far below --max-connections); returns the
    /// limit in force afterwards, or nil when it cannot be read.
    @discardableResult
    static func raiseToHard() -> UInt64? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 {
                return UInt64(raised.rlim_max)
            }
        }
        return UInt64(limit.rlim_cur)
    }
}
