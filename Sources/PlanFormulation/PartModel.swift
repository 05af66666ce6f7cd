// PartModel: the integer program of one independent part. One integer column per (group, option)
// counts the group's members given that option; one binary column per session that needs one
// (minimum size, opening cost, concurrency) says whether it runs. Each constraint family is one
// function below, opening with its rule; rows are named in domain words.
import LinearModel
import PlanDomain

/// The model of a part and the map from its columns back to domain things.
struct PartModel {
    var model: Model
    /// Column of each (group, option index).
    var x: [(group: Int, option: Int, column: Int)] = []
    /// Column of each session's "runs" variable, where the session has one.
    var runs: [Int: Int] = [:]
    /// Columns of each (session, mode).
    var seats: [Option: [Int]] = [:]

    let instance: Instance
    let groups: [Group]
    let part: Part

    /// With `continuousCounts`, the count columns of groups whose structure has no maxAbsent are
    /// continuous: once the integer columns are fixed, what remains is a transportation problem
    /// (learner rows, capacity rows, minimum-size rows: a network matrix) whose vertices are
    /// integral, so branch-and-cut branches on "runs" columns only. `integralCounts` repairs the
    /// rare fractional answer (cuts can cut off integral vertices).
    init(instance: Instance, groups: [Group], part: Part, name: String, continuousCounts: Bool = true) {
        self.instance = instance
        self.groups = groups
        self.part = part
        model = Model(name: name)
        addAssignmentColumns(continuous: continuousCounts)
        addRunColumns()
        addLearnerRows()
        addCapacityRows()
        addMinimumSizeRows()
        addConcurrencyRows()
        addMaxAbsentRows()
        addStructureSessionRows()
        addAbsenceCliqueRows()
        model.objectiveStep = objectiveStep(costs: model.variables.map(\.cost))
    }

    /// A lower bound on the part's optimum that needs no solver: every learner at its cheapest
    /// choice (or unassigned), no session opened.
    var trivialBound: Double {
        var bound = model.objectiveConstant
        var cheapest: [Int: Double] = [:]
        for (g, _, c) in x {
            let cost = model.variables[c].cost
            if groups[g].pinned {
                bound += cost * Double(groups[g].size)
            } else {
                cheapest[g] = min(cheapest[g] ?? 0, cost)
            }
        }
        for (g, c) in cheapest { bound += c * Double(groups[g].size) }
        for (_, y) in runs { bound += model.variables[y].cost * model.variables[y].lower }
        return bound
    }

    private func groupName(_ g: Int) -> String {
        let group = groups[g]
        let first = instance.learners[group.learners[0]].id
        return group.size == 1 ? first : "\(first)+\(group.size - 1)"
    }

    /// Each member of a group takes at most one option; the unassigned pay `weights.unassigned`
    /// (and a change, when re-planning), so an assigned member's cost is its option's cost minus that.
    private mutating func addAssignmentColumns(continuous: Bool) {
        for g in part.groups {
            let group = groups[g]
            let w = group.unassignedCost
            model.objectiveConstant += w * Double(group.size)
            for (k, o) in group.options.enumerated() {
                let session = instance.sessions[o.session]
                // Everyone of a structure with maxAbsent k in a session is absent on its days: at most k.
                let absentLimit = instance.structures[group.structure].maxAbsent ?? Int.max
                let upper = Double(min(group.size, session.capacity(o.mode), absentLimit))
                let lower = group.pinned ? Double(group.size) : 0
                let integer = !continuous || instance.structures[group.structure].maxAbsent != nil
                let c = model.addVariable("x[\(groupName(g)),\(session.id),\(o.mode.csvName)]", lower: lower,
                                          upper: max(upper, lower), integer: integer, cost: group.costs[k] - w)
                x.append((g, k, c))
                seats[o, default: []].append(c)
            }
        }
    }

    /// Whether a session needs its own "runs" column: it has a minimum size above one, an opening
    /// cost, or belongs to an organisation that limits its concurrent sessions.
    private func needsRunColumn(_ s: Int) -> Bool {
        let session = instance.sessions[s]
        return instance.minimumParticipants(s) > 1 || instance.weights.openSession > 0
            || instance.organisations[session.organisation].maxConcurrentSessions != nil
    }

