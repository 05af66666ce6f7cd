// CalendarFilesTests: the iCalendar files of instances/tiny.json byte for byte (re-record with
// PLAN_RECORD_GOLDEN=1 swift test --filter CalendarFiles, then review the diff), and the RFC 5545
// rules they rely on: folding, escaping, CRLF, BEGIN/END pairs, unique UIDs, file names.
import PlanTestSupport
import Foundation
import PlanDomain
import PlanFormulation
import PlanWriters
import Testing

@Suite struct CalendarFilesTests {
    static let folder = Repository.root.appendingPathComponent("Tests/PlanWritersTests/Golden/tiny")

    static func tinyFiles() throws -> [(name: String, contents: String)] {
        let instance = try Repository.instance("tiny")
        return Self.french(instance, try Planner.solve(instance))
    }

    /// Undoes folding (RFC 5545 §3.1): CRLF followed by one space or tab is removed.
    /// The calendars as a French planner gets them (`--lang fr`): the goldens and the checks
    /// below read French; `englishWhenAsked` reads the English.
    static func french(_ instance: Instance, _ plan: Plan) -> [(name: String, contents: String)] {
        Language.$current.withValue(.fr) { Calendars.render(instance, plan) }
    }

    @Test func englishWhenAsked() throws {
        let instance = try Repository.instance("tiny")
        let plan = try Planner.solve(instance)
        let english = Language.$current.withValue(.en) { Calendars.render(instance, plan) }
        let l1 = try #require(english.first { $0.name == "calendars/learners/L-1.ics" }).contents
        #expect(l1.contains("SUMMARY:Training S-105-A (in person\\, Rennes)") && l1.contains("SUMMARY:Alternation at the structure"), "\(l1)")
        let french = try #require(Self.french(instance, plan).first { $0.name == "calendars/learners/L-1.ics" }).contents
        #expect(french.contains("SUMMARY:Formation S-105-A (présentiel\\, Rennes)") && !french.contains("Training"))
    }

