import CProtobuf

/// The generic half of the bridge between the generated Swift values and protobuf-c; the
/// generated code (Generated/*.pb.swift) supplies each message's C functions.
enum CodecRuntime {
    /// Encodings up to this size are packed into a stack buffer, larger ones into the heap.
    static let stackBufferLimit = 1024

    // MARK: Decoding

    /// Unpacks `bytes` with `unpack`, converts the C tree with `convert` and frees it with `free`.
    static func decode<CMessage, Value>(
        _ bytes: UnsafeRawBufferPointer,
        messageName: String,
        unpack: (Int, UnsafePointer<UInt8>?) -> UnsafeMutablePointer<CMessage>?,
        free: (UnsafeMutablePointer<CMessage>) -> Void,
        convert: (UnsafePointer<CMessage>) throws(FieldError) -> Value
    ) throws(DecodingError) -> Value {
        // protobuf-c never reads `data` when the length is 0, so a nil base address is fine.
        let data = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let message = unpack(bytes.count, data) else {
            throw DecodingError(messageName: messageName, byteCount: bytes.count, reason: "not valid protobuf")
        }
        defer { free(message) }
        do {
            return try convert(message)
        } catch {
            throw DecodingError(
                messageName: messageName,
                byteCount: bytes.count,
                reason: "field '\(error.path)' \(error.problem)"
            )
        }
    }

