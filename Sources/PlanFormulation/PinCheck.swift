// PinCheck: pinned assignments that together break a hard rule make the instance infeasible
// (SPEC §2.4), found before any model is built, with the rule and the pinned learners named. The
// rules are asked of the domain's `Occupancy` (Rules.swift); what is left here is who to name.
import PlanDomain

extension Planner {
    /// Throws `PlannerError.infeasible` for the first rule the pinned learners break together:
    /// capacities, maxAbsent, concurrency, then minimum sizes that nobody else could fill. Needs
    /// no solver (`plan validate` asks it too); pins that only a solve shows to clash are found by
    /// `solve`.
    public static func checkPins(_ instance: Instance) throws {
        var bySeat: [Option: [Int]] = [:]
        for (l, learner) in instance.learners.enumerated() {
            if let pin = learner.assigned { bySeat[Option(session: pin.session, mode: pin.mode), default: []].append(l) }
        }
        var pins = Occupancy(instance)
        for (o, ls) in bySeat {
            for l in ls { pins.add(1, structure: instance.learners[l].structure, option: o) }
        }
        let check = PinCheck(instance: instance, bySeat: bySeat, pins: pins)
        try check.capacities()
        try check.maxAbsent()
        try check.concurrency()
        try check.minimumSizes()
    }
}

private struct PinCheck {
    let instance: Instance
    let bySeat: [Option: [Int]]
    let pins: Occupancy

    func say(_ en: String, _ fr: String) -> String { Language.current.say(en, fr) }

    func ids(_ ls: [Int]) -> [String] { ls.map { instance.learners[$0].id }.sorted(by: precedesByBytes) }

    /// Rule 1: more pinned learners than seats.
    func capacities() throws {
        let seats = bySeat.keys.sorted { a, b in
            let ia = instance.sessions[a.session].id, ib = instance.sessions[b.session].id
            return precedesByBytes(ia, ib) || (a.session == b.session && a.mode < b.mode)
        }
        for o in seats where pins.seatsLeft(o) < 0 {
            let session = instance.sessions[o.session], ls = bySeat[o]!
            throw PlannerError.infeasible(rule: say("capacity: session \(session.id) has \(ls.count) pinned \(o.mode.csvName) learners for \(session.capacity(o.mode)) seats",
                                                     "capacity : la session \(session.id) a \(ls.count) apprenants imposés en \(o.mode.csvName) pour \(session.capacity(o.mode)) places"), learners: ids(ls))
        }
    }

    /// Rule 4: more pinned learners of a structure in training on one day than its maxAbsent.
    func maxAbsent() throws {
        let structures = instance.structures.indices.sorted { precedesByBytes(instance.structures[$0].id, instance.structures[$1].id) }
        for h in structures {
            guard let (d, n) = pins.overbookedDays(structure: h).first else { continue }
            let ls = bySeat.filter { instance.sessions[$0.key.session].days.contains(d) }.flatMap(\.value)
                .filter { instance.learners[$0].structure == h }
            throw PlannerError.infeasible(rule: say("maxAbsent: structure \(instance.structures[h].id) would have \(n) pinned learners in training on \(d), above its limit of \(instance.structures[h].maxAbsent!)",
                                                     "maxAbsent : la structure \(instance.structures[h].id) aurait \(n) apprenants imposés en formation le \(d), au-delà de sa limite de \(instance.structures[h].maxAbsent!)"), learners: ids(ls))
        }
    }

    /// Rule 3: more sessions with pinned learners on one day than their organisation may run.
    func concurrency() throws {
        for (o, org) in instance.organisations.enumerated() {
            guard let (d, n) = pins.overloadedDays(organisation: o).first else { continue }
            let ls = bySeat.filter {
                let session = instance.sessions[$0.key.session]
                return session.organisation == o && session.days.contains(d)
            }.flatMap(\.value)
            throw PlannerError.infeasible(rule: say("maxConcurrentSessions: organisation \(org.id) would run \(n) sessions with pinned learners on \(d), above its limit of \(org.maxConcurrentSessions!)",
                                                     "maxConcurrentSessions : l'organisme \(org.id) tiendrait \(n) sessions avec des apprenants imposés le \(d), au-delà de sa limite de \(org.maxConcurrentSessions!)"), learners: ids(ls))
        }
    }

    /// Rule 2: a session with pinned learners that could not reach its minimum size even if every
    /// eligible learner joined it (each mode's seats, and the distinct eligible learners, bound it).
    func minimumSizes() throws {
        let sessions = Set(bySeat.keys.map(\.session)).sorted { precedesByBytes(instance.sessions[$0].id, instance.sessions[$1].id) }
        for s in sessions {
            let need = instance.minimumParticipants(s)
            let pinned = Mode.allCases.flatMap { bySeat[Option(session: s, mode: $0)] ?? [] }
            guard pinned.count < need else { continue }
            let reachable = reachableSize(s, pinned: pinned.count)
            if reachable < need {
                throw PlannerError.infeasible(rule: say("minSize: session \(instance.sessions[s].id) needs \(need) participants and at most \(reachable) can join",
                                                         "minSize : la session \(instance.sessions[s].id) demande \(need) participants et au plus \(reachable) peuvent la rejoindre"), learners: ids(pinned))
            }
        }
    }

    /// An upper bound on the participants session `s` can have: its pinned learners plus the
    /// unpinned learners eligible for it, within each mode's seats.
    private func reachableSize(_ s: Int, pinned: Int) -> Int {
        var possible = [Int](repeating: 0, count: 2)
        var distinct = 0
        for (l, learner) in instance.learners.enumerated() where learner.assigned == nil {
            var any = false
            for (i, m) in Mode.allCases.enumerated() where instance.ineligibility(learner: l, session: s, mode: m) == nil {
                possible[i] += 1
                any = true
            }
            if any { distinct += 1 }
        }
        var reachable = 0
        for (i, m) in Mode.allCases.enumerated() {
            let pinnedHere = bySeat[Option(session: s, mode: m)]?.count ?? 0
            reachable += min(instance.sessions[s].capacity(m), pinnedHere + possible[i])
        }
        return min(reachable, pinned + distinct)
    }
}
