// SummaryText: what `plan solve` prints when done, in the planner's words: how good the plan is,
// who is placed and how, why the others are not, sessions run; the solver's figures only with
// --verbose.
import Foundation
import PlanDomain
import PlanFormulation
import PlanWriters

enum SummaryText {
    static func lines(_ instance: Instance, _ plan: Plan, changes: [Change]?) -> [String] {
        let s = PlanFiles.Summary(instance, plan)
        var out = ["status: \(s.status.rawValue), " + quality(s)]
        var placed = "placed: \(s.assigned) of \(s.learners) learners, \(s.inPerson) in person and \(s.remote) remote"
        if s.unassigned > 0 { placed += "; \(s.unassigned) without a seat (\(why(plan)))" }
        out.append(placed)
        out.append("sessions run: \(s.sessionsRun) of \(instance.sessions.count)")
        out.append("objective: \(formatNumber(s.objective))  bound: \(formatNumber(s.bound))  gap: \(percent(s.gap))")
        if let changes, let changed = s.changes, let kept = s.kept, let today = s.today {
            out.append("re-plan: \(changed) changed, \(kept) kept their seat (change weight \(formatNumber(s.changeWeight ?? 0)), today \(today)); see changes.csv")
            out.append("  " + ChangeReport.line(changes))
        }
        return out
    }

    /// How good the plan is, in words.
    static func quality(_ s: PlanFiles.Summary) -> String {
        if s.status == .optimal { return "the best plan possible (proven)" }
        let stop = s.status == .interrupted ? "stopped by the user" : "stopped by the time or gap limit"
        return "\(stop), at most \(percent(s.gap)) above the best plan possible"
    }

    /// Why the unassigned have no seat, counted: no eligible session at all, or seats taken by others.
    static func why(_ plan: Plan) -> String {
        let reasons = plan.reasons.enumerated().filter { plan.assignments[$0.offset] == nil }.map { $0.element ?? "" }
        let competition = reasons.filter { $0.hasPrefix("competition for seats") }.count
        var parts: [String] = []
        if reasons.count > competition { parts.append("\(reasons.count - competition) with no eligible session") }
        if competition > 0 { parts.append("\(competition) for lack of seats they could take") }
        return parts.joined(separator: ", ") + "; see reason in assignments.csv"
    }

    /// A relative gap as a percentage: `0%`, `0.53%`.
    static func percent(_ gap: Double) -> String {
        let p = (gap * 10000).rounded() / 100
        return formatNumber(p) + "%"
    }

    /// The model's size, the root relaxation and the times (--verbose).
    static func solverFigures(_ st: ModelStatistics, plan: Plan, times: (load: Double, write: Double)) -> [String] {
        let sv = st.solver
        return [
            "model: \(st.parts) parts, \(st.columns) columns, \(st.rows) rows, \(st.nonzeros) nonzeros, \(st.groups) groups",
            String(format: "root: %@ start, %d iterations, %.3f s, %d lazy rows added, %d as cuts, bound %@",
                   sv.warmStarted ? "network" : "cold", sv.rootIterations, sv.rootSeconds, sv.lazyRowsAdded,
                   sv.lazyCutsAdded, sv.rootBound.isFinite ? formatNumber(sv.rootBound.rounded()) : "-"),
            String(format: "time: load %.3f s, build %.3f s, solve %.3f s, write %.3f s", times.load, st.buildSeconds,
                   plan.solveSeconds - st.buildSeconds, times.write),
        ]
    }
}
