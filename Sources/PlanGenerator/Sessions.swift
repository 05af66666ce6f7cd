// Sessions: the remote and in-person sessions of each path, following the demand (random stream 4),
// their ids and calendars, and the organisations' concurrency limits (random stream 5).
import PlanDomain

extension Builder {
    /// The sessions of every path, with seats for `seatRatio` per learner of the path: remote-only
    /// sessions first (at least a few per path, capacities following the remote demand), then
    /// in-person sessions share what remains of the path's budget in proportion to each site's
    /// demand. Sorted by start date, then id.
    mutating func makeSessions() {
        var r = rng(4)
        let (inPersonDemand, remoteDemand) = demand()
        for p in Builder.paths.indices {
            let inPersonTotal = inPersonDemand.reduce(0) { $0 + $1[p] }
            let budget = settings.seatRatio * Double(remoteDemand[p] + inPersonTotal)
            let remoteSeats = makeRemoteSessions(path: p, demand: remoteDemand[p], &r)
            guard inPersonTotal > 0 else { continue }
            let inPersonBudget = max(0.5 * settings.seatRatio * Double(inPersonTotal), budget - Double(remoteSeats))
            makeInPersonSessions(path: p, demand: inPersonDemand, perLearner: inPersonBudget / Double(inPersonTotal), &r)
        }
        // By start date, then id.
        sessions.sort { $0.start != $1.start ? $0.start < $1.start : precedesByBytes($0.id, $1.id) }
    }

    /// Demand: learners who may train in person at their nearest site, by site and path index;
    /// everyone else needs a remote seat (by path index).
    func demand() -> (inPerson: [[Int]], remote: [Int]) {
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
        return (inPersonDemand, remoteDemand)
    }

    /// The weekday patterns remote sessions take in turn (nil: the default training weekdays).
    static let remotePatterns: [[Weekday]?] = [nil, Builder.noWednesday, Builder.tueFri]

    /// The remote organisation's sessions of path index `p` for `demand` remote learners; returns
    /// their seats.
    mutating func makeRemoteSessions(path p: Int, demand: Int, _ r: inout SplitMix64) -> Int {
        let capacities = settings.remoteCapacity
        let schedule = remoteSchedule(target: settings.seatRatio * Double(demand), &r)
        var remoteSeats = 0
        for (j, week) in schedule.weeks.enumerated() {
            // Weekday patterns in turn, so that structures keeping Monday or Wednesday for
            // the alternation find some.
            var weekdays = Builder.remotePatterns[(j + schedule.offset) % Builder.remotePatterns.count]
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
            let capacity = min(capacities.upperBound, max(capacities.lowerBound, schedule.typical + r.int(-4...4)))
            remoteSeats += capacity
            addSession(organisation: remoteOrganisation, site: nil, path: Builder.paths[p], week: week,
                       weekdays: weekdays, hoursPerDay: hours, capacityInPerson: 0,
                       capacityRemote: capacity, minSize: minSize)
        }
        return remoteSeats
    }

    /// The weeks of a path's remote sessions, their typical capacity, and where the weekday
    /// patterns start (`offset`), for `target` remote seats.
    func remoteSchedule(target: Double, _ r: inout SplitMix64) -> (weeks: [Int], typical: Int, offset: Int) {
        let capacities = settings.remoteCapacity
        if let every = settings.remoteEveryWeeks {
            // A fixed schedule whatever the demand: every `every` weeks from a first week
            // drawn per path, capacities anywhere in the range.
            let first = r.int(0...(every - 1))
            let typical = r.int(capacities)
            let offset = r.int(0...2)
            return (Array(stride(from: first, to: Builder.horizonWeeks, by: every)), typical, offset)
        }
        let k = max(settings.minRemoteSessions, Int((target / 22.5 + r.unit()).rounded(.down)))
        let typical = min(capacities.upperBound, max(capacities.lowerBound, Int((target / Double(k)).rounded())))
        let offset = r.int(0...2)
        return (Builder.spread(k, &r), typical, offset)
    }

    /// The in-person sessions of path index `p` at every site, `perLearner` seats for each learner
    /// of the site's `demand`.
    mutating func makeInPersonSessions(path p: Int, demand: [[Int]], perLearner: Double, _ r: inout SplitMix64) {
        for s in sites.indices {
            // About 13 seats a session (8-15 in person, 0-5 remote); a site with enough
            // learners of the path for half a session gets at least one.
            let target = perLearner * Double(demand[s][p])
            var k = Int((target / 13 + r.unit()).rounded(.down))
            if target >= 6.5 { k = max(k, 1) }
            for week in Builder.spread(k, &r) {
                let x = r.unit()
                let weekdays: [Weekday]? = x < 0.64 ? nil : (x < 0.82 ? Builder.tueFri : Builder.noWednesday)
                let hours: Double? = r.chance(0.05) ? 6 : nil
                let capIn = r.int(8...15)
                let capRemote = (r.chance(0.5) ? 0 : r.int(1...5)) / settings.regionalRemoteDivisor
                let minSize = r.chance(settings.minSizeShare) ? r.int(settings.minSize) : 0
                addSession(organisation: sites[s].organisation, site: s, path: Builder.paths[p], week: week,
                           weekdays: weekdays, hoursPerDay: hours, capacityInPerson: capIn,
                           capacityRemote: capRemote, minSize: minSize)
            }
        }
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
}
