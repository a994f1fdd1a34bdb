/// Checks a dataset's parts against each other and puts region codes on their current form.
///
/// Every refusal names the place the faulty part came from (`DatasetContents.Item.path`).
enum DatasetValidator {
    /// The parts, checked, with the tables that resolve region codes.
    struct Checked {
        var regions: [Region]
        var indicators: [Indicator]
        var observations: [Observation]
        var productionWeights: [ProductionWeights]
        var facts: [Fact]
        var tables: [SourceTable]
        /// Every current and former code, to the current code.
        var currentCodes: [String: String]
        var resolver: RegionResolver
    }

    /// Observations' years must lie in this range: anything else is a typing error.
    static let plausibleYears = 1900...2200

    static func check(_ contents: DatasetContents) throws(DatasetError) -> Checked {
        let (regions, currentCodes) = try checkRegions(contents.regions)
        let resolver = try RegionResolver(regions: contents.regions)
        let indicators = try checkIndicators(contents.indicators)

        func current(_ code: String, at path: String) throws(DatasetError) -> String {
            guard let current = currentCodes[code] else {
                throw DatasetError(code: .unknownRegion, path: path, message: "unknown region code \"\(code)\" (neither a current nor a former code of a known region)")
            }
            return current
        }
        func known(_ id: String, at path: String) throws(DatasetError) -> Indicator {
            guard let indicator = indicators[id] else {
                throw DatasetError(code: .unknownIndicator, path: path, message: "unknown indicator \"\(id)\"")
            }
            return indicator
        }

        // Observations.
        struct Key: Hashable {
            var indicator: String
            var region: String
            var year: Int
        }
        var seen: [Key: String] = [:]
        var observations: [Observation] = []
        observations.reserveCapacity(contents.observations.count)
        for item in contents.observations {
            var observation = item.value
            _ = try known(observation.indicatorId, at: item.path)
            let code = try current(observation.regionCode, at: item.path)
            if code != observation.regionCode {
                observation.reportedCode = observation.reportedCode ?? observation.regionCode
                observation.regionCode = code
            }
            guard plausibleYears.contains(observation.year) else {
                throw DatasetError(code: .invalidValue, path: item.path, message: "the year \(observation.year) is outside \(plausibleYears.lowerBound)-\(plausibleYears.upperBound)")
            }
            switch (observation.value, observation.missing) {
            case (let value?, nil):
                guard value.isFinite else {
                    throw DatasetError(code: .nonFiniteValue, path: item.path, message: "the value \(value) is not a finite number")
                }
            case (nil, _?):
                break
            case (nil, nil):
                throw DatasetError(code: .invalidValue, path: item.path, message: "no value and no reason why it is missing")
            case (_?, _?):
                throw DatasetError(code: .invalidValue, path: item.path, message: "both a value and a reason why it is missing")
            }
            let key = Key(indicator: observation.indicatorId, region: code, year: observation.year)
            if let first = seen[key] {
                throw DatasetError(code: .duplicate, path: item.path, message: "a second figure for \(key.indicator), region \(code), \(key.year); the first is at \(first)")
            }
            seen[key] = item.path
            observations.append(observation)
        }

        // Production weights.
        var weightYears: [Int: String] = [:]
        for item in contents.productionWeights {
            let weights = item.value
            if let first = weightYears[weights.year] {
                throw DatasetError(code: .duplicate, path: item.path, message: "a second set of weights for \(weights.year); the first is at \(first)")
            }
            weightYears[weights.year] = item.path
            for (id, weight) in weights.weights.sorted(by: { $0.key < $1.key }) {
                let path = JSONNode.path("\(item.path).weights", key: id)
                _ = try known(id, at: path)
                guard weight.isFinite else {
                    throw DatasetError(code: .nonFiniteValue, path: path, message: "the weight \(weight) is not a finite number")
                }
            }
        }

        // Facts.
        var factIds: [String: String] = [:]
        var facts: [Fact] = []
        for item in contents.facts {
            var fact = item.value
            if let first = factIds[fact.id] {
                throw DatasetError(code: .duplicate, path: "\(item.path).id", message: "the fact id \"\(fact.id)\" is already used at \(first)")
            }
            factIds[fact.id] = item.path
            fact.subject = try current(fact.subject, at: "\(item.path).subject")
            for (offset, code) in fact.regions.enumerated() {
                fact.regions[offset] = try current(code, at: "\(item.path).regions[\(offset)]")
            }
            if let group = fact.group {
                let code = try current(group, at: "\(item.path).group")
                guard regions[code]?.kind != .municipality else {
                    throw DatasetError(code: .invalidValue, path: "\(item.path).group", message: "\"\(group)\" is a municipality, not a group")
                }
                fact.group = code
            }
            if let id = fact.indicatorId { _ = try known(id, at: "\(item.path).indicator") }
            for (role, value) in fact.figures.sorted(by: { $0.key < $1.key }) where !value.isFinite {
                throw DatasetError(code: .nonFiniteValue, path: JSONNode.path("\(item.path).figures", key: role), message: "the figure \(value) is not a finite number")
            }
            facts.append(fact)
        }

        // Tables.
        var tables: [SourceTable] = []
        for item in contents.tables {
            var table = item.value
            for (offset, code) in table.regionCodes.enumerated() {
                table.regionCodes[offset] = try current(code, at: JSONNode.path("\(item.path).rows", key: code))
            }
            for id in table.indicatorIds {
                let indicator = try known(id, at: JSONNode.path("\(item.path).rows", key: id))
                guard indicator.unit == table.unit else {
                    throw DatasetError(code: .invalidValue, path: "\(item.path).unit", message: "the table's unit \"\(table.unit.rawValue)\" differs from the unit \"\(indicator.unit.rawValue)\" of \(id)")
                }
            }
            tables.append(table)
        }

        return Checked(
            regions: contents.regions.map(\.value),
            indicators: contents.indicators.map(\.value),
            observations: observations,
            productionWeights: contents.productionWeights.map(\.value),
            facts: facts,
            tables: tables,
            currentCodes: currentCodes,
            resolver: resolver
        )
    }

