// BruteForceSolver: an independent reference for the planner. It enumerates every assignment of a
// small instance, checks the hard rules of SPEC §3 and computes the objective of SPEC §4 on its own
// (it uses the domain only for eligibility, distances and session calendars, never the planner's
// `violations` or `objective`).
import PlanDomain

/// The hard rules of SPEC §3, written out directly: every way `a` breaks them (empty when none).
func bfViolations(_ instance: Instance, _ a: [Option?], minSizeExempt: (Int) -> Bool = { _ in false }) -> [String] {
    var out: [String] = []
    guard a.count == instance.learners.count else { return ["\(a.count) entries for \(instance.learners.count) learners"] }
    let sessions = instance.sessions
    var seats: [[Int]] = Array(repeating: [0, 0], count: sessions.count)
    for (l, option) in a.enumerated() {
        let learner = instance.learners[l]
        if let pin = learner.assigned {
            if option?.session != pin.session || option?.mode != pin.mode {
                out.append("\(learner.id): pinned to \(sessions[pin.session].id)/\(pin.mode) but got \(String(describing: option))")
            }
        }
        guard let option else { continue }
        if let why = instance.ineligibility(learner: l, session: option.session, mode: option.mode) {
            out.append("\(learner.id): not eligible for \(sessions[option.session].id)/\(option.mode): \(why)")
        }
        seats[option.session][option.mode == .inPerson ? 0 : 1] += 1
    }
    // 1. capacities; 2. minSize of running sessions.
    for (s, session) in sessions.enumerated() {
        if seats[s][0] > session.capacityInPerson { out.append("\(session.id): \(seats[s][0]) in person > \(session.capacityInPerson)") }
        if seats[s][1] > session.capacityRemote { out.append("\(session.id): \(seats[s][1]) remote > \(session.capacityRemote)") }
        let n = seats[s][0] + seats[s][1]
        if n > 0 && n < max(session.minSize, 1) && !minSizeExempt(s) { out.append("\(session.id): runs with \(n) < minSize \(session.minSize)") }
    }
    // 3. maxConcurrentSessions, per organisation per date.
    for (o, org) in instance.organisations.enumerated() {
        guard let limit = org.maxConcurrentSessions else { continue }
        var onDate: [Int: Int] = [:]
        for (s, session) in sessions.enumerated() where session.organisation == o && seats[s][0] + seats[s][1] > 0 {
            for d in Set(session.days.map(\.number)) { onDate[d, default: 0] += 1 }
        }
        for (d, n) in onDate where n > limit { out.append("\(org.id): \(n) sessions on day \(d) > \(limit)") }
    }
    // 4. maxAbsent, per structure per date.
    for (h, structure) in instance.structures.enumerated() {
        guard let limit = structure.maxAbsent else { continue }
        var onDate: [Int: Int] = [:]
        for (l, option) in a.enumerated() where instance.learners[l].structure == h {
            guard let option else { continue }
            for d in Set(sessions[option.session].days.map(\.number)) { onDate[d, default: 0] += 1 }
        }
        for (d, n) in onDate where n > limit { out.append("\(structure.id): \(n) learners away on day \(d) > \(limit)") }
    }
    return out
}

/// The cost of one learner's choice (SPEC §4 without the openSession term), written out directly.
func bfLearnerCost(_ instance: Instance, learner l: Int, _ option: Option?) -> Double {
    let w = instance.weights
    guard let option else { return w.unassigned }
    var c = 0.0
    if option.mode == .remote {
        c += w.remote
    } else {
        c += w.perKm * Double(instance.travelKm(learner: l, option: option)!)
    }
    if let from = instance.learners[l].availableFrom {
        c += w.perWaitingDay * Double(instance.sessions[option.session].days[0].number - from.number)
    }
    return c
}

/// The objective of SPEC §4, written out directly.
func bfObjective(_ instance: Instance, _ a: [Option?]) -> Double {
    var total = 0.0
    var running = Set<Int>()
    for (l, option) in a.enumerated() {
        total += bfLearnerCost(instance, learner: l, option)
        if let option { running.insert(option.session) }
    }
    return total + instance.weights.openSession * Double(running.count)
}

