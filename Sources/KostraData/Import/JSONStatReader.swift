/// Reads a JSON-stat 2.0 dataset (json-stat.org) into an `SSBTable`.
///
/// What it reads, as the format specifies it: `class` "dataset" and a `version` of 2.x; `id` and
/// `size`, in the same order; each dimension's `category.index` as an array or as an object of
/// positions (or absent for a dimension of one category), `category.label` and, on the metric
/// dimension, `category.unit` (`label`, or PxWeb's `base`, and `decimals`); `value` as an array
/// (dense, row-major over `id`, the last dimension fastest) or an object of string indices
/// (sparse); `status` as one string for every value, an array, or an object of string indices;
/// `role` (`geo`, `time`, `metric`), falling back on SSB's dimension ids
/// (`KOKkommuneregion0000`/`Region`, `Tid`, `ContentsCode`); `extension.px.tableid` and `label`
/// for the source. Other members (`note`, `link`, `href`, `updated`, `source`, `extension`, ...)
/// are allowed and ignored, as the format is extensible.
///
/// Refused, each with its place: not JSON or truncated (line and column), a bundle or
/// collection, sizes that do not match the categories, a value count that does not match the
/// sizes, an index outside the cube, a year that is not a year, and a null value whose status symbol is not
/// SSB's `..`, `:` or `.`.
enum JSONStatReader {
    struct Dimension {
        var id: String
        var path: String
        var codes: [String]
        var labels: [String: String]
        var units: [String: (label: String?, decimals: Int?)]
    }

