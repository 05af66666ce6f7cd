// Warnings: what in a valid instance looks like a planner's slip, said before solving but never
// refused: a host structure far from its territory (département), a site far from every territory
// of its organisation, latitude and longitude that seem swapped, a territory that is not a French
// département code. Distances are measured to the département's prefecture.

extension Instance {
    /// How far (km) a place may stand from its département's prefecture before it looks wrong:
    /// metropolitan départements are at most about 150 km across, overseas ones (Guyane) more.
    static func plausibleKm(_ d: Departement) -> Double { d.region == nil ? 400 : 150 }

    /// Every warning, structures (by index) then sites, each naming the item by path and id.
    public func warnings() -> [String] {
        var out: [String] = []
        for (h, s) in structures.enumerated() {
            let place = "structures[\(h)] (\(s.id))"
            guard let d = FrenchGeography.departement(code: s.territory) else {
                out.append(place + tr(": ", " : ") + tr("territory \"\(s.territory)\" is not a French département code",
                                             "le territoire \"\(s.territory)\" n'est pas un code de département français"))
                continue
            }
            if let why = misplacement(lat: s.lat, lon: s.lon, near: [d]) { out.append(place + tr(": ", " : ") + why) }
        }
        for (k, site) in sites.enumerated() {
            let near = organisations[site.organisation].territories.sorted().compactMap(FrenchGeography.departement(code:))
            guard !near.isEmpty, let why = misplacement(lat: site.lat, lon: site.lon, near: near) else { continue }
            out.append("sites[\(k)] (\(site.id))" + tr(": ", " : ") + why)
        }
        return out
    }

    /// Why coordinates look wrong for the nearest of `departements`, or nil when they look right.
    private func misplacement(lat: Double, lon: Double, near departements: [Departement]) -> String? {
        func distance(_ a: Double, _ b: Double, _ d: Departement) -> Int { haversineKm(lat1: a, lon1: b, lat2: d.lat, lon2: d.lon) }
        let nearest = departements.min { distance(lat, lon, $0) < distance(lat, lon, $1) }!
        let km = distance(lat, lon, nearest)
        guard Double(km) > Self.plausibleKm(nearest) else { return nil }
        let swapped = departements.contains { Double(distance(lon, lat, $0)) <= Self.plausibleKm($0) }
        let said = tr("\(km) km from \(nearest.prefecture), the prefecture of \(nearest.name) (\(nearest.code))",
                      "à \(km) km de \(nearest.prefecture), préfecture de \(nearest.name) (\(nearest.code))")
        return said + (swapped ? tr("; latitude and longitude seem swapped", " ; latitude et longitude semblent inversées")
                               : tr("; check its coordinates", " ; vérifier ses coordonnées"))
    }
}
