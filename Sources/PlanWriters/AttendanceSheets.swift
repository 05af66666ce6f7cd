// AttendanceSheets: the attendance sheets (feuilles d'émargement) that a training organisation
// keeps for each running session, one printable, self-contained HTML page per session and ISO
// week with training days (inline CSS for A4 landscape, no script, no external resource). A page
// names the session, the organisation, the site (or "à distance"), the week's training days and
// hours, and holds a row per participant (name, id, structure, mode) with a morning and an
// afternoon signature box per training day, then the trainer's row. In French: it is a French
// administrative form. The same instance and plan always give the same bytes.
import PlanDomain
import Plot

public enum AttendanceSheets {
    /// The sheets of the running sessions `sessions`, in that order then by week, each named
    /// `attendance/<file name>-<yyyy>-W<ww>.html` with the session's file name from `fileNames`
    /// (index -> name) and the ISO year and week of its days.
    public static func render(_ instance: Instance, _ plan: Plan, sessions: [Int],
                              fileNames: [Int: String]) -> [(name: String, contents: String)] {
        var participants: [Int: [Int]] = [:]
        for l in PlanFiles.learnersByID(instance) {
            if let a = plan.assignments[l] { participants[a.session, default: []].append(l) }
        }
        var files: [(name: String, contents: String)] = []
        for s in sessions {
            guard let members = participants[s] else { continue }
            let file = fileNames[s] ?? Calendars.fileName(instance.sessions[s].id)
            for week in weeks(of: instance.sessions[s]) {
                let w = isoWeek(instance.sessions[s].days[week[0]])
                files.append(("attendance/\(file)-\(weekLabel(w)).html",
                              sheet(instance, plan, session: s, days: week, participants: members)))
            }
        }
        return files
    }

    /// The indices of a session's training days grouped by week (Monday to Sunday), in order.
    public static func weeks(of session: Session) -> [[Int]] {
        var out: [[Int]] = []
        for (k, d) in session.days.enumerated() {
            if let last = out.last?.last, session.days[last].monday == d.monday {
                out[out.count - 1].append(k)
            } else {
                out.append([k])
            }
        }
        return out
    }

    /// The ISO 8601 week of a day: the year of its week's Thursday, and the week's number in it.
    public static func isoWeek(_ day: Day) -> (year: Int, week: Int) {
        let thursday = day.monday.adding(days: 3)
        let year = thursday.civil.year
        let firstOfYear = Day(year: year, month: 1, day: 1)!
        return (year, (thursday - firstOfYear) / 7 + 1)
    }

    /// `2027-W01`.
    static func weekLabel(_ w: (year: Int, week: Int)) -> String {
        "\(w.year)-W" + (w.week < 10 ? "0" : "") + String(w.week)
    }

    /// One sheet: session `s`, its training days of indices `days` (one week), its participants
    /// (`participants`, by learner id).
    public static func sheet(_ instance: Instance, _ plan: Plan, session s: Int, days: [Int],
                             participants: [Int]) -> String {
        let session = instance.sessions[s]
        let title = "Feuille d'émargement — \(session.id) — semaine \(weekLabel(isoWeek(session.days[days[0]])))"
        let html = HTML(
            .lang(.french),
            .head(
                .encoding(.utf8),
                .element(named: "title", nodes: [Report.txt(title)]),
                .style(css)
            ),
            .body(
                .h1(Report.txt("Feuille d'émargement")),
                header(instance, plan, session: s, days: days, participants: participants),
                signatures(instance, plan, session: session, days: days, participants: participants),
                .p(.class("note"), Report.txt("Chaque participant signe chaque demi-journée de formation suivie ; "
                    + "le formateur signe chaque demi-journée. Feuille à conserver par l'organisme de formation."))
            )
        )
        return html.render() + "\n"
    }

    // MARK: - Parts of a sheet

