//! The phrase table (src/data/phrases.tsv): set phrases (提法) learned from the reference
//! corpus by scripts/build-phrase-table.py, for the page to fetch and the CLI to read.
//!
//! - The table is reproducible: where the reference corpus lies beside the repository
//!   (../shared/refcorpus) and `python3` runs, the script rebuilds the committed table byte
//!   for byte. A plain clone has no reference corpus; the check is then skipped with a note.
//! - Its form: a first comment line naming the script, a header, then one row per phrase,
//!   sorted by phrase and without repeats: phrase, lang (zh or en), first_year, last_year
//!   (first ≤ last, within the corpus's years: 1921, the first congress, to 2023, the last
//!   work report), docs (documents using it, at least one and at most the collection's
//!   count), total_docs_of_that_kind (one count per kind), kind (gwr, congress or speech when
//!   every document using the phrase is of that collection, else mixed, counted over gwr and
//!   congress together; English phrases are speech), gloss (English, Chinese rows only).
//! - It is small: at most 8,000 phrases and 240,000 bytes (about 64 KB gzipped).
//! - It holds known formulations, first seen in the right year (高质量发展 in 2017,
//!   供给侧结构性改革 in 2016), and not fragments or generic pairs of words (时期我国发展,
//!   主义现代化, 目标任务, 聚焦建设, 建议名单).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const HEADER: &str = "phrase\tlang\tfirst_year\tlast_year\tdocs\ttotal_docs_of_that_kind\tkind\tgloss";
const FIRST_LINE: &str = "# tifa phrase table v1: built by scripts/build-phrase-table.py from refcorpus (";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn table_text() -> String {
    let path = root().join("src/data/phrases.tsv");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[derive(Debug)]
struct Row {
    lang: String,
    first_year: u32,
    last_year: u32,
    docs: u32,
    total: u32,
    kind: String,
    gloss: String,
}

/// The rows by phrase, checking the first line, the header and the column count.
fn table() -> BTreeMap<String, Row> {
    let text = table_text();
    let mut lines = text.lines();
    let first = lines.next().expect("a first line");
    assert!(first.starts_with(FIRST_LINE), "first line: {first}");
    assert_eq!(lines.next(), Some(HEADER), "header line");
    let mut rows = BTreeMap::new();
    let mut previous: Option<String> = None;
    for line in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 8, "eight columns: {line:?}");
        let number = |i: usize| -> u32 { cols[i].parse().unwrap_or_else(|_| panic!("column {i} of {line:?}")) };
        let phrase = cols[0].to_string();
        assert!(!phrase.is_empty() && phrase.trim() == phrase, "phrase of {line:?}");
        if let Some(p) = &previous {
            assert!(*p < phrase, "sorted without repeats: {p} before {phrase}");
        }
        previous = Some(phrase.clone());
        let row = Row {
            lang: cols[1].to_string(),
            first_year: number(2),
            last_year: number(3),
            docs: number(4),
            total: number(5),
            kind: cols[6].to_string(),
            gloss: cols[7].to_string(),
        };
        rows.insert(phrase, row);
    }
    rows
}

#[test]
fn the_script_rebuilds_the_table_byte_for_byte() {
    let refcorpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/refcorpus");
    if !refcorpus.is_dir() {
        println!("skipped: no reference corpus at {} (a plain clone has none)", refcorpus.display());
        return;
    }
    let script = root().join("scripts/build-phrase-table.py");
    let out = match Command::new("python3").arg(&script).arg(&refcorpus).output() {
        Ok(out) => out,
        Err(e) => {
            println!("skipped: cannot run python3 ({e})");
            return;
        }
    };
    assert!(out.status.success(), "the script failed: {}", String::from_utf8_lossy(&out.stderr));
    let built = String::from_utf8(out.stdout).expect("UTF-8 output");
    let committed = table_text();
    if built != committed {
        let diff = built.lines().zip(committed.lines()).enumerate().find(|(_, (b, c))| b != c);
        panic!(
            "scripts/build-phrase-table.py gives a different table ({} lines, committed {}); first difference: {:?}",
            built.lines().count(),
            committed.lines().count(),
            diff
        );
    }
}

