//! The timeline's charts as standalone SVG: a heat map of formulation counts, a bump chart
//! of priority ranks, and section-lineage strips.
//!
//! Drawn as strings in Rust so the page shows exactly what a download saves. Colours come
//! from classes defined in each SVG's own style sheet, with a dark variant under
//! `prefers-color-scheme`, so the charts read in both themes on screen and out of the app.
//! Marks the user can open carry `data-doc` (document index) and `data-at` (byte offset) or
//! `data-key`; the page turns a click on them into the pairwise comparison.

use super::slogan_tracks::SloganTrack;
use super::Timeline;
use crate::report::html_escape as esc;
use std::fmt::Write;

/// Classes shared by every chart, light then dark.
const STYLE: &str = "<style>\
.tl-bg{fill:#ffffff}.tl-fg{fill:#1d1d1f}.tl-muted{fill:#5f6368}.tl-grid{stroke:#dcd8cf;fill:none}\
.tl-h0{fill:#f3f1ec}.tl-h1{fill:#cfe0f3}.tl-h2{fill:#97bde6}.tl-h3{fill:#4f8fd1}.tl-h4{fill:#1f5fa8}\
.tl-t-dark{fill:#1d1d1f}.tl-t-light{fill:#ffffff}.tl-new{fill:#1c6fbf}.tl-gone{fill:#b34a00}\
.tl-line{fill:none;stroke-width:2.5;stroke-linecap:round;stroke-linejoin:round}\
.tl-spark{fill:none;stroke:#1f5fa8;stroke-width:1.5}\
text{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;font-size:12px}\
[data-doc]{cursor:pointer}\
@media (prefers-color-scheme:dark){.tl-bg{fill:#1f2024}.tl-fg{fill:#e8e6e1}.tl-muted{fill:#a4a7ad}\
.tl-grid{stroke:#3a3c42}.tl-h0{fill:#2a2b30}.tl-h1{fill:#1d3a5c}.tl-h2{fill:#2b5d94}.tl-h3{fill:#4d8fd6}\
.tl-h4{fill:#9cc8ff}.tl-t-dark{fill:#e8e6e1}.tl-t-light{fill:#0b1a2b}.tl-new{fill:#6cb4ff}.tl-gone{fill:#ff9d5c}\
.tl-spark{stroke:#9cc8ff}}\
</style>";

/// Line colours for the bump chart (distinct in both themes).
const PALETTE: [&str; 10] =
    ["#1f77b4", "#d95f02", "#2ca02c", "#9467bd", "#c2185b", "#8c6d31", "#17becf", "#7f7f7f", "#bcbd22", "#e7298a"];

/// The shade class of a count: 0, 1, 2–3, 4–7, 8 and more.
pub fn shade(count: usize) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=7 => 3,
        _ => 4,
    }
}

fn open(width: f32, height: f32, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" \
         height=\"{height}\" role=\"img\" aria-label=\"{}\">{STYLE}<rect class=\"tl-bg\" width=\"100%\" height=\"100%\"/>",
        esc(title)
    )
}

/// Characters of a label kept before an ellipsis.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        format!("{}…", s.chars().take(max - 1).collect::<String>())
    } else {
        s.to_string()
    }
}

/// A column head: the date's year and month, or the short label.
pub fn column_head(t: &Timeline, i: usize) -> String {
    let d = &t.documents[i];
    if d.date.len() >= 7 {
        d.date[..7].to_string()
    } else {
        clip(&d.label, 10)
    }
}

/// A sparkline of counts (`width`×`height`), as a standalone SVG.
pub fn sparkline(counts: &[usize], width: f32, height: f32) -> String {
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-hidden=\"true\">"
    );
    s.push_str(&spark_path(counts, 0.0, 0.0, width, height));
    s.push_str("</svg>");
    s
}

fn spark_path(counts: &[usize], x0: f32, y0: f32, width: f32, height: f32) -> String {
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
    let step = if counts.len() > 1 { width / (counts.len() - 1) as f32 } else { 0.0 };
    let points: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            format!("{:.1},{:.1}", x0 + i as f32 * step, y0 + height - 1.0 - (c as f32 / max) * (height - 2.0))
        })
        .collect();
    format!("<polyline class=\"tl-spark\" stroke=\"currentColor\" points=\"{}\"/>", points.join(" "))
}

