// BruteForceGenerator: a seeded generator of small, valid instance files for the brute-force
// cross-check (BruteForceTests.swift). Deterministic: the tests' shared SeededRandom, never the system RNG.
import PlanTestSupport
import PlanDomain

/// The tests' shared generator, with the draws the brute-force generator needs.
typealias BFRandom = SeededRandom

extension SeededRandom {

    /// Uniform in the range (modulo bias is irrelevant here).
    mutating func int(_ r: ClosedRange<Int>) -> Int {
        r.lowerBound + Int(next() % UInt64(r.upperBound - r.lowerBound + 1))
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var a = items
        if a.count < 2 { return a }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, int(0...i)) }
        return a
    }

    /// A non-empty random subset, in the original order.
    mutating func subset<T>(_ items: [T]) -> [T] {
        while true {
            let s = items.filter { _ in chance(0.5) }
            if !s.isEmpty { return s }
        }
    }
}

/// A minimal JSON value with ordered keys and a compact, stable text form.
indirect enum BFJSON {
    case string(String)
    case number(Double)
    case int(Int)
    case array([BFJSON])
    case object([(String, BFJSON)])
    case null

    var text: String {
        switch self {
        case .string(let s): return "\"" + s + "\""   // ids, dates and codes only: nothing to escape
        case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
        case .int(let i): return String(i)
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { "\"\($0.0)\":\($0.1.text)" }.joined(separator: ",") + "}"
        case .null: return "null"
        }
    }
}

/// The generated document before it is written as JSON (kept so pins can be added later).
struct BFDocument {
    struct Org { var id: String; var territories: [String]; var maxConcurrent: Int?; var closures: [String] }
    struct Site { var id: String; var org: String; var lat: Double; var lon: Double }
    struct Session {
        var id: String; var org: String; var site: String?; var path: Int
        var start: String?; var weekdays: [String]?; var days: [String]?; var hoursPerDay: Double?
        var capIn: Int; var capRemote: Int; var minSize: Int?
    }
    struct Structure {
        var id: String; var territory: String; var lat: Double; var lon: Double
        var maxTravelKm: Int?; var alternationDays: [String]?; var maxAbsent: Int?
    }
    struct Learner {
        var id: String; var structure: String; var path: Int
        var availableFrom: String?; var startBy: String?; var finishBy: String?
        var mode: String?; var maxTravelKm: Int?; var assigned: (session: String, mode: String)?
    }
    enum DefaultTravel { case absent, unlimited, km(Int) }

    var paths: [Int]
    var holidays: String?
    var closures: [String]
    var weights: (unassigned: Int, remote: Int, perKm: Int, perWaitingDay: Int, openSession: Int)
    var defaultTravel: DefaultTravel
    var orgs: [Org] = []
    var sites: [Site] = []
    var sessions: [Session] = []
    var structures: [Structure] = []
    var learners: [Learner] = []

