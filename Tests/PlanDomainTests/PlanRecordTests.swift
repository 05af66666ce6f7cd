// PlanRecordTests: the changes between two plans (SPEC §6): every kind, only what changed, sorted
// by learner then session (session rows first), and the counts of kept and changed learners.
import PlanDomain
import Testing

@Suite struct PlanRecordTests {
    let d1 = Day(iso: "2027-01-04")!, d2 = Day(iso: "2027-01-11")!

    func seat(_ s: String, _ d: Day, _ m: Mode = .inPerson) -> RecordedSeat { RecordedSeat(session: s, mode: m, start: d) }

    @Test func everyKindOfChangeSorted() {
        let old = PlanRecord(learners: [
            .init(id: "L-5", structure: "H", organisation: "OF", path: 105, seat: seat("A", d1)),        // withdrawn
            .init(id: "L-4", structure: "H", organisation: "OF", path: 105, seat: seat("A", d1)),        // moved (mode)
            .init(id: "L-3", structure: "H", organisation: "OF", path: 105, seat: seat("B", d2)),        // lost its seat
            .init(id: "L-2", structure: "H", path: 105, seat: nil),                                       // gains one
            .init(id: "L-1", structure: "H", organisation: "OF", path: 105, seat: seat("A", d1)),        // kept
            .init(id: "L-0", structure: "H", path: 105, seat: nil),                                       // still none
        ], sessions: [.init(id: "A", organisation: "OF", path: 105, start: d1, runs: true),
                      .init(id: "B", organisation: "OF", path: 105, start: d2, runs: true),
                      .init(id: "C", organisation: "OF", path: 105, start: d2, runs: false)])
        let new = PlanRecord(learners: [
            .init(id: "L-0", structure: "H", path: 105, seat: nil),
            .init(id: "L-1", structure: "H", organisation: "OF", path: 105, seat: seat("A", d1)),
            .init(id: "L-2", structure: "H", organisation: "OF", path: 105, seat: seat("C", d2)),
            .init(id: "L-3", structure: "H", path: 105, seat: nil),
            .init(id: "L-4", structure: "H", organisation: "OF", path: 105, seat: seat("A", d1, .remote)),
            .init(id: "L-6", structure: "H", path: 105, seat: nil),
        ], sessions: [.init(id: "A", organisation: "OF", path: 105, start: d1, runs: true),
                      .init(id: "C", organisation: "OF", path: 105, start: d2, runs: true)])
        let changes = old.changes(to: new)
        #expect(changes.map { "\($0.learner ?? "")/\($0.session ?? "")/\($0.kind.rawValue)" } == [
            "/B/cancelled", "/C/opened", "L-2//gained_seat", "L-3//lost_seat", "L-4//moved", "L-5//withdrawn", "L-6//new",
        ])
        #expect(changes[4].before == seat("A", d1) && changes[4].after == seat("A", d1, .remote))
    }

    @Test func aNewStartDateAloneIsNotAChange() {
        let old = PlanRecord(learners: [.init(id: "L", structure: "H", path: 105, seat: seat("A", d1))], sessions: [])
        let new = PlanRecord(learners: [.init(id: "L", structure: "H", path: 105, seat: seat("A", d2))], sessions: [])
        #expect(old.changes(to: new).isEmpty)
    }
}
