// GLPKSolver: the GLPK backend of LinearModel. Builds a glp_prob, solves the LP relaxation with
// the simplex method, then runs branch-and-cut with an optional starting point, all on the
// calling thread (a GLPK problem must stay on the thread that created it).
import CGLPK
import Foundation
import GLPKShim
import LinearModel

/// Solves models with GLPK's branch-and-cut.
public struct GLPKSolver: MILPSolver {
    public init() {}

    public func solve(_ model: Model, options: SolveOptions, start: [Double]?) throws -> SolverResult {
        let issues = model.validationIssues()
        guard issues.isEmpty else {
            throw SolverError("the model is not fit for GLPK: " + issues.prefix(5).joined(separator: "; "))
        }
        if let start, start.count != model.variables.count {
            throw SolverError("the starting point has \(start.count) values for \(model.variables.count) variables")
        }
        let clock = ContinuousClock.now
        glpk_shim_capture_output(options.verbose ? 1 : 0)
        let problem = try GLPKProblem(model)
        defer { problem.delete() }

        // LP relaxation first: branch-and-cut without the MIP presolver needs an optimal basis.
        var smcp = glp_smcp()
        glp_init_smcp(&smcp)
        smcp.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        smcp.presolve = GLP_ON
        if let limit = options.timeLimit { smcp.tm_lim = Int32(clamping: Int(max(1, limit * 1000))) }
        var ret: Int32 = 0
        try problem.guarded { glpk_shim_simplex($0, &smcp, &ret) }
        let lpStatus = glp_get_status(problem.pointer!)
        if ret == GLP_ENOPFS || lpStatus == GLP_NOFEAS {
            return SolverResult(termination: .infeasible, values: nil, objective: nil, bound: .infinity,
                                seconds: seconds(since: clock))
        }
        if ret == GLP_ETMLIM {
            return fallback(model, start: start, termination: .timeLimit, bound: -.infinity, clock: clock)
        }
        guard ret == 0, lpStatus == GLP_OPT else {
            throw SolverError("GLPK's simplex failed (code \(ret), status \(lpStatus))")
        }
        let lpBound = glp_get_obj_val(problem.pointer!)
        if !model.variables.contains(where: \.isInteger) {
            // A linear program: the simplex optimum is the answer.
            let values = (0..<model.variables.count).map { glp_get_col_prim(problem.pointer!, Int32($0 + 1)) }
            let objective = model.objective(of: values)
            return SolverResult(termination: .optimal, values: values, objective: objective, bound: objective,
                                seconds: seconds(since: clock))
        }

        // The better of the caller's start and the heuristic's rounding of the LP relaxation.
        var start = start
        if let heuristic = options.heuristic {
            let relaxation = (0..<model.variables.count).map { glp_get_col_prim(problem.pointer!, Int32($0 + 1)) }
            if let point = heuristic(relaxation), point.count == model.variables.count, model.violations(of: point).isEmpty,
               start.map({ model.objective(of: point) < model.objective(of: $0) }) ?? true {
                start = point
            }
        }

        // Branch-and-cut, fed the starting point at its first heuristic call.
        let context = CallbackContext(start: start.map { [0] + $0 }, lpBound: lpBound, options: options)
        options.progress?(start.map { model.objective(of: $0) }, lpBound)
        var iocp = glp_iocp()
        glp_init_iocp(&iocp)
        iocp.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        iocp.presolve = GLP_OFF
        iocp.mip_gap = options.relativeGap
        // Gomory cuts cost more than they save on these models (measured: benchmarks/RESULTS.md).
        iocp.gmi_cuts = GLP_OFF
        iocp.mir_cuts = GLP_ON
        iocp.cov_cuts = GLP_ON
        iocp.clq_cuts = GLP_ON
        // Pseudocost branching: on hard regional instances 17.8 s -> 3.9 s (benchmarks/RESULTS.md).
        iocp.br_tech = GLP_BR_PCH
        if let limit = options.timeLimit {
            let elapsed = seconds(since: clock)
            iocp.tm_lim = Int32(clamping: Int(max(1, (limit - elapsed) * 1000)))
        }
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        iocp.cb_info = unmanaged.toOpaque()
        iocp.cb_func = { tree, info in
            guard let tree, let info else { return }
            let context = Unmanaged<CallbackContext>.fromOpaque(info).takeUnretainedValue()
            context.handle(tree)
        }
        try problem.guarded { glpk_shim_intopt($0, &iocp, &ret) }

        let mipStatus = glp_mip_status(problem.pointer!)
        let termination: TerminationStatus
        switch ret {
        case 0 where mipStatus == GLP_OPT: termination = .optimal
        case 0 where mipStatus == GLP_NOFEAS: termination = .infeasible
        case GLP_ENOPFS, GLP_ENODFS: termination = .infeasible
        case GLP_ETMLIM: termination = .timeLimit
        case GLP_EMIPGAP: termination = .gapReached
        case GLP_ESTOP: termination = .interrupted
        default: throw SolverError("GLPK's branch-and-cut failed (code \(ret), status \(mipStatus))")
        }
        if termination == .infeasible {
            return SolverResult(termination: .infeasible, values: nil, objective: nil, bound: .infinity,
                                seconds: seconds(since: clock))
        }
        guard mipStatus == GLP_OPT || mipStatus == GLP_FEAS else {
            return fallback(model, start: start, termination: termination, bound: context.bound, clock: clock)
        }
        let n = model.variables.count
        var values = [Double](repeating: 0, count: n)
        for j in 0..<n {
            let v = glp_mip_col_val(problem.pointer!, Int32(j + 1))
            values[j] = model.variables[j].isInteger ? v.rounded() : v
        }
        let objective = model.objective(of: values)
        let bound = termination == .optimal ? objective : min(objective, context.bound)
        return SolverResult(termination: termination, values: values, objective: objective, bound: bound,
                            seconds: seconds(since: clock))
    }

