// PinnedAssignments: a learner's pinned assignment (`assigned`) must be eligible (SPEC §2.4), by
// the planner's own rules, checked on a probe instance of the learner and the session alone.

extension InstanceDecoder {
    /// Reports each pinned assignment that is not eligible. Checked on every pin whose learner,
    /// structure, session, organisation and site decoded, even when other items did not.
    mutating func checkPins(_ lists: DecodedLists, _ settings: InstanceSettings) {
        for (k, item) in lists.learners.items.enumerated() {
            guard let learner = item.object, let pin = learner.assigned, let session = lists.sessions[pin.session],
                  let probe = probe(learner, session, lists, settings),
                  let why = probe.ineligibility(learner: 0, session: 0, mode: pin.mode) else { continue }
            report("learners[\(k)].assigned", tr("the pinned assignment to \(session.id) (\(pin.mode.rawValue)) is not eligible: \(why.text(.en))",
                                                 "l'affectation imposée à \(session.id) (\(pin.mode.rawValue)) n'est pas admissible : \(why.text(.fr))"),
                   at: item.members?["assigned"]?.node.position)
        }
    }

    /// An instance of the learner (learner 0), the session (session 0) and their structure,
    /// organisation and site; nil when one of those did not decode.
    private func probe(_ learner: Learner, _ session: Session, _ lists: DecodedLists, _ settings: InstanceSettings) -> Instance? {
        guard let structure = lists.structures[learner.structure], let org = lists.organisations[session.organisation] else {
            return nil
        }
        let site = session.site.flatMap { lists.sites[$0] }
        if session.site != nil && site == nil { return nil }
        var probeSession = session
        probeSession.organisation = 0
        probeSession.site = site == nil ? nil : 0
        var probeLearner = learner
        probeLearner.structure = 0
        return settings.instance(name: nil, organisations: [org], sites: site.map { [$0] } ?? [],
                                 sessions: [probeSession], structures: [structure], learners: [probeLearner])
    }
}
