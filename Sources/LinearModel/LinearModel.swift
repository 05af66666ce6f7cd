// LinearModel: a solver-neutral mixed-integer linear program (minimisation), its validation,
// and the result types every backend returns.

/// A column of the model.
public struct Variable: Sendable, Equatable {
    /// A readable name in domain words, e.g. `x[H-0001#2,S-280-RENNES,in_person]`.
    public var name: String
    public var lower: Double
    public var upper: Double
    public var isInteger: Bool
    public var cost: Double
}

/// What a row is to the model's structure: hints a backend may use (a network warm start, rows
/// added only where they bind) or ignore. They never change the model's meaning.
public enum RowRole: Sendable, Equatable {
    /// An ordinary row.
    case plain
    /// `sum(x) <= b` over columns that leave a source node of a transportation core (e.g. each
    /// learner takes at most one seat), each column in at most one such row with coefficient 1.
    case supply
    /// `sum(x) + (other columns) <= b` over columns that enter a sink node of the core (e.g. a
    /// session's seats), each column in at most one such row with coefficient 1.
    case demand
    /// A row every integer point of the model keeps anyway (implied by the other rows and
    /// integrality): it only tightens the relaxation, so it may be added where the relaxation
    /// breaks it, and left out elsewhere, without changing the optimum.
    case lazy
}

/// A row `lower <= sum(coefficient * variable) <= upper`; a missing bound is infinite.
public struct Row: Sendable, Equatable {
    public var name: String
    public var terms: [(variable: Int, coefficient: Double)]
    public var lower: Double?
    public var upper: Double?
    public var role: RowRole = .plain

    /// Whether `values` (one per column) break the row by more than `tolerance`.
    public func isBroken(by values: [Double], tolerance: Double = 1e-6) -> Bool {
        var activity = 0.0
        for t in terms { activity += t.coefficient * values[t.variable] }
        if let u = upper, activity > u + tolerance { return true }
        if let l = lower, activity < l - tolerance { return true }
        return false
    }

    public static func == (a: Row, b: Row) -> Bool {
        a.name == b.name && a.lower == b.lower && a.upper == b.upper && a.role == b.role
            && a.terms.map(\.variable) == b.terms.map(\.variable)
            && a.terms.map(\.coefficient) == b.terms.map(\.coefficient)
    }
}

/// A minimisation problem over bounded, possibly integer, variables.
public struct Model: Sendable {
    public var name: String
    public private(set) var variables: [Variable] = []
    public private(set) var rows: [Row] = []
    /// Added to the objective of every solution.
    public var objectiveConstant: Double = 0
    /// When set, every feasible point that matters (every integer point, or every point the
    /// formulation maps back to a plan) has an objective of `objectiveConstant + k * step` for a
    /// whole `k`: no better point exists within less than one step of an incumbent, which lets a
    /// backend stop exactly. Nil when unknown (fractional weights).
    public var objectiveStep: Double?

    public init(name: String) { self.name = name }

    /// Adds a column and returns its index.
    @discardableResult
    public mutating func addVariable(_ name: String, lower: Double = 0, upper: Double,
                                     integer: Bool = true, cost: Double = 0) -> Int {
        variables.append(Variable(name: name, lower: lower, upper: upper, isInteger: integer, cost: cost))
        return variables.count - 1
    }

    /// Adds a row; terms on the same variable are merged.
    public mutating func addRow(_ name: String, _ terms: [(Int, Double)], lower: Double? = nil, upper: Double? = nil,
                                role: RowRole = .plain) {
        var merged: [Int: Double] = [:]
        var order: [Int] = []
        for (v, c) in terms {
            if merged[v] == nil { order.append(v) }
            merged[v, default: 0] += c
        }
        let cleaned = order.compactMap { v -> (variable: Int, coefficient: Double)? in
            let c = merged[v]!
            return c == 0 ? nil : (v, c)
        }
        rows.append(Row(name: name, terms: cleaned, lower: lower, upper: upper, role: role))
    }

    /// Changes a column's bounds.
    public mutating func setBounds(_ j: Int, lower: Double, upper: Double) {
        variables[j].lower = lower
        variables[j].upper = upper
    }

    /// Makes a column integer or continuous.
    public mutating func setInteger(_ j: Int, _ isInteger: Bool) {
        variables[j].isInteger = isInteger
    }

