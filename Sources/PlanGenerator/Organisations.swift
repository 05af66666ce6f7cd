// Organisations: the regional organisations, their sites (in prefectures) and closures, and the
// national remote organisation, from the profile's regions (random stream 1).
import PlanDomain

extension Builder {
    /// One organisation per region of the profile, with sites in about half its prefectures and
    /// one or two closure days, then the national remote organisation covering every territory.
    mutating func makeOrganisationsAndSites() {
        var r = rng(1)
        let closureDays = [(2, 19), (3, 19), (4, 16), (2, 26), (3, 12), (4, 2)].map { Day(year: 2027, month: $0.0, day: $0.1)! }
        for region in settings.regions {
            let deps = Geography.departements(of: region)
            territories += deps
            // Sites in the prefectures of several départements: the most populous one, then
            // others drawn by population; bigger regions get more sites.
            let count = deps.count <= 2 ? deps.count : Int((Double(deps.count) * 0.55).rounded(.up))
            var pool = deps.sorted { ($0.population, $1.code) > ($1.population, $0.code) }
            var chosen = [pool.removeFirst()]
            while chosen.count < count {
                let k = r.weighted(pool.map { Double($0.population) })
                chosen.append(pool.remove(at: k))
            }
            chosen.sort { precedesByBytes($0.code, $1.code) }
            var closures: [Day] = []
            if r.chance(0.6) { closures.append(Builder.bridgeDay) }
            if closures.isEmpty || r.chance(0.4) { closures.append(r.pick(closureDays)) }
            closures.sort()
            let name = r.pick(Names.organisationPatterns).replacingOccurrences(of: "%", with: Geography.regions[region].name)
            organisationOfRegion[region] = organisations.count
            organisations.append(GenOrganisation(
                id: "OF-" + slug(Geography.regions[region].name), name: name, territories: deps.map(\.code),
                maxConcurrentSessions: nil, closures: closures, region: region))
            for dep in chosen {
                sites.append(GenSite(id: slug(dep.prefecture), organisation: organisations.count - 1,
                                     name: dep.prefecture, lat: round4(dep.lat), lon: round4(dep.lon)))
            }
        }
        if settings.overseas { territories += Geography.overseas }
        territories.sort { precedesByBytes($0.code, $1.code) }
        remoteOrganisation = organisations.count
        organisations.append(GenOrganisation(
            id: "OF-DISTANCIEL", name: Names.remoteOrganisation, territories: territories.map(\.code),
            maxConcurrentSessions: nil, closures: [Builder.bridgeDay], region: nil))
    }
}
