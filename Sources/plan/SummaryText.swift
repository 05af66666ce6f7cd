// SummaryText: what `plan solve` prints when done, in the planner's words and language: how good
// the plan is, who is placed and how, why the others are not, sessions run; the solver's figures
// only with --verbose.
import Foundation
import PlanDomain
import PlanFormulation
import PlanWriters

enum SummaryText {
    static func lines(_ instance: Instance, _ plan: Plan, changes: [Change]?, language t: Language) -> [String] {
        let s = PlanFiles.Summary(instance, plan)
        var out = [t.say("status: ", "statut : ") + "\(s.status.rawValue), " + quality(s, t)
                   + (s.worthInLearners(unassignedWeight: instance.weights.unassigned).map { " (\($0))" } ?? "")]
        var placed = t.say("placed: \(s.assigned) of \(s.learners) learners, \(s.inPerson) in person and \(s.remote) remote",
                           "placés : \(s.assigned) apprenants sur \(s.learners), \(s.inPerson) en présentiel et \(s.remote) à distance")
        if s.unassigned > 0 {
            placed += t.say("; \(s.unassigned) without a seat (", " ; \(s.unassigned) sans place (") + why(instance, plan, t) + ")"
        }
        out.append(placed)
        if let limits = bindingLimits(instance, plan, t) { out.append(limits) }
        out.append(t.say("sessions run: \(s.sessionsRun) of \(instance.sessions.count)",
                         "sessions ouvertes : \(s.sessionsRun) sur \(instance.sessions.count)"))
        out.append(t.say("objective: \(formatNumber(s.objective))  bound: \(formatNumber(s.bound))  gap: ",
                         "objectif : \(formatNumber(s.objective))  borne : \(formatNumber(s.bound))  écart : ") + percent(s.gap, t))
        if let changes, let changed = s.changes, let kept = s.kept, let today = s.today {
            let weight = formatNumber(s.changeWeight ?? 0)
            out.append(t.say("re-plan: \(changed) changed, \(kept) kept their seat (change weight \(weight), today \(today)); see changes.csv",
                             "replanification : \(changed) changements, \(kept) gardent leur place (poids d'un changement \(weight), date du jour \(today)) ; voir changes.csv"))
            out.append("  " + ChangeReport.line(changes))
        }
        return out
    }

    /// How good the plan is, in words.
    static func quality(_ s: PlanFiles.Summary, _ t: Language) -> String {
        if s.status == .optimal { return t.say("the best plan possible (proven)", "le meilleur plan possible (prouvé)") }
        let stop = s.status == .interrupted
            ? t.say("stopped by the user", "arrêté par l'utilisateur")
            : t.say("stopped by the time or gap limit", "arrêté par la limite de temps ou d'écart")
        return stop + t.say(", at most \(percent(s.gap, t)) above the best plan possible",
                            ", au plus \(percent(s.gap, t)) au-dessus du meilleur plan possible")
    }

    /// Why the unassigned have no seat, counted: no eligible session at all, or seats taken by others.
    static func why(_ instance: Instance, _ plan: Plan, _ t: Language) -> String {
        let unassigned = plan.assignments.indices.filter { plan.assignments[$0] == nil }
        let none = unassigned.filter { instance.eligibleOptions(learner: $0).isEmpty }.count
        let competition = unassigned.count - none
        var parts: [String] = []
        if none > 0 { parts.append(t.say("\(none) with no eligible session", "\(none) sans session admissible")) }
        if competition > 0 {
            parts.append(t.say("\(competition) for lack of seats they could take", "\(competition) faute de place disponible"))
        }
        return parts.joined(separator: ", ") + t.say("; see reason in assignments.csv", " ; voir la raison dans assignments.csv")
    }

    /// The limits that keep learners with eligible options from a seat, and how many each stops.
    static func bindingLimits(_ instance: Instance, _ plan: Plan, _ t: Language) -> String? {
        let c = Planner.bindingLimits(instance, assignments: plan.assignments)
        let learners = { (n: Int) in t.count(n, ("learner", "learners"), ("apprenant", "apprenants")) }
        var parts: [String] = []
        if c.full > 0 { parts.append(t.say("seats taken by others", "places prises par d'autres") + " (\(learners(c.full)))") }
        if c.absent > 0 { parts.append(t.say("a structure's limit of learners away at once", "la limite d'absences d'une structure") + " (\(learners(c.absent)))") }
        if c.concurrency > 0 { parts.append(t.say("an organisation's limit of sessions at once", "la limite de sessions simultanées d'un organisme") + " (\(learners(c.concurrency)))") }
        if c.notRunning > 0 { parts.append(t.say("sessions not opened", "des sessions non ouvertes") + " (\(learners(c.notRunning)))") }
        if c.costly > 0 { parts.append(t.say("seats costing more than they are worth", "des places plus coûteuses qu'elles ne valent") + " (\(learners(c.costly)))") }
        guard !parts.isEmpty else { return nil }
        return t.say("what stops them: ", "ce qui les en empêche : ") + parts.joined(separator: ", ")
    }

    /// A relative gap as a percentage: `0%`, `0.53%` (`0 %`, `0,53 %` in French).
    static func percent(_ gap: Double, _ t: Language = .en) -> String {
        let p = formatNumber((gap * 10000).rounded() / 100)
        return t.say(p + "%", p.replacingOccurrences(of: ".", with: ",") + " %")
    }

    /// The model's size, the root relaxation and the times (--verbose).
    static func solverFigures(_ st: ModelStatistics, plan: Plan, times: (load: Double, write: Double)) -> [String] {
        let sv = st.solver
        return [
            "model: \(st.parts) parts, \(st.columns) columns, \(st.rows) rows, \(st.nonzeros) nonzeros, \(st.groups) groups",
            String(format: "root: %@ start, %d iterations, %.3f s, %d lazy rows added, %d as cuts, %d columns left out and %d priced back in, bound %@",
                   sv.warmStarted ? "network" : "cold", sv.rootIterations, sv.rootSeconds, sv.lazyRowsAdded,
                   sv.lazyCutsAdded, sv.columnsLeftOut, sv.columnsPricedIn,
                   sv.rootBound.isFinite ? formatNumber(sv.rootBound.rounded()) : "-"),
            "search: \(sv.nodes) nodes, \(sv.branchesTried) branches tried to choose where to branch",
            String(format: "time: load %.3f s, build %.3f s, solve %.3f s, write %.3f s", times.load, st.buildSeconds,
                   plan.solveSeconds - st.buildSeconds, times.write),
        ]
    }
}
