// Interruption and progress: Ctrl-C (SIGINT), SIGTERM (what a batch scheduler sends at its time
// limit) and SIGHUP (the terminal closed) stop the search at the next chance and the best plan
// found so far is written (status `interrupted`); a second signal leaves at once (exit 128 + the
// signal's number) and writes nothing. While solving on a terminal, one line on stderr shows how
// the search goes.
import Dispatch
import Foundation
import PlanDomain
import PlanFormulation
import PlanWriters

/// Catches SIGINT, SIGTERM and SIGHUP for the duration of a solve.
final class Interruption: @unchecked Sendable {
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    private let lock = NSLock()
    private var count = 0
    private var sources: [DispatchSourceSignal] = []
    private let folder: URL
    private let staged: [URL]

    private init(folder: URL, staged: [URL]) {
        self.folder = folder
        self.staged = staged
    }

    /// Whether the user asked to stop.
    var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return count > 0
    }

    /// Starts listening; on a second signal, removes any staging folder of `folder` and exits
    /// 128 + the signal's number (130 for Ctrl-C).
    static func install(cleaning folder: URL, and staged: [URL] = []) -> Interruption {
        let interruption = Interruption(folder: folder, staged: staged)
        let queue = DispatchQueue(label: "plan.signals")
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            // Two signals close together arrive as one event: `data` says how many.
            source.setEventHandler { interruption.received(number, times: Int(source.data)) }
            source.resume()
            interruption.sources.append(source)
        }
        return interruption
    }

    private func received(_ number: Int32, times: Int) {
        lock.lock()
        count += max(1, times)
        let n = count
        lock.unlock()
        if n == 1 {
            FileHandle.standardError.write(Data("\nplan: stopping at the next chance; Ctrl-C again to quit without writing\n".utf8))
            return
        }
        // Leave at once: no plan folder, not even a hidden staging one; never in the middle of
        // swapping a plan folder into place.
        OutputFolder.swapLock.lock()
        for target in [folder] + staged {
            let parent = target.standardizedFileURL.deletingLastPathComponent()
            let prefix = ".\(target.standardizedFileURL.lastPathComponent).tmp-"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
        FileHandle.standardError.write(Data("plan: quit; nothing written\n".utf8))
        exit(128 + number)
    }
}

/// One line on stderr, refreshed in place: elapsed time, best objective, bound, gap, parts solved.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var last = ContinuousClock.now - .seconds(1)
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: PlannerProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard ContinuousClock.now - last >= .milliseconds(200) || p.partsSolved == p.parts else { return }
        last = ContinuousClock.now
        let best = p.objective.map { formatNumber($0.rounded()) } ?? "none yet"
        let bound = p.bound.isFinite ? formatNumber(p.bound.rounded()) : "-"
        let gap = p.objective.flatMap { o in p.bound.isFinite ? String(format: "%.2f%%", 100 * abs(o - p.bound) / max(1, abs(o))) : nil } ?? "-"
        let line = String(format: "%.1f s", p.seconds) + "  best \(best)  bound \(bound)  gap \(gap)  parts \(p.partsSolved)/\(p.parts)"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        shown = true
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
