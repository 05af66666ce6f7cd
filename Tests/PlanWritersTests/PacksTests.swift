// PacksTests: the packs of `plan solve --packs` (Packs.render) on instances/tiny.json and
// instances/bretagne.json: a pack for every organisation with a running session and every
// structure with an assigned learner, and no other; the packs' rows are the full files' rows, each
// in exactly one organisation (or structure), in the same order, columns and dialect; every
// attendance sheet lists exactly its session's participants with a morning and an afternoon box
// per training day of its ISO week; the pages are self-contained, escaped and deterministic.
import PlanTestSupport
import Foundation
import PlanDomain
import PlanFormulation
import PlanWriters
import Testing

@Suite struct PacksTests {
    /// Each instance solved once for the whole suite.
    static let solved: [String: (instance: Instance, plan: Plan)] = {
        var out: [String: (Instance, Plan)] = [:]
        for name in ["tiny", "bretagne"] {
            let instance = try! Repository.instance(name)
            out[name] = (instance, try! Planner.solve(instance))
        }
        return out
    }()

    /// A CSV file's header and data lines (no byte-order mark, no line end).
    static func lines(_ csv: String) -> (header: String, rows: [String]) {
        var all = csv.hasPrefix("\u{FEFF}") ? String(csv.dropFirst()) : csv
        if all.hasSuffix("\r\n") { all.removeLast(1) }
        let split = all.components(separatedBy: "\r\n")
        return (split[0], Array(split.dropFirst()))
    }

    /// The files of the folder `prefix` (e.g. `packs/organisations/OF-TEST/`), by name inside it.
    static func folder(_ files: [(name: String, contents: String)], _ prefix: String) -> [String: String] {
        var out: [String: String] = [:]
        for f in files where f.name.hasPrefix(prefix) { out[String(f.name.dropFirst(prefix.count))] = f.contents }
        return out
    }