    /// A session runs (y = 1) when any seat of it is taken; a running session costs openSession.
    private mutating func addRunColumns() {
        let pinnedSessions = Set(x.filter { groups[$0.group].pinned }.map { groups[$0.group].options[$0.option].session })
        for s in part.sessions where needsRunColumn(s) {
            let session = instance.sessions[s]
            runs[s] = model.addVariable("runs[\(session.id)]", lower: pinnedSessions.contains(s) ? 1 : 0, upper: 1,
                                        cost: instance.weights.openSession)
        }
        // Tight links, one per (group, session) over both modes: the group's members in the
        // session are at most min(size, seats) times the session's y. (One row per mode would
        // let a learner sit half in person, half remote, in a half-open session.) Every integer
        // point keeps them anyway (y = 0 closes the capacity rows, y = 1 leaves the learner and
        // capacity rows), so they are lazy: a backend may add only those the relaxation breaks.
        struct GroupSession: Hashable { var group: Int, session: Int }
        var columns: [GroupSession: [Int]] = [:]
        var order: [GroupSession] = []
        for (g, k, c) in x {
            let key = GroupSession(group: g, session: groups[g].options[k].session)
            guard runs[key.session] != nil else { continue }
            if columns[key] == nil { order.append(key) }
            columns[key, default: []].append(c)
        }
        for key in order {
            let (g, s) = (key.group, key.session)
            let cols = columns[key]!
            let session = instance.sessions[s]
            let upper = Double(min(groups[g].size, session.capacityInPerson + session.capacityRemote))
            model.addRow("open[\(groupName(g)),\(session.id)]", cols.map { ($0, 1.0) } + [(runs[s]!, -upper)], upper: 0,
                         role: .lazy)
        }
    }

    /// A learner takes at most one seat: a group's counts sum to at most its size.
    private mutating func addLearnerRows() {
        var columns: [Int: [Int]] = [:]
        for (g, _, c) in x { columns[g, default: []].append(c) }
        for g in part.groups {
            let cs = columns[g] ?? []
            guard cs.count > 1, !groups[g].pinned else { continue }
            model.addRow("learners[\(groupName(g))]", cs.map { ($0, 1.0) }, upper: Double(groups[g].size), role: .supply)
        }
    }

    /// In-person participants fit the in-person seats, remote participants the remote seats.
    private mutating func addCapacityRows() {
        for s in part.sessions {
            let session = instance.sessions[s]
            for m in Mode.allCases {
                guard let cs = seats[Option(session: s, mode: m)] else { continue }
                let cap = Double(session.capacity(m))
                let total = cs.reduce(0.0) { $0 + model.variables[$1].upper }
                if let y = runs[s] {
                    model.addRow("capacity[\(session.id),\(m.csvName)]", cs.map { ($0, 1.0) } + [(y, -cap)], upper: 0,
                                 role: .demand)
                } else if total > cap {
                    model.addRow("capacity[\(session.id),\(m.csvName)]", cs.map { ($0, 1.0) }, upper: cap, role: .demand)
                }
            }
        }
    }

    /// A running session has at least max(minSize, 1) participants (see `minimumParticipants`).
    private mutating func addMinimumSizeRows() {
        for s in part.sessions {
            guard let y = runs[s] else { continue }
            let session = instance.sessions[s]
            let cs = Mode.allCases.flatMap { seats[Option(session: s, mode: $0)] ?? [] }
            model.addRow("minSize[\(session.id)]", cs.map { ($0, 1.0) } + [(y, -Double(instance.minimumParticipants(s)))], lower: 0)
        }
    }

    /// An organisation with maxConcurrentSessions runs at most that many sessions on any date.
    private mutating func addConcurrencyRows() {
        for (o, org) in instance.organisations.enumerated() {
            guard let limit = org.maxConcurrentSessions else { continue }
            var onDay: [Day: [Int]] = [:]
            for s in part.sessions where instance.sessions[s].organisation == o {
                for d in instance.sessions[s].days { onDay[d, default: []].append(runs[s]!) }
            }
            let sets = essentialSets(onDay.filter { $0.value.count > limit })
            for (d, cols) in sets {
                model.addRow("concurrency[\(org.id),\(d)]", cols.map { ($0, 1.0) }, upper: Double(limit))
            }
        }
    }

