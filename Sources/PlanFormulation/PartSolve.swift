// PartSolve: the parts solved on several threads (each GLPK problem lives and dies on the thread
// that solves it), their progress summed for the caller, and each part's answer mapped back to
// named learners.
import Foundation
import LinearModel
import PlanDomain

extension Planner {
    /// Solves the parts, largest first, on up to `options.threads` threads.
    static func solveParts(_ models: [PartModel], options: PlannerOptions, constant: Double,
                           clock: ContinuousClock.Instant) -> [Result<SolverResult, any Error>] {
        let order = models.indices.sorted { models[$0].model.variables.count > models[$1].model.variables.count }
        let results = ResultBox(count: models.count)
        let board = ProgressBoard(parts: models.count, constant: constant, report: options.progress, clock: clock)
        DispatchQueue.concurrentPerform(iterations: min(options.threads, max(1, models.count))) { _ in
            while let k = results.next() {
                let p = order[k]
                let outcome = Result { try solvePart(models[p], index: p, options: options, board: board, clock: clock) }
                board.finish(p)
                results.store(outcome, at: p)
            }
        }
        return results.results.map { $0! }
    }

    /// One part: from its greedy plan, the solver's answer with whole counts.
    private static func solvePart(_ pm: PartModel, index p: Int, options: PlannerOptions, board: ProgressBoard,
                                  clock: ContinuousClock.Instant) throws -> SolverResult {
        let start = pm.greedyStart()
        board.update(p, incumbent: start.map { pm.model.objective(of: $0) }, bound: pm.trivialBound)
        let interrupted = options.shouldStop?() == true
        if interrupted || options.timeLimit.map({ seconds(since: clock) >= $0 }) == true {
            // Stopped before this part's search: its greedy plan, with the trivial bound.
            let why: TerminationStatus = interrupted ? .interrupted : .timeLimit
            return SolverResult(termination: why, values: start, objective: start.map { pm.model.objective(of: $0) },
                                bound: pm.trivialBound, seconds: 0)
        }
        var solveOptions = SolveOptions(relativeGap: options.relativeGap, verbose: options.verbose)
        solveOptions.heuristic = { pm.greedyStart(guide: $0) }
        solveOptions.shouldStop = options.shouldStop
        solveOptions.progress = { incumbent, bound in board.update(p, incumbent: incumbent, bound: bound) }
        solveOptions.warmStart = options.warmStart
        solveOptions.lazyRows = options.lazyRows
        if let limit = options.timeLimit { solveOptions.timeLimit = max(0.001, limit - seconds(since: clock)) }
        var result = try options.solver.solve(pm.model, options: solveOptions, start: start)
        if result.values == nil, result.termination != .infeasible, let start {
            // Stopped before any point of the solver's own: the greedy plan.
            result.values = start
            result.objective = pm.model.objective(of: start)
        }
        result = try pm.integralCounts(result, solver: options.solver, options: solveOptions)
        board.update(p, incumbent: result.objective, bound: max(result.bound, pm.trivialBound))
        return result
    }
}

extension PartModel {
    /// Gives each group's counted seats to its members, in id order.
    func assign(_ values: [Double], to assignments: inout [Option?]) throws {
        for (g, k, c) in x {
            let n = Int(values[c].rounded())
            guard n > 0 else { continue }
            let group = groups[g]
            var given = 0
            for l in group.learners where assignments[l] == nil && given < n {
                assignments[l] = group.options[k]
                given += 1
            }
            guard given == n else {
                throw PlannerError.internalError(.seatsNotGiven(group: instance.learners[group.learners[0]].id, seats: n, members: given))
            }
        }
    }
}

/// The best objective and bound of every part, summed for progress reports.
private final class ProgressBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var incumbents: [Double?]
    private var bounds: [Double]
    private var solved = 0
    private let constant: Double
    private let report: (@Sendable (PlannerProgress) -> Void)?
    private let clock: ContinuousClock.Instant

    init(parts: Int, constant: Double, report: (@Sendable (PlannerProgress) -> Void)?, clock: ContinuousClock.Instant) {
        incumbents = Array(repeating: nil, count: parts)
        bounds = Array(repeating: -.infinity, count: parts)
        self.constant = constant
        self.report = report
        self.clock = clock
    }

    func update(_ part: Int, incumbent: Double?, bound: Double) {
        guard report != nil else { return }
        lock.lock()
        if let incumbent { incumbents[part] = min(incumbents[part] ?? .infinity, incumbent) }
        bounds[part] = max(bounds[part], bound)
        let snapshot = progress()
        lock.unlock()
        report?(snapshot)
    }

    func finish(_ part: Int) {
        guard report != nil else { return }
        lock.lock()
        solved += 1
        let snapshot = progress()
        lock.unlock()
        report?(snapshot)
    }

    private func progress() -> PlannerProgress {
        let objective = incumbents.contains { $0 == nil } ? nil : incumbents.reduce(constant) { $0 + $1! }
        let bound = bounds.reduce(constant) { $0 + $1 }
        return PlannerProgress(seconds: seconds(since: clock), objective: objective, bound: bound, partsSolved: solved,
                               parts: incumbents.count)
    }
}

/// Hands out part indices to solver threads and collects their results.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private(set) var results: [Result<SolverResult, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < results.count else { return nil }
        cursor += 1
        return cursor - 1
    }

    func store(_ result: Result<SolverResult, any Error>, at index: Int) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }
}
