/// A chart of horizontal bars around a reference value: the service profile
/// as the chapter draws it, each indicator a bar from 100 (the ASSS
/// average) to its index, right for above, left for below.
struct BarChart: Sendable, Equatable {
    /// One bar.
    struct Bar: Sendable, Equatable {
        /// What the bar measures, as the axis labels it.
        var label: String
        /// Its value; nil draws no bar and prints the missing symbol.
        var value: Double?
        /// The value as printed beside the bar ("103,0").
        var text: String
    }

    /// "Tjenesteprofil for Bærum 2024".
    var title: String
    /// "ASSS med Oslo = 100", with the unit.
    var subtitle: String
    /// The axis's label: the unit ("indeks").
    var axisLabel: String
    /// Where the bars start from: 100.
    var reference: Double
    /// The bars, top to bottom.
    var bars: [Bar]
    /// Where the figures come from, printed under the chart.
    var source: String
    /// Lines under the chart explaining missing bars.
    var notes: [String] = []

    /// The value range the axis must cover, the reference included, widened
    /// to whole steps of `step` so the ticks fall on round numbers.
    func axisRange(step: Double) -> ClosedRange<Double> {
        let values = self.bars.compactMap(\.value) + [self.reference]
        let low = ((values.min() ?? self.reference) / step).rounded(.down) * step
        let high = ((values.max() ?? self.reference) / step).rounded(.up) * step
        return low == high ? (low - step)...(high + step) : low...high
    }

    /// A step for the axis's ticks giving about four to eight ticks.
    func tickStep() -> Double {
        let values = self.bars.compactMap(\.value) + [self.reference]
        let span = (values.max() ?? 0) - (values.min() ?? 0)
        return ChartScale.niceStep(span: span, ticks: 6)
    }
}
