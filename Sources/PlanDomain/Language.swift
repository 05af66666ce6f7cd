// Language: the language of what a person reads (reasons, the summary of plan solve); codes and
// CSV headers keep the specification's words whatever the language, so that scripts don't break.

/// English or French.
public enum Language: String, CaseIterable, Sendable {
    case en, fr

    /// The language of the task at hand: what the decoder's messages, the warnings and the
    /// report are written in. A command sets it once (`Language.$current.withValue(.fr) { … }`).
    @TaskLocal public static var current: Language = .en

    /// French when the environment's locale is French (`LC_ALL`, then `LC_MESSAGES`, then `LANG`
    /// start with `fr`), English otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("fr") ? .fr : .en
        }
        return .en
    }

    /// `en` or `fr` text, whichever this language is.
    public func say(_ en: String, _ fr: String) -> String { self == .fr ? fr : en }

    /// A count with its noun: `1 seat`, `3 seats` (`1 place`, `3 places`).
    public func count(_ n: Int, _ en: (String, String), _ fr: (String, String)) -> String {
        let (one, many) = self == .fr ? fr : en
        return "\(n) \(n == 1 || (self == .fr && n == 0) ? one : many)"
    }

    /// A weekday as a person reads it (`wed`, `mer`).
    public func weekday(_ w: Weekday) -> String {
        guard self == .fr else { return w.rawValue }
        let names: [Weekday: String] = [.mon: "lun", .tue: "mar", .wed: "mer", .thu: "jeu", .fri: "ven", .sat: "sam", .sun: "dim"]
        return names[w]!
    }
}
