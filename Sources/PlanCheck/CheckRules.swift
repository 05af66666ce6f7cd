// The hard rules of SPEC §3 on the decisions read from assignments.csv, and the objective of
// SPEC §4, written here independently of PlanDomain's own check and objective (eligibility and
// distances come from CheckEligibility.swift).
import PlanDomain

extension Checker {
    /// The hard rules on the seats of assignments.csv, reported in this order: eligibility and pins
    /// (5), then session by session capacities (1) and minimum sizes (2), concurrent sessions (3)
    /// and absent learners (4).
    mutating func checkRules() {
        let seats = self.seats
        checkEligibility(seats)
        // Participants of each session, by mode, in learner id order.
        var members: [Seat: [Int]] = [:]
        var participants: [Int: [Int]] = [:]
        for l in learnersByID {
            guard let seat = seats[l] else { continue }
            members[seat, default: []].append(l)
            participants[seat.session, default: []].append(l)
        }
        checkSessionSizes(members: members, participants: participants)
        checkConcurrentSessions(participants: participants)
        checkAbsences(seats)
    }

    /// 5. Eligibility (SPEC §2.3) and pinned assignments.
    private mutating func checkEligibility(_ seats: [Int: Seat]) {
        let file = "assignments.csv"
        for l in learnersByID {
            let learner = instance.learners[l]
            let subject = about("learner", learner.id)
            let line = decisionLine[l]
            if let seat = seats[l] {
                let problems = eligibilityProblems(learner: l, session: seat.session, mode: seat.mode)
                if !problems.isEmpty {
                    let option = "\(instance.sessions[seat.session].id) \(modeWord(seat.mode))"
                    fail(file, line, subject, say("may not join \(option): ", "ne peut pas suivre \(option) : ")
                         + problems.joined(separator: semicolon))
                }
            }
            if let pin = learner.assigned, let decision = decisions[l] {
                let pinned = "\(instance.sessions[pin.session].id) \(modeWord(pin.mode))"
                switch decision {
                case .unassigned:
                    fail(file, line, subject, say("the learner is pinned to \(pinned) in the instance, but the plan leaves it unassigned",
                                                  "l'apprenant est imposé sur \(pinned) dans l'instance, mais le plan le laisse sans place"))
                case .assigned(let seat) where seat.session != pin.session || seat.mode != pin.mode:
                    let given = "\(instance.sessions[seat.session].id) \(modeWord(seat.mode))"
                    fail(file, line, subject, say("the learner is pinned to \(pinned) in the instance, but the plan gives \(given)",
                                                  "l'apprenant est imposé sur \(pinned) dans l'instance, mais le plan lui donne \(given)"))
                default: break
                }
            }
        }
    }

    /// 1. Capacities and 2. minimum sizes, session by session (`members`: the participants of each
    /// session and mode; `participants`: of each session).
    private mutating func checkSessionSizes(members: [Seat: [Int]], participants: [Int: [Int]]) {
        let file = "assignments.csv"
        for s in sessionsByID {
            let session = instance.sessions[s]
            let subject = about("session", session.id)
            // 1. Capacities.
            for mode in Mode.allCases {
                let who = members[Seat(session: s, mode: mode)] ?? []
                let capacity = mode == .inPerson ? session.capacityInPerson : session.capacityRemote
                if who.count > capacity {
                    let m = modeWord(mode)
                    let taken = howMany(who.count, ("\(m) participant", "\(m) participants"), ("participant \(m)", "participants \(m)"))
                    let seats = howMany(capacity, ("\(m) seat", "\(m) seats"), ("place \(m)", "places \(m)"))
                    fail(file, nil, subject, say("\(taken) for \(seats) (capacity.\(mode.rawValue)): ", "\(taken) pour \(seats) (capacity.\(mode.rawValue)) : ")
                         + ids(who))
                }
            }
            // 2. Minimum size of a running session; a re-plan's session that had started runs as it
            // ran, with whoever it kept (SPEC §6).
            let who = participants[s] ?? []
            let started = replanToday.map { session.days[0] < $0 } ?? false
            if !who.isEmpty, who.count < session.minSize, !started {
                fail(file, nil, subject, say("the session runs with \(participantCount(who.count)), below its minSize of \(session.minSize): ",
                                             "la session ouvre avec \(participantCount(who.count)), sous son minSize de \(session.minSize) : ") + ids(who))
            }
        }
    }

