// ReportGantt: the report's Gantt charts, one per organisation (one row per session: its dates on a
// common month axis, whether it runs, and its in-person and remote seats used), and their legend.
import PlanDomain

extension Report {
    static var monthNames: [String] {
        language == .fr ? ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    }
    static let colourInPerson = "#2b6cb0", colourRemote = "#dd6b20", colourRuns = "#38a169", colourCancelled = "#c8c8c8"

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

    /// The colours of the Gantt charts, in words.
    static var legend: SVGElement {
        .svg(width: 620, height: 20, [
            .rect(0, 5, 22, 10, fill: colourRuns),
            .text(28, 14, say("session runs", "session ouverte")),
            .rect(120, 5, 22, 10, fill: colourCancelled),
            .text(148, 14, say("not opened", "non ouverte")),
            .rect(230, 5, 22, 10, fill: colourInPerson),
            .text(258, 14, say("in-person seats used", "places en présentiel prises")),
            .rect(400, 5, 22, 10, fill: colourRemote),
            .text(428, 14, say("remote seats used (of capacity)", "places à distance prises (sur la capacité)")),
        ])
    }

    /// The Gantt chart of organisation `o`'s sessions, by session id; `count` holds the learners
    /// of each (session, mode).
    static func ganttChart(_ instance: Instance, organisation o: Int, count: [Option: Int],
                           range: (first: Day, last: Day)) -> SVGElement {
        let sessions = instance.sessionsByID.filter { instance.sessions[$0].organisation == o }
        let chart = GanttGeometry(range: range, rows: sessions.count)
        var children = ganttAxis(chart)
        if sessions.isEmpty {
            children.append(.text(chart.chartX + 4, chart.top + 16, "no sessions", fill: "#777"))
        }
        for (row, s) in sessions.enumerated() {
            children += ganttRow(instance, session: s, row: row, count: count, chart)
        }
        return .svg(width: chart.width, height: chart.height, children)
    }

    /// Column headers, a line at each month's start (with its name, every `step` months) and one
    /// at the end of the range.
    static func ganttAxis(_ chart: GanttGeometry) -> [SVGElement] {
        var axis: [SVGElement] = [
            .text(0, 14, "session", weight: "bold"),
            .text(chart.fillX, 14, "in person", weight: "bold"),
            .text(chart.fillX + chart.fillW + 40, 14, "remote", weight: "bold"),
        ]
        let months = chart.months
        let step = max(1, (months.count + 11) / 12)
        for (i, d) in months.enumerated() {
            axis.append(.line(chart.x(d), chart.top - 8, chart.x(d), chart.height - 4, stroke: "#d0d0d0"))
            if i % step == 0 {
                let c = d.civil
                axis.append(.text(chart.x(d) + 2, 24, "\(monthNames[c.month - 1]) \(c.year)", size: 10, fill: "#555"))
            }
        }
        let end = chart.chartX + chart.chartW
        axis.append(.line(end, chart.top - 8, end, chart.height - 4, stroke: "#d0d0d0"))
        return axis
    }

    /// One session's row: a stripe on odd rows, then a group (with the session in words as its
    /// tooltip) of its label, its bar and its seats used.
    static func ganttRow(_ instance: Instance, session s: Int, row: Int, count: [Option: Int],
                         _ chart: GanttGeometry) -> [SVGElement] {
        let session = instance.sessions[s]
        let y = chart.top + chart.rowH * Double(row)
        let inPerson = count[Option(session: s, mode: .inPerson), default: 0]
        let remote = count[Option(session: s, mode: .remote), default: 0]
        let runs = inPerson + remote > 0
        let site = session.site.map { instance.sites[$0].id } ?? say("remote only", "à distance seulement")
        let tip = say("\(session.id): \(session.path) h, \(site), \(session.start) to \(session.end), "
            + "\(session.days.count) training days, \(runs ? "runs" : "not opened"), "
            + "in person \(inPerson)/\(session.capacityInPerson), remote \(remote)/\(session.capacityRemote)",
            "\(session.id) : \(session.path) h, \(site), du \(session.start) au \(session.end), "
            + "\(session.days.count) jours de formation, \(runs ? "ouverte" : "non ouverte"), "
            + "présentiel \(inPerson)/\(session.capacityInPerson), distance \(remote)/\(session.capacityRemote)")
        let x0 = chart.x(session.start), x1 = chart.x(session.end.adding(days: 1))
        let group = SVGElement.group(title: tip, [
            .text(4, y + 16, clip(session.id, chart.labelW), size: 11, fill: runs ? "#111" : "#888"),
            .rect(x0, y + 6, max(2, x1 - x0), 12, fill: runs ? colourRuns : colourCancelled, rx: 2),
        ] + fillBar(chart.fillX, y + 6, chart.fillW, used: inPerson, capacity: session.capacityInPerson,
                    colour: colourInPerson)
          + fillBar(chart.fillX + chart.fillW + 40, y + 6, chart.fillW, used: remote, capacity: session.capacityRemote,
                    colour: colourRemote))
        return (row % 2 == 1 ? [.rect(0, y, chart.width, chart.rowH, fill: "#f6f8fa")] : []) + [group]
    }

    /// `used` of `capacity` seats as a filled bar and a count, or a dash when there are no seats.
    static func fillBar(_ x: Double, _ y: Double, _ w: Double, used: Int, capacity: Int, colour: String) -> [SVGElement] {
        guard capacity > 0 else { return [.text(x, y + 10, "—", size: 11, fill: "#999")] }
        return [.rect(x, y, w, 12, fill: "#e6e6e6", stroke: "#bbb")]
            + (used > 0 ? [.rect(x, y, w * Double(min(used, capacity)) / Double(capacity), 12, fill: colour)] : [])
            + [.text(x + w + 4, y + 10, "\(used)/\(capacity)", size: 10, fill: "#333")]
    }

    /// A label cut to about `width` pixels of 11 px text.
    static func clip(_ s: String, _ width: Double) -> String {
        let n = Int(width / 6.6)
        return s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}

/// Where things go on a Gantt chart: the columns, the rows, and the day axis.
struct GanttGeometry {
    let labelW = 190.0, chartX = 200.0, chartW = 560.0, fillX = 780.0, fillW = 70.0, width = 1000.0
    let top = 34.0, rowH = 24.0
    let range: (first: Day, last: Day)
    let height: Double

    init(range: (first: Day, last: Day), rows: Int) {
        self.range = range
        height = top + rowH * Double(max(1, rows)) + 8
    }

    /// The abscissa of the start of day `d`.
    func x(_ d: Day) -> Double {
        let span = Double(range.last - range.first + 1)
        return chartX + Double(d - range.first) / span * chartW
    }

    /// The first day of each month of the range.
    var months: [Day] {
        var months: [Day] = []
        var (y, m) = (range.first.civil.year, range.first.civil.month)
        while let d = Day(year: y, month: m, day: 1), d <= range.last {
            months.append(d)
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return months
    }
}
