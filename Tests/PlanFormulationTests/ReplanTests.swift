// ReplanTests: re-planning (SPEC §6) against exhaustive search and against its promises. Next
// week's instance is derived from a brute-force case (a learner withdrawn, a newcomer, a seat
// fewer); the test writes out on its own what a change costs and who may sit in a started
// session, and the planner must find the same minimum.
import Foundation
import PlanCheck
import PlanDomain
import PlanFormulation
import PlanTestSupport
import PlanWriters
import Testing

/// Next week: one learner withdrawn, a copy of another as a newcomer, one session a seat fewer.
private func nextWeek(_ doc: BFDocument, _ rng: inout BFRandom) -> BFDocument {
    var next = doc
    if next.learners.count > 1, rng.chance(0.6) { next.learners.remove(at: rng.int(0...(next.learners.count - 1))) }
    if let model = doc.learners.randomElement(using: &rng), rng.chance(0.7) {
        var newcomer = model
        newcomer.id = "L-NEW"
        newcomer.assigned = nil
        next.learners.append(newcomer)
    }
    if !next.sessions.isEmpty, rng.chance(0.5) {
        let s = rng.int(0...(next.sessions.count - 1))
        // A seat fewer, never none (a mode without seats is another eligibility question).
        if next.sessions[s].capRemote > 1 { next.sessions[s].capRemote -= 1 } else if next.sessions[s].capIn > 1 { next.sessions[s].capIn -= 1 }
    }
    return next
}

/// The test's own reading of SPEC §6 for learner `l` of `instance`, given the previous seats by id.
private struct ReplanRules {
    var previous: [String: RecordedSeat]
    var today: Day
    var weight: Double

    func started(_ instance: Instance, _ s: Int) -> Bool { instance.sessions[s].days[0] < today }

    /// A learner's seat before, when its session still exists and has started.
    func keptSeat(_ instance: Instance, _ l: Int) -> Option? {
        guard let p = previous[instance.learners[l].id], let s = instance.sessions.firstIndex(where: { $0.id == p.session }),
              started(instance, s) else { return nil }
        return Option(session: s, mode: p.mode)
    }

    /// Each learner's choices: its started seat if it has one; else the brute force's, without
    /// started sessions.
    func choices(_ instance: Instance) -> [[Option?]] {
        bfChoices(instance).enumerated().map { l, options in
            if let kept = keptSeat(instance, l) { return [kept] }
            return options.filter { o in o.map { !started(instance, $0.session) } ?? true }
        }
    }

    func changeCost(_ instance: Instance, _ a: [Option?]) -> Double {
        var n = 0
        for (l, o) in a.enumerated() {
            guard let p = previous[instance.learners[l].id] else { continue }
            if let o, instance.sessions[o.session].id == p.session, o.mode == p.mode { continue }
            n += 1
        }
        return weight * Double(n)
    }
}

/// The minimum over every assignment of `choices` that keeps the rules of SPEC §3, with change costs.
private func bruteForce(_ instance: Instance, _ rules: ReplanRules) -> (best: Double, at: [Option?])? {
    let choices = rules.choices(instance)
    var best: (Double, [Option?])?
    var current = [Option?](repeating: nil, count: instance.learners.count)
    func walk(_ l: Int) {
        if l == current.count {
            guard bfViolations(instance, current, minSizeExempt: { rules.started(instance, $0) }).isEmpty else { return }
            let cost = bfObjective(instance, current) + rules.changeCost(instance, current)
            if best == nil || cost < best!.0 { best = (cost, current) }
            return
        }
        for o in choices[l] {
            current[l] = o
            walk(l + 1)
        }
    }
    walk(0)
    return best
}

private func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) }

