public import GRPCCore

/// The gRPC names of kostra's methods: the service block of Protos/kostra.proto
/// ("/kostra.v1.Kostra/GetProfile" is the path kostra's own protocol uses too).
public enum KostraGRPCMethods {
    /// The service, `kostra.v1.Kostra`.
    public static let service = ServiceDescriptor(fullyQualifiedService: "kostra.v1.Kostra")
    /// `GetProfile`, the method the load comparison calls.
    public static let getProfile = MethodDescriptor(service: service, method: "GetProfile")
}
