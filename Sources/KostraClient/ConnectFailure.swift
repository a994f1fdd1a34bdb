import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Says in a few words why a connection attempt failed ("connection
/// refused", "timed out"), instead of NIO's full error chain.
enum ConnectFailure {
    static func reason(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if let dns = error.dnsAError ?? error.dnsAAAAError {
                return "cannot resolve the host name (\(dns))"
            }
            if let first = error.connectionErrors.first {
                return Self.reason(first.error)
            }
        }
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return "timed out"
        }
        return "\(error)"
    }
}
