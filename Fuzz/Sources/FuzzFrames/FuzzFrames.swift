// libFuzzer target: the server's read path, from bytes to a typed request.
//
// The input is a byte stream as a peer would send it. It goes through
// FrameDecoder (with a 64 KiB limit) until the decoder wants more bytes or
// throws; each payload is decoded as a RequestEnvelope, and when that works
// and the method path is known, the envelope's payload as that method's
// request type: what ConnectionServer and UnaryHandler do.
//
// The same stream is then fed again in small pieces, as TCP may deliver it,
// and must give the same payloads and the same error.
import FuzzSupport
import KostraCodec
import KostraProtocol
import NIOCore

let frameLimit = 64 * 1024
let decoder = FrameDecoder(maximumPayloadSize: frameLimit)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrames(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = count > 0 && start != nil ? UnsafeRawBufferPointer(start: start, count: count) : UnsafeRawBufferPointer(start: nil, count: 0)

    // All the bytes in one read.
    var buffer = ByteBuffer(bytes: input)
    let whole = readFrames(from: &buffer)
    for payload in whole.payloads {
        serve(payload)
    }
    if let error = whole.error {
        note("framing error, connection closed: \(error)")
    }
    if whole.error == nil, buffer.readableBytes > 0 {
        // The stream ends here: the server answers this, then closes.
        let error = FramingError(.truncatedFrame(bufferedBytes: buffer.readableBytes))
        precondition(!error.description.isEmpty)
        note("end of stream: \(error)")
    }

    // The same bytes in pieces of 1, 2, 3, 4, 5, 1, 2, ... bytes, read into one
    // accumulating buffer as ByteToMessageHandler does.
    var stream = ByteBuffer()
    var pieces = Stream(payloads: [], error: nil)
    var offset = 0
    var size = 1
    while offset < input.count, pieces.error == nil {
        let end = min(offset + size, input.count)
        stream.writeBytes(UnsafeRawBufferPointer(rebasing: input[offset..<end]))
        offset = end
        size = size % 5 + 1
        let more = readFrames(from: &stream)
        pieces.payloads += more.payloads
        pieces.error = more.error
    }
    guard pieces.payloads == whole.payloads, pieces.error == whole.error else {
        fatalError(
            "frames differ when the bytes arrive in pieces: \(whole.payloads.count) payloads, error \(String(describing: whole.error)) "
                + "in one read; \(pieces.payloads.count) payloads, error \(String(describing: pieces.error)) in pieces"
        )
    }
    return 0
}

struct Stream {
    var payloads: [ByteBuffer]
    var error: FramingError?
}

/// Takes whole frames off `buffer` until one is incomplete or the framing breaks.
func readFrames(from buffer: inout ByteBuffer) -> Stream {
    var stream = Stream(payloads: [], error: nil)
    do {
        while let payload = try decoder.nextPayload(from: &buffer) {
            guard payload.readableBytes <= frameLimit else {
                fatalError("FrameDecoder passed on \(payload.readableBytes) bytes, above its limit of \(frameLimit)")
            }
            stream.payloads.append(payload)
        }
    } catch {
        // The server answers with the error's status and message, then closes.
        _ = error.statusCode
        precondition(!error.description.isEmpty)
        stream.error = error
    }
    return stream
}

/// What the server does with one payload, short of calling the handler.
func serve(_ payload: ByteBuffer) {
    let envelope: KostraV1.RequestEnvelope
    do {
        envelope = try payload.decodeMessage(as: KostraV1.RequestEnvelope.self)
    } catch {
        let message = "frame is not a kostra.v1.RequestEnvelope: \(error)"
        precondition(!message.isEmpty)
        note("payload of \(payload.readableBytes) bytes: \(message)")
        return
    }
    note("envelope id \(envelope.id), method \(envelope.method), \(envelope.payload.count) payload bytes")
    _ = ProtocolVersion.isSupported(envelope.protocolVersion)
    switch envelope.method {
    case KostraMethods.check.path: decodeRequest(KostraMethods.check, envelope.payload)
    case KostraMethods.getSchema.path: decodeRequest(KostraMethods.getSchema, envelope.payload)
    case KostraMethods.listIndicators.path: decodeRequest(KostraMethods.listIndicators, envelope.payload)
    case KostraMethods.listRegions.path: decodeRequest(KostraMethods.listRegions, envelope.payload)
    case KostraMethods.getSeries.path: decodeRequest(KostraMethods.getSeries, envelope.payload)
    case KostraMethods.getProfile.path: decodeRequest(KostraMethods.getProfile, envelope.payload)
    case KostraMethods.compare.path: decodeRequest(KostraMethods.compare, envelope.payload)
    case KostraMethods.getGroupAverage.path: decodeRequest(KostraMethods.getGroupAverage, envelope.payload)
    case KostraMethods.getProductionIndex.path: decodeRequest(KostraMethods.getProductionIndex, envelope.payload)
    case KostraMethods.getProductionChange.path: decodeRequest(KostraMethods.getProductionChange, envelope.payload)
    case KostraMethods.getEfficiency.path: decodeRequest(KostraMethods.getEfficiency, envelope.payload)
    case KostraMethods.getResourceUse.path: decodeRequest(KostraMethods.getResourceUse, envelope.payload)
    case KostraMethods.getTeacherNorm.path: decodeRequest(KostraMethods.getTeacherNorm, envelope.payload)
    case KostraMethods.getStatements.path: decodeRequest(KostraMethods.getStatements, envelope.payload)
    case KostraMethods.reload.path: decodeRequest(KostraMethods.reload, envelope.payload)
    default:
        if KostraMethods.allPaths.contains(envelope.method) {
            fatalError("FuzzFrames does not know the request type of \(envelope.method): add it to serve(_:)")
        }
        // UNIMPLEMENTED, listing the methods.
        let message = "unknown method \(envelope.method); methods: \(KostraMethods.allPaths.joined(separator: ", "))"
        precondition(!message.isEmpty)
        note("  \(message)")
    }
}

/// Decodes a request as UnaryHandler does.
func decodeRequest<Request, Response>(_ method: Method<Request, Response>, _ payload: [UInt8]) {
    do {
        let request = try Request(decoding: payload)
        note("  \(Request.protoMessageName): \(request)")
    } catch {
        let message = "payload of \(method.path) is not a valid \(Request.protoMessageName): \(error)"
        precondition(!message.isEmpty)
        note("  \(message)")
    }
}