    /// Appends another model's columns and rows (renumbered) and adds its objective constant:
    /// independent parts written as one block-diagonal model.
    public mutating func append(_ other: Model) {
        let offset = variables.count
        objectiveStep = offset == 0 && rows.isEmpty ? other.objectiveStep : commonStep(objectiveStep, other.objectiveStep)
        variables.append(contentsOf: other.variables)
        for r in other.rows {
            rows.append(Row(name: r.name, terms: r.terms.map { ($0.variable + offset, $0.coefficient) }, lower: r.lower,
                            upper: r.upper, role: r.role))
        }
        objectiveConstant += other.objectiveConstant
    }

    /// The objective of a point (including the constant).
    public func objective(of values: [Double]) -> Double {
        var total = objectiveConstant
        for (j, v) in variables.enumerated() { total += v.cost * values[j] }
        return total
    }

    /// The names of the bounds and rows that `values` breaks by more than `tolerance`.
    public func violations(of values: [Double], tolerance: Double = 1e-6) -> [String] {
        var out: [String] = []
        guard values.count == variables.count else { return ["wrong number of values"] }
        for (j, v) in variables.enumerated() {
            let x = values[j]
            if x < v.lower - tolerance || x > v.upper + tolerance { out.append("bounds of \(v.name)") }
            if v.isInteger && abs(x - x.rounded()) > tolerance { out.append("integrality of \(v.name)") }
        }
        for r in rows where r.isBroken(by: values, tolerance: tolerance) { out.append(r.name) }
        return out
    }

    /// Problems that would make a solver fail or misbehave: non-finite numbers, inverted bounds,
    /// unknown variable indices. Empty when the model is fit to hand to a solver.
    public func validationIssues() -> [String] {
        var issues: [String] = []
        if !objectiveConstant.isFinite { issues.append("objective constant is not finite") }
        if let step = objectiveStep, !(step > 0 && step.isFinite) { issues.append("objective step \(step) is not positive") }
        for v in variables {
            if !v.cost.isFinite { issues.append("\(v.name): cost is not finite") }
            if v.lower.isNaN || v.upper.isNaN || v.lower > v.upper || v.lower == .infinity || v.upper == -.infinity {
                issues.append("\(v.name): bounds [\(v.lower), \(v.upper)] are not in order")
            }
        }
        for r in rows {
            if let lo = r.lower, let up = r.upper, !(lo <= up) {
                issues.append("\(r.name): bounds [\(lo), \(up)] are not in order")
            }
            if let lo = r.lower, !lo.isFinite { issues.append("\(r.name): lower bound is not finite") }
            if let up = r.upper, !up.isFinite { issues.append("\(r.name): upper bound is not finite") }
            for t in r.terms {
                if t.variable < 0 || t.variable >= variables.count {
                    issues.append("\(r.name): unknown variable \(t.variable)")
                } else if !t.coefficient.isFinite {
                    issues.append("\(r.name): coefficient of \(variables[t.variable].name) is not finite")
                }
            }
        }
        return issues
    }
}

/// The step of a sum of two objectives whose steps are `a` and `b`: their greatest common divisor
/// when both are whole numbers, else unknown.
public func commonStep(_ a: Double?, _ b: Double?) -> Double? {
    guard let a, let b, a == a.rounded(), b == b.rounded(), a >= 1, b >= 1, a < 1e15, b < 1e15 else { return nil }
    var (x, y) = (Int64(a), Int64(b))
    while y != 0 { (x, y) = (y, x % y) }
    return Double(x)
}

/// The step of an objective whose costs are `costs`: the greatest common divisor of the non-zero
/// ones when all are whole numbers (below 10^15), else nil. An objective with no cost has step 1.
public func objectiveStep(costs: some Sequence<Double>) -> Double? {
    var step: Double? = nil
    for c in costs where c != 0 {
        guard let s = commonStep(step ?? abs(c), abs(c)) else { return nil }
        step = s
    }
    return step ?? 1
}

/// Why the search stopped.
public enum TerminationStatus: String, Sendable {
    /// Proven optimal (within the solver's integrality tolerances and the requested gap of 0).
    case optimal
    /// The requested relative gap was reached.
    case gapReached
    /// The time limit stopped the search.
    case timeLimit
    /// The caller asked the search to stop.
    case interrupted
    /// The model has no feasible point.
    case infeasible
    /// The objective decreases without limit over the feasible points.
    case unbounded
}

