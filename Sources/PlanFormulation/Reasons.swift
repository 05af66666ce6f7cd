// Reasons: why a learner who had eligible options got no seat, in plain words for the planner
// (one without any is explained by the domain: `Instance.reasonWithoutOptions`).
import PlanDomain

extension Instance {
    /// Why learner `l`, who had eligible options, is unassigned in the plan whose occupancy is `load`.
    func reasonWithOptions(_ l: Int, options: [Option], load: Occupancy) -> String {
        let h = learners[l].structure
        var full = 0, absentLimit = 0, concurrency = 0, notRunning = 0, costly = 0
        for o in options {
            if load.seatsLeft(o) <= 0 { full += 1; continue }
            if load.absentRoom(structure: h, session: o.session) <= 0 { absentLimit += 1; continue }
            if !load.isRunning(o.session) {
                if !load.mayOpen(o.session) { concurrency += 1 } else { notRunning += 1 }
                continue
            }
            costly += 1
        }
        var parts: [String] = []
        let n = options.count
        if full > 0 { parts.append(full == n ? "all its \(n) eligible seat choices are taken by others" : "\(full) of its \(n) eligible seat choices are taken by others") }
        if absentLimit > 0 { parts.append("\(absentLimit) would exceed the structure's maxAbsent") }
        if concurrency > 0 { parts.append("\(concurrency) are in sessions its organisation cannot run at the same time as others (maxConcurrentSessions)") }
        if notRunning > 0 { parts.append("\(notRunning) are in sessions that do not run (too few learners for their minimum size, or not worth opening)") }
        if costly > 0 { parts.append("\(costly) would cost more than leaving the learner unassigned under the weights") }
        return "competition for seats: " + parts.joined(separator: "; ")
    }
}
