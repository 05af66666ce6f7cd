// FrenchTests: with `--lang fr` (or a French locale) plan check says every violation in French.
// The broken plans of the other tests (the hand edits of CheckTests.swift, the seats of
// EligibilityTests.swift, the hard rules) and a few more are checked in both languages: as many
// violations, on the same lines, and no French text with an English phrase of the checker left in it.
import Foundation
@testable import PlanCheck
import PlanDomain
import Testing

/// What a check says in one language: each violation as printed, the notes and the last line.
struct Said {
    var lines: [Int?]
    var violations: [String]
    var notes: [String]
    var summary: String

    /// Runs `check` in `language` and reads its report there (the report's text is made when read).
    init(_ language: Language, _ check: () -> CheckReport) {
        (lines, violations, notes, summary) = Language.$current.withValue(language) {
            let report = check()
            return (report.violations.map(\.line), report.violations.map(\.description), report.notes, report.summaryLine)
        }
    }

    var texts: [String] { violations + notes + [summary] }
}

/// A broken plan, by name, and how to check it.
typealias BrokenPlan = (name: String, check: () -> CheckReport)

@Suite struct FrenchCheckTests {
    /// Phrases of the English messages that a French one must not contain. None is a word of
    /// French, a code, a column name or a key (quoted values are taken out first); every English
    /// violation of the cases below has one (see `everyEnglishTextHasAMarker`), so a message left
    /// in English is caught.
    static let english = ["expected", "found", " is ", " is not ", " are ", " has ", "missing", "the file", "rows", "row ",
                          "learner ", "learner's", "learners ", " the ", " of ", " and ", " for ", " with ", " on ", " no ",
                          " in ", " from ", " to ", "session runs", "runs from", "above its", "below its", "may not",
                          "unexpected", "empty", "cannot", "appears twice", "written", "more problems", "plan check:"]

    /// A text with its quoted values (`'…'`, `"…"`) taken out: what the plan says, not the checker.
    /// An apostrophe between letters (`l'apprenant`) is not a quote.
    static func withoutQuotes(_ text: String) -> String {
        text.replacingOccurrences(of: #""[^"]*""#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"(?<!\p{L})'[^']*'(?!\p{L})"#, with: "", options: .regularExpression)
    }

    static func markers(in text: String) -> [String] {
        let said = withoutQuotes(text)
        return english.filter { said.contains($0) }
    }

    @Test func everyViolationIsSaidInFrench() {
        var checked = 0
        for plan in brokenPlans() {
            let en = Said(.en, plan.check), fr = Said(.fr, plan.check)
            #expect(en.violations.count == fr.violations.count, "\(plan.name): \(en.violations) / \(fr.violations)")
            #expect(en.lines == fr.lines, "\(plan.name)")
            #expect(en.notes.count == fr.notes.count, "\(plan.name)")
            for (k, text) in fr.texts.enumerated() {
                let left = Self.markers(in: text)
                #expect(left.isEmpty, "\(plan.name): \(left) in \(text) (English: \(k < en.texts.count ? en.texts[k] : "?"))")
            }
            checked += fr.violations.count
        }
        #expect(checked > 200, "only \(checked) violations: the broken plans say too little")
    }

    /// The markers would catch any message left in English: each English text of the cases has one.
    @Test func everyEnglishTextHasAMarker() {
        for plan in brokenPlans() {
            for text in Said(.en, plan.check).texts {
                #expect(!Self.markers(in: text).isEmpty, "\(plan.name): no marker in \(text)")
            }
        }
    }

    @Test func theFrenchReadsAsFrench() {
        var files = Fixtures.tinyFiles
        files.set(A, where: ["learner": "L-4"], "status", to: "pending")
        files.set(T, where: at("2027-01-11", "L-2"), "hours", to: "6")
        let fr = Said(.fr) { PlanChecker.check(instance: Fixtures.tiny, files: files) }
        #expect(fr.violations.contains("assignments.csv:5 (apprenant L-4) : status est 'pending', attendu 'assigned' ou 'unassigned'"),
                "\(fr.violations)")
        #expect(fr.violations.contains { $0.hasPrefix("timetable.csv:") && $0.contains("(apprenant L-2) : hours est 6, attendu 7 (jour de formation 5 sur 15 de S-105-A)") },
                "\(fr.violations)")
        #expect(fr.notes.first?.hasPrefix("assignments.csv ne donne pas de décision valide pour chaque apprenant") == true, "\(fr.notes)")
        #expect(fr.summary == "plan check : \(fr.violations.count) violations")
        let ok = Said(.fr) { PlanChecker.check(instance: Fixtures.tiny, files: Fixtures.tinyFiles) }
        #expect(ok.summary == "plan check : OK (6 apprenants, 4 placés, objectif 202060)")
        let one = Said(.fr) { PlanChecker.check(instance: small(minSize: 2), files: Fixtures.render(small(minSize: 2), ["L1": ("S1", .inPerson)])) }
        #expect(one.violations == ["assignments.csv (session S1) : la session ouvre avec 1 participant, sous son minSize de 2 : L1"])
        #expect(one.summary == "plan check : 1 violation")
    }
}

