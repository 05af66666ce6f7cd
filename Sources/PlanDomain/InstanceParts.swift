// InstanceParts: public initialisers for the parts of an instance, so that an `Instance` can be
// built in code (tests, the generator) as well as decoded. Defaults are SPEC 2's.

public struct Organisation: Sendable {
    public var id: String
    public var name: String?
    public var territories: Set<String>
    public var maxConcurrentSessions: Int?
    public var closures: Set<Day>

    public init(id: String, name: String? = nil, territories: Set<String>, maxConcurrentSessions: Int? = nil,
                closures: Set<Day> = []) {
        self.id = id
        self.name = name
        self.territories = territories
        self.maxConcurrentSessions = maxConcurrentSessions
        self.closures = closures
    }
}

public struct Site: Sendable {
    public var id: String
    public var organisation: Int
    public var name: String?
    public var lat: Double
    public var lon: Double

    public init(id: String, organisation: Int, name: String? = nil, lat: Double, lon: Double) {
        self.id = id
        self.organisation = organisation
        self.name = name
        self.lat = lat
        self.lon = lon
    }
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

    /// A session on its training `days` (as many as `dailyHours` gives for its path), each of
    /// `hoursPerDay` hours but the last, which holds what remains (SPEC 2.1); its weekdays are
    /// those of its days.
    public init(id: String, organisation: Int, site: Int?, path: Int, days: [Day], hoursPerDay: Double = 7,
                capacityInPerson: Int = 0, capacityRemote: Int = 0, minSize: Int = 0) {
        self.id = id
        self.organisation = organisation
        self.site = site
        self.path = path
        self.hoursPerDay = hoursPerDay
        self.days = days
        hours = dailyHours(pathHours: path, hoursPerDay: hoursPerDay)
        self.capacityInPerson = capacityInPerson
        self.capacityRemote = capacityRemote
        self.minSize = minSize
        trainingWeekdays = Set(days.map(\.weekday))
    }
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
    /// How to reach the structure and its manager (optional, carried to the outputs).
    public var contact = Contact()
    public var manager: Contact?

    public init(id: String, name: String? = nil, territory: String, lat: Double, lon: Double, maxTravelKm: Double? = nil,
                alternationDays: Set<Weekday> = [], maxAbsent: Int? = nil) {
        self.id = id
        self.name = name
        self.territory = territory
        self.lat = lat
        self.lon = lon
        self.maxTravelKm = maxTravelKm
        self.alternationDays = alternationDays
        self.maxAbsent = maxAbsent
    }
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
    /// How to reach the learner (optional, carried to the outputs; `name` is the learner's `name`).
    public var contact = Contact()

    public init(id: String, name: String? = nil, structure: Int, path: Int, availableFrom: Day? = nil, startBy: Day? = nil,
                finishBy: Day? = nil, mode: ModePreference = .any, maxTravelKm: Double? = nil, assigned: Pin? = nil) {
        self.id = id
        self.name = name
        self.structure = structure
        self.path = path
        self.availableFrom = availableFrom
        self.startBy = startBy
        self.finishBy = finishBy
        self.mode = mode
        self.maxTravelKm = maxTravelKm
        self.assigned = assigned
    }
}

/// A pinned (session, mode).
public struct Pin: Sendable, Hashable {
    public var session: Int
    public var mode: Mode

    public init(session: Int, mode: Mode) {
        self.session = session
        self.mode = mode
    }
}

/// How to reach a person or a structure: every part optional, carried to the outputs as given.
public struct Contact: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}
