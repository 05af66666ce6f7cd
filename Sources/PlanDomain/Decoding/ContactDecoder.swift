// ContactDecoder: the optional contact details of a structure or learner (`email`, `phone`) and a
// structure's `manager` ({ name, email, phone }), carried to the outputs as given. An e-mail address
// must have one @ with text on both sides and no spaces.

extension InstanceDecoder {
    /// The `email` and `phone` of an object; nil when one is wrong (reported).
    mutating func contact(_ o: ObjectMembers) -> Contact? {
        let email = emailAddress(o["email"]), phone = string(o["phone"], tr("a telephone number", "un numéro de téléphone"))
        guard o["email"] == nil || email != nil, o["phone"] == nil || phone != nil else { return nil }
        return Contact(email: email, phone: phone)
    }

    /// A structure's manager: `.some(nil)` when not given, nil when wrong (reported).
    mutating func manager(_ o: ObjectMembers) -> Contact?? {
        guard let m = o["manager"] else { return .some(nil) }
        guard let mo = object(m.node, m.path, keys: InstanceKeys.of("structures[].manager"),
                              what: tr("a manager {\"name\", \"email\", \"phone\"}", "un responsable {\"name\", \"email\", \"phone\"}")) else { return nil }
        let name = string(mo["name"], tr("a name", "un nom"))
        guard mo["name"] == nil || name != nil, var contact = contact(mo) else { return nil }
        contact.name = name
        return .some(contact)
    }

    /// An e-mail address: one @, text on both sides, no spaces.
    private mutating func emailAddress(_ f: JSONField?) -> String? {
        guard let f, let s = string(f, tr("an e-mail address", "une adresse e-mail")) else { return nil }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !s.contains(where: \.isWhitespace) else {
            report(f.path, expected(tr("an e-mail address such as \"nom@exemple.fr\"", "une adresse e-mail comme \"nom@exemple.fr\""),
                                    found: "\"\(s)\""), at: f.node.position)
            return nil
        }
        return s
    }
}
