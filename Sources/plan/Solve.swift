// `plan solve INSTANCE`: validates, solves (re-planning with --previous), writes the plan folder
// all or nothing, and prints a short summary. Failures go through Failure.swift.
import ArgumentParser
import Foundation
import GLPKSolver
import LinearModel
import PlanDomain
import PlanFormulation
import PlanWriters

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve an instance and write the plan.",
        discussion: """
            Writes assignments.csv, timetable.csv, sessions.csv and summary.json (SPEC 5), rosters.csv and
            invitations.csv into the output folder, all or nothing (with --ics, calendars/; with --packs,
            packs/: a folder to send to each organisation and each host structure). Example:

              plan solve instances/bretagne.json --out plans/bretagne --time-limit 60
            """)

    @Argument(help: "The instance file (JSON).")
    var instance: String

    @ArgumentParser.Option(help: "Output folder (default: plans/<instance name>, e.g. plans/bretagne).")
    var out: String?

    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Stop the search after this many seconds and write the best plan found.")
    var timeLimit: Double?

    @ArgumentParser.Option(help: "Stop once the relative gap between the plan and the bound is at most this (e.g. 0.01).")
    var gap: Double = 0

    @Flag(help: "Show GLPK's log on stderr.")
    var verbose = false

    @Flag(help: "No progress line on stderr.")
    var quiet = false

    @Flag(help: "Also write calendars/: one iCalendar file per learner, structure and running session.")
    var ics = false

    @Flag(help: "Also write packs/: a folder per organisation (its sessions, rosters, timetable, invitations and attendance sheets) and per host structure (its learners' assignments, timetable and invitations), to send to each.")
    var packs = false

    @ArgumentParser.Option(help: "Also write a self-contained HTML report (summary, Gantt charts, map, unassigned learners) to this file.")
    var report: String?

    @ArgumentParser.Option(help: "CSV dialect: rfc4180 (commas) or excel-fr (semicolons, decimal commas, a byte-order mark, for French Excel).")
    var csv: CSVDialect = .rfc4180

    @ArgumentParser.Option(help: "The model: aggregated (interchangeable learners merged, independent parts apart) or per-learner (one binary per learner, session and mode; a reference).")
    var formulation: Formulation = .aggregated

    @ArgumentParser.Option(name: .customLong("write-model"), help: "Also write the integer program given to GLPK to this file: free MPS for .mps, CPLEX LP otherwise.")
    var writeModel: String?

    @Flag(name: .customLong("model-only"), help: "With --write-model: write the model and stop, without solving.")
    var modelOnly = false

    @ArgumentParser.Option(help: "Independent parts solved at once (default: the number of cores).")
    var threads: Int?

    @ArgumentParser.Option(help: "Re-plan knowing this plan folder, written earlier: keep who was told what, and write changes.csv.")
    var previous: String?

    @ArgumentParser.Option(help: "With --previous: sessions starting before this date (YYYY-MM-DD) have started: they keep their learners and nobody joins them (default: today).")
    var today: String?

    @Flag(name: .customLong("only-changes"), help: "With --previous: invitations.csv and the calendars carry only what is new or changed (and, in calendars, what is cancelled), so that nobody is sent the same thing twice.")
    var onlyChanges = false

    @ArgumentParser.Option(name: .customLong("change-weight"), help: "With --previous: the objective's cost of each learner who had a seat and loses or changes it (a whole number; default 10000).")
    var changeWeight: Int?

    @Flag(name: .customLong("integer-counts"), help: .hidden)
    var integerCounts = false

    @ArgumentParser.Option(name: .customLong("glpk-memory-limit"), help: .hidden)
    var glpkMemoryLimit: Int?

    @ArgumentParser.Option(name: .customLong("slice-iterations"), help: .hidden)
    var sliceIterations: Int32?

    /// Measurement only: the model size from which the root relaxation leaves columns out at first.
    @ArgumentParser.Option(name: .customLong("pricing-from-columns"), help: .hidden)
    var pricingFromColumns: Int?

    /// Measurement only: candidates tried in a row without a better one before branching stops
    /// trying (0: all of them); `--glpk-branching`: GLPK's own pseudocost branching.
    @ArgumentParser.Option(name: .customLong("branch-lookahead"), help: .hidden)
    var branchLookahead: Int?

    @Flag(name: .customLong("glpk-branching"), help: .hidden)
    var glpkBranching = false

    @Flag(name: .customLong("cold-start"), help: .hidden)
    var coldStart = false

    @Flag(name: .customLong("all-rows"), help: .hidden)
    var allRows = false

    func validate() throws {
        if let t = timeLimit, !(t > 0 && t.isFinite) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if !(gap >= 0 && gap < 1) { throw ValidationError("--gap must be at least 0 and below 1") }
        if modelOnly && writeModel == nil { throw ValidationError("--model-only needs --write-model FILE") }
        if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
        if previous == nil && (today != nil || changeWeight != nil || onlyChanges) {
            throw ValidationError("--today, --change-weight and --only-changes need --previous PLAN_DIR")
        }
        if let today, Day(iso: today) == nil { throw ValidationError("--today must be a date, YYYY-MM-DD, not '\(today)'") }
        if let w = changeWeight, !(0...10_000_000_000).contains(w) {
            throw ValidationError("--change-weight must be a whole number from 0 to 10^10, not \(w)")
        }
    }

    @OptionGroup var languageOption: LanguageOption

    /// The language asked, else the locale's.
    var language: Language { languageOption.chosen }

    func run() throws {
        try languageOption.reported { try solve() }
    }

    private func solve() throws {
        let clock = ContinuousClock.now
        let folder = URL(fileURLWithPath: out ?? defaultFolder(for: self.instance))
        // Signals are caught from the start: one that arrives while the instance loads stops the
        // search as soon as it begins (the greedy plan is written, `interrupted`).
        let interruption = Interruption.install(cleaning: folder, and: report.map { [URL(fileURLWithPath: $0)] } ?? [])
        let (instance, previousPlan) = try load()
        for w in instance.warnings() { printError(language.say("warning: ", "avertissement : ") + w) }
        let loadSeconds = seconds(since: clock)
        if try writeModelIfAsked(instance) { return }
        let progressLine = ProgressLine(enabled: !quiet && !verbose && isatty(STDERR_FILENO) == 1)
        defer { progressLine.clear() }
        let options = plannerOptions(stop: { interruption.requested }, progress: { progressLine.show($0) })
        let result: (plan: Plan, statistics: ModelStatistics)
        do {
            result = try Planner.solveWithStatistics(instance, options: options)
        } catch let error as PlannerError {
            throw Failure.planner(error)
        }
        progressLine.clear()
        if result.plan.status == .interrupted { printError(language.say("plan: interrupted; writing the best plan found so far",
                                                                         "plan : interrompu ; écriture du meilleur plan trouvé jusqu'ici")) }
        let writeStart = ContinuousClock.now
        let changes = previousPlan.map { $0.changes(to: PlanRecord(instance, assignments: result.plan.assignments)) }
        try write(instance, result.plan, changes: changes, previousPlan: previousPlan, to: folder)
        printSummary(instance, result, changes: changes,
                     times: (loadSeconds, seconds(since: writeStart)), folder: folder)
    }

    /// The instance, re-planned knowing the previous plan when one is given.
    private func load() throws(Failure) -> (Instance, PlanRecord?) {
        let instance = try loadInstance(self.instance)
        guard let previous else { return (instance, nil) }
        let record = try loadPrevious(previous)
        do {
            let replanned = try instance.replanned(knowing: record, today: today.flatMap(Day.init(iso:)) ?? Day.today(),
                                                   changeWeight: changeWeight.map(Double.init) ?? Replanning.defaultChangeWeight)
            return (replanned, record)
        } catch {
            throw .invalidPrevious(path: nil, error)
        }
    }

    /// Writes the model when asked; true when the command stops there (`--model-only`).
    private func writeModelIfAsked(_ instance: Instance) throws(Failure) -> Bool {
        guard let path = writeModel else { return false }
        let model = Planner.model(instance, formulation: formulation)
        do {
            try GLPKSolver().write(model, to: path)
        } catch {
            throw .io("\(error)")
        }
        print("model written to \(path): \(model.variables.count) columns, \(model.rows.count) rows")
        return modelOnly
    }

    private func plannerOptions(stop: @escaping @Sendable () -> Bool,
                                progress: @escaping @Sendable (PlannerProgress) -> Void) -> PlannerOptions {
        var solver = GLPKSolver(memoryLimit: glpkMemoryLimit)
        solver.sliceIterations = sliceIterations.map { max(1, $0) }
        if let p = pricingFromColumns { solver.pricingFromColumns = max(0, p) }
        if let l = branchLookahead { solver.branchLookahead = max(0, l) }
        if glpkBranching { solver.branchLookahead = nil }
        var options = PlannerOptions(solver: solver, timeLimit: timeLimit, relativeGap: gap, verbose: verbose,
                                     formulation: formulation)
        if let threads { options.threads = threads }
        options.continuousCounts = !integerCounts
        options.warmStart = !coldStart
        options.lazyRows = !allRows
        options.shouldStop = stop
        options.progress = progress
        options.language = language
        return options
    }

    /// The plan folder (all or nothing), and the report staged beside its target first, so that
    /// exit 0 means everything asked for was written and a failure leaves nothing new.
    private func write(_ instance: Instance, _ plan: Plan, changes: [Change]?, previousPlan: PlanRecord?,
                       to folder: URL) throws(Failure) {
        do {
            var files = PlanFiles.render(instance, plan, dialect: csv, changes: changes,
                                         invitationsSince: onlyChanges ? previousPlan : nil)
            if ics {
                let history = previous.map { CalendarHistory(folder: URL(fileURLWithPath: $0)) }
                files += Calendars.render(instance, plan, history: history, onlyChanges: onlyChanges)
            }
            if packs {
                files += Packs.render(instance, plan, dialect: csv, invitationsSince: onlyChanges ? previousPlan : nil)
            }
            let stagedReport = try report.map {
                try StagedFile(Report.render(instance, plan, changes: changes, language: language), at: URL(fileURLWithPath: $0))
            }
            do {
                try OutputFolder.write(files, to: folder)
            } catch {
                stagedReport?.discard()
                throw error
            }
            try stagedReport?.commit()
        } catch {
            throw .io("\(error)")
        }
    }

    private func printSummary(_ instance: Instance, _ result: (plan: Plan, statistics: ModelStatistics), changes: [Change]?,
                              times: (load: Double, write: Double), folder: URL) {
        for line in SummaryText.lines(instance, result.plan, changes: changes, language: language) { print(line) }
        if verbose {
            for line in SummaryText.solverFigures(result.statistics, plan: result.plan, times: times) { print(line) }
        }
        print(language.say("plan written to ", "plan écrit dans ") + folder.path)
        if let report { print(language.say("report written to ", "rapport écrit dans ") + report) }
    }
}

