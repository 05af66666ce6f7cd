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

    /// Every way `assignments` breaks the hard rules of SPEC §3, in plain words (empty when none):
    /// pins and eligibility (rule 5) per learner, then rules 1 to 4 (see `Occupancy`).
    public func violations(of assignments: [Option?]) -> [String] {
        guard assignments.count == learners.count else { return [tr("the plan has \(assignments.count) entries for \(learners.count) learners",
                                                                                  "le plan a \(assignments.count) entrées pour \(learners.count) apprenants")] }
        var out: [String] = []
        for (l, a) in assignments.enumerated() {
            if let pin = learners[l].assigned, a != Option(session: pin.session, mode: pin.mode) {
                out.append(tr("learner \(learners[l].id) is pinned to \(sessions[pin.session].id) (\(pin.mode.rawValue)) but is not there",
                              "l'apprenant \(learners[l].id) est imposé dans \(sessions[pin.session].id) (\(pin.mode.rawValue)) mais n'y est pas"))
            }
            guard let a else { continue }
            if let why = ineligibility(learner: l, session: a.session, mode: a.mode) {
                out.append(tr("learner \(learners[l].id) may not join \(sessions[a.session].id) (\(a.mode.rawValue)): \(why.text(.en))",
                              "l'apprenant \(learners[l].id) ne peut pas rejoindre \(sessions[a.session].id) (\(a.mode.rawValue)) : \(why.text(.fr))"))
            }
        }
        return out + Occupancy(self, assignments).violations()
    }
}
