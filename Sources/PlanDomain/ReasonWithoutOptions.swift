// ReasonWithoutOptions: why a learner with no eligible option at all cannot be placed, in plain
// words for the planner: the first condition of SPEC 2.3 (Eligibility.swift, the same functions)
// that rules out every session of its path.

extension Instance {
    /// Why learner `l`, who has no eligible option at all, cannot be placed, in plain words.
    public func reasonWithoutOptions(_ l: Int) -> String {
        let learner = learners[l]
        let structure = structures[learner.structure]
        let path = "\(learner.path) h"
        let ofPath = (sessionsByPath[learner.path] ?? []).filter { coversTerritory(session: $0, learner: l) }.sorted()
        if ofPath.isEmpty { return "no session of the \(path) path in territory \(structure.territory)" }
        let inDates = ofPath.filter { datesIneligibility(session: $0, learner: l) == nil }
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
        let free = inDates.filter { alternationIneligibility(session: $0, learner: l) == nil }
        if free.isEmpty {
            let days = structure.alternationDays.sorted().map(\.rawValue).joined(separator: ", ")
            return "every \(path) session within its dates trains on the structure's alternation day (\(days))"
        }
        return seatsOrDistance(l, sessions: free)
    }

    /// The reason when some sessions are within the learner's dates and alternation days: no
    /// seats in an allowed mode, or in-person sites too far.
    private func seatsOrDistance(_ l: Int, sessions free: [Int]) -> String {
        let learner = learners[l]
        let path = "\(learner.path) h"
        let remoteSeats = free.contains { remoteSeatIneligibility(session: $0) == nil }
        let inPerson = free.filter { inPersonSeatIneligibility(session: $0) == nil }
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
}
