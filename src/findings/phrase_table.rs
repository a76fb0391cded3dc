//! The phrase table: set phrases learned from seventy years of official texts, with the
//! record of each (`src/data/phrases.tsv`, built by `scripts/build-phrase-table.py` from the
//! government work reports 1954–2023, the congress reports and 36 English speeches).
//!
//! Every formulation, however it was found, carries its [`History`] when the table knows
//! it: the first and last year it stands in the record and how many documents used it,
//! which is what a reader needs to say "dropped for the first time since 2017". The
//! table's phrases can also be searched as formulations themselves, a *learned tier*
//! ([`crate::findings::lexicon::Lexicon::with_learned_tier`]); that is measured, not used (see there).
//!
//! The table is data, not code: native builds compile it in, the web app fetches it after
//! the first comparison is on screen and compares again with it.

use rustc_hash::FxHashMap;

/// Which part of the record a phrase's counts are taken over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Record {
    /// The government work reports.
    WorkReports,
    /// The reports to the Party congresses.
    CongressReports,
    /// Work reports and congress reports together.
    Reports,
    /// The English speeches.
    Speeches,
}

impl Record {
    /// The documents counted, as a reader says it ("work reports").
    pub fn documents(self) -> &'static str {
        match self {
            Record::WorkReports => "work reports",
            Record::CongressReports => "congress reports",
            Record::Reports => "work and congress reports",
            Record::Speeches => "English speeches",
        }
    }
}

/// Where a phrase stands in the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct History {
    /// The year of the first document that uses it.
    pub first_year: u32,
    /// The year of the last document that uses it.
    pub last_year: u32,
    /// How many documents use it.
    pub documents: u32,
    /// How many documents the record holds (of the kind in `record`).
    pub of_documents: u32,
    /// Which documents are counted.
    pub record: Record,
    /// The form the record counts, when it is not the formulation's own: an English
    /// rendering the English speeches never use carries the record of its Chinese form.
    pub form: Option<&'static str>,
}

impl History {
    /// The history as a reader reads it: "first in 2017 · 9 of 50 work reports".
    ///
    /// For a formulation dropped from a document of year `dropped_in` (`None`: not dropped;
    /// `Some(None)`: dropped from an undated document), when it was last seen first ("last
    /// seen 2019 · first in 2003 · 12 of 50 work reports"); but when the record uses it in
    /// that year or later, "last seen" would read as the drop's date, so the span is given
    /// instead ("in use 2003–2023 · …"). An undated document is taken to be later than the
    /// record. A record of another form says which ("… (as 人民至上)").
    pub fn describe(&self, dropped_in: Option<Option<u32>>) -> String {
        use std::fmt::Write;
        let (first, last) = (self.first_year, self.last_year);
        let mut out = String::new();
        let _ = match dropped_in {
            _ if first == last => write!(out, "only in {first}"),
            Some(year) if year.is_some_and(|y| last >= y) => write!(out, "in use {first}–{last}"),
            Some(_) => write!(out, "last seen {last} · first in {first}"),
            None => write!(out, "first in {first}"),
        };
        let _ = write!(out, " · {} of {} {}", self.documents, self.of_documents, self.record.documents());
        if let Some(form) = self.form {
            let _ = write!(out, " (as {form})");
        }
        out
    }
}

/// The year a document's date (`2021-09-17`, `2021-09`, `2021`) begins with, if it has one.
pub fn year_of(date: &str) -> Option<u32> {
    date.get(..4)?.parse().ok()
}

/// One phrase of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The phrase as the table spells it (English in lower case).
    pub text: &'static str,
    /// Its record.
    pub history: History,
}

/// The parsed table, with its phrases by their folded form.
#[derive(Debug, Default)]
pub struct PhraseTable {
    /// Every phrase, in the table's order.
    pub phrases: Vec<Phrase>,
    by_text: FxHashMap<String, usize>,
    /// The text it was parsed from (the web app hands it to its comparison worker).
    source: &'static str,
}

#[cfg(any(not(target_arch = "wasm32"), test))]
const PHRASES_TSV: &str = include_str!("../data/phrases.tsv");

