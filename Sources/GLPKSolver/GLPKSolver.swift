// GLPKSolver: the GLPK backend of LinearModel. On the calling thread (a GLPK problem stays on the
// thread that made it): build the problem without its lazy rows, solve the relaxation from the
// network basis with the dual simplex (else cold, with the primal simplex) in slices so that a
// stop request or the time limit is honoured within a slice, add the lazy rows it breaks until
// none is broken, then run branch-and-cut from the better of the caller's start and the
// heuristic's rounding, with the exact stopping rule of `SearchTolerances`.
import CGLPK
import Foundation
import GLPKShim
import LinearModel

/// Solves models with GLPK's simplex and branch-and-cut.
public struct GLPKSolver: MILPSolver {
    /// GLPK's memory limit in MiB for each solve (`glp_mem_limit`); nil for none. Past it GLPK
    /// faults, which comes back as `SolverError.fault` (tests use it to inject a fault).
    public var memoryLimit: Int?
    /// Simplex iterations per slice (nil: `Run.sliceIterations`, from the model's size); smaller
    /// only to test that slicing leaves the answer the same.
    public var sliceIterations: Int32?
    /// Tests only: a GLPK fault raised inside the branch-and-cut callback; with the shim's
    /// brancher, a stop asked for once this many branches are tried, and a fault in a trial.
    var faultInCallback = false
    var stopAfterBranchTrials = 0
    var faultInBranchTrial = false
    /// Models with at least this many columns start their root relaxation with the least useful
    /// columns left out and priced back in (ColumnPricing.swift); lower only in tests.
    public var pricingFromColumns = 20_000
    /// How branch-and-cut picks the column to branch on: pseudocosts as GLPK's (with SCIP's product
    /// score), branches tried by the shim on a smaller shadow problem instead of a copy each (branching.h),
    /// candidates in order of the tableau's bound, and trying stopped after `lookahead` in a row
    /// without a better one (0: all are tried, in GLPK's order); nil for GLPK's own
    /// (`GLP_BR_PCH`). Measured in benchmarks/RESULTS.md.
    public var branchLookahead: Int? = 8

    public init(memoryLimit: Int? = nil) {
        self.memoryLimit = memoryLimit
    }

    public func solve(_ model: Model, options: SolveOptions, start: [Double]?) throws(SolverError) -> SolverResult {
        let issues = model.validationIssues()
        guard issues.isEmpty else { throw .invalidModel(issues) }
        if let start, start.count != model.variables.count {
            throw .invalidStart(values: start.count, columns: model.variables.count)
        }
        try options.validate()
        var run = Run(model: model, options: options)
        run.memoryLimit = memoryLimit
        run.faultInCallback = faultInCallback
        run.sliceIterations = sliceIterations ?? Run.sliceIterations(model)
        run.pricingFromColumns = pricingFromColumns
        run.branchLookahead = branchLookahead
        run.branchTestHooks = (stopAfterBranchTrials, faultInBranchTrial)
        return try run.solve(start: start)
    }
}

/// One solve: its problem, clock and statistics.
private struct Run {
    let model: Model
    let options: SolveOptions
    let clock = ContinuousClock.now
    var statistics = SolveStatistics()
    /// Rows given to GLPK, in order (lazy rows join as the relaxation breaks them).
    var kept: [Int]
    var pending: [Int]
    var memoryLimit: Int?
    var faultInCallback = false
    var sliceIterations: Int32 = 10_000
    var pricingFromColumns = 20_000
    var branchLookahead: Int?
    var branchTestHooks = (stopAfterTrials: 0, fault: false)

    init(model: Model, options: SolveOptions) {
        self.model = model
        self.options = options
        let lazy = options.lazyRows && model.variables.contains(where: \.isInteger)
        kept = model.rows.indices.filter { !lazy || model.rows[$0].role != .lazy }
        pending = lazy ? model.rows.indices.filter { model.rows[$0].role == .lazy } : []
    }

    var elapsed: Double { seconds(since: clock) }
    var remaining: Double? { options.timeLimit.map { $0 - elapsed } }

