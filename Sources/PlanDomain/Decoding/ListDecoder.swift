// ListDecoder: the one walk over a list of objects (`organisations`, `sites`, `sessions`,
// `structures`, `learners`): every item must be an object with known keys and a non-empty id,
// and no two items may share an id. What one object holds is read by the `ObjectDecoder` of its
// kind (OrganisationDecoder.swift, SiteDecoder.swift…).

/// Reads the objects of one of the document's lists.
protocol ObjectDecoder {
    associatedtype Object
    /// The list's key in the document: `organisations`, `sites`…
    static var list: String { get }
    /// What one item is, for messages: `an organisation`.
    static var what: String { get }
    /// The object of an item whose id has been read (nil when missing or wrong); nil, after
    /// reporting why, when the object is wrong.
    func decode(_ o: ObjectMembers, id: String?, _ d: inout InstanceDecoder) -> Object?
}

/// One item of a list, as decoded.
struct DecodedItem<Object> {
    /// nil when the item is not an object.
    var members: ObjectMembers?
    /// nil when missing or wrong.
    var id: String?
    /// nil when the item is wrong.
    var object: Object?
}

/// A list as decoded: one entry per item, in order.
struct DecodedList<Object> {
    var items: [DecodedItem<Object>] = []
    /// Item positions by id, for references: the first item of an id.
    var index: [String: Int] = [:]

    /// The object at a position, nil when that item is wrong.
    subscript(_ k: Int) -> Object? { items[k].object }

    /// Every object, or nil when an item is wrong.
    var all: [Object]? {
        items.contains { $0.object == nil } ? nil : items.map { $0.object! }
    }
}

extension InstanceDecoder {
    /// The document's lists in the order they are read and decoded.
    static let listKeys = ["organisations", "sites", "sessions", "structures", "learners"]

    /// The items of the document's lists, by key, read before any list is decoded: a list that is
    /// missing or is not a list is reported, and left out.
    mutating func listItems(_ top: ObjectMembers) -> [String: [JSONField]] {
        var lists: [String: [JSONField]] = [:]
        for key in Self.listKeys { lists[key] = array(required(top, key, tr("a list (it may be empty)", "une liste (éventuellement vide)")), key) }
        return lists
    }

    /// Decodes the items of the list `D.list` with `decoder`, then reports the duplicate ids.
    mutating func decodeList<D: ObjectDecoder>(_ decoder: D, in lists: [String: [JSONField]]) -> DecodedList<D.Object> {
        var list = DecodedList<D.Object>()
        for item in lists[D.list] ?? [] {
            guard let o = object(item.node, item.path, keys: InstanceKeys.of("\(D.list)[]"), what: D.what) else {
                list.items.append(DecodedItem(members: nil, id: nil, object: nil))
                continue
            }
            let id = self.id(required(o, "id", tr("a non-empty id string", "un identifiant non vide")))
            list.items.append(DecodedItem(members: o, id: id, object: decoder.decode(o, id: id, &self)))
        }
        list.index = index(list.items, D.list)
        return list
    }

    /// Item positions by id; an id taken by an earlier item is reported.
    private mutating func index<Object>(_ items: [DecodedItem<Object>], _ list: String) -> [String: Int] {
        var index: [String: Int] = [:]
        for (k, item) in items.enumerated() {
            guard let id = item.id, let field = item.members?["id"] else { continue }
            if let first = index[id] {
                report(field.path, tr("duplicate id \"\(id)\" (first at \(list)[\(first)])", "identifiant \"\(id)\" en double (déjà pris par \(list)[\(first)])"),
                       at: field.node.position)
            } else {
                index[id] = k
            }
        }
        return index
    }
}
