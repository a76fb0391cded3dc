//! The bundled corpus: manifest rows in, the site's `corpus/index.json` out.
//!
//! A corpus folder holds text files and a tab-separated manifest with a header row
//! (`corpus.tsv` in `seeds/`, or a `MANIFEST.tsv` like the one in `seeds/corpus`).
//! Columns are found by name; only `id` is required. Missing metadata is derived: the file
//! is `<id>.txt`, the language is guessed from the text, and the body that
//! issued a document is guessed from its id (`cc19-4-zh` → Central Committee plenums).
//! This module is pure: the CLI reads and writes the files.

use crate::text::normalize::guess_language;
use serde::{Deserialize, Serialize};

/// Identifies the format of `corpus/index.json`.
pub const INDEX_SCHEMA: &str = "tifa.corpus/1";

/// One document of the corpus as the app lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusEntry {
    /// Stable id, used in share links.
    pub id: String,
    /// Title shown in the picker.
    pub title: String,
    /// `YYYY-MM-DD`, or empty when unknown.
    pub date: String,
    /// `zh` or `en`.
    pub language: String,
    /// The body that issued it; groups the picker.
    pub body: String,
    /// Session or occasion.
    pub session: String,
    /// Kind of document.
    pub kind: String,
    /// True for documents made up for demonstration.
    pub illustrative: bool,
    /// Provenance and remarks.
    pub notes: String,
    /// File name under `corpus/` on the site.
    pub file: String,
    /// [`content_hash`] of the text.
    pub hash: String,
    /// Characters in the text.
    pub chars: usize,
}

/// `corpus/index.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusIndex {
    /// Always [`INDEX_SCHEMA`].
    pub schema: String,
    /// Documents, grouped by body and ordered by date.
    pub documents: Vec<CorpusEntry>,
}

/// A manifest row before its text is read: metadata plus the source file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestRow {
    /// Metadata; `hash`, `chars` and possibly `language` are filled in by [`describe`].
    pub entry: CorpusEntry,
    /// The text file in the corpus folder.
    pub source_file: String,
}

/// A short, stable hash of a text: FNV-1a over its UTF-8 bytes, 16 hex digits.
///
/// Share links carry it to notice when a bundled document changed.
pub fn content_hash(text: &str) -> String {
    let h = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    format!("{h:016x}")
}

/// Parses a tab-separated manifest. Rows without an id are skipped and reported.
pub fn parse_manifest(tsv: &str) -> (Vec<ManifestRow>, Vec<String>) {
    let mut lines = tsv.lines().filter(|l| !l.trim().is_empty());
    let Some(header) = lines.next() else {
        return (Vec::new(), vec!["manifest is empty".into()]);
    };
    let columns: Vec<String> = header.split('\t').map(|c| c.trim().to_ascii_lowercase()).collect();
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    for (n, line) in lines.enumerate() {
        let cells: Vec<&str> = line.split('\t').collect();
        let get = |name: &str| -> String {
            columns
                .iter()
                .position(|c| c == name)
                .and_then(|i| cells.get(i))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let id = get("id");
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.') {
            warnings.push(format!("manifest row {}: missing or invalid id {id:?}", n + 2));
            continue;
        }
        let file = Some(get("file")).filter(|f| !f.is_empty()).unwrap_or_else(|| format!("{id}.txt"));
        let body = Some(get("body")).filter(|b| !b.is_empty()).unwrap_or_else(|| body_from_id(&id).to_string());
        let kind = Some(get("kind")).filter(|k| !k.is_empty()).unwrap_or_else(|| kind_from_id(&id).to_string());
        let illustrative = matches!(get("illustrative").to_ascii_lowercase().as_str(), "yes" | "true" | "1");
        rows.push(ManifestRow {
            entry: CorpusEntry {
                title: Some(get("title")).filter(|t| !t.is_empty()).unwrap_or_else(|| id.clone()),
                date: get("date"),
                language: get("language"),
                body,
                session: get("session"),
                kind,
                illustrative,
                notes: get("notes"),
                file: format!("{id}.txt"),
                hash: String::new(),
                chars: 0,
                id,
            },
            source_file: file,
        });
    }
    (rows, warnings)
}

