import KostraCodec

/// gRPC's rich error model for kostra's errors: the `grpc-status-details-bin`
/// trailer holding an encoded `google.rpc.Status` whose details are
/// `google.protobuf.Any`s wrapping kostra's own `ErrorDetail`s, as
/// `google.golang.org/grpc/status`, `grpcio-status` and `grpc::Status` read it.
///
/// The bytes, hand-encoded (``ProtobufWire``), are:
///
///     google.rpc.Status
///       1: code     varint   the gRPC status code (the same number as kostra.v1.Code)
///       2: message  string   the status message
///       3: details  message  repeated, one per ErrorDetail:
///            google.protobuf.Any
///              1: type_url  string  "type.googleapis.com/kostra.v1.ErrorDetail"
///              2: value     bytes   the ErrorDetail as protobuf-c encodes it
///
/// The trailer is sent only when the status carries details; `grpc-status`
/// and `grpc-message` say the code and message in every case.
enum RichErrorStatus {
    /// The trailer's key (binary: base64 on the wire, as every `-bin` key).
    static let trailerKey = "grpc-status-details-bin"
    /// The `type_url` of each detail.
    static let detailTypeURL = "type.googleapis.com/kostra.v1.ErrorDetail"

    /// The encoded `google.rpc.Status` for `status`.
    static func encode(_ status: KostraV1.Status) -> [UInt8] {
        var bytes: [UInt8] = []
        ProtobufWire.appendVarintField(1, UInt64(UInt32(bitPattern: status.code.rawValue)), to: &bytes)
        ProtobufWire.appendStringField(2, status.message, to: &bytes)
        for detail in status.details {
            var any: [UInt8] = []
            ProtobufWire.appendStringField(1, Self.detailTypeURL, to: &any)
            ProtobufWire.appendBytesField(2, detail.encoded(), to: &any)
            ProtobufWire.appendBytesField(3, any, to: &bytes)
        }
        return bytes
    }
}
