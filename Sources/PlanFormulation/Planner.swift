// Planner: the public API. Instance in, plan out: group interchangeable learners, split into
// independent parts, build each part's integer program, start it from a greedy plan, solve it,
// map the counts back to named learners, explain the unassigned, and check the plan.
import Foundation
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
    /// The backend (the command line gives GLPK's).
    public var solver: any MILPSolver
    /// Which model to build.
    public var formulation: Formulation
    /// How many parts to solve at once (each on its own thread).
    public var threads: Int
    /// Count columns continuous where the rest of the model keeps them integral (see PartModel);
    /// off only to measure what it buys.
    public var continuousCounts = true
    /// Start the relaxation from the network basis (see GLPKSolver's NetworkBasis); off only to
    /// measure what it buys.
    public var warmStart = true
    /// Add linking rows only where the relaxation breaks them; off only to measure what it buys.
    public var lazyRows = true
    /// Asked now and then; true stops the search and keeps the best plan found (`interrupted`).
    public var shouldStop: (@Sendable () -> Bool)?
    /// Told now and then how the search goes.
    public var progress: (@Sendable (PlannerProgress) -> Void)?
    /// The language of the reasons given to unassigned learners.
    public var language = Language.en

    public init(solver: any MILPSolver, timeLimit: Double? = nil, relativeGap: Double = 0, verbose: Bool = false,
                formulation: Formulation = .aggregated,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.verbose = verbose
        self.solver = solver
        self.formulation = formulation
        self.threads = max(1, threads)
    }
}

extension PlannerOptions {
    /// Throws `PlannerError.invalidOption` for a time limit that is not a positive number of
    /// seconds, a gap outside [0, 1) or fewer than one thread.
    public func validate() throws(PlannerError) {
        if let t = timeLimit, !(t > 0 && t.isFinite) {
            throw .invalidOption(.timeLimit(t))
        }
        if !(relativeGap >= 0 && relativeGap < 1) {
            throw .invalidOption(.gap(relativeGap))
        }
        if threads < 1 { throw .invalidOption(.threads(threads)) }
    }
}

/// The integer program `plan` builds.
public enum Formulation: String, CaseIterable, Sendable {
    /// Interchangeable learners merged into integer counts, independent parts solved apart.
    case aggregated
    /// One binary per (learner, session, mode), one model: the straightforward reference.
    case perLearner = "per-learner"
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
    /// The solver's figures, summed over the parts (seconds: the longest part's; the root bound
    /// includes the learners without options, and is -infinity unless every part has one).
    public var solver = SolveStatistics()

    init(groups: Int, models: [PartModel]) {
        self.groups = groups
        parts = models.count
        for pm in models {
            columns += pm.model.variables.count
            rows += pm.model.rows.count
            nonzeros += pm.model.rows.reduce(0) { $0 + $1.terms.count }
        }
    }

    mutating func add(_ s: SolveStatistics) {
        solver.rootSeconds = max(solver.rootSeconds, s.rootSeconds)
        solver.rootIterations += s.rootIterations
        solver.warmStarted = solver.warmStarted || s.warmStarted
        solver.lazyRowsAdded += s.lazyRowsAdded
        solver.lazyCutsAdded += s.lazyCutsAdded
        solver.columnsLeftOut += s.columnsLeftOut
        solver.columnsPricedIn += s.columnsPricedIn
        solver.branchesTried += s.branchesTried
        solver.branchesRetried += s.branchesRetried
        solver.nodes += s.nodes
        // The root bound of the whole instance: known once every part has one.
        solver.rootBound = solver.rootBound + s.rootBound
    }
}

public enum Planner {
    /// Solves an instance to a plan (proven optimal unless a time limit or gap stops the search).
    public static func solve(_ instance: Instance, options: PlannerOptions) throws -> Plan {
        try solveWithStatistics(instance, options: options).plan
    }

    /// Solves and reports the model's size.
    public static func solveWithStatistics(_ instance: Instance, options: PlannerOptions) throws
        -> (plan: Plan, statistics: ModelStatistics)
    {
        let clock = ContinuousClock.now
        try options.validate()
        try checkPins(instance)
        let (groups, withoutOptions, parts) = structure(instance, options.formulation)
        let models = parts.enumerated().map { p, part in
            PartModel(instance: instance, groups: groups, part: part, name: "part\(p + 1)",
                      continuousCounts: options.continuousCounts && options.formulation == .aggregated)
        }
        var stats = ModelStatistics(groups: groups.count, models: models)
        let constant = unassignedCost(instance, withoutOptions)
        stats.solver.rootBound = constant
        stats.buildSeconds = seconds(since: clock)
        let results = solveParts(models, options: options, constant: constant, clock: clock)
        var outcome = try combine(results, models: models, constant: constant, instance: instance, solver: options.solver)
        for s in outcome.statistics { stats.add(s) }
        let objective = try verify(outcome, instance: instance)
        if outcome.status == .optimal { outcome.bound = objective }
        let reasons = explain(instance, groups: groups, withoutOptions: withoutOptions, assignments: outcome.assignments,
                              language: options.language)
        let plan = Plan(assignments: outcome.assignments, reasons: reasons, status: outcome.status, objective: objective,
                        bound: min(outcome.bound, objective), solveSeconds: seconds(since: clock))
        return (plan, stats)
    }