/// The key a phrase is looked up by: its characters folded ([`crate::text::normalize::fold_char`])
/// and in lower case, white space runs as one space.
pub fn lookup_key(text: &str) -> String {
    let folded: String = text.chars().map(crate::text::normalize::fold_char).flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl PhraseTable {
    /// The built-in table (native builds only; the page fetches it).
    #[cfg(any(not(target_arch = "wasm32"), test))]
    pub fn builtin_source() -> &'static str {
        PHRASES_TSV
    }

    /// Parses the table's format: `#` comment lines, a header, then rows of phrase, lang,
    /// first_year, last_year, docs, total_docs_of_that_kind, kind, gloss. A row that does not
    /// read is skipped (the table is fetched: a damaged copy loses rows, never the page).
    pub fn parse(tsv: &'static str) -> PhraseTable {
        let mut table = PhraseTable { source: tsv, ..PhraseTable::default() };
        let rows = tsv.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).skip(1);
        for line in rows {
            let cells: Vec<&'static str> = line.split('\t').collect();
            let number = |i: usize| cells.get(i).and_then(|c| c.trim().parse::<u32>().ok());
            let record = match cells.get(6).map(|c| c.trim()) {
                Some("gwr") => Record::WorkReports,
                Some("congress") => Record::CongressReports,
                Some("mixed") => Record::Reports,
                Some("speech") => Record::Speeches,
                _ => continue,
            };
            let (Some(first_year), Some(last_year), Some(documents), Some(of_documents)) =
                (number(2), number(3), number(4), number(5))
            else {
                continue;
            };
            let text = cells[0].trim();
            if text.chars().count() < 2 {
                continue;
            }
            let history = History { first_year, last_year, documents, of_documents, record, form: None };
            table.by_text.insert(lookup_key(text), table.phrases.len());
            table.phrases.push(Phrase { text, history });
        }
        table
    }

    /// The record of `text`, if the table has it.
    pub fn history(&self, text: &str) -> Option<History> {
        self.by_text.get(&lookup_key(text)).map(|&i| self.phrases[i].history)
    }

    /// The TSV text it was parsed from.
    pub fn source(&self) -> &'static str {
        self.source
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# comment\nphrase\tlang\tfirst_year\tlast_year\tdocs\ttotal_docs_of_that_kind\tkind\tgloss\n\
        急难愁盼\tzh\t2021\t2023\t3\t50\tgwr\t\n\
        true multilateralism\ten\t2020\t2021\t6\t36\tspeech\t\n\
        broken row\ten\tyear\t2021\t6\t36\tspeech\t\n";

    #[test]
    fn rows_read_with_their_record_and_damaged_rows_are_skipped() {
        let table = PhraseTable::parse(SAMPLE);
        assert_eq!(table.phrases.len(), 2);
        let h = table.history("急难愁盼").unwrap();
        assert_eq!((h.first_year, h.last_year, h.documents, h.of_documents), (2021, 2023, 3, 50));
        assert_eq!(h.record, Record::WorkReports);
    }

    #[test]
    fn english_is_looked_up_without_case_or_extra_spaces() {
        let table = PhraseTable::parse(SAMPLE);
        assert!(table.history("True  Multilateralism").is_some());
        assert!(table.history("multilateralism").is_none());
    }

    const HISTORY: History = History {
        first_year: 2017,
        last_year: 2023,
        documents: 9,
        of_documents: 50,
        record: Record::WorkReports,
        form: None,
    };

    #[test]
    fn a_history_reads_as_a_sentence() {
        assert_eq!(HISTORY.describe(None), "first in 2017 · 9 of 50 work reports");
        let once = History { first_year: 2021, last_year: 2021, ..HISTORY };
        assert_eq!(once.describe(Some(Some(2022))), "only in 2021 · 9 of 50 work reports");
    }

    #[test]
    fn a_dropped_formulation_says_when_it_was_last_seen_only_when_that_was_before_the_drop() {
        assert_eq!(HISTORY.describe(Some(Some(2024))), "last seen 2023 · first in 2017 · 9 of 50 work reports");
        assert_eq!(HISTORY.describe(Some(None)), "last seen 2023 · first in 2017 · 9 of 50 work reports");
        // Dropped in 2019 but used until 2023: not "last seen 2023".
        assert_eq!(HISTORY.describe(Some(Some(2019))), "in use 2017–2023 · 9 of 50 work reports");
        assert_eq!(HISTORY.describe(Some(Some(2023))), "in use 2017–2023 · 9 of 50 work reports");
    }

    #[test]
    fn a_record_of_another_form_names_it() {
        let h = History { form: Some("人民至上"), record: Record::Reports, of_documents: 65, ..HISTORY };
        assert_eq!(h.describe(None), "first in 2017 · 9 of 65 work and congress reports (as 人民至上)");
    }

    #[test]
    fn a_year_is_read_from_the_start_of_a_date() {
        assert_eq!(year_of("2021-09-17"), Some(2021));
        assert_eq!(year_of("2021"), Some(2021));
        assert_eq!(year_of(""), None);
        assert_eq!(year_of("undated"), None);
    }
}