    static func read(_ bytes: [UInt8]) throws(DatasetError) -> SSBTable {
        let root = try JSONNode(JSONParser.parse(bytes), path: "").object()
        if let version = root.optional("version") {
            let text = try version.string()
            guard text.hasPrefix("2") else {
                throw version.invalid("JSON-stat version \"\(text)\" is not 2.x; export JSON-stat2")
            }
        }
        guard let classNode = root.optional("class") else {
            throw DatasetError(
                code: .unsupportedFormat,
                path: "class",
                message: "no \"class\": this is JSON-stat 1.x (a bundle) or not JSON-stat; export JSON-stat2 (class \"dataset\")"
            )
        }
        let kind = try classNode.string()
        guard kind == "dataset" else {
            throw DatasetError(code: .unsupportedFormat, path: classNode.path, message: "class \"\(kind)\": the import reads a JSON-stat \"dataset\", not a \(kind)")
        }
        let idNode = try root.required("id")
        let ids = try idNode.strings()
        let sizeNode = try root.required("size")
        let sizes = try sizeNode.array().map { (node) throws(DatasetError) -> Int in
            let size = try node.int()
            guard size >= 0 else { throw node.invalid("a size must not be negative") }
            return size
        }
        guard ids.count == sizes.count else {
            throw sizeNode.invalid("\(sizes.count) sizes for \(ids.count) dimensions in \"id\"")
        }
        guard Set(ids).count == ids.count else { throw idNode.invalid("a dimension id appears twice") }

        let dimensionsNode = try root.required("dimension").object()
        var dimensions: [Dimension] = []
        for (position, id) in ids.enumerated() {
            guard let node = dimensionsNode.optional(id) else {
                throw DatasetError(code: .missingField, path: dimensionsNode.path, message: "no dimension \"\(id)\", which \"id\" names")
            }
            let dimension = try readDimension(id: id, node: node)
            guard dimension.codes.count == sizes[position] else {
                throw DatasetError(
                    code: .invalidValue,
                    path: "size[\(position)]",
                    message: "size \(sizes[position]) for the dimension \"\(id)\", which has \(dimension.codes.count) categories"
                )
            }
            dimensions.append(dimension)
        }

        let roles = try readRoles(root.optional("role"), ids: ids)
        let geo = try role(roles["geo"], fallback: ["KOKkommuneregion0000", "Region", "region", "KOKkommuneregion"], ids: ids, name: "geo")
        let time = try role(roles["time"], fallback: ["Tid", "tid", "year", "år"], ids: ids, name: "time")
        let metric = try role(roles["metric"], fallback: ["ContentsCode", "contents", "statistikkvariabel"], ids: ids, name: "metric")
        guard Set([geo, time, metric]).count == 3 else {
            throw DatasetError(code: .invalidValue, path: "role", message: "the region, year and content dimensions must be three different dimensions")
        }
        var years: [Int] = []
        for (offset, code) in dimensions[time].codes.enumerated() {
            guard code.utf8.count == 4, let year = Int(code) else {
                throw DatasetError(code: .invalidValue, path: "\(dimensions[time].path).category.index[\(offset)]", message: "the time category \"\(code)\" is not a year")
            }
            years.append(year)
        }

        let count = sizes.reduce(1, *)
        var strides = Array(repeating: 1, count: sizes.count)
        for position in stride(from: sizes.count - 2, through: 0, by: -1) {
            strides[position] = strides[position + 1] * sizes[position + 1]
        }
        let values = try readValues(try root.required("value"), count: count)
        let statuses = try readStatus(root.optional("status"), count: count)

        // Every dimension beside region, year and content is a further split of the content:
        // each combination of a content code and one category of each is its own content.
        let extra = dimensions.indices.filter { ![geo, time, metric].contains($0) }
        let dimensionLabels = try dimensionLabels(dimensionsNode, ids: ids)
        var contentPositions: [Int: Int32] = [:]
        var contents: [SSBTable.Content] = []
        var entries: [SSBTable.Entry] = []
        entries.reserveCapacity(values.count)
        let regionStride = strides[geo], regionSize = sizes[geo]
        let timeStride = strides[time], timeSize = sizes[time]
        for (index, value) in values {
            var contentKey = (index / strides[metric]) % sizes[metric]
            for position in extra { contentKey = contentKey * sizes[position] + (index / strides[position]) % sizes[position] }
            let content: Int32
            if let known = contentPositions[contentKey] {
                content = known
            } else {
                let code = dimensions[metric].codes[(index / strides[metric]) % sizes[metric]]
                let unit = dimensions[metric].units[code]
                let categories = extra.map { position in
                    let dimension = dimensions[position]
                    let category = dimension.codes[(index / strides[position]) % sizes[position]]
                    return SSBTable.Category(
                        dimension: dimension.id, dimensionLabel: dimensionLabels[dimension.id] ?? dimension.id,
                        code: category, label: dimension.labels[category] ?? category
                    )
                }
                content = Int32(contents.count)
                contents.append(
                    SSBTable.Content(
                        code: code, label: dimensions[metric].labels[code] ?? code, unitLabel: unit?.label,
                        decimals: unit?.decimals, categories: categories
                    )
                )
                contentPositions[contentKey] = content
            }
            let region = Int32((index / regionStride) % regionSize)
            let year = Int32(years[(index / timeStride) % timeSize])
            var missing: MissingReason?
            if value == nil {
                let symbol = statuses[index] ?? ""
                if symbol.isEmpty {
                    missing = .notPublished
                } else if let reason = MissingReason(ssbSymbol: symbol) {
                    missing = reason
                } else {
                    let place = "value[\(index)] (region \(dimensions[geo].codes[Int(region)]), \(contents[Int(content)].code), \(year))"
                    throw DatasetError(code: .invalidValue, path: place, message: "null with the status \"\(symbol)\", which is none of SSB's \"..\", \":\", \".\"")
                }
            }
            entries.append(SSBTable.Entry(region: region, content: content, year: year, missing: missing, value: value ?? 0, place: Int64(index)))
        }
        let regions = dimensions[geo].codes.map { SSBTable.Region(code: $0, label: dimensions[geo].labels[$0] ?? "") }
        var tableId: String?
        if let px = try root.optional("extension")?.object().optional("px") {
            tableId = try px.object().optional("tableid")?.string()
        }
        let title = try root.optional("label")?.string()
        if tableId == nil, let title, let colon = title.firstIndex(of: ":"), title[..<colon].allSatisfy(\.isNumber), colon != title.startIndex {
            tableId = String(title[..<colon])
        }
        var notes: [String] = []
        if let note = root.optional("note"), case .array = note.value {
            for element in try note.array() { if case .string(let text) = element.value { notes.append(text) } }
        }
        return SSBTable(
            format: "JSON-stat 2.0", tableId: tableId, title: title, status: SSBTable.statedStatus(in: [title ?? ""] + notes),
            regions: regions, contents: contents, entries: entries, placesAreIndices: true
        )
    }

    /// Each dimension's own label, where it has one.
    private static func dimensionLabels(_ dimensions: JSONObjectReader, ids: [String]) throws(DatasetError) -> [String: String] {
        var labels: [String: String] = [:]
        for id in ids {
            if let label = try dimensions.optional(id)?.object().optional("label")?.string() { labels[id] = label }
        }
        return labels
    }

