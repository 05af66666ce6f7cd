// ChangeReport: the changes between two plans (SPEC §6) in words for a person (in the language of
// the run), and the list of who must be told: what a planner sends on Monday morning after a re-plan.
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
        let learners = [ChangeKind.new, .withdrawn, .moved, .lostSeat, .gainedSeat].map {
            "\(n[$0, default: 0]) \(word($0, count: n[$0, default: 0]))"
        }
        return say("learners: ", "apprenants : ") + learners.joined(separator: ", ")
            + say("; sessions: \(n[.opened, default: 0]) opened, \(n[.cancelled, default: 0]) cancelled",
                  " ; sessions : \(n[.opened, default: 0]) ouverte\(plural(n[.opened, default: 0])), "
                  + "\(n[.cancelled, default: 0]) annulée\(plural(n[.cancelled, default: 0]))")
    }

    /// What happened, agreeing with `count` in French: `moved` (`déplacé`, `déplacés`).
    static func word(_ kind: ChangeKind, count: Int = 2) -> String {
        let s = plural(count)
        switch kind {
        case .new: return say("new", count > 1 ? "nouveaux" : "nouveau")
        case .withdrawn: return say("withdrawn", "retiré" + s)
        case .moved: return say("moved", "déplacé" + s)
        case .lostSeat: return say("lost a seat", count > 1 ? "ont perdu leur place" : "a perdu sa place")
        case .gainedSeat: return say("gained a seat", count > 1 ? "ont obtenu une place" : "a obtenu une place")
        case .opened: return say("sessions opened", "sessions ouvertes")
        case .cancelled: return say("sessions cancelled", "sessions annulées")
        }
    }

    /// French plural ending: none for 0 and 1.
    static func plural(_ n: Int) -> String { n > 1 ? "s" : "" }

    static func say(_ en: String, _ fr: String) -> String { Language.current.say(en, fr) }

    /// Every change, grouped by kind, then who must be told.
    public static func text(_ changes: [Change]) -> String {
        var out = line(changes) + "\n"
        for kind in [ChangeKind.withdrawn, .new, .moved, .lostSeat, .gainedSeat, .opened, .cancelled] {
            let rows = changes.filter { $0.kind == kind }
            guard !rows.isEmpty else { continue }
            out += "\(word(kind)) (\(rows.count))" + say(":", " :") + "\n"
            for c in rows { out += "  " + describe(c) + "\n" }
        }
        let told = mustBeTold(changes)
        if !changes.isEmpty {
            out += say("who must be told:\n", "à prévenir :\n")
            out += say("  learners", "  apprenants") + " (\(told.learners.count))" + say(": ", " : ") + told.learners.joined(separator: ", ") + "\n"
            out += "  structures (\(told.structures.count))" + say(": ", " : ") + told.structures.joined(separator: ", ") + "\n"
            out += say("  organisations", "  organismes") + " (\(told.organisations.count))" + say(": ", " : ")
                + told.organisations.joined(separator: ", ") + "\n"
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
    static func seat(_ s: RecordedSeat?, none: String? = nil) -> String {
        guard let s else { return none ?? say("no seat", "sans place") }
        return "\(s.session) (" + (s.mode == .inPerson ? say("in person", "présentiel") : say("remote", "à distance"))
            + say(", from \(s.start))", ", à partir du \(s.start))")
    }

    private static func describe(_ c: Change) -> String {
        if let session = c.session { return "\(session) (\(c.organisations.joined(separator: ", ")))" }
        let who = "\(c.learner ?? "")" + (c.structure.map { say(" of ", " de ") + $0 } ?? "")
        switch c.kind {
        case .new: return who + say(": ", " : ") + seat(c.after)
        case .withdrawn: return who + say(": had ", " : avait ") + seat(c.before)
        default: return who + say(": ", " : ") + "\(seat(c.before)) -> \(seat(c.after))"
        }
    }
}
