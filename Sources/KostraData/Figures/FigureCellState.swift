/// A figure's state in one byte: whether the cell holds a figure, whether it has a value or
/// why it is missing, and how final it is.
///
/// Bits 0-2: 0 no figure, 1 a value, 2-5 missing (`MissingReason` in declaration order).
/// Bits 3-4: the status (0 as published, 1 preliminary, 2 final).
struct FigureCellState: Sendable, Hashable {
    /// The byte.
    var raw: UInt8

    /// A cell with no figure.
    static let absent = FigureCellState(raw: 0)

    /// The state of a figure with `missing` (nil: a value) and `status`.
    init(missing: MissingReason?, status: FigureStatus) {
        let kind: UInt8 =
            switch missing {
            case nil: 1
            case .notAvailable: 2
            case .suppressed: 3
            case .notApplicable: 4
            case .notPublished: 5
            }
        let statusBits: UInt8 =
            switch status {
            case .asPublished: 0
            case .preliminary: 1
            case .final: 2
            }
        self.raw = kind | statusBits << 3
    }

    init(raw: UInt8) { self.raw = raw }

    /// Whether the cell holds a figure (a value or a stated missing one).
    var isPresent: Bool { raw & 0b111 != 0 }

    /// Whether the figure has a value.
    var hasValue: Bool { raw & 0b111 == 1 }

    /// Why the value is missing, or `nil` (a value, or no figure).
    var missing: MissingReason? {
        switch raw & 0b111 {
        case 2: .notAvailable
        case 3: .suppressed
        case 4: .notApplicable
        case 5: .notPublished
        default: nil
        }
    }

    /// How final the figure is.
    var status: FigureStatus {
        switch raw >> 3 & 0b11 {
        case 1: .preliminary
        case 2: .final
        default: .asPublished
        }
    }
}
