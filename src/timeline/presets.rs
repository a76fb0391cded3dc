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

/// The plenums of the 19th Central Committee in the corpus, by date.
pub const CC19_PLENUMS: [&str; 3] = ["cc19-4-zh", "cc19-5-zh", "cc19-6-zh"];

/// The two government work reports, by date.
pub const WORK_REPORTS: [&str; 2] = ["gwr2022-zh", "gwr2023-zh"];

/// Xi's speeches at the UN, the SCO and the G20 in 2020 and 2021, by date.
pub const SUMMIT_SPEECHES: [&str; 6] =
    ["unga75-2020-en", "sco20-2020-en", "g20-15-2020-en", "unga76-2021-en", "sco21-2021-en", "g20-16-2021-en"];

/// Every preset with the name the page shows.
pub const PRESETS: [(&str, &[&str]); 4] = [
    ("Plenums of the 19th Central Committee, 2019–2021", &CC19_PLENUMS),
    ("Government work reports 2022–2023", &WORK_REPORTS),
    ("All eight Chinese documents, 2017–2023", &EIGHT_CHINESE),
    ("Xi at the UN, SCO and G20, 2020–2021", &SUMMIT_SPEECHES),
];
