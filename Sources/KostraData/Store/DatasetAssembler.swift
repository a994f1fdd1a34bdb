/// Builds the data served from the built-in data and the imports, in order.
///
/// A later figure for the same indicator, region and year replaces the earlier, which is kept as
/// a revision, with one exception: a preliminary figure never replaces a final one (it is kept
/// as a revision instead, so nothing is lost). A figure equal to the one it would replace (same
/// value or missing reason, same status) changes nothing.
enum DatasetAssembler {
    static func assemble(base: Dataset, history: CodeHistory, versions: [StoreVersion], name: String) throws(DatasetError) -> Dataset {
        // Regions: the base's, with the code history's former numbers, then the imports' new ones.
        var regions = base.regions
        var usedCodes = Set(regions.flatMap { [$0.code] + $0.formerCodes.map(\.code) })
        for position in regions.indices where regions[position].kind == .municipality {
            for former in history.formerCodes(of: regions[position].code) where !usedCodes.contains(former.code) {
                regions[position].formerCodes.append(former)
                usedCodes.insert(former.code)
            }
            regions[position].formerCodes.sort { $0.lastYear < $1.lastYear }
        }
        var indicators = base.indicators
        var indicatorIds = Set(indicators.map(\.id))
        for version in versions {
            for region in version.batch.regions where !usedCodes.contains(region.code) {
                let formerCodes = region.formerCodes.filter { !usedCodes.contains($0.code) }
                regions.append(Region(code: region.code, name: region.name, nameEn: region.nameEn, kind: region.kind, formerCodes: formerCodes))
                usedCodes.formUnion([region.code] + formerCodes.map(\.code))
            }
            for indicator in version.batch.indicators where indicatorIds.insert(indicator.id).inserted {
                indicators.append(indicator)
            }
        }

        // Figures.
        struct Key: Hashable {
            var indicator: String
            var region: String
            var year: Int
        }
        var observations = base.observations
        var positions: [Key: Int] = [:]
        for (position, observation) in observations.enumerated() {
            positions[Key(indicator: observation.indicatorId, region: observation.regionCode, year: observation.year)] = position
        }
        var revisions = base.revisions
        for version in versions {
            for observation in version.batch.observations {
                let key = Key(indicator: observation.indicatorId, region: observation.regionCode, year: observation.year)
                guard let position = positions[key] else {
                    positions[key] = observations.count
                    observations.append(observation)
                    continue
                }
                let current = observations[position]
                if current.value == observation.value, current.missing == observation.missing, current.status == observation.status {
                    continue
                }
                if current.status == .final, observation.status == .preliminary {
                    revisions.append(observation)
                } else {
                    revisions.append(current)
                    observations[position] = observation
                }
            }
        }
        return try Dataset(
            regions: regions,
            indicators: indicators,
            observations: observations,
            productionWeights: base.productionWeights,
            facts: base.facts,
            name: name,
            source: base.source,
            tables: base.tables,
            revisions: revisions
        )
    }
}
