// Replanning: an instance planned knowing an earlier plan of it (SPEC §6). Each learner's previous
// seat, what a change costs, and the date before which the past is frozen; the rules that follow
// from them live here, once: what counts as a change and what it costs, and who may still join a
// session that has started.

/// A learner's seat in the previous plan, as the new instance sees it.
public enum PreviousSeat: Sendable, Hashable {
    /// New in this instance, or had no seat: nothing it is given counts as a change.
    case none
    /// Had this (session, mode) of the new instance: any other outcome is a change.
    case seat(Option)
    /// Had a seat in a session the new instance no longer has: a change whatever happens.
    case vanished(session: String)
}

/// What re-planning adds to an instance.
public struct Replanning: Sendable {
    /// By learner index of the instance.
    public var previous: [PreviousSeat]
    /// The objective's cost of one change (a whole number, so that the exact stopping rule holds).
    public var changeWeight: Double
    /// Sessions whose first training day is before this date have started (SPEC §6).
    public var today: Day

    /// The default cost of a change: a tenth of an unassigned learner, ten remote seats, 5,000 km
    /// of travel. A move is worth making to give a seat to somebody who would have none (up to
    /// nine moves for one seat), never to save a few kilometres or a few days of waiting.
    public static let defaultChangeWeight = 10_000.0

    public init(previous: [PreviousSeat], changeWeight: Double = Replanning.defaultChangeWeight, today: Day) {
        self.previous = previous
        self.changeWeight = changeWeight
        self.today = today
    }
}

extension Instance {
    /// Whether session `s` has started on the re-planning date: its first training day is before it.
    public func hasStarted(_ s: Int) -> Bool {
        guard let r = replanning else { return false }
        return sessions[s].start < r.today
    }

    /// The rule for started sessions (SPEC §6): a session that has started keeps the learners it
    /// had, in their modes, and nobody joins it. True when learner `l` may take (s, m) under it.
    func mayJoinStarted(learner l: Int, session s: Int, mode m: Mode) -> Bool {
        guard hasStarted(s), let r = replanning else { return true }
        return r.previous[l] == .seat(Option(session: s, mode: m))
    }

    /// The fewest participants session `s` runs with (SPEC §3 rule 2): max(minSize, 1); but a
    /// session that has started when re-planning runs as it ran (SPEC §6), with whoever it kept:
    /// a withdrawal does not stop a course under way.
    public func minimumParticipants(_ s: Int) -> Int {
        hasStarted(s) ? 1 : max(sessions[s].minSize, 1)
    }

    /// The change cost of giving learner `l` option `o` (nil: no seat): the change weight when the
    /// learner had a seat and this is another (session, mode) or none (SPEC §6), else 0.
    public func changeCost(learner l: Int, option o: Option?) -> Double {
        isChange(learner: l, option: o) ? replanning!.changeWeight : 0
    }

    /// Whether giving learner `l` option `o` (nil: no seat) is a change (SPEC §6).
    public func isChange(learner l: Int, option o: Option?) -> Bool {
        guard let r = replanning else { return false }
        switch r.previous[l] {
        case .none: return false
        case .seat(let p): return o != p
        case .vanished: return true
        }
    }

    /// The number of learners who had a seat and keep it, same session and mode (summary `kept`).
    public func kept(of assignments: [Option?]) -> Int {
        guard let r = replanning else { return 0 }
        return assignments.indices.filter { l in assignments[l].map { r.previous[l] == .seat($0) } ?? false }.count
    }

    /// The number of changes in a plan (SPEC §6 `changes`).
    public func changes(of assignments: [Option?]) -> Int {
        assignments.indices.filter { isChange(learner: $0, option: assignments[$0]) }.count
    }

    /// The objective cost of learner `l`'s outcome: SPEC §4's (the unassigned weight for no seat)
    /// plus SPEC §6's change cost; without the openSession term.
    public func outcomeCost(learner l: Int, option o: Option?) -> Double {
        (o.map { cost(learner: l, option: $0) } ?? weights.unassigned) + changeCost(learner: l, option: o)
    }
}

/// Problems in files other than the instance file, each located by file, line and column: an
/// earlier plan that cannot be used to re-plan an instance, a damaged plan folder, spreadsheet
/// templates (exit 65, nothing written).
public struct LocatedProblems: Error, Sendable {
    public struct Issue: Sendable, CustomStringConvertible {
        /// The plan file (`assignments.csv`, `sessions.csv`), or nil for the instance file.
        public var file: String?
        /// The line in `file` (0: the whole file).
        public var line: Int
        /// The column's name in `file`, or the JSON path in the instance.
        public var field: String?
        public var message: String

        public init(file: String?, line: Int, field: String?, message: String) {
            self.file = file
            self.line = line
            self.field = field
            self.message = message
        }

