// A deterministic mutation fuzzer for the instance reader and validator (SPEC §2.4). Seed
// documents from FuzzCorpus/ are mutated (FuzzMutator.swift), and for every case
// `Instance.decode` must either return an instance that keeps the invariants below, or throw a
// non-empty list of issues, each with a message and a JSON path in the decoder's convention
// (`$` for the whole document, else `learners[3].availableFrom`); never crash, never hang, and
// never take more than two seconds.
//
//     swift test --filter FuzzTests                          # 300 cases
//     PLAN_FUZZ_CASES=10000 swift test --filter FuzzTests    # the full campaign
//     PLAN_FUZZ_SEED=7 …                                     # another sequence of cases
//     PLAN_FUZZ_CASE=1234 swift test --filter FuzzTests      # only case 1234, saved to a file
import Foundation
import Testing
@testable import PlanDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Corpus and cases

/// One seed document.
struct FuzzSeed: Sendable {
    var name: String
    var bytes: [UInt8]
}

enum FuzzCorpus {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    /// The seed documents, by file name.
    static func load() throws -> [FuzzSeed] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { FuzzSeed(name: $0, bytes: Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }
}

/// One generated input and how it was made.
struct FuzzCase: Sendable {
    var index: Int
    var bytes: [UInt8]
    var recipe: String
}

/// Makes case `index` of the sequence `seed`: the same bytes every time.
struct FuzzCaseMaker: Sendable {
    var seeds: [FuzzSeed]
    var trees: [FuzzNode]
    var seed: UInt64

    init(seeds: [FuzzSeed], seed: UInt64) throws {
        self.seeds = seeds
        self.trees = try seeds.map { FuzzNode(try JSONParser.parse($0.bytes)) }
        self.seed = seed
    }

    func make(_ index: Int) -> FuzzCase {
        var m = FuzzMutator(rng: FuzzRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(index)))
        let s = m.rng.below(seeds.count)
        var recipe = [seeds[s].name]
        var bytes: [UInt8]
        let plan = m.rng.below(100)
        if plan < 25 {
            // Changes that usually keep the document valid, so that the invariants get exercised.
            var tree = trees[s]
            for _ in 0..<m.rng.int(1...3) { recipe.append(m.mutateBenignly(&tree)) }
            let style = m.rng.pick(FuzzStyle.allCases)
            recipe.append("\(style)")
            bytes = Array(tree.rendered(style).utf8)
            if m.rng.chance(0.1) { bytes = [0xEF, 0xBB, 0xBF] + bytes; recipe.append("byte-order mark") }
        } else if plan < 80 {
            var tree = trees[s]
            for _ in 0..<m.rng.int(1...4) { recipe.append(m.mutate(&tree, donors: trees)) }
            let style = m.rng.pick(FuzzStyle.allCases)
            recipe.append("\(style)")
            bytes = Array(tree.rendered(style).utf8)
            if m.rng.chance(0.3) {
                for _ in 0..<m.rng.int(1...3) { recipe.append(m.mutateBytes(&bytes)) }
            }
        } else {
            bytes = seeds[s].bytes
            for _ in 0..<m.rng.int(1...3) { recipe.append(m.mutateBytes(&bytes)) }
        }
        return FuzzCase(index: index, bytes: bytes, recipe: recipe.joined(separator: " + "))
    }
}

// MARK: - The property

/// What one decode did.
struct FuzzOutcome {
    var valid: Bool
    var seconds: Double
    /// Broken promises; empty when the case passes.
    var problems: [String]
    var issues: [InstanceIssue]
    /// Valid, but with a cost that is not finite (see `costsOverflow`).
    var overflowingCosts = false
}

enum FuzzProperty {
    static let maxSeconds = 2.0
    static let topKeys = Set(InstanceKeys.all["$"]!)
    static let knownKeys = Set(InstanceKeys.all.values.joined())

