public import GRPCCore
public import KostraCodec

extension GRPCCore.RPCError {
    /// The gRPC error for a kostra status that is not OK: the same code
    /// (kostra's codes are gRPC's, number for number), the same message, and,
    /// when the status carries ``KostraV1/ErrorDetail``s, the
    /// `grpc-status-details-bin` trailer that gRPC's rich error model reads
    /// them from (PROTOCOL.md, "The gRPC port").
    public init(kostraStatus status: KostraV1.Status) {
        var metadata = Metadata()
        if !status.details.isEmpty {
            metadata.addBinary(RichErrorStatus.encode(status), forKey: RichErrorStatus.trailerKey)
        }
        self.init(code: Code(kostraCode: status.code), message: status.message, metadata: metadata)
    }
}

extension GRPCCore.RPCError.Code {
    /// gRPC's code for a kostra code; a number gRPC does not know (which
    /// kostra never sends) is UNKNOWN.
    public init(kostraCode code: KostraV1.Code) {
        let status = Status.Code(rawValue: Int(code.rawValue)).flatMap { Self($0) }
        self = status ?? .unknown
    }
}