    /// A structure with maxAbsent has at most that many learners in training on any date.
    private mutating func addMaxAbsentRows() {
        var byStructure: [Int: [(column: Int, days: [Day])]] = [:]
        for (g, k, c) in x where instance.structures[groups[g].structure].maxAbsent != nil {
            byStructure[groups[g].structure, default: []].append((c, instance.sessions[groups[g].options[k].session].days))
        }
        for (h, entries) in byStructure.sorted(by: { $0.key < $1.key }) {
            let limit = instance.structures[h].maxAbsent!
            var onDay: [Day: [Int]] = [:]
            for e in entries { for d in e.days { onDay[d, default: []].append(e.column) } }
            let binding = onDay.filter { $0.value.reduce(0.0) { $0 + model.variables[$1].upper } > Double(limit) }
            for (d, cols) in essentialSets(binding) {
                model.addRow("maxAbsent[\(instance.structures[h].id),\(d)]", cols.map { ($0, 1.0) }, upper: Double(limit))
            }
        }
    }
}

/// The column sets of per-day rows with the same right-hand side, keeping one row per distinct set
/// and dropping a set contained in another (its row is implied). Sorted by first day.
func essentialSets(_ onDay: [Day: [Int]]) -> [(Day, [Int])] {
    var firstDay: [[Int]: Day] = [:]
    for (d, cols) in onDay {
        let key = cols.sorted()
        if let seen = firstDay[key], seen < d { continue }
        firstDay[key] = d
    }
    let bySize = firstDay.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    var kept: [(Set<Int>, [Int])] = []
    for cols in bySize {
        let set = Set(cols)
        if kept.contains(where: { $0.0.isSuperset(of: set) }) { continue }
        kept.append((set, cols))
    }
    return kept.map { (firstDay[$0.1]!, $0.1) }.sorted { $0.0 < $1.0 }
}

extension PartModel {
    /// Whether every count column holds a whole number.
    func countsAreIntegral(_ values: [Double]) -> Bool {
        x.allSatisfy { abs(values[$0.column] - values[$0.column].rounded()) <= 1e-6 }
    }

    /// Turns an answer with fractional counts into one with whole counts and no worse objective:
    /// first the linear program with every integer column fixed at its value (a transportation
    /// problem: its simplex vertex is integral; given no time limit, since it is what turns an
    /// answer already found into a plan, but still stopped by an interruption), else the model
    /// with every count integer. Whatever stops a repair, the part keeps a plan: the greedy one,
    /// with the answer's bound and the status of what stopped it.
    func integralCounts(_ result: SolverResult, solver: any MILPSolver, options: SolveOptions) throws -> SolverResult {
        guard let values = result.values, !countsAreIntegral(values) else { return result }
        var fixed = model
        for (j, v) in model.variables.enumerated() where v.isInteger {
            fixed.setBounds(j, lower: values[j].rounded(), upper: values[j].rounded())
            fixed.setInteger(j, false)
        }
        var lpOptions = options
        lpOptions.timeLimit = nil
        var repaired = try solver.solve(fixed, options: lpOptions, start: nil)
        if let v = repaired.values, countsAreIntegral(v), let o = repaired.objective, let before = result.objective,
           o <= before + 1e-6 * max(1, abs(before)) {
            repaired.values = v.map { $0.rounded() }
            repaired.objective = model.objective(of: repaired.values!)
            repaired.termination = result.termination
            repaired.bound = result.bound
            return repaired
        }
        var integer = model
        for (_, _, c) in x { integer.setInteger(c, true) }
        let whole = try solver.solve(integer, options: options, start: greedyStart())
        if whole.values != nil { return whole }
        let stopped: TerminationStatus = repaired.termination == .interrupted || whole.termination == .interrupted
            ? .interrupted : .timeLimit
        let start = greedyStart()
        return SolverResult(termination: stopped, values: start, objective: start.map { model.objective(of: $0) },
                            bound: result.bound, seconds: result.seconds)
    }
}