/// Figures about one solve, for `--verbose` and the benchmarks.
public struct SolveStatistics: Sendable, Equatable {
    /// Seconds to the end of the root relaxation (lazy rows included).
    public var rootSeconds = 0.0
    /// Simplex iterations of the root relaxation.
    public var rootIterations = 0
    /// Whether the root relaxation started from the network basis.
    public var warmStarted = false
    /// Lazy rows added to the root relaxation, and as cuts during the search.
    public var lazyRowsAdded = 0
    public var lazyCutsAdded = 0
    /// The bound of the root relaxation.
    public var rootBound = -Double.infinity
    /// Columns left out of the root relaxation at first, and those priced back in.
    public var columnsLeftOut = 0
    public var columnsPricedIn = 0
    /// Branches tried in branch-and-cut to choose where to branch (short dual simplex runs).
    public var branchesTried = 0
    /// Of those, branches found infeasible without the coldest columns and tried again whole.
    public var branchesRetried = 0
    /// Subproblems branch-and-cut created (the root included).
    public var nodes = 0
    public init() {}
}

/// What a backend returns.
public struct SolverResult: Sendable {
    public var termination: TerminationStatus
    /// The best point found, if any.
    public var values: [Double]?
    /// Its objective (including the constant).
    public var objective: Double?
    /// A proven lower bound on the optimum (including the constant).
    public var bound: Double
    public var seconds: Double
    public var statistics = SolveStatistics()

    public init(termination: TerminationStatus, values: [Double]?, objective: Double?, bound: Double, seconds: Double) {
        self.termination = termination
        self.values = values
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
    }
}

/// Options every backend honours.
public struct SolveOptions: Sendable {
    /// Wall-clock limit in seconds for this solve; nil for none.
    public var timeLimit: Double?
    /// Stop once the relative gap is at most this.
    public var relativeGap: Double = 0
    /// Show the solver's own log on stderr.
    public var verbose: Bool = false
    /// Start the relaxation from the model's transportation core (rows with roles `supply` and
    /// `demand`) where the backend can; off only to measure what it buys.
    public var warmStart = true
    /// Leave `lazy` rows out until the relaxation breaks them; off only to measure what it buys.
    public var lazyRows = true
    /// A primal heuristic: given the LP relaxation's values, a feasible point (or nil). The
    /// solver starts from the better of it and the caller's starting point.
    public var heuristic: (@Sendable ([Double]) -> [Double]?)?
    /// Asked now and then during the search (at least every 0.1 s in every phase); true stops it
    /// (status `interrupted`, best point kept).
    public var shouldStop: (@Sendable () -> Bool)?
    /// Told now and then of the best objective found so far (nil: none yet) and the bound.
    public var progress: (@Sendable (_ incumbent: Double?, _ bound: Double) -> Void)?
    public init(timeLimit: Double? = nil, relativeGap: Double = 0, verbose: Bool = false) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.verbose = verbose
    }

    /// Throws `SolverError.invalidOptions` unless the time limit is positive and finite and the
    /// gap in [0, 1).
    public func validate() throws(SolverError) {
        if let t = timeLimit, !(t > 0 && t.isFinite) {
            throw .invalidOptions("the time limit must be a positive number of seconds, not \(t)")
        }
        if !(relativeGap >= 0 && relativeGap < 1) {
            throw .invalidOptions("the relative gap must be at least 0 and below 1, not \(relativeGap)")
        }
    }
}

/// A solver call failed (as opposed to the model having a status such as infeasible).
public enum SolverError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The model breaks `Model.validationIssues` (non-finite numbers, inverted bounds, unknown
    /// columns): it never reaches the solver.
    case invalidModel([String])
    /// The starting point does not have one value per column.
    case invalidStart(values: Int, columns: Int)
    /// A time limit or gap out of range.
    case invalidOptions(String)
    /// The solver library reported a fatal error (its message).
    case fault(String)
    /// A solver routine returned a code the backend does not expect.
    case unexpected(routine: String, code: Int)
    /// The model could not be written to a file.
    case cannotWrite(path: String)

    public var description: String {
        switch self {
        case .invalidModel(let issues): return "the model is not fit for the solver: " + issues.prefix(5).joined(separator: "; ")
        case .invalidStart(let values, let columns): return "the starting point has \(values) values for \(columns) columns"
        case .invalidOptions(let why): return why
        case .fault(let message): return "the solver failed: \(message)"
        case .unexpected(let routine, let code): return "the solver's \(routine) failed (code \(code))"
        case .cannotWrite(let path): return "could not write the model to \(path)"
        }
    }
}

/// A mixed-integer solver backend. A backend checks the model (`validationIssues`), the start
/// and the options before use and throws `SolverError`; the model's status (optimal,
/// infeasible, stopped) is a `TerminationStatus`, never an error. Every backend passes the
/// conformance suite (Tests/LinearModelTests/Conformance.swift).
public protocol MILPSolver: Sendable {
    /// Solves `model`; `start`, when given, is a feasible point the search may start from.
    func solve(_ model: Model, options: SolveOptions, start: [Double]?) throws(SolverError) -> SolverResult
}

