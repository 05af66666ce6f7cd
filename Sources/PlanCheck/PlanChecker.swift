// PlanChecker: a second opinion on a plan folder (placeholder, being written).
public enum PlanChecker {}
