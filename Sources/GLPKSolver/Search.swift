// Search: what branch-and-cut is told (the exact stopping rule) and how it is watched (stop
// requests and progress, from a timer thread, through the C search state).
import Dispatch
import Foundation
import GLPKShim
import LinearModel

/// The exact stopping rule.
///
/// GLPK prunes a node when its bound is at least `incumbent - tol_obj * (1 + |incumbent|)`, and
/// stops on the gap when `(incumbent - bound) / |incumbent| <= mip_gap`. With its default
/// `tol_obj` of 1e-7 and objectives of 10^9, that margin is 100: a node holding a better plan can
/// be pruned, and "optimal" is not the minimum. When the model's objective has a step G (every
/// plan's objective is the constant plus a whole number of G), no plan is better than the
/// incumbent unless it is better by G, so both margins are set to G/2 for every objective the
/// search can meet (|objective| <= M): pruning and the gap stop are then exact, and a bound can
/// be rounded up to the next objective a plan can have. Without a step, the gap is 0 and
/// `tol_obj` is tightened to 1e-9 (relative).
struct SearchTolerances {
    let step: Double?
    let constant: Double
    let tolObj: Double
    let mipGap: Double
    /// Whether GLPK's "gap reached" proves optimality (the caller asked for no gap).
    let gapMeansOptimal: Bool

    init(model: Model, rootBound: Double, start: [Double]?, relativeGap: Double) {
        constant = model.objectiveConstant
        var largest = abs(rootBound)
        if let worst = model.largestObjective() { largest = max(largest, abs(worst)) } else { largest = .infinity }
        if let g = model.objectiveStep, largest.isFinite {
            step = g
            tolObj = min(1e-7, 0.5 * g / (1 + largest))
            gapMeansOptimal = relativeGap == 0
            mipGap = relativeGap > 0 ? relativeGap : 0.5 * g / (1 + largest)
        } else {
            step = nil
            tolObj = 1e-9
            gapMeansOptimal = false
            mipGap = relativeGap
        }
    }

    /// A proven lower bound raised to the next objective a plan can have.
    func rounded(_ bound: Double) -> Double {
        guard let g = step else { return bound }
        return roundedUp(bound, constant: constant, step: g)
    }
}

/// `bound` raised to the next value of `constant + k * step` (a whole k), within 1e-6 of a step.
func roundedUp(_ bound: Double, constant: Double, step: Double) -> Double {
    guard bound.isFinite else { return bound }
    return constant + step * ((bound - constant) / step - 1e-6).rounded(.up)
}

extension Model {
    /// A proven lower bound raised to the next objective a plan can have, when the objective has
    /// a step.
    func roundedBound(_ bound: Double) -> Double {
        guard let g = objectiveStep else { return bound }
        return roundedUp(bound, constant: objectiveConstant, step: g)
    }

    /// The largest objective any point within the bounds can have, or nil when unbounded.
    func largestObjective() -> Double? {
        var total = objectiveConstant
        for v in variables where v.cost != 0 {
            let worst = v.cost > 0 ? v.upper : v.lower
            guard worst.isFinite else { return nil }
            total += v.cost * worst
        }
        return total
    }
}

extension SolveOptions {
    /// Why a solve started at `clock` must stop now: the caller asked, or the time is over.
    func stopReason(since clock: ContinuousClock.Instant) -> TerminationStatus? {
        if shouldStop?() == true { return .interrupted }
        if let limit = timeLimit, seconds(since: clock) >= limit { return .timeLimit }
        return nil
    }
}

/// What the search state says after (or during) the search.
struct SearchSnapshot {
    var incumbent: Double?
    var bound: Double
    var lazyCuts: Int
    var nodes: Int

    init(_ search: OpaquePointer) {
        var has: Int32 = 0, incumbent = 0.0, bound = 0.0, cuts = 0, nodes = 0
        glpk_shim_search_snapshot(search, &has, &incumbent, &bound, &cuts, &nodes)
        self.incumbent = has != 0 ? incumbent : nil
        self.bound = bound
        lazyCuts = cuts
        self.nodes = nodes
    }
}

/// A timer thread that, during branch-and-cut, asks `shouldStop` and the clock every 50 ms (and
/// then asks the C callback to stop), and reports progress every 200 ms.
final class Watch: @unchecked Sendable {
    private let lock = NSLock()
    private var active = true
    private let timer: DispatchSourceTimer
    private var lastReport = ContinuousClock.now

    init(search: OpaquePointer, options: SolveOptions, clock: ContinuousClock.Instant) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(50))
        let pointer = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(search)))
        timer.setEventHandler { [weak self] in
            self?.tick(OpaquePointer(bitPattern: pointer)!, options: options, clock: clock)
        }
        timer.resume()
    }

    private func tick(_ search: OpaquePointer, options: SolveOptions, clock: ContinuousClock.Instant) {
        lock.lock()
        defer { lock.unlock() }
        guard active else { return }
        if options.stopReason(since: clock) != nil { glpk_shim_search_request_stop(search) }
        if let progress = options.progress, ContinuousClock.now - lastReport >= .milliseconds(200) {
            lastReport = ContinuousClock.now
            let s = SearchSnapshot(search)
            progress(s.incumbent, s.bound)
        }
    }

    /// Stops the timer; after it returns, the timer no longer touches the search state.
    func stop() {
        lock.lock()
        active = false
        lock.unlock()
        timer.cancel()
    }
}
