// NetworkSimplexTests: the C network simplex (NetworkFlow) against GLPK's LP simplex on seeded
// random problems, general and of the transportation shape the planner uses; every basis it
// returns is checked on its own (bounds, exact conservation, integral flows, reduced costs by
// state, a spanning tree), and GLPK must accept it as a warm start needing no iteration. Also:
// hand-made degenerate cases, unboundedness, the iteration limit, and rejection of bad input.
import PlanTestSupport
import CGLPK
import NetworkFlow
import Testing

// MARK: - Problems and solutions

/// The tests' shared seeded generator, so every run sees the same problems.
typealias SplitMix64 = SeededRandom

/// An ns_problem held in Swift arrays.
struct FlowProblem {
    var nodes: Int
    var tail: [Int32] = []
    var head: [Int32] = []
    var cost: [Double] = []
    var upper: [Double] = []
    var supply: [Double]
    var rootArc: [Int32]
    /// nil: a guard far above what these problems need (a few pivots per node), so that a bug
    /// that makes the solver cycle fails the test instead of hanging it.
    var iterationLimit: Int? = nil

    init(supply: [Double]) {
        nodes = supply.count
        self.supply = supply
        rootArc = Array(repeating: -1, count: supply.count)
    }

    var root: Int { nodes }
    var arcs: Int { tail.count }

    @discardableResult
    mutating func addArc(_ from: Int, _ to: Int, cost: Double, upper: Double) -> Int {
        tail.append(Int32(from))
        head.append(Int32(to))
        self.cost.append(cost)
        self.upper.append(upper)
        return tail.count - 1
    }

    /// Adds node i's root arc, pointing the way its supply must travel (either way when zero).
    mutating func addRootArc(_ i: Int, outward: Bool, cost: Double, upper: Double) {
        rootArc[i] = Int32(outward ? addArc(i, root, cost: cost, upper: upper) : addArc(root, i, cost: cost, upper: upper))
    }

    /// Shuffles the arcs, so that root arcs are not all first, keeping root_arc right.
    mutating func shuffleArcs(using rng: inout SplitMix64) {
        let order = Array(0..<arcs).shuffled(using: &rng)
        var newIndex = [Int32](repeating: 0, count: arcs)
        for (new, old) in order.enumerated() { newIndex[old] = Int32(new) }
        tail = order.map { tail[$0] }
        head = order.map { head[$0] }
        cost = order.map { cost[$0] }
        upper = order.map { upper[$0] }
        rootArc = rootArc.map { newIndex[Int($0)] }
    }
}

struct FlowSolution {
    var status: Int32
    var flow: [Double]
    var potential: [Double]
    var state: [Int8]
    var iterations: Int
    var objective: Double
}

let optimal = Int32(NS_OPTIMAL)
let iterationLimit = Int32(NS_ITERATION_LIMIT)
let unbounded = Int32(NS_UNBOUNDED)
let badInput = Int32(NS_BAD_INPUT)

/// Sentinels that show whether ns_solve wrote the result arrays.
let untouchedFlow = -7.5
let untouchedState: Int8 = 99

