// Reasons: why a learner who had eligible options got no seat, in plain words for the planner
// (one without any is explained by the domain: `Instance.reasonWithoutOptions`).
import PlanDomain

/// What stands in the way of an unassigned learner's eligible options, counted by cause.
public struct Competition: Sendable, Equatable {
    /// Options whose seats are all taken by others.
    public var full = 0
    /// Options that would put more of the structure's learners in training on a day than it allows.
    public var absent = 0
    /// Options in sessions the organisation cannot open beside its others (concurrency limit).
    public var concurrency = 0
    /// Options in sessions that do not open (minimum size, or not worth opening).
    public var notRunning = 0
    /// Options that cost more than the learner's seat is worth under the weights.
    public var costly = 0

    public init(full: Int = 0, absent: Int = 0, concurrency: Int = 0, notRunning: Int = 0, costly: Int = 0) {
        self.full = full
        self.absent = absent
        self.concurrency = concurrency
        self.notRunning = notRunning
        self.costly = costly
    }
}

extension Instance {
    /// What stands in the way of each option of learner `l` in the plan whose occupancy is `load`
    /// (the first cause of each, in this order: seats, absences, concurrency, not open, cost).
    func competition(_ l: Int, options: [Option], load: Occupancy) -> Competition {
        let h = learners[l].structure
        var c = Competition()
        for o in options {
            if load.seatsLeft(o) <= 0 { c.full += 1; continue }
            if load.absentRoom(structure: h, session: o.session) <= 0 { c.absent += 1; continue }
            if !load.isRunning(o.session) {
                if !load.mayOpen(o.session) { c.concurrency += 1 } else { c.notRunning += 1 }
                continue
            }
            c.costly += 1
        }
        return c
    }

    /// Why learner `l`, who had eligible options, is unassigned in the plan whose occupancy is `load`.
    func reasonWithOptions(_ l: Int, options: [Option], load: Occupancy, language t: Language = .en) -> String {
        let c = competition(l, options: options, load: load)
        return competition(options.count, full: c.full, absent: c.absent, concurrency: c.concurrency,
                           notRunning: c.notRunning, costly: c.costly, language: t)
    }

    /// The competition reason in words, in the planner's language, with correct plurals.
    private func competition(_ n: Int, full: Int, absent: Int, concurrency: Int, notRunning: Int, costly: Int,
                             language t: Language) -> String {
        func are(_ k: Int) -> String { t.say(k == 1 ? "is" : "are", k == 1 ? "est" : "sont") }
        var parts: [String] = []
        if full > 0 {
            let seats = t.count(n, ("eligible seat", "eligible seats"), ("place possible", "places possibles"))
            parts.append(full == n
                ? t.say(n == 1 ? "its only eligible seat is taken by others" : "all its \(seats) are taken by others",
                        n == 1 ? "sa seule place possible est prise par d'autres" : "ses \(seats) sont toutes prises par d'autres")
                : t.say("\(full) of its \(seats) \(are(full)) taken by others", "\(full) de ses \(seats) \(full == 1 ? "est prise" : "sont prises") par d'autres"))
        }
        if absent > 0 {
            parts.append(t.say("\(absent) would put more of its structure's learners in training on one day than the structure allows",
                               "\(absent) mettrai\(absent == 1 ? "t" : "ent") en formation le même jour plus d'apprenants que sa structure n'en peut libérer"))
        }
        if concurrency > 0 {
            parts.append(t.say("\(concurrency) \(are(concurrency)) in sessions its organisation cannot run at the same time as its others",
                               "\(concurrency) \(are(concurrency)) dans des sessions que leur organisme ne peut pas tenir en même temps que les autres"))
        }
        if notRunning > 0 {
            parts.append(t.say("\(notRunning) \(are(notRunning)) in sessions that do not open (too few learners for their minimum size, or not worth opening)",
                               "\(notRunning) \(are(notRunning)) dans des sessions qui n'ouvrent pas (trop peu d'apprenants pour leur taille minimale, ou pas rentables)"))
        }
        if costly > 0 {
            parts.append(t.say("\(costly) would cost more than leaving the learner without a seat",
                               "\(costly) coûterai\(costly == 1 ? "t" : "ent") plus que de laisser l'apprenant sans place"))
        }
        return t.say("competition for seats: ", "places disputées : ") + parts.joined(separator: "; ")
    }
}
