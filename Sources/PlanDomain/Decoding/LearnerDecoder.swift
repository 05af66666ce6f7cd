// LearnerDecoder: one item of `learners` (SPEC §2): the learner's structure and path, the dates
// of their availability, the mode they accept, their travel limit and a pinned assignment.

/// Reads a learner; `structures` and `sessions` hold those lists' positions by id.
struct LearnerDecoder: ObjectDecoder {
    static let list = "learners"
    static var what: String { tr("a learner", "un apprenant") }
    var structures: [String: Int]
    var sessions: [String: Int]
    var paths: [Int]

    /// The learner's dates, each nil when not given.
    private struct Availability {
        var from: Day?
        var startBy: Day?
        var finishBy: Day?
    }

    func decode(_ o: ObjectMembers, id: String?, _ d: inout InstanceDecoder) -> Learner? {
        let structure = d.reference(d.required(o, "structure", Referent.structure.idWanted), structures, .structure)
        let path = d.pathValue(d.required(o, "path", tr("a path length in hours", "une durée de parcours en heures")), paths)
        let dates = availability(o, &d)
        let mode = self.mode(o, &d)
        let travel = d.number(o["maxTravelKm"], tr("a distance in km >= 0", "une distance en km ≥ 0"), min: 0)
        let pin = self.pin(o, &d)
        let contact = d.contact(o)
        guard let id, let structure, let path, let dates, let mode, o["maxTravelKm"] == nil || travel != nil, let pin,
              let contact else {
            return nil
        }
        var learner = Learner(id: id, name: d.string(o["name"]), structure: structure, path: path, availableFrom: dates.from,
                              startBy: dates.startBy, finishBy: dates.finishBy, mode: mode, maxTravelKm: travel, assigned: pin)
        learner.contact = Contact(name: learner.name, email: contact.email, phone: contact.phone)
        return learner
    }

    /// The dates; nil when one is wrong, or when the learner is available only after a deadline.
    private func availability(_ o: ObjectMembers, _ d: inout InstanceDecoder) -> Availability? {
        let from = d.date(o["availableFrom"]), startBy = d.date(o["startBy"]), finishBy = d.date(o["finishBy"])
        var ok = (o["availableFrom"] == nil || from != nil) && (o["startBy"] == nil || startBy != nil)
            && (o["finishBy"] == nil || finishBy != nil)
        if let from, let startBy, from > startBy {
            d.report(o.child("availableFrom"), tr("availableFrom \(from) is after startBy \(startBy)", "availableFrom \(from) est après startBy \(startBy)"), at: o["availableFrom"]!.node.position)
            ok = false
        }
        if let from, let finishBy, from > finishBy {
            d.report(o.child("availableFrom"), tr("availableFrom \(from) is after finishBy \(finishBy)", "availableFrom \(from) est après finishBy \(finishBy)"), at: o["availableFrom"]!.node.position)
            ok = false
        }
        return ok ? Availability(from: from, startBy: startBy, finishBy: finishBy) : nil
    }

    /// The modes the learner accepts, `any` when not given; nil when wrong.
    private func mode(_ o: ObjectMembers, _ d: inout InstanceDecoder) -> ModePreference? {
        guard let m = o["mode"] else { return .any }
        let what = tr("\"any\", \"inPerson\" or \"remote\"", "\"any\", \"inPerson\" ou \"remote\"")
        let s = d.string(m, what)
        let mode = s.flatMap(ModePreference.init(rawValue:))
        if let s, mode == nil { d.report(m.path, expected(what, found: "\"\(s)\""), at: m.node.position) }
        return mode
    }

    /// The pinned assignment: `.some(nil)` when there is none, nil when it is wrong.
    private func pin(_ o: ObjectMembers, _ d: inout InstanceDecoder) -> Pin?? {
        guard let a = o["assigned"] else { return .some(nil) }
        guard let ao = d.object(a.node, a.path, keys: InstanceKeys.of("learners[].assigned"),
                                what: tr("a pinned assignment {\"session\", \"mode\"}", "une affectation imposée {\"session\", \"mode\"}")) else { return nil }
        let session = d.reference(d.required(ao, "session", Referent.session.idWanted), sessions, .session)
        let modes = tr("\"inPerson\" or \"remote\"", "\"inPerson\" ou \"remote\"")
        let modeText = d.string(d.required(ao, "mode", modes), modes)
        let mode = modeText.flatMap(Mode.init(rawValue:))
        if let modeText, mode == nil { d.report(ao.child("mode"), expected(modes, found: "\"\(modeText)\"")) }
        guard let session, let mode else { return nil }
        return .some(Pin(session: session, mode: mode))
    }
}
