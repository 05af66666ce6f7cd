// Reasons: why a learner got no seat, in plain words for the planner.
import PlanDomain

extension Instance {
    /// Why learner `l`, who has no eligible option at all, cannot be placed, in plain words.
    public func reasonWithoutOptions(_ l: Int) -> String {
        let learner = learners[l]
        let structure = structures[learner.structure]
        let path = "\(learner.path) h"
        let ofPath = sessions.indices.filter {
            sessions[$0].path == learner.path && organisations[sessions[$0].organisation].territories.contains(structure.territory)
        }
        if ofPath.isEmpty { return "no session of the \(path) path in territory \(structure.territory)" }
        let inDates = ofPath.filter { s in
            let session = sessions[s]
            return !(learner.availableFrom.map { session.start < $0 } ?? false)
                && !(learner.startBy.map { session.start > $0 } ?? false)
                && !(learner.finishBy.map { session.end > $0 } ?? false)
        }
        if inDates.isEmpty {
            var window: [String] = []
            if let d = learner.availableFrom { window.append("start from \(d)") }
            if let d = learner.startBy { window.append("start by \(d)") }
            if let d = learner.finishBy { window.append("finish by \(d)") }
            return "no \(path) session within its dates (\(window.joined(separator: ", ")))"
        }
        if let today = replanning?.today, inDates.allSatisfy(hasStarted) {
            return "every \(path) session within its dates started before \(today)"
        }
        let free = inDates.filter { sessions[$0].trainingWeekdays.isDisjoint(with: structure.alternationDays) }
        if free.isEmpty {
            let days = structure.alternationDays.sorted().map(\.rawValue).joined(separator: ", ")
            return "every \(path) session within its dates trains on the structure's alternation day (\(days))"
        }
        let remoteSeats = free.contains { sessions[$0].capacityRemote > 0 }
        let inPerson = free.filter { sessions[$0].site != nil && sessions[$0].capacityInPerson > 0 }
        let nearest = inPerson.map { distanceKm(structure: learner.structure, site: sessions[$0].site!) }.min()
        let limit = travelLimit(of: learner).map { formatNumber($0) + " km" } ?? "none"
        let far = nearest.map { "the nearest in-person session is \($0) km away (travel limit \(limit))" }
            ?? "no in-person session within its dates"
        switch learner.mode {
        case .inPerson: return "\(far) and remote is not allowed for this learner"
        case .remote: return "no \(path) session within its dates has remote seats, and in person is not allowed for this learner"
        case .any: return remoteSeats ? "no eligible session" : "\(far), and no session within its dates has remote seats"
        }
    }

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
