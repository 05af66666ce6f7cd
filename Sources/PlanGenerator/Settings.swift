// Settings: what each profile means, as the knobs the builder reads (regions, seats per learner,
// concurrency limits, minimum sizes, the remote organisation's schedule).

/// The knobs of a profile.
struct Settings {
    var regions: [Int]
    var overseas: Bool
    /// Seats offered per learner (in person + remote), before rounding.
    var seatRatio: Double
    /// The share of regional organisations with a `maxConcurrentSessions`.
    var limitedShare: Double
    /// The limit is the organisation's largest number of simultaneous candidate sessions times
    /// a factor drawn in this range.
    var concurrencyFactor: ClosedRange<Double>
    var minSizeShare: Double
    var minSize: ClosedRange<Int>
    var remoteMinSize: ClosedRange<Int>
    /// At least this many remote-only sessions per path.
    var minRemoteSessions: Int
    /// When set, the remote organisation's sessions are on a fixed schedule instead of following
    /// the remote demand: one every `remoteEveryWeeks` weeks per path, capacity in
    /// `remoteCapacity`, and a minimum size (`remoteMinSize`) on every one.
    var remoteEveryWeeks: Int? = nil
    var remoteCapacity: ClosedRange<Int> = 15...30
    /// The remote organisation's `maxConcurrentSessions` (nil: no limit).
    var remoteConcurrency: ClosedRange<Int>? = nil
    /// The remote seats of an in-person session are a draw in 0...5 divided by this.
    var regionalRemoteDivisor = 1

    init(profile: Profile, seed: UInt64) {
        switch profile {
        case .regional:
            regions = [Generator.regionIndex(seed: seed)]
            overseas = false
            seatRatio = 1.4
            limitedShare = 1
            concurrencyFactor = 0.7...0.9
            minSizeShare = 0.25
            minSize = 3...6
            remoteMinSize = 4...6
            minRemoteSessions = 3
        case .national:
            regions = Array(Geography.regions.indices)
            overseas = true
            seatRatio = 1.4
            limitedShare = 0.6
            concurrencyFactor = 0.7...0.9
            minSizeShare = 0.25
            minSize = 3...6
            remoteMinSize = 4...8
            minRemoteSessions = 6
        case .tight:
            regions = Array(Geography.regions.indices)
            overseas = true
            seatRatio = 0.7
            limitedShare = 1
            concurrencyFactor = 0.65...0.85
            minSizeShare = 0.4
            minSize = 4...8
            remoteMinSize = 6...10
            minRemoteSessions = 4
        case .coupled:
            self = Settings(profile: .national, seed: seed)
            remoteEveryWeeks = 2
            remoteCapacity = 12...25
            remoteConcurrency = 5...7
            regionalRemoteDivisor = 2
        }
    }
}
