// NetworkBasis: a dual-feasible starting basis for GLPK from the model's transportation core.
//
// Without its plain rows, the model's `supply` rows (each learner group takes at most its size)
// and `demand` rows (each session and mode at most its seats) form a transportation problem:
// a network whose nodes are those rows plus a root, whose arcs are the columns with coefficient 1
// in them, plus one slack arc per row to the root ("unassigned", "unused seats"). Other columns
// in those rows (a session's "runs") are held at a bound. A network simplex solves it in
// milliseconds; its optimal spanning tree is a basis of the core rows, and with every plain row
// basic it is a basis of the whole model whose reduced costs are those of the network: dual
// feasible. GLPK's dual simplex then only has to repair the plain rows' primal infeasibilities.
//
// Nothing here is trusted: GLPK checks the basis (`glp_warm_up`, then its dual status) and the
// solver falls back to a cold start when the basis is refused.
import CGLPK
import LinearModel
import NetworkFlow

struct NetworkBasis {
    /// GLPK statuses for the kept rows (in order) and for every column.
    var rows: [Int32]
    var columns: [Int32]
    var iterations: Int

    /// The basis, or nil when the model has no core or its core is not a network this can map.
    init?(_ model: Model, kept: [Int]) {
        guard let core = Core(model, kept: kept), let flow = core.solve() else { return nil }
        guard let statuses = core.statuses(flow, model: model) else { return nil }
        rows = statuses.rows
        columns = statuses.columns
        iterations = flow.iterations
    }
}

/// The transportation core of a model, as a network.
private struct Core {
    /// Kept row positions (in the GLPK problem) that are core rows, and their node numbers.
    var node: [Int: Int] = [:]          // kept position -> node
    var isSupply: [Bool] = []            // per node
    var supply: [Double] = []            // per node: net outflow
    var tail: [Int32] = [], head: [Int32] = []
    var cost: [Double] = [], upper: [Double] = []
    /// The column of each arc, or nil for a node's slack arc.
    var arcColumn: [Int?] = []
    var rootArc: [Int32] = []            // per node
    /// Columns held at a value in the core rows ("runs"), with their coefficients per node.
    var parameters: [Int: [(node: Int, coefficient: Double)]] = [:]
    var kept: [Int]

    init?(_ model: Model, kept: [Int]) {
        self.kept = kept
        let n = model.variables.count
        var supplyNode = [Int](repeating: -1, count: n), demandNode = [Int](repeating: -1, count: n)
        for (position, i) in kept.enumerated() {
            let r = model.rows[i]
            guard r.role == .supply || r.role == .demand else { continue }
            guard let b = r.upper, r.lower == nil || r.lower == -.infinity else { return nil }
            let v = isSupply.count
            node[position] = v
            isSupply.append(r.role == .supply)
            supply.append(b)
            for t in r.terms {
                if t.coefficient == 1 && parameters[t.variable] == nil {
                    if r.role == .supply {
                        guard supplyNode[t.variable] < 0 else { return nil }
                        supplyNode[t.variable] = v
                    } else {
                        guard demandNode[t.variable] < 0 else { return nil }
                        demandNode[t.variable] = v
                    }
                } else {
                    guard supplyNode[t.variable] < 0, demandNode[t.variable] < 0 else { return nil }
                    parameters[t.variable, default: []].append((v, t.coefficient))
                }
            }
        }
        guard !isSupply.isEmpty else { return nil }
        // Parameters at their value, arcs shifted by their lower bounds.
        for (j, terms) in parameters {
            guard supplyNode[j] < 0, demandNode[j] < 0, let value = Core.heldValue(model.variables[j]) else { return nil }
            for t in terms { supply[t.node] -= t.coefficient * value }
        }
        let root = Int32(isSupply.count)
        for j in 0..<n where supplyNode[j] >= 0 || demandNode[j] >= 0 {
            let v = model.variables[j]
            guard v.lower.isFinite else { return nil }
            if supplyNode[j] >= 0 { supply[supplyNode[j]] -= v.lower }
            if demandNode[j] >= 0 { supply[demandNode[j]] -= v.lower }
            tail.append(supplyNode[j] >= 0 ? Int32(supplyNode[j]) : root)
            head.append(demandNode[j] >= 0 ? Int32(demandNode[j]) : root)
            cost.append(v.cost)
            upper.append(v.upper - v.lower)
            arcColumn.append(j)
        }
        // Slack arcs: a supply node sends what it keeps to the root; the root fills a demand
        // node's unused seats. A node's remaining right-hand side is its initial tree flow.
        for v in isSupply.indices {
            guard supply[v] >= 0 else { return nil }
            rootArc.append(Int32(tail.count))
            tail.append(isSupply[v] ? Int32(v) : root)
            head.append(isSupply[v] ? root : Int32(v))
            cost.append(0)
            upper.append(.infinity)
            arcColumn.append(nil)
            if !isSupply[v] { supply[v] = -supply[v] }
        }
    }

