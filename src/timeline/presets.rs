//! Ready-made series of the curated corpus (`seeds/corpus`): offered as one click in the
//! page when every document is bundled, and used by the tests and benchmarks.

/// The eight Chinese documents, by date: a congress report, three plenums of the 19th
/// Central Committee, a discipline-commission plenum, a work report, the next congress
/// report and the next work report.
pub const EIGHT_CHINESE: [&str; 8] = [
    "congress19-zh",
    "cc19-4-zh",
    "cc19-5-zh",
    "cc19-6-zh",
    "ccdi19-6-zh",
    "gwr2022-zh",
    "congress20-zh",
    "gwr2023-zh",
];

/// Three plenums of the 19th Central Committee, the fourth to the sixth (2019–2021): the
/// tests' small series.
pub const CC19_FOURTH_TO_SIXTH: [&str; 3] = ["cc19-4-zh", "cc19-5-zh", "cc19-6-zh"];

/// The plenums of the 19th Central Committee in the corpus, the second to the seventh
/// (2018–2022), by date.
pub const CC19_PLENUMS: [&str; 6] = ["cc19-2-zh", "cc19-3-zh", "cc19-4-zh", "cc19-5-zh", "cc19-6-zh", "cc19-7-zh"];

/// The plenums of the 18th Central Committee in the corpus (2013–2017; the sixth is not
/// bundled), by date.
pub const CC18_PLENUMS: [&str; 5] = ["cc18-2-zh", "cc18-3-zh", "cc18-4-zh", "cc18-5-zh", "cc18-7-zh"];

/// The plenums of the Central Commission for Discipline Inspection in the corpus: the
/// 19th commission's second to sixth and the 20th's second (2018–2023), by date.
pub const CCDI_PLENUMS: [&str; 6] =
    ["ccdi19-2-zh", "ccdi19-3-zh", "ccdi19-4-zh", "ccdi19-5-zh", "ccdi19-6-zh", "ccdi20-2-zh"];

/// The government work reports in the corpus, 2016–2023 (2020's is not bundled), by date.
pub const WORK_REPORTS: [&str; 7] =
    ["gwr2016-zh", "gwr2017-zh", "gwr2018-zh", "gwr2019-zh", "gwr2021-zh", "gwr2022-zh", "gwr2023-zh"];

/// The reports to the 16th to 20th Party congresses (2002–2022), by date.
pub const CONGRESS_REPORTS: [&str; 5] =
    ["congress16-zh", "congress17-zh", "congress18-zh", "congress19-zh", "congress20-zh"];

/// Xi's speeches at the UN, the SCO and the G20 in 2020 and 2021, by date.
pub const SUMMIT_SPEECHES: [&str; 6] =
    ["unga75-2020-en", "sco20-2020-en", "g20-15-2020-en", "sco21-2021-en", "unga76-2021-en", "g20-16-2021-en"];

/// Every preset with the name the page shows: one body's documents over the years, then
/// documents of several bodies between two congresses, then speeches.
pub const PRESETS: [(&str, &[&str]); 7] = [
    ("Congress reports, 2002–2022", &CONGRESS_REPORTS),
    ("Government work reports, 2016–2023 (without 2020)", &WORK_REPORTS),
    ("Plenums of the 19th Central Committee, 2018–2022", &CC19_PLENUMS),
    ("Plenums of the 18th Central Committee, 2013–2017", &CC18_PLENUMS),
    ("Discipline commission plenums, 2018–2023", &CCDI_PLENUMS),
    ("Between two congresses: eight Chinese documents, 2017–2023", &EIGHT_CHINESE),
    ("Xi at the UN, SCO and G20, 2020–2021", &SUMMIT_SPEECHES),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_names_documents_of_the_bundled_corpus_in_date_order() {
        let manifest = include_str!("../../seeds/corpus/MANIFEST.tsv");
        let date = |id: &str| {
            manifest.lines().find_map(|l| {
                let mut f = l.split('\t');
                (f.next() == Some(id)).then(|| f.nth(2).unwrap_or_default().to_string())
            })
        };
        for (name, ids) in PRESETS {
            let dates: Vec<String> =
                ids.iter().map(|id| date(id).unwrap_or_else(|| panic!("{name}: {id} is not bundled"))).collect();
            assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{name}: {dates:?}");
            assert!(ids.len() >= 2 && ids.len() <= crate::timeline::MAX_SERIES, "{name}");
        }
    }
}
