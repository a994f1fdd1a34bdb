/// Round numbers for chart axes.
enum ChartScale {
    /// A step of 1, 2 or 5 times a power of ten that cuts `span` into about
    /// `ticks` pieces: 17 in 6 pieces gives 5 (2.83 rounded up to a nice step).
    static func niceStep(span: Double, ticks: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(ticks, 1))
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * power >= raw {
            return factor * power
        }
        return 10 * power
    }

    /// The ticks from `range`'s bottom to its top in steps of `step`.
    static func ticks(_ range: ClosedRange<Double>, step: Double) -> [Double] {
        guard step > 0 else { return [range.lowerBound] }
        var ticks: [Double] = []
        var index = 0.0
        while range.lowerBound + index * step <= range.upperBound + step * 1e-9 {
            ticks.append(range.lowerBound + index * step)
            index += 1
        }
        return ticks
    }
}
