// PlanTestSupport: what several test targets share. The planner with GLPK as its backend (the
// library takes its solver from the caller; tests give it GLPK's).
import GLPKSolver
import LinearModel
import PlanDomain
import PlanFormulation

extension PlannerOptions {
    /// Options with GLPK as the backend.
    /// `pricingFromColumns`: the model size from which GLPK's root relaxation prices columns in
    /// (0: always, to test it on small models).
    public static func glpk(timeLimit: Double? = nil, relativeGap: Double = 0, formulation: Formulation = .aggregated,
                            threads: Int = 2, pricingFromColumns: Int? = nil) -> PlannerOptions {
        var solver = GLPKSolver()
        if let p = pricingFromColumns { solver.pricingFromColumns = p }
        return PlannerOptions(solver: solver, timeLimit: timeLimit, relativeGap: relativeGap, formulation: formulation,
                              threads: threads)
    }
}

extension Planner {
    /// Solves with GLPK and the default options.
    public static func solve(_ instance: Instance) throws -> Plan {
        try solve(instance, options: .glpk())
    }
}