    // MARK: Regions and indicators

    private static func checkRegions(_ items: [DatasetContents.Item<Region>]) throws(DatasetError) -> ([String: Region], [String: String]) {
        var byCode: [String: Region] = [:]
        var currentCodes: [String: String] = [:]
        var owners: [String: String] = [:]  // code -> path that uses it
        for item in items {
            let region = item.value
            try checkCode(region.code, at: "\(item.path).code")
            guard region.name.contains(where: { !$0.isWhitespace }) else {
                throw DatasetError(code: .invalidValue, path: "\(item.path).name", message: "the name must not be empty")
            }
            if let first = owners[region.code] {
                throw DatasetError(code: .duplicate, path: "\(item.path).code", message: "the region code \"\(region.code)\" is already used at \(first)")
            }
            owners[region.code] = item.path
            currentCodes[region.code] = region.code
            byCode[region.code] = region
        }
        for item in items {
            for (offset, former) in item.value.formerCodes.enumerated() {
                let path = "\(item.path).former_codes[\(offset)]"
                try checkCode(former.code, at: path)
                if let first = owners[former.code] {
                    throw DatasetError(code: .duplicate, path: path, message: "the code \"\(former.code)\" is already used at \(first)")
                }
                owners[former.code] = path
                currentCodes[former.code] = item.value.code
            }
        }
        for item in items {
            let region = item.value
            if region.kind == .municipality, !region.memberCodes.isEmpty {
                throw DatasetError(code: .invalidValue, path: "\(item.path).members", message: "a municipality has no members; only a group average or the country has")
            }
            var members: Set<String> = []
            for (offset, code) in region.memberCodes.enumerated() {
                let path = "\(item.path).members[\(offset)]"
                guard let current = currentCodes[code], let member = byCode[current] else {
                    throw DatasetError(code: .unknownRegion, path: path, message: "unknown region code \"\(code)\"")
                }
                guard member.kind == .municipality else {
                    throw DatasetError(code: .invalidValue, path: path, message: "\"\(code)\" is not a municipality")
                }
                guard members.insert(current).inserted else {
                    throw DatasetError(code: .duplicate, path: path, message: "\"\(code)\" is a member twice")
                }
            }
        }
        return (byCode, currentCodes)
    }

    private static func checkCode(_ code: String, at path: String) throws(DatasetError) {
        guard !code.isEmpty, !code.contains(where: { $0.isWhitespace }) else {
            throw DatasetError(code: .invalidValue, path: path, message: "a region code must be non-empty and without spaces, found \"\(code)\"")
        }
    }

    private static func checkIndicators(_ items: [DatasetContents.Item<Indicator>]) throws(DatasetError) -> [String: Indicator] {
        var byId: [String: Indicator] = [:]
        var paths: [String: String] = [:]
        for item in items {
            let indicator = item.value
            guard isValidIndicatorId(indicator.id) else {
                throw DatasetError(code: .invalidValue, path: "\(item.path).id", message: "\"\(indicator.id)\" is not an indicator id: lower-case ASCII letters, digits and underscores, as service.name")
            }
            if let first = paths[indicator.id] {
                throw DatasetError(code: .duplicate, path: "\(item.path).id", message: "the indicator id \"\(indicator.id)\" is already used at \(first)")
            }
            guard (0...10).contains(indicator.decimals) else {
                throw DatasetError(code: .invalidValue, path: "\(item.path).decimals", message: "\(indicator.decimals) decimals is outside 0-10")
            }
            for (field, text) in [("name_nb", indicator.nameNb), ("name_en", indicator.nameEn), ("service", indicator.service)]
            where !text.contains(where: { !$0.isWhitespace }) {
                throw DatasetError(code: .invalidValue, path: "\(item.path).\(field)", message: "must not be empty")
            }
            paths[indicator.id] = item.path
            byId[indicator.id] = indicator
        }
        // A weight indicator must be another indicator the data defines.
        for item in items {
            guard let weightId = item.value.weightIndicatorId else { continue }
            guard byId[weightId] != nil else {
                throw DatasetError(code: .unknownIndicator, path: "\(item.path).weight_indicator", message: "unknown indicator \"\(weightId)\"")
            }
            guard weightId != item.value.id else {
                throw DatasetError(code: .invalidValue, path: "\(item.path).weight_indicator", message: "an indicator cannot be its own weight")
            }
        }
        return byId
    }

    /// `service.snake_case`: lower-case ASCII letters, digits and underscores in dot-separated
    /// parts, at least two, none empty.
    static func isValidIndicatorId(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "_")
            }
        }
    }
}