    /// The pack folders of a kind (`organisations`, `structures`), by name.
    static func packNames(_ files: [(name: String, contents: String)], _ kind: String) -> Set<String> {
        Set(files.compactMap { f -> String? in
            let parts = f.name.split(separator: "/")
            return parts.count > 3 && parts[0] == "packs" && parts[1] == kind ? String(parts[2]) : nil
        })
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test(arguments: ["tiny", "bretagne"])
    func everyOrganisationAndStructureConcernedHasAPack(name: String) throws {
        let (instance, plan) = try #require(Self.solved[name])
        let files = Packs.render(instance, plan)
        let running = Set(plan.assignments.compactMap { $0?.session })
        let organisations = Set(running.map { Calendars.fileName(instance.organisations[instance.sessions[$0].organisation].id) })
        let structures = Set(plan.assignments.indices.filter { plan.assignments[$0] != nil }
            .map { Calendars.fileName(instance.structures[instance.learners[$0].structure].id) })
        #expect(Self.packNames(files, "organisations") == organisations)
        #expect(Self.packNames(files, "structures") == structures)
        if name == "tiny" {
            #expect(organisations == ["OF-TEST"])
            #expect(structures == ["H-1", "H-2"])   // H-3's only learner, L-4, has no seat
        }
        for o in organisations {
            let pack = Self.folder(files, "packs/organisations/\(o)/")
            for f in ["sessions.csv", "rosters.csv", "timetable.csv", "invitations.csv"] { #expect(pack[f] != nil, "\(o)/\(f)") }
            #expect(pack.keys.contains { $0.hasPrefix("attendance/") && $0.hasSuffix(".html") }, "\(o) has no attendance sheet")
        }
        for h in structures {
            #expect(Set(Self.folder(files, "packs/structures/\(h)/").keys) == ["assignments.csv", "timetable.csv", "invitations.csv"])
        }
        #expect(Set(files.map(\.name)).count == files.count, "a path is written twice")
    }

    @Test(arguments: [("tiny", CSVDialect.rfc4180), ("tiny", .excelFR), ("bretagne", .rfc4180), ("bretagne", .excelFR)])
    func thePacksRowsAreTheFullFilesRows(name: String, dialect: CSVDialect) throws {
        let (instance, plan) = try #require(Self.solved[name])
        let full = Dictionary(uniqueKeysWithValues: PlanFiles.render(instance, plan, dialect: dialect).map { ($0.name, $0.contents) })
        let files = Packs.render(instance, plan, dialect: dialect)
        for f in files where f.name.hasSuffix(".csv") {
            #expect(f.contents.hasPrefix(dialect.preamble) && f.contents.hasSuffix("\r\n"), "\(f.name)")
        }
        // Organisations: sessions, rosters, timetable, invitations; the organisation is in column
        // 1, 1, 5, 2.
        for (file, column) in [("sessions.csv", 1), ("rosters.csv", 1), ("timetable.csv", 5), ("invitations.csv", 2)] {
            try checkUnion(files, kind: "organisations", file: file, full: try #require(full[file]), column: column,
                           dialect: dialect, missing: { $0.contains("\(dialect.delimiter)cancelled\(dialect.delimiter)") })
        }
        // Structures: assignments, timetable, invitations; the structure is in column 1, 2, 0.
        for (file, column) in [("assignments.csv", 1), ("timetable.csv", 2), ("invitations.csv", 0)] {
            try checkUnion(files, kind: "structures", file: file, full: try #require(full[file]), column: column,
                           dialect: dialect, missing: { $0.contains("\(dialect.delimiter)unassigned\(dialect.delimiter)") })
        }
    }

    /// The `file` of every pack of `kind`: the full file's header; rows of the pack's own
    /// organisation or structure (`column`), in the full file's order; together, every row of the
    /// full file exactly once, but rows that may be left out (`missing`: a cancelled session of
    /// an organisation without a running one, a learner without a seat whose structure has none).
    func checkUnion(_ files: [(name: String, contents: String)], kind: String, file: String, full: String, column: Int,
                    dialect: CSVDialect, missing: (String) -> Bool) throws {
        let (header, fullRows) = Self.lines(full)
        let position = Dictionary(uniqueKeysWithValues: fullRows.enumerated().map { ($1, $0) })
        #expect(position.count == fullRows.count, "\(file) has duplicate rows")
        var seen: [String: String] = [:]   // row -> pack
        let packs = Self.packNames(files, kind)
        func owner(_ row: String) -> String {
            String(row.split(separator: dialect.delimiter, omittingEmptySubsequences: false)[column])
        }
        for pack in packs.sorted() {
            let text = try #require(Self.folder(files, "packs/\(kind)/\(pack)/")[file], "\(pack)/\(file)")
            let (h, rows) = Self.lines(text)
            #expect(h == header, "\(pack)/\(file) header")
            var last = -1
            for row in rows {
                let p = try #require(position[row], "\(pack)/\(file): \(row) is not in the full file")
                #expect(p > last, "\(pack)/\(file): \(row) out of order")
                last = p
                #expect(Calendars.fileName(owner(row)) == pack, "\(pack)/\(file): \(row)")
                #expect(seen[row] == nil, "\(file): \(row) in \(pack) and \(seen[row] ?? "")")
                seen[row] = pack
            }
        }
        for row in fullRows where seen[row] == nil {
            #expect(missing(row) && !packs.contains(Calendars.fileName(owner(row))), "\(file): \(row) is in no \(kind) pack")
        }
    }

    @Test(arguments: ["tiny", "bretagne"])
    func everySheetListsItsParticipantsAndItsWeeksTrainingDays(name: String) throws {
        let (instance, plan) = try #require(Self.solved[name])
        let files = Packs.render(instance, plan)
        var participants: [Int: [String]] = [:]
        for l in instance.learners.indices.sorted(by: { precedesByBytes(instance.learners[$0].id, instance.learners[$1].id) }) {
            if let a = plan.assignments[l] { participants[a.session, default: []].append(instance.learners[l].id) }
        }
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = TimeZone(identifier: "UTC")!
        var sheets = 0
        for (s, ids) in participants {
            let session = instance.sessions[s]
            let org = Calendars.fileName(instance.organisations[session.organisation].id)
            // Training days by ISO week, as Foundation's ISO 8601 calendar counts them.
            var weeks: [String: [Day]] = [:]
            for d in session.days {
                let c = iso.dateComponents([.yearForWeekOfYear, .weekOfYear],
                                           from: Date(timeIntervalSince1970: Double(d.number - Day(year: 1970, month: 1, day: 1)!.number) * 86400))
                weeks[String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!), default: []].append(d)
            }
            let prefix = "packs/organisations/\(org)/attendance/\(Calendars.fileName(session.id))-"
            #expect(files.filter { $0.name.hasPrefix(prefix) }.count == weeks.count, "\(session.id)")
            for (week, days) in weeks {
                let html = try #require(files.first { $0.name == prefix + week + ".html" }?.contents, "\(prefix)\(week).html")
                sheets += 1
                let listed = html.components(separatedBy: "<td class=\"id\">").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
                #expect(listed == ids.map(ReportTests.escaped), "\(session.id) \(week)")
                #expect(Self.count("<tr class=\"participant\">", in: html) == ids.count)
                #expect(Self.count("<th class=\"half\">Matin</th>", in: html) == days.count)
                #expect(Self.count("<th class=\"half\">Après-midi</th>", in: html) == days.count)
                #expect(Self.count("<td class=\"sig\"></td>", in: html) == 2 * days.count * (ids.count + 1))
                for d in days { #expect(html.contains(AttendanceSheets.frenchDate(d)), "\(session.id) \(d)") }
                #expect(html.contains("semaine \(week)"))
            }
        }
        #expect(sheets == files.filter { $0.name.hasSuffix(".html") }.count)
        #expect(sheets > 0)
    }

    @Test func sheetsNameTheSessionOrganisationSiteAndHours() throws {
        let (instance, plan) = try #require(Self.solved["tiny"])
        let files = Dictionary(uniqueKeysWithValues: Packs.render(instance, plan).map { ($0.name, $0.contents) })
        let a = try #require(files["packs/organisations/OF-TEST/attendance/S-105-A-2027-W01.html"])
        for text in ["<html lang=\"fr\">", "<h1>Feuille d&#39;émargement</h1>", "S-105-A", "Organisme test (OF-TEST)",
                     "Rennes (RENNES) ; à distance pour les participants à distance",
                     "2027-W01 : du lundi 4 janvier 2027 au jeudi 7 janvier 2027",
                     "lundi 4 janvier 2027 : 7 h", "total 28 h", "Signature du formateur", "Mairie de Rennes (H-1)",
                     "<td class=\"mode\">présentiel</td>", "<td class=\"mode\">à distance</td>", "@page{size:A4 landscape"] {
            #expect(a.contains(text), "\(text)")
        }
        // S-105-R is remote only: no site.
        let r = try #require(files["packs/organisations/OF-TEST/attendance/S-105-R-2027-W02.html"])
        #expect(r.contains("<tr><th>Lieu</th><td>à distance</td></tr>"))
        #expect(!r.contains("RENNES"))
    }

    @Test func pagesAreSelfContainedEscapedAndDeterministic() throws {
        let (tiny, plan) = try #require(Self.solved["tiny"])
        var instance = tiny
        let odd = "Zoé <b>&\"x\" l'aînée"
        instance.learners[0].name = odd
        instance.organisations[0].name = "OF <script>&amp;"
        instance.structures[0].name = "Mairie <de> \"Rennes\""
        let files = Packs.render(instance, plan)
        #expect(files.map(\.name) == Packs.render(instance, plan).map(\.name))
        #expect(files.map(\.contents) == Packs.render(instance, plan).map(\.contents))
        let pages = files.filter { $0.name.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        for page in pages {
            let html = page.contents
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(page.name)")
            for forbidden in ["<script", "http", "src=", "href=", "url(", "@import", "<b>", "<de>"] {
                #expect(!html.lowercased().contains(forbidden), "\(page.name) contains \(forbidden)")
            }
            #expect(html.contains("OF &lt;script&gt;&amp;amp;"), "\(page.name)")
            #expect(html.contains("Mairie &lt;de&gt; &quot;Rennes&quot;"))
        }
        let l1 = try #require(pages.first { $0.name.hasSuffix("S-105-A-2027-W01.html") }?.contents)
        #expect(l1.contains("<td class=\"name\">\(ReportTests.escaped(odd))</td>"))
        // Bretagne, twice: the same bytes.
        let (b, bp) = try #require(Self.solved["bretagne"])
        #expect(Packs.render(b, bp, dialect: .excelFR).map(\.contents) == Packs.render(b, bp, dialect: .excelFR).map(\.contents))
    }

    @Test func isoWeeksAcrossTheTurnOfTheYear() {
        let cases: [((Int, Int, Int), (Int, Int))] = [
            ((2027, 1, 1), (2026, 53)), ((2027, 1, 4), (2027, 1)), ((2026, 12, 31), (2026, 53)),
            ((2024, 12, 30), (2025, 1)), ((2021, 1, 3), (2020, 53)), ((2027, 12, 31), (2027, 52)),
        ]
        for (date, expected) in cases {
            let w = AttendanceSheets.isoWeek(Day(year: date.0, month: date.1, day: date.2)!)
            #expect(w.year == expected.0 && w.week == expected.1, "\(date)")
        }
    }

    @Test func packFolderNamesFollowTheCalendarsRule() throws {
        let (tiny, plan) = try #require(Self.solved["tiny"])
        var instance = tiny
        // "H/1" and "H_1" have the same file-name form: the first by id bytes keeps it.
        instance.structures[0].id = "H/1"
        instance.structures[1].id = "H_1"
        let files = Packs.render(instance, plan)
        #expect(Self.packNames(files, "structures") == ["H_1", "H_1_2"])
        let first = try #require(Self.folder(files, "packs/structures/H_1/")["assignments.csv"])
        #expect(Self.lines(first).rows.allSatisfy { $0.hasPrefix("L-") && $0.contains(",H/1,") })
    }
}
