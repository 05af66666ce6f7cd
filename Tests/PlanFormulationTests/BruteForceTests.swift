// BruteForceTests: the planner against exhaustive search on small random instances. For every
// seed, a valid instance is generated (BruteForceGenerator.swift), every assignment is enumerated
// and checked by rules written out in the test (BruteForceSolver.swift), and the planner must find
// the same minimum, or report infeasibility exactly when no assignment keeps every rule.
import PlanTestSupport
import PlanDomain
import PlanFormulation
import Testing

/// One generated instance.
struct BFCase {
    var seed: Int
    var json: String
    var instance: Instance
    var space: Int
    var pinned: Int
    /// The document the instance was decoded from (to derive next week's instance from it).
    var doc: BFDocument
}

enum BFCases {
    /// Largest search space enumerated; larger instances are regenerated from the same stream.
    static let maxSpace = 200_000

    static func make(seed: Int) throws -> BFCase {
        var rng = BFRandom(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 ^ 0x0B5E_55ED)
        for _ in 0..<100 {
            var doc = BFGenerator.document(&rng)
            var instance = try decode(doc.json, seed: seed)
            var pinned = 0
            if rng.chance(0.4) {
                // Pin one to three learners to an option that is eligible for each on its own.
                let candidates = rng.shuffled(Array(instance.learners.indices)).filter { !instance.eligibleOptions(learner: $0).isEmpty }
                for l in candidates.prefix(rng.int(1...3)) {
                    let o = rng.pick(instance.eligibleOptions(learner: l))
                    doc.learners[l].assigned = (instance.sessions[o.session].id, o.mode.rawValue)
                    pinned += 1
                }
                if pinned > 0 { instance = try decode(doc.json, seed: seed) }
            }
            let space = bfSearchSpace(instance)
            if space <= maxSpace { return BFCase(seed: seed, json: doc.json, instance: instance, space: space, pinned: pinned, doc: doc) }
        }
        throw BFError("seed \(seed): no instance with at most \(maxSpace) assignments in 100 attempts")
    }

    static func decode(_ json: String, seed: Int) throws -> Instance {
        do {
            return try Instance.decode(Array(json.utf8))
        } catch {
            throw BFError("seed \(seed): the generator wrote an invalid instance:\n\(error)\n\(json)")
        }
    }
}

struct BFError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

private func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) }

private func show(_ instance: Instance, _ a: [Option?]) -> String {
    a.enumerated().map { l, o in
        "\(instance.learners[l].id)=" + (o.map { "\(instance.sessions[$0.session].id)/\($0.mode.rawValue)" } ?? "-")
    }.joined(separator: " ")
}

@Suite("Brute force cross-check")
struct BruteForceTests {
    @Test("the planner's optimum equals exhaustive search", arguments: 0..<300)
    func plannerMatchesBruteForce(seed: Int) throws {
        try Self.check(seed: seed)
    }