    static func run(_ bytes: [UInt8], checkDeterminism: Bool) -> FuzzOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let result = Result { () throws(InvalidInstance) in try Instance.decode(bytes) }
        let seconds = (clock.now - start) / .seconds(1)
        var problems: [String] = []
        if seconds > maxSeconds { problems.append("decoding took \(seconds) s, more than \(maxSeconds) s") }
        var issues: [InstanceIssue] = []
        var overflow = false
        switch result {
        case .success(let instance):
            problems += instanceProblems(instance)
            overflow = costsOverflow(instance)
        case .failure(let error):
            issues = error.issues
            problems += issueProblems(error, bytes)
        }
        if checkDeterminism {
            let again = Result { () throws(InvalidInstance) in try Instance.decode(bytes) }
            switch (result, again) {
            case (.success(let a), .success(let b)):
                if a.sessions.map(\.days) != b.sessions.map(\.days) || a.learners.count != b.learners.count {
                    problems.append("a second decode gave another instance")
                }
            case (.failure(let a), .failure(let b)):
                if a.issues != b.issues { problems.append("a second decode gave other issues") }
            default: problems.append("a second decode gave another outcome")
            }
        }
        return FuzzOutcome(valid: (try? result.get()) != nil, seconds: seconds, problems: problems, issues: issues,
                           overflowingCosts: overflow)
    }

    /// What a refusal must look like.
    static func issueProblems(_ error: InvalidInstance, _ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        if error.issues.isEmpty { problems.append("refused without any issue") }
        if error.description.isEmpty { problems.append("refused with an empty description") }
        var lineCount: Int?
        func lines() -> Int {
            if let lineCount { return lineCount }
            var n = 1
            for b in bytes where b == 0x0A { n += 1 }
            lineCount = n
            return n
        }
        for issue in error.issues {
            let m = issue.message.trimmingCharacters(in: .whitespacesAndNewlines)
            if m.isEmpty { problems.append("issue at \(issue.path) has an empty message") }
            if !(issue.path == "$" || isWellFormed(issue.path) || isUnknownKeyPath(issue)) {
                problems.append("issue path \(issue.path.debugDescription) is not `$` nor a JSON path (\(issue.message.prefix(200)))")
            }
            if (issue.line == nil) != (issue.column == nil) { problems.append("issue at \(issue.path) has a line without a column") }
            if let line = issue.line, !(1...lines()).contains(line) {
                problems.append("issue at \(issue.path) names line \(line) of \(lines())")
            }
            if let column = issue.column, !(1...(bytes.count + 1)).contains(column) {
                problems.append("issue at \(issue.path) names column \(column)")
            }
            if issue.message.hasPrefix("not valid JSON"), issue.path != "$" || issue.line == nil {
                problems.append("a parse error must be at `$` with its line and column: \(issue)")
            }
        }
        return problems
    }

    /// `topKey` then any of `[digits]` and `.knownKey`, e.g. `sessions[0].capacity.inPerson`.
    /// Read by bytes: a key may start with a combining mark, which `Character`s would glue to the dot.
    static func isWellFormed(_ path: ArraySlice<UInt8>) -> Bool {
        var rest = path
        func name() -> String {
            let end = rest.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "[") } ?? rest.endIndex
            defer { rest = rest[end...] }
            return String(decoding: rest[..<end], as: UTF8.self)
        }
        guard topKeys.contains(name()) else { return false }
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == UInt8(ascii: ".") {
                guard knownKeys.contains(name()) else { return false }
            } else {
                guard let close = rest.firstIndex(of: UInt8(ascii: "]")), close > rest.startIndex,
                      rest[..<close].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
                rest = rest[(close + 1)...]
            }
        }
        return true
    }

    static func isWellFormed(_ path: String) -> Bool { isWellFormed(Array(path.utf8)[...]) }

    /// An unknown key is located at the key itself: `key` at the top, else `path.key`.
    static func isUnknownKeyPath(_ issue: InstanceIssue) -> Bool {
        let message = Array(issue.message.utf8)
        func names(_ key: ArraySlice<UInt8>) -> Bool { message.starts(with: Array("unknown key '".utf8) + key + [UInt8(ascii: "'")]) }
        let p = Array(issue.path.utf8)
        if names(p[...]) { return true }
        for dot in p.indices where p[dot] == UInt8(ascii: ".") {
            if isWellFormed(p[..<dot]), names(p[(dot + 1)...]) { return true }
        }
        return false
    }

    /// Cheap invariants of a decoded instance.
    static func instanceProblems(_ x: Instance) -> [String] {
        var problems: [String] = []
        func expect(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { problems.append(what()) } }
        func uniqueIDs(_ ids: [String], _ list: String) {
            expect(ids.allSatisfy { !$0.isEmpty }, "an empty id in \(list)")
            expect(Set(ids).count == ids.count, "duplicate ids in \(list)")
        }
        uniqueIDs(x.organisations.map(\.id), "organisations")
        uniqueIDs(x.sites.map(\.id), "sites")
        uniqueIDs(x.sessions.map(\.id), "sessions")
        uniqueIDs(x.structures.map(\.id), "structures")
        uniqueIDs(x.learners.map(\.id), "learners")
        expect(x.paths.allSatisfy { $0 >= 1 } && Set(x.paths).count == x.paths.count, "paths \(x.paths)")
        expect(x.defaultHoursPerDay > 0 && x.defaultHoursPerDay <= 24, "defaults.hoursPerDay \(x.defaultHoursPerDay)")
        expect(x.defaultMaxTravelKm.map { $0 >= 0 } ?? true, "defaults.maxTravelKm")
        expect(!x.calendar.workdays.isEmpty && !x.defaultTrainingWeekdays.isEmpty, "empty weekday lists")
        let w = x.weights
        expect([w.unassigned, w.remote, w.perKm, w.perWaitingDay, w.openSession].allSatisfy { $0.isFinite && $0 >= 0 }, "weights")
        for o in x.organisations { expect(o.maxConcurrentSessions.map { $0 >= 0 } ?? true, "\(o.id): maxConcurrentSessions") }
        for s in x.sites {
            expect(x.organisations.indices.contains(s.organisation), "\(s.id): organisation index")
            expect((-90...90).contains(s.lat) && (-180...180).contains(s.lon), "\(s.id): coordinates")
        }
        for s in x.sessions {
            guard x.organisations.indices.contains(s.organisation) else { problems.append("\(s.id): organisation index"); continue }
            if let site = s.site {
                expect(x.sites.indices.contains(site) && x.sites[site].organisation == s.organisation, "\(s.id): site")
            } else {
                expect(s.capacityInPerson == 0, "\(s.id): in-person seats without a site")
            }
            expect(s.capacityInPerson >= 0 && s.capacityRemote >= 0 && s.minSize >= 0, "\(s.id): capacities")
            expect(x.paths.contains(s.path), "\(s.id): path \(s.path)")
            expect(s.hoursPerDay > 0 && s.hoursPerDay <= 24, "\(s.id): hoursPerDay")
            guard !s.days.isEmpty else { problems.append("\(s.id): no training day"); continue }
            expect(s.days.count == s.hours.count, "\(s.id): \(s.days.count) days for \(s.hours.count) hours")
            expect(zip(s.days, s.days.dropFirst()).allSatisfy { $0 < $1 }, "\(s.id): days not increasing")
            expect(s.hours.allSatisfy { $0 > 0 && $0 <= s.hoursPerDay + 1e-9 }, "\(s.id): hours of a day")
            expect(abs(s.hours.reduce(0, +) - Double(s.path)) < 1e-6, "\(s.id): hours do not sum to the path")
            let closures = x.organisations[s.organisation].closures
            expect(s.days.allSatisfy { x.calendar.isWorkday($0) && !closures.contains($0) }, "\(s.id): a day off")
            let perWeek = Dictionary(grouping: s.days, by: \.isoWeek)
            expect(perWeek.values.allSatisfy { $0.count < x.calendar.workdaysInWeek(of: $0[0]) }, "\(s.id): no alternation day")
            expect(s.trainingWeekdays == Set(s.days.map(\.weekday)), "\(s.id): training weekdays")
        }
        for h in x.structures {
            expect(!h.territory.isEmpty, "\(h.id): territory")
            expect((-90...90).contains(h.lat) && (-180...180).contains(h.lon), "\(h.id): coordinates")
            expect((h.maxTravelKm ?? 0) >= 0 && (h.maxAbsent ?? 0) >= 0, "\(h.id): limits")
        }
        for (k, l) in x.learners.enumerated() {
            guard x.structures.indices.contains(l.structure) else { problems.append("\(l.id): structure index"); continue }
            expect(x.paths.contains(l.path), "\(l.id): path")
            if let a = l.availableFrom {
                expect(l.startBy.map { a <= $0 } ?? true && l.finishBy.map { a <= $0 } ?? true, "\(l.id): dates")
            }
            expect((l.maxTravelKm ?? 0) >= 0, "\(l.id): maxTravelKm")
            if let pin = l.assigned {
                expect(x.sessions.indices.contains(pin.session) && x.ineligibility(learner: k, session: pin.session, mode: pin.mode) == nil,
                       "\(l.id): pinned assignment not eligible")
            }
        }
        expect(x.sessionsByID.sorted() == Array(x.sessions.indices), "sessionsByID is not a permutation")
        expect(zip(x.sessionsByID, x.sessionsByID.dropFirst()).allSatisfy { precedesByBytes(x.sessions[$0].id, x.sessions[$1].id) },
               "sessionsByID is not sorted")
        if problems.isEmpty, x.learners.count * max(1, x.sessions.count) <= 200_000 {
            for l in x.learners.indices {
                for o in x.eligibleOptions(learner: l) {
                    expect(x.ineligibility(learner: l, session: o.session, mode: o.mode) == nil, "\(x.learners[l].id): an option")
                }
            }
        }
        return problems
    }

    /// Whether a weight is so large that the cost of some option, or of an unassigned learner,
    /// is not finite (`plan validate` accepts such an instance; `plan solve` then refuses the
    /// model). Counted, not failed: the spec only asks for finite weights.
    static func costsOverflow(_ x: Instance) -> Bool {
        guard x.learners.count * max(1, x.sessions.count) <= 200_000 else { return false }
        if !(x.weights.unassigned * Double(x.learners.count)).isFinite { return true }
        return x.learners.indices.contains { l in x.eligibleOptions(learner: l).contains { !x.cost(learner: l, option: $0).isFinite } }
    }
}