func solve(_ p: FlowProblem) -> FlowSolution {
    var flow = [Double](repeating: untouchedFlow, count: p.arcs)
    var potential = [Double](repeating: untouchedFlow, count: p.nodes + 1)
    var state = [Int8](repeating: untouchedState, count: p.arcs)
    var iterations = -1
    var objective = Double.nan
    let status = p.tail.withUnsafeBufferPointer { tail in
        p.head.withUnsafeBufferPointer { head in
            p.cost.withUnsafeBufferPointer { cost in
                p.upper.withUnsafeBufferPointer { upper in
                    p.supply.withUnsafeBufferPointer { supply in
                        p.rootArc.withUnsafeBufferPointer { rootArc in
                            flow.withUnsafeMutableBufferPointer { flow in
                                potential.withUnsafeMutableBufferPointer { potential in
                                    state.withUnsafeMutableBufferPointer { state in
                                        var problem = ns_problem(
                                            nodes: Int32(p.nodes), arcs: Int32(p.arcs),
                                            tail: tail.baseAddress, head: head.baseAddress,
                                            cost: cost.baseAddress, upper: upper.baseAddress,
                                            supply: supply.baseAddress, root_arc: rootArc.baseAddress,
                                            iteration_limit: p.iterationLimit ?? 50 * (p.nodes + 1) + 1_000)
                                        var result = ns_result(
                                            flow: flow.baseAddress, potential: potential.baseAddress,
                                            state: state.baseAddress, iterations: -1, objective: .nan)
                                        let status = ns_solve(&problem, &result)
                                        iterations = result.iterations
                                        objective = result.objective
                                        return status
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return FlowSolution(status: status, flow: flow, potential: potential, state: state,
                        iterations: iterations, objective: objective)
}

// MARK: - Checking a basis

/// The rules a returned basis breaks (empty when it is sound). Feasibility, states and the tree
/// are checked always; the signs of nonbasic reduced costs only when `optimal`.
func basisIssues(_ p: FlowProblem, _ s: FlowSolution, optimal: Bool) -> [String] {
    var issues: [String] = []
    var balance = [Double](repeating: 0, count: p.nodes + 1)
    var objective = 0.0
    var treeArcs: [Int] = []
    for a in 0..<p.arcs {
        let f = s.flow[a], t = Int(p.tail[a]), h = Int(p.head[a])
        if !(f >= 0 && f <= p.upper[a]) { issues.append("arc \(a): flow \(f) outside [0, \(p.upper[a])]") }
        if f != f.rounded() { issues.append("arc \(a): flow \(f) not integral") }
        balance[t] += f
        balance[h] -= f
        objective += p.cost[a] * f
        let rc = p.cost[a] - s.potential[t] + s.potential[h]
        switch s.state[a] {
        case 0:
            treeArcs.append(a)
            if abs(rc) > 1e-9 { issues.append("tree arc \(a): reduced cost \(rc)") }
        case -1:
            if f != 0 { issues.append("arc \(a) at lower with flow \(f)") }
            if optimal && rc < -1e-9 { issues.append("arc \(a) at lower with reduced cost \(rc)") }
        case 1:
            if f != p.upper[a] { issues.append("arc \(a) at upper with flow \(f) of \(p.upper[a])") }
            if optimal && rc > 1e-9 { issues.append("arc \(a) at upper with reduced cost \(rc)") }
        default:
            issues.append("arc \(a): state \(s.state[a])")
        }
    }
    // Conservation must hold exactly: with integral data every sum is exact in a double.
    for i in 0..<p.nodes where balance[i] != p.supply[i] {
        issues.append("node \(i): net outflow \(balance[i]), supply \(p.supply[i])")
    }
    let rootSupply = -p.supply.reduce(0, +)
    if balance[p.root] != rootSupply { issues.append("root: net outflow \(balance[p.root]), supply \(rootSupply)") }
    if s.potential[p.root] != 0 { issues.append("root potential \(s.potential[p.root])") }
    if abs(s.objective - objective) > 1e-9 * max(1, abs(objective)) {
        issues.append("objective \(s.objective), flows cost \(objective)")
    }

    // The tree: one arc per non-root node, and from the root every node is reached exactly once.
    if treeArcs.count != p.nodes { issues.append("\(treeArcs.count) tree arcs for \(p.nodes) nodes") }
    var incident = [[Int]](repeating: [], count: p.nodes + 1)
    for a in treeArcs {
        incident[Int(p.tail[a])].append(a)
        if p.head[a] != p.tail[a] { incident[Int(p.head[a])].append(a) }
    }
    var parentArc = [Int](repeating: -1, count: p.nodes + 1)
    var reached = [Bool](repeating: false, count: p.nodes + 1)
    reached[p.root] = true
    var stack = [p.root]
    while let u = stack.popLast() {
        for a in incident[u] where a != parentArc[u] {
            let v = Int(p.tail[a]) == u ? Int(p.head[a]) : Int(p.tail[a])
            if reached[v] {
                issues.append("tree arcs close a cycle at node \(v)")
                continue
            }
            reached[v] = true
            parentArc[v] = a
            stack.append(v)
        }
    }
    let unreached = reached.indices.filter { !reached[$0] }
    if !unreached.isEmpty { issues.append("tree misses nodes \(unreached.prefix(5))") }
    return issues
}

/// Expects no issue. Only the count and the first few are shown on failure (an expectation on
/// the array itself would print all of them).
func expectNoIssues(_ issues: [String], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let count = issues.count
    #expect(count == 0, "\(label): \(issues.prefix(5))", sourceLocation: sourceLocation)
}

// MARK: - GLPK

/// Loads the problem as an LP: one row per non-root node (outflow - inflow = supply; the root's
/// row is implied), one column per arc. A loop's coefficients cancel, so its column is empty.
func loadIntoGLPK(_ p: FlowProblem, _ lp: OpaquePointer) {
    glp_set_obj_dir(lp, GLP_MIN)
    if p.nodes > 0 { glp_add_rows(lp, Int32(p.nodes)) }
    for i in 0..<p.nodes { glp_set_row_bnds(lp, Int32(i + 1), GLP_FX, p.supply[i], p.supply[i]) }
    if p.arcs > 0 { glp_add_cols(lp, Int32(p.arcs)) }
    // GLPK arrays are 1-based: element 0 is ignored.
    var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
    for a in 0..<p.arcs {
        let j = Int32(a + 1)
        glp_set_obj_coef(lp, j, p.cost[a])
        if p.upper[a] == .infinity { glp_set_col_bnds(lp, j, GLP_LO, 0, 0) }
        else if p.upper[a] == 0 { glp_set_col_bnds(lp, j, GLP_FX, 0, 0) }
        else { glp_set_col_bnds(lp, j, GLP_DB, 0, p.upper[a]) }
        let t = Int(p.tail[a]), h = Int(p.head[a])
        if t == h { continue }
        if t < p.nodes { ia.append(Int32(t + 1)); ja.append(j); ar.append(1) }
        if h < p.nodes { ia.append(Int32(h + 1)); ja.append(j); ar.append(-1) }
    }
    glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)
}

/// GLPK's LP status (GLP_OPT or GLP_UNBND for these always-feasible problems) and objective.
func glpkOptimum(_ p: FlowProblem) -> (status: Int32, objective: Double) {
    glp_term_out(GLP_OFF)
    let lp = glp_create_prob()!
    defer { glp_delete_prob(lp) }
    loadIntoGLPK(p, lp)
    var parm = glp_smcp()
    glp_init_smcp(&parm)
    parm.msg_lev = GLP_MSG_OFF
    let ret = glp_simplex(lp, &parm)
    return (ret == 0 ? glp_get_status(lp) : -ret, glp_get_obj_val(lp))
}

/// Runs GLPK's simplex from the network simplex's basis (rows nonbasic, tree arcs basic, the
/// others at their bound): the intended warm start. Returns GLPK's status, the iterations it
/// needed, and the largest gaps between its row duals and the potentials, and its column values
/// and the flows.
func glpkFromBasis(_ p: FlowProblem, _ s: FlowSolution) -> (status: Int32, iterations: Int32, dualGap: Double, primalGap: Double) {
    glp_term_out(GLP_OFF)
    let lp = glp_create_prob()!
    defer { glp_delete_prob(lp) }
    loadIntoGLPK(p, lp)
    for i in 0..<p.nodes { glp_set_row_stat(lp, Int32(i + 1), GLP_NS) }
    for a in 0..<p.arcs {
        let status: Int32 = switch s.state[a] {
        case 0: GLP_BS
        case _ where p.upper[a] == 0: GLP_NS
        case -1: GLP_NL
        default: GLP_NU
        }
        glp_set_col_stat(lp, Int32(a + 1), status)
    }
    var parm = glp_smcp()
    glp_init_smcp(&parm)
    parm.msg_lev = GLP_MSG_OFF
    let before = glp_get_it_cnt(lp)
    let ret = glp_simplex(lp, &parm)
    let dualGap = (0..<p.nodes).map { abs(glp_get_row_dual(lp, Int32($0 + 1)) - s.potential[$0]) }.max() ?? 0
    let primalGap = (0..<p.arcs).map { abs(glp_get_col_prim(lp, Int32($0 + 1)) - s.flow[$0]) }.max() ?? 0
    return (ret == 0 ? glp_get_status(lp) : -ret, glp_get_it_cnt(lp) - before, dualGap, primalGap)
}

// MARK: - Generators

/// A general problem: up to 25 nodes, arcs anywhere (the root included), with the degenerate
/// features mixed in: zero supplies (sometimes all of them), zero-capacity arcs, parallel arcs,
/// loops, cost ties (small cost range), nodes touched by their root arc only, and infinite
/// capacities (so some problems are unbounded).
func randomProblem(seed: UInt64) -> FlowProblem {
    var rng = SplitMix64(seed: seed)
    let nodes = Int.random(in: 0...25, using: &rng)
    let zeroSupplyShare = [0.0, 0.3, 1.0].randomElement(using: &rng)!
    let infiniteShare = [0.0, 0.1, 0.3].randomElement(using: &rng)!
    let costRange = [3.0, 10.0, 100_000.0].randomElement(using: &rng)!
    var p = FlowProblem(supply: (0..<nodes).map { _ in
        Double.random(in: 0..<1, using: &rng) < zeroSupplyShare ? 0 : Double(Int.random(in: -10...10, using: &rng))
    })
    for i in 0..<nodes {
        let s = p.supply[i]
        let outward = s > 0 || (s == 0 && Bool.random(using: &rng))
        let upper = Int.random(in: 0..<4, using: &rng) == 0 ? .infinity : abs(s) + Double(Int.random(in: 0...4, using: &rng))
        p.addRootArc(i, outward: outward, cost: Double(Int.random(in: -5...20, using: &rng)), upper: upper)
    }
    // Lonely nodes keep their root arc only.
    let connected = (0...nodes).filter { $0 == nodes || Int.random(in: 0..<7, using: &rng) != 0 }
    let extra = Int.random(in: 0...(4 * nodes + 6), using: &rng)
    for _ in 0..<extra {
        var from = connected.randomElement(using: &rng)!, to = connected.randomElement(using: &rng)!
        if p.arcs > nodes && Int.random(in: 0..<6, using: &rng) == 0 {
            (from, to) = (Int(p.tail[p.arcs - 1]), Int(p.head[p.arcs - 1]))   // parallel to the last
        } else if from == to && Int.random(in: 0..<10, using: &rng) != 0 {
            continue                                                          // loops, but few
        }
        let cost = Double(Int.random(in: -Int(costRange)...Int(costRange), using: &rng))
        let kind = Double.random(in: 0..<1, using: &rng)
        let upper = kind < infiniteShare ? .infinity : kind > 0.9 ? 0 : Double(Int.random(in: 1...12, using: &rng))
        p.addArc(from, to, cost: cost, upper: upper)
    }
    p.shuffleArcs(using: &rng)
    return p
}

/// The planner's transportation core: groups with b_g people (slack arc g -> root, cost 0,
/// uncapacitated: their root arc), seats with capacity c_s (unused arc root -> s, cost 0,
/// uncapacitated: their root arc), assignment arcs g -> s of capacity min(b_g, c_s) and cost in
/// -100000...0 (sometimes on a coarse grid, for ties; sometimes doubled, for parallel arcs), and
/// some direct g -> root options. The initial tree is "everyone unassigned".
func transportationProblem(groups: Int, seats: Int, optionsPerGroup: Int, seed: UInt64, shuffled: Bool = true) -> FlowProblem {
    var rng = SplitMix64(seed: seed)
    let groupSize = (0..<groups).map { _ in Double(Int.random(in: 0...20, using: &rng)) }
    let seatCapacity = (0..<seats).map { _ in Double(Int.random(in: 0...15, using: &rng)) }
    var p = FlowProblem(supply: groupSize + seatCapacity.map { -$0 })
    for g in 0..<groups { p.addRootArc(g, outward: true, cost: 0, upper: .infinity) }
    for s in 0..<seats { p.addRootArc(groups + s, outward: false, cost: 0, upper: .infinity) }
    let coarse = Bool.random(using: &rng)
    func assignmentCost() -> Double {
        coarse ? -1000 * Double(Int.random(in: 0...100, using: &rng)) : -Double(Int.random(in: 0...100_000, using: &rng))
    }
    for g in 0..<groups {
        for _ in 0..<Int.random(in: 0...(2 * optionsPerGroup), using: &rng) {
            let s = Int.random(in: 0..<seats, using: &rng)
            let copies = Int.random(in: 0..<10, using: &rng) == 0 ? 2 : 1
            for _ in 0..<copies {
                p.addArc(g, groups + s, cost: assignmentCost(), upper: min(groupSize[g], seatCapacity[s]))
            }
        }
        if Int.random(in: 0..<3, using: &rng) == 0 {
            p.addArc(g, p.root, cost: assignmentCost(), upper: groupSize[g])
        }
    }
    if shuffled { p.shuffleArcs(using: &rng) }
    return p
}

// MARK: - Tests

@Suite struct NetworkSimplexTests {
    /// Solves, compares with GLPK's LP optimum, checks the basis, and (when optimal) that GLPK
    /// takes it as an optimal warm start. Returns the status for the caller's tally.
    @discardableResult
    func agreesWithGLPK(_ p: FlowProblem, _ label: String, warmStart: Bool = true) -> Int32 {
        let s = solve(p)
        let reference = glpkOptimum(p)
        if reference.status == GLP_UNBND {
            #expect(s.status == unbounded, "\(label): GLPK says unbounded, ns_solve \(s.status)")
        } else {
            #expect(reference.status == GLP_OPT, "\(label): GLPK status \(reference.status)")
            #expect(s.status == optimal, "\(label): ns_solve \(s.status), GLPK optimal")
            let scale = max(1, abs(reference.objective))
            #expect(abs(s.objective - reference.objective) <= 1e-6 * scale,
                    "\(label): objective \(s.objective), GLPK \(reference.objective)")
        }
        expectNoIssues(basisIssues(p, s, optimal: s.status == optimal), label)
        if warmStart && s.status == optimal && p.nodes > 0 {
            let glpk = glpkFromBasis(p, s)
            #expect(glpk.status == GLP_OPT && glpk.iterations == 0,
                    "\(label): GLPK from the basis: status \(glpk.status) after \(glpk.iterations) iterations")
            let scale = max(1, p.cost.map(abs).max() ?? 1)
            #expect(glpk.dualGap <= 1e-9 * scale && glpk.primalGap <= 1e-9,
                    "\(label): GLPK's duals differ by \(glpk.dualGap), its primals by \(glpk.primalGap)")
        }
        return s.status
    }

    @Test func randomProblemsAgreeWithGLPK() {
        var tally: [Int32: Int] = [:]
        for seed in UInt64(1)...400 {
            tally[agreesWithGLPK(randomProblem(seed: seed), "random problem \(seed)"), default: 0] += 1
        }
        // The generator must produce both outcomes, or the comparison proves little.
        #expect(tally[optimal, default: 0] >= 300 && tally[unbounded, default: 0] >= 25, "outcomes \(tally)")
    }

    /// Transportation problems from a handful of arcs up to about 5,000, in four parallel batches.
    @Test(arguments: 0..<4)
    func transportationProblemsAgreeWithGLPK(batch: Int) {
        for k in 0..<30 {
            let step = 4 * k + batch                          // 0..<120, growing
            let targetArcs = 10 + step * step / 3             // about 5,000 arcs made at the top
            let seed = UInt64(10_000 + step)
            var rng = SplitMix64(seed: seed)
            let groups = Int.random(in: 1...(2 + targetArcs / 30), using: &rng)
            let seats = Int.random(in: 1...(2 + targetArcs / 20), using: &rng)
            let options = max(1, targetArcs / groups)
            let p = transportationProblem(groups: groups, seats: seats, optionsPerGroup: options,
                                          seed: seed, shuffled: step % 3 != 0)
            let status = agreesWithGLPK(p, "transportation \(step) (\(groups) groups, \(seats) seats, \(p.arcs) arcs)")
            #expect(status == optimal)
        }
    }

    /// About 60,000 arcs: optimality conditions and tree only (GLPK's own LP would take minutes),
    /// plus GLPK accepting the basis as optimal without an iteration.
    @Test func largeTransportationProblemIsOptimal() {
        let p = transportationProblem(groups: 2_000, seats: 2_500, optionsPerGroup: 25, seed: 60_000)
        #expect(p.arcs > 55_000 && p.arcs < 65_000, "\(p.arcs) arcs")
        let s = solve(p)
        #expect(s.status == optimal)
        #expect(s.iterations > 1_000)
        expectNoIssues(basisIssues(p, s, optimal: true), "60,000 arcs")
        let glpk = glpkFromBasis(p, s)
        #expect(glpk.status == GLP_OPT && glpk.iterations == 0, "GLPK: status \(glpk.status), \(glpk.iterations) iterations")
    }

    // MARK: Degenerate cases, by hand

    /// No supplies: the only flow is around negative cycles, each up to its bottleneck.
    @Test func zeroSuppliesCirculateOnNegativeCycles() {
        var p = FlowProblem(supply: [0, 0, 0])
        p.addRootArc(0, outward: true, cost: 1, upper: 3)
        p.addRootArc(1, outward: false, cost: 0, upper: .infinity)
        p.addRootArc(2, outward: true, cost: 0, upper: 0)
        p.addArc(p.root, 0, cost: -4, upper: 2)            // root -> 0 -> root: -3 per unit, 2 units
        p.addArc(1, 2, cost: -1, upper: 5)                  // 1 -> 2 -> root blocked by the zero capacity
        p.addArc(2, 1, cost: 1, upper: 5)
        agreesWithGLPK(p, "zero supplies")
        #expect(solve(p).objective == -6)
    }

    /// Every non-root arc has capacity zero: nothing can move, the root arcs carry everything.
    @Test func zeroCapacityArcsCarryNothing() {
        var p = FlowProblem(supply: [4, -3, 0, -1])
        p.addRootArc(0, outward: true, cost: 10, upper: 4)
        p.addRootArc(1, outward: false, cost: 10, upper: 3)
        p.addRootArc(2, outward: true, cost: 10, upper: 0)
        p.addRootArc(3, outward: false, cost: 10, upper: 1)
        for (from, to) in [(0, 1), (0, 3), (2, 1), (0, 2), (2, 3), (0, 1)] {
            p.addArc(from, to, cost: -1_000, upper: 0)
        }
        agreesWithGLPK(p, "zero capacities")
        let s = solve(p)
        #expect(s.objective == 80)
        #expect(s.flow[4...].allSatisfy { $0 == 0 })
    }

    /// Parallel arcs of equal cost and groups tied on every seat: one optimum among many, and
    /// a degenerate basis (zero-flow tree arcs).
    @Test func parallelArcsWithTiedCosts() {
        var p = FlowProblem(supply: [3, 3, -4, -2])
        p.addRootArc(0, outward: true, cost: 0, upper: .infinity)
        p.addRootArc(1, outward: true, cost: 0, upper: .infinity)
        p.addRootArc(2, outward: false, cost: 0, upper: .infinity)
        p.addRootArc(3, outward: false, cost: 0, upper: .infinity)
        for g in 0..<2 {
            for s in 2..<4 {
                p.addArc(g, s, cost: -5, upper: 2)
                p.addArc(g, s, cost: -5, upper: 2)
            }
        }
        agreesWithGLPK(p, "ties")
        #expect(solve(p).objective == -30)
    }

    /// Nodes touched by their root arc only, in both directions: the initial tree is optimal.
    @Test func nodesWithOnlyTheirRootArc() {
        var p = FlowProblem(supply: [5, -2, 0, 0, 7])
        p.addRootArc(0, outward: true, cost: 3, upper: 5)
        p.addRootArc(1, outward: false, cost: -2, upper: 9)
        p.addRootArc(2, outward: true, cost: -8, upper: .infinity)
        p.addRootArc(3, outward: false, cost: 6, upper: 0)
        p.addRootArc(4, outward: true, cost: 0, upper: .infinity)
        agreesWithGLPK(p, "lonely nodes")
        let s = solve(p)
        #expect(s.iterations == 0)
        #expect(s.flow == [5, 2, 0, 0, 7])
        #expect(s.potential == [3, 2, -8, -6, 0, 0])
    }

    /// No node but the root: only loops at the root, which fill up when their cost is negative.
    @Test func onlyTheRoot() {
        var p = FlowProblem(supply: [])
        #expect(solve(p).status == optimal)
        p.addArc(0, 0, cost: -2, upper: 4)
        p.addArc(0, 0, cost: 3, upper: 4)
        var s = solve(p)
        #expect(s.status == optimal && s.flow == [4, 0] && s.state == [1, -1] && s.objective == -8)
        p.addArc(0, 0, cost: -1, upper: .infinity)
        s = solve(p)
        #expect(s.status == unbounded)
    }

    /// A loop at an ordinary node is its own cycle.
    @Test func loopsAtNodes() {
        var p = FlowProblem(supply: [2, -2])
        p.addRootArc(0, outward: true, cost: 0, upper: 2)
        p.addRootArc(1, outward: false, cost: 0, upper: 2)
        p.addArc(0, 0, cost: -3, upper: 5)
        p.addArc(1, 1, cost: 1, upper: 5)
        p.addArc(0, 1, cost: -1, upper: 2)
        agreesWithGLPK(p, "loops")
        let s = solve(p)
        #expect(s.flow == [0, 0, 5, 0, 2] && s.objective == -17)
    }

    @Test func negativeCycleOfInfiniteCapacityIsUnbounded() {
        var p = FlowProblem(supply: [1, -1])
        p.addRootArc(0, outward: true, cost: 0, upper: .infinity)
        p.addRootArc(1, outward: false, cost: 0, upper: .infinity)
        p.addArc(0, 1, cost: -1, upper: .infinity)
        p.addArc(1, 0, cost: 0, upper: .infinity)
        #expect(agreesWithGLPK(p, "unbounded") == unbounded)
        // The same cycle with a finite arc on it is bounded.
        p.upper[3] = 10
        #expect(agreesWithGLPK(p, "bounded") == optimal)
    }

    // MARK: The iteration limit

    @Test func iterationLimitStopsWithAFeasibleBasis() {
        var p = transportationProblem(groups: 30, seats: 40, optionsPerGroup: 8, seed: 77)
        let needed = solve(p).iterations
        #expect(needed > 10)
        for limit in [1, 7, needed - 1] {
            p.iterationLimit = limit
            let s = solve(p)
            #expect(s.status == iterationLimit && s.iterations == limit, "limit \(limit): status \(s.status) after \(s.iterations)")
            expectNoIssues(basisIssues(p, s, optimal: false), "limit \(limit)")
        }
        p.iterationLimit = needed
        #expect(solve(p).status == optimal)
        p.iterationLimit = 0
        #expect(solve(p).status == optimal)
    }

    // MARK: Bad input

    static func valid() -> FlowProblem {
        var p = FlowProblem(supply: [2, -2, 0])
        p.addRootArc(0, outward: true, cost: 0, upper: .infinity)
        p.addRootArc(1, outward: false, cost: 0, upper: 5)
        p.addRootArc(2, outward: false, cost: 1, upper: 0)
        p.addArc(0, 1, cost: -3, upper: 2)
        return p
    }

    @Test func theValidBaseProblemSolves() {
        #expect(solve(Self.valid()).status == optimal)
    }

    @Test(arguments: [
        "tail out of range", "negative head", "NaN cost", "infinite cost", "negative upper", "NaN upper",
        "NaN supply", "infinite supply", "root arc index too large", "negative root arc index",
        "root arc not touching the root", "root arc of another node", "supply above the root arc's capacity",
        "supply pointing against the root arc", "demand pointing against the root arc", "loop as root arc",
    ])
    func rejectsBadInput(defect: String) {
        var p = Self.valid()
        switch defect {
        case "tail out of range": p.tail[3] = 4
        case "negative head": p.head[3] = -1
        case "NaN cost": p.cost[3] = .nan
        case "infinite cost": p.cost[0] = -.infinity
        case "negative upper": p.upper[3] = -1
        case "NaN upper": p.upper[3] = .nan
        case "NaN supply": p.supply[2] = .nan
        case "infinite supply": p.supply[0] = .infinity
        case "root arc index too large": p.rootArc[2] = 4
        case "negative root arc index": p.rootArc[0] = -1
        case "root arc not touching the root": p.rootArc[0] = 3
        case "root arc of another node": p.rootArc[2] = 1
        case "supply above the root arc's capacity": p.supply = [6, -6, 0]
        case "supply pointing against the root arc": p.supply = [1, 1, 0]
        case "demand pointing against the root arc": p.supply = [-2, 0, 0]
        default: p.rootArc[2] = Int32(p.addArc(2, 2, cost: 0, upper: 1))
        }
        let s = solve(p)
        #expect(s.status == badInput)
        #expect(s.flow.allSatisfy { $0 == untouchedFlow } && s.state.allSatisfy { $0 == untouchedState })
    }

    @Test func rejectsMissingArraysAndCounts() {
        var flow = [Double](repeating: 0, count: 4), potential = [Double](repeating: 0, count: 4)
        var state = [Int8](repeating: 0, count: 4)
        let p = Self.valid()
        p.tail.withUnsafeBufferPointer { tail in
            p.head.withUnsafeBufferPointer { head in
                p.cost.withUnsafeBufferPointer { cost in
                    p.upper.withUnsafeBufferPointer { upper in
                        p.supply.withUnsafeBufferPointer { supply in
                            p.rootArc.withUnsafeBufferPointer { rootArc in
                                flow.withUnsafeMutableBufferPointer { flow in
                                    potential.withUnsafeMutableBufferPointer { potential in
                                        state.withUnsafeMutableBufferPointer { state in
                                            let problem = ns_problem(
                                                nodes: 3, arcs: 4, tail: tail.baseAddress, head: head.baseAddress,
                                                cost: cost.baseAddress, upper: upper.baseAddress,
                                                supply: supply.baseAddress, root_arc: rootArc.baseAddress,
                                                iteration_limit: 0)
                                            let result = ns_result(flow: flow.baseAddress, potential: potential.baseAddress,
                                                                   state: state.baseAddress, iterations: 0, objective: 0)
                                            func status(_ pr: ns_problem, _ re: ns_result) -> Int32 {
                                                var pr = pr, re = re
                                                return ns_solve(&pr, &re)
                                            }
                                            #expect(status(problem, result) == optimal)
                                            var q = problem; q.tail = nil
                                            #expect(status(q, result) == badInput)
                                            q = problem; q.supply = nil
                                            #expect(status(q, result) == badInput)
                                            q = problem; q.root_arc = nil
                                            #expect(status(q, result) == badInput)
                                            q = problem; q.nodes = -1
                                            #expect(status(q, result) == badInput)
                                            q = problem; q.arcs = -1
                                            #expect(status(q, result) == badInput)
                                            var r = result; r.flow = nil
                                            #expect(status(problem, r) == badInput)
                                            r = result; r.potential = nil
                                            #expect(status(problem, r) == badInput)
                                            r = result; r.state = nil
                                            #expect(status(problem, r) == badInput)
                                            var re = result
                                            #expect(ns_solve(nil, &re) == badInput)
                                            var pr = problem
                                            #expect(ns_solve(&pr, nil) == badInput)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: The checker itself

    /// basisIssues must catch a broken basis, or the tests above prove nothing.
    @Test func theCheckerCatchesBrokenBases() {
        let p = transportationProblem(groups: 20, seats: 25, optionsPerGroup: 6, seed: 5)
        let good = solve(p)
        expectNoIssues(basisIssues(p, good, optimal: true), "unbroken")
        let treeArc = good.state.firstIndex(of: 0)!
        let lowerArc = good.state.firstIndex(of: -1)!

        var s = good
        s.flow[lowerArc] = 1                                    // breaks conservation and the state
        #expect(!basisIssues(p, s, optimal: true).isEmpty)
        s = good
        s.potential[Int(p.head[treeArc]) == p.root ? Int(p.tail[treeArc]) : Int(p.head[treeArc])] += 1
        #expect(!basisIssues(p, s, optimal: true).isEmpty)      // a tree arc's reduced cost is no longer 0
        s = good
        s.state[lowerArc] = 0                                   // one tree arc too many: a cycle
        #expect(!basisIssues(p, s, optimal: true).isEmpty)
        s = good
        s.state[treeArc] = -1                                   // one too few: a node cut off
        #expect(!basisIssues(p, s, optimal: true).isEmpty)
        s = good
        s.objective += 1
        #expect(!basisIssues(p, s, optimal: true).isEmpty)
    }
}