    static func unfold(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.components(separatedBy: "\r\n") where !raw.isEmpty || lines.isEmpty {
            if raw.hasPrefix(" ") || raw.hasPrefix("\t") { lines[lines.count - 1] += raw.dropFirst() } else { lines.append(raw) }
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test func tinyCalendarsMatchTheGoldenFiles() throws {
        let files = try Self.tinyFiles()
        let record = ProcessInfo.processInfo.environment["PLAN_RECORD_GOLDEN"] == "1"
        for file in files {
            let url = Self.folder.appendingPathComponent(file.name)
            if record {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            let expected = try Data(contentsOf: url)
            #expect(Data(file.contents.utf8) == expected, "\(file.name) differs from its golden file")
        }
        // No golden file is left over from an earlier recording.
        let root = Self.folder.appendingPathComponent("calendars")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var onDisk: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "ics" else { continue }
            onDisk.append("calendars/" + url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
        }
        #expect(onDisk.sorted() == files.map(\.name).sorted())
    }

    @Test func tinyHasTheExpectedFilesAndEvents() throws {
        let files = try Self.tinyFiles()
        #expect(files.map(\.name) == [
            "calendars/learners/L-1.ics", "calendars/learners/L-2.ics", "calendars/learners/L-3.ics",
            "calendars/learners/L-6.ics", "calendars/structures/H-1.ics", "calendars/structures/H-2.ics",
            "calendars/sessions/S-105-A.ics", "calendars/sessions/S-105-R.ics",
        ])
        let l1 = Self.unfold(files[0].contents)
        #expect(l1.contains("SUMMARY:Formation S-105-A (présentiel\\, Rennes)"))
        #expect(l1.contains("LOCATION:Rennes"))
        #expect(l1.contains("SUMMARY:Alternance en structure"))
        #expect(Self.unfold(files[2].contents).contains("SUMMARY:Formation S-105-A (à distance)"))
        let h1 = Self.unfold(files[4].contents)
        #expect(h1.contains("SUMMARY:Absent : L-1 en formation S-105-A"))
        #expect(h1.contains("SUMMARY:Présentation de la formation S-105-A (OF-TEST)\\, invitation du responsable"))
        // A 105-hour path at 7 h a day: 15 training days per session calendar.
        #expect(Self.unfold(files[6].contents).filter { $0 == "BEGIN:VEVENT" }.count == 15)
        // DTSTAMP is the earliest session start, the same in every file.
        for f in files { #expect(Self.unfold(f.contents).filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0 == "DTSTAMP:20270104T000000Z" }) }
    }

    @Test func everyFileIsWellFormed() throws {
        for file in try Self.tinyFiles() {
            let text = file.contents
            // Every line ends with CRLF: no bare LF or CR, and the file ends with CRLF.
            #expect(text.hasSuffix("\r\n"), "\(file.name)")
            let bytes = Array(text.utf8)
            for (i, b) in bytes.enumerated() {
                if b == 10 { #expect(i > 0 && bytes[i - 1] == 13, "\(file.name): bare LF at \(i)") }
                if b == 13 { #expect(i + 1 < bytes.count && bytes[i + 1] == 10, "\(file.name): bare CR at \(i)") }
            }
            // Physical lines are at most 75 octets.
            for raw in text.components(separatedBy: "\r\n") { #expect(raw.utf8.count <= 75, "\(file.name): \(raw)") }
            let lines = Self.unfold(text)
            #expect(Array(lines.prefix(4)) == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//plan//Conseiller numerique//FR",
                                               "CALSCALE:GREGORIAN"])
            #expect(lines.last == "END:VCALENDAR")
            // BEGIN/END nest and pair.
            var stack: [String] = []
            for line in lines {
                if line.hasPrefix("BEGIN:") { stack.append(String(line.dropFirst(6))) }
                if line.hasPrefix("END:") {
                    #expect(stack.popLast() == String(line.dropFirst(4)), "\(file.name): unmatched \(line)")
                }
            }
            #expect(stack.isEmpty, "\(file.name)")
            // UIDs unique; each event has the required properties and ends the day after it starts.
            let uids = lines.filter { $0.hasPrefix("UID:") }
            #expect(Set(uids).count == uids.count, "\(file.name)")
            let events = lines.filter { $0 == "BEGIN:VEVENT" }.count
            #expect(events > 0)
            for prefix in ["UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:", "DTEND;VALUE=DATE:", "SUMMARY:"] {
                #expect(lines.filter { $0.hasPrefix(prefix) }.count == events, "\(file.name): \(prefix)")
            }
            let starts = lines.filter { $0.hasPrefix("DTSTART;VALUE=DATE:") }.map { String($0.dropFirst(19)) }
            let ends = lines.filter { $0.hasPrefix("DTEND;VALUE=DATE:") }.map { String($0.dropFirst(17)) }
            for (s, e) in zip(starts, ends) {
                let day = Day(iso: "\(s.prefix(4))-\(s.dropFirst(4).prefix(2))-\(s.suffix(2))")!
                #expect(Calendars.basicDate(day.adding(days: 1)) == e)
            }
            #expect(starts == starts.sorted(), "\(file.name): dates ascending")
        }
    }

    @Test func sameBytesOnEveryRun() throws {
        let a = try Self.tinyFiles(), b = try Self.tinyFiles()
        #expect(a.map(\.name) == b.map(\.name))
        #expect(a.map(\.contents) == b.map(\.contents))
    }

    @Test func longLinesWithAccentsFoldWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "Présentation à Saint-Méen-le-Grand, été 🇫🇷 ", count: 6)
        let folded = Calendars.fold(line)
        #expect(folded.hasSuffix("\r\n"))
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.count > 1)
        for (k, p) in physical.enumerated() {
            #expect(p.utf8.count <= 75)
            #expect(k == 0 ? !p.hasPrefix(" ") : p.hasPrefix(" "))
            // Each physical line is valid UTF-8 on its own: no sequence was split.
            #expect(String(validating: Array(p.utf8), as: UTF8.self) != nil)
        }
        // Cut points fall on scalar boundaries, so the raw bytes of each piece decode alone.
        var offset = 0
        let bytes = Array(folded.utf8)
        for p in physical {
            let piece = Array(bytes[offset..<(offset + p.utf8.count)])
            #expect(String(validating: piece, as: UTF8.self) != nil)
            offset += p.utf8.count + 2
        }
        #expect(Self.unfold(folded) == [line])
        // Short lines are untouched; exactly 75 octets still fit on one line.
        #expect(Calendars.fold("VERSION:2.0") == "VERSION:2.0\r\n")
        let exact = String(repeating: "x", count: 75)
        #expect(Calendars.fold(exact) == exact + "\r\n")
        #expect(Calendars.fold(exact + "é") == exact + "\r\n é\r\n")
        // A two-octet character that would straddle octet 75 moves whole to the next line.
        let straddle = String(repeating: "x", count: 74) + "é"
        #expect(Calendars.fold(straddle) == String(repeating: "x", count: 74) + "\r\n é\r\n")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b;c", "a\\,b\\;c"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("crlf\r\nline", "crlf\\nline"),
        ("Médiathèque de Vitré", "Médiathèque de Vitré"),
        ("tab\there\u{1}", "tab\there"),
        ("\\n;,", "\\\\n\\;\\,"),
    ])
    func textIsEscaped(text: String, expected: String) {
        #expect(Calendars.escapeText(text) == expected)
    }

    @Test(arguments: [
        ("L-1", "L-1"),
        ("H_2.v1", "H_2.v1"),
        ("H/1 é", "H_1__"),
        ("../etc", ".._etc"),
        ("..", "_.."),
        ("", "_"),
        ("a:b*c?\"<>|", "a_b_c_____"),
    ])
    func idsMapToSafeFileNames(id: String, expected: String) {
        #expect(Calendars.fileName(id) == expected)
    }

    @Test func collidingIdsGetDistinctFiles() throws {
        var instance = try Repository.instance("tiny")
        instance.learners[0].id = "L/1"
        instance.learners[1].id = "L_1"
        instance.learners[2].id = "l_1"
        let files = Self.french(instance, try Planner.solve(instance)).map(\.name)
        #expect(Set(files).count == files.count)
        #expect(files.contains("calendars/learners/L_1.ics"))
        #expect(files.contains("calendars/learners/L_1_2.ics"))
        #expect(files.contains("calendars/learners/l_1_3.ics"))
        // The summary keeps the real id, escaped.
        let l1 = Self.french(instance, try Planner.solve(instance)).first { $0.name.hasPrefix("calendars/structures/H-1") }!
        #expect(Self.unfold(l1.contents).contains("SUMMARY:Absent : L/1 en formation S-105-A"))
    }

    @Test func structureCalendarsNameTheLearners() throws {
        var instance = try Repository.instance("tiny")
        instance.learners[0].name = "Léa Martin"
        let files = Self.french(instance, try Planner.solve(instance))
        let h1 = Self.unfold(files.first { $0.name == "calendars/structures/H-1.ics" }!.contents)
        #expect(h1.contains("SUMMARY:Absent : Léa Martin (L-1) en formation S-105-A"))
        #expect(h1.contains { $0.hasPrefix("DESCRIPTION:") && $0.contains("Apprenants : Léa Martin (L-1)\\, L-2") })
    }
}
