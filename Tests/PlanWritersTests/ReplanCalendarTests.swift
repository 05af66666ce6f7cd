// ReplanCalendarTests: a re-plan's calendars update the ones already imported (RFC 5545): same
// UIDs, SEQUENCE bumped where an event changed, cancellations for what is gone (once), and with
// only-changes nothing that was already sent; invitations.csv likewise.
import Foundation
import PlanDomain
import PlanFormulation
import PlanTestSupport
import PlanWriters
import Testing

@Suite struct ReplanCalendarTests {
    /// Week 1 (tiny, solved) and week 2 (L-2 withdrawn, L-7 new, re-planned on 2027-01-06).
    static func weeks() throws -> (Instance, Plan, Instance, Plan) {
        let instance = try Repository.instance("tiny")
        let first = try Planner.solve(instance)
        var learners = instance.learners.filter { $0.id != "L-2" }
        var newcomer = instance.learners.first { $0.id == "L-1" }!
        newcomer.id = "L-7"
        learners.append(newcomer)
        let next = Instance(name: instance.name, paths: instance.paths, calendar: instance.calendar, weights: instance.weights,
                            defaultMaxTravelKm: instance.defaultMaxTravelKm, organisations: instance.organisations,
                            sites: instance.sites, sessions: instance.sessions, structures: instance.structures, learners: learners)
        let replanned = try next.replanned(knowing: PlanRecord(instance, assignments: first.assignments),
                                           today: Day(iso: "2027-01-06")!)
        return (instance, first, replanned, try Planner.solve(replanned))
    }

    /// Writes calendar files under a fresh folder and reads them back as history.
    static func history(_ files: [(name: String, contents: String)], _ tag: String) throws -> CalendarHistory {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-ics-\(tag)-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in files {
            let url = dir.appendingPathComponent(f.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(f.contents.utf8).write(to: url)
        }
        return CalendarHistory(folder: dir)
    }

    static func events(_ text: String) -> [[String]] {
        let lines = CalendarFilesTests.unfold(text)
        var out: [[String]] = []
        for line in lines {
            if line == "BEGIN:VEVENT" { out.append([]) } else if !out.isEmpty, out[out.count - 1].last != "END:VEVENT" {
                out[out.count - 1].append(line)
            }
        }
        return out
    }

    static func file(_ files: [(name: String, contents: String)], _ name: String) -> String? {
        files.first { $0.name == name }?.contents
    }

    @Test func anUnchangedPlanGivesTheSameBytes() throws {
        let (instance, plan, _, _) = try Self.weeks()
        let files = Calendars.render(instance, plan)
        let again = Calendars.render(instance, plan, history: try Self.history(files, "same"))
        #expect(again.map(\.name) == files.map(\.name))
        #expect(again.map(\.contents) == files.map(\.contents))
    }

    @Test func changedEventsAreBumpedAndGoneOnesCancelledOnce() throws {
        let (instance, first, replanned, second) = try Self.weeks()
        let week1 = Calendars.render(instance, first)
        let week2 = Calendars.render(replanned, second, history: try Self.history(week1, "w2"))
        // L-2 withdrew: its file carries only cancellations, each one SEQUENCE above week 1's.
        let l2 = Self.events(try #require(Self.file(week2, "calendars/learners/L-2.ics")))
        #expect(!l2.isEmpty && l2.allSatisfy { $0.contains("STATUS:CANCELLED") && $0.contains("SEQUENCE:1") })
        #expect(l2.count == Self.events(Self.file(week1, "calendars/learners/L-2.ics")!).count)
        // L-1 did not change: same UIDs and bytes.
        #expect(Self.file(week2, "calendars/learners/L-1.ics") == Self.file(week1, "calendars/learners/L-1.ics"))
        // H-1's presentation of S-105-A lists other learners now: the same UID, SEQUENCE 1.
        let h1 = Self.events(Self.file(week2, "calendars/structures/H-1.ics")!)
        let presentation = try #require(h1.first { $0.contains("UID:structure-H-1-20270104-presentation-S-105-A@plan") })
        #expect(presentation.contains("SEQUENCE:1") && !presentation.contains("STATUS:CANCELLED"))
        #expect(h1.contains { $0.contains("UID:structure-H-1-20270104-absent-L-2@plan") && $0.contains("STATUS:CANCELLED") })

        // Week 3, nothing new: cancellations are not sent again, SEQUENCE numbers stay.
        let week3 = Calendars.render(replanned, second, history: try Self.history(week2, "w3"))
        #expect(Self.file(week3, "calendars/learners/L-2.ics") == nil)
        let h1again = Self.events(Self.file(week3, "calendars/structures/H-1.ics")!)
        #expect(h1again.first { $0.contains("UID:structure-H-1-20270104-presentation-S-105-A@plan") }?.contains("SEQUENCE:1") == true)
        #expect(!h1again.contains { $0.contains("STATUS:CANCELLED") })
    }

    @Test func onlyChangesSendsNothingTwice() throws {
        let (instance, first, replanned, second) = try Self.weeks()
        let week1 = Calendars.render(instance, first)
        let news = Calendars.render(replanned, second, history: try Self.history(week1, "news"), onlyChanges: true)
        #expect(Self.file(news, "calendars/learners/L-1.ics") == nil, "unchanged: not sent")
        #expect(Self.file(news, "calendars/learners/L-7.ics") != nil, "new: sent")
        let today = "20270106"
        for f in news {
            for e in Self.events(f.contents) {
                let start = try #require(e.first { $0.hasPrefix("DTSTART;VALUE=DATE:") }).dropFirst(19)
                #expect(start >= today, "\(f.name): an event before the re-planning date was sent again")
            }
        }
        // invitations.csv: only the rows that are new or list other learners, from today on.
        var all = "", only = ""
        PlanFiles.writeInvitations(replanned, second, to: &all)
        PlanFiles.writeInvitations(replanned, second, since: PlanRecord(instance, assignments: first.assignments), to: &only)
        let rows = only.split(separator: "\r\n").dropFirst()
        #expect(rows.count < all.split(separator: "\r\n").count - 1)
        #expect(rows.allSatisfy { !$0.contains("S-105-A") }, "S-105-A started on 2027-01-04: its invitations are past")
    }
}
