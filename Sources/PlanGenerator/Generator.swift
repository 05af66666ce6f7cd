// Generator: realistic synthetic instances with real French geography (`plan generate`).
//
// The same (learners, seed, profile) always give the same bytes: every random draw comes from a
// seeded SplitMix64, nothing is ever ordered by iterating a Dictionary or a Set, and numbers are
// written with fixed formatting. Instances are valid by construction: session starts follow the
// calendar rule of SPEC §2.1 (computed with `WorkCalendar`), and pinned seats are checked with
// `Instance.ineligibility` on the decoded instance and kept within capacities, sizes, absences
// and concurrency limits.
import Foundation
import PlanDomain

/// What kind of instance to generate.
public enum Profile: String, CaseIterable, Sendable {
    /// One region (chosen by the seed): its organisation and the national remote one.
    case regional
    /// Metropolitan France (13 regional organisations) and overseas territories trained remotely.
    case national
    /// The national geography with scarce seats: fewer sessions, larger minimum sizes, tighter
    /// concurrency limits.
    case tight
    /// The national geography where the national remote organisation's seats are scarce and
    /// coupled: one remote session every two weeks per path (12-25 seats, a minimum size on
    /// every one) and a `maxConcurrentSessions` of 5-7 for it, so that every region competes for
    /// the same remote seats; regional organisations offer half the remote seats (0-2 per
    /// in-person session). Everything else as `national`.
    case coupled
}

/// A generated instance and a few counts describing it.
public struct GeneratedInstance: Sendable {
    /// The instance file (JSON, UTF-8, ending with a newline).
    public var json: String
    public var name: String
    public var organisations: Int
    public var sites: Int
    public var sessions: Int
    /// Sessions without a site (the remote organisation's).
    public var remoteOnlySessions: Int
    public var structures: Int
    public var learners: Int
    public var inPersonSeats: Int
    public var remoteSeats: Int
    /// Learners with a pinned seat (`assigned`).
    public var pinned: Int
    /// (in-person + remote seats) / learners.
    public var seatsPerLearner: Double { Double(inPersonSeats + remoteSeats) / Double(max(1, learners)) }
}

public enum Generator {
    /// The numbers of learners `generate` accepts.
    public static let learnerRange = 1...200_000

    /// The instance file for `learners` learners (in `learnerRange`), as JSON text.
    public static func generate(learners: Int, seed: UInt64, profile: Profile) -> String {
        build(learners: learners, seed: seed, profile: profile).json
    }

    /// The instance file and its counts.
    public static func build(learners: Int, seed: UInt64, profile: Profile) -> GeneratedInstance {
        precondition(learnerRange.contains(learners), "learners must be in \(learnerRange)")
        var builder = Builder(learners: learners, seed: seed, profile: profile)
        return builder.run()
    }

    /// The region a regional instance of this seed covers (seed 1: Auvergne-Rhône-Alpes,
    /// seed 3: Bretagne, …, cycling through the 13 regions in alphabetical order).
    public static func regionName(seed: UInt64) -> String {
        Geography.regions[regionIndex(seed: seed)].name
    }

    static func regionIndex(seed: UInt64) -> Int {
        Int((seed &+ UInt64(Geography.regions.count - 1)) % UInt64(Geography.regions.count))
    }
}

// MARK: - Settings

/// The knobs of a profile.
struct Settings {
    var regions: [Int]
    var overseas: Bool
    /// Seats offered per learner (in person + remote), before rounding.
    var seatRatio: Double
    /// The share of regional organisations with a `maxConcurrentSessions`.
    var limitedShare: Double
    /// The limit is the organisation's largest number of simultaneous candidate sessions times
    /// a factor drawn in this range.
    var concurrencyFactor: ClosedRange<Double>
    var minSizeShare: Double
    var minSize: ClosedRange<Int>
    var remoteMinSize: ClosedRange<Int>
    /// At least this many remote-only sessions per path.
    var minRemoteSessions: Int
    /// When set, the remote organisation's sessions are on a fixed schedule instead of following
    /// the remote demand: one every `remoteEveryWeeks` weeks per path, capacity in
    /// `remoteCapacity`, and a minimum size (`remoteMinSize`) on every one.
    var remoteEveryWeeks: Int? = nil
    var remoteCapacity: ClosedRange<Int> = 15...30
    /// The remote organisation's `maxConcurrentSessions` (nil: no limit).
    var remoteConcurrency: ClosedRange<Int>? = nil
    /// The remote seats of an in-person session are a draw in 0...5 divided by this.
    var regionalRemoteDivisor = 1

