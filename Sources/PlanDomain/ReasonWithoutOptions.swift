// ReasonWithoutOptions: why a learner with no eligible option at all cannot be placed, in plain
// words for the planner (English or French): the first condition of SPEC 2.3 (Eligibility.swift,
// the same functions) that rules out every session of its path.

extension Instance {
    /// Why learner `l`, who has no eligible option at all, cannot be placed, in plain words.
    public func reasonWithoutOptions(_ l: Int, language t: Language = .en) -> String {
        let learner = learners[l]
        let structure = structures[learner.structure]
        let path = "\(learner.path) h"
        let ofPath = (sessionsByPath[learner.path] ?? []).filter { coversTerritory(session: $0, learner: l) }.sorted()
        if ofPath.isEmpty {
            return t.say("no session of the \(path) path in territory \(structure.territory)",
                         "aucune session du parcours de \(path) dans le département \(structure.territory)")
        }
        let inDates = ofPath.filter { datesIneligibility(session: $0, learner: l) == nil }
        if inDates.isEmpty {
            var window: [String] = []
            if let d = learner.availableFrom { window.append(t.say("start from \(d)", "début à partir du \(d)")) }
            if let d = learner.startBy { window.append(t.say("start by \(d)", "début au plus tard le \(d)")) }
            if let d = learner.finishBy { window.append(t.say("finish by \(d)", "fin au plus tard le \(d)")) }
            return t.say("no \(path) session within its dates", "aucune session de \(path) dans ses dates")
                + " (\(window.joined(separator: ", ")))"
        }
        if let today = replanning?.today, inDates.allSatisfy(hasStarted) {
            return t.say("every \(path) session within its dates started before \(today)",
                         "toutes les sessions de \(path) dans ses dates ont commencé avant le \(today)")
        }
        let free = inDates.filter { alternationIneligibility(session: $0, learner: l) == nil }
        if free.isEmpty {
            let days = structure.alternationDays.sorted().map(t.weekday).joined(separator: ", ")
            return t.say("every \(path) session within its dates trains on the structure's alternation day (\(days))",
                         "toutes les sessions de \(path) dans ses dates forment le jour d'alternance de la structure (\(days))")
        }
        return seatsOrDistance(l, sessions: free, language: t)
    }

    /// The reason when some sessions are within the learner's dates and alternation days: no
    /// seats in an allowed mode, or in-person sites too far.
    private func seatsOrDistance(_ l: Int, sessions free: [Int], language t: Language) -> String {
        let learner = learners[l]
        let path = "\(learner.path) h"
        let remoteSeats = free.contains { remoteSeatIneligibility(session: $0) == nil }
        let inPerson = free.filter { inPersonSeatIneligibility(session: $0) == nil }
        let nearest = inPerson.map { distanceKm(structure: learner.structure, site: sessions[$0].site!) }.min()
        let limit = travelLimit(of: learner).map { formatNumber($0) + " km" } ?? t.say("none", "aucune")
        let far = nearest.map {
            t.say("the nearest in-person session is \($0) km away (travel limit \(limit))",
                  "la session en présentiel la plus proche est à \($0) km (limite de déplacement : \(limit))")
        } ?? t.say("no in-person session within its dates", "aucune session en présentiel dans ses dates")
        switch learner.mode {
        case .inPerson:
            return far + t.say(" and remote is not allowed for this learner", " et la formation à distance n'est pas possible pour cet apprenant")
        case .remote:
            return t.say("no \(path) session within its dates has remote seats, and in person is not allowed for this learner",
                         "aucune session de \(path) dans ses dates n'a de places à distance, et le présentiel n'est pas possible pour cet apprenant")
        case .any:
            if remoteSeats { return t.say("no eligible session", "aucune session admissible") }
            return far + t.say(", and no session within its dates has remote seats", ", et aucune session dans ses dates n'a de places à distance")
        }
    }
}
