// ChangeReport: the changes between two plans (SPEC §6) in words for a person, and the list of
// who must be told: what a planner sends on Monday morning after a re-plan.
import PlanDomain

public enum ChangeReport {
    /// Counts of each kind of change.
    public static func counts(_ changes: [Change]) -> [ChangeKind: Int] {
        var n: [ChangeKind: Int] = [:]
        for c in changes { n[c.kind, default: 0] += 1 }
        return n
    }

    /// One line: `2 moved, 1 lost a seat, … ; sessions: 1 opened, 0 cancelled`.
    public static func line(_ changes: [Change]) -> String {
        let n = counts(changes)
        let learners = [(ChangeKind.new, "new"), (.withdrawn, "withdrawn"), (.moved, "moved"), (.lostSeat, "lost a seat"),
                        (.gainedSeat, "gained a seat")].map { "\(n[$0.0, default: 0]) \($0.1)" }
        return "learners: " + learners.joined(separator: ", ")
            + "; sessions: \(n[.opened, default: 0]) opened, \(n[.cancelled, default: 0]) cancelled"
    }

    /// Every change, grouped by kind, then who must be told.
    public static func text(_ changes: [Change]) -> String {
        var out = line(changes) + "\n"
        let sections: [(ChangeKind, String)] = [(.withdrawn, "withdrawn"), (.new, "new"), (.moved, "moved"),
                                                (.lostSeat, "lost a seat"), (.gainedSeat, "gained a seat"),
                                                (.opened, "sessions opened"), (.cancelled, "sessions cancelled")]
        for (kind, title) in sections {
            let rows = changes.filter { $0.kind == kind }
            guard !rows.isEmpty else { continue }
            out += "\(title) (\(rows.count)):\n"
            for c in rows { out += "  " + describe(c) + "\n" }
        }
        let told = mustBeTold(changes)
        if !changes.isEmpty {
            out += "who must be told:\n"
            out += "  learners (\(told.learners.count)): \(told.learners.joined(separator: ", "))\n"
            out += "  structures (\(told.structures.count)): \(told.structures.joined(separator: ", "))\n"
            out += "  organisations (\(told.organisations.count)): \(told.organisations.joined(separator: ", "))\n"
        }
        return out
    }

    /// The learners whose seat changed (new ones with a seat, withdrawn ones who had one, moved,
    /// lost or gained), their structures, and the organisations of every seat or session involved;
    /// each list sorted by id.
    public static func mustBeTold(_ changes: [Change]) -> (learners: [String], structures: [String], organisations: [String]) {
        var learners = Set<String>(), structures = Set<String>(), organisations = Set<String>()
        for c in changes {
            if c.kind == .new && c.after == nil { continue }
            if c.kind == .withdrawn && c.before == nil { continue }
            if let l = c.learner { learners.insert(l) }
            if let h = c.structure { structures.insert(h) }
            organisations.formUnion(c.organisations)
        }
        let sorted = { (s: Set<String>) in s.sorted(by: precedesByBytes) }
        return (sorted(learners), sorted(structures), sorted(organisations))
    }

    /// `S-105-A (in person, from 2027-01-04)`, or `none` for no seat.
    static func seat(_ s: RecordedSeat?, none: String = "no seat") -> String {
        guard let s else { return none }
        return "\(s.session) (\(s.mode == .inPerson ? "in person" : "remote"), from \(s.start))"
    }

    private static func describe(_ c: Change) -> String {
        if let session = c.session { return "\(session) (\(c.organisations.joined(separator: ", ")))" }
        let who = "\(c.learner ?? "")" + (c.structure.map { " of \($0)" } ?? "")
        switch c.kind {
        case .new: return "\(who): \(seat(c.after))"
        case .withdrawn: return "\(who): had \(seat(c.before))"
        default: return "\(who): \(seat(c.before)) -> \(seat(c.after))"
        }
    }
}