    /// The result when GLPK stopped without an integer point of its own: the starting point, if any.
    private func fallback(_ model: Model, start: [Double]?, termination: TerminationStatus, bound: Double,
                          clock: ContinuousClock.Instant) -> SolverResult {
        SolverResult(termination: termination, values: start, objective: start.map { model.objective(of: $0) },
                     bound: bound, seconds: seconds(since: clock))
    }
}


/// State shared with GLPK's branch-and-cut callback.
private final class CallbackContext {
    var start: [Double]?
    var bound: Double
    let options: SolveOptions
    private var lastReport = ContinuousClock.now

    init(start: [Double]?, lpBound: Double, options: SolveOptions) {
        self.start = start
        self.bound = lpBound
        self.options = options
    }

    func handle(_ tree: OpaquePointer) {
        switch glp_ios_reason(tree) {
        case GLP_IHEUR:
            if var point = start {
                start = nil
                _ = glp_ios_heur_sol(tree, &point)
            }
        default:
            break
        }
        let best = glp_ios_best_node(tree)
        if best != 0 {
            bound = max(bound, glp_ios_node_bound(tree, best))
        }
        if options.shouldStop?() == true {
            glp_ios_terminate(tree)
        }
        if let progress = options.progress, ContinuousClock.now - lastReport > .milliseconds(200) {
            lastReport = ContinuousClock.now
            let p = glp_ios_get_prob(tree)
            let incumbent = glp_mip_status(p) == GLP_FEAS || glp_mip_status(p) == GLP_OPT ? glp_mip_obj_val(p) : nil
            progress(incumbent, bound)
        }
    }
}

/// Owns a glp_prob. After a GLPK fault the environment (and so the problem) is gone.
final class GLPKProblem {
    private(set) var pointer: OpaquePointer?

