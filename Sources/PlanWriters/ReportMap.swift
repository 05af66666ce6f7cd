// ReportMap: the report's map of host structures (dots) and sites (squares), with a line from a
// structure to each site where one of its learners trains in person, on an equirectangular
// projection fitted to the instance. Overseas départements get an inset each below the main map
// (as on French maps), so that a learner in La Réunion does not shrink mainland France to a dot.
import Foundation
import PlanDomain

extension Report {
    /// The map of `instance`'s structures and sites, and of `plan`'s in-person journeys.
    static func map(_ instance: Instance, _ plan: Plan) -> SVGElement {
        let points = instance.structures.map { ($0.lat, $0.lon) } + instance.sites.map { ($0.lat, $0.lon) }
        guard let layout = MapLayout(points) else {
            return .svg(width: 400, height: 40, [.text(4, 24, "no structures or sites", fill: "#777")])
        }
        let backgrounds = layout.frames.flatMap { f -> [SVGElement] in
            [.rect(f.x, f.y, f.projection.width, f.projection.height, fill: "#f4f7fb", stroke: "#ccd")]
                + (f.name.map { [.text(f.x + 4, f.y + 14, $0, size: 11, fill: "#4a5568", weight: "bold")] } ?? [])
        }
        return .svg(width: layout.width, height: layout.height, cssClass: "mapsvg", backgrounds + [
            mapJourneys(instance, plan, layout),
            mapStructures(instance, layout),
        ] + mapSites(instance, layout))
    }

    /// Lines: one per (structure, site) pair with in-person learners, thicker with more learners.
    static func mapJourneys(_ instance: Instance, _ plan: Plan, _ projection: MapLayout) -> SVGElement {
        var pairs: [PairKey: Int] = [:]
        for (l, a) in plan.assignments.enumerated() {
            guard let a, a.mode == .inPerson, let site = instance.sessions[a.session].site else { continue }
            pairs[PairKey(structure: instance.learners[l].structure, site: site), default: 0] += 1
        }
        let sortedPairs = pairs.keys.sorted { a, b in
            let ha = instance.structures[a.structure].id, hb = instance.structures[b.structure].id
            if ha != hb { return precedesByBytes(ha, hb) }
            return precedesByBytes(instance.sites[a.site].id, instance.sites[b.site].id)
        }
        // A journey is drawn where both ends are on the same map (never across an ocean).
        let drawn = sortedPairs.filter {
            let h = instance.structures[$0.structure], s = instance.sites[$0.site]
            return projection.frame(h.lat, h.lon) == projection.frame(s.lat, s.lon)
        }
        let lines = drawn.map { key -> SVGElement in
            let h = instance.structures[key.structure], s = instance.sites[key.site]
            let (x1, y1) = projection.px(h.lat, h.lon), (x2, y2) = projection.px(s.lat, s.lon)
            let n = pairs[key]!
            return .line(x1, y1, x2, y2, strokeWidth: min(4, 0.8 + 0.4 * Double(n)),
                         title: "\(h.id) → \(s.id): " + language.count(n, ("learner", "learners"), ("apprenant", "apprenants"))
                             + say(" in person, ", " en présentiel, ") + "\(instance.distanceKm(structure: key.structure, site: key.site)) km")
        }
        return .group([("stroke", colourInPerson), ("stroke-opacity", "0.45")], lines)
    }

    /// Dots: the structures, by id, each with its territory and number of learners.
    static func mapStructures(_ instance: Instance, _ projection: MapLayout) -> SVGElement {
        var learnersOf = [Int](repeating: 0, count: instance.structures.count)
        for l in instance.learners { learnersOf[l.structure] += 1 }
        let structures = instance.structures.indices.sorted {
            precedesByBytes(instance.structures[$0].id, instance.structures[$1].id)
        }
        let dots = structures.map { h -> SVGElement in
            let structure = instance.structures[h]
            let (x, y) = projection.px(structure.lat, structure.lon)
            return .circle(x, y, r: 2.5, title: structure.id + (structure.name.map { " — \($0)" } ?? "")
                + say(" (territory ", " (département ") + "\(structure.territory), "
                + language.count(learnersOf[h], ("learner", "learners"), ("apprenant", "apprenants")) + ")")
        }
        return .group([("fill", "#4a5568")], dots)
    }

    /// Squares: the sites, by id, on top of the structures, each labelled with its name (to its
    /// left when there is no room to its right).
    static func mapSites(_ instance: Instance, _ projection: MapLayout) -> [SVGElement] {
        let sites = instance.sites.indices.sorted { precedesByBytes(instance.sites[$0].id, instance.sites[$1].id) }
        return sites.map { i in
            let site = instance.sites[i]
            let (x, y) = projection.px(site.lat, site.lon)
            let label = site.name ?? site.id
            let right = x + 8 + 6.2 * Double(label.count) <= projection.rightEdge(site.lat, site.lon)
            return .group(title: site.id + (site.name.map { " — \($0)" } ?? "")
                + " (\(instance.organisations[site.organisation].id))", [
                .rect(x - 5, y - 5, 10, 10, fill: "#c53030", stroke: "#fff"),
                .text(right ? x + 8 : x - 8, y + 4, label, size: 11, fill: "#742a2a", weight: "bold",
                      anchor: right ? nil : "end", halo: true),
            ])
        }
    }
}

