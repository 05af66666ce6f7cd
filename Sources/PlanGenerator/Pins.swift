// Pins: a few learners pinned to an eligible seat (random stream 6), eligibility asked of the
// domain itself on the decoded instance.
import PlanDomain

extension Builder {
    /// Pins about 0.5% of learners to an eligible seat: at most one pin per session, only in
    /// sessions without a minimum size, only for learners whose structure has no `maxAbsent`,
    /// and never more pinned sessions on one day than the organisation's concurrency limit.
    mutating func pinSomeSeats() {
        let wanted = learnerCount / 200
        guard wanted > 0 else { return }
        var r = rng(6)
        var order = Array(learners.indices)
        r.shuffle(&order)
        let candidates = Array(order.filter { structures[learners[$0].structure].maxAbsent == nil }.prefix(wanted * 4))
        // Decode the candidates (with their structures and every session) to ask the domain itself.
        let structureSubset = Array(Set(candidates.map { learners[$0].structure })).sorted()
        let text = render(structures: structureSubset, learners: candidates.sorted())
        let instance: Instance
        do {
            instance = try Instance.decode(Array(text.utf8))
        } catch {
            preconditionFailure("generated instance is invalid: \(error)")
        }
        var learnerIndex: [String: Int] = [:]
        for (i, l) in instance.learners.enumerated() { learnerIndex[l.id] = i }
        var sessionIndex: [String: Int] = [:]
        for (i, s) in instance.sessions.enumerated() { sessionIndex[s.id] = i }

        // The sessions of each (organisation, path), in session order.
        var byOrganisationAndPath = Array(repeating: Array(repeating: [Int](), count: Builder.paths.count), count: organisations.count)
        for (s, session) in sessions.enumerated() {
            byOrganisationAndPath[session.organisation][Builder.paths.firstIndex(of: session.path)!].append(s)
        }
        var pinnedSession = Array(repeating: false, count: sessions.count)
        var pinnedPerDay = Array(repeating: [Int: Int](), count: organisations.count)
        var done = 0
        for l in candidates where done < wanted {
            let learner = learners[l]
            // The organisations covering the learner's territory: its region's and the remote one.
            var covering = [remoteOrganisation]
            if let region = structures[learner.structure].departement.region, let o = organisationOfRegion[region] {
                covering.insert(o, at: 0)
            }
            let p = Builder.paths.firstIndex(of: learner.path)!
            var options = covering.flatMap { byOrganisationAndPath[$0][p] }.filter {
                !pinnedSession[$0] && sessions[$0].minSize == 0
            }
            r.shuffle(&options)
            let modes: [Mode] = r.chance(0.6) ? [.inPerson, .remote] : [.remote, .inPerson]
            search: for mode in modes {
                for s in options {
                    let session = sessions[s]
                    guard instance.ineligibility(learner: learnerIndex[learner.id]!, session: sessionIndex[session.id]!,
                                                 mode: mode) == nil else { continue }
                    if let limit = organisations[session.organisation].maxConcurrentSessions {
                        guard session.days.allSatisfy({ pinnedPerDay[session.organisation][$0.number, default: 0] < limit }) else { continue }
                        for d in session.days { pinnedPerDay[session.organisation][d.number, default: 0] += 1 }
                    }
                    learners[l].pin = (s, mode)
                    pinnedSession[s] = true
                    done += 1
                    break search
                }
            }
        }
    }
}