/// The heat map of the formulation rows `rows` (indexes into `t.slogans`, in display order).
pub fn heat_map(t: &Timeline, rows: &[usize]) -> String {
    const LABEL_W: f32 = 230.0;
    const CELL_W: f32 = 52.0;
    const CELL_H: f32 = 22.0;
    const HEAD_H: f32 = 34.0;
    const SPARK_W: f32 = 70.0;
    const MARK_W: f32 = 90.0;
    let n = t.documents.len();
    let width = LABEL_W + CELL_W * n as f32 + SPARK_W + MARK_W + 10.0;
    let height = HEAD_H + CELL_H * rows.len() as f32 + 30.0;
    let mut s = open(width, height, "Formulations across the series: counts per document");
    for i in 0..n {
        let x = LABEL_W + CELL_W * i as f32 + CELL_W / 2.0;
        let _ = write!(
            s,
            "<text class=\"tl-fg\" x=\"{x}\" y=\"20\" text-anchor=\"middle\"><title>{}</title>{}</text>",
            esc(&format!("{} {}", t.documents[i].date, t.documents[i].title)),
            esc(&column_head(t, i))
        );
    }
    for (r, &k) in rows.iter().enumerate() {
        let track: &SloganTrack = &t.slogans[k];
        let y = HEAD_H + CELL_H * r as f32;
        let _ = write!(
            s,
            "<text class=\"tl-fg\" x=\"6\" y=\"{}\"><title>{}</title>{}</text>",
            y + 15.0,
            esc(&track.forms.join(" → ")),
            esc(&clip(&track.text, 18))
        );
        for (i, &count) in track.counts.iter().enumerate() {
            let x = LABEL_W + CELL_W * i as f32;
            let h = shade(count);
            let key = track.keys[i].as_deref().or_else(|| track.keys.iter().flatten().next().map(String::as_str));
            let _ = write!(
                s,
                "<g data-doc=\"{i}\" data-key=\"{}\"><rect class=\"tl-h{h}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"><title>{}: {count} in {}</title></rect>",
                esc(key.unwrap_or("")),
                x + 1.0,
                y + 1.0,
                CELL_W - 2.0,
                CELL_H - 2.0,
                esc(&track.text),
                esc(&column_head(t, i))
            );
            if count > 0 {
                let class = if h >= 3 { "tl-t-light" } else { "tl-t-dark" };
                let _ = write!(
                    s,
                    "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{count}</text>",
                    x + CELL_W / 2.0,
                    y + 15.0
                );
            }
            s.push_str("</g>");
        }
        let spark_x = LABEL_W + CELL_W * n as f32 + 8.0;
        s.push_str(&spark_path(&track.counts, spark_x, y + 3.0, SPARK_W - 14.0, CELL_H - 6.0));
        let mark = marks(track);
        if !mark.is_empty() {
            let class = if track.vanishes { "tl-gone" } else { "tl-new" };
            let _ = write!(s, "<text class=\"{class}\" x=\"{}\" y=\"{}\">{}</text>", spark_x + SPARK_W, y + 15.0, mark);
        }
    }
    let _ = write!(
        s,
        "<text class=\"tl-muted\" x=\"6\" y=\"{}\">Shades: 1, 2–3, 4–7, 8+ occurrences. new: absent from the first document; gone: absent from the last.</text>",
        height - 10.0
    );
    s.push_str("</svg>");
    s
}

/// `new`, `gone`, `new, gone` or `returns` for a row (empty for one present throughout).
pub fn marks(track: &SloganTrack) -> String {
    let mut m = Vec::new();
    if track.appears {
        m.push("new");
    }
    if track.vanishes {
        m.push("gone");
    }
    if track.intermittent {
        m.push("returns");
    }
    m.join(", ")
}

