extension ProtobufWire {
    /// One field read from a message: its number and, for length-delimited
    /// fields, its bytes (for varints, its value).
    struct Field {
        /// The field number.
        var number: Int
        /// The wire type.
        var wireType: UInt64
        /// A varint field's value (0 for other wire types).
        var value: UInt64
        /// A length-delimited field's bytes (empty for other wire types).
        var bytes: ArraySlice<UInt8>

        /// The bytes as UTF-8 text.
        var string: String {
            String(decoding: self.bytes, as: UTF8.self)
        }
    }

    /// Reads the top-level fields of one encoded message in order, skipping
    /// nothing: callers pick the numbers they know. Malformed input ends the
    /// reading with ``ProtobufWire/MalformedMessage``.
    struct Reader {
        private let bytes: ArraySlice<UInt8>
        private var index: Int

        /// A reader of `bytes`.
        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.index = bytes.startIndex
        }

        /// The next field, or nil at the end.
        mutating func next() throws(MalformedMessage) -> Field? {
            guard self.index < self.bytes.endIndex else { return nil }
            let key = try self.readVarint()
            let number = Int(key >> 3)
            let wireType = key & 7
            guard number > 0 else { throw MalformedMessage() }
            switch wireType {
            case ProtobufWire.varint:
                return Field(number: number, wireType: wireType, value: try self.readVarint(), bytes: [])
            case ProtobufWire.lengthDelimited:
                let length = try self.readVarint()
                guard length <= UInt64(self.bytes.endIndex - self.index) else { throw MalformedMessage() }
                let end = self.index + Int(length)
                defer { self.index = end }
                return Field(number: number, wireType: wireType, value: 0, bytes: self.bytes[self.index..<end])
            case ProtobufWire.fixed64, ProtobufWire.fixed32:
                let size = wireType == ProtobufWire.fixed64 ? 8 : 4
                guard self.bytes.endIndex - self.index >= size else { throw MalformedMessage() }
                self.index += size
                return Field(number: number, wireType: wireType, value: 0, bytes: [])
            default:
                throw MalformedMessage()
            }
        }

        private mutating func readVarint() throws(MalformedMessage) -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while self.index < self.bytes.endIndex, shift < 64 {
                let byte = self.bytes[self.index]
                self.index += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return result }
                shift += 7
            }
            throw MalformedMessage()
        }
    }

    /// Bytes that are not a protobuf message.
    struct MalformedMessage: Error {}
}
