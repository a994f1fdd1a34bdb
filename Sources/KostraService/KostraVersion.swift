/// The version of kostra this code is.
public enum KostraVersion {
    /// Semantic version of the server and its protocol implementation.
    public static let string = "0.1.0"
}
