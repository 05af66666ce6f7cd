// Learners: the structures (drawn by population around prefectures, random stream 2) and their
// learners (1 to 3 each, random stream 3).
import Foundation
import PlanDomain

extension Builder {
    /// About 0.75 structures per learner, drawn by population among the territories, each near a
    /// prefecture, grouped by territory and given the nearest site of its region's organisation.
    mutating func makeStructures() {
        var r = rng(2)
        let count = max((learnerCount + 2) / 3, min(learnerCount, Int((Double(learnerCount) * 0.75).rounded())))
        let table = WeightedTable(territories.map { Double($0.population) })
        for i in 0..<count {
            let rank = table.draw(&r)
            let dep = territories[rank]
            // Around the prefecture, up to 0.3 degree away (0.1 overseas: islands are small).
            let radius = (dep.region == nil ? 0.1 : 0.3) * r.unit().squareRoot()
            let angle = r.double(0, 2 * Double.pi)
            let lat = round4(dep.lat + radius * sin(angle))
            let lon = round4(dep.lon + radius * cos(angle) / cos(dep.lat * Double.pi / 180))
            let town: String
            if radius < 0.06 || r.chance(0.15) {
                town = dep.prefecture
            } else {
                town = r.pick(Names.townStems) + r.pick(Names.townSuffixes)
            }
            var h = GenStructure(name: Names.structureName(kind: r.pick(Names.structureKinds), town: town),
                                 departement: dep, territoryRank: rank, lat: lat, lon: lon, draw: i)
            if r.chance(0.05) { h.maxTravelKm = r.pick([40, 60, 80, 150]) }
            if r.chance(0.10) { h.alternationDay = [Weekday.wed, .mon, .fri][r.weighted([60, 25, 15])] }
            structures.append(h)
        }
        // Grouped by territory (in code order), in draw order within one.
        structures.sort { ($0.territoryRank, $0.draw) < ($1.territoryRank, $1.draw) }
        let width = max(5, String(structures.count).count)
        for i in structures.indices {
            structures[i].id = "H-" + pad(i + 1, width)
            if let region = structures[i].departement.region, let org = organisationOfRegion[region] {
                for (s, site) in sites.enumerated() where site.organisation == org {
                    let km = haversineKm(lat1: structures[i].lat, lon1: structures[i].lon, lat2: site.lat, lon2: site.lon)
                    if km < structures[i].nearestKm { structures[i].nearestKm = km; structures[i].nearestSite = s }
                }
            }
        }
    }

    /// 1 to 3 learners per structure, with a path, availability dates, a mode and sometimes a
    /// travel limit of their own; some structures get a `maxAbsent`.
    mutating func makeLearners() {
        var r = rng(3)
        // 1 to 3 learners per structure.
        var counts = Array(repeating: 1, count: structures.count)
        var extra = learnerCount - structures.count
        while extra > 0 {
            let i = r.int(0...(counts.count - 1))
            if counts[i] < 3 { counts[i] += 1; extra -= 1 }
        }
        for i in structures.indices where r.chance(0.10) {
            structures[i].maxAbsent = counts[i] >= 3 ? r.int(1...2) : 1
        }
        var slots: [Int] = []
        for (i, c) in counts.enumerated() { slots += Array(repeating: i, count: c) }
        r.shuffle(&slots)

        let width = max(5, String(learnerCount).count)
        let pathTable = WeightedTable(Builder.pathWeights)
        for (k, h) in slots.enumerated() {
            let structure = structures[h]
            let path = Builder.paths[pathTable.draw(&r)]
            var l = GenLearner(id: "L-" + pad(k + 1, width),
                               name: r.pick(Names.firstNames) + " " + r.pick(Names.lastNames),
                               structure: h, path: path, mode: .any)
            if r.chance(0.92) {
                let from = Builder.horizonStart.adding(days: r.int(0...(Builder.availabilityDays - 1)))
                l.availableFrom = from
                if r.chance(0.2) { l.startBy = from.adding(days: r.int(14...45)) }
                if r.chance(0.05) {
                    // Generous: the path's weeks at four days a week, plus holidays and slack.
                    let weeks = (path + 27) / 28
                    l.finishBy = from.adding(days: weeks * 7 + 21 + r.int(30...90))
                }
            }
            if r.chance(0.03) { l.maxTravelKm = r.pick([30, 50, 60, 150]) }
            let limit = l.maxTravelKm ?? structure.maxTravelKm ?? Builder.defaultMaxTravelKm
            let x = r.unit()
            if structure.nearestSite == nil {
                l.mode = x < 0.3 ? .remote : .any
            } else if x < 0.10 {
                // In person only where a site is within reach.
                l.mode = structure.nearestKm <= limit ? .inPerson : .any
            } else if x < 0.20 {
                l.mode = .remote
            }
            learners.append(l)
        }
    }
}
