// Rules: the hard rules of SPEC §3, each defined once, as questions asked of an `Occupancy` (how
// full a plan is). The check of every plan before it is written (`Instance.violations`), the
// greedy start, the reasons given to unassigned learners and the check of pinned seats all ask
// these. Eligibility (rule 5) lives in Eligibility.swift; `plan check` keeps its own rules on
// purpose, as a second opinion.

/// How full a plan is: seats taken per (session, mode), participants per session, learners in
/// training per structure with `maxAbsent` and day, running sessions per organisation with
/// `maxConcurrentSessions` and day.
public struct Occupancy: Sendable {
    public let instance: Instance
    public private(set) var seats: [Option: Int] = [:]
    public private(set) var participants: [Int: Int] = [:]
    /// Structure (with maxAbsent) → day → its learners in training.
    public private(set) var absent: [Int: [Day: Int]] = [:]
    /// Organisation (with maxConcurrentSessions) → day → its running sessions training.
    public private(set) var running: [Int: [Day: Int]] = [:]

    public init(_ instance: Instance) { self.instance = instance }

    /// The occupancy of a plan (nil: unassigned).
    public init(_ instance: Instance, _ assignments: [Option?]) {
        self.init(instance)
        for (l, a) in assignments.enumerated() {
            if let a { add(1, structure: instance.learners[l].structure, option: a) }
        }
    }

    /// `n` learners of structure `h` take option `o` (a negative `n` gives seats back).
    public mutating func add(_ n: Int, structure h: Int, option o: Option) {
        guard n != 0 else { return }
        let session = instance.sessions[o.session]
        let before = participants[o.session, default: 0]
        seats[o, default: 0] += n
        participants[o.session] = before + n
        if instance.structures[h].maxAbsent != nil {
            for d in session.days { absent[h, default: [:]][d, default: 0] += n }
        }
        let after = before + n
        if instance.organisations[session.organisation].maxConcurrentSessions != nil, (before == 0) != (after == 0) {
            for d in session.days { running[session.organisation, default: [:]][d, default: 0] += after > 0 ? 1 : -1 }
        }
    }

    public func isRunning(_ s: Int) -> Bool { participants[s, default: 0] > 0 }

    /// Rule 1, capacities: in-person participants fit `capacity.inPerson`, remote participants
    /// `capacity.remote`. The seats of `o` still free (negative when overbooked).
    public func seatsLeft(_ o: Option) -> Int {
        instance.sessions[o.session].capacity(o.mode) - seats[o, default: 0]
    }

    /// Rule 2, minimum size: a running session has at least max(minSize, 1) participants (see
    /// `Instance.minimumParticipants`). Whether session `s` runs below it.
    public func isBelowMinimum(_ s: Int) -> Bool {
        let p = participants[s, default: 0]
        return p > 0 && p < instance.minimumParticipants(s)
    }

    /// Rule 3, concurrency: an organisation with `maxConcurrentSessions` runs at most that many
    /// sessions with a training day on any one date. Whether session `s`, not running, may open.
    public func mayOpen(_ s: Int) -> Bool {
        let session = instance.sessions[s]
        guard let limit = instance.organisations[session.organisation].maxConcurrentSessions else { return true }
        let peak = session.days.map { running[session.organisation]?[$0] ?? 0 }.max() ?? 0
        return peak < limit
    }

    /// Rule 3: the dates on which organisation `o` runs more sessions than its limit, with how many.
    public func overloadedDays(organisation o: Int) -> [(day: Day, sessions: Int)] {
        guard let limit = instance.organisations[o].maxConcurrentSessions else { return [] }
        return (running[o] ?? [:]).filter { $0.value > limit }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Rule 4, maxAbsent: a structure with `maxAbsent` has at most that many of its learners with a
    /// training day on any one date. How many more learners of structure `h` may take session `s`
    /// (`Int.max` without a limit).
    public func absentRoom(structure h: Int, session s: Int) -> Int {
        guard let limit = instance.structures[h].maxAbsent else { return Int.max }
        let peak = instance.sessions[s].days.map { absent[h]?[$0] ?? 0 }.max() ?? 0
        return limit - peak
    }

    /// Rule 4: the dates on which structure `h` has more learners in training than its limit.
    public func overbookedDays(structure h: Int) -> [(day: Day, learners: Int)] {
        guard let limit = instance.structures[h].maxAbsent else { return [] }
        return (absent[h] ?? [:]).filter { $0.value > limit }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Every way this occupancy breaks rules 1 to 4, in plain words: per session (capacities,
    /// minimum size) by index, then per organisation and date, then per structure and date.
    public func violations() -> [String] {
        var out: [String] = []
        for (s, session) in instance.sessions.enumerated() {
            for m in Mode.allCases where seatsLeft(Option(session: s, mode: m)) < 0 {
                let n = seats[Option(session: s, mode: m), default: 0]
                out.append(tr("session \(session.id) has \(n) \(m.csvName) participants for \(session.capacity(m)) seats",
                              "la session \(session.id) a \(n) participants en \(m.csvName) pour \(session.capacity(m)) places"))
            }
            if isBelowMinimum(s) {
                out.append(tr("session \(session.id) runs with \(participants[s]!) participants, below its minimum of \(instance.minimumParticipants(s))",
                              "la session \(session.id) ouvre avec \(participants[s]!) participants, sous son minimum de \(instance.minimumParticipants(s))"))
            }
        }
        for (o, org) in instance.organisations.enumerated() {
            for (d, n) in overloadedDays(organisation: o) {
                out.append(tr("organisation \(org.id) runs \(n) sessions on \(d), above its limit of \(org.maxConcurrentSessions!)",
                              "l'organisme \(org.id) tient \(n) sessions le \(d), au-delà de sa limite de \(org.maxConcurrentSessions!)"))
            }
        }
        for h in absent.keys.sorted() {
            for (d, n) in overbookedDays(structure: h) {
                out.append(tr("structure \(instance.structures[h].id) has \(n) learners in training on \(d), above its maxAbsent of \(instance.structures[h].maxAbsent!)",
                              "la structure \(instance.structures[h].id) a \(n) apprenants en formation le \(d), au-delà de son maxAbsent de \(instance.structures[h].maxAbsent!)"))
            }
        }
        return out
    }
}
