// Keeps schema/instance.schema.json in step with the decoder: the same keys for every object
// (InstanceKeys.all), no other keys allowed, the same required keys, and the shipped instances
// use only keys the schema allows.
import Foundation
import Testing
@testable import PlanDomain

/// The repository root, found from this file's place (Tests/PlanDomainTests/SchemaTests.swift).
private let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private func loadJSON(_ relative: String) throws -> Any {
    let data = try Data(contentsOf: repoRoot.appendingPathComponent(relative))
    return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
}

/// The instance schema, with its `$ref`s resolved on demand.
private struct Schema {
    var root: [String: Any]

    init() throws {
        guard let root = try loadJSON("schema/instance.schema.json") as? [String: Any] else {
            throw SchemaError("the schema is not a JSON object")
        }
        self.root = root
    }

    /// The subschema that accepts values of JSON type `type` (`object`, `array`), following `$ref` and
    /// looking into `anyOf`/`oneOf` branches (a nullable object is `anyOf: [{$ref}, {type: null}]`).
    func resolve(_ node: Any?, _ type: String) -> [String: Any]? {
        guard let node = node as? [String: Any] else { return nil }
        if let ref = node["$ref"] as? String {
            let prefix = "#/$defs/"
            guard ref.hasPrefix(prefix), let defs = root["$defs"] as? [String: Any] else { return nil }
            return resolve(defs[String(ref.dropFirst(prefix.count))], type)
        }
        if let t = node["type"] as? String, t == type { return node }
        if let ts = node["type"] as? [String], ts.contains(type) { return node }
        for key in ["anyOf", "oneOf"] {
            for branch in node[key] as? [Any] ?? [] {
                if let r = resolve(branch, type) { return r }
            }
        }
        return nil
    }

    /// The object schema for a kind of InstanceKeys.all: `$`, `calendar`, `sessions[]`, `sessions[].capacity`…
    func object(_ kind: String) -> [String: Any]? {
        var current: [String: Any]? = root
        guard kind != "$" else { return current }
        for component in kind.split(separator: ".") {
            let isList = component.hasSuffix("[]")
            let name = isList ? String(component.dropLast(2)) : String(component)
            guard let props = current?["properties"] as? [String: Any] else { return nil }
            var node = props[name]
            if isList { node = resolve(node, "array")?["items"] }
            current = resolve(node, "object")
        }
        return current
    }

    /// Paths of keys in `value` that the schema does not allow.
    func unknownKeys(in value: Any, _ schema: Any?, _ path: String = "$") -> [String] {
        if let object = value as? [String: Any] {
            guard let s = resolve(schema, "object") else { return ["\(path): an object where the schema allows none"] }
            let props = s["properties"] as? [String: Any] ?? [:]
            return object.keys.sorted().flatMap { key -> [String] in
                let p = path == "$" ? key : "\(path).\(key)"
                guard let sub = props[key] else { return ["\(p): key not in the schema"] }
                return unknownKeys(in: object[key]!, sub, p)
            }
        }
        if let array = value as? [Any] {
            guard let s = resolve(schema, "array") else { return ["\(path): a list where the schema allows none"] }
            return array.enumerated().flatMap { unknownKeys(in: $1, s["items"], "\(path)[\($0)]") }
        }
        return []
    }
}

private struct SchemaError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// The keys the decoder requires (SPEC §2); the others are optional.
private let requiredKeys: [String: [String]] = [
    "$": ["organisations", "sites", "sessions", "structures", "learners"],
    "calendar": [], "weights": [], "defaults": [],
    "organisations[]": ["id", "territories"],
    "sites[]": ["id", "organisation", "lat", "lon"],
    "sessions[]": ["id", "organisation", "path", "capacity"],
    "sessions[].capacity": [],
    "structures[]": ["id", "territory", "lat", "lon"],
    "learners[]": ["id", "structure", "path"],
    "learners[].assigned": ["session", "mode"],
]

@Suite("The instance schema")
struct SchemaTests {
    @Test("every object of the decoder has a schema object with exactly its keys and no others",
          arguments: InstanceKeys.all.keys.sorted())
    func keysMatch(kind: String) throws {
        let schema = try Schema()
        let object = try #require(schema.object(kind), "no object schema for \(kind)")
        let props = try #require(object["properties"] as? [String: Any], "\(kind) has no properties")
        #expect(Set(props.keys) == Set(InstanceKeys.all[kind]!), "\(kind)")
        #expect(props.count == InstanceKeys.all[kind]!.count)
        #expect(object["additionalProperties"] as? Bool == false, "\(kind) must set additionalProperties: false")
    }

