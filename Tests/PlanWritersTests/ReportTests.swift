// ReportTests: the HTML report of a plan (Report.render): its figures, charts and tables, that it
// is self-contained and escaped, that it is deterministic, and (when chromium is installed) that a
// real browser loads it.
import PlanTestSupport
import Foundation
import PlanDomain
import PlanFormulation
@testable import PlanWriters
import Testing

@Suite struct ReportTests {
    static func solved(_ name: String) throws -> (Instance, Plan, String) {
        let instance = try Repository.instance(name)
        let plan = try Planner.solve(instance)
        return (instance, plan, Report.render(instance, plan))
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// Text as the report escapes it.
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test(arguments: ["tiny", "bretagne"])
    func reportShowsThePlan(name: String) throws {
        let (instance, plan, html) = try Self.solved(name)
        // PLAN_REPORT_DIR=/tmp swift test --filter ReportTests keeps the reports, to look at them.
        if let dir = ProcessInfo.processInfo.environment["PLAN_REPORT_DIR"] {
            try Data(html.utf8).write(to: URL(fileURLWithPath: dir).appendingPathComponent("report-\(name).html"))
        }
        let s = PlanFiles.Summary(instance, plan)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"UTF-8\"/>") || html.contains("<meta charset=\"utf-8\""))
        for (label, value) in [("Status", s.status.rawValue), ("Objective", formatNumber(s.objective)),
                               ("Bound", formatNumber(s.bound)), ("Learners", String(s.learners)),
                               ("Assigned in person", String(s.inPerson)), ("Assigned remote", String(s.remote)),
                               ("Unassigned", String(s.unassigned)), ("Sessions run", String(s.sessionsRun))] {
            #expect(html.contains("<tr><th>\(label)</th><td class=\"num\">\(value)</td></tr>"), "\(label) \(value)")
        }
        #expect(html.contains("<th>Gap</th>"))