    /// What the sheet is about: session, organisation, site, the week's dates and hours.
    static func header(_ instance: Instance, _ plan: Plan, session s: Int, days: [Int],
                       participants: [Int]) -> Node<HTML.BodyContext> {
        let session = instance.sessions[s]
        let modes = Set(participants.compactMap { plan.assignments[$0]?.mode })
        var place: [String] = []
        if modes.contains(.inPerson), let site = session.site {
            place.append(instance.sites[site].name.map { "\($0) (\(instance.sites[site].id))" } ?? instance.sites[site].id)
        }
        if modes.contains(.remote) { place.append(place.isEmpty ? "à distance" : "à distance pour les participants à distance") }
        let first = session.days[days[0]], last = session.days[days[days.count - 1]]
        let hours = days.reduce(0.0) { $0 + session.hours[$1] }
        let schedule = days.map { "\(frenchDate(session.days[$0])) : \(hoursText(session.hours[$0]))" }
        let rows: [(String, String)] = [
            ("Session", "\(session.id) — parcours de \(session.path) h, du \(frenchDate(session.start)) au \(frenchDate(session.end))"),
            ("Organisme de formation", Calendars.organisationName(instance, session)),
            ("Lieu", place.joined(separator: " ; ")),
            ("Semaine", "\(weekLabel(isoWeek(first))) : du \(frenchDate(first)) au \(frenchDate(last))"),
            ("Horaires", schedule.joined(separator: " ; ") + " — total \(hoursText(hours))"),
            ("Formateur (nom)", ""),
        ]
        return .table(
            .class("info"),
            .tbody(.forEach(rows) { row in .tr(.th(Report.txt(row.0)), .td(Report.txt(row.1))) })
        )
    }

    /// The signature table: a row per participant, two boxes (morning, afternoon) per training
    /// day, and the trainer's row at the foot.
    static func signatures(_ instance: Instance, _ plan: Plan, session: Session, days: [Int],
                           participants: [Int]) -> Node<HTML.BodyContext> {
        let boxes: [Int] = days.flatMap { [$0, $0] }
        return .table(
            .class("sheet"),
            .thead(
                .tr(
                    .forEach(["Nom", "Identifiant", "Structure d'accueil", "Modalité"]) { label in
                        .th(.attribute(named: "rowspan", value: "2"), Report.txt(label))
                    },
                    .forEach(days) { k in
                        .th(.attribute(named: "colspan", value: "2"), .class("day"),
                            Report.txt(frenchDate(session.days[k])), .br(), Report.txt(hoursText(session.hours[k])))
                    }
                ),
                .tr(.forEach(days) { _ in .group([.th(.class("half"), Report.txt("Matin")),
                                                  .th(.class("half"), Report.txt("Après-midi"))]) })
            ),
            .tbody(
                .forEach(participants) { l in
                    let learner = instance.learners[l]
                    let structure = instance.structures[learner.structure]
                    let mode = plan.assignments[l]?.mode == .remote ? "à distance" : "présentiel"
                    return .tr(
                        .class("participant"),
                        .td(.class("name"), Report.txt(learner.name ?? "")),
                        .td(.class("id"), Report.txt(learner.id)),
                        .td(Report.txt(structure.name.map { "\($0) (\(structure.id))" } ?? structure.id)),
                        .td(.class("mode"), Report.txt(mode)),
                        .forEach(boxes) { _ in .td(.class("sig")) }
                    )
                }
            ),
            .tfoot(
                .tr(
                    .class("trainer"),
                    .th(.attribute(named: "colspan", value: "4"), Report.txt("Signature du formateur")),
                    .forEach(boxes) { _ in .td(.class("sig")) }
                )
            )
        )
    }

    // MARK: - French text

    static let weekdayNames = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let monthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                             "octobre", "novembre", "décembre"]

    /// `lundi 4 janvier 2027` (`1er` for the first of a month).
    public static func frenchDate(_ day: Day) -> String {
        let c = day.civil
        return "\(weekdayNames[day.weekday.index]) \(c.day == 1 ? "1er" : String(c.day)) \(monthNames[c.month - 1]) \(c.year)"
    }

    /// `7 h`, `3,5 h`.
    static func hoursText(_ hours: Double) -> String {
        CSVDialect.excelFR.number(hours) + " h"
    }

    // MARK: - CSS

    static let css = """
        @page{size:A4 landscape;margin:10mm}
        body{font-family:Arial,Helvetica,sans-serif;font-size:11px;color:#000;margin:16px}
        h1{font-size:18px;margin:0 0 8px}
        table{border-collapse:collapse}
        th,td{border:1px solid #000;padding:3px 5px;text-align:left;vertical-align:middle}
        table.info{margin-bottom:10px}
        table.info th{background:#eee;font-weight:600}
        table.sheet{width:100%}
        table.sheet thead{display:table-header-group}
        table.sheet tfoot{display:table-footer-group}
        table.sheet thead th{background:#eee;text-align:center}
        td.sig{height:30px;min-width:56px}
        td.id,td.mode{white-space:nowrap}
        tr{break-inside:avoid;page-break-inside:avoid}
        .note{font-size:10px;margin-top:8px}
        @media print{body{margin:0}th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """
}
