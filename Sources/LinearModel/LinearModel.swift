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

/// A row `lower <= sum(coefficient * variable) <= upper`; a missing bound is infinite.
public struct Row: Sendable, Equatable {
    public var name: String
    public var terms: [(variable: Int, coefficient: Double)]
    public var lower: Double?
    public var upper: Double?

    public static func == (a: Row, b: Row) -> Bool {
        a.name == b.name && a.lower == b.lower && a.upper == b.upper
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

    public init(name: String) { self.name = name }

    /// Adds a column and returns its index.
    @discardableResult
    public mutating func addVariable(_ name: String, lower: Double = 0, upper: Double,
                                     integer: Bool = true, cost: Double = 0) -> Int {
        variables.append(Variable(name: name, lower: lower, upper: upper, isInteger: integer, cost: cost))
        return variables.count - 1
    }

    /// Adds a row; terms on the same variable are merged.
    public mutating func addRow(_ name: String, _ terms: [(Int, Double)], lower: Double? = nil, upper: Double? = nil) {
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
        rows.append(Row(name: name, terms: cleaned, lower: lower, upper: upper))
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
        variables.append(contentsOf: other.variables)
        for r in other.rows {
            rows.append(Row(name: r.name, terms: r.terms.map { ($0.variable + offset, $0.coefficient) }, lower: r.lower, upper: r.upper))
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
        for r in rows {
            var activity = 0.0
            for t in r.terms { activity += t.coefficient * values[t.variable] }
            if let lo = r.lower, activity < lo - tolerance { out.append(r.name) }
            if let up = r.upper, activity > up + tolerance { out.append(r.name) }
        }
        return out
    }

    /// Problems that would make a solver fail or misbehave: non-finite numbers, inverted bounds,
    /// unknown variable indices. Empty when the model is fit to hand to a solver.
    public func validationIssues() -> [String] {
        var issues: [String] = []
        if !objectiveConstant.isFinite { issues.append("objective constant is not finite") }
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
    /// A primal heuristic: given the LP relaxation's values, a feasible point (or nil). The
    /// solver starts from the better of it and the caller's starting point.
    public var heuristic: (@Sendable ([Double]) -> [Double]?)?
    /// Asked now and then during the search; true stops it (status `interrupted`, best point kept).
    public var shouldStop: (@Sendable () -> Bool)?
    /// Told now and then of the best objective found so far (nil: none yet) and the bound.
    public var progress: (@Sendable (_ incumbent: Double?, _ bound: Double) -> Void)?
    public init(timeLimit: Double? = nil, relativeGap: Double = 0, verbose: Bool = false) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.verbose = verbose
    }
}

/// A solver call failed (as opposed to the model having a status such as infeasible).
public struct SolverError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A mixed-integer solver backend.
public protocol MILPSolver: Sendable {
    /// Solves `model`; `start`, when given, is a feasible point the search may start from.
    func solve(_ model: Model, options: SolveOptions, start: [Double]?) throws -> SolverResult
}

/// Wall-clock seconds since `start` (solve times, time limits).
public func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