    @Test("every object in the schema is one the decoder reads, and closed")
    func noOtherObjects() throws {
        let schema = try Schema()
        let defs = try #require(schema.root["$defs"] as? [String: Any])
        let objects = ([schema.root] + defs.values.compactMap { $0 as? [String: Any] }).filter {
            ($0["type"] as? String) == "object"
        }
        #expect(objects.count == InstanceKeys.all.count)
        for o in objects { #expect(o["additionalProperties"] as? Bool == false) }
        #expect(schema.root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema.root["$id"] is String)
        #expect(schema.root["title"] is String)
    }

    @Test("required keys are those the decoder requires", arguments: InstanceKeys.all.keys.sorted())
    func requiredMatch(kind: String) throws {
        let schema = try Schema()
        let object = try #require(schema.object(kind))
        let required = object["required"] as? [String] ?? []
        #expect(required.sorted() == (requiredKeys[kind] ?? []).sorted(), "\(kind)")
        for key in required {
            #expect(InstanceKeys.all[kind]!.contains(key), "\(kind).\(key) is required but not allowed")
        }
    }

    @Test("a session needs start unless it gives days, and then not start nor weekdays")
    func sessionStartOrDays() throws {
        let schema = try Schema()
        let session = try #require(schema.object("sessions[]"))
        let otherwise = try #require(session["else"] as? [String: Any])
        #expect(otherwise["required"] as? [String] == ["start"])
        let then = try #require(session["then"] as? [String: Any])
        let props = try #require(then["properties"] as? [String: Any])
        #expect(Set(props.keys) == ["start", "weekdays"])
    }

    @Test("the decoder reports a missing required key the schema requires", arguments: InstanceKeys.all.keys.sorted())
    func decoderRequiresTheSame(kind: String) throws {
        guard var doc = try loadJSON("instances/tiny.json") as? [String: Any] else { throw SchemaError("tiny.json") }
        // Give the first learner a pinned assignment, so that `learners[].assigned` exists.
        var learners = doc["learners"] as! [Any]
        var first = learners[0] as! [String: Any]
        first["assigned"] = ["session": "S-105-A", "mode": "inPerson"]
        learners[0] = first
        doc["learners"] = learners
        for key in requiredKeys[kind] ?? [] {
            let (changed, path) = removing(key, kind: kind, from: doc)
            let bytes = try JSONSerialization.data(withJSONObject: changed)
            do {
                _ = try Instance.decode([UInt8](bytes))
                Issue.record("decoded without \(path)")
            } catch {
                #expect(error.issues.contains { $0.path == path && $0.message.contains("required key is missing") },
                        "\(path): \(error)")
            }
        }
    }

    @Test("the shipped instances use only keys the schema allows",
          arguments: ["instances/tiny.json", "instances/bretagne.json"])
    func instancesUseSchemaKeys(file: String) throws {
        let schema = try Schema()
        let doc = try loadJSON(file)
        #expect(schema.unknownKeys(in: doc, schema.root) == [])
    }

    @Test("the key walk finds an unknown key")
    func walkFindsTypos() throws {
        let schema = try Schema()
        guard var doc = try loadJSON("instances/tiny.json") as? [String: Any] else { throw SchemaError("tiny.json") }
        var learners = doc["learners"] as! [Any]
        var first = learners[0] as! [String: Any]
        first["availabelFrom"] = "2027-01-04"
        first["assigned"] = ["session": "S-105-A", "mode": "inPerson", "seat": 1]
        learners[0] = first
        doc["learners"] = learners
        doc["calendar"] = ["holidays": ["2027-01-01"], "workday": ["mon"]]
        #expect(schema.unknownKeys(in: doc, schema.root).sorted()
                == ["calendar.workday: key not in the schema", "learners[0].assigned.seat: key not in the schema",
                    "learners[0].availabelFrom: key not in the schema"])
    }
}

/// The document without `key` in the first object of `kind`, and the JSON path the decoder reports.
private func removing(_ key: String, kind: String, from doc: [String: Any]) -> ([String: Any], String) {
    if kind == "$" {
        var d = doc
        d[key] = nil
        return (d, key)
    }
    func remove(_ value: Any, _ components: ArraySlice<Substring>, _ path: String) -> (Any, String) {
        guard let c = components.first else {
            var o = value as! [String: Any]
            o[key] = nil
            return (o, "\(path).\(key)")
        }
        var o = value as! [String: Any]
        let isList = c.hasSuffix("[]")
        let name = isList ? String(c.dropLast(2)) : String(c)
        let sep = path.isEmpty ? "" : "."
        if isList {
            var items = o[name] as! [Any]
            let (item, p) = remove(items[0], components.dropFirst(), "\(path)\(sep)\(name)[0]")
            items[0] = item
            o[name] = items
            return (o, p)
        }
        let (child, p) = remove(o[name]!, components.dropFirst(), "\(path)\(sep)\(name)")
        o[name] = child
        return (o, p)
    }
    let (d, p) = remove(doc, kind.split(separator: ".")[...], "")
    return (d as! [String: Any], p)
}
