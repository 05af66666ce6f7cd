// Infeasibility: when a part has no plan, which rule its pinned learners break, and which of them.
// (SPEC 2.4: an infeasible instance names the rule and the pinned learners involved.) Found by
// re-solving: each rule family relaxed in turn (the families whose relaxation alone restores a
// plan are the rule), then pins released one at a time, keeping a pin only when releasing it
// restores a plan (the pins left are a smallest set in the sense that none can be dropped).
import LinearModel
import PlanDomain

extension PartModel {
    /// The rule families of the model, by the prefix of their rows' names, with SPEC's words.
    private static let families: [(prefix: String, rule: String)] = [
        ("capacity[", "capacity"), ("minSize[", "minSize"), ("maxAbsent[", "maxAbsent"),
        ("absentInSession[", "maxAbsent"), ("absentClique[", "maxAbsent"), ("concurrency[", "maxConcurrentSessions"),
    ]

    /// The error for a part with no plan: the rule(s) and the pinned learners that break them.
    func diagnoseInfeasibility(solver: any MILPSolver) -> PlannerError {
        var options = SolveOptions(timeLimit: 30)
        options.lazyRows = true
        func feasible(_ m: Model) -> Bool {
            guard let r = try? solver.solve(m, options: options, start: nil) else { return false }
            return r.termination != .infeasible && r.termination != .unbounded
        }
        let free = releasingRunBounds(model)
        let rules = Array(Set(Self.families.map(\.rule))).sorted().filter { rule in
            let prefixes = Self.families.filter { $0.rule == rule }.map(\.prefix)
            return feasible(free.keepingRows { row in !prefixes.contains { row.name.hasPrefix($0) } })
        }
        // Release pins one group at a time; keep a pin only if releasing it restores a plan.
        var pinned = part.groups.filter { groups[$0].pinned }
        var trial = free
        for g in pinned {
            let columns = x.filter { $0.group == g }.map(\.column)
            var without = trial
            for c in columns { without.setBounds(c, lower: 0, upper: model.variables[c].upper) }
            if !feasible(without) {
                trial = without
                pinned.removeAll { $0 == g }
            }
        }
        let learners = pinned.flatMap { groups[$0].learners }.map { instance.learners[$0].id }.sorted(by: precedesByBytes)
        let rule: String
        switch rules.count {
        case 0: rule = "the pinned assignments break several rules together (capacity, minSize, maxAbsent, maxConcurrentSessions)"
        case 1: rule = "\(rules[0]): the pinned assignments cannot all be kept under this rule"
        default: rule = "\(rules.joined(separator: " or ")): relaxing any one of these rules would let the pinned assignments be kept"
        }
        return .infeasible(rule: rule, learners: learners)
    }

    /// The model with every "runs" column free to be 0 (pins force the sessions they need).
    private func releasingRunBounds(_ m: Model) -> Model {
        var m = m
        for (_, y) in runs { m.setBounds(y, lower: 0, upper: 1) }
        return m
    }
}

extension Model {
    /// The same model with only the rows that `keep` accepts.
    func keepingRows(_ keep: (Row) -> Bool) -> Model {
        var m = Model(name: name)
        m.objectiveConstant = objectiveConstant
        for v in variables { m.addVariable(v.name, lower: v.lower, upper: v.upper, integer: v.isInteger, cost: v.cost) }
        for r in rows where keep(r) {
            m.addRow(r.name, r.terms.map { ($0.variable, $0.coefficient) }, lower: r.lower, upper: r.upper, role: r.role)
        }
        return m
    }
}
