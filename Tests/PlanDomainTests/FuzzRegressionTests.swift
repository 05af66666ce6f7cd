// What the instance fuzzer (FuzzTests.swift) found, each input reduced by hand to its cause:
// before the fixes in JSON.swift and InstanceDecoder.swift, each of these crashed, hung or crawled.
import Foundation
import Testing
@testable import PlanDomain

/// Inputs that crashed, hung or crawled before the decoder was fixed, each reduced to its cause.
@Suite struct FuzzRegressionTests {
    /// Decodes on a thread with a 512 KB stack (a secondary thread on macOS), timing it.
    func decodeOnSmallStack(_ bytes: [UInt8]) -> (issues: [InstanceIssue], seconds: Double) {
        final class Box: @unchecked Sendable { var issues: [InstanceIssue] = []; var seconds = 0.0 }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let clock = ContinuousClock()
            let start = clock.now
            box.issues = issues(of: bytes)
            box.seconds = (clock.now - start) / .seconds(1)
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        return (box.issues, box.seconds)
    }

    /// Was a stack overflow on a 512 KB stack (a fuzz case of deeply nested lists): the parser
    /// allowed 512 levels, and a debug build overflows such a stack well before. Now refused at
    /// `$` past 64 levels.
    @Test(arguments: [65, 513, 100_000])
    func deepNestingIsRefusedAtTheRoot(depth: Int) {
        let (found, _) = decodeOnSmallStack(Array(String(repeating: "[", count: depth).utf8))
        #expect(found.count == 1)
        #expect(found.first?.path == "$")
        #expect(found.first?.message.contains("nests too deeply") == true)
        #expect(found.first?.line == 1 && found.first?.column == 65)
    }

    @Test func nestingUpToTheLimitParses() {
        let bytes = Array((String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).utf8)
        let (found, _) = decodeOnSmallStack(bytes)
        #expect(found.map(\.path) == ["$"])
        #expect(found.first?.message.contains("expected a JSON object") == true)
    }

    /// Was quadratic (each value's column was counted from the start of its line): a 400 KB
    /// document on one line took 14 s. Now linear, and the columns are still right.
    @Test func aDocumentOnOneLongLineIsReadInLinearTime() {
        let name = String(repeating: "a", count: 1_000_000)
        let prefix = "{\"name\":\"\(name)\",\"organisations\":[],\"sites\":[],\"sessions\":[],\"structures\":[],"
            + "\"learners\":[],\"paths\":[" + String(repeating: "7,", count: 20_000)
        let (found, seconds) = decodeOnSmallStack(Array((prefix + "\"x\"]}").utf8))
        #expect(seconds < 2)
        #expect(found.map(\.path) == ["paths[20000]"])
        #expect(found.first?.line == 1 && found.first?.column == prefix.count + 1)
    }

    /// Was slow (an edit distance from every allowed key, over the whole key): 3 s for a key of
    /// 200,000 characters. Keys that differ in length by more than 3 are no longer compared.
    @Test func aVeryLongUnknownKeyIsReportedQuickly() {
        let key = String(repeating: "k", count: 1_000_000)
        let (found, seconds) = decodeOnSmallStack(doc { $0["learners"][0][key] = 1 }.bytes)
        #expect(seconds < 2)
        #expect(found.map(\.path) == ["learners[0].\(key)"])
        #expect(found.first?.message.contains("did you mean") == false)
        // A near miss still gets its suggestion.
        #expect(issues(of: doc { $0["learners"][0]["availabelFrom"] = "2027-01-04" }).first?.message
            .contains("did you mean 'availableFrom'?") == true)
    }

    /// Hung, filling memory (the hours of each of 10^302 training days): fuzz case 3011,
    /// `"hoursPerDay": 1e-300` on a session. Now refused: at most 3660 training days.
    @Test func aSessionOfTooManyTrainingDaysIsRefused() throws {
        let tiny = decodeOnSmallStack(doc { $0["sessions"][0]["hoursPerDay"] = .num("1e-300") }.bytes)
        #expect(tiny.seconds < 2)
        #expect(tiny.issues.map(\.path) == ["sessions[0].hoursPerDay"])
        #expect(tiny.issues.first?.message.contains("1e-300 h per day") == true)

        let byDefault = issues(of: doc { $0["defaults"] = ["hoursPerDay": .num("1e-7")] })
        #expect(byDefault.map(\.path) == ["sessions[0].path"])
        #expect(byDefault.first?.message.contains("defaults.hoursPerDay") == true)

        let longPath = issues(of: doc {
            $0["paths"] = [105, .num("999999999999")]
            $0["sessions"][0]["path"] = .num("999999999999")
        })
        #expect(longPath.map(\.path) == ["sessions[0].path"])

        // Half an hour a day is still a session: 210 days.
        let slow = try decodeValid(doc { $0["sessions"][0]["hoursPerDay"] = 0.5 })
        #expect(slow.sessions[0].days.count == 210)
    }
}