    var json: String {
        var top: [(String, BFJSON)] = [("name", .string("brute force"))]
        top.append(("paths", .array(paths.map { .int($0) })))
        var cal: [(String, BFJSON)] = []
        if let holidays { cal.append(("holidays", .string(holidays))) }
        if !closures.isEmpty { cal.append(("closures", .array(closures.map { .string($0) }))) }
        if !cal.isEmpty { top.append(("calendar", .object(cal))) }
        top.append(("weights", .object([
            ("unassigned", .int(weights.unassigned)), ("remote", .int(weights.remote)), ("perKm", .int(weights.perKm)),
            ("perWaitingDay", .int(weights.perWaitingDay)), ("openSession", .int(weights.openSession)),
        ])))
        switch defaultTravel {
        case .absent: break
        case .unlimited: top.append(("defaults", .object([("maxTravelKm", .null)])))
        case .km(let k): top.append(("defaults", .object([("maxTravelKm", .int(k))])))
        }
        top.append(("organisations", .array(orgs.map { o in
            var m: [(String, BFJSON)] = [("id", .string(o.id)), ("territories", .array(o.territories.map { .string($0) }))]
            if let k = o.maxConcurrent { m.append(("maxConcurrentSessions", .int(k))) }
            if !o.closures.isEmpty { m.append(("closures", .array(o.closures.map { .string($0) }))) }
            return .object(m)
        })))
        top.append(("sites", .array(sites.map { s in
            .object([("id", .string(s.id)), ("organisation", .string(s.org)), ("lat", .number(s.lat)), ("lon", .number(s.lon))])
        })))
        top.append(("sessions", .array(sessions.map { s in
            var m: [(String, BFJSON)] = [("id", .string(s.id)), ("organisation", .string(s.org))]
            m.append(("site", s.site.map { .string($0) } ?? .null))
            m.append(("path", .int(s.path)))
            if let start = s.start { m.append(("start", .string(start))) }
            if let w = s.weekdays { m.append(("weekdays", .array(w.map { .string($0) }))) }
            if let d = s.days { m.append(("days", .array(d.map { .string($0) }))) }
            if let h = s.hoursPerDay { m.append(("hoursPerDay", .number(h))) }
            m.append(("capacity", .object([("inPerson", .int(s.capIn)), ("remote", .int(s.capRemote))])))
            if let k = s.minSize { m.append(("minSize", .int(k))) }
            return .object(m)
        })))
        top.append(("structures", .array(structures.map { h in
            var m: [(String, BFJSON)] = [("id", .string(h.id)), ("territory", .string(h.territory)),
                                         ("lat", .number(h.lat)), ("lon", .number(h.lon))]
            if let k = h.maxTravelKm { m.append(("maxTravelKm", .int(k))) }
            if let a = h.alternationDays { m.append(("alternationDays", .array(a.map { .string($0) }))) }
            if let k = h.maxAbsent { m.append(("maxAbsent", .int(k))) }
            return .object(m)
        })))
        top.append(("learners", .array(learners.map { l in
            var m: [(String, BFJSON)] = [("id", .string(l.id)), ("structure", .string(l.structure)), ("path", .int(l.path))]
            if let d = l.availableFrom { m.append(("availableFrom", .string(d))) }
            if let d = l.startBy { m.append(("startBy", .string(d))) }
            if let d = l.finishBy { m.append(("finishBy", .string(d))) }
            if let mode = l.mode { m.append(("mode", .string(mode))) }
            if let k = l.maxTravelKm { m.append(("maxTravelKm", .int(k))) }
            if let a = l.assigned {
                m.append(("assigned", .object([("session", .string(a.session)), ("mode", .string(a.mode))])))
            } else {
                m.append(("assigned", .null))
            }
            return .object(m)
        })))
        return BFJSON.object(top).text
    }
}

enum BFGenerator {
    static let territories = ["22", "29", "35"]
    /// Mondays of 2027 that are neither holidays nor closures (every generated closure is a Tue/Wed/Thu).
    static let starts = ["2027-01-04", "2027-01-11", "2027-01-18", "2027-02-01"]
    static let orgClosures = ["2027-01-06", "2027-01-13", "2027-01-19", "2027-02-03"]
    static let globalClosures = ["2027-01-07", "2027-01-14", "2027-02-02"]

    static func coordinate(_ rng: inout BFRandom, around c: Double) -> Double {
        ((c + (rng.unit() * 2 - 1) * 0.7) * 10_000).rounded() / 10_000
    }

    static func date(_ s: String, plus days: Int) -> String {
        Day(iso: s)!.adding(days: days).description
    }

