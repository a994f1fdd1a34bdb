import CProtobuf

/// The memory behind one C message tree while it is packed: the message structs, their arrays
/// and their strings. Every allocation is zero-filled; ``deallocateAll()`` frees them all at once.
///
/// It frees only what it allocated: fields left at what a generated `__init()` set (such as
/// `protobuf_c_empty_string`) are never passed to it. Not copyable, so that no copy can free twice.
struct EncodingArena: ~Copyable {
    /// The size of a shared block; a larger request gets a block of its own.
    private static let blockSize = 4096
    /// The alignment of every block; no C type here needs more.
    private static let blockAlignment = 16

    private var blocks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer?
    private var remaining = 0

    init() {}

    /// Frees every allocation. The arena can be used again afterwards.
    mutating func deallocateAll() {
        for block in blocks {
            block.deallocate()
        }
        blocks.removeAll()
        cursor = nil
        remaining = 0
    }

    /// `byteCount` zeroed bytes aligned to `alignment` (at most 16).
    private mutating func allocateBytes(_ byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        precondition(alignment > 0 && alignment <= Self.blockAlignment)
        let byteCount = max(byteCount, 1)
        if let cursor {
            let padding = (alignment - Int(bitPattern: cursor) % alignment) % alignment
            if padding + byteCount <= remaining {
                let start = cursor + padding
                self.cursor = start + byteCount
                remaining -= padding + byteCount
                start.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
                return start
            }
        }
        if byteCount > Self.blockSize / 4 {
            let block = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: Self.blockAlignment)
            blocks.append(block)
            block.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
            return block
        }
        let block = UnsafeMutableRawPointer.allocate(byteCount: Self.blockSize, alignment: Self.blockAlignment)
        blocks.append(block)
        block.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        cursor = block + byteCount
        remaining = Self.blockSize - byteCount
        return block
    }

    /// `count` zeroed values of C type `T`.
    mutating func allocate<T>(_: T.Type, count: Int = 1) -> UnsafeMutablePointer<T> {
        let raw = allocateBytes(MemoryLayout<T>.stride * count, alignment: MemoryLayout<T>.alignment)
        return raw.bindMemory(to: T.self, capacity: count)
    }

    /// A NUL-terminated copy of `string`'s UTF-8. A string that holds U+0000 reads as ending there
    /// (protobuf-c strings are C strings).
    mutating func cString(_ string: String) -> UnsafeMutablePointer<CChar> {
        var string = string
        return string.withUTF8 { utf8 in
            let raw = allocateBytes(utf8.count + 1, alignment: 1)
            if let base = utf8.baseAddress, utf8.count > 0 {
                raw.copyMemory(from: base, byteCount: utf8.count)
            }
            // allocateBytes zeroed the terminator.
            return raw.bindMemory(to: CChar.self, capacity: utf8.count + 1)
        }
    }

    /// The C strings of `strings`, as protobuf-c's `char **` of a repeated string field.
    mutating func cStrings(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let pointers = allocate(UnsafeMutablePointer<CChar>?.self, count: strings.count)
        for (index, string) in strings.enumerated() {
            pointers[index] = cString(string)
        }
        return pointers
    }

    /// A copy of `bytes` as protobuf-c's `ProtobufCBinaryData`; no allocation when empty.
    mutating func binaryData(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        var data = ProtobufCBinaryData()
        guard !bytes.isEmpty else { return data }
        let storage = allocate(UInt8.self, count: bytes.count)
        bytes.withUnsafeBufferPointer { source in
            storage.update(from: source.baseAddress!, count: source.count)
        }
        data.len = bytes.count
        data.data = storage
        return data
    }

    /// The values of a repeated bytes field.
    mutating func binaryDataArray(_ values: [[UInt8]]) -> UnsafeMutablePointer<ProtobufCBinaryData> {
        let array = allocate(ProtobufCBinaryData.self, count: values.count)
        for (index, bytes) in values.enumerated() {
            array[index] = binaryData(bytes)
        }
        return array
    }

    /// The values of a repeated scalar or enum field, each converted by `convert`.
    mutating func array<Value, CValue>(
        _ values: [Value],
        _ convert: (Value) -> CValue
    ) -> UnsafeMutablePointer<CValue> {
        let array = allocate(CValue.self, count: values.count)
        for (index, value) in values.enumerated() {
            array[index] = convert(value)
        }
        return array
    }

    /// A C message for `value`, filled by `fill`.
    mutating func message<Value, CMessage>(
        _ value: Value,
        _: CMessage.Type,
        fill: (Value) -> (UnsafeMutablePointer<CMessage>, inout EncodingArena) -> Void
    ) -> UnsafeMutablePointer<CMessage> {
        let message = allocate(CMessage.self)
        fill(value)(message, &self)
        return message
    }

    /// The C messages of a repeated message field: one contiguous array of structs and the
    /// array of pointers to them that protobuf-c reads.
    mutating func messages<Value, CMessage>(
        _ values: [Value],
        _: CMessage.Type,
        fill: (Value) -> (UnsafeMutablePointer<CMessage>, inout EncodingArena) -> Void
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CMessage>?> {
        let structs = allocate(CMessage.self, count: values.count)
        let pointers = allocate(UnsafeMutablePointer<CMessage>?.self, count: values.count)
        for (index, value) in values.enumerated() {
            fill(value)(structs + index, &self)
            pointers[index] = structs + index
        }
        return pointers
    }
}