    private static func readDimension(id: String, node: JSONNode) throws(DatasetError) -> Dimension {
        let object = try node.object()
        let category = try object.required("category").object()
        var labels: [String: String] = [:]
        if let labelNode = category.optional("label") {
            for member in try labelNode.object().members { labels[member.key] = try member.node.string() }
        }
        var codes: [String]
        if let indexNode = category.optional("index") {
            switch indexNode.value {
            case .array:
                codes = try indexNode.strings()
            case .object:
                let members = try indexNode.object().members
                codes = Array(repeating: "", count: members.count)
                for member in members {
                    let position = try member.node.int()
                    guard (0..<members.count).contains(position), codes[position].isEmpty else {
                        throw member.node.invalid("the position \(position) is outside 0..<\(members.count) or given twice")
                    }
                    codes[position] = member.key
                }
            default:
                throw indexNode.wrongType("an array or an object")
            }
        } else {
            guard labels.count == 1, let only = labels.keys.first else {
                throw DatasetError(code: .missingField, path: category.path, message: "no \"index\", which only a dimension of one category (one label) may leave out")
            }
            codes = [only]
        }
        guard Set(codes).count == codes.count else {
            throw DatasetError(code: .duplicate, path: "\(category.path).index", message: "a category appears twice")
        }
        var units: [String: (label: String?, decimals: Int?)] = [:]
        if let unitNode = category.optional("unit") {
            for member in try unitNode.object().members {
                let unit = try member.node.object()
                let label = try (unit.optional("label") ?? unit.optional("base"))?.string()
                units[member.key] = (label, try unit.optional("decimals")?.int())
            }
        }
        return Dimension(id: id, path: node.path, codes: codes, labels: labels, units: units)
    }

    private static func readRoles(_ node: JSONNode?, ids: [String]) throws(DatasetError) -> [String: (ids: [String], path: String)] {
        guard let node else { return [:] }
        var roles: [String: (ids: [String], path: String)] = [:]
        for member in try node.object().members {
            roles[member.key] = (try member.node.strings(), member.node.path)
        }
        return roles
    }

    /// The position in `id` of the dimension with `name`'s role: the one `role` names, else the
    /// first of `fallback` that `id` has.
    private static func role(_ given: (ids: [String], path: String)?, fallback: [String], ids: [String], name: String) throws(DatasetError) -> Int {
        if let given, !given.ids.isEmpty {
            guard given.ids.count == 1 else {
                throw DatasetError(code: .invalidValue, path: given.path, message: "\(given.ids.count) dimensions have the role \(name); the import reads one")
            }
            guard let position = ids.firstIndex(of: given.ids[0]) else {
                throw DatasetError(code: .invalidValue, path: given.path, message: "the dimension \"\(given.ids[0])\" is not in \"id\"")
            }
            return position
        }
        for candidate in fallback {
            if let position = ids.firstIndex(of: candidate) { return position }
        }
        throw DatasetError(
            code: .missingField,
            path: "role.\(name)",
            message: "no dimension has the role \(name), and none has the id \(fallback.map { "\"\($0)\"" }.joined(separator: " or "))"
        )
    }

    /// The values by index, in index order; a sparse object leaves out what it does not have.
    /// A dense array is read straight from the parsed values (no node, no path per cell: the
    /// array has up to 800 000 of them); a path is made only for an error.
    private static func readValues(_ node: JSONNode, count: Int) throws(DatasetError) -> [(index: Int, value: Double?)] {
        switch node.value {
        case .array(let elements):
            guard elements.count == count else {
                throw node.invalid("\(elements.count) values for a cube of \(count) cells (the product of \"size\"); the file is truncated or its sizes are wrong")
            }
            var values: [(index: Int, value: Double?)] = []
            values.reserveCapacity(count)
            for index in 0..<elements.count {
                switch elements[index] {
                case .number(let number): values.append((index, number))
                case .null: values.append((index, nil))
                default: throw JSONNode(elements[index], path: "\(node.path)[\(index)]").wrongType("a number or null")
                }
            }
            return values
        case .object:
            var values: [(index: Int, value: Double?)] = []
            for member in try node.object().members {
                guard let index = Int(member.key), (0..<count).contains(index) else {
                    throw member.node.invalid("the index \"\(member.key)\" is not a cell of a cube of \(count) cells")
                }
                values.append((index, try member.node.doubleOrNull()))
            }
            return values.sorted { $0.index < $1.index }
        default:
            throw node.wrongType("an array or an object")
        }
    }

    /// Each index's status symbol, if any.
    private static func readStatus(_ node: JSONNode?, count: Int) throws(DatasetError) -> [Int: String] {
        guard let node else { return [:] }
        var statuses: [Int: String] = [:]
        switch node.value {
        case .string(let symbol):
            for index in 0..<count { statuses[index] = symbol }
        case .array:
            let elements = try node.array()
            if elements.count == 1, let symbol = try elements[0].isNull ? nil : elements[0].string() {
                for index in 0..<count { statuses[index] = symbol }
                return statuses
            }
            guard elements.count == count else {
                throw node.invalid("\(elements.count) statuses for a cube of \(count) cells")
            }
            for (index, element) in elements.enumerated() where !element.isNull { statuses[index] = try element.string() }
        case .object:
            for member in try node.object().members where !member.node.isNull {
                guard let index = Int(member.key), (0..<count).contains(index) else {
                    throw member.node.invalid("the index \"\(member.key)\" is not a cell of a cube of \(count) cells")
                }
                statuses[index] = try member.node.string()
            }
        default:
            throw node.wrongType("a string, an array or an object")
        }
        return statuses
    }
}
