/// What a method does to the server, which decides whether it needs a token.
public enum MethodAccess: Sendable, Hashable {
    /// Always open, whatever the policy: the health check (load balancers
    /// call it without credentials) and the schema.
    case open
    /// Reads data: open, or token-only when ``Authentication/requireTokenForReads`` is set.
    case read
    /// Changes data or the server's state: always needs the token.
    case write
}
