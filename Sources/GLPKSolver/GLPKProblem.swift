// GLPKProblem: owns one glp_prob for the duration of a solve or a write. Every GLPK call that can
// fail goes through the C shim under its error hook; this type turns a fault into a thrown
// `SolverError.fault` and remembers that the problem is gone.
import CGLPK
import Foundation
import GLPKShim
import LinearModel

/// One GLPK problem, on the thread that made it; a thread holds at most one at a time (after a
/// fault the shim frees the thread's whole GLPK environment, which would take a second problem
/// with it).
final class GLPKProblem {
    private(set) var pointer: OpaquePointer?
    let columns: Int
    private(set) var rows: Int

    /// Builds `model` with only its rows `kept` (by index, in that order).
    init(_ model: Model, keeping kept: [Int], verbose: Bool, memoryLimit: Int? = nil) throws(SolverError) {
        guard glpk_shim_claim_thread() == 1 else {
            // A programming error: two live problems on one thread.
            throw .fault("a GLPK problem is already open on this thread")
        }
        glpk_shim_capture_output(verbose ? 1 : 0)
        if let mb = memoryLimit { glp_mem_limit(Int32(clamping: max(1, mb))) }
        pointer = glp_create_prob()
        columns = model.variables.count
        rows = 0
        let v = model.variables
        let lower = v.map(\.lower), upper = v.map(\.upper), cost = v.map(\.cost)
        let integer = v.map { Int32($0.isInteger ? 1 : 0) }
        let packed = PackedRows(model.rows, kept)
        try guarded { p in
            glpk_shim_build(p, Int32(columns), lower, upper, integer, cost, model.objectiveConstant,
                            Int32(packed.count), packed.lower, packed.upper, packed.start, packed.index, packed.value)
        }
        rows = packed.count
    }

    deinit {
        if let p = pointer { glp_delete_prob(p) }
        glpk_shim_release_thread()
    }

    /// Runs a shim call; a GLPK fault becomes a thrown error and the problem is marked gone.
    func guarded(_ call: (OpaquePointer) -> Int32) throws(SolverError) {
        guard let p = pointer else { throw .fault("the GLPK problem is gone after an earlier fault") }
        if call(p) != SHIM_OK {
            pointer = nil
            let message = String(cString: glpk_shim_last_error())
            throw .fault(message.trimmingCharacters(in: [" ", "\n", "\r", "\t"]))
        }
    }

    /// Appends rows of `model` (by index).
    func addRows(_ model: Model, _ indices: [Int]) throws(SolverError) {
        guard !indices.isEmpty else { return }
        let packed = PackedRows(model.rows, indices)
        try guarded { p in
            glpk_shim_add_rows(p, Int32(packed.count), packed.lower, packed.upper, packed.start, packed.index, packed.value)
        }
        rows += packed.count
    }

    /// The columns' values: of the relaxation, or of the integer solution.
    func columnValues(mip: Bool) throws(SolverError) -> [Double] {
        var out = [Double](repeating: 0, count: columns)
        try guarded { glpk_shim_column_values($0, Int32(columns), mip ? 1 : 0, &out) }
        return out
    }

    /// The rows' dual values of the current basis, in GLPK's row order.
    func rowDuals() throws(SolverError) -> [Double] {
        var out = [Double](repeating: 0, count: rows)
        try guarded { glpk_shim_row_duals($0, Int32(rows), &out) }
        return out
    }

    /// The columns' basis statuses (GLP_BS, GLP_NL, GLP_NU, GLP_NF, GLP_NS).
    func columnStatuses() throws(SolverError) -> [Int32] {
        var out = [Int32](repeating: 0, count: columns)
        try guarded { glpk_shim_column_statuses($0, Int32(columns), &out) }
        return out
    }

    /// Sets the bounds of some columns (by index).
    func setColumnBounds(_ indices: [Int], lower: [Double], upper: [Double]) throws(SolverError) {
        guard !indices.isEmpty else { return }
        let index = indices.map(Int32.init)
        try guarded { glpk_shim_set_column_bounds($0, Int32(index.count), index, lower, upper) }
    }

    /// Installs a basis; returns whether GLPK accepted it and found it dual feasible.
    func warmStart(rows rowStatus: [Int32], columns columnStatus: [Int32]) throws(SolverError) -> Bool {
        var warm: Int32 = 0, dual: Int32 = 0
        try guarded { glpk_shim_warm_start($0, rowStatus, columnStatus, &warm, &dual) }
        return warm == 0 && dual == GLP_FEAS
    }

    /// The relaxation's status, objective and dual status (valid on a live problem).
    var lpStatus: Int32 { pointer.map { glp_get_status($0) } ?? GLP_UNDEF }
    var lpObjective: Double { pointer.map { glp_get_obj_val($0) } ?? .nan }
    var isDualFeasible: Bool { pointer.map { glp_get_dual_stat($0) == GLP_FEAS } ?? false }
    var iterations: Int { pointer.map { Int(glp_get_it_cnt($0)) } ?? 0 }
    var mipStatus: Int32 { pointer.map { glp_mip_status($0) } ?? GLP_UNDEF }

    /// Writes the problem: free MPS when `path` ends in `.mps`, CPLEX LP otherwise.
    func write(to path: String) throws(SolverError) {
        var ret: Int32 = 0
        try guarded { glpk_shim_write($0, path.hasSuffix(".mps") ? 0 : 1, path, &ret) }
        if ret != 0 { throw .cannotWrite(path: path) }
    }
}

/// Rows in the compressed form the shim takes (0-based column indices).
struct PackedRows {
    var lower: [Double] = [], upper: [Double] = []
    var start: [Int32] = [0], index: [Int32] = [], value: [Double] = []
    var count: Int { lower.count }

    init(_ rows: [Row], _ indices: [Int]) {
        lower.reserveCapacity(indices.count)
        upper.reserveCapacity(indices.count)
        for i in indices {
            let r = rows[i]
            lower.append(r.lower ?? -.infinity)
            upper.append(r.upper ?? .infinity)
            for t in r.terms {
                index.append(Int32(t.variable))
                value.append(t.coefficient)
            }
            start.append(Int32(index.count))
        }
    }
}
