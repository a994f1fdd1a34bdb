/// The files of an encoded `google.protobuf.FileDescriptorSet`, each kept as
/// its encoded `FileDescriptorProto`, and the symbols each defines: what
/// server reflection answers from. Built once from the set the server
/// already embeds for `GetSchema` (``KostraCodec/KostraSchema``).
///
/// Read by hand (``ProtobufWire/Reader``), only the fields reflection needs:
/// a file's `name` (1), `package` (2), `dependency` (3), `message_type` (4),
/// `enum_type` (5) and `service` (6); a message's `name` (1), `nested_type`
/// (3) and `enum_type` (4); a service's `name` (1) and `method` (2).
struct FileDescriptorIndex: Sendable {
    /// One file of the set.
    struct File: Sendable {
        /// Its path, "kostra/v1/kostra.proto".
        var name: String
        /// Its package, "kostra.v1".
        var package: String
        /// The paths it imports.
        var dependencies: [String]
        /// Its `FileDescriptorProto`, encoded.
        var bytes: [UInt8]
        /// The fully qualified services it defines.
        var services: [String]
    }

    /// The files by path.
    private(set) var files: [String: File] = [:]
    /// The file defining each fully qualified symbol (message, enum, service, method).
    private(set) var fileBySymbol: [String: String] = [:]

    /// The index of `descriptorSet`; bytes that are not a set give an empty index.
    init(descriptorSet: [UInt8]) {
        var reader = ProtobufWire.Reader(descriptorSet[...])
        while let field = try? reader.next() {
            guard field.number == 1, field.wireType == ProtobufWire.lengthDelimited else { continue }
            self.add(Array(field.bytes))
        }
    }

    /// The fully qualified services of every file, sorted.
    var services: [String] {
        self.files.values.flatMap(\.services).sorted()
    }

    /// The encoded file at `path` followed by every file it imports,
    /// directly or not, each once: what reflection sends, so that a client
    /// can build the file without asking again. Nil for an unknown path.
    func fileWithDependencies(_ path: String) -> [[UInt8]]? {
        guard self.files[path] != nil else { return nil }
        var order: [String] = []
        var pending = [path]
        while let next = pending.first {
            pending.removeFirst()
            guard !order.contains(next), let file = self.files[next] else { continue }
            order.append(next)
            pending.append(contentsOf: file.dependencies)
        }
        return order.compactMap { self.files[$0]?.bytes }
    }

    private mutating func add(_ bytes: [UInt8]) {
        var file = File(name: "", package: "", dependencies: [], bytes: bytes, services: [])
        var symbols: [String] = []
        var reader = ProtobufWire.Reader(bytes[...])
        var fields: [ProtobufWire.Field] = []
        while let field = try? reader.next() {
            fields.append(field)
            switch field.number {
            case 1: file.name = field.string
            case 2: file.package = field.string
            case 3: file.dependencies.append(field.string)
            default: break
            }
        }
        let scope = file.package.isEmpty ? "" : file.package + "."
        for field in fields where field.wireType == ProtobufWire.lengthDelimited {
            switch field.number {
            case 4: Self.message(field.bytes, scope: scope, into: &symbols)
            case 5: symbols.append(scope + Self.name(of: field.bytes))
            case 6:
                let service = scope + Self.name(of: field.bytes)
                file.services.append(service)
                symbols.append(service)
                var methods = ProtobufWire.Reader(field.bytes)
                while let method = try? methods.next() {
                    if method.number == 2, method.wireType == ProtobufWire.lengthDelimited {
                        symbols.append(service + "." + Self.name(of: method.bytes))
                    }
                }
            default: break
            }
        }
        guard !file.name.isEmpty else { return }
        self.files[file.name] = file
        for symbol in symbols {
            self.fileBySymbol[symbol] = file.name
        }
    }

    /// A message's name and, within it, its nested messages and enums.
    private static func message(_ bytes: ArraySlice<UInt8>, scope: String, into symbols: inout [String]) {
        let name = scope + Self.name(of: bytes)
        symbols.append(name)
        var reader = ProtobufWire.Reader(bytes)
        while let field = try? reader.next() {
            guard field.wireType == ProtobufWire.lengthDelimited else { continue }
            if field.number == 3 {
                Self.message(field.bytes, scope: name + ".", into: &symbols)
            } else if field.number == 4 {
                symbols.append(name + "." + Self.name(of: field.bytes))
            }
        }
    }

    /// The `name` (field 1) of a descriptor.
    private static func name(of bytes: ArraySlice<UInt8>) -> String {
        var reader = ProtobufWire.Reader(bytes)
        while let field = try? reader.next() {
            if field.number == 1, field.wireType == ProtobufWire.lengthDelimited {
                return field.string
            }
        }
        return ""
    }
}
