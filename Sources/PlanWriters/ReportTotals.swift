// ReportTotals: the report's totals at a glance, per département (the structures' territories),
// per path and per organisation: learners, placed in person and remote, without a seat, average
// travel of the in-person participants and average waiting of those with a start date.
import PlanDomain
import Plot

extension Report {
    /// One line of totals.
    struct Totals {
        var learners = 0, inPerson = 0, remote = 0, km = 0, waiting = 0, waited = 0

        mutating func add(_ instance: Instance, learner l: Int, _ a: Option?) {
            learners += 1
            guard let a else { return }
            if a.mode == .inPerson { inPerson += 1 } else { remote += 1 }
            km += instance.travelKm(learner: l, option: a) ?? 0
            if let w = instance.waitingDays(learner: l, session: a.session) { waiting += w; waited += 1 }
        }

        var cells: [String] {
            let placed = inPerson + remote
            return [String(learners), String(placed), String(inPerson), String(remote), String(learners - placed),
                    inPerson > 0 ? formatNumber((Double(km) / Double(inPerson) * 10).rounded() / 10) : "—",
                    waited > 0 ? formatNumber((Double(waiting) / Double(waited) * 10).rounded() / 10) : "—"]
        }
    }

    static func totalsSection(_ instance: Instance, _ plan: Plan) -> Node<HTML.BodyContext> {
        var territory: [String: Totals] = [:], path: [Int: Totals] = [:], organisation: [String: Totals] = [:]
        for (l, learner) in instance.learners.enumerated() {
            let a = plan.assignments[l]
            territory[instance.structures[learner.structure].territory, default: Totals()].add(instance, learner: l, a)
            path[learner.path, default: Totals()].add(instance, learner: l, a)
            if let a { organisation[instance.organisations[instance.sessions[a.session].organisation].id, default: Totals()].add(instance, learner: l, a) }
        }
        let rows = territory.keys.sorted(by: precedesByBytes).map { (say("département ", "département ") + $0, territory[$0]!) }
            + path.keys.sorted().map { (say("path ", "parcours ") + "\($0) h", path[$0]!) }
            + organisation.keys.sorted(by: precedesByBytes).map { (say("organisation ", "organisme ") + $0, organisation[$0]!) }
        let heads = [say("", ""), say("Learners", "Apprenants"), say("Placed", "Placés"), say("In person", "Présentiel"),
                     say("Remote", "Distance"), say("Without a seat", "Sans place"), say("Average km (in person)", "Km moyens (présentiel)"),
                     say("Average waiting days", "Jours d'attente moyens")]
        return .section(
            .class("totals"),
            .h2(txt(say("Totals", "Totaux"))),
            .table(
                .thead(.tr(.forEach(heads) { .th(txt($0)) })),
                .tbody(.forEach(rows) { row in
                    .tr(.th(txt(row.0)), .forEach(row.1.cells) { .td(.class("num"), txt($0)) })
                })
            )
        )
    }
}
