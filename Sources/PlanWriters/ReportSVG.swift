// ReportSVG: the small typed SVG layer of the report (SVGElement: a name, attributes in the order
// given, and children), which renders escaped XML; the report's number formats for coordinates;
// and XML escaping, which the report uses for its HTML text too.
import Plot

/// One SVG element. Attribute values and text are escaped when rendered, never before.
struct SVGElement {
    /// What an element holds: other elements, or text.
    enum Child {
        case element(SVGElement)
        case text(String)
    }

    var name: String
    /// Attributes, rendered in this order.
    var attributes: [(name: String, value: String)]
    var children: [Child]
    /// Whether, without children, the element closes itself (`<rect …/>`) rather than being
    /// closed by an end tag (`<g …></g>`).
    var selfClosing: Bool

    init(_ name: String, _ attributes: [(name: String, value: String)] = [], children: [Child] = [],
         selfClosing: Bool = false) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.selfClosing = selfClosing
    }

    /// The element's XML, without line breaks or indentation.
    func render() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        out += "<" + name
        for a in attributes { out += " \(a.name)=\"\(escapeXML(a.value))\"" }
        if selfClosing && children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        for child in children {
            switch child {
            case .element(let e): e.render(into: &out)
            case .text(let t): out += escapeXML(t)
            }
        }
        out += "</\(name)>"
    }
}

// MARK: - Elements

extension SVGElement {
    /// The `<svg>` root: `width` × `height` pixels, with a view box of the same size.
    static func svg(width: Double, height: Double, cssClass: String? = nil, _ children: [SVGElement]) -> SVGElement {
        let w = Report.num(width), h = Report.num(height)
        var attributes = [("xmlns", "http://www.w3.org/2000/svg"), ("width", w), ("height", h), ("viewBox", "0 0 \(w) \(h)")]
        if let cssClass { attributes.append(("class", cssClass)) }
        attributes += [("font-family", "Helvetica,Arial,sans-serif"), ("font-size", "12")]
        return SVGElement("svg", attributes, children: children.map(Child.element))
    }

    /// A `<g>` group; with `title`, a tooltip for everything in it.
    static func group(_ attributes: [(name: String, value: String)] = [], title: String? = nil,
                      _ children: [SVGElement]) -> SVGElement {
        SVGElement("g", attributes, children: (title.map { [.title($0)] } ?? []) + children.map(Child.element))
    }

    /// A tooltip: the text of its parent's `<title>`.
    static func title(_ text: String) -> SVGElement {
        SVGElement("title", children: [.text(text)])
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil,
                     rx: Double? = nil) -> SVGElement {
        var attributes = [("x", Report.num(x)), ("y", Report.num(y)), ("width", Report.num(w)), ("height", Report.num(h)),
                          ("fill", fill)]
        if let stroke { attributes.append(("stroke", stroke)) }
        if let rx { attributes.append(("rx", Report.num(rx))) }
        return SVGElement("rect", attributes, selfClosing: true)
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String? = nil,
                     strokeWidth: Double? = nil, title: String? = nil) -> SVGElement {
        var attributes = [("x1", Report.num(x1)), ("y1", Report.num(y1)), ("x2", Report.num(x2)), ("y2", Report.num(y2))]
        if let stroke { attributes.append(("stroke", stroke)) }
        if let strokeWidth { attributes.append(("stroke-width", Report.num(strokeWidth))) }
        return SVGElement("line", attributes, children: title.map { [.title($0)] } ?? [], selfClosing: true)
    }

    static func circle(_ cx: Double, _ cy: Double, r: Double, title: String? = nil) -> SVGElement {
        SVGElement("circle", [("cx", Report.num(cx)), ("cy", Report.num(cy)), ("r", Report.num(r))],
                   children: title.map { [.title($0)] } ?? [])
    }

    /// A text at (`x`, `y`); with `halo`, a white outline that keeps it readable over lines.
    static func text(_ x: Double, _ y: Double, _ text: String, size: Double? = nil, fill: String? = nil,
                     weight: String? = nil, anchor: String? = nil, halo: Bool = false) -> SVGElement {
        var attributes = [("x", Report.num(x)), ("y", Report.num(y))]
        if let size { attributes.append(("font-size", Report.num(size))) }
        if let fill { attributes.append(("fill", fill)) }
        if let weight { attributes.append(("font-weight", weight)) }
        if let anchor { attributes.append(("text-anchor", anchor)) }
        if halo {
            attributes += [("stroke", "#fff"), ("stroke-width", "3"), ("stroke-opacity", "0.85"), ("paint-order", "stroke")]
        }
        return SVGElement("text", attributes, children: [.text(text)])
    }
}

extension SVGElement.Child {
    static func title(_ text: String) -> Self { .element(.title(text)) }
}

// MARK: - In the page

extension Node where Context: HTML.BodyContext {
    /// An SVG drawing inside the page: the one place where the report hands Plot markup it did not
    /// build, already escaped by `SVGElement.render()`.
    static func svg(_ element: SVGElement) -> Node {
        .raw(element.render())
    }
}

// MARK: - Text and numbers

/// Escapes the five XML special characters, for text and attribute values.
func escapeXML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

extension Report {
    /// A coordinate with at most one decimal, never an exponent: `12`, `12.5`, `-3.1`.
    static func num(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = Int((x * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }
}
