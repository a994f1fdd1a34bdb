/// A user inbound event from ``FrameDecoder``: part of a frame has arrived
/// and the rest has not. Fired on every read that leaves a frame unfinished;
/// the next whole frame read (a `channelRead`) ends it.
public struct FramePending: Sendable, Hashable {
    /// How many bytes of the unfinished frame are buffered.
    public var bufferedBytes: Int

    /// An event for `bufferedBytes` buffered bytes.
    public init(bufferedBytes: Int) {
        self.bufferedBytes = bufferedBytes
    }
}