    func result(_ termination: TerminationStatus, values: [Double]?, bound: Double) -> SolverResult {
        var r = SolverResult(termination: termination, values: values, objective: values.map { model.objective(of: $0) },
                             bound: bound, seconds: elapsed)
        r.statistics = statistics
        return r
    }

    mutating func solve(start: [Double]?) throws(SolverError) -> SolverResult {
        let problem = try GLPKProblem(model, keeping: kept, verbose: options.verbose, memoryLimit: memoryLimit)
        let relaxation = try solveRelaxation(problem)
        statistics.rootSeconds = elapsed
        statistics.rootIterations = problem.iterations
        switch relaxation {
        case .infeasible:
            return result(.infeasible, values: nil, bound: .infinity)
        case .unbounded:
            return result(.unbounded, values: nil, bound: -.infinity)
        case .stopped(let termination, let bound):
            return result(termination, values: better(start, than: nil), bound: model.roundedBound(bound))
        case .optimal(let bound):
            statistics.rootBound = bound
            let values = try problem.columnValues(mip: false)
            if !model.variables.contains(where: \.isInteger) {
                return result(.optimal, values: values, bound: model.objective(of: values))
            }
            var start = start
            if let heuristic = options.heuristic, let point = heuristic(values), point.count == model.variables.count,
               model.violations(of: point).isEmpty {
                start = better(start, than: point)
            }
            return try search(problem, start: start, rootBound: bound)
        }
    }

    /// The better (lower objective) of two points.
    func better(_ a: [Double]?, than b: [Double]?) -> [Double]? {
        guard let a else { return b }
        guard let b else { return a }
        return model.objective(of: b) < model.objective(of: a) ? b : a
    }

    // MARK: The relaxation

    enum Relaxation {
        case optimal(bound: Double)
        case infeasible
        case unbounded
        case stopped(TerminationStatus, bound: Double)
    }

    func stopReason() -> TerminationStatus? { options.stopReason(since: clock) }

    /// A relaxation stopped while columns are left out: its bound corrected for them.
    func corrected(_ outcome: Relaxation, _ pricing: ColumnPricing?, _ problem: GLPKProblem) throws(SolverError) -> Relaxation {
        guard case .stopped(let why, let bound) = outcome, let pricing, !pricing.excluded.isEmpty, bound.isFinite else {
            return outcome
        }
        return .stopped(why, bound: bound + pricing.boundCorrection(try pricing.excludedReducedCosts(problem, kept: kept)))
    }

    /// The root relaxation, from the network basis where there is one, with the lazy rows it
    /// breaks added until none is broken.
    mutating func solveRelaxation(_ problem: GLPKProblem) throws(SolverError) -> Relaxation {
        var dual = false
        if options.warmStart, let basis = NetworkBasis(model, kept: kept) {
            dual = try problem.warmStart(rows: basis.rows, columns: basis.columns)
            statistics.warmStarted = dual
        }
        if !dual { try problem.coldStart() }
        var pricing = dual && model.variables.count >= pricingFromColumns ? try ColumnPricing(model, problem, kept: kept) : nil
        statistics.columnsLeftOut = pricing?.excluded.count ?? 0
        var statusIsFresh = true
        var bestBound = -Double.infinity  // the best bound met on the way: a stop keeps it
        while true {
            let outcome = try simplexInSlices(problem, dual: dual, statusIsFresh: statusIsFresh)
            statusIsFresh = true
            if case .infeasible = outcome, var p = pricing {
                // Infeasible without the left-out columns says nothing of the whole relaxation:
                // give every column back and go on (primal simplex finds feasibility or proves
                // there is none).
                try p.restoreAll(problem)
                pricing = nil
                (dual, statusIsFresh) = (false, false)
                continue
            }
            guard case .optimal(let z) = outcome else {
                guard case .stopped(let why, let bound) = try corrected(outcome, pricing, problem) else { return outcome }
                return .stopped(why, bound: max(bound, bestBound))
            }
            // Each optimum on the way bounds the whole relaxation: without the lazy rows still
            // pending it relaxes it, and the columns left out are accounted for.
            let d = try pricing?.excludedReducedCosts(problem, kept: kept) ?? []
            bestBound = max(bestBound, z + (pricing?.boundCorrection(d) ?? 0))
            let values = try problem.columnValues(mip: false)
            let broken = pending.filter { model.rows[$0].isBroken(by: values) }
            if broken.isEmpty, var p = pricing {
                let back = try p.priceIn(d, problem)
                statistics.columnsPricedIn += back
                if back == 0 { try p.restoreAll(problem) }
                pricing = back == 0 ? nil : p
                // Columns given back: primal simplex from the same (primal feasible) basis. All back:
                // one more call confirms the optimum GLPK's branch-and-cut starts from. Either way
                // GLPK's dual status is stale until the next call.
                dual = back == 0
                statusIsFresh = false
                continue
            }
            guard !broken.isEmpty else { return outcome }
            try problem.addRows(model, broken)
            kept += broken
            let added = Set(broken)
            pending.removeAll { added.contains($0) }
            statistics.lazyRowsAdded += broken.count
            // New rows enter with their auxiliaries basic: the basis stays dual feasible.
            dual = problem.isDualFeasible
        }
    }