@Suite("Re-planning")
struct ReplanTests {
    @Test("a re-plan's optimum, with change costs and started sessions, equals exhaustive search", arguments: 0..<120)
    func replanMatchesBruteForce(seed: Int) throws {
        let c = try BFCases.make(seed: seed)
        guard let first = try? Planner.solve(c.instance) else { return }
        var rng = BFRandom(seed: UInt64(seed) ^ 0x5EED_0F_EEC)
        let doc = nextWeek(c.doc, &rng)
        let instance = try BFCases.decode(doc.json, seed: seed)
        guard bfSearchSpace(instance) <= BFCases.maxSpace else { return }
        let record = PlanRecord(c.instance, assignments: first.assignments)
        let starts = Set(instance.sessions.map(\.start)).sorted()
        let today = starts.isEmpty || rng.chance(0.3) ? Day(iso: "2027-01-01")! : rng.pick(starts).adding(days: rng.int(0...1))
        let weight = Double(rng.pick([0, 1, 700, 20_000, instance.weights.unassigned.rounded() + 1]))
        let rules = ReplanRules(previous: Dictionary(uniqueKeysWithValues: record.learners.compactMap { l in l.seat.map { (l.id, $0) } }),
                                today: today, weight: weight)
        let context = "seed \(seed), today \(today), weight \(weight)\ninstance: \(doc.json)"

        let replanned: Instance
        do {
            replanned = try instance.replanned(knowing: record, today: today, changeWeight: weight)
        } catch {
            // Refused only when a learner of a started session may not be there any more, or a
            // pin contradicts a started session: never on this derivation (no learner's data changes).
            Issue.record("re-plan refused: \(error.issues); \(context)")
            return
        }
        let expected = bruteForce(instance, rules)
        let plan: Plan
        do {
            plan = try Planner.solve(replanned)
        } catch let error as PlannerError {
            guard case .infeasible = error else { Issue.record("\(error); \(context)"); return }
            #expect(expected == nil, "the planner says infeasible, brute force finds \(String(describing: expected?.best)); \(context)")
            return
        }
        guard let expected else {
            Issue.record("brute force finds nothing feasible, the planner found \(plan.objective); \(context)")
            return
        }
        #expect(plan.status == .optimal, "\(context)")
        #expect(same(plan.objective, expected.best), "planner \(plan.objective), brute force \(expected.best); \(context)")
        let recomputed = bfObjective(instance, plan.assignments) + rules.changeCost(instance, plan.assignments)
        #expect(same(recomputed, plan.objective), "the plan costs \(recomputed), the planner says \(plan.objective); \(context)")
        for l in instance.learners.indices {
            if let kept = rules.keptSeat(instance, l) {
                #expect(plan.assignments[l] == kept, "\(instance.learners[l].id) left a started session; \(context)")
            } else if let o = plan.assignments[l] {
                #expect(!rules.started(instance, o.session), "\(instance.learners[l].id) joined a started session; \(context)")
            }
        }
        #expect(replanned.changes(of: plan.assignments) == Int((rules.changeCost(instance, plan.assignments) / max(weight, 1)).rounded())
                || weight == 0, "\(context)")

        // plan check, given the previous folder's seats, accepts the re-plan.
        var files = Dictionary(uniqueKeysWithValues: PlanFiles.render(replanned, plan, changes: record.changes(to: PlanRecord(replanned, assignments: plan.assignments))).map { ($0.name, $0.contents) })
        files["previous assignments.csv"] = PlanFiles.render(c.instance, first)[0].contents
        let report = PlanChecker.check(instance: instance, files: files)
        #expect(report.isOK, "plan check: \(report.violations.prefix(5)); \(context)")
    }

    @Test("re-planning an unchanged instance changes nothing and proves it optimal")
    func unchanged() throws {
        for seed in 0..<30 {
            let c = try BFCases.make(seed: seed)
            guard let first = try? Planner.solve(c.instance), first.status == .optimal else { continue }
            let record = PlanRecord(c.instance, assignments: first.assignments)
            let again = try Planner.solve(c.instance.replanned(knowing: record, today: Day(iso: "2026-12-01")!, changeWeight: 1))
            #expect(again.status == .optimal)
            #expect(record.changes(to: PlanRecord(c.instance, assignments: again.assignments)).isEmpty, "seed \(seed)")
            #expect(again.objective == first.objective, "seed \(seed)")
        }
    }

    /// Where a move can free at most one seat (no minimum sizes, no concurrency limits, no opening
    /// cost: those let one move make room for several), a change costing more than an unassigned
    /// learner is never worth it.
    @Test("with a change weight above the unassigned weight, newcomers never move anyone")
    func heavyChangesMoveNobody() throws {
        var cases = 0
        for seed in 0..<60 {
            var week1 = try BFCases.make(seed: seed).doc
            for s in week1.sessions.indices { week1.sessions[s].minSize = nil }
            for o in week1.orgs.indices { week1.orgs[o].maxConcurrent = nil }
            week1.weights.openSession = 0
            let instance1 = try BFCases.decode(week1.json, seed: seed)
            guard let first = try? Planner.solve(instance1) else { continue }
            let c = (doc: week1, instance: instance1)
            var doc = c.doc
            for (k, model) in c.doc.learners.enumerated() {
                var newcomer = model
                newcomer.id = "L-NEW-\(k)"
                newcomer.assigned = nil
                doc.learners.append(newcomer)
            }
            let instance = try BFCases.decode(doc.json, seed: seed)
            let record = PlanRecord(c.instance, assignments: first.assignments)
            let weight = instance.weights.unassigned + 1
            let plan = try Planner.solve(instance.replanned(knowing: record, today: Day(iso: "2026-12-01")!, changeWeight: weight))
            let changes = record.changes(to: PlanRecord(instance, assignments: plan.assignments))
            #expect(changes.allSatisfy { $0.kind == .new || $0.kind == .opened }, "seed \(seed): \(changes)")
            cases += 1
        }
        #expect(cases >= 30)
    }
}