    /// Generates the instance of `seed`, solves it both ways, and records every disagreement.
    static func check(seed: Int) throws {
        let c = try BFCases.make(seed: seed)
        let instance = c.instance
        let bf = bfSolve(instance)
        let context = "seed \(seed) (search space \(c.space), \(c.pinned) pinned)\ninstance: \(c.json)"

        // The brute force's own answer must pass its own checker (a check of the test itself).
        if let best = bf.bestAssignment {
            #expect(bfViolations(instance, best).isEmpty, "brute force optimum breaks a rule; \(context)")
            #expect(same(bfObjective(instance, best), bf.best!), "brute force objective drifted; \(context)")
        }

        // The domain's checker and objective agree with the test's on sampled assignments.
        var rng = BFRandom(seed: UInt64(seed) ^ 0xC0FF_EE00)
        let choices = bfChoices(instance)
        for _ in 0..<40 {
            let a = choices.map { rng.pick($0) }
            let mine = bfViolations(instance, a), theirs = instance.violations(of: a)
            #expect(mine.isEmpty == theirs.isEmpty,
                    "checkers disagree on \(show(instance, a)): test \(mine), domain \(theirs); \(context)")
            #expect(same(bfObjective(instance, a), instance.objective(of: a)),
                    "objectives disagree on \(show(instance, a)): test \(bfObjective(instance, a)), domain \(instance.objective(of: a)); \(context)")
        }

        guard let best = bf.best else {
            do {
                let plan = try Planner.solve(instance)
                Issue.record("""
                    brute force finds no feasible assignment, but the planner returned objective \(plan.objective) \
                    (\(show(instance, plan.assignments)); test checker: \(bfViolations(instance, plan.assignments))); \(context)
                    """)
            } catch let error as PlannerError {
                guard case .infeasible = error else {
                    Issue.record("expected PlannerError.infeasible, got \(error); \(context)")
                    return
                }
            }
            return
        }

        // The same optimum with the root relaxation's columns priced in from the first one.
        do {
            let priced = try Planner.solve(instance, options: .glpk(pricingFromColumns: 0))
            #expect(same(priced.objective, best) && priced.status == .optimal,
                    "with column pricing the planner finds \(priced.objective) (\(priced.status)), brute force \(best); \(context)")
        } catch {
            Issue.record("with column pricing the planner failed with \(error), but brute force finds optimum \(best); \(context)")
        }

        let plan: Plan
        do {
            plan = try Planner.solve(instance)
        } catch {
            Issue.record("""
                the planner failed with \(error), but brute force finds optimum \(best) \
                (\(show(instance, bf.bestAssignment!))); \(context)
                """)
            return
        }
        #expect(plan.status == .optimal, "status \(plan.status); \(context)")
        #expect(plan.assignments.count == instance.learners.count, "\(context)")
        guard plan.assignments.count == instance.learners.count else { return }
        let violations = bfViolations(instance, plan.assignments)
        #expect(violations.isEmpty, "the plan breaks rules: \(violations) (\(show(instance, plan.assignments))); \(context)")
        #expect(instance.violations(of: plan.assignments).isEmpty, "domain checker: \(instance.violations(of: plan.assignments)); \(context)")
        let objective = bfObjective(instance, plan.assignments)
        #expect(same(objective, plan.objective), "the plan's objective is \(objective), the planner says \(plan.objective); \(context)")
        #expect(same(instance.objective(of: plan.assignments), plan.objective), "\(context)")
        #expect(same(plan.objective, best), """
            planner objective \(plan.objective) (\(show(instance, plan.assignments))) differs from the brute-force \
            optimum \(best) (\(show(instance, bf.bestAssignment!))); \(context)
            """)
        #expect(plan.bound <= plan.objective + 1e-6, "bound \(plan.bound) above objective \(plan.objective); \(context)")
    }

    /// The generator must exercise both outcomes, pins, and the rules that couple learners.
    @Test("the generated instances cover feasible and infeasible cases")
    func generatorCoverage() throws {
        var feasible = 0, infeasible = 0, pinned = 0, withAbsent = 0, withConcurrency = 0, withMinSize = 0, large = 0
        for seed in 0..<300 {
            let c = try BFCases.make(seed: seed)
            if bfSolve(c.instance).best == nil { infeasible += 1 } else { feasible += 1 }
            if c.pinned > 0 { pinned += 1 }
            if c.space >= 1_000 { large += 1 }
            if c.instance.structures.contains(where: { $0.maxAbsent != nil }) { withAbsent += 1 }
            if c.instance.organisations.contains(where: { $0.maxConcurrentSessions != nil }) { withConcurrency += 1 }
            if c.instance.sessions.contains(where: { $0.minSize >= 2 }) { withMinSize += 1 }
        }
        #expect(feasible + infeasible == 300)
        #expect(infeasible >= 10, "only \(infeasible) infeasible instances")
        #expect(feasible >= 200, "only \(feasible) feasible instances")
        #expect(large >= 30, "only \(large) instances with at least 1000 assignments to enumerate")
        #expect(pinned >= 60 && withAbsent >= 60 && withConcurrency >= 60 && withMinSize >= 60,
                "pinned \(pinned), maxAbsent \(withAbsent), maxConcurrentSessions \(withConcurrency), minSize \(withMinSize)")
    }

    @Test("solving the same instance twice gives identical assignments", arguments: [0, 3, 7, 11, 42, 99, 150, 299])
    func deterministic(seed: Int) throws {
        let c = try BFCases.make(seed: seed)
        // Decoded anew from the same bytes, too.
        let again = try BFCases.decode(c.json, seed: seed)
        let first: Plan, second: Plan, third: Plan
        do {
            first = try Planner.solve(c.instance)
            second = try Planner.solve(c.instance)
            third = try Planner.solve(again)
        } catch let error as PlannerError {
            // Infeasible instances must be reported the same way every time.
            guard case .infeasible = error else { throw error }
            #expect(throws: PlannerError.self) { try Planner.solve(c.instance) }
            return
        }
        #expect(first.assignments == second.assignments, "seed \(seed): \(c.json)")
        #expect(first.assignments == third.assignments, "seed \(seed): \(c.json)")
        #expect(first.objective == second.objective && first.objective == third.objective)
        #expect(first.reasons == second.reasons && first.reasons == third.reasons)
    }
}

/// GLPK prunes by `tol_obj * (1 + |objective|)`: at 10^9 its default margin is 100 and more,
/// far above the objective's step. With the exact stopping rule, "optimal" is still the minimum.
@Suite("Exact optimum with large objectives")
struct LargeObjectiveTests {
    @Test("the planner's optimum equals exhaustive search when objectives pass 10^9", arguments: 0..<120)
    func exactWithLargeObjectives(seed: Int) throws {
        let c = try BFCases.make(seed: seed)
        let json = c.json.replacing(/"unassigned":\s*(\d+)/) { m in "\"unassigned\": \(1_000_000_000 + Int(m.1)!)" }
        #expect(json != c.json)
        let instance = try Instance.decode(Array(json.utf8))
        let bf = bfSolve(instance)
        guard let best = bf.best else { return }
        let plan = try Planner.solve(instance)
        #expect(plan.status == .optimal, "seed \(seed)")
        #expect(plan.objective == best, "seed \(seed): planner \(plan.objective), brute force \(best)")
        #expect(plan.bound <= best, "seed \(seed): bound \(plan.bound) above the optimum \(best)")
    }
}
