// Elapsed: wall-clock seconds since an instant, for time limits (`SolveOptions.timeLimit`) and the
// times that solves and commands report.

/// Wall-clock seconds since `start`.
public func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
