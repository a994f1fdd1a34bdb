import Testing

@testable import kostra_client

@Suite("Numbers for people")
struct NumberStyleTests {
    let nb = NumberStyle(language: .nb)
    let en = NumberStyle(language: .en)

    @Test("Norwegian: space between thousands, decimal comma, a real minus sign, «4,9 %»")
    func norwegian() {
        #expect(self.nb.format(109_384, decimals: 0) == "109 384")  // «Bærum 109 384» (202 per elev, 2021)
        #expect(self.nb.format(13.9, decimals: 1) == "13,9")  // gruppestørrelse 1, 2024
        #expect(self.nb.percent(4.9, decimals: 1) == "4,9 %")  // spesialundervisning 1.-4., 2021
        #expect(self.nb.percent(-0.7, decimals: 1) == "\u{2212}0,7 %")  // production change, ASSS
        #expect(self.nb.format(1_234_567.891, decimals: 2) == "1 234 567,89")
        #expect(self.nb.format(5809, decimals: 0) == "5 809")  // «5 809 barn» in SFO, 2024
        #expect(self.nb.format(-1959, decimals: 0) == "\u{2212}1 959")  // «om lag 1 959 kroner mindre»
    }

    @Test("English: comma between thousands, decimal point")
    func english() {
        #expect(self.en.format(109_384, decimals: 0) == "109,384")
        #expect(self.en.format(13.9, decimals: 1) == "13.9")
        #expect(self.en.percent(-0.7, decimals: 1) == "-0.7%")
    }

    @Test("rounding is half away from zero, to the decimals the report prints")
    func rounding() {
        #expect(self.nb.format(0.05, decimals: 1) == "0,1")
        #expect(self.nb.format(-0.05, decimals: 1) == "\u{2212}0,1")
        #expect(self.nb.format(133.75, decimals: 1) == "133,8")
        #expect(self.nb.format(16.96, decimals: 1) == "17,0")
        #expect(self.nb.format(9.999, decimals: 2) == "10,00")
        // A value that rounds to zero has no minus sign.
        #expect(self.nb.format(-0.04, decimals: 1) == "0,0")
    }
}
