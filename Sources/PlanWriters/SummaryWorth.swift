// SummaryWorth: how far a plan not proven best may be from the best plan possible, said in
// learners for a person: the objective grows by `weights.unassigned` per learner left without a
// seat, so a difference of `objective - bound` is at most the cost of ⌈difference / unassigned⌉
// of them. The printed summary of plan solve and the report both say it.
import PlanDomain

extension PlanFiles.Summary {
    /// `at most the cost of 3 learners left without a seat`, in the language of the run; nil for a
    /// proven plan (or without a finite bound).
    public func worthInLearners(unassignedWeight w: Double) -> String? {
        let difference = objective - bound
        guard status != .optimal, difference.isFinite, difference > 0, w > 0 else { return nil }
        let t = Language.current
        if difference < w {
            return t.say("less than the cost of one learner left without a seat", "moins que le coût d'un apprenant laissé sans place")
        }
        let n = Int((difference / w).rounded(.up)), s = n == 1 ? "" : "s"
        return t.say("at most the cost of \(n) learner\(s) left without a seat", "au plus le coût de \(n) apprenant\(s) laissé\(s) sans place")
    }
}
