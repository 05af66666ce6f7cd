// PlanChecker: a second opinion on a plan folder (SPEC §5), hand-edited or not. It reads the four
// files, checks their format, their agreement with the instance and with each other, the hard
// rules of SPEC §3 and the objective of SPEC §4, and lists every violation in plain words.
//
// PlanCheck is separate from the planner on purpose: it is the second opinion. A rule written
// twice, once in the planner and once here, independently, catches a mistake in either; a rule
// shared would only agree with itself. So it shares no code with the formulation
// (PlanFormulation) nor with the writers (PlanWriters), and from PlanDomain it reuses only:
// - decoding: the validated `Instance` and its stored fields (ids, resolved references,
//   defaults applied, weights), and the decoder's JSON reader (`JSONParser`) for summary.json;
// - the calendar of session days: `Day`, `Weekday`, `WorkCalendar` (which dates are workdays,
//   holidays) and each session's generated training days and their hours.
// Everything else is re-derived here from those raw values: eligibility, travel limits and
// distances (CheckEligibility.swift), the hard rules and the objective (CheckRules.swift), and
// how numbers and modes are written (Checker.swift, CheckEligibility.swift). None of PlanDomain's
// rule helpers (`ineligibility`, `eligibleOptions`, `distanceKm`, `haversineKm`, `travelLimit`,
// `cost`, `objective(of:)`, `violations(of:)`, `ModePreference.allows`, `formatNumber`…) is
// called; `Tests/PlanCheckTests` checks that it stays so.
import Foundation
import PlanDomain

/// One way a plan folder breaks the specification.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    /// The file concerned (`assignments.csv`…), or the folder itself.
    public var file: String
    /// The 1-based line of the file where the problem stands (the header is line 1), when known.
    public var line: Int?
    /// What the problem is about: `learner L-00012`, `session S-280-RENNES-0111`…
    public var subject: String?
    /// What is wrong, in plain words, with what was expected and what was found.
    public var message: String

    public init(file: String, line: Int? = nil, subject: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.subject = subject
        self.message = message
    }

    /// `assignments.csv:12 (learner L-00011): travel_km is 12, expected 35` (in French,
    /// `assignments.csv:12 (apprenant L-00011) : travel_km est 12, attendu 35`).
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let subject { s += " (\(subject))" }
        return s + colon + message
    }
}

/// The outcome of a check.
public struct CheckReport: Sendable {
    /// Every violation found, in the order the files are checked.
    public var violations: [Violation]
    /// Checks that could not be made (for instance because assignments.csv is incomplete).
    public var notes: [String]
    /// Learners in the instance.
    public var learners: Int
    /// Learners assigned by assignments.csv (as read).
    public var assigned: Int
    /// The objective of SPEC §4 recomputed from assignments.csv; nil when it does not give a
    /// decision for every learner.
    public var objective: Double?

    public var isOK: Bool { violations.isEmpty }

    /// `plan check: OK (300 learners, 276 assigned, objective 2613638)` or
    /// `plan check: 3 violations` (`plan check : OK (300 apprenants, 276 placés, objectif 2613638)`,
    /// `plan check : 3 violations`).
    public var summaryLine: String {
        if isOK {
            let obj = objective.map { say(", objective ", ", objectif ") + plainNumber($0) } ?? ""
            return say("plan check: OK (\(learners) learners, \(assigned) assigned\(obj))",
                       "plan check : OK (\(frenchCount(learners, "apprenant", "apprenants")), \(frenchCount(assigned, "placé", "placés"))\(obj))")
        }
        return "plan check" + colon + howMany(violations.count, ("violation", "violations"), ("violation", "violations"))
    }

    /// Violations whose description contains `text` (handy in tests).
    public func violations(containing text: String) -> [Violation] {
        violations.filter { $0.description.contains(text) }
    }
}

public enum PlanChecker {
    /// The four files of SPEC §5, in the order they are checked.
    public static let fileNames = ["assignments.csv", "timetable.csv", "sessions.csv", "summary.json"]

    /// Checks the plan folder written for `instance`; for a re-plan, `previous` is the folder of
    /// the plan it was made knowing (SPEC §6), whose assignments.csv recounts the changes.
    public static func check(instance: Instance, folder: URL, previous: URL? = nil) -> CheckReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            var checker = Checker(instance: instance)
            checker.violations.append(Violation(file: folder.path, message: say("the plan folder does not exist (or is not a folder)",
                                                                                     "le dossier du plan n'existe pas (ou n'est pas un dossier)")))
            return checker.report()
        }
        var files: [String: [UInt8]] = [:]
        var unreadable: [Violation] = []
        for name in fileNames {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            do {
                files[name] = Array(try Data(contentsOf: url))
            } catch {
                unreadable.append(Violation(file: name, message: say("cannot be read: ", "illisible : ") + error.localizedDescription))
            }
        }
        if let previous {
            files["previous assignments.csv"] = FileManager.default.contents(atPath: previous.appendingPathComponent("assignments.csv").path).map(Array.init)
                ?? []
        }
        var report = check(instance: instance, bytes: files)
        if !unreadable.isEmpty {
            let names = Set(unreadable.map(\.file))
            report.violations.removeAll { names.contains($0.file) && $0.message == Checker.missingMessage }
            report.violations.insert(contentsOf: unreadable, at: 0)
        }
        return report
    }

    /// Checks a plan given as file contents by name (`assignments.csv` → its text).
    public static func check(instance: Instance, files: [String: String]) -> CheckReport {
        check(instance: instance, bytes: files.mapValues { Array($0.utf8) })
    }

    /// Checks a plan given as file bytes by name; a name absent from `bytes` is a missing file.
    public static func check(instance: Instance, bytes: [String: [UInt8]]) -> CheckReport {
        var checker = Checker(instance: instance)
        if let previous = bytes["previous assignments.csv"] { checker.readPrevious(previous) }
        checker.run(bytes)
        return checker.report()
    }
}
