// ReportChanges: the report's section on a re-plan (SPEC §6): what changed since the previous plan,
// one row per learner or session, as in changes.csv.
import PlanDomain
import Plot

extension Report {
    static func changesSection(_ changes: [Change]) -> Node<HTML.BodyContext> {
        func seat(_ s: RecordedSeat?) -> String { ChangeReport.seat(s, none: "") }
        return .section(
            .class("changes"),
            .h2(.text("Changes since the previous plan (\(changes.count))")),
            .p(.class("note"), .text(ChangeReport.line(changes))),
            .if(!changes.isEmpty, .table(
                .thead(.tr(.th("Learner"), .th("Session"), .th("Change"), .th("Before"), .th("After"))),
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