/// Completes a row's metadata from its text.
pub fn describe(mut entry: CorpusEntry, text: &str) -> CorpusEntry {
    entry.hash = content_hash(text);
    entry.chars = text.chars().count();
    if entry.language.is_empty() {
        entry.language = guess_language(text).to_string();
    }
    entry
}

/// Builds the index: drops repeated ids (first wins), groups by body, orders by date.
pub fn build_index(entries: Vec<CorpusEntry>) -> (CorpusIndex, Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    let mut warnings = Vec::new();
    let mut documents: Vec<CorpusEntry> = Vec::new();
    for e in entries {
        if seen.insert(e.id.clone()) {
            documents.push(e);
        } else {
            warnings.push(format!("duplicate id {:?} skipped", e.id));
        }
    }
    let first_seen: Vec<String> = {
        let mut bodies: Vec<String> = Vec::new();
        for d in &documents {
            if !bodies.contains(&d.body) {
                bodies.push(d.body.clone());
            }
        }
        bodies
    };
    crate::util::shared_sort::sort_by_key(&mut documents, |d| {
        (first_seen.iter().position(|b| *b == d.body), d.date.clone(), d.id.clone())
    });
    (CorpusIndex { schema: INDEX_SCHEMA.to_string(), documents }, warnings)
}

fn id_prefix(id: &str) -> &str {
    id.split(|c: char| c.is_ascii_digit() || c == '-').next().unwrap_or(id)
}

fn body_from_id(id: &str) -> &'static str {
    match id_prefix(id) {
        "cc" => "CPC Central Committee plenums",
        "ccdi" => "Central Commission for Discipline Inspection plenums",
        "gwr" => "Government work reports (State Council)",
        "congress" => "CPC National Congress reports",
        "cpcconst" => "CPC Constitution",
        "unga" => "Speeches: UN General Assembly",
        "sco" => "Speeches: SCO Council of Heads of State",
        "g" => "Speeches: G20 summits",
        _ => "Other documents",
    }
}

fn kind_from_id(id: &str) -> &'static str {
    match id_prefix(id) {
        "cc" | "ccdi" => "plenum communiqué",
        "gwr" => "government work report",
        "congress" => "congress report",
        "cpcconst" => "party constitution",
        "unga" | "sco" | "g" => "speech",
        _ => "document",
    }
}

/// Whether a corpus entry matches a search: `query` found in its title, id, body or date
/// (case-insensitive). An empty query matches everything.
pub fn matches_search(d: &CorpusEntry, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty() || [&d.title, &d.id, &d.body, &d.date].iter().any(|f| f.to_lowercase().contains(&q))
}

/// The picker's groups: the entries that match `query`, and the entry `keep` (the one
/// shown) whatever the query, grouped by body in the index's order.
pub fn picker_groups<'c>(index: &'c CorpusIndex, query: &str, keep: &str) -> Vec<(&'c str, Vec<&'c CorpusEntry>)> {
    let mut groups: Vec<(&str, Vec<&CorpusEntry>)> = Vec::new();
    for d in index.documents.iter().filter(|d| d.id == keep || matches_search(d, query)) {
        match groups.iter_mut().find(|(body, _)| *body == d.body) {
            Some((_, list)) => list.push(d),
            None => groups.push((&d.body, vec![d])),
        }
    }
    groups
}

/// The shortest search, in characters, that is looked for in the texts: one character
/// (一, a) stands everywhere and says nothing about a document.
pub const TEXT_SEARCH_MIN_CHARS: usize = 2;

/// How many times `query` stands in a text prepared by [`searchable_text`]: Latin letters
/// in any case, any run of white space (a line break inside an English sentence, a
/// no-break space) as one space. Zero for a query shorter than [`TEXT_SEARCH_MIN_CHARS`].
pub fn times_in_text(searchable: &str, query: &str) -> usize {
    let q = searchable_text(query.trim());
    if q.chars().count() < TEXT_SEARCH_MIN_CHARS {
        return 0;
    }
    searchable.matches(q.as_str()).count()
}

