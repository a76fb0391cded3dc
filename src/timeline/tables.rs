//! The timeline's tables as CSV and Markdown: the data under each chart, for spreadsheets
//! and notes. The CLI's `tifa timeline --format csv|md` prints these; the page's downloads
//! are the same text.

use super::charts::{column_head, lineage_words, marks};
use super::formulation_tracks::{select, FormulationOrder};
use super::Timeline;
use crate::output::report::csv_field;
use std::fmt::Write;

fn cells(values: impl Iterator<Item = String>) -> String {
    values.map(|v| csv_field(&v)).collect::<Vec<_>>().join(",")
}

fn heads(t: &Timeline) -> impl Iterator<Item = String> + '_ {
    t.documents.iter().map(|d| if d.date.is_empty() { d.label.clone() } else { format!("{} {}", d.date, d.label) })
}

/// The formulation rows `rows` (indexes into `t.formulations`) as CSV: forms, kind, a count per
/// document, first and last document, total, changes, marks, record.
pub fn formulations_csv(t: &Timeline, rows: &[usize]) -> String {
    let mut out = cells(
        ["formulation", "forms", "kind", "category", "gloss"]
            .into_iter()
            .map(String::from)
            .chain(heads(t))
            .chain(["first", "last", "total", "changes", "marks", "record"].into_iter().map(String::from)),
    );
    out.push_str("\r\n");
    for &k in rows {
        let s = &t.formulations[k];
        let fixed = [
            s.text.clone(),
            s.forms.join(" | "),
            format!("{:?}", s.kind).to_lowercase(),
            s.category.unwrap_or("").to_string(),
            s.gloss.unwrap_or("").to_string(),
        ];
        let tail = [
            t.documents[s.first].label.clone(),
            t.documents[s.last].label.clone(),
            s.total.to_string(),
            s.changes.to_string(),
            marks(s),
            s.record(&t.documents).unwrap_or_default(),
        ];
        out.push_str(&cells(fixed.into_iter().chain(s.counts.iter().map(usize::to_string)).chain(tail)));
        out.push_str("\r\n");
    }
    out
}

/// Every priority chain as CSV: chain number, the latest label, a rank per document, marks.
pub fn priorities_csv(t: &Timeline) -> String {
    let mut out =
        cells(["chain", "priority"].into_iter().map(String::from).chain(heads(t)).chain(["marks".to_string()]));
    out.push_str("\r\n");
    for (c, chain) in t.priorities.iter().enumerate() {
        for track in &chain.tracks {
            let ranks = track.ranks.iter().map(|r| r.map_or(String::new(), |r| r.to_string()));
            let marks = [track.new.then_some("new"), track.dropped.then_some("dropped")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&cells([(c + 1).to_string(), track.label.clone()].into_iter().chain(ranks).chain([marks])));
            out.push_str("\r\n");
        }
    }
    out
}

/// The section lineage as CSV: locator, opening words, first document, and per document
/// after the first the similarity to the one before in percent (`new` where it appears,
/// empty before).
pub fn lineage_csv(t: &Timeline) -> String {
    let mut out = cells(["section", "opening", "since"].into_iter().map(String::from).chain(heads(t)));
    out.push_str("\r\n");
    for l in &t.lineages {
        let links = l.links.iter().enumerate().map(|(i, link)| match link {
            Some(link) => format!("{}%", (link.similarity * 100.0).round() as u32),
            None if i == l.since => "new".to_string(),
            None => String::new(),
        });
        out.push_str(&cells(
            [l.locator.clone(), l.label.clone(), t.documents[l.since].label.clone()].into_iter().chain(links),
        ));
        out.push_str("\r\n");
    }
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The whole timeline as Markdown: documents, headline formulations (first appearance
/// order), priority chains and the sections new in the series.
pub fn markdown(t: &Timeline) -> String {
    let mut s = String::from("# Timeline\n\n");
    for (i, d) in t.documents.iter().enumerate() {
        let _ = writeln!(s, "{}. {} — {} ({})", i + 1, md_cell(&d.date), md_cell(&d.title), md_cell(&d.label));
    }
    let head: Vec<String> = (0..t.documents.len()).map(|i| column_head(t, i)).collect();
    let _ = write!(
        s,
        "\n## Formulations\n\n| Formulation | {} | Marks | Record |\n|---|{}---|---|\n",
        head.join(" | "),
        "---|".repeat(head.len())
    );
    for k in select(&t.formulations, "", false, FormulationOrder::FirstAppearance) {
        let row = &t.formulations[k];
        let counts: Vec<String> = row.counts.iter().map(|c| if *c == 0 { "·".into() } else { c.to_string() }).collect();
        let record = row.record(&t.documents).unwrap_or_default();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            md_cell(&row.forms.join(" → ")),
            counts.join(" | "),
            marks(row),
            md_cell(&record)
        );
    }
    for (c, chain) in t.priorities.iter().enumerate().filter(|(_, c)| c.span.1 > c.span.0) {
        let _ = write!(
            s,
            "\n## Priorities, list {}\n\n| Priority | {} |\n|---|{}\n",
            c + 1,
            head.join(" | "),
            "---|".repeat(head.len())
        );
        for track in &chain.tracks {
            let ranks: Vec<String> = track.ranks.iter().map(|r| r.map_or("·".into(), |r| r.to_string())).collect();
            let mark = match (track.new, track.dropped) {
                (true, true) => " (new, dropped)",
                (true, false) => " (new)",
                (false, true) => " (dropped)",
                _ => "",
            };
            let _ = writeln!(s, "| {}{mark} | {} |", md_cell(&track.label), ranks.join(" | "));
        }
    }
    let _ = write!(s, "\n## Sections of the latest document\n\n| Section | Since | Last change |\n|---|---|---|\n");
    for l in &t.lineages {
        let last = match l.links.last().copied().flatten() {
            Some(link) => lineage_words(link.similarity, link.moved),
            None => "new".to_string(),
        };
        let _ = writeln!(
            s,
            "| {} {} | {} | {} |",
            md_cell(&l.locator),
            md_cell(&l.label),
            md_cell(&column_head(t, l.since)),
            last
        );
    }
    s
}