    /// How many iterations one simplex call may make before the caller is asked whether to stop.
    /// Counted in iterations, not seconds, so that the path of the simplex (each call restarts
    /// its pricing) and so the plan never depend on the machine's speed: the same input gives the
    /// same bytes. Sized for about 0.25 s a slice on this project's machine (1.45 ms an iteration
    /// on national 5,000: 302,000 columns and nonzeros), as each call also pays a set-up
    /// (national root LP: 3.0 s in one call, 4.4 s in 0.5 s slices, 5.6 s in 0.1 s slices).
    static func sliceIterations(_ model: Model) -> Int32 {
        let size = model.rows.reduce(model.variables.count) { $0 + $1.terms.count }
        return Int32(max(20, min(10_000, 50_000_000 / max(1, size))))
    }

    /// Runs the simplex in slices of `sliceIterations`, asking between slices whether to stop; a
    /// time limit also bounds each call, so the limit is honoured within a slice. `statusIsFresh`
    /// false: the problem changed since GLPK last computed its dual status (bounds given back to
    /// columns), so a stop before the first call has no bound.
    func simplexInSlices(_ problem: GLPKProblem, dual: Bool, statusIsFresh: Bool = true) throws(SolverError) -> Relaxation {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parm.meth = dual ? GLP_DUALP : GLP_PRIMAL
        parm.presolve = GLP_OFF
        parm.it_lim = sliceIterations
        var fresh = statusIsFresh
        while true {
            if let why = stopReason() {
                // A dual-feasible basis's objective is a lower bound on the relaxation's optimum.
                let bound = fresh && problem.isDualFeasible ? problem.lpObjective : -.infinity
                return .stopped(why, bound: bound)
            }
            fresh = true
            if let r = remaining { parm.tm_lim = Int32(clamping: Int(max(1, r * 1000))) }
            var ret: Int32 = 0
            try problem.guarded { glpk_shim_simplex($0, &parm, &ret) }
            switch ret {
            case 0:
                switch problem.lpStatus {
                case GLP_OPT: return .optimal(bound: problem.lpObjective)
                case GLP_NOFEAS: return .infeasible
                case GLP_UNBND: return .unbounded
                default: throw .unexpected(routine: "simplex status", code: Int(problem.lpStatus))
                }
            case GLP_ETMLIM, GLP_EITLIM:
                continue
            case GLP_ENOPFS:
                return .infeasible
            default:
                throw .unexpected(routine: "simplex", code: Int(ret))
            }
        }
    }

    // MARK: Branch-and-cut