    init(profile: Profile, seed: UInt64) {
        switch profile {
        case .regional:
            regions = [Generator.regionIndex(seed: seed)]
            overseas = false
            seatRatio = 1.4
            limitedShare = 1
            concurrencyFactor = 0.7...0.9
            minSizeShare = 0.25
            minSize = 3...6
            remoteMinSize = 4...6
            minRemoteSessions = 3
        case .national:
            regions = Array(Geography.regions.indices)
            overseas = true
            seatRatio = 1.4
            limitedShare = 0.6
            concurrencyFactor = 0.7...0.9
            minSizeShare = 0.25
            minSize = 3...6
            remoteMinSize = 4...8
            minRemoteSessions = 6
        case .tight:
            regions = Array(Geography.regions.indices)
            overseas = true
            seatRatio = 0.7
            limitedShare = 1
            concurrencyFactor = 0.65...0.85
            minSizeShare = 0.4
            minSize = 4...8
            remoteMinSize = 6...10
            minRemoteSessions = 4
        case .coupled:
            self = Settings(profile: .national, seed: seed)
            remoteEveryWeeks = 2
            remoteCapacity = 12...25
            remoteConcurrency = 5...7
            regionalRemoteDivisor = 2
        }
    }
}

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

    mutating func run() -> GeneratedInstance {
        makeOrganisationsAndSites()
        makeStructures()
        makeLearners()
        makeSessions()
        setConcurrencyLimits()
        pinSomeSeats()
        let json = render(structures: Array(structures.indices), learners: Array(learners.indices))
        return GeneratedInstance(
            json: json, name: instanceName, organisations: organisations.count, sites: sites.count,
            sessions: sessions.count, remoteOnlySessions: sessions.filter { $0.site == nil }.count,
            structures: structures.count, learners: learners.count,
            inPersonSeats: sessions.reduce(0) { $0 + $1.capacityInPerson },
            remoteSeats: sessions.reduce(0) { $0 + $1.capacityRemote },
            pinned: learners.filter { $0.pin != nil }.count)
    }

    // MARK: Organisations and sites

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

    // MARK: Structures

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

    // MARK: Learners

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

    // MARK: Sessions

    mutating func makeSessions() {
        var r = rng(4)
        // Demand: learners who may train in person at their nearest site, by site and path;
        // everyone else needs a remote seat.
        var inPersonDemand = Array(repeating: Array(repeating: 0, count: Builder.paths.count), count: sites.count)
        var remoteDemand = Array(repeating: 0, count: Builder.paths.count)
        for l in learners {
            let h = structures[l.structure]
            let p = Builder.paths.firstIndex(of: l.path)!
            let limit = l.maxTravelKm ?? h.maxTravelKm ?? Builder.defaultMaxTravelKm
            if l.mode != .remote, let s = h.nearestSite, h.nearestKm <= limit {
                inPersonDemand[s][p] += 1
            } else {
                remoteDemand[p] += 1
            }
        }

        // Seats: `seatRatio` per learner of each path. Remote-only sessions first (at least a few
        // per path, capacities 15-30 following the remote demand), then in-person sessions share
        // what remains of the path's budget in proportion to each site's demand.
        let patterns: [[Weekday]?] = [nil, Builder.noWednesday, Builder.tueFri]
        for (p, path) in Builder.paths.enumerated() {
            let demand = remoteDemand[p] + inPersonDemand.reduce(0) { $0 + $1[p] }
            let budget = settings.seatRatio * Double(demand)
            let remoteTarget = settings.seatRatio * Double(remoteDemand[p])
            let capacities = settings.remoteCapacity
            let k: Int, typical: Int, fixedWeeks: [Int]?
            if let every = settings.remoteEveryWeeks {
                // A fixed schedule whatever the demand: every `every` weeks from a first week
                // drawn per path, capacities anywhere in the range.
                let first = r.int(0...(every - 1))
                fixedWeeks = Array(stride(from: first, to: Builder.horizonWeeks, by: every))
                k = fixedWeeks!.count
                typical = r.int(capacities)
            } else {
                k = max(settings.minRemoteSessions, Int((remoteTarget / 22.5 + r.unit()).rounded(.down)))
                typical = min(capacities.upperBound, max(capacities.lowerBound, Int((remoteTarget / Double(k)).rounded())))
                fixedWeeks = nil
            }
            let offset = r.int(0...2)
            let weeks = fixedWeeks ?? Builder.spread(k, &r)
            var remoteSeats = 0
            for (j, week) in weeks.enumerated() {
                // Weekday patterns in turn, so that structures keeping Monday or Wednesday for
                // the alternation find some.
                var weekdays = patterns[(j + offset) % patterns.count]
                var hours: Double? = nil
                if r.chance(0.08) {
                    // Half days on every weekday (the alternation leaves one day free each week).
                    weekdays = Builder.everyWeekday
                    hours = 3.5
                }
                let minSize: Int
                if settings.remoteEveryWeeks != nil {
                    minSize = r.int(settings.remoteMinSize)
                } else {
                    minSize = r.chance(settings.minSizeShare) ? r.int(settings.remoteMinSize) : 0
                }
                let capacity = min(capacities.upperBound, max(capacities.lowerBound, typical + r.int(-4...4)))
                remoteSeats += capacity
                addSession(organisation: remoteOrganisation, site: nil, path: path, week: week,
                           weekdays: weekdays, hoursPerDay: hours, capacityInPerson: 0,
                           capacityRemote: capacity, minSize: minSize)
            }

            let inPersonTotal = inPersonDemand.reduce(0) { $0 + $1[p] }
            guard inPersonTotal > 0 else { continue }
            let inPersonBudget = max(0.5 * settings.seatRatio * Double(inPersonTotal), budget - Double(remoteSeats))
            let perLearner = inPersonBudget / Double(inPersonTotal)
            for s in sites.indices {
                // About 13 seats a session (8-15 in person, 0-5 remote); a site with enough
                // learners of the path for half a session gets at least one.
                let target = perLearner * Double(inPersonDemand[s][p])
                var k = Int((target / 13 + r.unit()).rounded(.down))
                if target >= 6.5 { k = max(k, 1) }
                for week in Builder.spread(k, &r) {
                    let x = r.unit()
                    let weekdays: [Weekday]? = x < 0.64 ? nil : (x < 0.82 ? Builder.tueFri : Builder.noWednesday)
                    let hours: Double? = r.chance(0.05) ? 6 : nil
                    let capIn = r.int(8...15)
                    let capRemote = (r.chance(0.5) ? 0 : r.int(1...5)) / settings.regionalRemoteDivisor
                    let minSize = r.chance(settings.minSizeShare) ? r.int(settings.minSize) : 0
                    addSession(organisation: sites[s].organisation, site: s, path: path, week: week,
                               weekdays: weekdays, hoursPerDay: hours, capacityInPerson: capIn,
                               capacityRemote: capRemote, minSize: minSize)
                }
            }
        }
        // By start date, then id.
        sessions.sort { $0.start != $1.start ? $0.start < $1.start : precedesByBytes($0.id, $1.id) }
    }

    /// `k` weeks of the horizon, spread evenly (one per band of weeks), in increasing order.
    static func spread(_ k: Int, _ r: inout SplitMix64) -> [Int] {
        guard k > 0 else { return [] }
        let w = horizonWeeks
        return (0..<k).map { j in
            let lo = j * w / k
            let hi = max(lo, (j + 1) * w / k - 1)
            return r.int(lo...hi)
        }
    }

    /// Adds a session starting on the first day of `week` that the calendar rule takes, or a later
    /// day of that week when the id is already used; when every day of the week is, the id gets
    /// a suffix (`S-105-DIST-0111-2`: parallel cohorts, only in very large instances).
    mutating func addSession(organisation: Int, site: Int?, path: Int, week: Int, weekdays: [Weekday]?,
                             hoursPerDay: Double?, capacityInPerson: Int, capacityRemote: Int, minSize: Int) {
        let pattern = Set(weekdays ?? Builder.defaultWeekdays)
        let closures = Set(organisations[organisation].closures)
        let place = site.map { sites[$0].id } ?? "DIST"
        func base(_ d: Day) -> String {
            let c = d.civil
            return "S-\(path)-\(place)-\(pad(c.month, 2))\(pad(c.day, 2))"
        }
        func takes(_ d: Day) -> Bool {
            Builder.calendar.refusal(of: d, weekdays: pattern, organisationClosures: closures, takenInWeek: 0) == nil
        }
        var first = Builder.horizonStart.adding(days: 7 * week)
        while !takes(first) { first = first.adding(days: 1) }
        var day = first
        var id = base(first)
        var candidate = first
        while sessionIDs.contains(id) {
            candidate = candidate.adding(days: 1)
            if candidate.isoWeek != first.isoWeek {
                // Every day of the week is used: a parallel cohort on the first day.
                day = first
                var n = 2
                while sessionIDs.contains(base(first) + "-\(n)") { n += 1 }
                id = base(first) + "-\(n)"
                break
            }
            if takes(candidate) { day = candidate; id = base(candidate) }
        }
        let hours = dailyHours(pathHours: path, hoursPerDay: hoursPerDay ?? Builder.defaultHoursPerDay)
        let days = Builder.calendar.trainingDays(start: day, weekdays: pattern, organisationClosures: closures,
                                                 count: hours.count)!
        precondition(days[0] == day)
        sessionIDs.insert(id)
        sessions.append(GenSession(id: id, organisation: organisation, site: site, path: path, start: day,
                                   weekdays: weekdays, hoursPerDay: hoursPerDay, capacityInPerson: capacityInPerson,
                                   capacityRemote: capacityRemote, minSize: minSize, days: days))
    }

    // MARK: Concurrency

    /// Gives some regional organisations a `maxConcurrentSessions` of their largest number of
    /// simultaneous candidate sessions times a factor below 1, so that it binds only on the
    /// busiest days (more often in the tight profile).
    mutating func setConcurrencyLimits() {
        var r = rng(5)
        for o in organisations.indices where o != remoteOrganisation {
            let limited = r.chance(settings.limitedShare)
            let factor = r.double(settings.concurrencyFactor.lowerBound, settings.concurrencyFactor.upperBound)
            guard limited else { continue }
            let own = sessions.filter { $0.organisation == o }
            guard let last = own.map({ $0.days[$0.days.count - 1] }).max() else { continue }
            var perDay = Array(repeating: 0, count: last - Builder.horizonStart + 1)
            for s in own { for d in s.days { perDay[d - Builder.horizonStart] += 1 } }
            // The reference is the busiest day: nearly every candidate session runs when the
            // seats are needed, so a limit near the typical (median or quartile) day would cut
            // many sessions; a fraction of the peak binds on the busiest weeks only.
            let peak = Double(perDay.max()!)
            organisations[o].maxConcurrentSessions = max(2, Int((peak * factor).rounded()))
        }
        if let limit = settings.remoteConcurrency {
            organisations[remoteOrganisation].maxConcurrentSessions = r.int(limit)
        }
    }

    // MARK: Pins

    /// Pins about 0.5% of learners to an eligible seat: at most one pin per session, only in
    /// sessions without a minimum size, only for learners whose structure has no `maxAbsent`,
    /// and never more pinned sessions on one day than the organisation's concurrency limit.
    mutating func pinSomeSeats() {
        let wanted = learnerCount / 200
        guard wanted > 0 else { return }
        var r = rng(6)
        var order = Array(learners.indices)
        r.shuffle(&order)
        let candidates = Array(order.filter { structures[learners[$0].structure].maxAbsent == nil }.prefix(wanted * 4))
        // Decode the candidates (with their structures and every session) to ask the domain itself.
        let structureSubset = Array(Set(candidates.map { learners[$0].structure })).sorted()
        let text = render(structures: structureSubset, learners: candidates.sorted())
        let instance: Instance
        do {
            instance = try Instance.decode(Array(text.utf8))
        } catch {
            preconditionFailure("generated instance is invalid: \(error)")
        }
        var learnerIndex: [String: Int] = [:]
        for (i, l) in instance.learners.enumerated() { learnerIndex[l.id] = i }
        var sessionIndex: [String: Int] = [:]
        for (i, s) in instance.sessions.enumerated() { sessionIndex[s.id] = i }

        // The sessions of each (organisation, path), in session order.
        var byOrganisationAndPath = Array(repeating: Array(repeating: [Int](), count: Builder.paths.count), count: organisations.count)
        for (s, session) in sessions.enumerated() {
            byOrganisationAndPath[session.organisation][Builder.paths.firstIndex(of: session.path)!].append(s)
        }
        var pinnedSession = Array(repeating: false, count: sessions.count)
        var pinnedPerDay = Array(repeating: [Int: Int](), count: organisations.count)
        var done = 0
        for l in candidates where done < wanted {
            let learner = learners[l]
            // The organisations covering the learner's territory: its region's and the remote one.
            var covering = [remoteOrganisation]
            if let region = structures[learner.structure].departement.region, let o = organisationOfRegion[region] {
                covering.insert(o, at: 0)
            }
            let p = Builder.paths.firstIndex(of: learner.path)!
            var options = covering.flatMap { byOrganisationAndPath[$0][p] }.filter {
                !pinnedSession[$0] && sessions[$0].minSize == 0
            }
            r.shuffle(&options)
            let modes: [Mode] = r.chance(0.6) ? [.inPerson, .remote] : [.remote, .inPerson]
            search: for mode in modes {
                for s in options {
                    let session = sessions[s]
                    guard instance.ineligibility(learner: learnerIndex[learner.id]!, session: sessionIndex[session.id]!,
                                                 mode: mode) == nil else { continue }
                    if let limit = organisations[session.organisation].maxConcurrentSessions {
                        guard session.days.allSatisfy({ pinnedPerDay[session.organisation][$0.number, default: 0] < limit }) else { continue }
                        for d in session.days { pinnedPerDay[session.organisation][d.number, default: 0] += 1 }
                    }
                    learners[l].pin = (s, mode)
                    pinnedSession[s] = true
                    done += 1
                    break search
                }
            }
        }
    }

    // MARK: Rendering

    /// The instance file with every organisation, site and session, and the given structures
    /// and learners (indices in increasing order).
    func render(structures hs: [Int], learners ls: [Int]) -> String {
        var out = "{\n"
        out += "  \"name\": \(JSONText.quote(instanceName)),\n"
        out += "  \"paths\": [\(Builder.paths.map(String.init).joined(separator: ", "))],\n"
        out += "  \"calendar\": {\"workdays\": \(JSONText.strings(Builder.everyWeekday.map(\.rawValue))), \"holidays\": \"FR\", \"closures\": []},\n"
        out += "  \"weights\": {\"unassigned\": 100000, \"remote\": 1000, \"perKm\": 2, \"perWaitingDay\": 10, \"openSession\": 0},\n"
        out += "  \"defaults\": {\"maxTravelKm\": \(Builder.defaultMaxTravelKm), \"hoursPerDay\": \(JSONText.number(Builder.defaultHoursPerDay)), \"trainingWeekdays\": \(JSONText.strings(Builder.defaultWeekdays.map(\.rawValue)))},\n"

        func list(_ key: String, _ items: [String], last: Bool = false) {
            out += "  \(JSONText.quote(key)): ["
            if items.isEmpty {
                out += "]"
            } else {
                out += "\n"
                for (i, item) in items.enumerated() {
                    out += "    " + item + (i + 1 < items.count ? ",\n" : "\n")
                }
                out += "  ]"
            }
            out += last ? "\n" : ",\n"
        }

        list("organisations", organisations.map { o in
            var m: [(String, String)] = [("id", JSONText.quote(o.id)), ("name", JSONText.quote(o.name)),
                                         ("territories", JSONText.strings(o.territories))]
            if let c = o.maxConcurrentSessions { m.append(("maxConcurrentSessions", String(c))) }
            if !o.closures.isEmpty { m.append(("closures", JSONText.strings(o.closures.map(\.description)))) }
            return JSONText.object(m)
        })
        list("sites", sites.map { s in
            JSONText.object([("id", JSONText.quote(s.id)), ("organisation", JSONText.quote(organisations[s.organisation].id)),
                             ("name", JSONText.quote(s.name)), ("lat", JSONText.fixed4(s.lat)), ("lon", JSONText.fixed4(s.lon))])
        })
        list("sessions", sessions.map { s in
            var m: [(String, String)] = [("id", JSONText.quote(s.id)),
                                         ("organisation", JSONText.quote(organisations[s.organisation].id)),
                                         ("site", s.site.map { JSONText.quote(sites[$0].id) } ?? "null"),
                                         ("path", String(s.path)), ("start", JSONText.quote(s.start.description))]
            if let w = s.weekdays { m.append(("weekdays", JSONText.strings(w.map(\.rawValue)))) }
            if let h = s.hoursPerDay { m.append(("hoursPerDay", JSONText.number(h))) }
            m.append(("capacity", "{\"inPerson\": \(s.capacityInPerson), \"remote\": \(s.capacityRemote)}"))
            if s.minSize > 0 { m.append(("minSize", String(s.minSize))) }
            return JSONText.object(m)
        })
        list("structures", hs.map { i in
            let h = structures[i]
            var m: [(String, String)] = [("id", JSONText.quote(h.id)), ("name", JSONText.quote(h.name)),
                                         ("territory", JSONText.quote(h.departement.code)),
                                         ("lat", JSONText.fixed4(h.lat)), ("lon", JSONText.fixed4(h.lon))]
            if let km = h.maxTravelKm { m.append(("maxTravelKm", String(km))) }
            if let w = h.alternationDay { m.append(("alternationDays", JSONText.strings([w.rawValue]))) }
            if let a = h.maxAbsent { m.append(("maxAbsent", String(a))) }
            return JSONText.object(m)
        })
        list("learners", ls.map { i in
            let l = learners[i]
            var m: [(String, String)] = [("id", JSONText.quote(l.id)), ("name", JSONText.quote(l.name)),
                                         ("structure", JSONText.quote(structures[l.structure].id)),
                                         ("path", String(l.path))]
            if let d = l.availableFrom { m.append(("availableFrom", JSONText.quote(d.description))) }
            if let d = l.startBy { m.append(("startBy", JSONText.quote(d.description))) }
            if let d = l.finishBy { m.append(("finishBy", JSONText.quote(d.description))) }
            m.append(("mode", JSONText.quote(l.mode.rawValue)))
            if let km = l.maxTravelKm { m.append(("maxTravelKm", String(km))) }
            if let pin = l.pin {
                m.append(("assigned", JSONText.object([("session", JSONText.quote(sessions[pin.session].id)),
                                                       ("mode", JSONText.quote(pin.mode.rawValue))])))
            }
            return JSONText.object(m)
        }, last: true)
        out += "}\n"
        return out
    }
}
