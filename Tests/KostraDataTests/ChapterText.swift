// The figures the chapter's text gives that no table holds, transcribed from the sentences
// quoted beside each, independently of the data file.

/// A figure of the text: the value the sentence gives, or implies (an index relative to
/// ASSS = 100, one region's value as another's less a stated difference), and a piece of the
/// sentence the observation must cite. An implied figure has its `derivation` as the data's
/// source must spell it, the arithmetic done here from the sentence's own numbers.
struct TextFigure: Sendable, CustomStringConvertible {
    var indicator: String
    var region: String
    var year: Int
    var value: Double
    var quote: String
    var derivation: String? = nil

    var description: String { "\(indicator) \(region) \(year)" }
}

/// A relational statement of the text.
struct TextFact: Sendable, CustomStringConvertible {
    var id: String
    var kind: String
    var subject: String
    var regions: [String] = []
    var group: String? = nil
    var indicator: String? = nil
    var year: Int? = nil
    var figures: [String: Double] = [:]
    var quote: String

    var description: String { id }
}

extension Chapter {
    static let textFigures: [TextFigure] = [
        // «Oslo kommune brukte 136 522 kr per elev, altså 28 349 kr mer per elev, enn Bærum kommune.»
        TextFigure(indicator: "grunnskole.netto_driftsutgifter_per_elev", region: "0301", year: 2024, value: 136_522,
                   quote: "Oslo kommune brukte 136 522 kr per elev"),
        // ... so Bærum's, which the chapter does not print, is 136 522 − 28 349 = 108 173.
        TextFigure(indicator: "grunnskole.netto_driftsutgifter_per_elev", region: "3201", year: 2024, value: 136_522 - 28_349,
                   quote: "altså 28 349 kr mer per elev, enn Bærum kommune", derivation: "136 522 − 28 349 = 108 173"),
        // «Bærum har sammen med Drammen og Trondheim den høyeste gruppestørrelsen sammenlignet
        //  med ASSS-kommunene med 13,9 elever per lærer, ...» (the section's year is 2024)
        TextFigure(indicator: "grunnskole.gruppestorrelse_1", region: "3301", year: 2024, value: 13.9,
                   quote: "Bærum har sammen med Drammen og Trondheim den høyeste gruppestørrelsen"),
        TextFigure(indicator: "grunnskole.gruppestorrelse_1", region: "5001", year: 2024, value: 13.9,
                   quote: "Bærum har sammen med Drammen og Trondheim den høyeste gruppestørrelsen"),
        // «... fra Tromsø som i gjennomsnitt har 216 elever per skole, til Oslo som i
        //  gjennomsnitt har 444 elever per skole.»
        TextFigure(indicator: "grunnskole.elever_per_kommunal_grunnskole", region: "5501", year: 2024, value: 216,
                   quote: "fra Tromsø som i gjennomsnitt har 216 elever per skole"),
        TextFigure(indicator: "grunnskole.elever_per_kommunal_grunnskole", region: "0301", year: 2024, value: 444,
                   quote: "til Oslo som i gjennomsnitt har 444 elever per skole"),
        // «I 2024 benyttet 5 809 barn seg av tilbudet på SFO.»
        TextFigure(indicator: "grunnskole.antall_barn_i_sfo", region: "3201", year: 2024, value: 5809,
                   quote: "I 2024 benyttet 5 809 barn seg av tilbudet på SFO."),
        // «I 2024 var Bærums produksjon innenfor grunnskole 0,7 prosent høyere enn ASSS-snittet.»
        TextFigure(indicator: "grunnskole.produksjonsindeks", region: "3201", year: 2024, value: 100 + 0.7,
                   quote: "0,7 prosent høyere enn ASSS-snittet", derivation: "100 + 0,7 = 100,7"),
        // «Bærum scoret høyest på indikatoren elever med plass i SFO som lå 2,9 prosent over ASSS-snittet.»
        TextFigure(indicator: "grunnskole.produksjonsindeks_sfo", region: "3201", year: 2024, value: 100 + 2.9,
                   quote: "2,9 prosent over ASSS-snittet", derivation: "100 + 2,9 = 102,9"),
        // «Bærum scoret lavest på indikatoren skolebidrag 5.-7. trinn som lå 0,7 prosent under ASSS-snittet.»
        TextFigure(indicator: "grunnskole.produksjonsindeks_skolebidrag_5_7", region: "3201", year: 2024, value: 100 - 0.7,
                   quote: "0,7 prosent under ASSS-snittet", derivation: "100 − 0,7 = 99,3"),
        // «Figuren viser at Bærum ligger 9,3 prosent over gjennomsnittet av ASSS-kommunene når det
        //  gjelder effektivitet.»
        TextFigure(indicator: "grunnskole.effektivitetsindeks", region: "3201", year: 2024, value: 100 + 9.3,
                   quote: "9,3 prosent over gjennomsnittet", derivation: "100 + 9,3 = 109,3"),
        // «Effektiviteten har gått ned med 5,1 prosentpoeng fra 2023 til 2024.»: so 2023 was
        // 109,3 + 5,1 = 114,4 (both rounded: ±0,1).
        TextFigure(indicator: "grunnskole.effektivitetsindeks", region: "3201", year: 2023, value: 100 + 9.3 + 5.1,
                   quote: "Effektiviteten har gått ned med 5,1 prosentpoeng fra 2023 til 2024", derivation: "109,3 + 5,1 = 114,4"),
        // «... produksjonen innenfor grunnskole var 0,7 prosent høyere og brutto driftsutgifter var
        //  7,9 prosent lavere enn gjennomsnittet av ASSS-kommunene.»
        TextFigure(indicator: "grunnskole.brutto_driftsutgifter_indeks", region: "3201", year: 2024, value: 100 - 7.9,
                   quote: "brutto driftsutgifter var 7,9 prosent lavere", derivation: "100 − 7,9 = 92,1"),
        // «Bærum kommune ligger 6,9 prosent lavere enn gjennomsnittet av ASSS-kommunene på
        //  ressursbruksindikatoren.»
        TextFigure(indicator: "grunnskole.ressursbruksindikator", region: "3201", year: 2024, value: 100 - 6.9,
                   quote: "6,9 prosent lavere enn gjennomsnittet av ASSS-kommunene på ressursbruksindikatoren",
                   derivation: "100 − 6,9 = 93,1"),
        // «Samlet sett gikk produksjonen i Bærum ned med 0,9 prosent, mens nedgangen i ASSS
        //  området var på 0,7 prosent.»
        TextFigure(indicator: "grunnskole.endring_produksjon", region: "3201", year: 2024, value: -0.9,
                   quote: "gikk produksjonen i Bærum ned med 0,9 prosent", derivation: "ned med 0,9 prosent = −0,9"),
        TextFigure(indicator: "grunnskole.endring_produksjon", region: "ASSS", year: 2024, value: -0.7,
                   quote: "nedgangen i ASSS området var på 0,7 prosent", derivation: "nedgang på 0,7 prosent = −0,7"),
    ]

