// Report: one self-contained HTML5 page of a plan (inline CSS and SVG, no scripts, no network
// resources) that a planner can open in a browser and forward: summary figures, a Gantt chart of
// each organisation's sessions, a map of structures and sites, the unassigned learners and their
// reasons, and the objective weights. The same instance and plan always give the same bytes.
// This file holds the page layout and its tables; the charts are in ReportGantt.swift and
// ReportMap.swift, drawn with the SVG elements of ReportSVG.swift, and a re-plan's changes in
// ReportChanges.swift.
import PlanDomain
import Plot

public enum Report {
    /// The HTML page of `plan` for `instance`; with `changes`, a re-plan's changes since the
    /// previous plan (SPEC §6).
    public static func render(_ instance: Instance, _ plan: Plan, changes: [Change]? = nil, language: PlanDomain.Language = .en) -> String {
        PlanDomain.Language.$current.withValue(language) { page(instance, plan, changes: changes) }
    }

    /// The language of the page being written (its labels; the data stay as they are).
    static var language: PlanDomain.Language { .current }

    /// `en` or `fr` text, in the page's language.
    static func say(_ en: String, _ fr: String) -> String { language.say(en, fr) }

    private static func page(_ instance: Instance, _ plan: Plan, changes: [Change]?) -> String {
        let summary = PlanFiles.Summary(instance, plan)
        let title = say("Training plan", "Plan de formation") + (instance.name.map { " — \($0)" } ?? "")
        let html = HTML(
            .lang(language == .fr ? .french : .english),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [txt(title)]),
                .style(css)
            ),
            .body(
                .h1(txt(title)),
                summarySection(summary, unassigned: instance.weights.unassigned),
                totalsSection(instance, plan),
                .if(changes != nil, changesSection(changes ?? [])),
                sessionsSection(instance, plan),
                mapSection(instance, plan),
                unassignedSection(instance, plan, count: summary.unassigned),
                weightsSection(instance.weights)
            )
        )
        return html.render() + "\n"
    }

    /// Text escaped here rather than by Plot, which lets entities such as `&amp;` through as they are.
    static func txt<C>(_ s: String) -> Node<C> { .raw(escapeXML(s)) }

    // MARK: - Sections

    static func summarySection(_ summary: PlanFiles.Summary, unassigned: Double) -> Node<HTML.BodyContext> {
        .section(
            .class("summary"),
            .h2(txt(say("Summary", "Résumé"))),
            .table(
                .class("figures"),
                .tbody(
                    .forEach(summaryRows(summary, unassigned: unassigned)) { row in
                        .tr(.th(txt(row.0)), .td(.class("num"), txt(row.1)))
                    }
                )
            )
        )
    }

    /// The legend, then one Gantt chart per organisation, by organisation id, all on the same axis.
    static func sessionsSection(_ instance: Instance, _ plan: Plan) -> Node<HTML.BodyContext> {
        var count: [Option: Int] = [:]
        for a in plan.assignments.compactMap({ $0 }) { count[a, default: 0] += 1 }
        let organisations = instance.organisations.indices.sorted {
            precedesByBytes(instance.organisations[$0].id, instance.organisations[$1].id)
        }
        let range = dateRange(instance)
        return .section(
            .class("sessions"),
            .h2(txt(say("Sessions by organisation", "Sessions par organisme"))),
            .p(.class("legend"), .svg(legend)),
            underFilled(instance, count: count),
            .forEach(organisations) { o in
                .div(
                    .class("organisation"),
                    .h3(txt(organisationTitle(instance, o))),
                    .svg(ganttChart(instance, organisation: o, count: count, range: range))
                )
            }
        )
    }

    static func mapSection(_ instance: Instance, _ plan: Plan) -> Node<HTML.BodyContext> {
        .section(
            .class("map"),
            .h2(txt(say("Map of structures and sites", "Carte des structures et des sites"))),
            .p(.class("note"), txt(say("Dots: host structures. Squares: sites. "
                + "A line joins a structure to each site where one of its learners trains in person.",
                "Points : structures d'accueil. Carrés : sites. "
                + "Un trait joint une structure à chaque site où l'un de ses apprenants se forme en présentiel."))),
            .svg(map(instance, plan))
        )
    }

    static func unassignedSection(_ instance: Instance, _ plan: Plan, count: Int) -> Node<HTML.BodyContext> {
        .section(
            .class("unassigned"),
            .h2(txt(say("Unassigned learners (\(count))", "Apprenants sans place (\(count))"))),
            unassignedTable(instance, plan)
        )
    }

    static func weightsSection(_ weights: Weights) -> Node<HTML.BodyContext> {
        .section(
            .class("weights"),
            .h2(txt(say("Objective weights", "Poids de l'objectif"))),
            .table(
                .thead(.tr(.th(txt(say("Term", "Terme"))), .th(txt(say("Weight", "Poids"))))),
                .tbody(
                    .forEach(weightRows(weights)) { row in
                        .tr(.td(txt(row.0)), .td(.class("num"), txt(row.1)))
                    }
                )
            )
        )
    }

    // MARK: - Summary and tables

    /// Sessions that open with under a third of their seats taken: worth a look (merge, or fewer seats).
    static func underFilled(_ instance: Instance, count: [Option: Int]) -> Node<HTML.BodyContext> {
        let rows: [(String, Int, Int)] = instance.sessionsByID.compactMap { s in
            let session = instance.sessions[s]
            let taken = Mode.allCases.reduce(0) { $0 + count[Option(session: s, mode: $1), default: 0] }
            let seats = session.capacityInPerson + session.capacityRemote
            return taken > 0 && 3 * taken < seats ? (session.id, taken, seats) : nil
        }
        guard !rows.isEmpty else { return .empty }
        let list = rows.map { say("\($0.0) (\($0.1) of \($0.2) seats)",
                                  "\($0.0) (" + language.count($0.1, ("seat", "seats"), ("place", "places")) + " sur \($0.2))") }
        return .p(.class("note"), txt(say("Open with under a third of their seats taken: ", "Ouvertes avec moins d'un tiers de leurs places prises : ")
            + list.joined(separator: ", ")))
    }

    static func summaryRows(_ s: PlanFiles.Summary, unassigned: Double) -> [(String, String)] {
        [
            (say("Status", "Statut"), s.status.rawValue),
            (say("Objective", "Objectif"), formatNumber(s.objective)),
            (say("Bound", "Borne"), formatNumber(s.bound)),
            (say("Gap", "Écart"), percent(s.gap) + (s.worthInLearners(unassignedWeight: unassigned).map { " (\($0))" } ?? "")),
            (say("Learners", "Apprenants"), String(s.learners)),
            (say("Assigned", "Placés"), String(s.assigned)),
            (say("Assigned in person", "Placés en présentiel"), String(s.inPerson)),
            (say("Assigned remote", "Placés à distance"), String(s.remote)),
            (say("Unassigned", "Sans place"), String(s.unassigned)),
            (say("Sessions run", "Sessions ouvertes"), String(s.sessionsRun)),
        ] + (s.changes.map { [(say("Changed since the previous plan", "Changements depuis le plan précédent"), String($0)), (say("Kept their seat", "Gardent leur place"), String(s.kept ?? 0))] } ?? [])
    }

    /// A fraction as a percentage with two decimals: `0.00%`, `1.25%`.
    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        let hundredths = Int((x * 10_000).rounded(.toNearestOrAwayFromZero))
        let a = abs(hundredths)
        let frac = a % 100 < 10 ? "0" + String(a % 100) : String(a % 100)
        return (hundredths < 0 ? "-" : "") + String(a / 100) + "." + frac + "%"
    }

    static func weightRows(_ w: Weights) -> [(String, String)] {
        [
            (say("per unassigned learner", "par apprenant sans place"), formatNumber(w.unassigned)),
            (say("per remote participant", "par participant à distance"), formatNumber(w.remote)),
            (say("per km travelled (in person)", "par km parcouru (en présentiel)"), formatNumber(w.perKm)),
            (say("per waiting day", "par jour d'attente"), formatNumber(w.perWaitingDay)),
            (say("per running session", "par session ouverte"), formatNumber(w.openSession)),
        ]
    }

    static func unassignedTable(_ instance: Instance, _ plan: Plan) -> Node<HTML.BodyContext> {
        let learners = PlanFiles.learnersByID(instance).filter { plan.assignments[$0] == nil }
        if learners.isEmpty { return .p(.class("note"), txt(say("Every learner has a seat.", "Chaque apprenant a une place."))) }
        return .table(
            .thead(.tr(.th(txt(say("Learner", "Apprenant"))), .th(txt(say("Name", "Nom"))), .th("Structure"), .th(txt(say("Path (h)", "Parcours (h)"))), .th(txt(say("Reason", "Raison"))))),
            .tbody(
                .forEach(learners) { l in
                    let learner = instance.learners[l]
                    let structure = instance.structures[learner.structure]
                    return .tr(
                        .td(txt(learner.id)),
                        .td(txt(learner.name ?? "")),
                        .td(txt(structure.id + (structure.name.map { " — \($0)" } ?? ""))),
                        .td(.class("num"), txt(String(learner.path))),
                        .td(txt(plan.reasons[l] ?? ""))
                    )
                }
            )
        )
    }

    static func organisationTitle(_ instance: Instance, _ o: Int) -> String {
        let org = instance.organisations[o]
        let territories = org.territories.sorted { precedesByBytes($0, $1) }.joined(separator: ", ")
        return org.id + (org.name.map { " — \($0)" } ?? "") + (territories.isEmpty ? "" : say(" (territories \(territories))", " (départements \(territories))"))
    }

    // MARK: - CSS

    static let css = """
        body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:24px;color:#1a202c;max-width:1040px}
        h1{font-size:24px;margin:0 0 16px}
        h2{font-size:19px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}
        h3{font-size:15px;margin:20px 0 6px}
        table{border-collapse:collapse;font-size:13px}
        th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
        thead th{background:#edf2f7}
        table.figures th{background:#f7fafc;font-weight:600}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        svg{display:block;max-width:100%;height:auto}
        p.legend svg{display:inline-block}
        .note{color:#555;font-size:13px}
        @media print{body{margin:0}section{break-inside:avoid-page}}
        """
}
