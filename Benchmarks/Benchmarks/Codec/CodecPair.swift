import KostraCodec
import KostraFixtures
import SwiftProtobuf

/// One message in both libraries' types, made from the same bytes, and
/// checked to agree before anything is measured.
struct CodecPair<C: KostraMessage, S: SwiftProtobuf.Message>: Sendable {
    /// The message as KostraCodec (protobuf-c) holds it.
    let protobufC: C
    /// The same message as swift-protobuf holds it, decoded from protobuf-c's bytes.
    let swiftProtobuf: S
    /// protobuf-c's encoding, which both decode.
    let bytes: [UInt8]

    /// Converts `message` through its bytes, and checks that each library
    /// reads the other's output back as the same message.
    init(_ message: C) throws {
        self.protobufC = message
        self.bytes = message.encoded()
        self.swiftProtobuf = try S(serializedBytes: self.bytes)
        let swiftBytes: [UInt8] = try self.swiftProtobuf.serializedBytes()
        if swiftBytes != self.bytes {
            // Field order and packing may differ and still be the same message.
            guard try C(decoding: swiftBytes) == message, try S(serializedBytes: swiftBytes).isEqualTo(message: self.swiftProtobuf) else {
                throw CodecMismatch(message: C.protoMessageName, protobufC: self.bytes.count, swiftProtobuf: swiftBytes.count)
            }
        }
    }
}

/// The two libraries disagree about a message.
struct CodecMismatch: Error, CustomStringConvertible {
    var message: String
    var protobufC: Int
    var swiftProtobuf: Int

    var description: String {
        "\(self.message): protobuf-c (\(self.protobufC) bytes) and swift-protobuf (\(self.swiftProtobuf) bytes) do not decode each other's output equal"
    }
}

/// The router's answers, computed once per process.
enum SharedAnswers {
    private static let task = Task { try await Answers(from: Fixtures()) }

    static func get() async throws -> Answers {
        try await self.task.value
    }
}
