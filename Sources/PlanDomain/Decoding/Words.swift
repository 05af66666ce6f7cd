// Words: the decoder speaks the language of the task (`Language.current`): each message is
// written in English and French side by side where it is made, through `tr`.

/// `en` or `fr`, whichever `Language.current` is.
func tr(_ en: String, _ fr: String) -> String { Language.current.say(en, fr) }

/// What a reference names, for "unknown organisation" messages, in both languages.
enum Referent {
    case organisation, site, session, structure

    /// `unknown site "x"; expected the id of one of the sites`.
    func unknown(_ id: String) -> String {
        switch self {
        case .organisation: return tr("unknown organisation \"\(id)\"; expected the id of one of the organisations",
                                      "organisme inconnu \"\(id)\" ; aucun organisme ne porte cet identifiant")
        case .site: return tr("unknown site \"\(id)\"; expected the id of one of the sites",
                              "site inconnu \"\(id)\" ; aucun site ne porte cet identifiant")
        case .session: return tr("unknown session \"\(id)\"; expected the id of one of the sessions",
                                 "session inconnue \"\(id)\" ; aucune session ne porte cet identifiant")
        case .structure: return tr("unknown structure \"\(id)\"; expected the id of one of the structures",
                                   "structure inconnue \"\(id)\" ; aucune structure ne porte cet identifiant")
        }
    }

    /// `an organisation id`.
    var idWanted: String {
        switch self {
        case .organisation: return tr("an organisation id", "l'identifiant d'un organisme")
        case .site: return tr("a site id", "l'identifiant d'un site")
        case .session: return tr("a session id", "l'identifiant d'une session")
        case .structure: return tr("a structure id", "l'identifiant d'une structure")
        }
    }
}

/// `expected X, found Y` (`attendu : X ; trouvé : Y`).
func expected(_ what: String, found: String) -> String {
    tr("expected \(what), found \(found)", "attendu : \(what) ; trouvé : \(found)")
}