/// A structure and a site joined on the map.
private struct PairKey: Hashable {
    var structure: Int
    var site: Int
}

/// Where each place is drawn: one frame for mainland France (and anything not overseas), and one
/// inset per overseas département with places in it, the insets in a row below the main map in
/// the order of their codes. With a single frame, it is the whole map.
struct MapLayout {
    struct Frame {
        /// The inset's name (`La Réunion`); nil for the main map.
        var name: String?
        var projection: MapProjection
        var x: Double, y: Double
    }

    let frames: [Frame]
    let width: Double, height: Double
    /// The overseas département codes of the insets, in frame order (the main map has none).
    private let codes: [String?]

    init?(_ points: [(Double, Double)]) {
        var groups: [String?: [(Double, Double)]] = [:]
        for p in points { groups[Self.overseas(p.0, p.1)?.code, default: []].append(p) }
        let keys = groups.keys.sorted { ($0 ?? "") < ($1 ?? "") }
        guard !keys.isEmpty else { return nil }
        if keys.count == 1, let projection = MapProjection(groups[keys[0]]!) {
            frames = [Frame(name: nil, projection: projection, x: 0, y: 0)]
            (codes, width, height) = ([keys[0]], projection.width, projection.height)
            return
        }
        var frames: [Frame] = [], codes: [String?] = [], x = 0.0, top = 0.0
        if let main = groups[nil].flatMap({ MapProjection($0) }) {
            frames.append(Frame(name: nil, projection: main, x: 0, y: 0))
            codes.append(nil)
            top = main.height + 10
        }
        for key in keys where key != nil {
            guard let projection = MapProjection(groups[key]!, maxWidth: 200, maxHeight: 150) else { continue }
            frames.append(Frame(name: FrenchGeography.departement(code: key!)?.name, projection: projection, x: x, y: top))
            codes.append(key)
            x += projection.width + 10
        }
        self.frames = frames
        self.codes = codes
        width = max(frames.map { $0.x + $0.projection.width }.max() ?? 0, 1)
        height = max(frames.map { $0.y + $0.projection.height }.max() ?? 0, 1)
    }

    /// The overseas département a place is in or near (within 1,000 km), nil for any other place.
    static func overseas(_ lat: Double, _ lon: Double) -> Departement? {
        let overseas = FrenchGeography.overseas.map { ($0, haversineKm(lat1: lat, lon1: lon, lat2: $0.lat, lon2: $0.lon)) }
        return overseas.filter { $0.1 <= 1000 }.min { $0.1 < $1.1 }?.0
    }

    /// The frame of a place.
    func frame(_ lat: Double, _ lon: Double) -> Int {
        codes.firstIndex(of: Self.overseas(lat, lon)?.code) ?? 0
    }

    /// The pixel of (`lat`, `lon`) on the whole map.
    func px(_ lat: Double, _ lon: Double) -> (Double, Double) {
        let f = frames[frame(lat, lon)]
        let (x, y) = f.projection.px(lat, lon)
        return (f.x + x, f.y + y)
    }

    /// The right edge of the frame of a place, for labels.
    func rightEdge(_ lat: Double, _ lon: Double) -> Double {
        let f = frames[frame(lat, lon)]
        return f.x + f.projection.width
    }
}

/// The map's projection: equirectangular (longitudes shrink by the cosine of the middle latitude),
/// fitted into 960 × 720 pixels (an inset: less) with a margin.
struct MapProjection {
    let minLat: Double, maxLat: Double, minLon: Double, maxLon: Double
    /// The cosine of the middle latitude, and pixels per degree of latitude.
    let k: Double, scale: Double
    /// The map's size in pixels.
    let width: Double, height: Double

    /// The projection of (latitude, longitude) `points`; nil without points.
    init?(_ points: [(Double, Double)], maxWidth: Double = 960, maxHeight: Double = 720) {
        guard !points.isEmpty else { return nil }
        var minLat = points.map(\.0).min()!, maxLat = points.map(\.0).max()!
        var minLon = points.map(\.1).min()!, maxLon = points.map(\.1).max()!
        // A margin, and at least a few km across, so that one point does not fill the map.
        let padLat = max(0.05, (maxLat - minLat) * 0.04), padLon = max(0.05, (maxLon - minLon) * 0.04)
        minLat -= padLat; maxLat += padLat; minLon -= padLon; maxLon += padLon
        let k = cos((minLat + maxLat) / 2 * Double.pi / 180)
        let spanX = (maxLon - minLon) * k, spanY = maxLat - minLat
        let maxW = maxWidth, maxH = maxHeight
        let scale = min(maxW / spanX, maxH / spanY)
        (self.minLat, self.maxLat, self.minLon, self.maxLon) = (minLat, maxLat, minLon, maxLon)
        (self.k, self.scale) = (k, scale)
        width = (spanX * scale).rounded(.up)
        height = (spanY * scale).rounded(.up)
    }

    /// The pixel of (`lat`, `lon`), from the top left corner.
    func px(_ lat: Double, _ lon: Double) -> (Double, Double) {
        ((lon - minLon) * k * scale, (maxLat - lat) * scale)
    }
}
