// Greedy: a feasible starting point for a part's model, so that GLPK's search starts from a good
// incumbent and a time limit always has a plan to write.
import LinearModel
import PlanDomain

extension PartModel {
    /// Seats members greedily (when re-planning, in their previous seats first), cheapest
    /// (group, option) first, within capacities, maxAbsent and
    /// concurrency limits; then closes sessions below their minimum size and refills open ones.
    /// With `guide`, a solution of the LP relaxation, sessions whose "runs" value is below one half
    /// stay closed and the counts the LP gives are seated first (LP rounding).
    /// Returns nil when the result breaks a row (pins that need more than greed can give).
    func greedyStart(guide lp: [Double]? = nil) -> [Double]? {
        var values = [Double](repeating: 0, count: model.variables.count)
        var used: [Option: Int] = [:]
        var assigned: [Int: Int] = [:]
        var participants: [Int: Int] = [:]
        var absent: [Int: [Day: Int]] = [:]
        var runningOnDay: [Int: [Day: Int]] = [:]
        var closed = Set<Int>()

        func seat(_ g: Int, _ k: Int, _ column: Int, _ n: Int) {
            let group = groups[g]
            let o = group.options[k]
            let session = instance.sessions[o.session]
            if participants[o.session, default: 0] == 0 && n > 0 {
                for d in session.days { runningOnDay[session.organisation, default: [:]][d, default: 0] += 1 }
            }
            values[column] += Double(n)
            used[o, default: 0] += n
            assigned[g, default: 0] += n
            participants[o.session, default: 0] += n
            if instance.structures[group.structure].maxAbsent != nil {
                for d in session.days { absent[group.structure, default: [:]][d, default: 0] += n }
            }
            if participants[o.session, default: 0] == 0 {
                for d in session.days { runningOnDay[session.organisation, default: [:]][d, default: 0] -= 1 }
            }
        }

        func room(_ g: Int, _ k: Int, _ column: Int, mayOpen: Bool) -> Int {
            let group = groups[g]
            let o = group.options[k]
            let session = instance.sessions[o.session]
            var n = min(group.size - assigned[g, default: 0], session.capacity(o.mode) - used[o, default: 0])
            n = min(n, Int(model.variables[column].upper - values[column]))
            if let limit = instance.structures[group.structure].maxAbsent {
                let peak = session.days.map { absent[group.structure]?[$0] ?? 0 }.max() ?? 0
                n = min(n, limit - peak)
            }
            if participants[o.session, default: 0] == 0 {
                if !mayOpen || closed.contains(o.session) { return 0 }
                if let limit = instance.organisations[session.organisation].maxConcurrentSessions {
                    let peak = session.days.map { runningOnDay[session.organisation]?[$0] ?? 0 }.max() ?? 0
                    if peak >= limit { return 0 }
                }
            }
            return max(0, n)
        }

        // Pins first: they are fixed.
        for (g, k, c) in x where groups[g].pinned { seat(g, k, c, groups[g].size) }
        let candidates = x.filter { !groups[$0.group].pinned && model.variables[$0.column].cost < 0 }
            .sorted { a, b in
                let ca = model.variables[a.column].cost, cb = model.variables[b.column].cost
                return ca != cb ? ca < cb : a.column < b.column
            }
        // Re-planning: the previous plan first, as far as it still fits (SPEC §6 asks to keep it).
        if let r = instance.replanning {
            for (g, k, c) in candidates where r.previous[groups[g].learners[0]] == .seat(groups[g].options[k]) {
                let n = room(g, k, c, mayOpen: true)
                if n > 0 { seat(g, k, c, n) }
            }
        }
        if let lp {
            for (s, y) in runs where lp[y] < 0.5 { closed.insert(s) }
            let guided = candidates.filter { lp[$0.column] >= 0.5 }.sorted { lp[$0.column] > lp[$1.column] }
            for (g, k, c) in guided {
                let n = min(room(g, k, c, mayOpen: true), Int(lp[c].rounded()))
                if n > 0 { seat(g, k, c, n) }
            }
        }
        for (g, k, c) in candidates {
            let n = room(g, k, c, mayOpen: true)
            if n > 0 { seat(g, k, c, n) }
        }
        // Close the sessions that did not reach their minimum size (unless pinned), then refill.
        var columnsOf: [Int: [(Int, Int, Int)]] = [:]
        var pinnedSessions = Set<Int>()
        for (g, k, c) in x {
            let s = groups[g].options[k].session
            columnsOf[s, default: []].append((g, k, c))
            if groups[g].pinned { pinnedSessions.insert(s) }
        }
        for s in part.sessions where !pinnedSessions.contains(s) {
            let p = participants[s, default: 0]
            guard p > 0, p < instance.minimumParticipants(s) else { continue }
            closed.insert(s)
            for (g, k, c) in columnsOf[s] ?? [] where values[c] > 0 {
                seat(g, k, c, -Int(values[c]))
            }
        }
        for (g, k, c) in candidates {
            let n = room(g, k, c, mayOpen: false)
            if n > 0 { seat(g, k, c, n) }
        }
        for (s, y) in runs { values[y] = participants[s, default: 0] > 0 ? 1 : 0 }
        return model.violations(of: values).isEmpty ? values : nil
    }
}
