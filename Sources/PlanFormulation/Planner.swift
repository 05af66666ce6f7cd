// Planner: the public API. Instance in, plan out: group interchangeable learners, split into
// independent parts, build each part's integer program, start it from a greedy plan, solve it,
// map the counts back to named learners, explain the unassigned, and check the plan.
import Foundation
import GLPKSolver
import LinearModel
import PlanDomain

/// How to solve.
public struct PlannerOptions: Sendable {
    /// Wall-clock limit in seconds for the whole search; nil for none.
    public var timeLimit: Double?
    /// Stop once the relative gap is at most this (0: prove optimality).
    public var relativeGap: Double
    /// Show the solver's log on stderr.
    public var verbose: Bool
    /// The backend.
    public var solver: any MILPSolver
    /// Which model to build.
    public var formulation: Formulation
    /// How many parts to solve at once (each on its own thread).
    public var threads: Int
    /// Count columns continuous where the rest of the model keeps them integral (see PartModel);
    /// off only to measure what it buys.
    public var continuousCounts = true
    /// Asked now and then; true stops the search and keeps the best plan found (`interrupted`).
    public var shouldStop: (@Sendable () -> Bool)?
    /// Told now and then how the search goes.
    public var progress: (@Sendable (PlannerProgress) -> Void)?

    public init(timeLimit: Double? = nil, relativeGap: Double = 0, verbose: Bool = false,
                solver: any MILPSolver = GLPKSolver(), formulation: Formulation = .aggregated,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.verbose = verbose
        self.solver = solver
        self.formulation = formulation
        self.threads = max(1, threads)
    }
}

/// The integer program `plan` builds.
public enum Formulation: String, CaseIterable, Sendable {
    /// Interchangeable learners merged into integer counts, independent parts solved apart.
    case aggregated
    /// One binary per (learner, session, mode), one model: the straightforward reference.
    case perLearner = "per-learner"
}

/// Why no plan could be made.
public enum PlannerError: Error, CustomStringConvertible {
    /// Pinned assignments break a hard rule together (SPEC §2.4): the rule and the learners.
    case infeasible(rule: String, learners: [String])
    /// The search stopped before any plan was found.
    case noPlan(String)
    /// A bug: the plan breaks a rule or the objective does not match the model's.
    case internalError(String)

    public var description: String {
        switch self {
        case .infeasible(let rule, let learners):
            return "infeasible: \(rule); pinned learners involved: \(learners.joined(separator: ", "))"
        case .noPlan(let why): return "no plan: \(why)"
        case .internalError(let why): return "internal error: \(why)"
        }
    }
}

/// How the search goes: the best total objective known, the bound, and the parts solved.
public struct PlannerProgress: Sendable {
    public var seconds: Double
    /// nil until every part has a plan.
    public var objective: Double?
    public var bound: Double
    public var partsSolved: Int
    public var parts: Int
}

/// Figures about the model, for benchmarks and the command line.
public struct ModelStatistics: Sendable {
    public var groups = 0
    public var parts = 0
    public var columns = 0
    public var rows = 0
    public var nonzeros = 0
    /// Seconds spent grouping, splitting and building the models.
    public var buildSeconds = 0.0
}

public enum Planner {
    /// Solves an instance to a plan (proven optimal unless a time limit or gap stops the search).
    public static func solve(_ instance: Instance, options: PlannerOptions = PlannerOptions()) throws -> Plan {
        try solveWithStatistics(instance, options: options).plan
    }

