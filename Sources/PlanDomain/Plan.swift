// Plan: a decision for every learner (SPEC §3), its objective (SPEC §4), and an independent check
// of the hard rules, used on every plan before it is written.

/// How good a plan is known to be (SPEC §5, summary.json `status`).
public enum PlanStatus: String, Sendable {
    /// Proven minimum.
    case optimal
    /// A time limit or gap stopped the search with this plan.
    case feasible
    /// The user stopped the search.
    case interrupted
}

/// The outcome for every learner.
public struct Plan: Sendable {
    /// The (session, mode) of each learner, by learner index; nil when unassigned.
    public var assignments: [Option?]
    /// Why each unassigned learner got no seat, by learner index (nil for assigned ones).
    public var reasons: [String?]
    public var status: PlanStatus
    public var objective: Double
    public var bound: Double
    public var solveSeconds: Double

    public init(assignments: [Option?], reasons: [String?], status: PlanStatus, objective: Double, bound: Double,
                solveSeconds: Double) {
        self.assignments = assignments
        self.reasons = reasons
        self.status = status
        self.objective = objective
        self.bound = bound
        self.solveSeconds = solveSeconds
    }

    /// `|objective - bound| / max(1, |objective|)`.
    public var gap: Double { abs(objective - bound) / max(1, abs(objective)) }
}

extension Instance {
    /// The objective of SPEC §4 (plus SPEC §6's change costs when re-planning) for an assignment
    /// of every learner.
    public func objective(of assignments: [Option?]) -> Double {
        var total = 0.0
        var running = Set<Int>()
        for (l, a) in assignments.enumerated() {
            total += outcomeCost(learner: l, option: a)
            if let a { running.insert(a.session) }
        }
        return total + weights.openSession * Double(running.count)
    }

    /// Every way `assignments` breaks the hard rules of SPEC §3, in plain words (empty when none).
    public func violations(of assignments: [Option?]) -> [String] {
        var out: [String] = []
        guard assignments.count == learners.count else { return ["the plan has \(assignments.count) entries for \(learners.count) learners"] }
        var count: [Option: Int] = [:]
        var participants = [Int](repeating: 0, count: sessions.count)
        for (l, a) in assignments.enumerated() {
            if let pin = learners[l].assigned, a != Option(session: pin.session, mode: pin.mode) {
                out.append("learner \(learners[l].id) is pinned to \(sessions[pin.session].id) (\(pin.mode.rawValue)) but is not there")
            }
            guard let a else { continue }
            if let why = ineligibility(learner: l, session: a.session, mode: a.mode) {
                out.append("learner \(learners[l].id) may not join \(sessions[a.session].id) (\(a.mode.rawValue)): \(why)")
            }
            count[a, default: 0] += 1
            participants[a.session] += 1
        }
        for (s, session) in sessions.enumerated() {
            for m in Mode.allCases {
                let n = count[Option(session: s, mode: m), default: 0]
                if n > session.capacity(m) {
                    out.append("session \(session.id) has \(n) \(m.csvName) participants for \(session.capacity(m)) seats")
                }
            }
            if participants[s] > 0 && participants[s] < minimumParticipants(s) {
                out.append("session \(session.id) runs with \(participants[s]) participants, below its minimum of \(minimumParticipants(s))")
            }
        }
        for (o, org) in organisations.enumerated() {
            guard let k = org.maxConcurrentSessions else { continue }
            var perDay: [Day: Int] = [:]
            for (s, session) in sessions.enumerated() where session.organisation == o && participants[s] > 0 {
                for d in session.days { perDay[d, default: 0] += 1 }
            }
            for (d, n) in perDay.sorted(by: { $0.key < $1.key }) where n > k {
                out.append("organisation \(org.id) runs \(n) sessions on \(d), above its limit of \(k)")
            }
        }
        var absent: [Int: [Day: Int]] = [:]
        for (l, a) in assignments.enumerated() {
            guard let a, structures[learners[l].structure].maxAbsent != nil else { continue }
            for d in sessions[a.session].days { absent[learners[l].structure, default: [:]][d, default: 0] += 1 }
        }
        for (h, days) in absent.sorted(by: { $0.key < $1.key }) {
            let limit = structures[h].maxAbsent!
            for (d, n) in days.sorted(by: { $0.key < $1.key }) where n > limit {
                out.append("structure \(structures[h].id) has \(n) learners in training on \(d), above its maxAbsent of \(limit)")
            }
        }
        return out
    }
}