/// The bump chart of priority chain `chain`: rank per document, one line per priority.
pub fn bump_chart(t: &Timeline, chain: usize) -> String {
    const LEFT: f32 = 40.0;
    const COL_W: f32 = 120.0;
    const ROW_H: f32 = 28.0;
    const TOP: f32 = 40.0;
    const LABEL_W: f32 = 300.0;
    let Some(c) = t.priorities.get(chain) else {
        return open(300.0, 40.0, "No priority lists") + "</svg>";
    };
    let n = t.documents.len();
    let max_rank = c.tracks.iter().flat_map(|t| t.ranks.iter().flatten()).copied().max().unwrap_or(1);
    let width = LEFT + COL_W * (n.max(2) - 1) as f32 + LABEL_W;
    let height = TOP + ROW_H * max_rank as f32 + 40.0;
    let mut s = open(width, height, "Priority ranks across the series");
    let x_of = |i: usize| LEFT + COL_W * i as f32;
    let y_of = |rank: usize| TOP + ROW_H * (rank as f32 - 0.5);
    for i in 0..n {
        let _ = write!(
            s,
            "<line class=\"tl-grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/><text class=\"tl-fg\" x=\"{0}\" y=\"22\" text-anchor=\"middle\"><title>{3}</title>{4}</text>",
            x_of(i),
            TOP - 8.0,
            height - 34.0,
            esc(&format!("{} {}", t.documents[i].date, t.documents[i].title)),
            esc(&column_head(t, i))
        );
    }
    for rank in 1..=max_rank {
        let _ = write!(
            s,
            "<text class=\"tl-muted\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{rank}</text>",
            LEFT - 16.0,
            y_of(rank) + 4.0
        );
    }
    for (k, track) in c.tracks.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        let points: Vec<(usize, usize)> =
            track.ranks.iter().enumerate().filter_map(|(i, r)| r.map(|r| (i, r))).collect();
        // A line only joins neighbours: a gap in the chain would be a false claim.
        for w in points.windows(2).filter(|w| w[1].0 == w[0].0 + 1) {
            let _ = write!(
                s,
                "<line class=\"tl-line\" style=\"stroke:{colour}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                x_of(w[0].0),
                y_of(w[0].1),
                x_of(w[1].0),
                y_of(w[1].1)
            );
        }
        for (j, &(i, rank)) in points.iter().enumerate() {
            let is_new = j == 0 && track.new;
            let at = track.at[i].unwrap_or(0);
            let label = track.labels[i].as_deref().unwrap_or("");
            let _ = write!(
                s,
                "<g data-doc=\"{i}\" data-at=\"{at}\" tabindex=\"0\" role=\"button\" aria-label=\"{}\"><title>{}</title><circle cx=\"{}\" cy=\"{}\" r=\"7\" style=\"fill:{}\" stroke=\"{colour}\" stroke-width=\"2.5\"/></g>",
                esc(&format!("Rank {rank} in {}: {label}", column_head(t, i))),
                esc(&format!("#{rank} {label}{}", if is_new { " (new)" } else { "" })),
                x_of(i),
                y_of(rank),
                if is_new { "#ffffff" } else { colour },
            );
        }
        if let Some(&(i, rank)) = points.last() {
            let text = if track.dropped {
                format!("✕ {}", clip(track.labels[i].as_deref().unwrap_or(""), 20))
            } else {
                clip(&track.label, 22)
            };
            let class = if track.dropped { "tl-gone" } else { "tl-fg" };
            // Dropped tracks are labelled where they end, the others after the last column.
            let x = if track.dropped { x_of(i) + 12.0 } else { x_of(n - 1) + 14.0 };
            if !track.dropped || i + 1 < n {
                let _ = write!(s, "<text class=\"{class}\" x=\"{x}\" y=\"{}\">{}</text>", y_of(rank) + 4.0, esc(&text));
            }
        }
    }
    let _ = write!(
        s,
        "<text class=\"tl-muted\" x=\"6\" y=\"{}\">Rank 1 on top. Hollow circle: new priority. ✕: dropped after this document.</text>",
        height - 10.0
    );
    s.push_str("</svg>");
    s
}

/// The lineage strips: one row per section of the latest document, one cell per document.
pub fn lineage_strips(t: &Timeline) -> String {
    const LABEL_W: f32 = 300.0;
    const CELL_W: f32 = 46.0;
    const CELL_H: f32 = 18.0;
    const HEAD_H: f32 = 30.0;
    let n = t.documents.len();
    let width = LABEL_W + CELL_W * n as f32 + 10.0;
    let height = HEAD_H + CELL_H * t.lineages.len() as f32 + 30.0;
    let mut s = open(width, height, "Where each section of the latest document comes from");
    for i in 0..n {
        let _ = write!(
            s,
            "<text class=\"tl-fg\" x=\"{}\" y=\"20\" text-anchor=\"middle\">{}</text>",
            LABEL_W + CELL_W * i as f32 + CELL_W / 2.0,
            esc(&column_head(t, i))
        );
    }
    for (r, l) in t.lineages.iter().enumerate() {
        let y = HEAD_H + CELL_H * r as f32;
        let _ = write!(
            s,
            "<text class=\"tl-fg\" x=\"6\" y=\"{}\"><tspan class=\"tl-muted\">{}</tspan> {}</text>",
            y + 13.0,
            esc(&l.locator),
            esc(&clip(&l.label, 20))
        );
        for i in l.since..n {
            let x = LABEL_W + CELL_W * i as f32;
            let (class, what) = match l.links[i] {
                None => ("tl-new", "first appears".to_string()),
                Some(link) => (lineage_class(link.similarity), lineage_words(link.similarity, link.moved)),
            };
            let _ = write!(
                s,
                "<rect data-doc=\"{i}\" data-at=\"{}\" class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"><title>{}: {what}</title></rect>",
                l.at[i].unwrap_or(0),
                x + 1.0,
                y + 1.0,
                CELL_W - 2.0,
                CELL_H - 2.0,
                esc(&column_head(t, i))
            );
        }
    }
    let _ = write!(
        s,
        "<text class=\"tl-muted\" x=\"6\" y=\"{}\">Blue: first appears. Darker: closer to the document before (unchanged is darkest).</text>",
        height - 10.0
    );
    s.push_str("</svg>");
    s
}

/// The shade class of a lineage link.
pub fn lineage_class(similarity: f32) -> &'static str {
    match similarity {
        s if s >= 0.999 => "tl-h4",
        s if s >= 0.7 => "tl-h3",
        s if s >= 0.4 => "tl-h2",
        _ => "tl-h1",
    }
}

/// A lineage link in words.
pub fn lineage_words(similarity: f32, moved: bool) -> String {
    let base = if similarity >= 0.999 {
        "unchanged".to_string()
    } else {
        format!("{}% alike", (similarity * 100.0).round() as u32)
    };
    if moved {
        format!("{base}, moved")
    } else {
        base
    }
}
