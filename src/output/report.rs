//! Reports people take away: Markdown, a self-contained HTML page, and CSV of the
//! formulations table. The CLI and the page's export buttons both call these, so the
//! content is the same wherever it is made.

use crate::compare::{Comparison, Relation, Row};
use crate::diff::OpKind;
use crate::findings::formulation_changes::FormulationStatus;
use crate::findings::phrase_table::year_of;
pub use crate::output::labels::{locator, rank_change, relation_words, status_label};
use crate::text::segment::Outline;
use std::fmt::Write;

/// A document's label in reports.
#[derive(Clone, Copy, Debug)]
pub struct DocLabel<'a> {
    /// Title.
    pub title: &'a str,
    /// Date (may be empty).
    pub date: &'a str,
    /// The text.
    pub text: &'a str,
}

fn label(d: &DocLabel<'_>) -> String {
    if d.date.is_empty() {
        d.title.to_string()
    } else {
        format!("{} ({})", d.title, d.date)
    }
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// One row's text in one column: `~~deleted~~` and `**inserted**` for Markdown, or
/// `<del>`/`<ins>` for HTML.
fn redline(row: &Row, a: &str, b: &str, html: bool) -> String {
    let mut out = String::new();
    for op in &row.ops {
        match (op.kind, html) {
            (OpKind::Equal, false) => out.push_str(op.b.of(b)),
            (OpKind::Delete, false) => {
                let _ = write!(out, "~~{}~~", op.a.of(a).trim());
            }
            (OpKind::Insert, false) => {
                let _ = write!(out, "**{}**", op.b.of(b).trim());
            }
            (OpKind::Equal, true) => out.push_str(&html_escape(op.b.of(b))),
            (OpKind::Delete, true) => {
                let _ = write!(out, "<del>{}</del>", html_escape(op.a.of(a)));
            }
            (OpKind::Insert, true) => {
                let _ = write!(out, "<ins>{}</ins>", html_escape(op.b.of(b)));
            }
        }
    }
    out
}

/// Escapes text for HTML.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn summary_lines(c: &Comparison) -> Vec<String> {
    let s = &c.stats;
    vec![
        format!("Similarity: {}%", (s.similarity * 100.0).round() as u32),
        format!(
            "Sections: {} reworded, {} moved, {} split, {} merged, {} added, {} dropped, {} unchanged",
            s.reworded, s.moved, s.split, s.merged, s.added, s.dropped, s.same
        ),
        format!(
            "Formulations: {} added, {} dropped, {} reworded, {} count changed",
            s.formulations_added, s.formulations_dropped, s.formulations_reworded, s.formulations_count_changed
        ),
        format!("Priorities that moved: {}", s.priorities_moved),
        format!(
            "Changes: {} substantive, {} modifier, {} routine",
            s.changes.substantive, s.changes.modifier, s.changes.routine
        ),
    ]
}

/// The Markdown report: summary, formulations, priorities, changed sections.
pub fn markdown(c: &Comparison, a: DocLabel<'_>, b: DocLabel<'_>) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Comparison\n\n- **A**: {}\n- **B**: {}\n", label(&a), label(&b));
    md.push_str("## Summary\n\n");
    for line in summary_lines(c) {
        let _ = writeln!(md, "- {line}");
    }
    let year_b = year_of(b.date);
    md.push_str(
        "\n## Formulations\n\n| Formulation | Status | A | B | Gloss | Record |\n|---|---|---:|---:|---|---|\n",
    );
    for s in c.formulations.iter().filter(|s| s.status != FormulationStatus::Kept) {
        let text = match &s.reworded_from {
            Some(from) => format!("{} → {}", from, s.text),
            None => s.text.clone(),
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            md_escape(&text),
            status_label(s.status),
            s.count_a(),
            s.count_b(),
            md_escape(s.gloss.unwrap_or("")),
            md_escape(&s.record(year_b).unwrap_or_default())
        );
    }
    md.push_str("\n## Priorities\n\n");
    for m in c.priorities.matches.iter().filter(|m| m.items.len() >= 2) {
        md.push_str("| B | Priority | Change | A |\n|---:|---|---|---:|\n");
        for i in &m.items {
            let change = rank_change(i);
            let label = i.label_b.as_deref().or(i.label_a.as_deref()).unwrap_or("");
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} |",
                i.rank_b.map(|r| r.to_string()).unwrap_or_default(),
                md_escape(label),
                change,
                i.rank_a.map(|r| r.to_string()).unwrap_or_default()
            );
        }
        md.push('\n');
    }
    md.push_str("## Changed sections\n\n");
    for row in c.rows.iter().filter(|r| r.is_change()) {
        let _ = writeln!(
            md,
            "### {} (A {} · B {})\n\n{}\n",
            relation_words(row),
            locator(&c.outline_a, &row.a),
            locator(&c.outline_b, &row.b),
            match row.relation {
                Relation::Dropped => format!("~~{}~~", redline(row, a.text, b.text, false).trim_matches('~')),
                _ => redline(row, a.text, b.text, false),
            }
        );
    }
    md
}

