// Groups: learners who are interchangeable (same structure, same availableFrom, same eligible
// options, not pinned, same previous seat when re-planning) become one group whose members are
// counted, not named, in the model.
import PlanDomain

/// Learners the model treats as one integer count.
struct Group {
    var structure: Int
    /// Learner indices, sorted by id: the order in which members receive seats.
    var learners: [Int]
    /// Eligible options, sorted by session id then mode.
    var options: [Option]
    /// Objective cost of each option for one member (SPEC §4 without the openSession term, plus
    /// SPEC §6's change cost).
    var costs: [Double]
    /// Objective cost of a member without a seat.
    var unassignedCost: Double
    /// All members are pinned to `options[0]`.
    var pinned: Bool

    var size: Int { learners.count }
}

/// Groups the learners that have at least one option; returns the groups and the learners with none.
/// With `aggregate` false every learner is a group of its own (the per-learner reference model).
func makeGroups(_ instance: Instance, aggregate: Bool = true) -> (groups: [Group], withoutOptions: [Int]) {
    struct Key: Hashable {
        var structure: Int
        var availableFrom: Int?
        var options: [Option]
        var pinned: Bool
        var previous: PreviousSeat
    }
    var index: [Key: Int] = [:]
    var groups: [Group] = []
    var none: [Int] = []
    let order = instance.learners.indices.sorted { precedesByBytes(instance.learners[$0].id, instance.learners[$1].id) }
    for l in order {
        let learner = instance.learners[l]
        let options: [Option]
        if let pin = learner.assigned {
            options = [Option(session: pin.session, mode: pin.mode)]
        } else {
            options = instance.eligibleOptions(learner: l)
        }
        if options.isEmpty { none.append(l); continue }
        let key = Key(structure: learner.structure, availableFrom: learner.availableFrom?.number, options: options,
                      pinned: learner.assigned != nil, previous: instance.replanning?.previous[l] ?? .none)
        if aggregate, let g = index[key] {
            groups[g].learners.append(l)
        } else {
            index[key] = groups.count
            groups.append(Group(structure: learner.structure, learners: [l], options: options,
                                costs: options.map { instance.outcomeCost(learner: l, option: $0) },
                                unassignedCost: instance.outcomeCost(learner: l, option: nil), pinned: learner.assigned != nil))
        }
    }
    return (groups, none)
}

/// Union-find over integers.
struct DisjointSets {
    private var parent: [Int]
    init(count: Int) { parent = Array(0..<count) }
    mutating func find(_ x: Int) -> Int {
        var r = x
        while parent[r] != r { r = parent[r] }
        var y = x
        while parent[y] != r { let next = parent[y]; parent[y] = r; y = next }
        return r
    }
    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}

/// An independent part: groups and sessions that share no row with any other part.
struct Part {
    var groups: [Int]
    var sessions: [Int]
}

/// Splits groups and sessions into independent parts. Two groups are linked when they compete for
/// a session, or share a structure with maxAbsent; two sessions when they share an organisation
/// with maxConcurrentSessions and a training day.
func decompose(_ instance: Instance, _ groups: [Group]) -> [Part] {
    let g = groups.count
    var sets = DisjointSets(count: g + instance.sessions.count)
    var used = Set<Int>()
    var firstOfStructure: [Int: Int] = [:]
    for (k, group) in groups.enumerated() {
        for o in group.options {
            sets.union(k, g + o.session)
            used.insert(o.session)
        }
        if instance.structures[group.structure].maxAbsent != nil {
            if let first = firstOfStructure[group.structure] { sets.union(first, k) } else { firstOfStructure[group.structure] = k }
        }
    }
    for (o, org) in instance.organisations.enumerated() where org.maxConcurrentSessions != nil {
        var firstOnDay: [Day: Int] = [:]
        for s in instance.sessionsByID where instance.sessions[s].organisation == o && used.contains(s) {
            for d in instance.sessions[s].days {
                if let first = firstOnDay[d] { sets.union(g + first, g + s) } else { firstOnDay[d] = s }
            }
        }
    }
    var parts: [Int: Part] = [:]
    var order: [Int] = []
    for k in 0..<g {
        let r = sets.find(k)
        if parts[r] == nil { parts[r] = Part(groups: [], sessions: []); order.append(r) }
        parts[r]!.groups.append(k)
    }
    for s in instance.sessionsByID where used.contains(s) {
        parts[sets.find(g + s)]!.sessions.append(s)
    }
    return order.map { parts[$0]! }
}
