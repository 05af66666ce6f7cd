// PlannerError: why the planner gives no plan, one documented case per failure, so that the
// command line maps each to its exit status in one place.
import LinearModel
import PlanDomain

/// Why no plan could be made.
public enum PlannerError: Error, CustomStringConvertible {
    /// Pinned assignments break a hard rule together (SPEC §2.4): the rule and the learners.
    case infeasible(rule: String, learners: [String])
    /// The search stopped (time limit, interruption) before any plan was found.
    case noPlan(stoppedBy: TerminationStatus)
    /// A bug in the planner, caught before a plan is written.
    case internalError(InternalError)
    /// An option out of range.
    case invalidOption(InvalidOption)
    /// The solver failed (not: the model is infeasible or the search stopped).
    case solver(SolverError)

    /// An option of `PlannerOptions` out of range.
    public enum InvalidOption: Sendable, Equatable {
        /// A time limit that is not a positive, finite number of seconds.
        case timeLimit(Double)
        /// A relative gap outside [0, 1).
        case gap(Double)
        /// Fewer than one thread.
        case threads(Int)
    }

    /// A bug: what the planner found wrong with its own answer.
    public enum InternalError: Sendable, Equatable {
        /// The plan breaks hard rules (the first few, in plain words).
        case planBreaksRules([String])
        /// The plan's objective, recomputed from the domain, differs from the model's.
        case objectiveMismatch(plan: Double, model: Double)
        /// A group of interchangeable learners was given more seats than it has members.
        case seatsNotGiven(group: String, seats: Int, members: Int)
    }

    public var description: String {
        switch self {
        case .infeasible(let rule, let learners):
            return Language.current.say("infeasible: \(rule); pinned learners involved: ",
                                        "infaisable : \(rule) ; apprenants imposés concernés : ") + learners.joined(separator: ", ")
        case .noPlan(let stop): return "no plan: the search stopped (\(stop.rawValue)) before finding a plan"
        case .internalError(let error): return "internal error: \(error)"
        case .invalidOption(let option): return option.description
        case .solver(let error): return error.description
        }
    }
}

extension PlannerError.InvalidOption: CustomStringConvertible {
    public var description: String {
        switch self {
        case .timeLimit(let t): return "the time limit must be a positive number of seconds, not \(t)"
        case .gap(let g): return "the gap must be at least 0 and below 1, not \(g)"
        case .threads(let n): return "at least one thread is needed, not \(n)"
        }
    }
}

extension PlannerError.InternalError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .planBreaksRules(let rules): return "the plan breaks rules: " + rules.prefix(5).joined(separator: "; ")
        case .objectiveMismatch(let plan, let model): return "the plan's objective \(plan) differs from the model's \(model)"
        case .seatsNotGiven(let group, let seats, let members): return "group of \(group) got \(seats) seats for \(members) members"
        }
    }
}
