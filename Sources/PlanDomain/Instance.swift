// Instance: the validated, resolved form of an instance file (SPEC §2). References are resolved
// to indices, defaults applied, and session calendars generated.
import Foundation

/// Participation mode.
public enum Mode: String, Sendable, Hashable, Comparable, CaseIterable {
    case inPerson
    case remote

    /// The word used in output files.
    public var csvName: String { self == .inPerson ? "in_person" : "remote" }
    /// The mode an output file names (`in_person`, `remote`); nil for any other word.
    public init?(csvName: String) {
        guard let mode = Mode.allCases.first(where: { $0.csvName == csvName }) else { return nil }
        self = mode
    }
    public static func < (a: Mode, b: Mode) -> Bool { a == .inPerson && b == .remote }
}

/// Which modes a learner accepts.
public enum ModePreference: String, Sendable {
    case any, inPerson, remote
    public func allows(_ mode: Mode) -> Bool {
        switch self {
        case .any: return true
        case .inPerson: return mode == .inPerson
        case .remote: return mode == .remote
        }
    }
}

/// Objective weights (SPEC §4).
public struct Weights: Sendable, Equatable {
    public var unassigned = 100_000.0
    public var remote = 1_000.0
    public var perKm = 2.0
    public var perWaitingDay = 10.0
    public var openSession = 0.0
    public init() {}
}

/// A validated instance. Built by the decoder from a file, or in code with `init`, which computes
/// the indexes (sessions by id and by path); the sessions cannot change afterwards, so the
/// indexes never go stale.
public struct Instance: Sendable {
    public var name: String?
    public var paths: [Int]
    public var calendar: WorkCalendar
    public var weights: Weights
    /// nil: no limit.
    public var defaultMaxTravelKm: Double?
    public var defaultHoursPerDay: Double
    public var defaultTrainingWeekdays: [Weekday]
    public var organisations: [Organisation]
    public var sites: [Site]
    public private(set) var sessions: [Session]
    public var structures: [Structure]
    public var learners: [Learner]
    /// Session indices sorted by id (bytes of UTF-8).
    public private(set) var sessionsByID: [Int]
    /// Session indices of each path, sorted by id: the only sessions a learner of that path may join.
    public private(set) var sessionsByPath: [Int: [Int]]
    /// Set when the instance is planned knowing an earlier plan (SPEC §6): see `Replanning`.
    public var replanning: Replanning?

    /// An instance from its parts (indices refer into the lists), with SPEC 2's defaults for what
    /// is not given. It is not validated: the decoder validates what it reads.
    public init(name: String? = nil, paths: [Int] = [105, 280, 350, 420],
                calendar: WorkCalendar = WorkCalendar(workdays: [.mon, .tue, .wed, .thu, .fri], holidays: .france, closures: []),
                weights: Weights = Weights(), defaultMaxTravelKm: Double? = 100, defaultHoursPerDay: Double = 7,
                defaultTrainingWeekdays: [Weekday] = [.mon, .tue, .wed, .thu], organisations: [Organisation],
                sites: [Site], sessions: [Session], structures: [Structure], learners: [Learner]) {
        self.name = name
        self.paths = paths
        self.calendar = calendar
        self.weights = weights
        self.defaultMaxTravelKm = defaultMaxTravelKm
        self.defaultHoursPerDay = defaultHoursPerDay
        self.defaultTrainingWeekdays = defaultTrainingWeekdays
        self.organisations = organisations
        self.sites = sites
        self.sessions = sessions
        self.structures = structures
        self.learners = learners
        sessionsByID = sessions.indices.sorted { precedesByBytes(sessions[$0].id, sessions[$1].id) }
        sessionsByPath = Dictionary(grouping: sessionsByID) { sessions[$0].path }
    }

    /// The travel limit in km that applies to a learner (nil: none), per SPEC §2.3.
    public func travelLimit(of learner: Learner) -> Double? {
        learner.maxTravelKm ?? structures[learner.structure].maxTravelKm ?? defaultMaxTravelKm
    }

    /// The whole-km distance from a structure to a site.
    public func distanceKm(structure: Int, site: Int) -> Int {
        let h = structures[structure], s = sites[site]
        return haversineKm(lat1: h.lat, lon1: h.lon, lat2: s.lat, lon2: s.lon)
    }
}

/// Great-circle distance with R = 6371.0 km, rounded to the nearest km, halves away from zero.
public func haversineKm(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Int {
    let r = 6371.0
    let rad = Double.pi / 180
    let dLat = (lat2 - lat1) * rad
    let dLon = (lon2 - lon1) * rad
    let a = pow2(sin(dLat / 2)) + cos(lat1 * rad) * cos(lat2 * rad) * pow2(sin(dLon / 2))
    let c = 2 * asin(min(1, a.squareRoot()))
    return Int((r * c).rounded(.toNearestOrAwayFromZero))
}

private func pow2(_ x: Double) -> Double { x * x }