const REPORT_CSS: &str =
    "body{font:16px/1.6 Georgia,'Noto Serif CJK SC',serif;max-width:60em;margin:2em auto;padding:0 1em;color:#1d1d1f}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}\
ins{background:#d7ecff;text-decoration:underline}del{background:#fde2d2;text-decoration:line-through}\
h3{font-size:1rem;text-transform:uppercase;letter-spacing:.04em;color:#555;margin-top:2em}\
@media print{h3{break-after:avoid}section{break-inside:avoid}}";

/// The self-contained HTML report (styles inlined, no external resource).
pub fn html(c: &Comparison, a: DocLabel<'_>, b: DocLabel<'_>) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Comparison: {} / {}</title><style>{REPORT_CSS}</style></head><body>",
        html_escape(a.title),
        html_escape(b.title)
    );
    let _ = write!(
        h,
        "<h1>Comparison</h1><p><strong>A</strong>: {}<br><strong>B</strong>: {}</p><h2>Summary</h2><ul>",
        html_escape(&label(&a)),
        html_escape(&label(&b))
    );
    for line in summary_lines(c) {
        let _ = write!(h, "<li>{}</li>", html_escape(&line));
    }
    let year_b = year_of(b.date);
    h.push_str("</ul><h2>Formulations</h2><table><tr><th>Formulation</th><th>Status</th><th>A</th><th>B</th><th>Gloss</th><th>Record</th></tr>");
    for s in c.formulations.iter().filter(|s| s.status != FormulationStatus::Kept) {
        let text = match &s.reworded_from {
            Some(from) => format!("<del>{}</del> → {}", html_escape(from), html_escape(&s.text)),
            None => html_escape(&s.text),
        };
        let _ = write!(
            h,
            "<tr><td>{text}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            status_label(s.status),
            s.count_a(),
            s.count_b(),
            html_escape(s.gloss.unwrap_or("")),
            html_escape(&s.record(year_b).unwrap_or_default())
        );
    }
    h.push_str("</table><h2>Changed sections</h2>");
    for row in c.rows.iter().filter(|r| r.is_change()) {
        let _ = write!(
            h,
            "<section><h3>{} (A {} · B {})</h3><p>{}</p></section>",
            relation_words(row),
            locator(&c.outline_a, &row.a),
            locator(&c.outline_b, &row.b),
            redline(row, a.text, b.text, true)
        );
    }
    h.push_str("</body></html>\n");
    h
}

