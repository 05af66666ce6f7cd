// ColumnPricing: the root relaxation of a large model solved over the columns that can matter,
// the others fixed at zero until their reduced cost says otherwise. GLPK's simplex leaves fixed
// non-basic columns out of its working problem, so each iteration prices fewer columns.
//
// Why the answer stays exact: a column left out sits at zero, non-basic. When the relaxation over
// the others is optimal, with row duals y, every left-out column j whose reduced cost
// d_j = c_j - Σ_i a_ij y_i is not negative could not improve it; those with a negative d_j are
// given back their bounds and the simplex goes on (primal, from the same basis). When none is
// negative, the basis is optimal for the whole relaxation, every column gets its bounds back, and
// branch-and-cut starts with all of them. A relaxation stopped early (time limit, Ctrl-C) gives
// the bound of its dual-feasible basis corrected for the left-out columns,
// z + Σ_j min(0, d_j)·upper_j (a Lagrangian bound): never above the optimum.
import CGLPK
import LinearModel

struct ColumnPricing {
    /// The share of the candidates (non-basic at a zero lower bound, positive reduced cost) left
    /// out at first: those with the largest reduced costs.
    static let share = 0.8

    let model: Model
    /// Each column's terms: (model row, coefficient).
    private let terms: [[(row: Int, coefficient: Double)]]
    /// Columns fixed at zero, out of the relaxation.
    private(set) var excluded: [Int] = []

    /// Leaves out the columns whose reduced costs at the current basis (of `problem`, whose rows are
    /// the model's rows `kept`, in order) are the largest; nil when there is nothing to leave out.
    init?(_ model: Model, _ problem: GLPKProblem, kept: [Int]) throws(SolverError) {
        self.model = model
        var terms = [[(row: Int, coefficient: Double)]](repeating: [], count: model.variables.count)
        for (r, row) in model.rows.enumerated() {
            for t in row.terms { terms[t.variable].append((r, t.coefficient)) }
        }
        self.terms = terms
        let statuses = try problem.columnStatuses()
        let candidates = model.variables.indices.filter { j in
            let v = model.variables[j]
            return statuses[j] == GLP_NL && v.lower == 0 && v.upper > 0
        }
        let d = reducedCosts(candidates, duals: try problem.rowDuals(), kept: kept)
        var positive: [(column: Int, cost: Double)] = []
        for (j, dj) in zip(candidates, d) where dj > 0 { positive.append((j, dj)) }
        positive.sort { a, b in a.cost != b.cost ? a.cost > b.cost : a.column < b.column }
        let count = Int(Double(candidates.count) * Self.share)
        excluded = positive.prefix(count).map { $0.column }.sorted()
        guard !excluded.isEmpty else { return nil }
        let zeros = [Double](repeating: 0, count: excluded.count)
        try problem.setColumnBounds(excluded, lower: zeros, upper: zeros)
    }

    /// The reduced costs of `columns` under the row duals `duals` (GLPK's row order, rows `kept`).
    func reducedCosts(_ columns: [Int], duals: [Double], kept: [Int]) -> [Double] {
        var dualOfRow = [Double](repeating: 0, count: model.rows.count)
        for (position, r) in kept.enumerated() where position < duals.count { dualOfRow[r] = duals[position] }
        return columns.map { j in terms[j].reduce(model.variables[j].cost) { $0 - $1.coefficient * dualOfRow[$1.row] } }
    }

    /// The reduced costs of the left-out columns at the current basis, in `excluded`'s order.
    func excludedReducedCosts(_ problem: GLPKProblem, kept: [Int]) throws(SolverError) -> [Double] {
        reducedCosts(excluded, duals: try problem.rowDuals(), kept: kept)
    }

    /// Gives back their bounds to the left-out columns that could improve the relaxation (a
    /// negative reduced cost `d`, from `excludedReducedCosts`); returns how many.
    mutating func priceIn(_ d: [Double], _ problem: GLPKProblem) throws(SolverError) -> Int {
        let back = zip(excluded, d).filter { $0.1 < -1e-9 * max(1, abs(model.variables[$0.0].cost)) }.map(\.0)
        guard !back.isEmpty else { return 0 }
        try restore(back, problem)
        let given = Set(back)
        excluded.removeAll { given.contains($0) }
        return back.count
    }

    /// Every left-out column gets its bounds back.
    mutating func restoreAll(_ problem: GLPKProblem) throws(SolverError) {
        try restore(excluded, problem)
        excluded = []
    }

    /// The correction that makes a bound of the relaxation without the left-out columns a bound
    /// with them, from their reduced costs `d`: Σ min(0, d_j)·upper_j (-infinity when such a
    /// column has no upper bound).
    func boundCorrection(_ d: [Double]) -> Double {
        zip(excluded, d).reduce(0) { sum, e in e.1 >= 0 ? sum : sum + e.1 * model.variables[e.0].upper }
    }

    private func restore(_ columns: [Int], _ problem: GLPKProblem) throws(SolverError) {
        try problem.setColumnBounds(columns, lower: columns.map { model.variables[$0].lower },
                                    upper: columns.map { model.variables[$0].upper })
    }
}
