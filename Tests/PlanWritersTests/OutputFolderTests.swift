// OutputFolderTests: replacing a plan folder is all or nothing, and whoever holds
// `OutputFolder.swapLock` (the second Ctrl-C, before it quits) never sees the moment between the
// two renames when neither the old plan nor the new one is in place.
import Foundation
import PlanWriters
import Testing

@Suite struct OutputFolderTests {
    @Test func theSwapLockNeverShowsAMissingPlan() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("plan-swap-\(getpid())")
        try? FileManager.default.removeItem(at: parent)
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("p")
        try OutputFolder.write([("summary.json", "{}")], to: target)
        let missing = Counter()
        let done = Counter()
        let observer = Thread {
            while done.value == 0 {
                OutputFolder.swapLock.lock()
                if !FileManager.default.fileExists(atPath: target.appendingPathComponent("summary.json").path) {
                    missing.add()
                }
                OutputFolder.swapLock.unlock()
            }
        }
        observer.start()
        for k in 0..<300 {
            try OutputFolder.write([("summary.json", "{\"k\": \(k)}"), ("assignments.csv", "learner\r\n")], to: target)
        }
        done.add()
        while !observer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        #expect(missing.value == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["p"])
    }

    @Test func aFolderOfThePlannersOwnIsNeverReplaced() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("plan-own-\(getpid())")
        try? FileManager.default.removeItem(at: parent)
        let target = parent.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try Data("mine".utf8).write(to: target.appendingPathComponent("notes.txt"))
        #expect(throws: OutputError.foreignFiles(path: target.path, names: ["notes.txt"])) {
            try OutputFolder.write([("summary.json", "{}")], to: target)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["notes.txt"])
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    func add() { lock.lock(); n += 1; lock.unlock() }
}
