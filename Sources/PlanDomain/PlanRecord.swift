// PlanRecord: what a plan folder says, by id (who sits where, which sessions run), whether read
// back from the files of an earlier `plan solve` or taken from a plan just made; and the changes
// between two of them (SPEC §6), which `plan solve --previous` and `plan diff` both list.

/// A (session, mode) by id, with the session's first day.
public struct RecordedSeat: Hashable, Sendable {
    public var session: String
    public var mode: Mode
    public var start: Day

    public init(session: String, mode: Mode, start: Day) {
        self.session = session
        self.mode = mode
        self.start = start
    }

    /// Same session and mode (SPEC §6: a change of start date alone is not a change of seat).
    public func isSameSeat(as other: RecordedSeat) -> Bool { session == other.session && mode == other.mode }
}

/// A plan folder, by id. `line` is where each entry was read (0 when not read from a file).
public struct PlanRecord: Sendable {
    public struct Learner: Sendable {
        public var id: String
        public var structure: String
        public var organisation: String?
        public var path: Int
        public var seat: RecordedSeat?
        public var line: Int
        public init(id: String, structure: String, organisation: String? = nil, path: Int, seat: RecordedSeat?, line: Int = 0) {
            self.id = id
            self.structure = structure
            self.organisation = organisation
            self.path = path
            self.seat = seat
            self.line = line
        }
    }

    public struct Session: Sendable {
        public var id: String
        public var organisation: String
        public var path: Int
        public var start: Day
        public var runs: Bool
        public var line: Int
        public init(id: String, organisation: String, path: Int, start: Day, runs: Bool, line: Int = 0) {
            self.id = id
            self.organisation = organisation
            self.path = path
            self.start = start
            self.runs = runs
            self.line = line
        }
    }

    /// Sorted by id (bytes of UTF-8).
    public private(set) var learners: [Learner]
    /// Sorted by id (bytes of UTF-8).
    public private(set) var sessions: [Session]
    public private(set) var learnerIndex: [String: Int]
    public private(set) var sessionIndex: [String: Int]

    public init(learners: [Learner], sessions: [Session]) {
        self.learners = learners.sorted { precedesByBytes($0.id, $1.id) }
        self.sessions = sessions.sorted { precedesByBytes($0.id, $1.id) }
        learnerIndex = Dictionary(self.learners.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        sessionIndex = Dictionary(self.sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func learner(_ id: String) -> Learner? { learnerIndex[id].map { learners[$0] } }
    public func session(_ id: String) -> Session? { sessionIndex[id].map { sessions[$0] } }
}

extension PlanRecord {
    /// The record of a plan just made for `instance`.
    public init(_ instance: Instance, assignments: [Option?]) {
        var running = Set<Int>()
        var learners: [Learner] = []
        for (l, learner) in instance.learners.enumerated() {
            let a = assignments[l]
            if let a { running.insert(a.session) }
            let seat = a.map { RecordedSeat(session: instance.sessions[$0.session].id, mode: $0.mode, start: instance.sessions[$0.session].start) }
            let organisation = a.map { instance.organisations[instance.sessions[$0.session].organisation].id }
            learners.append(Learner(id: learner.id, structure: instance.structures[learner.structure].id,
                                    organisation: organisation, path: learner.path, seat: seat))
        }
        let sessions = instance.sessions.enumerated().map { s, session in
            Session(id: session.id, organisation: instance.organisations[session.organisation].id, path: session.path,
                    start: session.start, runs: running.contains(s))
        }
        self.init(learners: learners, sessions: sessions)
    }
}

/// What changed for a learner or a session between two plans (SPEC §6).
public enum ChangeKind: String, Sendable, CaseIterable {
    /// In the new plan only.
    case new
    /// Had a seat and has another (session, mode).
    case moved
    /// Had a seat and has none.
    case lostSeat = "lost_seat"
    /// Had no seat and has one.
    case gainedSeat = "gained_seat"
    /// In the old plan only.
    case withdrawn
    /// A session that runs now and did not.
    case opened
    /// A session that ran and does not any more (or is gone).
    case cancelled
}

/// One row of `changes.csv`: a learner row (`learner` set) or a session row (`session` set).
public struct Change: Sendable, Equatable {
    public var learner: String?
    public var session: String?
    public var kind: ChangeKind
    public var before: RecordedSeat?
    public var after: RecordedSeat?
    /// The learner's structure (learner rows), for the list of who must be told.
    public var structure: String?
    /// The organisations concerned: the session's, or those of the learner's seats before and after.
    public var organisations: [String]

    public init(learner: String? = nil, session: String? = nil, kind: ChangeKind, before: RecordedSeat? = nil,
         after: RecordedSeat? = nil, structure: String? = nil, organisations: [String]) {
        self.learner = learner
        self.session = session
        self.kind = kind
        self.before = before
        self.after = after
        self.structure = structure
        self.organisations = organisations
    }
}

extension PlanRecord {
    /// Every change from this plan to `new`, sorted by learner then session (SPEC §6; session rows,
    /// whose learner is empty, first).
    public func changes(to new: PlanRecord) -> [Change] {
        var out: [Change] = []
        for old in learners where new.learner(old.id) == nil {
            out.append(Change(learner: old.id, kind: .withdrawn, before: old.seat, structure: old.structure,
                              organisations: [old.organisation].compactMap { $0 }))
        }
        for now in new.learners {
            let orgs = { (old: Learner?) in Array(Set([old?.organisation, now.organisation].compactMap { $0 })).sorted(by: precedesByBytes) }
            guard let old = learner(now.id) else {
                out.append(Change(learner: now.id, kind: .new, after: now.seat, structure: now.structure, organisations: orgs(nil)))
                continue
            }
            let kind: ChangeKind?
            switch (old.seat, now.seat) {
            case (nil, nil): kind = nil
            case (nil, _?): kind = .gainedSeat
            case (_?, nil): kind = .lostSeat
            case (let a?, let b?): kind = a.isSameSeat(as: b) ? nil : .moved
            }
            if let kind {
                out.append(Change(learner: now.id, kind: kind, before: old.seat, after: now.seat, structure: now.structure,
                                  organisations: orgs(old)))
            }
        }
        for old in sessions where old.runs && new.session(old.id)?.runs != true {
            out.append(Change(session: old.id, kind: .cancelled, organisations: [old.organisation]))
        }
        for now in new.sessions where now.runs && session(now.id)?.runs != true {
            out.append(Change(session: now.id, kind: .opened, organisations: [now.organisation]))
        }
        return out.sorted { a, b in
            let la = a.learner ?? "", lb = b.learner ?? ""
            if la != lb { return precedesByBytes(la, lb) }
            return precedesByBytes(a.session ?? "", b.session ?? "")
        }
    }
}
