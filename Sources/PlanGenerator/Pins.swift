// Pins: a few learners pinned to an eligible seat (random stream 6), eligibility asked of the
// domain itself on an `Instance` built in code from the builder's pieces.
import PlanDomain

/// The pins given so far: pinned sessions, and pinned sessions per organisation and day.
struct PinLedger {
    var pinnedSession: [Bool]
    var pinnedPerDay: [[Int: Int]]

    init(sessions: Int, organisations: Int) {
        pinnedSession = Array(repeating: false, count: sessions)
        pinnedPerDay = Array(repeating: [:], count: organisations)
    }
}

extension Builder {
    /// Pins about 0.5% of learners to an eligible seat: at most one pin per session, only in
    /// sessions without a minimum size, only for learners whose structure has no `maxAbsent`,
    /// and never more pinned sessions on one day than the organisation's concurrency limit.
    mutating func pinSomeSeats() {
        let wanted = learnerCount / 200
        guard wanted > 0 else { return }
        var r = rng(6)
        var order = Array(learners.indices)
        r.shuffle(&order)
        let candidates = order.filter { structures[learners[$0].structure].maxAbsent == nil }.prefix(wanted * 4)
        // The domain's own rule, on the instance the file describes (learner and session
        // indices are the builder's).
        let instance = domainInstance()
        let byOrganisationAndPath = sessionsByOrganisationAndPath()
        var ledger = PinLedger(sessions: sessions.count, organisations: organisations.count)
        var done = 0
        for l in candidates where done < wanted {
            if let pin = choosePin(learner: l, instance: instance, byOrganisationAndPath, &ledger, &r) {
                learners[l].pin = pin
                done += 1
            }
        }
    }

    /// The sessions of each (organisation, path index), in session order.
    func sessionsByOrganisationAndPath() -> [[[Int]]] {
        var out = Array(repeating: Array(repeating: [Int](), count: Builder.paths.count), count: organisations.count)
        for (s, session) in sessions.enumerated() {
            out[session.organisation][Builder.paths.firstIndex(of: session.path)!].append(s)
        }
        return out
    }

    /// A seat for learner `l` among the sessions of the organisations covering its territory (its
    /// region's and the remote one), in a shuffled order, in person first 60% of the time; the
    /// ledger is updated when one is found.
    func choosePin(learner l: Int, instance: Instance, _ byOrganisationAndPath: [[[Int]]], _ ledger: inout PinLedger,
                   _ r: inout SplitMix64) -> (session: Int, mode: Mode)? {
        let learner = learners[l]
        var covering = [remoteOrganisation]
        if let region = structures[learner.structure].departement.region, let o = organisationOfRegion[region] {
            covering.insert(o, at: 0)
        }
        let p = Builder.paths.firstIndex(of: learner.path)!
        var options = covering.flatMap { byOrganisationAndPath[$0][p] }.filter {
            !ledger.pinnedSession[$0] && sessions[$0].minSize == 0
        }
        r.shuffle(&options)
        let modes: [Mode] = r.chance(0.6) ? [.inPerson, .remote] : [.remote, .inPerson]
        for mode in modes {
            for s in options where instance.ineligibility(learner: l, session: s, mode: mode) == nil {
                let session = sessions[s]
                if let limit = organisations[session.organisation].maxConcurrentSessions {
                    guard session.days.allSatisfy({ ledger.pinnedPerDay[session.organisation][$0.number, default: 0] < limit })
                    else { continue }
                    for d in session.days { ledger.pinnedPerDay[session.organisation][d.number, default: 0] += 1 }
                }
                ledger.pinnedSession[s] = true
                return (s, mode)
            }
        }
        return nil
    }

    /// The instance as the domain sees it, built from the pieces (same order, so the same
    /// indices), with the file's calendar, weights and defaults; learners have no pins yet.
    func domainInstance() -> Instance {
        Instance(
            name: instanceName, paths: Builder.paths, calendar: Builder.calendar, weights: Weights(),
            defaultMaxTravelKm: Double(Builder.defaultMaxTravelKm), defaultHoursPerDay: Builder.defaultHoursPerDay,
            defaultTrainingWeekdays: Builder.defaultWeekdays,
            organisations: organisations.map {
                Organisation(id: $0.id, name: $0.name, territories: Set($0.territories),
                             maxConcurrentSessions: $0.maxConcurrentSessions, closures: Set($0.closures))
            },
            sites: sites.map { Site(id: $0.id, organisation: $0.organisation, name: $0.name, lat: $0.lat, lon: $0.lon) },
            sessions: sessions.map {
                Session(id: $0.id, organisation: $0.organisation, site: $0.site, path: $0.path, days: $0.days,
                        hoursPerDay: $0.hoursPerDay ?? Builder.defaultHoursPerDay, capacityInPerson: $0.capacityInPerson,
                        capacityRemote: $0.capacityRemote, minSize: $0.minSize)
            },
            structures: structures.map {
                Structure(id: $0.id, name: $0.name, territory: $0.departement.code, lat: $0.lat, lon: $0.lon,
                          maxTravelKm: $0.maxTravelKm.map(Double.init), alternationDays: Set($0.alternationDay.map { [$0] } ?? []),
                          maxAbsent: $0.maxAbsent)
            },
            learners: learners.map {
                Learner(id: $0.id, name: $0.name, structure: $0.structure, path: $0.path, availableFrom: $0.availableFrom,
                        startBy: $0.startBy, finishBy: $0.finishBy, mode: $0.mode, maxTravelKm: $0.maxTravelKm.map(Double.init))
            })
    }
}
