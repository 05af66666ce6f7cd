// EnumerationSolver: a mock backend for the conformance suite. It tries every whole-number point
// within the bounds, so it is exact on integer programs and on linear programs whose vertices are
// whole (network matrices with whole bounds: the models the suite gives it), and says so nowhere
// else. An infinite bound counts as unbounded when the cost pushes a column towards it and no row
// holds the column; otherwise it is cut at +-20.
import LinearModel

struct EnumerationSolver: MILPSolver {
    func solve(_ model: Model, options: SolveOptions, start: [Double]?) throws(SolverError) -> SolverResult {
        let issues = model.validationIssues()
        guard issues.isEmpty else { throw .invalidModel(issues) }
        if let start, start.count != model.variables.count {
            throw .invalidStart(values: start.count, columns: model.variables.count)
        }
        try options.validate()
        let inRows = Set(model.rows.flatMap { $0.terms.map(\.variable) })
        for (j, v) in model.variables.enumerated() where !inRows.contains(j) {
            if (v.cost < 0 && v.upper == .infinity) || (v.cost > 0 && v.lower == -.infinity) {
                return SolverResult(termination: .unbounded, values: nil, objective: nil, bound: -.infinity, seconds: 0)
            }
        }
        if options.shouldStop?() == true {
            return SolverResult(termination: .interrupted, values: start, objective: start.map { model.objective(of: $0) },
                                bound: -.infinity, seconds: 0)
        }
        let ranges = model.variables.map { v in
            Int(max(v.lower, -20).rounded(.up))...Int(min(v.upper, 20).rounded(.down))
        }
        var best: [Double]? = nil
        var point = ranges.map(\.lowerBound)
        guard ranges.allSatisfy({ !$0.isEmpty }) else {
            return SolverResult(termination: .infeasible, values: nil, objective: nil, bound: .infinity, seconds: 0)
        }
        while true {
            let values = point.map(Double.init)
            if model.violations(of: values).isEmpty,
               best.map({ model.objective(of: values) < model.objective(of: $0) }) ?? true {
                best = values
            }
            // Next point, like an odometer.
            var j = 0
            while j < point.count && point[j] == ranges[j].upperBound {
                point[j] = ranges[j].lowerBound
                j += 1
            }
            if j == point.count { break }
            point[j] += 1
        }
        guard let best else {
            return SolverResult(termination: .infeasible, values: nil, objective: nil, bound: .infinity, seconds: 0)
        }
        let objective = model.objective(of: best)
        return SolverResult(termination: .optimal, values: best, objective: objective, bound: objective, seconds: 0)
    }
}