        // One Gantt chart per organisation, one map, one legend; every <svg> closes.
        let gantts = Self.count("<div class=\"organisation\">", in: html)
        #expect(gantts == instance.organisations.count)
        #expect(Self.count("<svg ", in: html) == instance.organisations.count + 2)
        #expect(Self.count("<svg ", in: html) == Self.count("</svg>", in: html))
        for tag in ["g", "text", "title"] {
            #expect(Self.count("<\(tag)>", in: html) + Self.count("<\(tag) ", in: html) == Self.count("</\(tag)>", in: html),
                    "<\(tag)> balance")
        }
        for session in instance.sessions { #expect(html.contains(Self.escaped(session.id))) }

        // Every unassigned learner, with its reason.
        for (l, a) in plan.assignments.enumerated() where a == nil {
            let reason = try #require(plan.reasons[l])
            #expect(html.contains("<td>\(Self.escaped(instance.learners[l].id))</td>"))
            #expect(html.contains("<td>\(Self.escaped(reason))</td>"), "reason of \(instance.learners[l].id)")
        }
        #expect(html.contains(">per unassigned learner</td><td class=\"num\">\(formatNumber(instance.weights.unassigned))<"))

        // Self-contained: no scripts, no resources fetched from the network.
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<link"))
        #expect(!html.lowercased().contains("<img"))
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http://"))
        #expect(!withoutNamespace.contains("https://"))
        #expect(!html.contains("e+"), "no exponent in numbers")
    }

    @Test func theSamePlanGivesTheSameBytes() throws {
        let instance = try Repository.instance("bretagne")
        let plan = try Planner.solve(instance)
        let a = Report.render(instance, plan), b = Report.render(instance, plan)
        #expect(Data(a.utf8) == Data(b.utf8))
        let again = Report.render(instance, try Planner.solve(instance))
        #expect(Data(a.utf8) == Data(again.utf8))
    }

    @Test func namesAreEscaped() throws {
        let json = """
            {
              "name": "Esc <b>&amp; 'test'",
              "organisations": [ { "id": "OF<1>", "name": "Org & \\"co\\"", "territories": ["35"] } ],
              "sites": [ { "id": "S&1", "organisation": "OF<1>", "name": "Site <i>", "lat": 48.1, "lon": -1.7 } ],
              "sessions": [ { "id": "S-<x>", "organisation": "OF<1>", "site": "S&1", "path": 105,
                              "start": "2027-01-04", "capacity": { "inPerson": 1, "remote": 0 } } ],
              "structures": [
                { "id": "H-1", "name": "A<&>B \\"q\\" &amp; 'x'", "territory": "35", "lat": 48.2, "lon": -1.6 },
                { "id": "H-2", "name": "Far <away>", "territory": "35", "lat": 48.3, "lon": -1.2 }
              ],
              "learners": [
                { "id": "L<1>", "name": "Zoé & Co", "structure": "H-1", "path": 105 },
                { "id": "L<2>", "name": "<script>alert(1)</script>", "structure": "H-1", "path": 105 }
              ]
            }
            """
        let instance = try Instance.decode(Array(json.utf8))
        let plan = try Planner.solve(instance)
        let html = Report.render(instance, plan)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("A<&>B"))
        #expect(html.contains("A&lt;&amp;&gt;B &quot;q&quot; &amp;amp; &#39;x&#39;"))
        #expect(!html.contains("<b>") && !html.contains("<i>") && !html.contains("<away>") && !html.contains("<x>"))
        #expect(html.contains("Esc &lt;b&gt;&amp;amp; &#39;test&#39;"))
        #expect(html.contains("L&lt;2&gt;"))
        #expect(html.contains("Zoé &amp; Co") || plan.assignments[0] != nil)
        #expect(Self.count("<svg ", in: html) == Self.count("</svg>", in: html))
    }

    @Test func emptyInstanceStillRenders() throws {
        let json = #"{ "organisations": [], "sites": [], "sessions": [], "structures": [], "learners": [] }"#
        let instance = try Instance.decode(Array(json.utf8))
        let plan = try Planner.solve(instance)
        let html = Report.render(instance, plan)
        #expect(html.contains("Every learner has a seat."))
        #expect(Self.count("<svg ", in: html) == Self.count("</svg>", in: html))
    }

    static func chromium() -> String? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                     "/usr/local/bin/chromium", "/snap/bin/chromium"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        return nil
    }

    /// A real browser loads the report. Skipped (with a note) where no chromium is installed.
    @Test func chromiumLoadsTheReport() throws {
        guard let browser = Self.chromium() else {
            print("note: no chromium binary found; skipping the browser check of the report")
            return
        }
        let (instance, plan, html) = try Self.solved("bretagne")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--user-data-dir=\(dir.appendingPathComponent("profile").path)", "--dump-dom",
                             file.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so that a full pipe cannot block the browser.
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let s = PlanFiles.Summary(instance, plan)
        #expect(dom.contains("<th>Status</th><td class=\"num\">\(s.status.rawValue)</td>"))
        #expect(dom.contains("<th>Learners</th><td class=\"num\">\(s.learners)</td>"))
        #expect(dom.contains("Sessions by organisation"))
        #expect(Self.count("<svg ", in: dom) == instance.organisations.count + 2)
    }

    @Test func aReplanSaysWhatChanged() throws {
        let (instance, first, plain) = try Self.solved("tiny")
        #expect(!plain.contains("Changes since the previous plan"))
        // Next week L-6 is gone: the report lists the changes.
        var learners = instance.learners
        learners.removeLast()
        let next = Instance(name: instance.name, paths: instance.paths, calendar: instance.calendar, weights: instance.weights,
                            defaultMaxTravelKm: instance.defaultMaxTravelKm, organisations: instance.organisations,
                            sites: instance.sites, sessions: instance.sessions, structures: instance.structures, learners: learners)
        let record = PlanRecord(instance, assignments: first.assignments)
        let replanned = try next.replanned(knowing: record, today: Day(iso: "2026-12-01")!)
        let plan = try Planner.solve(replanned)
        let changes = record.changes(to: PlanRecord(replanned, assignments: plan.assignments))
        let html = Report.render(replanned, plan, changes: changes)
        #expect(html.contains("Changes since the previous plan (\(changes.count))"))
        #expect(html.contains("<td>L-6</td><td></td><td>withdrawn</td><td>S-105-R (remote, from 2027-01-11)</td><td></td>"))
        #expect(html.contains("<th>Kept their seat</th>"))
    }

    @Test func aFrenchReportSpeaksFrench() throws {
        let instance = try Repository.instance("bretagne")
        let plan = try Planner.solve(instance)
        let html = Report.render(instance, plan, language: .fr)
        #expect(html.contains("<html lang=\"fr\">"))
        for label in ["Plan de formation", "Résumé", "Sessions par organisme", "Carte des structures et des sites",
                      "Apprenants sans place (", "Poids de l&#39;objectif", "session ouverte", "janv. 2027"] {
            #expect(html.contains(label), "\(label) is missing")
        }
        #expect(!html.contains("Summary") && !html.contains("Objective weights"))
        #expect(Report.render(instance, plan) == Report.render(instance, plan, language: .en), "English stays the default")
    }

    @Test func totalsAddUpPerDepartementPathAndOrganisation() throws {
        let instance = try Repository.instance("bretagne")
        let plan = try Planner.solve(instance)
        let html = Report.render(instance, plan)
        let s = PlanFiles.Summary(instance, plan)
        // The four départements of Brittany add up to the whole instance, and so do the paths.
        var learners = 0, placed = 0
        for code in ["22", "29", "35", "56"] {
            let row = try #require(html.components(separatedBy: "<tr><th>département \(code)</th>").dropFirst().first)
            let cells = row.components(separatedBy: "<td class=\"num\">").dropFirst().prefix(2).map { Int($0.prefix { $0.isNumber })! }
            learners += cells[0]
            placed += cells[1]
        }
        #expect(learners == s.learners && placed == s.assigned)
        #expect(html.contains("<th>path 420 h</th>") && html.contains("<th>organisation OF-DISTANCIEL</th>"))
        #expect(html.contains("not opened") && !html.contains(">cancelled<"))
    }

    @Test func sessionsFarBelowCapacityAreFlagged() throws {
        let instance = try Repository.instance("tiny")
        let plan = try Planner.solve(instance)
        // S-105-R: one remote participant (L-6) for five seats.
        #expect(Report.render(instance, plan).contains("Open with under a third of their seats taken: S-105-R (1 of 5 seats)"))
        #expect(Report.render(instance, plan, language: .fr).contains("S-105-R (1 place sur 5)"))
    }
}

