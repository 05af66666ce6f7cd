// Reasons: why a learner who had eligible options got no seat, in plain words for the planner
// (one without any is explained by the domain: `Instance.reasonWithoutOptions`).
import PlanDomain

extension Instance {
    /// Why learner `l`, who had eligible options, is unassigned in the plan whose occupancy is `load`.
    func reasonWithOptions(_ l: Int, options: [Option], load: Occupancy, language t: Language = .en) -> String {
        let h = learners[l].structure
        var full = 0, absentLimit = 0, concurrency = 0, notRunning = 0, costly = 0
        for o in options {
            if load.seatsLeft(o) <= 0 { full += 1; continue }
            if load.absentRoom(structure: h, session: o.session) <= 0 { absentLimit += 1; continue }
            if !load.isRunning(o.session) {
                if !load.mayOpen(o.session) { concurrency += 1 } else { notRunning += 1 }
                continue
            }
            costly += 1
        }
        return competition(options.count, full: full, absent: absentLimit, concurrency: concurrency, notRunning: notRunning,
                           costly: costly, language: t)
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
