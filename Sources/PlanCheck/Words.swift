// Words: plan check speaks the language of the task (`Language.current`, English unless a command
// asks for French). Each message is written in English and French side by side where it is made,
// through `say`; the words shared by several messages (a found value, a count, a list, what a
// violation is about) are here. Codes, column names, file names, JSON keys and ids stay as written.
import PlanDomain

/// `en` or `fr`, whichever `Language.current` is.
func say(_ en: String, _ fr: String) -> String { Language.current.say(en, fr) }

/// A found value for a message: quoted, or `empty` (`vide`).
func shown(_ s: String) -> String { s.isEmpty ? say("empty", "vide") : "'\(s)'" }

/// A short list of names: `A, B, C` or `A, B, C and 4 more` (`A, B, C et 4 autres`).
func list(_ names: [String], limit: Int = 8) -> String {
    if names.count <= limit { return names.joined(separator: ", ") }
    let more = names.count - limit
    return names.prefix(limit).joined(separator: ", ") + say(" and \(more) more", " et " + frenchCount(more, "autre", "autres"))
}

/// A count with its noun, English then French (singular, plural): `3 rows`, `1 ligne`, `0 ligne`
/// (French takes the singular for 0 and 1).
func howMany(_ n: Int, _ en: (String, String), _ fr: (String, String)) -> String {
    Language.current.count(n, en, fr)
}

/// A count with its French noun (`0 apprenant`, `1 apprenant`, `2 apprenants`), for a French
/// message whose English counts its own way.
func frenchCount(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n <= 1 ? one : many)" }

/// A count of participants: `2 participants` (`1 participant`, `0 participant`).
func participantCount(_ n: Int) -> String { howMany(n, ("participant", "participants"), ("participant", "participants")) }

/// A count of rows: `3 rows` (`3 lignes`).
func rowCount(_ n: Int) -> String { howMany(n, ("row", "rows"), ("ligne", "lignes")) }

/// What a violation is about: `learner L-1` (`apprenant L-1`), `session S-1`, `organisation OF-A`
/// (`organisme OF-A`), `structure H-1`; `what` is the word of the specification.
func about(_ what: String, _ id: String) -> String {
    let french = ["learner": "apprenant", "organisation": "organisme"][what] ?? what
    return say(what, french) + " " + id
}

/// The rows of a file keyed by `learner` or `session`, in French words: the noun with its
/// articles (`l'apprenant`, `cet apprenant`, `d'apprenant`; `la session`, `cette session`, `de session`).
struct KeyNoun {
    let key: String

    private var isLearner: Bool { key == "learner" }
    var the: String { isLearner ? "l'apprenant" : "la \(key)" }
    var this: String { isLearner ? "cet apprenant" : "cette \(key)" }
    var of: String { isLearner ? "d'apprenant" : "de \(key)" }
    var plain: String { isLearner ? "apprenant" : key }
}

/// The mode a row gives, when it is not one of the two codes.
func modeNotACode(_ found: String) -> String {
    say("mode is \(shown(found)), expected 'in_person' or 'remote'", "mode est \(shown(found)), attendu 'in_person' ou 'remote'")
}

/// `; ` between clauses (` ; ` in French).
var semicolon: String { say("; ", " ; ") }

/// `: ` before what follows (` : ` in French).
var colon: String { say(": ", " : ") }
