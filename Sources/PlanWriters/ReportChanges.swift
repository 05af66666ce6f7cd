// ReportChanges: the report's section on a re-plan (SPEC §6): what changed since the previous plan,
// one row per learner or session, as in changes.csv.
import PlanDomain
import Plot

extension Report {
    static func changesSection(_ changes: [Change]) -> Node<HTML.BodyContext> {
        func seat(_ s: RecordedSeat?) -> String { ChangeReport.seat(s, none: "") }
        return .section(
            .class("changes"),
            .h2(.text(say("Changes since the previous plan (\(changes.count))", "Changements depuis le plan précédent (\(changes.count))"))),
            .p(.class("note"), .text(ChangeReport.line(changes))),
            .if(!changes.isEmpty, .table(
                .thead(.tr(.th(.text(say("Learner", "Apprenant"))), .th("Session"), .th(.text(say("Change", "Changement"))),
                           .th(.text(say("Before", "Avant"))), .th(.text(say("After", "Après"))))),
                .tbody(
                    .forEach(changes) { c in
                        .tr(.td(.text(c.learner ?? "")), .td(.text(c.session ?? "")), .td(.text(c.kind.rawValue)),
                            .td(.text(seat(c.before))), .td(.text(seat(c.after))))
                    }
                )
            ))
        )
    }
}
