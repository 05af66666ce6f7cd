// Builder: the pieces of an instance as the generator holds them (indices, not ids), the builder's
// constants and state, and the order of its steps; each step has its own file.
import PlanDomain

// MARK: - The pieces of an instance

struct GenOrganisation {
    var id: String
    var name: String
    var territories: [String]
    var maxConcurrentSessions: Int?
    var closures: [Day]
    /// The region it serves; nil for the national remote organisation.
    var region: Int?
}

struct GenSite {
    var id: String
    var organisation: Int
    var name: String
    var lat: Double
    var lon: Double
}

struct GenSession {
    var id: String
    var organisation: Int
    var site: Int?
    var path: Int
    var start: Day
    /// nil: the default training weekdays (the key is omitted).
    var weekdays: [Weekday]?
    /// nil: the default hours per day (the key is omitted).
    var hoursPerDay: Double?
    var capacityInPerson: Int
    var capacityRemote: Int
    var minSize: Int
    /// The training days (SPEC §2.1), for concurrency and pins.
    var days: [Day]
}

struct GenStructure {
    var id: String = ""
    var name: String
    var departement: Departement
    /// Index of its territory in the instance's territories (code order).
    var territoryRank: Int
    var lat: Double
    var lon: Double
    var maxTravelKm: Int?
    var alternationDay: Weekday?
    var maxAbsent: Int?
    /// Nearest site of its organisation and the distance to it (nil overseas).
    var nearestSite: Int?
    var nearestKm: Int = .max
    var draw: Int
}

struct GenLearner {
    var id: String
    var name: String
    var structure: Int
    var path: Int
    var availableFrom: Day?
    var startBy: Day?
    var finishBy: Day?
    var mode: ModePreference
    var maxTravelKm: Int?
    var pin: (session: Int, mode: Mode)?
}

// MARK: - Builder

struct Builder {
    let learnerCount: Int
    let seed: UInt64
    let profile: Profile
    let settings: Settings

    static let paths = [105, 280, 350, 420]
    static let pathWeights = [30.0, 30.0, 20.0, 20.0]
    static let horizonStart = Day(year: 2027, month: 1, day: 4)!   // a Monday
    static let horizonWeeks = 18
    static let availabilityDays = 88                                // 2027-01-04 .. 2027-04-01
    static let defaultMaxTravelKm = 100
    static let defaultHoursPerDay = 7.0
    static let defaultWeekdays: [Weekday] = [.mon, .tue, .wed, .thu]
    static let tueFri: [Weekday] = [.tue, .wed, .thu, .fri]
    static let noWednesday: [Weekday] = [.mon, .tue, .thu, .fri]
    static let everyWeekday: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
    static let calendar = WorkCalendar(workdays: Set(everyWeekday), holidays: .france, closures: [])
    /// The Friday after Ascension Thursday 2027: a usual bridge day.
    static let bridgeDay = Day(year: 2027, month: 5, day: 7)!

    var organisations: [GenOrganisation] = []
    var sites: [GenSite] = []
    var sessions: [GenSession] = []
    var structures: [GenStructure] = []
    var learners: [GenLearner] = []
    /// Index of the regional organisation of each region (nil when not generated).
    var organisationOfRegion: [Int?] = Array(repeating: nil, count: Geography.regions.count)
    var remoteOrganisation = 0
    var territories: [Departement] = []
    var sessionIDs = Set<String>()

    init(learners: Int, seed: UInt64, profile: Profile) {
        learnerCount = learners
        self.seed = seed
        self.profile = profile
        settings = Settings(profile: profile, seed: seed)
    }

    func rng(_ stream: UInt64) -> SplitMix64 { SplitMix64(seed: seed, stream: stream) }

    var instanceName: String {
        let place: String
        switch profile {
        case .regional: place = Geography.regions[settings.regions[0]].name
        case .national: place = "France"
        case .tight: place = "France, places rares"
        case .coupled: place = "France, places à distance partagées"
        }
        return "\(place), janvier 2027 (synthétique : \(learnerCount) conseillers, graine \(seed))"
    }

    /// The steps in order, each drawing from its own random stream, then the file and its counts.
    mutating func run() -> GeneratedInstance {
        makeOrganisationsAndSites()
        makeStructures()
        makeLearners()
        makeSessions()
        setConcurrencyLimits()
        pinSomeSeats()
        return GeneratedInstance(
            json: render(), name: instanceName, organisations: organisations.count, sites: sites.count,
            sessions: sessions.count, remoteOnlySessions: sessions.filter { $0.site == nil }.count,
            structures: structures.count, learners: learners.count,
            inPersonSeats: sessions.reduce(0) { $0 + $1.capacityInPerson },
            remoteSeats: sessions.reduce(0) { $0 + $1.capacityRemote },
            pinned: learners.filter { $0.pin != nil }.count)
    }
}

/// A zero-padded number: `pad(7, 5)` = `00007`.
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