/// Each learner's choices: only its pin when pinned, else unassigned and every eligible (session, mode).
func bfChoices(_ instance: Instance) -> [[Option?]] {
    instance.learners.indices.map { l in
        if let pin = instance.learners[l].assigned { return [Option(session: pin.session, mode: pin.mode)] }
        var c: [Option?] = [nil]
        for s in instance.sessions.indices {
            for m in [Mode.inPerson, .remote] where instance.ineligibility(learner: l, session: s, mode: m) == nil {
                c.append(Option(session: s, mode: m))
            }
        }
        return c
    }
}

/// The size of the brute-force search space (saturating).
func bfSearchSpace(_ instance: Instance) -> Int {
    bfChoices(instance).reduce(1) { $0.multipliedReportingOverflow(by: $1.count).overflow ? Int.max : $0 * $1.count }
}

struct BFResult {
    /// The minimum objective over feasible assignments; nil when none is feasible.
    var best: Double?
    var bestAssignment: [Option?]?
    /// Complete assignments examined, and how many were feasible.
    var leaves = 0
    var feasible = 0
}

/// Exhaustive search. Capacity, maxAbsent and maxConcurrentSessions only get tighter as learners
/// are added, so partial assignments that break them are cut; minSize is checked on complete ones.
func bfSolve(_ instance: Instance) -> BFResult {
    let choices = bfChoices(instance)
    let sessions = instance.sessions
    let n = instance.learners.count
    // Compact indices for the dates that appear in any session.
    var dateIndex: [Int: Int] = [:]
    for s in sessions { for d in s.days where dateIndex[d.number] == nil { dateIndex[d.number] = dateIndex.count } }
    let sessionDates: [[Int]] = sessions.map { Array(Set($0.days.map { dateIndex[$0.number]! })) }
    let dates = dateIndex.count

    var seats = Array(repeating: [0, 0], count: sessions.count)
    var absent = Array(repeating: Array(repeating: 0, count: dates), count: instance.structures.count)
    var running = Array(repeating: Array(repeating: 0, count: dates), count: instance.organisations.count)
    var current = [Option?](repeating: nil, count: n)
    var result = BFResult()
    let costs: [[Double]] = (0..<n).map { l in choices[l].map { bfLearnerCost(instance, learner: l, $0) } }

    func search(_ l: Int, _ cost: Double) {
        if l == n {
            result.leaves += 1
            for (s, session) in sessions.enumerated() {
                let k = seats[s][0] + seats[s][1]
                if k > 0 && k < session.minSize { return }
            }
            result.feasible += 1
            if result.best == nil || cost < result.best! {
                result.best = cost
                result.bestAssignment = current
            }
            return
        }
        let h = instance.learners[l].structure
        let maxAbsent = instance.structures[h].maxAbsent
        for (k, choice) in choices[l].enumerated() {
            guard let choice else {
                current[l] = nil
                search(l + 1, cost + costs[l][k])
                continue
            }
            let s = choice.session, m = choice.mode == .inPerson ? 0 : 1
            let session = sessions[s]
            if seats[s][m] + 1 > session.capacity(choice.mode) { continue }
            if let maxAbsent, sessionDates[s].contains(where: { absent[h][$0] + 1 > maxAbsent }) { continue }
            let opens = seats[s][0] + seats[s][1] == 0
            let o = session.organisation
            if opens, let limit = instance.organisations[o].maxConcurrentSessions,
               sessionDates[s].contains(where: { running[o][$0] + 1 > limit }) { continue }
            // Apply, recurse, undo.
            seats[s][m] += 1
            if maxAbsent != nil { for d in sessionDates[s] { absent[h][d] += 1 } }
            if opens { for d in sessionDates[s] { running[o][d] += 1 } }
            current[l] = choice
            search(l + 1, cost + costs[l][k] + (opens ? instance.weights.openSession : 0))
            current[l] = nil
            if opens { for d in sessionDates[s] { running[o][d] -= 1 } }
            if maxAbsent != nil { for d in sessionDates[s] { absent[h][d] -= 1 } }
            seats[s][m] -= 1
        }
    }
    search(0, 0)
    return result
}
