// Greedy: a feasible starting point for a part's model, so that GLPK's search starts from a good
// incumbent and a time limit always has a plan to write. The hard rules it keeps are asked of the
// domain's `Occupancy` (Rules.swift), not written here again.
import LinearModel
import PlanDomain

extension PartModel {
    /// Seats members greedily (when re-planning, in their previous seats first), cheapest
    /// (group, option) first, within capacities, maxAbsent and concurrency limits; then closes
    /// sessions below their minimum size and refills open ones. With `guide`, a solution of the LP
    /// relaxation, sessions whose "runs" value is below one half stay closed and the counts the LP
    /// gives are seated first (LP rounding). Returns nil when the result breaks a row (pins that
    /// need more than greed can give).
    func greedyStart(guide lp: [Double]? = nil) -> [Double]? {
        var fill = GreedyFill(self)
        // Pins first: they are fixed.
        for (g, k, c) in x where groups[g].pinned { fill.seat(g, k, c, groups[g].size) }
        let candidates = x.filter { !groups[$0.group].pinned && model.variables[$0.column].cost < 0 }
            .sorted { a, b in
                let ca = model.variables[a.column].cost, cb = model.variables[b.column].cost
                return ca != cb ? ca < cb : a.column < b.column
            }
        if let r = instance.replanning {
            // Re-planning: the previous plan first, as far as it still fits (SPEC §6 asks to keep it).
            fill.seatAll(candidates.filter { r.previous[groups[$0.group].learners[0]] == .seat(groups[$0.group].options[$0.option]) })
        }
        if let lp {
            for (s, y) in runs where lp[y] < 0.5 { fill.closed.insert(s) }
            let guided = candidates.filter { lp[$0.column] >= 0.5 }.sorted { lp[$0.column] > lp[$1.column] }
            fill.seatAll(guided, atMost: { Int(lp[$0].rounded()) })
        }
        fill.seatAll(candidates)
        fill.closeSessionsBelowMinimum()
        fill.seatAll(candidates, mayOpen: false)
        var values = fill.values
        for (s, y) in runs { values[y] = fill.occupancy.isRunning(s) ? 1 : 0 }
        return model.violations(of: values).isEmpty ? values : nil
    }
}

/// The state of a greedy fill: column values, members seated per group, and the occupancy.
private struct GreedyFill {
    let pm: PartModel
    var values: [Double]
    var assigned: [Int: Int] = [:]
    var occupancy: Occupancy
    var closed = Set<Int>()

    init(_ pm: PartModel) {
        self.pm = pm
        values = [Double](repeating: 0, count: pm.model.variables.count)
        occupancy = Occupancy(pm.instance)
    }

    /// Gives `n` members of group `g` option `k` (column `c`); a negative `n` takes seats back.
    mutating func seat(_ g: Int, _ k: Int, _ c: Int, _ n: Int) {
        let group = pm.groups[g]
        values[c] += Double(n)
        assigned[g, default: 0] += n
        occupancy.add(n, structure: group.structure, option: group.options[k])
    }

    /// How many more members of group `g` may take option `k` (column `c`) under the hard rules
    /// and the column's bound; 0 for a closed session, or a session that may not open.
    func room(_ g: Int, _ k: Int, _ c: Int, mayOpen: Bool) -> Int {
        let group = pm.groups[g]
        let o = group.options[k]
        var n = min(group.size - assigned[g, default: 0], occupancy.seatsLeft(o))
        n = min(n, Int(pm.model.variables[c].upper - values[c]))
        n = min(n, occupancy.absentRoom(structure: group.structure, session: o.session))
        if !occupancy.isRunning(o.session) {
            if !mayOpen || closed.contains(o.session) || !occupancy.mayOpen(o.session) { return 0 }
        }
        return max(0, n)
    }

    /// Seats each candidate in turn, as many as fit (and at most `atMost(column)`).
    mutating func seatAll(_ candidates: [(group: Int, option: Int, column: Int)], mayOpen: Bool = true,
                          atMost: (Int) -> Int = { _ in Int.max }) {
        for (g, k, c) in candidates {
            let n = min(room(g, k, c, mayOpen: mayOpen), atMost(c))
            if n > 0 { seat(g, k, c, n) }
        }
    }

    /// Closes the sessions that did not reach their minimum size (unless pinned), giving their
    /// seats back.
    mutating func closeSessionsBelowMinimum() {
        var columnsOf: [Int: [(Int, Int, Int)]] = [:]
        var pinnedSessions = Set<Int>()
        for (g, k, c) in pm.x {
            let s = pm.groups[g].options[k].session
            columnsOf[s, default: []].append((g, k, c))
            if pm.groups[g].pinned { pinnedSessions.insert(s) }
        }
        for s in pm.part.sessions where !pinnedSessions.contains(s) && occupancy.isBelowMinimum(s) {
            closed.insert(s)
            for (g, k, c) in columnsOf[s] ?? [] where values[c] > 0 { seat(g, k, c, -Int(values[c])) }
        }
    }
}