    /// Figures the text says do not exist: «Siden det ikke er publisert en
    /// skolebidragsindikator for 2023 ...» (the 8-10 indicator; see the paragraph before).
    static let textMissing: [(indicator: String, region: String, year: Int)] = [
        ("grunnskole.skolebidrag_8_10", "3201", 2023),
        ("grunnskole.skolebidrag_8_10", "ASSS", 2023),
    ]

    // Tabell «Vekt 2024», Kilde: asss.no
    //   Skolebidragsindikatoren 1-4. trinn 0,2426
    //   Skolebidragsindikator 5.-7. trinn 0,2426
    //   Skolebidragsindikator 8.-10. trinn 0,2426
    //   Læringsmiljø 0,1819
    //   Andel innbyggere i alderen 6-9 år med plass i SFO 0,0904
    static let weights2024: [String: Double] = [
        "grunnskole.skolebidrag_1_4": 0.2426,
        "grunnskole.skolebidrag_5_7": 0.2426,
        "grunnskole.skolebidrag_8_10": 0.2426,
        "grunnskole.laeringsmiljo": 0.1819,
        "grunnskole.andel_6_9_med_sfo_plass": 0.0904,
    ]

    static let facts: [TextFact] = [
        TextFact(id: "oslo_minus_baerum_netto_per_elev_2024", kind: "difference", subject: "0301", regions: ["3201"],
                 indicator: "grunnskole.netto_driftsutgifter_per_elev", year: 2024, figures: ["value": 28_349],
                 quote: "altså 28 349 kr mer per elev, enn Bærum kommune"),
        TextFact(id: "baerum_lavest_netto_per_elev_asss_2024", kind: "rank", subject: "3201", group: "ASSS",
                 indicator: "grunnskole.netto_driftsutgifter_per_elev", year: 2024, figures: ["rank_from_lowest": 1],
                 quote: "Bærum kommune har de laveste netto driftsutgifter per elev i ASSS."),
        TextFact(id: "baerum_lavest_netto_per_innbygger_6_15_asss_2024", kind: "rank", subject: "3201", group: "ASSS",
                 indicator: "grunnskole.netto_driftsutgifter_sektor_per_innbygger_6_15", year: 2024, figures: ["rank_from_lowest": 1],
                 quote: "per innbygger 6-15 år i Bærum, er lavest av ASSS-kommunene"),
        TextFact(id: "baerum_ressursbruk_kroner_per_innbygger_2024", kind: "difference", subject: "3201", regions: ["ASSS"],
                 indicator: "grunnskole.ressursbruksindikator", year: 2024, figures: ["value": -1959],
                 quote: "brukte om lag 1 959 kroner mindre per innbygger på grunnskole"),
        TextFact(id: "gruppestorrelse_1_hoyest_2024", kind: "tie", subject: "3201", regions: ["3301", "5001"], group: "ASSS",
                 indicator: "grunnskole.gruppestorrelse_1", year: 2024, figures: ["rank_from_highest": 1, "value": 13.9],
                 quote: "med 13,9 elever per lærer"),
        TextFact(id: "spesialundervisning_1_4_kun_tromso_hoyere_2024", kind: "rank", subject: "3201", regions: ["5501"], group: "ASSS",
                 indicator: "grunnskole.andel_spesialundervisning_1_4", year: 2024, figures: ["rank_from_highest": 2],
                 quote: "Det er kun Tromsø som har en høyere andel"),
        TextFact(id: "vurdering_for_laering_lavest_2024", kind: "tie", subject: "3201", regions: ["5001"], group: "ASSS",
                 indicator: "grunnskole.vurdering_for_laering", year: 2024, figures: ["rank_from_lowest": 1],
                 quote: "Bærum og Trondheim har den laveste skåren"),
        TextFact(id: "nasjonale_prover_og_eksamen_best_2024", kind: "rank", subject: "3201", group: "ASSS",
                 year: 2024, figures: ["rank_from_highest": 1],
                 quote: "På nasjonale prøver og eksamen presterer Bærum best blant ASSS-kommunene."),
        TextFact(id: "eksamen_best_2024", kind: "rank", subject: "3201", group: "ASSS",
                 year: 2024, figures: ["rank_from_highest": 1],
                 quote: "Eksamensresultatene i Bærum er de beste i ASSS."),
        TextFact(id: "sykefravaer_nest_lavest_2024", kind: "rank", subject: "3201", group: "ASSS",
                 year: 2024, figures: ["rank_from_lowest": 2],
                 quote: "Bærum har nest laveste sykefravær"),
        TextFact(id: "skolestorrelse_baerum_ordinare_skoler_2024", kind: "range", subject: "3201",
                 indicator: "grunnskole.elever_per_kommunal_grunnskole", year: 2024, figures: ["min": 208, "max": 586],
                 quote: "De ordinære skolene i Bærum varierer mellom 208 og 586 elever."),
        TextFact(id: "skolestorrelse_asss_2024", kind: "range", subject: "ASSS", regions: ["5501", "0301"],
                 indicator: "grunnskole.elever_per_kommunal_grunnskole", year: 2024, figures: ["min": 216, "max": 444],
                 quote: "fra Tromsø som i gjennomsnitt har 216 elever per skole, til Oslo som i gjennomsnitt har 444"),
        TextFact(id: "sfo_andel_hoyere_enn_asker_og_asss_2024", kind: "higher_than", subject: "3201", regions: ["3203", "ASSS"],
                 indicator: "grunnskole.andel_6_9_med_sfo_plass", year: 2024,
                 quote: "Bærum har den høyeste andelen barn i SFO"),
        TextFact(id: "produksjonsindeks_delindikatorer_2024", kind: "range", subject: "3201",
                 indicator: "grunnskole.produksjonsindeks", year: 2024, figures: ["min": 99.3, "max": 102.9],
                 quote: "Bærum scoret høyest på indikatoren elever med plass i SFO"),
        TextFact(id: "effektivitet_endring_2023_2024", kind: "change", subject: "3201",
                 indicator: "grunnskole.effektivitetsindeks", year: 2024, figures: ["value": -5.1],
                 quote: "Effektiviteten har gått ned med 5,1 prosentpoeng fra 2023 til 2024."),
        // «Lærernormen er maks 15 elever per lærertime i 1-4.trinn og 20 elever per lærertime i
        //  5-10.trinn. Det vil si et gjennomsnitt på 18 elever per lærertime ...»
        TextFact(id: "laerernorm_1_4", kind: "legal_norm", subject: "EAK",
                 indicator: "grunnskole.gruppestorrelse_2_1_4", figures: ["max": 15],
                 quote: "Lærernormen er maks 15 elever per lærertime i 1-4.trinn"),
        TextFact(id: "laerernorm_5_7", kind: "legal_norm", subject: "EAK",
                 indicator: "grunnskole.gruppestorrelse_2_5_7", figures: ["max": 20],
                 quote: "20 elever per lærertime i 5-10.trinn"),
        TextFact(id: "laerernorm_8_10", kind: "legal_norm", subject: "EAK",
                 indicator: "grunnskole.gruppestorrelse_2_8_10", figures: ["max": 20],
                 quote: "20 elever per lærertime i 5-10.trinn"),
        TextFact(id: "laerernorm_snitt_1_10", kind: "norm_average", subject: "EAK",
                 indicator: "grunnskole.gruppestorrelse_2", figures: ["value": 18],
                 quote: "Det vil si et gjennomsnitt på 18 elever per lærertime"),
    ]
}