    /// 3. Concurrent sessions of an organisation (`participants`: of each session).
    private mutating func checkConcurrentSessions(participants: [Int: [Int]]) {
        for (o, organisation) in instance.organisations.enumerated() {
            guard let limit = organisation.maxConcurrentSessions else { continue }
            var byDay: [Day: [Int]] = [:]
            for s in sessionsByID where instance.sessions[s].organisation == o && participants[s] != nil {
                for d in instance.sessions[s].days { byDay[d, default: []].append(s) }
            }
            for (sessions, dates) in groups(byDay, limit: limit) {
                let n = sessions.count, names = list(sessions.map { instance.sessions[$0].id })
                fail("assignments.csv", nil, about("organisation", organisation.id),
                     say("\(n) running sessions train \(dates) (\(names)), above its maxConcurrentSessions of \(limit)",
                         "\(n) \(n <= 1 ? "session ouverte a" : "sessions ouvertes ont") lieu \(dates) (\(names)), au-delà de son maxConcurrentSessions de \(limit)"))
            }
        }
    }

    /// 4. Absent learners of a structure.
    private mutating func checkAbsences(_ seats: [Int: Seat]) {
        var absent: [Int: [Day: [Int]]] = [:]
        for l in learnersByID {
            guard let seat = seats[l] else { continue }
            let h = instance.learners[l].structure
            guard instance.structures[h].maxAbsent != nil else { continue }
            for d in instance.sessions[seat.session].days { absent[h, default: [:]][d, default: []].append(l) }
        }
        for h in absent.keys.sorted(by: { bytesPrecede(instance.structures[$0].id, instance.structures[$1].id) }) {
            let structure = instance.structures[h]
            let limit = structure.maxAbsent!
            for (who, dates) in groups(absent[h]!, limit: limit) {
                let n = who.count
                fail("assignments.csv", nil, about("structure", structure.id),
                     say("\(n) of its learners are in training \(dates) (\(ids(who))), above its maxAbsent of \(limit)",
                         "\(n) de ses apprenants \(n <= 1 ? "est" : "sont") en formation \(dates) (\(ids(who))), au-delà de son maxAbsent de \(limit)"))
            }
        }
    }

    /// Learners' ids in words (`L-1, L-2`), as `list` shortens them.
    private func ids(_ learners: [Int]) -> String {
        list(learners.map { instance.learners[$0].id })
    }

    /// Each distinct set of members that exceeds `limit` on some dates, with the dates in words
    /// (`on 2027-01-04` or `on 12 dates from 2027-01-04 to 2027-01-27`; `le 2027-01-04`, `sur
    /// 12 dates, du 2027-01-04 au 2027-01-27`), by first date.
    private func groups(_ byDay: [Day: [Int]], limit: Int) -> [([Int], String)] {
        var groups: [[Int]: [Day]] = [:]
        for (d, who) in byDay where who.count > limit { groups[who, default: []].append(d) }
        let ordered = groups.map { ($0.key, $0.value.sorted()) }.sorted { $0.1[0] < $1.1[0] }
        return ordered.map { (who, days) -> ([Int], String) in
            let first = days[0], last = days[days.count - 1]
            return (who, days.count == 1 ? say("on \(first)", "le \(first)")
                                         : say("on \(days.count) dates from \(first) to \(last)", "sur \(days.count) dates, du \(first) au \(last)"))
        }
    }

    /// The objective of SPEC §4 for the decisions read from assignments.csv.
    func recomputedObjective() -> Double {
        let w = instance.weights
        var unassigned = 0, remote = 0, km = 0, waiting = 0
        var running = Set<Int>()
        for (l, decision) in decisions {
            guard case .assigned(let seat) = decision else { unassigned += 1; continue }
            let learner = instance.learners[l]
            let session = instance.sessions[seat.session]
            running.insert(seat.session)
            if seat.mode == .remote {
                remote += 1
            } else if let site = session.site {
                km += kmBetween(structure: learner.structure, site: site)
            }
            if let from = learner.availableFrom { waiting += session.start - from }
        }
        return w.unassigned * Double(unassigned) + w.remote * Double(remote) + w.perKm * Double(km)
            + w.perWaitingDay * Double(waiting) + w.openSession * Double(running.count)
    }
}