    /// The parts' answers put together: every learner's option, the model's objective and bound,
    /// the status, and the solver's figures.
    private struct Outcome {
        var assignments: [Option?]
        var modelObjective: Double
        var bound: Double
        var status: PlanStatus
        var statistics: [SolveStatistics] = []
    }

    /// Maps each part's answer back to named learners; throws when a part failed, is infeasible
    /// (with the pins and rule found by `diagnoseInfeasibility`) or stopped without a plan.
    private static func combine(_ results: [Result<SolverResult, any Error>], models: [PartModel], constant: Double,
                                instance: Instance, solver: any MILPSolver) throws -> Outcome {
        var outcome = Outcome(assignments: [Option?](repeating: nil, count: instance.learners.count), modelObjective: constant,
                              bound: constant, status: .optimal)
        var statuses: [TerminationStatus] = []
        for (p, pm) in models.enumerated() {
            let result: SolverResult
            do {
                result = try results[p].get()
            } catch let error as SolverError {
                throw PlannerError.solver(error)
            }
            if result.termination == .infeasible { throw pm.diagnoseInfeasibility(solver: solver) }
            guard let values = result.values, let objective = result.objective else {
                throw PlannerError.noPlan(stoppedBy: result.termination)
            }
            statuses.append(result.termination)
            outcome.statistics.append(result.statistics)
            outcome.bound += max(result.bound, pm.trivialBound)
            outcome.modelObjective += objective
            try pm.assign(values, to: &outcome.assignments)
        }
        if statuses.contains(.interrupted) {
            outcome.status = .interrupted
        } else if !statuses.allSatisfy({ $0 == .optimal }) {
            outcome.status = .feasible
        }
        return outcome
    }

    /// The plan's objective (SPEC §4, §6), after checking that the plan keeps every rule and that
    /// the objective is the model's: anything else is a bug, reported as such.
    private static func verify(_ outcome: Outcome, instance: Instance) throws -> Double {
        let violations = instance.violations(of: outcome.assignments)
        guard violations.isEmpty else { throw PlannerError.internalError(.planBreaksRules(violations)) }
        let objective = instance.objective(of: outcome.assignments)
        guard abs(objective - outcome.modelObjective) <= 1e-6 * max(1, abs(objective)) else {
            throw PlannerError.internalError(.objectiveMismatch(plan: objective, model: outcome.modelObjective))
        }
        return objective
    }

    /// The whole model of an instance, its parts appended into one block-diagonal model (for
    /// writing it out and handing it to another solver).
    public static func model(_ instance: Instance, formulation: Formulation = .aggregated) -> Model {
        let (groups, withoutOptions, parts) = structure(instance, formulation)
        var model = Model(name: "plan")
        model.objectiveConstant = unassignedCost(instance, withoutOptions)
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

    /// The objective's part for learners who have no option at all.
    private static func unassignedCost(_ instance: Instance, _ learners: [Int]) -> Double {
        learners.reduce(0.0) { $0 + instance.outcomeCost(learner: $1, option: nil) }
    }

    /// Why each unassigned learner of `assignments` has no seat (nil for the assigned), for a plan
    /// made elsewhere (a hand-edited assignments file).
    public static func reasons(_ instance: Instance, assignments: [Option?], language: Language = .en) -> [String?] {
        let (groups, withoutOptions) = makeGroups(instance)
        return explain(instance, groups: groups, withoutOptions: withoutOptions, assignments: assignments, language: language)
    }

    /// Which limits keep the unassigned learners who had eligible options from a seat: for each
    /// cause, how many of them it stops on at least one of their options.
    public static func bindingLimits(_ instance: Instance, assignments: [Option?]) -> Competition {
        let (groups, _) = makeGroups(instance)
        let load = Occupancy(instance, assignments)
        var tally = Competition()
        for group in groups {
            for l in group.learners where assignments[l] == nil {
                let c = instance.competition(l, options: group.options, load: load)
                tally.full += c.full > 0 ? 1 : 0
                tally.absent += c.absent > 0 ? 1 : 0
                tally.concurrency += c.concurrency > 0 ? 1 : 0
                tally.notRunning += c.notRunning > 0 ? 1 : 0
                tally.costly += c.costly > 0 ? 1 : 0
            }
        }
        return tally
    }

    /// Reasons for every unassigned learner.
    private static func explain(_ instance: Instance, groups: [Group], withoutOptions: [Int], assignments: [Option?],
                                language: Language) -> [String?] {
        var reasons = [String?](repeating: nil, count: instance.learners.count)
        for l in withoutOptions { reasons[l] = instance.reasonWithoutOptions(l, language: language) }
        let load = Occupancy(instance, assignments)
        for group in groups {
            for l in group.learners where assignments[l] == nil {
                reasons[l] = instance.reasonWithOptions(l, options: group.options, load: load, language: language)
            }
        }
        return reasons
    }
}