    /// A random document (without pins).
    static func document(_ rng: inout BFRandom) -> BFDocument {
        // Half the documents are "dense": few restrictions, so most learners compete for most seats.
        let dense = rng.chance(0.5)
        let loose = dense ? 0.4 : 1.0  // scales the probability of each restriction
        let shortPaths = rng.chance(0.6)
        let paths = shortPaths ? [14, 35] : [105, 280]
        var doc = BFDocument(
            paths: paths,
            holidays: rng.chance(0.2) ? "none" : (rng.chance(0.3) ? "FR" : nil),
            closures: rng.chance(0.15) ? [rng.pick(globalClosures)] : [],
            weights: (rng.int(50...1000), rng.int(0...100), rng.int(0...3), rng.int(0...5), rng.int(0...200)),
            defaultTravel: rng.chance(0.6) ? .absent : (rng.chance(0.5) ? .unlimited : .km(rng.int(40...90))))
        if rng.chance(0.15) { doc.weights.openSession = 0 }

        // Organisations: the first usually covers every territory; a structure may still be uncovered.
        for k in 0..<rng.int(1...2) {
            doc.orgs.append(.init(
                id: "OF-\(k)", territories: k == 0 && (dense || rng.chance(0.6)) ? territories : rng.subset(territories),
                maxConcurrent: rng.chance(0.3) ? rng.int(1...2) : nil,
                closures: rng.chance(0.25) ? [rng.pick(orgClosures)] : []))
        }
        for k in 0..<max(doc.orgs.count, rng.int(1...3)) {
            // Every organisation has a site (sites beyond the first ones go to any organisation).
            doc.sites.append(.init(id: "SITE-\(k)", org: k < doc.orgs.count ? doc.orgs[k].id : rng.pick(doc.orgs).id,
                                   lat: coordinate(&rng, around: 48.1), lon: coordinate(&rng, around: -2.5)))
        }

        // Sessions, with ids that do not sort like their indices.
        let sessionCount = rng.int(2...4)
        let sessionNames = rng.shuffled(Array(0..<sessionCount))
        let onePath: Int? = dense || rng.chance(0.3) ? rng.pick(paths) : nil
        for k in 0..<sessionCount {
            let org = rng.pick(doc.orgs)
            let ownSites = doc.sites.filter { $0.org == org.id }
            let site: String? = ownSites.isEmpty || rng.chance(0.2) ? nil : rng.pick(ownSites).id
            let path = onePath ?? rng.pick(paths)
            var s = BFDocument.Session(
                id: "S\(sessionNames[k])", org: org.id, site: site, path: path, start: nil, weekdays: nil, days: nil,
                hoursPerDay: nil, capIn: site == nil || rng.chance(0.15) ? 0 : rng.int(1...2),
                capRemote: rng.chance(0.25) ? 0 : rng.int(1...2),
                minSize: rng.chance(0.6) ? rng.int(0...3) : nil)
            let start = rng.pick(starts)
            if path == 14 && rng.chance(0.25) {
                // Explicit days: two of Mon..Thu of the start's week, avoiding every closure.
                let forbidden = Set(org.closures + doc.closures)
                let candidates = (0...3).map { date(start, plus: $0) }.filter { !forbidden.contains($0) }
                let two = rng.shuffled(candidates).prefix(2).sorted()
                s.days = Array(two)
            } else {
                s.start = start
                switch rng.int(0...5) {
                case 0: s.weekdays = ["mon", "tue"]
                case 1: s.weekdays = ["mon", "wed", "fri"]
                case 2: s.weekdays = ["mon", "tue", "wed", "thu", "fri"]
                default: break  // defaults.trainingWeekdays: mon..thu
                }
                if rng.chance(0.15) { s.hoursPerDay = 5 }
            }
            doc.sessions.append(s)
        }

        let covered = territories.filter { t in doc.orgs.contains { $0.territories.contains(t) } }
        for k in 0..<rng.int(2...4) {
            doc.structures.append(.init(
                id: "H-\(k)", territory: dense || rng.chance(0.8) ? rng.pick(covered) : rng.pick(territories),
                lat: coordinate(&rng, around: 48.1), lon: coordinate(&rng, around: -2.5),
                maxTravelKm: rng.chance(0.25 * loose) ? rng.int(30...120) : nil,
                alternationDays: rng.chance(0.2 * loose) ? [rng.pick(["tue", "wed", "fri", "fri"])] : nil,
                maxAbsent: rng.chance(0.3) ? (rng.chance(0.1) ? 0 : 1) : nil))
        }

        let learnerCount = rng.int(3...7)
        let learnerNames = rng.shuffled(Array(0..<learnerCount))
        let sessionPaths = doc.sessions.map(\.path)
        for k in 0..<learnerCount {
            var l = BFDocument.Learner(
                id: "L\(learnerNames[k])", structure: rng.pick(doc.structures).id,
                path: rng.chance(0.9) ? rng.pick(sessionPaths) : rng.pick(paths))
            if rng.chance(0.5) { l.availableFrom = rng.pick(["2026-12-28", "2027-01-04", "2027-01-04", "2027-01-06", "2027-01-11"]) }
            if rng.chance(0.25 * loose) { l.startBy = date(l.availableFrom ?? "2027-01-04", plus: rng.int(7...35)) }
            if rng.chance(0.15 * loose) { l.finishBy = rng.pick(["2027-01-22", "2027-02-12", "2027-03-31", "2027-06-30"]) }
            switch dense ? rng.int(0...19) : rng.int(0...9) {
            case 0, 1: l.mode = "inPerson"
            case 2: l.mode = "remote"
            case 3: l.mode = "any"
            default: break
            }
            if rng.chance(0.2) { l.maxTravelKm = rng.int(20...120) }
            doc.learners.append(l)
        }
        return doc
    }
}