/// A text prepared for searching, as [`times_in_text`] prepares a query: lower case, and
/// each run of white space as one space.
pub fn searchable_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_counted_in_a_text_in_any_case_and_across_a_line_break() {
        let text = searchable_text("坚持新发展理念。贯彻新发展理念，构建新发展格局。\nA Community with a\nShared Future; a community\u{a0}with a shared future.");
        assert_eq!(times_in_text(&text, "新发展理念"), 2);
        assert_eq!(times_in_text(&text, " 新发展 "), 3, "the query's own spaces around it do not count");
        assert_eq!(times_in_text(&text, "community with a shared future"), 2);
        assert_eq!(times_in_text(&text, "新质生产力"), 0);
        assert_eq!(times_in_text(&text, "新"), 0, "one character is no search");
    }

    #[test]
    fn shared_manifest_format_is_read_by_column_name() {
        let tsv = "id\tlanguage\ttitle\tdate\tsource\tchars\tnotes\ncc19-4-zh\tzh\t公报\t2019-10-31\tsrc\t5883\tnote\n";
        let (rows, warnings) = parse_manifest(tsv);
        assert!(warnings.is_empty());
        let e = &rows[0].entry;
        assert_eq!((e.id.as_str(), e.title.as_str(), e.date.as_str()), ("cc19-4-zh", "公报", "2019-10-31"));
        assert_eq!(e.body, "CPC Central Committee plenums");
        assert_eq!(rows[0].source_file, "cc19-4-zh.txt");
    }

    #[test]
    fn rows_without_valid_id_are_reported() {
        let (rows, warnings) = parse_manifest("id\ttitle\n\tno id\n../etc\tbad\n");
        assert!(rows.is_empty());
        assert_eq!(warnings.len(), 2);
    }

    fn row(id: &str, body: &str, date: &str) -> CorpusEntry {
        CorpusEntry {
            id: id.into(),
            title: id.into(),
            date: date.into(),
            language: "zh".into(),
            body: body.into(),
            session: String::new(),
            kind: String::new(),
            illustrative: false,
            notes: String::new(),
            file: String::new(),
            hash: String::new(),
            chars: 0,
        }
    }

    #[test]
    fn the_picker_groups_by_body_and_keeps_the_shown_document_whatever_the_search() {
        let (index, _) = build_index(vec![row("cc19-4", "Plenums", "2019"), row("gwr2023", "Work reports", "2023")]);
        let ids = |groups: Vec<(&str, Vec<&CorpusEntry>)>| -> Vec<(String, Vec<String>)> {
            groups.into_iter().map(|(b, ds)| (b.to_string(), ds.iter().map(|d| d.id.clone()).collect())).collect()
        };
        assert_eq!(ids(picker_groups(&index, "", "")).len(), 2);
        assert_eq!(ids(picker_groups(&index, "WORK", "")), [("Work reports".to_string(), vec!["gwr2023".to_string()])]);
        assert_eq!(ids(picker_groups(&index, "2023", "cc19-4")).len(), 2, "the shown document stays listed");
        assert!(picker_groups(&index, "nothing like it", "").is_empty());
    }

    #[test]
    fn index_groups_by_body_then_date() {
        let (index, warnings) = build_index(vec![
            row("b2", "B", "2021"),
            row("a1", "A", "2020"),
            row("b1", "B", "2019"),
            row("a1", "A", "x"),
        ]);
        let ids: Vec<&str> = index.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b1", "b2", "a1"]);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(content_hash(""), "cbf29ce484222325");
        assert_ne!(content_hash("a"), content_hash("b"));
    }

    #[test]
    fn language_is_guessed_from_text() {
        let (rows, _) = parse_manifest("id\nx1\n");
        assert_eq!(describe(rows[0].entry.clone(), "全会").language, "zh");
    }
}
