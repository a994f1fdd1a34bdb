/// The event the server sends down every open connection's pipeline when it
/// begins to drain: ``ConnectionHandler`` refuses what it reads from then
/// on, answers what it accepted, and half-closes.
struct ServerDraining: Sendable {}