/// A CSV field, quoted when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The formulations table as CSV (RFC 4180), every formulation including kept ones, with
/// its record ("last seen" measured against the year of `date_b`, document B's date, when
/// it has one), as [`markdown`] and [`html`] read it from B's label.
pub fn formulations_csv(c: &Comparison, date_b: &str) -> String {
    let year_b = year_of(date_b);
    let mut out = String::from("formulation,status,reworded_from,count_a,count_b,kind,category,gloss,record\r\n");
    for s in &c.formulations {
        let kind = match s.kind {
            crate::findings::formulations::FormulationKind::Lexicon => "lexicon",
            crate::findings::formulations::FormulationKind::Numbered => "numbered",
            crate::findings::formulations::FormulationKind::Quoted => "quoted",
            crate::findings::formulations::FormulationKind::Title => "title",
            crate::findings::formulations::FormulationKind::Learned => "learned",
            crate::findings::formulations::FormulationKind::Series => "series",
            crate::findings::formulations::FormulationKind::Recurring => "recurring",
        };
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},{}\r\n",
            csv_field(&s.text),
            status_label(s.status),
            csv_field(s.reworded_from.as_deref().unwrap_or("")),
            s.count_a(),
            s.count_b(),
            kind,
            s.category.unwrap_or(""),
            csv_field(s.gloss.unwrap_or("")),
            csv_field(&s.record(year_b).unwrap_or_default())
        );
    }
    out
}

/// A quotation of one row, ready to paste into an article: both versions with document
/// titles, dates and section numbers.
pub fn quote(c: &Comparison, row: usize, a: DocLabel<'_>, b: DocLabel<'_>) -> String {
    let Some(r) = c.rows.get(row) else { return String::new() };
    let side = |outline: &Outline, ids: &[usize], d: &DocLabel<'_>| -> Option<String> {
        let (first, last) = (ids.first()?, ids.last()?);
        let text = d.text[outline.get(*first).body.start..outline.get(*last).body.end].trim();
        Some(format!("“{}” ({}, {})", text, label(d), locator(outline, ids)))
    };
    match (side(&c.outline_a, &r.a, &a), side(&c.outline_b, &r.b, &b)) {
        (Some(qa), Some(qb)) => format!("{qa}\nbecame\n{qb}"),
        (Some(qa), None) => format!("Dropped: {qa}"),
        (None, Some(qb)) => format!("Added: {qb}"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::diff::Granularity;

    const A: &str = "公报\n坚持“两个维护”，实施稳健的货币政策。\n";
    const B: &str = "公报\n坚持“两个维护”，深刻领悟“两个确立”，实施适度宽松的货币政策。\n";

    fn labels() -> (DocLabel<'static>, DocLabel<'static>) {
        (
            DocLabel { title: "2024", date: "2024-03-05", text: A },
            DocLabel { title: "2025", date: "2025-03-05", text: B },
        )
    }

    #[test]
    fn markdown_has_summary_tables_and_redline() {
        let (a, b) = labels();
        let md = markdown(&compare(A, B, Granularity::default()), a, b);
        assert!(md.contains("- **A**: 2024 (2024-03-05)"));
        assert!(md.contains("| 两个确立 | added | 0 | 1 |"));
        assert!(md.contains("稳健的货币政策 → 适度宽松的货币政策 | reworded"));
        assert!(md.contains("~~实施稳健~~**深刻领悟“两个确立”，实施适度宽松**"), "{md}");
    }

    #[test]
    fn html_is_self_contained_and_escaped() {
        let (a, b) = labels();
        let h = html(&compare(A, B, Granularity::default()), a, b);
        assert!(h.starts_with("<!doctype html>") && h.contains("<style>"));
        assert!(!h.contains("<script") && !h.contains("http"));
        assert!(h.contains("<ins>"));
        assert_eq!(html_escape("<b>&\""), "&lt;b&gt;&amp;&quot;");
    }

    #[test]
    fn csv_quotes_fields_with_commas() {
        let csv = formulations_csv(&compare(A, B, Granularity::default()), "");
        assert!(csv.starts_with("formulation,status,"));
        assert!(csv.contains("两个确立,added,,0,1,"));
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    }

    #[test]
    fn quote_names_both_versions() {
        let (a, b) = labels();
        let c = compare(A, B, Granularity::default());
        let row = c.rows.iter().position(|r| r.relation == Relation::Reworded).unwrap();
        let q = quote(&c, row, a, b);
        assert!(q.starts_with("“坚持“两个维护”，实施稳健的货币政策。” (2024 (2024-03-05), ¶2)"));
        assert!(q.ends_with("(2025 (2025-03-05), ¶2)"));
    }
}