        public var description: String {
            var place = file ?? ""
            if line > 0 { place += tr(" line \(line)", " ligne \(line)") }
            if let field { place += file == nil ? field : tr(", column \(field)", ", colonne \(field)") }
            return place.isEmpty ? message : place + tr(": ", " : ") + message
        }
    }
    public var issues: [Issue]
    public init(issues: [Issue]) { self.issues = issues }
}

extension Instance {
    /// This instance, re-planned knowing `previous` (SPEC §6): each learner's previous seat is
    /// recorded, learners of sessions that have started on `today` are pinned there, and nobody
    /// else may join those sessions. Throws when `previous` belongs to another instance (a learner
    /// of another structure, a session of another organisation or path, nothing in common), or
    /// when the past it records cannot stand in this instance (a learner of a started session who
    /// may not be there any more, a pin that contradicts a started session).
    public func replanned(knowing previous: PlanRecord, today: Day,
                          changeWeight: Double = Replanning.defaultChangeWeight) throws(LocatedProblems) -> Instance {
        var issues = foreignness(of: previous)
        guard issues.isEmpty else { throw LocatedProblems(issues: issues) }
        var out = self
        let sessionIndex = Dictionary(sessions.indices.map { (sessions[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        var seats = [PreviousSeat](repeating: .none, count: learners.count)
        for (l, learner) in learners.enumerated() {
            guard let seat = previous.learner(learner.id)?.seat else { continue }
            if let s = sessionIndex[seat.session] {
                seats[l] = .seat(Option(session: s, mode: seat.mode))
            } else {
                seats[l] = .vanished(session: seat.session)
            }
        }
        out.replanning = Replanning(previous: seats, changeWeight: changeWeight, today: today)
        for (l, learner) in learners.enumerated() {
            let started: Option? = if case .seat(let o) = seats[l], out.hasStarted(o.session) { o } else { nil }
            if let pin = learner.assigned {
                if let why = out.ineligibility(learner: l, session: pin.session, mode: pin.mode) {
                    issues.append(.init(file: nil, line: 0, field: "learners[\(l)].assigned",
                                        message: "\(learner.id) is pinned to \(sessions[pin.session].id) but \(why)"))
                } else if let started, started != Option(session: pin.session, mode: pin.mode) {
                    issues.append(.init(file: nil, line: 0, field: "learners[\(l)].assigned",
                                        message: "\(learner.id) is pinned to \(sessions[pin.session].id) but is in \(sessions[started.session].id), which started on \(sessions[started.session].start)"))
                }
                continue
            }
            guard let started else { continue }
            if let why = ineligibility(learner: l, session: started.session, mode: started.mode) {
                issues.append(.init(file: "assignments.csv", line: previous.learner(learner.id)!.line, field: "session",
                                    message: "\(learner.id) is in \(sessions[started.session].id), which started on \(sessions[started.session].start), but the instance no longer lets them be there: \(why)"))
            }
            out.learners[l].assigned = Pin(session: started.session, mode: started.mode)
        }
        guard issues.isEmpty else { throw LocatedProblems(issues: issues) }
        return out
    }

    /// Signs that `previous` is a plan of another instance: a learner hosted by another structure,
    /// a session of another organisation or path, or no learner and no session in common.
    private func foreignness(of previous: PlanRecord) -> [LocatedProblems.Issue] {
        var issues: [LocatedProblems.Issue] = []
        var common = 0
        for learner in learners {
            guard let old = previous.learner(learner.id) else { continue }
            common += 1
            let structure = structures[learner.structure].id
            if old.structure != structure {
                issues.append(.init(file: "assignments.csv", line: old.line, field: "structure",
                                    message: "\(learner.id) is hosted by \(old.structure) in this plan but by \(structure) in the instance: the plan seems to belong to another instance"))
            }
        }
        for session in sessions {
            guard let old = previous.session(session.id) else { continue }
            common += 1
            let organisation = organisations[session.organisation].id
            if old.organisation != organisation {
                issues.append(.init(file: "sessions.csv", line: old.line, field: "organisation",
                                    message: "\(session.id) belongs to \(old.organisation) in this plan but to \(organisation) in the instance: the plan seems to belong to another instance"))
            } else if old.path != session.path {
                issues.append(.init(file: "sessions.csv", line: old.line, field: "path_hours",
                                    message: "\(session.id) is a \(old.path) h session in this plan but a \(session.path) h one in the instance: the plan seems to belong to another instance"))
            }
        }
        if common == 0 && !(previous.learners.isEmpty && previous.sessions.isEmpty) {
            issues.append(.init(file: nil, line: 0, field: nil,
                                message: "the plan has no learner and no session in common with the instance: it belongs to another instance"))
        }
        return issues
    }
}