// MARK: - A note on stderr when a case crashes the process

/// Before each case, the campaign writes which case it is into a buffer; a fatal signal prints
/// it (with `write`, which is safe in a signal handler) and then lets the previous handler run.
enum CrashNote {
    nonisolated(unsafe) static let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: 512)
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 64)
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    static func set(_ text: String) {
        let bytes = Array(text.utf8.prefix(510)) + [0x0A]
        for (k, b) in bytes.enumerated() { buffer[k] = CChar(bitPattern: b) }
        length = bytes.count
    }

    static func install() {
        for sig in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { sig in
                _ = write(2, CrashNote.buffer, CrashNote.length)
                sigaction(sig, CrashNote.previous + Int(sig), nil)
                if sig == SIGABRT { raise(sig) }
            }
            #else
            action.__sigaction_u.__sa_handler = { sig in
                _ = write(2, CrashNote.buffer, CrashNote.length)
                sigaction(sig, CrashNote.previous + Int(sig), nil)
                if sig == SIGABRT { raise(sig) }
            }
            #endif
            action.sa_flags = SA_ONSTACK
            sigaction(sig, &action, previous + Int(sig))
        }
    }

    static func uninstall() {
        for sig in signals { sigaction(sig, previous + Int(sig), nil) }
    }

    /// An alternate signal stack for the calling thread, so that a stack overflow is reported too.
    static func alternateStack() {
        let size = 256 * 1024
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }
}

