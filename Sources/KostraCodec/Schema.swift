import CProtobuf

/// The kostra schema, embedded in the binary: what the GetSchema method serves.
public enum KostraSchema {
    /// The encoded `google.protobuf.FileDescriptorSet` holding every file of Protos/ with its
    /// imports: enough for a client in any language to decode every message without generated code.
    public static var fileDescriptorSet: [UInt8] {
        var length = 0
        guard let bytes = kostra_schema_descriptor_set(&length), length > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: bytes, count: length))
    }

    /// The names of the set's files in dependency order ("kostra/v1/status.proto", ...).
    public static var fileNames: [String] {
        (0..<kostra_schema_file_count()).compactMap { index in
            kostra_schema_file_name(index).map { String(cString: $0) }
        }
    }
}
