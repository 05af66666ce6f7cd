// XMLTree: a small element tree read with Foundation's XMLParser, enough for the parts of an XLSX
// file (workbook, relationships, shared strings, styles, sheets). Names keep their prefix
// (`r:id`); the text of an element is the concatenation of its character data.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element: its name, attributes, children and text.
final class XElement {
    let name: String
    let attributes: [String: String]
    var children: [XElement] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The children named `name` (without namespace prefix).
    func all(_ name: String) -> [XElement] { children.filter { $0.localName == name } }

    /// The first child named `name`.
    func first(_ name: String) -> XElement? { children.first { $0.localName == name } }

    /// The name without its prefix: `sheet` for `x:sheet`.
    var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

    /// An attribute by its name without prefix (`id` finds `r:id`).
    func attribute(_ local: String) -> String? {
        if let v = attributes[local] { return v }
        return attributes.first { $0.key.split(separator: ":").last.map(String.init) == local }?.value
    }

    /// Parses `data`; nil when it is not well-formed XML.
    static func parse(_ data: Data) -> XElement? {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XElement?
        var stack: [XElement] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            let element = XElement(name: name, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
