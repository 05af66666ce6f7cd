// StrengthRows: rows that every plan keeps anyway (they follow from the maxAbsent rows and
// integrality) but that the relaxation does not: they close the part of the root gap that comes
// from structures with maxAbsent (measured in the engine notes: about half of it). All are lazy:
// a backend adds one only where the relaxation breaks it.
import LinearModel
import PlanDomain

extension PartModel {
    /// Columns of the groups of structures with maxAbsent, by structure, in model order.
    private func absenceColumns() -> [(structure: Int, entries: [(group: Int, column: Int, session: Int)])] {
        var byStructure: [Int: [(group: Int, column: Int, session: Int)]] = [:]
        for (g, k, c) in x where instance.structures[groups[g].structure].maxAbsent != nil {
            byStructure[groups[g].structure, default: []].append((g, c, groups[g].options[k].session))
        }
        return byStructure.keys.sorted().map { ($0, byStructure[$0]!) }
    }

    /// A structure with maxAbsent k has at most k learners in a session (they are all absent on
    /// its days), and none unless the session runs.
    mutating func addStructureSessionRows() {
        for (h, entries) in absenceColumns() {
            let limit = instance.structures[h].maxAbsent!
            var bySession: [Int: [(group: Int, column: Int)]] = [:]
            for e in entries { bySession[e.session, default: []].append((e.group, e.column)) }
            for s in bySession.keys.sorted() {
                guard let y = runs[s], let cols = bySession[s] else { continue }
                let seats = cols.reduce(0.0) { $0 + model.variables[$1.column].upper }
                let bound = min(Double(limit), seats)
                // One group alone is already linked by its own row with the same or a smaller bound.
                guard Set(cols.map(\.group)).count > 1 else { continue }
                model.addRow("absentInSession[\(instance.structures[h].id),\(instance.sessions[s].id)]",
                             cols.map { ($0.column, 1.0) } + [(y, -bound)], upper: 0, role: .lazy)
            }
        }
    }

    /// In a structure with maxAbsent 1, two columns conflict when their sessions share a training
    /// day (both learners would be away that day) or they belong to one learner: at most one
    /// column of a set of pairwise conflicting columns is used, once. The per-day rows already
    /// hold the sets with a common day; this adds the maximal sets without one.
    mutating func addAbsenceCliqueRows() {
        for (h, entries) in absenceColumns() where instance.structures[h].maxAbsent == 1 && entries.count <= 80 {
            let days = entries.map { Set(instance.sessions[$0.session].days) }
            let single = entries.map { groups[$0.group].size == 1 }
            func conflict(_ a: Int, _ b: Int) -> Bool {
                (entries[a].group == entries[b].group && single[a]) || !days[a].isDisjoint(with: days[b])
            }
            var found = 0
            for clique in maximalCliques(count: entries.count, conflict: conflict) where clique.count >= 3 {
                let common = clique.dropFirst().reduce(days[clique[0]]) { $0.intersection(days[$1]) }
                // One learner's columns are already held by its learner row.
                let oneLearner = Set(clique.map { entries[$0].group }).count == 1 && single[clique[0]]
                guard common.isEmpty, !oneLearner else { continue }
                found += 1
                model.addRow("absentClique[\(instance.structures[h].id),\(found)]", clique.map { (entries[$0].column, 1.0) },
                             upper: 1, role: .lazy)
                if found >= 200 { break }
            }
        }
    }
}

/// The maximal cliques of a small graph (Bron–Kerbosch with pivoting), each sorted, in a
/// deterministic order.
func maximalCliques(count n: Int, conflict: (Int, Int) -> Bool) -> [[Int]] {
    var neighbours = [Set<Int>](repeating: [], count: n)
    for a in 0..<n {
        for b in (a + 1)..<max(a + 1, n) where conflict(a, b) {
            neighbours[a].insert(b)
            neighbours[b].insert(a)
        }
    }
    var cliques: [[Int]] = []
    func expand(_ r: [Int], _ p: Set<Int>, _ x: Set<Int>) {
        if p.isEmpty && x.isEmpty {
            cliques.append(r.sorted())
            return
        }
        guard cliques.count < 10_000 else { return }
        // The vertex with most neighbours in p (smallest index on ties): deterministic.
        var pivot = -1, best = -1
        for v in p.union(x).sorted() {
            let k = neighbours[v].intersection(p).count
            if k > best { (pivot, best) = (v, k) }
        }
        var p = p, x = x
        for v in p.subtracting(neighbours[pivot]).sorted() {
            expand(r + [v], p.intersection(neighbours[v]), x.intersection(neighbours[v]))
            p.remove(v)
            x.insert(v)
        }
    }
    expand([], Set(0..<n), [])
    return cliques.sorted { $0.lexicographicallyPrecedes($1) }
}