/// The broken plans checked in both languages.
func brokenPlans() -> [BrokenPlan] {
    var plans: [BrokenPlan] = edits.map { edit in
        ("edit: \(edit.name)", {
            var files = Fixtures.tinyFiles
            edit.apply(&files)
            return PlanChecker.check(instance: Fixtures.tiny, files: files)
        })
    }
    plans += seatCases.map { c in
        ("seat: \(c.condition)", {
            let instance = eligibilityInstance(defaultMaxTravelKm: c.defaultMaxTravelKm)
            return PlanChecker.check(instance: instance, files: Fixtures.render(instance, [c.learner: (c.session, c.mode)]))
        })
    }
    let rules: [(String, Instance, [String: (String, Mode)])] = [
        ("capacity", small(), ["L1": ("S1", .inPerson), "L2": ("S1", .inPerson), "L3": ("S1", .inPerson)]),
        ("remote capacity", small(), ["L3": ("S1", .remote), "L4": ("S1", .remote)]),
        ("pin moved", small(pinL4: true), ["L4": ("S1", .remote)]),
        ("pin left out", small(pinL4: true), [:]),
        ("minSize", small(minSize: 2), ["L1": ("S1", .inPerson)]),
        ("maxConcurrentSessions", small(maxConcurrent: 1), ["L1": ("S1", .inPerson), "L3": ("S2", .inPerson)]),
        ("maxConcurrentSessions 0", small(maxConcurrent: 0), ["L1": ("S1", .inPerson)]),
        ("maxAbsent", small(maxAbsent: 1), ["L1": ("S1", .inPerson), "L2": ("S2", .remote)]),
        ("maxAbsent 0", small(maxAbsent: 0), ["L1": ("S1", .inPerson)]),
    ]
    plans += rules.map { name, instance, decisions in
        ("rule: \(name)", { PlanChecker.check(instance: instance, files: Fixtures.render(instance, decisions)) })
    }
    return plans + moreBrokenPlans()
}

