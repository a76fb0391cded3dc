//! `doc_meta::describe` on every document of the corpus: the date it finds agrees with the
//! manifest's, and plenums, work reports and congress reports name their body and session.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use tifa::input::doc_meta::{describe, ordinal, DocMeta};

/// The body a document's id implies: cc19-4 → 19th CC, 4th plenary; ccdi19-5; gwr2019; congress20.
fn expected_body(id: &str) -> Option<String> {
    let stem = id.rsplit_once('-').map_or(id, |(stem, _)| stem);
    let pair = |s: &str| {
        let (n, m) = s.split_once('-')?;
        Some((n.parse::<u32>().ok()?, m.parse::<u32>().ok()?))
    };
    if let Some(rest) = stem.strip_prefix("ccdi") {
        let (n, m) = pair(rest)?;
        Some(format!("CCDI {}, {} plenary session", ordinal(n), ordinal(m)))
    } else if let Some(rest) = stem.strip_prefix("cc") {
        let (n, m) = pair(rest)?;
        Some(format!("{} Central Committee, {} plenary session", ordinal(n), ordinal(m)))
    } else if let Some(year) = stem.strip_prefix("gwr") {
        Some(format!("Government work report {year}"))
    } else {
        stem.strip_prefix("congress").map(|n| format!("{} National Congress", ordinal(n.parse().unwrap_or(0))))
    }
}

struct Entry {
    id: String,
    language: String,
    date: String,
}

fn manifest() -> Vec<Entry> {
    let path = common::corpus_dir().join("MANIFEST.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap_or_else(|| panic!("no column {name}"));
    let (id, language, date) = (column("id"), column("language"), column("date"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            Entry { id: cells[id].into(), language: cells[language].into(), date: cells[date].into() }
        })
        .collect()
}

fn show(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "–".into())
}

#[test]
fn corpus_documents_know_what_they_are() {
    let entries = manifest();
    assert!(entries.len() >= 10, "the manifest lists {} documents", entries.len());
    let mut failures = Vec::new();
    let (mut zh, mut zh_dated, mut dated, mut titled, mut bodied) = (0, 0, 0, 0, 0);
    let (mut bodies_expected, mut bodies_right) = (0, 0);
    println!("{:<24} | {:<10} | {:<52} | title", "id", "date", "body");
    for entry in &entries {
        let DocMeta { title, date, body } = describe(&common::corpus(&entry.id));
        let title_shown: String = show(&title).chars().take(60).collect();
        println!("{:<24} | {:<10} | {:<52} | {title_shown}", entry.id, show(&date), show(&body));
        if let Some(d) = &date {
            dated += 1;
            let consistent = entry.date.starts_with(d.as_str())
                && (d.len() == entry.date.len() || entry.date.as_bytes().get(d.len()) == Some(&b'-'));
            if !consistent {
                failures.push(format!("{}: date {d}, manifest {}", entry.id, entry.date));
            }
        }
        if entry.language == "zh" {
            zh += 1;
            zh_dated += usize::from(date.is_some());
        }
        titled += usize::from(title.is_some());
        bodied += usize::from(body.is_some());
        if let Some(want) = expected_body(&entry.id) {
            bodies_expected += 1;
            if body.as_deref() == Some(want.as_str()) {
                bodies_right += 1;
            } else {
                failures.push(format!("{}: body {:?}, expected {want:?}", entry.id, body));
            }
        }
    }
    let n = entries.len();
    println!(
        "dates: {dated}/{n} (Chinese {zh_dated}/{zh}); titles: {titled}/{n}; bodies: {bodied}/{n}; \
         plenum/work report/congress bodies right: {bodies_right}/{bodies_expected}"
    );
    assert!(zh > 0 && zh_dated * 10 >= zh * 8, "dates found for {zh_dated} of {zh} Chinese documents");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_sample_plenum_has_a_title() {
    let meta = describe(&common::seed("000_32d0b0de139dc88b.txt"));
    println!("sample: {meta:?}");
    assert!(meta.title.is_some_and(|t| t.contains("Plenary Session")));
}