    init(_ model: Model) throws {
        let p = glp_create_prob()!
        pointer = p
        glp_set_obj_dir(p, GLP_MIN)
        glp_set_obj_coef(p, 0, model.objectiveConstant)
        let n = model.variables.count
        let m = model.rows.count
        if n > 0 { glp_add_cols(p, Int32(n)) }
        if m > 0 { glp_add_rows(p, Int32(m)) }
        for (j, v) in model.variables.enumerated() {
            let col = Int32(j + 1)
            glp_set_col_kind(p, col, v.isInteger ? GLP_IV : GLP_CV)
            glp_set_col_bnds(p, col, boundType(v.lower, v.upper), v.lower.isFinite ? v.lower : 0,
                             v.upper.isFinite ? v.upper : 0)
            glp_set_obj_coef(p, col, v.cost)
        }
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for (i, r) in model.rows.enumerated() {
            let row = Int32(i + 1)
            glp_set_row_bnds(p, row, boundType(r.lower ?? -.infinity, r.upper ?? .infinity), r.lower ?? 0, r.upper ?? 0)
            for t in r.terms {
                ia.append(row)
                ja.append(Int32(t.variable + 1))
                ar.append(t.coefficient)
            }
        }
        let ne = Int32(ia.count - 1)
        if ne > 0 {
            try guarded { glpk_shim_load_matrix($0, ne, ia, ja, ar) }
        }
    }

    /// Runs a shim call; a GLPK fault becomes a thrown error and the problem is marked gone.
    func guarded(_ call: (OpaquePointer) -> Int32) throws {
        guard let p = pointer else { throw SolverError("the GLPK problem is gone after an earlier fault") }
        if call(p) != SHIM_OK {
            pointer = nil
            throw SolverError("GLPK failed: " + String(cString: glpk_shim_last_error())
                .trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Writes the problem: free MPS when `path` ends in `.mps`, CPLEX LP otherwise.
    func write(to path: String) throws {
        var ret: Int32 = 0
        try guarded { glpk_shim_write($0, path.hasSuffix(".mps") ? 0 : 1, path, &ret) }
        if ret != 0 { throw SolverError("GLPK could not write \(path)") }
    }

    func delete() {
        if let p = pointer { glp_delete_prob(p) }
        pointer = nil
    }
}

private func boundType(_ lower: Double, _ upper: Double) -> Int32 {
    switch (lower.isFinite, upper.isFinite) {
    case (false, false): return GLP_FR
    case (true, false): return GLP_LO
    case (false, true): return GLP_UP
    case (true, true): return lower == upper ? GLP_FX : GLP_DB
    }
}

extension GLPKSolver {
    /// Writes `model` as GLPK would be given it (free MPS for `.mps`, CPLEX LP otherwise).
    /// The objective constant is written as a column fixed at 1 (`objective_constant`): solvers
    /// read the constant of the objective row's right-hand side with opposite signs.
    public func write(_ model: Model, to path: String) throws {
        var model = model
        if model.objectiveConstant != 0 {
            model.addVariable("objective_constant", lower: 1, upper: 1, integer: false, cost: model.objectiveConstant)
            model.objectiveConstant = 0
        }
        let issues = model.validationIssues()
        guard issues.isEmpty else { throw SolverError("the model is not fit for GLPK: \(issues[0])") }
        glpk_shim_capture_output(0)
        let problem = try GLPKProblem(model)
        defer { problem.delete() }
        let p = problem.pointer!
        glp_set_prob_name(p, glpkName(model.name))
        for (j, v) in model.variables.enumerated() { glp_set_col_name(p, Int32(j + 1), glpkName(v.name)) }
        for (i, r) in model.rows.enumerated() { glp_set_row_name(p, Int32(i + 1), glpkName(r.name)) }
        try problem.write(to: path)
    }
}

/// A name GLPK accepts: at most 255 bytes, no control characters, and (for MPS) no spaces.
private func glpkName(_ name: String) -> String {
    var bytes = Array(name.utf8).map { $0 < 0x20 || $0 == 0x7F || $0 == 0x20 ? UInt8(ascii: "_") : $0 }
    if bytes.count > 255 {
        bytes = Array(bytes[..<255])
        // Do not cut a UTF-8 sequence in two.
        while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
        if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
    }
    return String(decoding: bytes, as: UTF8.self)
}
