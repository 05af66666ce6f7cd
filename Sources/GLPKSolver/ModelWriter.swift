// ModelWriter: the model as GLPK would be given it, written in free MPS or CPLEX LP format, so
// that another solver can be run on it.
import Foundation
import GLPKShim
import LinearModel

extension GLPKSolver {
    /// Writes `model` (every row, lazy ones included) as free MPS for `.mps`, CPLEX LP otherwise.
    /// The objective constant is written as a column fixed at 1 (`objective_constant`): solvers
    /// read the constant of the objective row's right-hand side with opposite signs.
    public func write(_ model: Model, to path: String) throws(SolverError) {
        var model = model
        if model.objectiveConstant != 0 {
            model.addVariable("objective_constant", lower: 1, upper: 1, integer: false, cost: model.objectiveConstant)
            model.objectiveConstant = 0
        }
        let issues = model.validationIssues()
        guard issues.isEmpty else { throw .invalidModel(issues) }
        let problem = try GLPKProblem(model, keeping: Array(model.rows.indices), verbose: false)
        let columnNames = model.variables.map { glpkName($0.name) }
        let rowNames = model.rows.map { glpkName($0.name) }
        try withCStrings(columnNames) { columns throws(SolverError) in
            try withCStrings(rowNames) { rows throws(SolverError) in
                try problem.guarded {
                    glpk_shim_set_names($0, glpkName(model.name), Int32(columnNames.count), columns, Int32(rowNames.count), rows)
                }
            }
        }
        try problem.write(to: path)
    }
}

/// Calls `body` with a C array of C strings that live for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) throws(SolverError) -> R) throws(SolverError) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return try body(copies.map { UnsafePointer($0) })
}

/// A name GLPK accepts: 1 to 255 bytes, no control characters, and (for MPS) no spaces.
func glpkName(_ name: String) -> String {
    var bytes = Array(name.utf8).map { $0 < 0x20 || $0 == 0x7F || $0 == 0x20 ? UInt8(ascii: "_") : $0 }
    if bytes.count > 255 {
        bytes = Array(bytes[..<255])
        // Do not cut a UTF-8 sequence in two.
        while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
        if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
    }
    return bytes.isEmpty ? "_" : String(decoding: bytes, as: UTF8.self)
}