    /// The value a parameter column is held at: its upper bound, else its lower bound.
    static func heldValue(_ v: Variable) -> Double? {
        v.upper.isFinite ? v.upper : v.lower.isFinite ? v.lower : nil
    }

    struct Flow {
        var potential: [Double]
        var state: [Int8]
        var iterations: Int
    }

    func solve() -> Flow? {
        let nodes = isSupply.count, arcs = tail.count
        var flow = [Double](repeating: 0, count: arcs)
        var potential = [Double](repeating: 0, count: nodes + 1)
        var state = [Int8](repeating: 0, count: arcs)
        var result = ns_result()
        let status: Int32 = tail.withUnsafeBufferPointer { t in
            head.withUnsafeBufferPointer { h in
                cost.withUnsafeBufferPointer { c in
                    upper.withUnsafeBufferPointer { u in
                        supply.withUnsafeBufferPointer { s in
                            rootArc.withUnsafeBufferPointer { r in
                                flow.withUnsafeMutableBufferPointer { f in
                                    potential.withUnsafeMutableBufferPointer { p in
                                        state.withUnsafeMutableBufferPointer { st in
                                            var problem = ns_problem(
                                                nodes: Int32(nodes), arcs: Int32(arcs),
                                                tail: t.baseAddress, head: h.baseAddress, cost: c.baseAddress,
                                                upper: u.baseAddress, supply: s.baseAddress, root_arc: r.baseAddress,
                                                iteration_limit: 50 * arcs + 10_000)
                                            result.flow = f.baseAddress
                                            result.potential = p.baseAddress
                                            result.state = st.baseAddress
                                            return ns_solve(&problem, &result)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard status == Int32(NS_OPTIMAL) else { return nil }
        return Flow(potential: potential, state: state, iterations: Int(result.iterations))
    }

    /// GLPK statuses from the network's tree: tree arcs basic, other arcs at the bound they sit
    /// at, a core row's auxiliary basic when its slack arc is in the tree (else at its upper
    /// bound), plain rows basic, other columns at the bound their reduced cost asks for.
    func statuses(_ flow: Flow, model: Model) -> (rows: [Int32], columns: [Int32])? {
        // Row duals of GLPK from node potentials: a column's reduced cost c - sum(a * dual)
        // equals the network's c - p[tail] + p[head] when supply rows have dual p and demand
        // rows -p.
        func dual(_ v: Int) -> Double { isSupply[v] ? flow.potential[v] : -flow.potential[v] }
        var rows = [Int32](repeating: GLP_BS, count: kept.count)
        for (position, v) in node where flow.state[Int(rootArc[v])] != 0 { rows[position] = GLP_NU }
        var columns = [Int32](repeating: -1, count: model.variables.count)
        for (a, column) in arcColumn.enumerated() {
            guard let j = column else { continue }
            let v = model.variables[j]
            switch flow.state[a] {
            case 0: columns[j] = GLP_BS
            case _ where v.lower == v.upper: columns[j] = GLP_NS
            case -1: columns[j] = GLP_NL
            default: columns[j] = GLP_NU
            }
        }
        for (j, v) in model.variables.enumerated() where columns[j] < 0 {
            var reduced = v.cost
            for t in parameters[j] ?? [] { reduced -= t.coefficient * dual(t.node) }
            guard let status = Core.nonbasic(v, reducedCost: reduced) else { return nil }
            columns[j] = status
        }
        return (rows, columns)
    }

    /// The dual-feasible nonbasic status of a column with this reduced cost, if its bounds allow.
    static func nonbasic(_ v: Variable, reducedCost d: Double) -> Int32? {
        if v.lower == v.upper { return GLP_NS }
        if d < 0 { return v.upper.isFinite ? GLP_NU : nil }
        if v.lower.isFinite { return GLP_NL }
        return d == 0 ? GLP_NF : nil
    }
}
