// Instance: the validated, resolved form of an instance file (SPEC §2). References are resolved
// to indices, defaults applied, and session calendars generated.
import Foundation

/// Participation mode.
public enum Mode: String, Sendable, Hashable, Comparable, CaseIterable {
    case inPerson
    case remote

    /// The word used in output files.
    public var csvName: String { self == .inPerson ? "in_person" : "remote" }
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

public struct Organisation: Sendable {
    public var id: String
    public var name: String?
    public var territories: Set<String>
    public var maxConcurrentSessions: Int?
    public var closures: Set<Day>
}

public struct Site: Sendable {
    public var id: String
    public var organisation: Int
    public var name: String?
    public var lat: Double
    public var lon: Double
}

public struct Session: Sendable {
    public var id: String
    public var organisation: Int
    public var site: Int?
    public var path: Int
    public var hoursPerDay: Double
    /// Training days in order, and the hours of each.
    public var days: [Day]
    public var hours: [Double]
    public var capacityInPerson: Int
    public var capacityRemote: Int
    public var minSize: Int

    /// The weekdays on which the session trains.
    public var trainingWeekdays: Set<Weekday>

    public var start: Day { days[0] }
    public var end: Day { days[days.count - 1] }
    public func capacity(_ mode: Mode) -> Int { mode == .inPerson ? capacityInPerson : capacityRemote }
}

public struct Structure: Sendable {
    public var id: String
    public var name: String?
    public var territory: String
    public var lat: Double
    public var lon: Double
    /// The structure's travel limit override: nil when absent (inherit).
    public var maxTravelKm: Double?
    public var alternationDays: Set<Weekday>
    public var maxAbsent: Int?
}

public struct Learner: Sendable {
    public var id: String
    public var name: String?
    public var structure: Int
    public var path: Int
    public var availableFrom: Day?
    public var startBy: Day?
    public var finishBy: Day?
    public var mode: ModePreference
    /// The learner's own travel limit: nil when absent (inherit).
    public var maxTravelKm: Double?
    public var assigned: Pin?
}

/// A pinned (session, mode).
public struct Pin: Sendable, Hashable {
    public var session: Int
    public var mode: Mode
}

/// A validated instance.
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
    public var sessions: [Session]
    public var structures: [Structure]
    public var learners: [Learner]
    /// Session indices sorted by id (bytes of UTF-8).
    public var sessionsByID: [Int] = [] {
        didSet {
            sessionsByPath = Dictionary(grouping: sessionsByID) { sessions[$0].path }
        }
    }
    /// Session indices of each path, sorted by id: the only sessions a learner of that path may join.
    public private(set) var sessionsByPath: [Int: [Int]] = [:]

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
