// Report: one self-contained HTML5 page of a plan (inline CSS and SVG, no scripts, no network
// resources) that a planner can open in a browser and forward: summary figures, a Gantt chart of
// each organisation's sessions, a map of structures and sites, the unassigned learners and their
// reasons, and the objective weights. The same instance and plan always give the same bytes.
import Foundation
import PlanDomain
import Plot

public enum Report {
    /// The HTML page of `plan` for `instance`; with `changes`, a re-plan's changes since the
    /// previous plan (SPEC §6).
    public static func render(_ instance: Instance, _ plan: Plan, changes: [Change]? = nil) -> String {
        let summary = PlanFiles.Summary(instance, plan)
        let title = "Training plan" + (instance.name.map { " — \($0)" } ?? "")
        var count: [Option: Int] = [:]
        for a in plan.assignments.compactMap({ $0 }) { count[a, default: 0] += 1 }
        let organisations = instance.organisations.indices.sorted {
            precedesByBytes(instance.organisations[$0].id, instance.organisations[$1].id)
        }
        let range = dateRange(instance)

        let html = HTML(
            .lang(.english),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.raw(escapeXML(title))]),
                .style(css)
            ),
            .body(
                .h1(txt(title)),
                .section(
                    .class("summary"),
                    .h2("Summary"),
                    .table(
                        .class("figures"),
                        .tbody(
                            .forEach(summaryRows(summary)) { row in
                                .tr(.th(txt(row.0)), .td(.class("num"), txt(row.1)))
                            }
                        )
                    )
                ),
                .if(changes != nil, changesSection(changes ?? [])),
                .section(
                    .class("sessions"),
                    .h2("Sessions by organisation"),
                    .p(.class("legend"), .raw(legendSVG)),
                    .forEach(organisations) { o in
                        .div(
                            .class("organisation"),
                            .h3(txt(organisationTitle(instance, o))),
                            .raw(ganttSVG(instance, organisation: o, count: count, range: range))
                        )
                    }
                ),
                .section(
                    .class("map"),
                    .h2("Map of structures and sites"),
                    .p(.class("note"), txt("Dots: host structures. Squares: sites. "
                        + "A line joins a structure to each site where one of its learners trains in person.")),
                    .raw(mapSVG(instance, plan))
                ),
                .section(
                    .class("unassigned"),
                    .h2(txt("Unassigned learners (\(summary.unassigned))")),
                    unassignedTable(instance, plan)
                ),
                .section(
                    .class("weights"),
                    .h2("Objective weights"),
                    .table(
                        .thead(.tr(.th("Term"), .th("Weight"))),
                        .tbody(
                            .forEach(weightRows(instance.weights)) { row in
                                .tr(.td(txt(row.0)), .td(.class("num"), txt(row.1)))
                            }
                        )
                    )
                )
            )
        )
        return html.render() + "\n"
    }

    /// Text escaped here rather than by Plot, which lets entities such as `&amp;` through as they are.
    static func txt<C>(_ s: String) -> Node<C> { .raw(escapeXML(s)) }

    // MARK: - Summary and tables

    static func summaryRows(_ s: PlanFiles.Summary) -> [(String, String)] {
        [
            ("Status", s.status.rawValue),
            ("Objective", formatNumber(s.objective)),
            ("Bound", formatNumber(s.bound)),
            ("Gap", percent(s.gap)),
            ("Learners", String(s.learners)),
            ("Assigned", String(s.assigned)),
            ("Assigned in person", String(s.inPerson)),
            ("Assigned remote", String(s.remote)),
            ("Unassigned", String(s.unassigned)),
            ("Sessions run", String(s.sessionsRun)),
        ] + (s.changes.map { [("Changed since the previous plan", String($0)), ("Kept their seat", String(s.kept ?? 0))] } ?? [])
    }

    static func weightRows(_ w: Weights) -> [(String, String)] {
        [
            ("per unassigned learner", formatNumber(w.unassigned)),
            ("per remote participant", formatNumber(w.remote)),
            ("per km travelled (in person)", formatNumber(w.perKm)),
            ("per waiting day", formatNumber(w.perWaitingDay)),
            ("per running session", formatNumber(w.openSession)),
        ]
    }

    static func unassignedTable(_ instance: Instance, _ plan: Plan) -> Node<HTML.BodyContext> {
        let learners = PlanFiles.learnersByID(instance).filter { plan.assignments[$0] == nil }
        if learners.isEmpty { return .p(.class("note"), txt("Every learner has a seat.")) }
        return .table(
            .thead(.tr(.th("Learner"), .th("Name"), .th("Structure"), .th("Path (h)"), .th("Reason"))),
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
        return org.id + (org.name.map { " — \($0)" } ?? "") + (territories.isEmpty ? "" : " (territories \(territories))")
    }

    // MARK: - Gantt charts

    /// The first and last day shown on every Gantt chart, so that charts line up.
    static func dateRange(_ instance: Instance) -> (first: Day, last: Day) {
        guard let first = instance.sessions.map(\.start).min(), let last = instance.sessions.map(\.end).max() else {
            return (Day(number: 0), Day(number: 30))
        }
        // Whole months, so that the axis starts and ends on a tick.
        let a = first.civil, b = last.civil
        let start = Day(year: a.year, month: a.month, day: 1) ?? first
        let next = b.month == 12 ? (b.year + 1, 1) : (b.year, b.month + 1)
        let end = (Day(year: next.0, month: next.1, day: 1) ?? last.adding(days: 1)).adding(days: -1)
        return (start, end)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let colourInPerson = "#2b6cb0", colourRemote = "#dd6b20", colourRuns = "#38a169", colourCancelled = "#c8c8c8"

    static var legendSVG: String {
        var svg = SVG(width: 620, height: 20)
        svg.rect(0, 5, 22, 10, fill: colourRuns)
        svg.text(28, 14, "session runs")
        svg.rect(120, 5, 22, 10, fill: colourCancelled)
        svg.text(148, 14, "cancelled")
        svg.rect(230, 5, 22, 10, fill: colourInPerson)
        svg.text(258, 14, "in-person seats used")
        svg.rect(400, 5, 22, 10, fill: colourRemote)
        svg.text(428, 14, "remote seats used (of capacity)")
        return svg.close()
    }

    static func ganttSVG(_ instance: Instance, organisation o: Int, count: [Option: Int],
                         range: (first: Day, last: Day)) -> String {
        let sessions = instance.sessionsByID.filter { instance.sessions[$0].organisation == o }
        let labelW = 190.0, chartX = 200.0, chartW = 560.0, fillX = 780.0, fillW = 70.0, width = 1000.0
        let top = 34.0, rowH = 24.0
        let height = top + rowH * Double(max(1, sessions.count)) + 8
        var svg = SVG(width: width, height: height)
        let span = Double(range.last - range.first + 1)
        func x(_ d: Day) -> Double { chartX + Double(d - range.first) / span * chartW }

        // Column headers and month ticks.
        svg.text(0, 14, "session", weight: "bold")
        svg.text(fillX, 14, "in person", weight: "bold")
        svg.text(fillX + fillW + 40, 14, "remote", weight: "bold")
        var months: [Day] = []
        var (y, m) = (range.first.civil.year, range.first.civil.month)
        while let d = Day(year: y, month: m, day: 1), d <= range.last {
            months.append(d)
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        let step = max(1, (months.count + 11) / 12)
        for (i, d) in months.enumerated() {
            svg.line(x(d), top - 8, x(d), height - 4, stroke: "#d0d0d0")
            if i % step == 0 {
                let c = d.civil
                svg.text(x(d) + 2, 24, "\(monthNames[c.month - 1]) \(c.year)", size: 10, fill: "#555")
            }
        }
        svg.line(chartX + chartW, top - 8, chartX + chartW, height - 4, stroke: "#d0d0d0")
        if sessions.isEmpty {
            svg.text(chartX + 4, top + 16, "no sessions", fill: "#777")
            return svg.close()
        }
        for (row, s) in sessions.enumerated() {
            let session = instance.sessions[s]
            let y = top + rowH * Double(row)
            let inPerson = count[Option(session: s, mode: .inPerson), default: 0]
            let remote = count[Option(session: s, mode: .remote), default: 0]
            let runs = inPerson + remote > 0
            let site = session.site.map { instance.sites[$0].id } ?? "remote only"
            let tip = "\(session.id): \(session.path) h, \(site), \(session.start) to \(session.end), "
                + "\(session.days.count) training days, \(runs ? "runs" : "cancelled"), "
                + "in person \(inPerson)/\(session.capacityInPerson), remote \(remote)/\(session.capacityRemote)"
            if row % 2 == 1 { svg.rect(0, y, width, rowH, fill: "#f6f8fa") }
            svg.open("g")
            svg.title(tip)
            svg.text(4, y + 16, clip(session.id, labelW), size: 11, fill: runs ? "#111" : "#888")
            let x0 = x(session.start), x1 = x(session.end.adding(days: 1))
            svg.rect(x0, y + 6, max(2, x1 - x0), 12, fill: runs ? colourRuns : colourCancelled, rx: 2)
            fillBar(&svg, fillX, y + 6, fillW, used: inPerson, capacity: session.capacityInPerson, colour: colourInPerson)
            fillBar(&svg, fillX + fillW + 40, y + 6, fillW, used: remote, capacity: session.capacityRemote,
                    colour: colourRemote)
            svg.close("g")
        }
        return svg.close()
    }

    static func fillBar(_ svg: inout SVG, _ x: Double, _ y: Double, _ w: Double, used: Int, capacity: Int, colour: String) {
        guard capacity > 0 else {
            svg.text(x, y + 10, "—", size: 11, fill: "#999")
            return
        }
        svg.rect(x, y, w, 12, fill: "#e6e6e6", stroke: "#bbb")
        if used > 0 { svg.rect(x, y, w * Double(min(used, capacity)) / Double(capacity), 12, fill: colour) }
        svg.text(x + w + 4, y + 10, "\(used)/\(capacity)", size: 10, fill: "#333")
    }

    /// A label cut to about `width` pixels of 11 px text.
    static func clip(_ s: String, _ width: Double) -> String {
        let n = Int(width / 6.6)
        return s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    // MARK: - Map

    static func mapSVG(_ instance: Instance, _ plan: Plan) -> String {
        let points = instance.structures.map { ($0.lat, $0.lon) } + instance.sites.map { ($0.lat, $0.lon) }
        guard !points.isEmpty else {
            var svg = SVG(width: 400, height: 40)
            svg.text(4, 24, "no structures or sites", fill: "#777")
            return svg.close()
        }
        var minLat = points.map(\.0).min()!, maxLat = points.map(\.0).max()!
        var minLon = points.map(\.1).min()!, maxLon = points.map(\.1).max()!
        // A margin, and at least a few km across, so that one point does not fill the map.
        let padLat = max(0.05, (maxLat - minLat) * 0.04), padLon = max(0.05, (maxLon - minLon) * 0.04)
        minLat -= padLat; maxLat += padLat; minLon -= padLon; maxLon += padLon
        // Equirectangular: longitudes shrink by the cosine of the middle latitude.
        let k = cos((minLat + maxLat) / 2 * Double.pi / 180)
        let spanX = (maxLon - minLon) * k, spanY = maxLat - minLat
        let maxW = 960.0, maxH = 720.0
        let scale = min(maxW / spanX, maxH / spanY)
        let width = (spanX * scale).rounded(.up), height = (spanY * scale).rounded(.up)
        func px(_ lat: Double, _ lon: Double) -> (Double, Double) {
            ((lon - minLon) * k * scale, (maxLat - lat) * scale)
        }
        var svg = SVG(width: width, height: height, cssClass: "mapsvg")
        svg.rect(0, 0, width, height, fill: "#f4f7fb", stroke: "#ccd")

        // Lines: (structure, site) pairs with in-person learners, with the learner count.
        var pairs: [PairKey: Int] = [:]
        for (l, a) in plan.assignments.enumerated() {
            guard let a, a.mode == .inPerson, let site = instance.sessions[a.session].site else { continue }
            pairs[PairKey(structure: instance.learners[l].structure, site: site), default: 0] += 1
        }
        let sortedPairs = pairs.keys.sorted { a, b in
            let ha = instance.structures[a.structure].id, hb = instance.structures[b.structure].id
            if ha != hb { return precedesByBytes(ha, hb) }
            return precedesByBytes(instance.sites[a.site].id, instance.sites[b.site].id)
        }
        svg.open("g", attributes: "stroke=\"\(colourInPerson)\" stroke-opacity=\"0.45\"")
        for key in sortedPairs {
            let h = instance.structures[key.structure], s = instance.sites[key.site]
            let (x1, y1) = px(h.lat, h.lon), (x2, y2) = px(s.lat, s.lon)
            let n = pairs[key]!
            svg.open("line", attributes: "x1=\"\(num(x1))\" y1=\"\(num(y1))\" x2=\"\(num(x2))\" y2=\"\(num(y2))\" "
                + "stroke-width=\"\(num(min(4, 0.8 + 0.4 * Double(n))))\"")
            svg.title("\(h.id) → \(s.id): \(n) learner\(n == 1 ? "" : "s") in person, "
                + "\(instance.distanceKm(structure: key.structure, site: key.site)) km")
            svg.close("line")
        }
        svg.close("g")

        // Structures, then sites on top.
        var learnersOf = [Int](repeating: 0, count: instance.structures.count)
        for l in instance.learners { learnersOf[l.structure] += 1 }
        let structures = instance.structures.indices.sorted {
            precedesByBytes(instance.structures[$0].id, instance.structures[$1].id)
        }
        svg.open("g", attributes: "fill=\"#4a5568\"")
        for h in structures {
            let structure = instance.structures[h]
            let (x, y) = px(structure.lat, structure.lon)
            svg.open("circle", attributes: "cx=\"\(num(x))\" cy=\"\(num(y))\" r=\"2.5\"")
            svg.title(structure.id + (structure.name.map { " — \($0)" } ?? "")
                + " (territory \(structure.territory), \(learnersOf[h]) learner\(learnersOf[h] == 1 ? "" : "s"))")
            svg.close("circle")
        }
        svg.close("g")
        let sites = instance.sites.indices.sorted { precedesByBytes(instance.sites[$0].id, instance.sites[$1].id) }
        for i in sites {
            let site = instance.sites[i]
            let (x, y) = px(site.lat, site.lon)
            svg.open("g")
            svg.title(site.id + (site.name.map { " — \($0)" } ?? "")
                + " (\(instance.organisations[site.organisation].id))")
            svg.rect(x - 5, y - 5, 10, 10, fill: "#c53030", stroke: "#fff")
            let label = site.name ?? site.id
            let right = x + 8 + 6.2 * Double(label.count) <= width
            svg.text(right ? x + 8 : x - 8, y + 4, label, size: 11, fill: "#742a2a", weight: "bold",
                     anchor: right ? nil : "end", halo: true)
            svg.close("g")
        }
        return svg.close()
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

private struct PairKey: Hashable {
    var structure: Int
    var site: Int
}

/// Raw SVG markup, escaped by hand (Plot does not see inside it).
struct SVG {
    private(set) var markup: String
    private var stack: [String] = []

    init(width: Double, height: Double, cssClass: String? = nil) {
        let w = Report.num(width), h = Report.num(height)
        markup = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
            + (cssClass.map { " class=\"\(escapeXML($0))\"" } ?? "")
            + " font-family=\"Helvetica,Arial,sans-serif\" font-size=\"12\">"
    }

    /// Opens an element; `attributes` must already be escaped.
    mutating func open(_ name: String, attributes: String = "") {
        markup += "<\(name)\(attributes.isEmpty ? "" : " " + attributes)>"
        stack.append(name)
    }

    mutating func close(_ name: String) {
        precondition(stack.last == name, "SVG: closing \(name) inside \(stack.last ?? "nothing")")
        stack.removeLast()
        markup += "</\(name)>"
    }

    /// Closes every open element and the `<svg>`, and returns the markup.
    mutating func close() -> String {
        while let name = stack.popLast() { markup += "</\(name)>" }
        return markup + "</svg>"
    }

    mutating func title(_ text: String) { markup += "<title>\(escapeXML(text))</title>" }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil,
                       rx: Double? = nil) {
        markup += "<rect x=\"\(Report.num(x))\" y=\"\(Report.num(y))\" width=\"\(Report.num(w))\" height=\"\(Report.num(h))\""
            + " fill=\"\(escapeXML(fill))\"" + (stroke.map { " stroke=\"\(escapeXML($0))\"" } ?? "")
            + (rx.map { " rx=\"\(Report.num($0))\"" } ?? "") + "/>"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) {
        markup += "<line x1=\"\(Report.num(x1))\" y1=\"\(Report.num(y1))\" x2=\"\(Report.num(x2))\" y2=\"\(Report.num(y2))\""
            + " stroke=\"\(escapeXML(stroke))\"/>"
    }

    mutating func text(_ x: Double, _ y: Double, _ text: String, size: Double? = nil, fill: String? = nil,
                       weight: String? = nil, anchor: String? = nil, halo: Bool = false) {
        markup += "<text x=\"\(Report.num(x))\" y=\"\(Report.num(y))\""
            + (size.map { " font-size=\"\(Report.num($0))\"" } ?? "")
            + (fill.map { " fill=\"\(escapeXML($0))\"" } ?? "")
            + (weight.map { " font-weight=\"\(escapeXML($0))\"" } ?? "")
            + (anchor.map { " text-anchor=\"\(escapeXML($0))\"" } ?? "")
            + (halo ? " stroke=\"#fff\" stroke-width=\"3\" stroke-opacity=\"0.85\" paint-order=\"stroke\"" : "")
            + ">\(escapeXML(text))</text>"
    }
}

/// Escapes the five XML special characters, for text and attribute values.
func escapeXML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

extension Report {
    /// A coordinate with at most one decimal, never an exponent: `12`, `12.5`, `-3.1`.
    static func num(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = Int((x * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }

    /// A fraction as a percentage with two decimals: `0.00%`, `1.25%`.
    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        let hundredths = Int((x * 10_000).rounded(.toNearestOrAwayFromZero))
        let a = abs(hundredths)
        let frac = a % 100 < 10 ? "0" + String(a % 100) : String(a % 100)
        return (hundredths < 0 ? "-" : "") + String(a / 100) + "." + frac + "%"
    }
}