#[test]
fn every_row_has_the_documented_columns() {
    let rows = table();
    let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
    for (phrase, r) in &rows {
        assert!(r.lang == "zh" || r.lang == "en", "{phrase}: lang {}", r.lang);
        assert!((1921..=2023).contains(&r.first_year), "{phrase}: first year {}", r.first_year);
        assert!((1921..=2023).contains(&r.last_year), "{phrase}: last year {}", r.last_year);
        assert!(r.first_year <= r.last_year, "{phrase}: first year after last");
        assert!(r.docs >= 1 && r.docs <= r.total, "{phrase}: {} docs of {}", r.docs, r.total);
        assert!(matches!(r.kind.as_str(), "gwr" | "congress" | "speech" | "mixed"), "{phrase}: kind {}", r.kind);
        assert_eq!(r.lang == "en", r.kind == "speech", "{phrase}: English phrases, and only they, are of the speeches");
        if r.lang == "en" {
            assert!(r.gloss.is_empty(), "{phrase}: an English phrase has no gloss");
            assert_eq!(phrase.to_lowercase(), *phrase, "{phrase}: English phrases are lower-cased");
        } else {
            // Learned phrases are runs of Han characters; a lexicon entry's name may also hold
            // the enumeration comma of a series (不忘初心、牢记使命) or digits (中国制造2025).
            let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '〇';
            assert!(phrase.chars().all(|c| han(c) || c == '、' || c.is_ascii_digit()), "{phrase}: Han only");
            assert!(phrase.chars().next().is_some_and(han), "{phrase}: begins with a Han character");
        }
        let total = totals.entry(r.kind.as_str()).or_insert(r.total);
        assert_eq!(*total, r.total, "{phrase}: one total per kind");
    }
    if let (Some(g), Some(c), Some(m)) = (totals.get("gwr"), totals.get("congress"), totals.get("mixed")) {
        assert_eq!(*m, g + c, "mixed counts the work reports and the congress reports together");
    }
    assert!(rows.len() <= 8000, "{} phrases", rows.len());
    assert!(table_text().len() <= 240_000, "{} bytes", table_text().len());
}

#[test]
fn known_set_phrases_are_present_with_plausible_first_years() {
    let rows = table();
    // (phrase, first year, a gloss from the lexicon when it has one)
    let known: [(&str, u32, Option<&str>); 12] = [
        ("高质量发展", 2017, Some("high-quality development")),
        ("稳中求进", 1997, None),
        ("供给侧结构性改革", 2016, Some("supply-side structural reform")),
        ("人类命运共同体", 2012, Some("community with a shared future for mankind")),
        ("全面建成小康社会", 2007, None),
        ("科学发展观", 2004, Some("scientific outlook on development")),
        ("社会主义初级阶段", 1987, None),
        ("一国两制", 1985, None),
        ("和平共处五项原则", 1955, None),
        ("以阶级斗争为纲", 1978, None),
        ("community with a shared future for mankind", 2020, None),
        ("high-quality development", 2018, None),
    ];
    for (phrase, first, gloss) in known {
        let row = rows.get(phrase).unwrap_or_else(|| panic!("{phrase} is missing"));
        assert_eq!(row.first_year, first, "{phrase}: first year");
        if let Some(g) = gloss {
            assert_eq!(row.gloss, g, "{phrase}: gloss");
        }
    }
    let new_era = &rows["高质量发展"];
    assert!(new_era.last_year == 2023 && new_era.kind == "mixed", "高质量发展 is in both collections, to 2023");
}

#[test]
fn fragments_and_generic_pairs_of_words_are_absent() {
    let rows = table();
    for phrase in
        ["时期我国发展", "主义现代化", "目标任务", "聚焦建设", "建议名单", "力支持", "不可能", "实施科教兴国战略"]
    {
        assert!(!rows.contains_key(phrase), "{phrase} is a fragment or generic, not a set phrase");
    }
}