/// The report's map: overseas départements in insets of their own, mainland France at full size.
@Suite struct MapLayoutTests {
    static let rennes = (48.1113, -1.68), brest = (48.3904, -4.4861)
    static let saintDenis = (-20.8823, 55.4504), saintPierre = (-21.3393, 55.4781), cayenne = (4.9224, -52.3135)

    @Test func overseasPlacesGetAnInsetAndTheMainlandKeepsItsSize() throws {
        let alone = try #require(MapLayout([Self.rennes, Self.brest]))
        let layout = try #require(MapLayout([Self.rennes, Self.saintDenis, Self.brest, Self.cayenne, Self.saintPierre]))
        #expect(layout.frames.map(\.name) == [nil, "Guyane", "La Réunion"], "insets in the order of their codes (973, 974)")
        #expect(layout.frames[0].projection.width == alone.width && layout.frames[0].projection.height == alone.height)
        let mainland = layout.px(Self.rennes.0, Self.rennes.1), before = alone.px(Self.rennes.0, Self.rennes.1)
        #expect(mainland == before)
        let reunion = layout.frames[2]
        let (x, y) = layout.px(Self.saintPierre.0, Self.saintPierre.1)
        #expect(x >= reunion.x && x <= reunion.x + reunion.projection.width && y > alone.height)
        #expect(reunion.projection.width <= 200 && reunion.projection.height <= 150)
        #expect(layout.frame(Self.saintDenis.0, Self.saintDenis.1) == layout.frame(Self.saintPierre.0, Self.saintPierre.1))
        #expect(layout.frame(Self.rennes.0, Self.rennes.1) != layout.frame(Self.saintDenis.0, Self.saintDenis.1))
    }

    @Test func placesAllOverseasFillTheWholeMap() throws {
        let layout = try #require(MapLayout([Self.saintDenis, Self.saintPierre]))
        #expect(layout.frames.count == 1 && layout.frames[0].name == nil && layout.height > 150, "full size, not an inset")
    }
}

/// A plan not proven best says what its distance to the bound is worth in learners, in the
/// printed summary (CLI tests) and in the report.
@Suite struct WorthInLearnersTests {
    @Test func theDistanceToTheBoundIsSaidInLearners() throws {
        let instance = try Repository.instance("tiny")
        var plan = try Planner.solve(instance)
        let w = instance.weights.unassigned
        #expect(PlanFiles.Summary(instance, plan).worthInLearners(unassignedWeight: w) == nil, "a proven plan says nothing")
        plan.status = .interrupted
        plan.bound = plan.objective - 2.5 * w
        let s = PlanFiles.Summary(instance, plan)
        #expect(s.worthInLearners(unassignedWeight: w) == "at most the cost of 3 learners left without a seat")
        #expect(Language.$current.withValue(.fr) { s.worthInLearners(unassignedWeight: w) }
                == "au plus le coût de 3 apprenants laissés sans place")
        plan.bound = plan.objective - w / 2
        #expect(PlanFiles.Summary(instance, plan).worthInLearners(unassignedWeight: w)
                == "less than the cost of one learner left without a seat")
        plan.bound = plan.objective - w
        #expect(PlanFiles.Summary(instance, plan).worthInLearners(unassignedWeight: w)
                == "at most the cost of 1 learner left without a seat")
        let html = Report.render(instance, plan)
        #expect(html.contains("(at most the cost of 1 learner left without a seat)</td>"), "the report's gap row says it")
    }
}