    /// Solves and reports the model's size.
    public static func solveWithStatistics(_ instance: Instance, options: PlannerOptions = PlannerOptions()) throws
        -> (plan: Plan, statistics: ModelStatistics)
    {
        let clock = ContinuousClock.now
        try checkPins(instance)
        let (groups, withoutOptions, parts) = structure(instance, options.formulation)
        var stats = ModelStatistics()
        stats.groups = groups.count
        stats.parts = parts.count
        let models = parts.enumerated().map { p, part in
            PartModel(instance: instance, groups: groups, part: part, name: "part\(p + 1)",
                      continuousCounts: options.continuousCounts && options.formulation == .aggregated)
        }
        for pm in models {
            stats.columns += pm.model.variables.count
            stats.rows += pm.model.rows.count
            stats.nonzeros += pm.model.rows.reduce(0) { $0 + $1.terms.count }
        }

        stats.buildSeconds = seconds(since: clock)

        // Solve the parts, largest first, on up to `threads` threads; each GLPK problem lives and
        // dies on the thread that solves it.
        let order = models.indices.sorted { models[$0].model.variables.count > models[$1].model.variables.count }
        let results = ResultBox(count: models.count)
        let solver = options.solver
        let constant = instance.weights.unassigned * Double(withoutOptions.count)
        let board = ProgressBoard(parts: models.count, constant: constant, report: options.progress, clock: clock)
        DispatchQueue.concurrentPerform(iterations: min(options.threads, max(1, models.count))) { _ in
            while let k = results.next() {
                let p = order[k]
                let pm = models[p]
                let start = pm.greedyStart()
                board.update(p, incumbent: start.map { pm.model.objective(of: $0) }, bound: pm.trivialBound)
                if options.shouldStop?() == true {
                    // Stopped before this part's search: its greedy plan, with the trivial bound.
                    results.store(Result { SolverResult(termination: .interrupted, values: start,
                                                        objective: start.map { pm.model.objective(of: $0) },
                                                        bound: pm.trivialBound, seconds: 0) }, at: p)
                    board.finish(p)
                    continue
                }
                var solveOptions = SolveOptions(relativeGap: options.relativeGap, verbose: options.verbose)
                solveOptions.heuristic = { pm.greedyStart(guide: $0) }
                solveOptions.shouldStop = options.shouldStop
                solveOptions.progress = { incumbent, bound in board.update(p, incumbent: incumbent, bound: bound) }
                if let limit = options.timeLimit {
                    solveOptions.timeLimit = max(0.001, limit - seconds(since: clock))
                }
                let outcome = Result {
                    let first = try solver.solve(pm.model, options: solveOptions, start: start)
                    if let limit = options.timeLimit {
                        solveOptions.timeLimit = max(0.001, limit - seconds(since: clock))
                    }
                    return try pm.integralCounts(first, solver: solver, options: solveOptions)
                }
                if case .success(let r) = outcome { board.update(p, incumbent: r.objective, bound: max(r.bound, pm.trivialBound)) }
                board.finish(p)
                results.store(outcome, at: p)
            }
        }

        var assignments = [Option?](repeating: nil, count: instance.learners.count)
        var bound = instance.weights.unassigned * Double(withoutOptions.count)
        var modelObjective = bound
        var statuses: [TerminationStatus] = []
        for (p, pm) in models.enumerated() {
            let result = try results.results[p]!.get()
            if result.termination == .infeasible {
                let pinned = pm.part.groups.filter { groups[$0].pinned }.flatMap { groups[$0].learners }
                    .map { instance.learners[$0].id }.sorted(by: precedesByBytes)
                throw PlannerError.infeasible(
                    rule: "the pinned assignments cannot be completed into a plan that keeps every rule "
                        + "(minSize, capacity, maxAbsent, maxConcurrentSessions)",
                    learners: pinned)
            }
            guard let values = result.values, let objective = result.objective else {
                throw PlannerError.noPlan("the search stopped (\(result.termination.rawValue)) before finding a plan")
            }
            statuses.append(result.termination)
            bound += max(result.bound, pm.trivialBound)
            modelObjective += objective
            for (g, k, c) in pm.x {
                let n = Int(values[c].rounded())
                guard n > 0 else { continue }
                let group = groups[g]
                var given = 0
                for l in group.learners where assignments[l] == nil && given < n {
                    assignments[l] = group.options[k]
                    given += 1
                }
                guard given == n else { throw PlannerError.internalError("group of \(instance.learners[group.learners[0]].id) got \(n) seats for \(given) members") }
            }
        }

        let violations = instance.violations(of: assignments)
        guard violations.isEmpty else {
            throw PlannerError.internalError("the plan breaks rules: " + violations.prefix(5).joined(separator: "; "))
        }
        let objective = instance.objective(of: assignments)
        guard abs(objective - modelObjective) <= 1e-6 * max(1, abs(objective)) else {
            throw PlannerError.internalError("the plan's objective \(objective) differs from the model's \(modelObjective)")
        }

        let status: PlanStatus
        if statuses.contains(.interrupted) {
            status = .interrupted
        } else if statuses.allSatisfy({ $0 == .optimal }) {
            status = .optimal
            bound = objective
        } else {
            status = .feasible
        }
        let reasons = explain(instance, groups: groups, withoutOptions: withoutOptions, assignments: assignments)
        let plan = Plan(assignments: assignments, reasons: reasons, status: status, objective: objective,
                        bound: min(bound, objective), solveSeconds: seconds(since: clock))
        return (plan, stats)
    }

    /// The whole model of an instance, its parts appended into one block-diagonal model (for
    /// writing it out and handing it to another solver).
    public static func model(_ instance: Instance, formulation: Formulation = .aggregated) -> Model {
        let (groups, withoutOptions, parts) = structure(instance, formulation)
        var model = Model(name: "plan")
        model.objectiveConstant = instance.weights.unassigned * Double(withoutOptions.count)
        for (p, part) in parts.enumerated() {
            model.append(PartModel(instance: instance, groups: groups, part: part, name: "part\(p + 1)",
                                   continuousCounts: formulation == .aggregated).model)
        }
        return model
    }

    /// Groups, learners without options, and parts for a formulation.
    private static func structure(_ instance: Instance, _ formulation: Formulation) -> ([Group], [Int], [Part]) {
        switch formulation {
        case .aggregated:
            let (groups, none) = makeGroups(instance)
            return (groups, none, decompose(instance, groups))
        case .perLearner:
            let (groups, none) = makeGroups(instance, aggregate: false)
            let used = Set(groups.flatMap { $0.options.map(\.session) })
            let part = Part(groups: Array(groups.indices), sessions: instance.sessionsByID.filter(used.contains))
            return (groups, none, groups.isEmpty ? [] : [part])
        }
    }