    mutating func search(_ problem: GLPKProblem, start: [Double]?, rootBound: Double) throws(SolverError) -> SolverResult {
        let tolerances = SearchTolerances(model: model, rootBound: rootBound, start: start, relativeGap: options.relativeGap)
        let lazy = PackedRows(model.rows, pending)
        guard let search = glpk_shim_search_create(Int32(model.variables.count), start, Int32(lazy.count), lazy.lower,
                                                   lazy.upper, lazy.start, lazy.index, lazy.value)
        else { throw .fault("out of memory for the search") }
        defer { glpk_shim_search_free(search) }
        if faultInCallback { glpk_shim_search_fault_in_callback(search) }
        if let lookahead = branchLookahead, glpk_shim_search_branch_on_pseudocosts(search, Int32(clamping: max(0, lookahead))) == 0 {
            throw .fault("out of memory for the search")
        }
        glpk_shim_search_test_branching(search, branchTestHooks.stopAfterTrials, branchTestHooks.fault ? 1 : 0)
        if let why = stopReason() {
            return result(why, values: start, bound: tolerances.rounded(rootBound))
        }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parm.presolve = GLP_OFF
        parm.mip_gap = tolerances.mipGap
        parm.tol_obj = tolerances.tolObj
        // Gomory cuts cost more than they save on these models (measured: benchmarks/RESULTS.md).
        parm.gmi_cuts = GLP_OFF
        parm.mir_cuts = GLP_ON
        parm.cov_cuts = GLP_ON
        parm.clq_cuts = GLP_ON
        // Pseudocost branching: on hard regional instances 17.8 s -> 3.9 s (benchmarks/RESULTS.md).
        // (Driebeck-Tomlin instead: national 5,000 22 s -> 141 s.) With the shim's brancher the
        // callback always branches and GLPK's rule is never reached.
        parm.br_tech = GLP_BR_PCH
        if let r = remaining { parm.tm_lim = Int32(clamping: Int(max(1, r * 1000))) }
        let watch = Watch(search: search, options: options, clock: clock)
        var ret: Int32 = 0
        let outcome = Result { () throws(SolverError) in try problem.guarded { glpk_shim_intopt($0, &parm, search, &ret) } }
        watch.stop()
        try outcome.get()
        let snapshot = SearchSnapshot(search)
        statistics.lazyCutsAdded = snapshot.lazyCuts
        statistics.branchesTried = glpk_shim_search_branches_tried(search)
        statistics.branchesRetried = glpk_shim_search_branch_retries(search)
        statistics.nodes = snapshot.nodes
        return try finish(problem, ret: ret, snapshot: snapshot, start: start, rootBound: rootBound, tolerances: tolerances)
    }

    func finish(_ problem: GLPKProblem, ret: Int32, snapshot: SearchSnapshot, start: [Double]?, rootBound: Double,
                tolerances: SearchTolerances) throws(SolverError) -> SolverResult {
        let status = problem.mipStatus
        let termination: TerminationStatus
        switch ret {
        case 0 where status == GLP_OPT: termination = .optimal
        case 0 where status == GLP_NOFEAS, GLP_ENOPFS, GLP_ENODFS: termination = .infeasible
        case GLP_EMIPGAP: termination = tolerances.gapMeansOptimal ? .optimal : .gapReached
        case GLP_ETMLIM: termination = .timeLimit
        case GLP_ESTOP: termination = stopReason() ?? .interrupted
        default: throw .unexpected(routine: "branch-and-cut", code: Int(ret))
        }
        if termination == .infeasible { return result(.infeasible, values: nil, bound: .infinity) }
        let bound = tolerances.rounded(max(rootBound, snapshot.bound))
        guard status == GLP_OPT || status == GLP_FEAS else {
            // Stopped before GLPK held an integer point of its own: the start, if any.
            return result(termination == .optimal ? .interrupted : termination, values: start, bound: bound)
        }
        var values = try problem.columnValues(mip: true)
        for (j, v) in model.variables.enumerated() where v.isInteger { values[j] = values[j].rounded() }
        let objective = model.objective(of: values)
        return result(termination, values: values, bound: termination == .optimal ? objective : min(objective, bound))
    }
}

extension GLPKProblem {
    /// GLPK's standard basis (every row auxiliary basic) for a cold start without the presolver,
    /// which a solve in slices needs (the presolver keeps no basis when stopped).
    func coldStart() throws(SolverError) {
        guard let p = pointer else { throw .fault("the GLPK problem is gone after an earlier fault") }
        glp_std_basis(p)
    }
}