// MARK: - The campaign

/// Progress shared between the worker thread and the watchdog.
final class FuzzProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var _current: (index: Int, since: ContinuousClock.Instant)?
    private var _done = false

    var current: (index: Int, since: ContinuousClock.Instant)? { lock.withLock { _current } }
    var done: Bool { lock.withLock { _done } }
    func start(_ index: Int) { lock.withLock { _current = (index, ContinuousClock.now) } }
    func finish() { lock.withLock { _done = true } }
}

/// What a campaign found.
struct FuzzReport: @unchecked Sendable {
    var cases = 0
    var valid = 0
    var refused = 0
    var refusedAtRoot = 0
    var failures: [(FuzzCase, [String])] = []
    var slowest: (index: Int, seconds: Double, recipe: String)?
    var seconds = 0.0
    /// Time spent decoding (the rest is making cases and checking them).
    var decodeSeconds = 0.0
    var makeSeconds = 0.0
    var overflowingCosts = 0
}

@Suite(.serialized) struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let defaultCases = 300
    static let defaultSeed: UInt64 = 20_270_104
    /// A case that runs longer than this is a hang: the campaign stops and reports it.
    static let hangSeconds = 30.0
    /// The worker's stack: what a secondary thread gets on macOS, smaller than Linux's main thread.
    static let workerStack = 512 * 1024

    @Test func corpusSeedsAreValid() throws {
        let seeds = try FuzzCorpus.load()
        #expect(seeds.count >= 5)
        for seed in seeds {
            let outcome = FuzzProperty.run(seed.bytes, checkDeterminism: true)
            #expect(outcome.valid, "\(seed.name): \(outcome.issues)")
            #expect(outcome.problems.isEmpty, "\(seed.name): \(outcome.problems)")
        }
    }

    @Test func casesAreReproducible() throws {
        let maker = try FuzzCaseMaker(seeds: try FuzzCorpus.load(), seed: Self.defaultSeed)
        for index in [0, 1, 77, 299] {
            let (a, b) = (maker.make(index), maker.make(index))
            #expect(a.bytes == b.bytes && a.recipe == b.recipe)
        }
    }

    @Test func campaign() throws {
        let seed = Self.environment["PLAN_FUZZ_SEED"].flatMap(UInt64.init) ?? Self.defaultSeed
        let only = Self.environment["PLAN_FUZZ_CASE"].flatMap(Int.init)
        let count = Self.environment["PLAN_FUZZ_CASES"].flatMap(Int.init) ?? Self.defaultCases
        let indices = only.map { [$0] } ?? Array(0..<count)
        let maker = try FuzzCaseMaker(seeds: try FuzzCorpus.load(), seed: seed)
        if let only {
            let file = try save(maker.make(only), seed: seed)
            print("fuzz: case \(only) of seed \(seed): \(maker.make(only).recipe), saved to \(file.path)")
        }

        let progress = FuzzProgress()
        let box = ReportBox()
        let worker = Thread {
            CrashNote.alternateStack()
            let clock = ContinuousClock()
            let start = clock.now
            var report = FuzzReport()
            for index in indices {
                let made = clock.now
                let c = maker.make(index)
                report.makeSeconds += (clock.now - made) / .seconds(1)
                CrashNote.set("fuzz: the process crashed while case \(index) of seed \(seed) was running (\(c.recipe)); "
                              + "replay it with PLAN_FUZZ_SEED=\(seed) PLAN_FUZZ_CASE=\(index) swift test --filter FuzzTests")
                progress.start(index)
                let outcome = FuzzProperty.run(c.bytes, checkDeterminism: index % 8 == 0)
                report.cases += 1
                report.decodeSeconds += outcome.seconds
                if outcome.valid {
                    report.valid += 1
                    if outcome.overflowingCosts { report.overflowingCosts += 1 }
                } else {
                    report.refused += 1
                    if outcome.issues.first?.path == "$" { report.refusedAtRoot += 1 }
                }
                if outcome.seconds > report.slowest?.seconds ?? -1 { report.slowest = (index, outcome.seconds, c.recipe) }
                if !outcome.problems.isEmpty { report.failures.append((c, outcome.problems)) }
            }
            report.seconds = (clock.now - start) / .seconds(1)
            box.report = report
            progress.finish()
        }
        worker.stackSize = Self.workerStack
        CrashNote.install()
        defer { CrashNote.uninstall() }
        worker.start()

        var hung: Int?
        while !progress.done {
            Thread.sleep(forTimeInterval: 0.05)
            if let current = progress.current, (ContinuousClock.now - current.since) / .seconds(1) > Self.hangSeconds {
                hung = current.index
                break
            }
        }
        if let hung {
            let c = maker.make(hung)
            let file = try? save(c, seed: seed)
            Issue.record("fuzz: case \(hung) of seed \(seed) hangs (over \(Self.hangSeconds) s): \(c.recipe); saved to \(file?.path ?? "?")")
            return
        }
        let report = box.report!
        for (c, problems) in report.failures.prefix(20) {
            let file = try? save(c, seed: seed)
            let text = problems.prefix(5).map { String($0.prefix(300)) }.joined(separator: "\n  ")
            Issue.record("fuzz: case \(c.index) of seed \(seed) (\(c.recipe)), saved to \(file?.path ?? "?"):\n  \(text)")
        }
        let slowest = report.slowest.map { "case \($0.index), \(String(format: "%.3f", $0.seconds)) s (\($0.recipe))" } ?? "none"
        print("""
            fuzz: \(report.cases) cases of seed \(seed) in \(String(format: "%.1f", report.seconds)) s \
            (making cases \(String(format: "%.1f", report.makeSeconds)) s, decoding \(String(format: "%.1f", report.decodeSeconds)) s): \
            \(report.valid) valid (\(report.overflowingCosts) with a cost that overflows), \(report.refused) refused (\(report.refusedAtRoot) at $, \
            \(report.refused - report.refusedAtRoot) at a path inside), \(report.failures.count) failing, \
            0 crashes, 0 hangs; slowest \(slowest)
            """)
    }

    /// The fuzzer's own path check once split `structures[2].́` (a key that is a lone combining
    /// mark) at the wrong place, reading by `Character`s; it reads bytes now.
    @Test func anUnknownKeyStartingWithACombiningMarkHasItsPath() {
        let found = issues(of: doc { $0["structures"][0]["\u{301}"] = 1 })
        #expect(found.map(\.path) == ["structures[0].\u{301}"])
        #expect(found.allSatisfy { FuzzProperty.isUnknownKeyPath($0) })
    }

    /// Writes a case's bytes where a developer can find them.
    func save(_ c: FuzzCase, seed: UInt64) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plan-fuzz-\(seed)-\(c.index).json")
        try Data(c.bytes).write(to: file)
        return file
    }
}

/// The worker's report, handed to the test once the worker is done.
final class ReportBox: @unchecked Sendable {
    var report: FuzzReport?
}