    /// Reasons for every unassigned learner.
    private static func explain(_ instance: Instance, groups: [Group], withoutOptions: [Int], assignments: [Option?]) -> [String?] {
        var reasons = [String?](repeating: nil, count: instance.learners.count)
        for l in withoutOptions { reasons[l] = instance.reasonWithoutOptions(l) }
        let load = PlanLoad(instance, assignments)
        for group in groups {
            for l in group.learners where assignments[l] == nil {
                reasons[l] = instance.reasonWithOptions(l, options: group.options, load: load)
            }
        }
        return reasons
    }

    /// Pinned assignments that together break a hard rule make the instance infeasible (SPEC §2.4).
    static func checkPins(_ instance: Instance) throws {
        var bySeat: [Option: [Int]] = [:]
        for (l, learner) in instance.learners.enumerated() {
            if let pin = learner.assigned { bySeat[Option(session: pin.session, mode: pin.mode), default: []].append(l) }
        }
        func ids(_ ls: [Int]) -> [String] { ls.map { instance.learners[$0].id }.sorted(by: precedesByBytes) }
        for (o, ls) in bySeat.sorted(by: { precedesByBytes(instance.sessions[$0.key.session].id, instance.sessions[$1.key.session].id) || ($0.key.session == $1.key.session && $0.key.mode < $1.key.mode) }) {
            let cap = instance.sessions[o.session].capacity(o.mode)
            if ls.count > cap {
                throw PlannerError.infeasible(rule: "capacity: session \(instance.sessions[o.session].id) has \(ls.count) pinned \(o.mode.csvName) learners for \(cap) seats", learners: ids(ls))
            }
        }
        // maxAbsent among pinned learners.
        var absent: [Int: [Day: [Int]]] = [:]
        for (o, ls) in bySeat {
            for l in ls where instance.structures[instance.learners[l].structure].maxAbsent != nil {
                for d in instance.sessions[o.session].days { absent[instance.learners[l].structure, default: [:]][d, default: []].append(l) }
            }
        }
        for (h, days) in absent.sorted(by: { precedesByBytes(instance.structures[$0.key].id, instance.structures[$1.key].id) }) {
            let limit = instance.structures[h].maxAbsent!
            if let (d, ls) = days.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > limit }) {
                throw PlannerError.infeasible(rule: "maxAbsent: structure \(instance.structures[h].id) would have \(ls.count) pinned learners in training on \(d), above its limit of \(limit)", learners: ids(ls))
            }
        }
        // Concurrency among sessions that pins make run.
        let pinnedSessions = Set(bySeat.keys.map(\.session))
        for (o, org) in instance.organisations.enumerated() {
            guard let limit = org.maxConcurrentSessions else { continue }
            var onDay: [Day: [Int]] = [:]
            for s in pinnedSessions where instance.sessions[s].organisation == o {
                for d in instance.sessions[s].days { onDay[d, default: []].append(s) }
            }
            if let (d, ss) = onDay.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > limit }) {
                let ls = bySeat.filter { ss.contains($0.key.session) }.flatMap(\.value)
                throw PlannerError.infeasible(rule: "maxConcurrentSessions: organisation \(org.id) would run \(ss.count) sessions with pinned learners on \(d), above its limit of \(limit)", learners: ids(ls))
            }
        }
        // minSize: pinned learners plus every learner who could join must reach it.
        for s in pinnedSessions.sorted(by: { precedesByBytes(instance.sessions[$0].id, instance.sessions[$1].id) }) {
            let session = instance.sessions[s]
            let need = max(session.minSize, 1)
            let pinned = Mode.allCases.flatMap { bySeat[Option(session: s, mode: $0)] ?? [] }
            guard pinned.count < need else { continue }
            // An upper bound on who can join: each mode's seats, and the distinct eligible learners.
            var possible = [Int](repeating: 0, count: 2)
            var distinct = 0
            for (l, learner) in instance.learners.enumerated() where learner.assigned == nil {
                var any = false
                for (i, m) in Mode.allCases.enumerated() where instance.ineligibility(learner: l, session: s, mode: m) == nil {
                    possible[i] += 1
                    any = true
                }
                if any { distinct += 1 }
            }
            var reachable = 0
            for (i, m) in Mode.allCases.enumerated() {
                let pinnedHere = bySeat[Option(session: s, mode: m)]?.count ?? 0
                reachable += min(session.capacity(m), pinnedHere + possible[i])
            }
            reachable = min(reachable, pinned.count + distinct)
            if reachable < need {
                throw PlannerError.infeasible(rule: "minSize: session \(session.id) needs \(need) participants and at most \(reachable) can join", learners: ids(pinned))
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