    /// protobuf-c's generic unpack, for a nested message (protoc-c writes `__unpack` only for
    /// top-level ones). The descriptor is the one the generated `__init` stores, so Swift never
    /// takes the address of an `extern const` descriptor itself.
    static func unpack<CMessage>(
        _: CMessage.Type,
        initializer: (UnsafeMutablePointer<CMessage>?) -> Void,
        length: Int,
        data: UnsafePointer<UInt8>?
    ) -> UnsafeMutablePointer<CMessage>? {
        withUnsafeTemporaryAllocation(of: CMessage.self, capacity: 1) { probe in
            let raw = UnsafeMutableRawPointer(probe.baseAddress!)
            raw.initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<CMessage>.size)
            initializer(probe.baseAddress!)
            let descriptor = raw.load(as: ProtobufCMessage.self).descriptor
            let unpacked = protobuf_c_message_unpack(descriptor, nil, length, data)
            return UnsafeMutableRawPointer(unpacked)?.assumingMemoryBound(to: CMessage.self)
        }
    }

    /// protobuf-c's generic free, for a nested message.
    static func freeUnpacked<CMessage>(_ message: UnsafeMutablePointer<CMessage>) {
        protobuf_c_message_free_unpacked(
            UnsafeMutableRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self),
            nil
        )
    }

    /// A string field: "" for NULL, and a ``FieldError`` naming `field` when it is not UTF-8.
    static func string(_ value: UnsafeMutablePointer<CChar>?, field: String) throws(FieldError) -> String {
        guard let value else { return "" }
        guard let string = String(validatingCString: value) else {
            throw FieldError(path: field, problem: "is not valid UTF-8")
        }
        return string
    }

    /// A bytes field.
    static func bytes(_ value: ProtobufCBinaryData) -> [UInt8] {
        guard value.len > 0, let data = value.data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: value.len))
    }

    /// A singular message field; an error inside it is reported with its path.
    static func message<CMessage, Value>(
        _ value: UnsafeMutablePointer<CMessage>?,
        field: String,
        _ convert: (UnsafePointer<CMessage>) throws(FieldError) -> Value
    ) throws(FieldError) -> Value {
        guard let value else {
            throw FieldError(path: field, problem: "is missing")
        }
        do {
            return try convert(value)
        } catch {
            throw error.inside(field)
        }
    }

    /// A repeated scalar or enum field, each value converted by `convert`.
    static func array<CValue, Value>(
        _ values: UnsafeMutablePointer<CValue>?,
        count: Int,
        _ convert: (CValue) -> Value
    ) -> [Value] {
        guard count > 0, let values else { return [] }
        return UnsafeBufferPointer(start: values, count: count).map(convert)
    }

    /// A repeated string field.
    static func strings(
        _ values: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        count: Int,
        field: String
    ) throws(FieldError) -> [String] {
        guard count > 0, let values else { return [] }
        var result: [String] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            guard let value = values[index], let string = String(validatingCString: value) else {
                throw FieldError(path: "\(field)[\(index)]", problem: "is not valid UTF-8")
            }
            result.append(string)
        }
        return result
    }

    /// A repeated bytes field.
    static func bytesArray(_ values: UnsafeMutablePointer<ProtobufCBinaryData>?, count: Int) -> [[UInt8]] {
        guard count > 0, let values else { return [] }
        return UnsafeBufferPointer(start: values, count: count).map(bytes)
    }

    /// A repeated message field.
    static func messages<CMessage, Value>(
        _ values: UnsafeMutablePointer<UnsafeMutablePointer<CMessage>?>?,
        count: Int,
        field: String,
        _ convert: (UnsafePointer<CMessage>) throws(FieldError) -> Value
    ) throws(FieldError) -> [Value] {
        guard count > 0, let values else { return [] }
        var result: [Value] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            result.append(try message(values[index], field: "\(field)[\(index)]", convert))
        }
        return result
    }

    // MARK: Encoding

    /// Builds the C tree of a message in an arena, packs it into a stack or heap buffer, passes
    /// the bytes to `body`, and frees everything.
    static func withEncoded<CMessage, R, E: Error>(
        _: CMessage.Type,
        fill: (UnsafeMutablePointer<CMessage>, inout EncodingArena) -> Void,
        size: (UnsafeMutablePointer<CMessage>) -> Int,
        pack: (UnsafeMutablePointer<CMessage>, UnsafeMutablePointer<UInt8>) -> Int,
        _ body: (UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R {
        var arena = EncodingArena()
        defer { arena.deallocateAll() }
        let message = arena.allocate(CMessage.self)
        fill(message, &arena)
        let byteCount = size(message)
        if byteCount == 0 {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        if byteCount <= stackBufferLimit {
            let result = withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 1) { buffer in
                let written = pack(message, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
                precondition(written == byteCount, "protobuf-c packed \(written) bytes, not \(byteCount)")
                return Result { () throws(E) -> R in try body(UnsafeRawBufferPointer(buffer)) }
            }
            return try result.get()
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: byteCount, alignment: 1)
        defer { buffer.deallocate() }
        let written = pack(message, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
        precondition(written == byteCount, "protobuf-c packed \(written) bytes, not \(byteCount)")
        return try body(UnsafeRawBufferPointer(buffer))
    }

    /// Builds the C tree of a message and packs it straight into a new array.
    static func encodedArray<CMessage>(
        _: CMessage.Type,
        fill: (UnsafeMutablePointer<CMessage>, inout EncodingArena) -> Void,
        size: (UnsafeMutablePointer<CMessage>) -> Int,
        pack: (UnsafeMutablePointer<CMessage>, UnsafeMutablePointer<UInt8>) -> Int
    ) -> [UInt8] {
        var arena = EncodingArena()
        defer { arena.deallocateAll() }
        let message = arena.allocate(CMessage.self)
        fill(message, &arena)
        let byteCount = size(message)
        if byteCount == 0 {
            return []
        }
        return [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initializedCount in
            let written = pack(message, buffer.baseAddress!)
            precondition(written == byteCount, "protobuf-c packed \(written) bytes, not \(byteCount)")
            initializedCount = written
        }
    }

    /// protobuf-c's generic packed size, for a nested message.
    static func packedSize<CMessage>(_ message: UnsafeMutablePointer<CMessage>) -> Int {
        protobuf_c_message_get_packed_size(
            UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self)
        )
    }

    /// protobuf-c's generic pack, for a nested message.
    static func pack<CMessage>(_ message: UnsafeMutablePointer<CMessage>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        protobuf_c_message_pack(
            UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self),
            out
        )
    }
}
