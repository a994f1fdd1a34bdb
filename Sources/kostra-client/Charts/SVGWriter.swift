/// Builds an SVG document as text: plain string building, no dependency.
/// Coordinates are written with at most one decimal, text is escaped.
struct SVGWriter {
    let width: Int
    let height: Int
    private var body: [String] = []

    /// The palette the SVG charts share with the terminal's colours, in order.
    static let palette = ["#1f5fa8", "#e07b00", "#2e8b57", "#a2359b", "#c62828", "#00838f"]
    /// The background: white, drawn, so a rendered PNG has no transparency.
    static let background = "#ffffff"

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// A number for an attribute: "370", "12.5".
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : "\(rounded)"
    }

    /// Text escaped for element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
    }

    /// A rectangle; `extra` adds attributes such as a class or data.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: [(String, String)] = []) {
        let geometry = [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(width)), ("height", Self.number(height))]
        self.body.append("<rect" + Self.attributes(geometry + [("fill", fill)] + extra) + "/>")
    }

    /// A straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, extra: [(String, String)] = []) {
        let geometry = [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2))]
        self.body.append(
            "<line" + Self.attributes(geometry + [("stroke", stroke), ("stroke-width", Self.number(width))] + extra) + "/>"
        )
    }

    /// A line through points.
    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, extra: [(String, String)] = []) {
        let list = points.map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")
        self.body.append(
            "<polyline" + Self.attributes([("points", list), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(width))] + extra)
                + "/>"
        )
    }

    /// A circle.
    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, extra: [(String, String)] = []) {
        self.body.append(
            "<circle" + Self.attributes([("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("fill", fill)] + extra) + "/>"
        )
    }

    /// Text; `anchor` is start, middle or end.
    mutating func text(
        _ content: String,
        x: Double,
        y: Double,
        size: Double = 12,
        anchor: String = "start",
        weight: String = "normal",
        fill: String = "#222222",
        rotate: Double? = nil,
        extra: [(String, String)] = []
    ) {
        var pairs = [
            ("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)), ("text-anchor", anchor),
            ("font-weight", weight), ("fill", fill),
        ]
        if let rotate {
            pairs.append(("transform", "rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))"))
        }
        self.body.append("<text" + Self.attributes(pairs + extra) + ">" + Self.escape(content) + "</text>")
    }

    /// The document: the XML header, the svg element with a title for screen
    /// readers, a white background, then the body.
    func document(title: String) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(self.width)\" height=\"\(self.height)\" viewBox=\"0 0 \(self.width) \(self.height)\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" role=\"img\">",
            "<title>\(Self.escape(title))</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(self.width)\" height=\"\(self.height)\" fill=\"\(Self.background)\"/>",
        ]
        lines += self.body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}
