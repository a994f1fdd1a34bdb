import KostraCodec
import KostraData
import KostraFixtures
import KostraProtocol
import KostraService
import NIOCore

/// A router over the built-in data and the bytes of a profile request
/// envelope, as `kostra-client bench` sends it.
struct RouterSetup: Sendable {
    let dataset: Dataset
    let router: Router
    let requestBytes: [UInt8]
    let context: RequestContext
    let allocator = ByteBufferAllocator()

    init() throws {
        let fixtures = try Fixtures()
        self.dataset = fixtures.dataset
        self.router = fixtures.router
        self.requestBytes = Fixtures.envelope(KostraMethods.getProfile, Requests.profile, id: 12_345).encoded()
        self.context = Fixtures.context(method: KostraMethods.getProfile.path, id: 12_345)
    }
}