/// Broken plans that the other tests do not make: other files' problems, the excel-fr dialect, a
/// previous plan, a long list of learners, a missing folder.
func moreBrokenPlans() -> [BrokenPlan] {
    let tiny = Fixtures.tiny
    func edited(_ change: @escaping (inout Files) -> Void) -> () -> CheckReport {
        { var files = Fixtures.tinyFiles; change(&files); return PlanChecker.check(instance: tiny, files: files) }
    }
    let summaryEdits: [(String, String, String)] = [
        ("summary keys", "{\n", "{\n  \"today\": \"soon\",\n  \"changes\": 1,\n  \"changeWeight\": -1,\n  \"status\": \"optimal\",\n"),
        ("summary types", "\"learners\": 6", "\"learners\": true, \"x\": [1e3]"),
        ("summary whole", "\"assigned\": 4", "\"assigned\": 4.5"),
        ("summary status type", "\"status\": \"optimal\"", "\"status\": null"),
        ("summary gap with optimal", "\"gap\": 0", "\"gap\": 0.25"),
    ]
    var plans: [BrokenPlan] = summaryEdits.map { name, from, to in
        (name, edited { $0[J] = $0[J]!.replacingOccurrences(of: from, with: to) })
    }
    plans += [
        ("summary not an object", edited { $0[J] = "[1]" }),
        ("summary negative time", edited { $0[J] = $0[J]!.replacingOccurrences(of: "\"solveSeconds\": ", with: "\"solveSeconds\": -1") }),
        ("text after a closing quote", edited { $0[A] = $0[A]!.replacingOccurrences(of: "L-1,H-1,105,", with: "\"L-1\"x,H-1,105,") }),
        ("a lone carriage return", edited { $0[S] = $0[S]!.replacingOccurrences(of: "S-105-R,", with: "S-105-R\r,") }),
        ("an extra header column", edited { $0.editRows(A) { $0[0].append("extra") } }),
        ("an empty file", edited { $0[S] = "" }),
        ("sessions without a session column", edited { $0.editRows(S) { r in for k in r.indices { r[k].remove(at: 0) } } }),
        ("assignments without a status column", edited { $0.editRows(A) { r in for k in r.indices { r[k].remove(at: 3) } } }),
        ("a date that is no date", edited { $0.set(T, where: at("2027-01-05", "L-1"), "date", to: "2027-13-05") }),
        ("a timetable row for an unknown learner", edited { $0.editRows(T) { r in var row = r[r.count - 1]; row[1] = "L-9"; r.append(row) } }),
        ("incomplete decisions and a bad session status", edited {
            $0.set(A, where: ["learner": "L-4"], "status", to: "pending")
            $0.set(S, where: ["session": "S-105-A"], "status", to: "open")
        }),
        ("assigned without a session", edited { $0.set(A, where: ["learner": "L-1"], "session", to: "") }),
        ("a mode that is no mode", edited { $0.set(A, where: ["learner": "L-1"], "mode", to: "online") }),
        ("not UTF-8", {
            var bytes = Fixtures.tinyFiles.mapValues { Array($0.utf8) }
            bytes[S]! += [0xFF, 0xFE, 0x0D, 0x0A]
            return PlanChecker.check(instance: tiny, bytes: bytes)
        }),
        ("a missing folder", { PlanChecker.check(instance: tiny, folder: URL(fileURLWithPath: "/nonexistent/plan-check-fr")) }),
    ]
    return plans + previousPlans() + [excelPlan(), longList()]
}

/// A re-plan checked against a previous plan: one whose assignments.csv has a mode that is no
/// mode, and one whose assignments.csv is empty; summary.json has no `changes`.
func previousPlans() -> [BrokenPlan] {
    let previous = Fixtures.tinyFiles[A]!.replacingOccurrences(of: "S-105-A,in_person,", with: "S-105-A,online,")
    return [("previous plan", {
                var bytes = Fixtures.tinyFiles.mapValues { Array($0.utf8) }
                bytes["previous assignments.csv"] = Array(previous.utf8)
                return PlanChecker.check(instance: Fixtures.tiny, bytes: bytes)
            }),
            ("empty previous plan", {
                var bytes = Fixtures.tinyFiles.mapValues { Array($0.utf8) }
                bytes["previous assignments.csv"] = []
                return PlanChecker.check(instance: Fixtures.tiny, bytes: bytes)
            })]
}

/// A plan in the excel-fr dialect whose French words and names contradict its codes, with a
/// sessions.csv without its byte-order mark.
func excelPlan() -> BrokenPlan {
    ("excel-fr words", {
        var files = DialectTests.excel(Fixtures.tiny, Fixtures.tinyPlan)
        files[S] = String(files[S]!.dropFirst())
        files[A] = files[A]!.replacingOccurrences(of: ";placé;", with: ";sans place;")
            .replacingOccurrences(of: ";présentiel\r\n", with: ";à distance\r\n")
        files[T] = files[T]!.replacingOccurrences(of: ";formation à distance\r\n", with: ";alternance\r\n")
        files[S] = files[S]!.replacingOccurrences(of: ";ouverte\r\n", with: ";non ouverte\r\n")
        return PlanChecker.check(instance: Fixtures.tiny, files: files)
    })
}

/// More than eight learners over a capacity (Brittany, a learner moved into a full session), so
/// that their list is shortened (`… and 4 more`).
func longList() -> BrokenPlan {
    ("a long list of learners", {
        var files = Fixtures.bretagneFiles
        let sessions = rows(files[S]!).dropFirst()
        let full = sessions.filter { $0[8] == $0[9] && Int($0[8])! > 8 }.first!
        let mover = rows(files[A]!).dropFirst().first { $0[2] == full[3] && $0[6] == "in_person" && $0[5] != full[0] }!
        BretagneEditTests().move(&files, learner: mover[0], to: full[0], mode: "in_person")
        return PlanChecker.check(instance: Fixtures.bretagne, files: files)
    })
}
