//! The timeline's charts as standalone SVG: a heat map of formulation counts, a bump chart
//! of priority ranks, and section-lineage strips.
//!
//! Drawn as strings in Rust so the page shows exactly what a download saves. Colours come
//! from classes defined in each SVG's own style sheet, with a dark variant under
//! `prefers-color-scheme`, so the charts read in both themes on screen and out of the app.
//! Marks the user can open carry `data-doc` (document index) and `data-at` (byte offset) or
//! `data-key`; the page turns a click on them into the pairwise comparison.

use super::formulation_tracks::FormulationTrack;
use super::Timeline;
use crate::output::report::html_escape as esc;
use std::fmt::Write;

/// Classes shared by every chart, light then dark.
const STYLE: &str = "<style>\
.tl-bg{fill:#ffffff}.tl-fg{fill:#1d1d1f}.tl-muted{fill:#5f6368}.tl-grid{stroke:#dcd8cf;fill:none}\
.tl-h0{fill:#f3f1ec}.tl-h1{fill:#cfe0f3}.tl-h2{fill:#97bde6}.tl-h3{fill:#4f8fd1}.tl-h4{fill:#1f5fa8}\
.tl-t-dark{fill:#1d1d1f}.tl-t-light{fill:#ffffff}.tl-origin{fill:#2e9d5b}.tl-new{fill:#1c6fbf}.tl-gone{fill:#b34a00}\
.tl-line{fill:none;stroke-width:2.5;stroke-linecap:round;stroke-linejoin:round}\
.tl-spark{fill:none;stroke:#1f5fa8;stroke-width:1.5}\
text{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;font-size:12px}\
[data-doc]{cursor:pointer}\
@media (prefers-color-scheme:dark){.tl-bg{fill:#1f2024}.tl-fg{fill:#e8e6e1}.tl-muted{fill:#a4a7ad}\
.tl-grid{stroke:#3a3c42}.tl-h0{fill:#2a2b30}.tl-h1{fill:#1d3a5c}.tl-h2{fill:#2b5d94}.tl-h3{fill:#4d8fd6}\
.tl-h4{fill:#9cc8ff}.tl-origin{fill:#5cc98a}.tl-t-dark{fill:#e8e6e1}.tl-t-light{fill:#0b1a2b}.tl-new{fill:#6cb4ff}.tl-gone{fill:#ff9d5c}\
.tl-spark{stroke:#9cc8ff}}\
</style>";

/// The chart without its style sheet, for a page that styles the `tl-` classes itself
/// (a Content-Security-Policy without `unsafe-inline` blocks a `<style>` inside the page).
pub fn without_style(svg: &str) -> String {
    svg.replacen(STYLE, "", 1)
}

/// Line colours for the bump chart (distinct in both themes).
const PALETTE: [&str; 10] =
    ["#1f77b4", "#d95f02", "#2ca02c", "#9467bd", "#c2185b", "#8c6d31", "#17becf", "#393b79", "#bcbd22", "#e7298a"];

/// The grey of a priority that stands in one document only (no palette colour is grey).
const ONE_DOCUMENT: &str = "#9a9a9a";

/// A colour for each priority followed across documents (None: it stands in one document
/// only). Two priorities on the chart at the same time, or one ending where the other
/// begins, get different colours while the palette lasts: a colour used again means a
/// line that is not on the chart any more, so two lines of one colour are never confused.
fn track_colours(spans: &[Option<(usize, usize)>]) -> Vec<Option<&'static str>> {
    let mut used: [Vec<(usize, usize)>; PALETTE.len()] = Default::default();
    let mut next = 0;
    spans
        .iter()
        .map(|span| {
            let (start, end) = (*span)?;
            let free = |k: &usize| used[*k].iter().all(|&(s, e)| e + 1 < start || end + 1 < s);
            let k = (0..PALETTE.len()).map(|j| (next + j) % PALETTE.len()).find(free).unwrap_or(next % PALETTE.len());
            used[k].push((start, end));
            next = k + 1;
            Some(PALETTE[k])
        })
        .collect()
}

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

fn open(width: i32, height: i32, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" \
         height=\"{height}\" role=\"group\" aria-label=\"{}\">{STYLE}<rect class=\"tl-bg\" width=\"100%\" height=\"100%\"/>",
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

/// The points of a sparkline of `counts` in a `width`×`height` box at (x0, y0), as the
/// `points` attribute of a polyline.
pub fn spark_points(counts: &[usize], x0: i32, y0: i32, width: i32, height: i32) -> String {
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as i32;
    let steps = counts.len().saturating_sub(1).max(1) as i32;
    let points: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            // Integer coordinates: float formatting would add its tables to the wasm.
            let x = x0 + i as i32 * width / steps;
            let y = y0 + height - 1 - (c as i32 * (height - 2)) / max;
            format!("{x},{y}")
        })
        .collect();
    points.join(" ")
}

fn spark_path(counts: &[usize], x0: i32, y0: i32, width: i32, height: i32) -> String {
    format!(
        "<polyline class=\"tl-spark\" stroke=\"currentColor\" points=\"{}\"/>",
        spark_points(counts, x0, y0, width, height)
    )
}

/// The heat map of the formulation rows `rows` (indexes into `t.formulations`, in display order).
pub fn heat_map(t: &Timeline, rows: &[usize]) -> String {
    const LABEL_W: i32 = 230;
    const CELL_W: i32 = 52;
    const CELL_H: i32 = 22;
    const HEAD_H: i32 = 34;
    const SPARK_W: i32 = 70;
    const MARK_W: i32 = 90;
    let n = t.documents.len();
    let width = LABEL_W + CELL_W * n as i32 + SPARK_W + MARK_W + 10;
    let height = HEAD_H + CELL_H * rows.len() as i32 + 30;
    let mut s = open(width, height, "Formulations across the series: counts per document");
    for i in 0..n {
        let x = LABEL_W + CELL_W * i as i32 + CELL_W / 2;
        let _ = write!(
            s,
            "<text class=\"tl-fg\" x=\"{x}\" y=\"20\" text-anchor=\"middle\"><title>{}</title>{}</text>",
            esc(&format!("{} {}", t.documents[i].date, t.documents[i].title)),
            esc(&column_head(t, i))
        );
    }
    for (r, &k) in rows.iter().enumerate() {
        let track: &FormulationTrack = &t.formulations[k];
        let y = HEAD_H + CELL_H * r as i32;
        let _ = write!(
            s,
            "<text class=\"tl-fg\" x=\"6\" y=\"{}\"><title>{}</title>{}</text>",
            y + 15,
            esc(&track.forms.join(" → ")),
            esc(&clip(&track.text, 18))
        );
        for (i, &count) in track.counts.iter().enumerate() {
            let x = LABEL_W + CELL_W * i as i32;
            let h = shade(count);
            let key = track.keys[i].as_deref().or_else(|| track.keys.iter().flatten().next().map(String::as_str));
            let _ = write!(
                s,
                "<g data-doc=\"{i}\" data-key=\"{}\"><rect class=\"tl-h{h}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"><title>{}: {count} in {}</title></rect>",
                esc(key.unwrap_or("")),
                x + 1,
                y + 1,
                CELL_W - 2,
                CELL_H - 2,
                esc(&track.text),
                esc(&column_head(t, i))
            );
            if count > 0 {
                let class = if h >= 3 { "tl-t-light" } else { "tl-t-dark" };
                let _ = write!(
                    s,
                    "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{count}</text>",
                    x + CELL_W / 2,
                    y + 15
                );
            }
            s.push_str("</g>");
        }
        let spark_x = LABEL_W + CELL_W * n as i32 + 8;
        s.push_str(&spark_path(&track.counts, spark_x, y + 3, SPARK_W - 14, CELL_H - 6));
        let mark = marks(track);
        if !mark.is_empty() {
            let class = if track.vanishes { "tl-gone" } else { "tl-new" };
            let _ = write!(s, "<text class=\"{class}\" x=\"{}\" y=\"{}\">{}</text>", spark_x + SPARK_W, y + 15, mark);
        }
    }
    let _ = write!(
        s,
        "<text class=\"tl-muted\" x=\"6\" y=\"{}\">Shades: 1, 2–3, 4–7, 8+ occurrences. new: absent from the first document; gone: absent from the last.</text>",
        height - 10
    );
    s.push_str("</svg>");
    s
}

/// `new`, `gone`, `new, gone` or `returns` for a row (empty for one present throughout).
pub fn marks(track: &FormulationTrack) -> String {
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

/// The bump chart of priority chain `chain`: rank per document over the documents the
/// list stands in, one line per priority. The first document's labels stand on the left,
/// the last one's on the right; a priority dropped on the way ends in a cross. Below the
/// chart a key names every line by its colour, with the documents it runs through, so that
/// a line that starts or ends between the first and the last document is named too.
pub fn bump_chart(t: &Timeline, chain: usize) -> String {
    const RANK_W: i32 = 30;
    const LABEL_W: i32 = 240;
    const COL_W: i32 = 120;
    const ROW_H: i32 = 28;
    const TOP: i32 = 40;
    const LABEL_CHARS: usize = 18;
    const KEY_H: i32 = 20;
    let Some(c) = t.priorities.get(chain) else {
        return open(300, 40, "No priority lists") + "</svg>";
    };
    let (first, last) = c.span;
    let max_rank = c.tracks.iter().flat_map(|t| t.ranks.iter().flatten()).copied().max().unwrap_or(1);
    let points: Vec<Vec<(usize, usize)>> = c
        .tracks
        .iter()
        .map(|track| track.ranks.iter().enumerate().filter_map(|(i, r)| r.map(|r| (i, r))).collect())
        .collect();
    // Colour goes to priorities followed across documents; the others stay grey.
    let spans: Vec<Option<(usize, usize)>> =
        points.iter().map(|p| (p.len() > 1).then(|| (p[0].0, p[p.len() - 1].0))).collect();
    let colours = track_colours(&spans);
    let left = RANK_W + LABEL_W;
    let width = left + COL_W * (last - first) as i32 + LABEL_W;
    let key_columns: usize = if width >= 900 { 2 } else { 1 };
    let keyed = colours.iter().flatten().count();
    let chart_h = TOP + ROW_H * max_rank as i32 + 40;
    let height = chart_h + KEY_H * keyed.div_ceil(key_columns) as i32 + if keyed > 0 { 12 } else { 0 };
    let mut s = open(width, height, "Priority ranks across the series");
    let x_of = |i: usize| left + COL_W * (i - first) as i32;
    let y_of = |rank: usize| TOP + ROW_H * rank as i32 - ROW_H / 2;
    for i in first..=last {
        let _ = write!(
            s,
            "<line class=\"tl-grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/><text class=\"tl-fg\" x=\"{0}\" y=\"22\" text-anchor=\"middle\"><title>{3}</title>{4}</text>",
            x_of(i),
            TOP - 8,
            chart_h - 34,
            esc(&format!("{} {}", t.documents[i].date, t.documents[i].title)),
            esc(&column_head(t, i))
        );
    }
    for rank in 1..=max_rank {
        let _ = write!(
            s,
            "<text class=\"tl-muted\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{rank}</text>",
            RANK_W - 6,
            y_of(rank) + 4
        );
    }
    let mut key = 0;
    for ((track, points), colour) in c.tracks.iter().zip(&points).zip(&colours) {
        let keyed = colour.is_some();
        let colour = colour.unwrap_or(ONE_DOCUMENT);
        // A line only joins neighbours: a gap in the chain would be a false claim.
        for w in points.windows(2).filter(|w| w[1].0 == w[0].0 + 1) {
            let _ = write!(
                s,
                "<line class=\"tl-line\" stroke=\"{colour}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
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
                "<g data-doc=\"{i}\" data-at=\"{at}\" tabindex=\"0\" role=\"button\" aria-label=\"{}\"><title>{}</title><circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{}\" stroke=\"{colour}\" stroke-width=\"2.5\"/></g>",
                esc(&format!("Rank {rank} in {}: {label}", column_head(t, i))),
                esc(&format!("#{rank} {label}{}", if is_new { " (new)" } else { "" })),
                x_of(i),
                y_of(rank),
                if is_new { "#ffffff" } else { colour },
            );
            if i == first {
                let _ = write!(
                    s,
                    "<text class=\"tl-fg\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                    x_of(i) - 14,
                    y_of(rank) + 4,
                    esc(&clip(label, LABEL_CHARS))
                );
            }
            if i == last && first != last {
                let _ = write!(
                    s,
                    "<text class=\"tl-fg\" x=\"{}\" y=\"{}\">{}</text>",
                    x_of(i) + 14,
                    y_of(rank) + 4,
                    esc(&clip(label, LABEL_CHARS))
                );
            }
        }
        if let (true, Some(&(i, rank))) = (track.dropped, points.last()) {
            let _ = write!(
                s,
                "<text class=\"tl-gone\" x=\"{}\" y=\"{}\"><title>Dropped after {}</title>✕</text>",
                x_of(i) + 11,
                y_of(rank) + 4,
                esc(&column_head(t, i))
            );
        }
        if let (true, Some(&(start, _)), Some(&(end, _))) = (keyed, points.first(), points.last()) {
            let (column, line) = (key % key_columns, key / key_columns);
            let (x, y) =
                (RANK_W + (width - RANK_W) / key_columns as i32 * column as i32, chart_h + 6 + KEY_H * line as i32);
            let named = |i: usize| clip(track.labels[i].as_deref().unwrap_or(""), 16);
            let renamed = if named(start) == named(end) { String::new() } else { format!(" → {}", named(end)) };
            let _ = write!(
                s,
                "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{colour}\"/><text class=\"tl-fg\" x=\"{}\" y=\"{}\">{}{}<tspan class=\"tl-muted\"> · {} to {}</tspan></text>",
                x + 5,
                y + 10,
                x + 16,
                y + 14,
                esc(&named(start)),
                esc(&renamed),
                esc(&column_head(t, start)),
                esc(&column_head(t, end)),
            );
            key += 1;
        }
    }
    let _ = write!(
        s,
        "<text class=\"tl-muted\" x=\"6\" y=\"{}\">Rank 1 on top. Hollow: new priority. ✕: dropped after this document. Grey: stands in one document only.</text>",
        chart_h - 10
    );
    s.push_str("</svg>");
    s
}

/// The lineage strips: one row per section of the latest document, one cell per document.
pub fn lineage_strips(t: &Timeline) -> String {
    const LABEL_W: i32 = 300;
    const CELL_W: i32 = 64;
    const CELL_H: i32 = 18;
    const HEAD_H: i32 = 30;
    let n = t.documents.len();
    let width = LABEL_W + CELL_W * n as i32 + 10;
    let height = HEAD_H + CELL_H * t.lineages.len() as i32 + 30;
    let mut s = open(width, height, "Where each section of the latest document comes from");
    for i in 0..n {
        let _ = write!(
            s,
            "<text class=\"tl-fg\" x=\"{}\" y=\"20\" text-anchor=\"middle\">{}</text>",
            LABEL_W + CELL_W * i as i32 + CELL_W / 2,
            esc(&column_head(t, i))
        );
    }
    for (r, l) in t.lineages.iter().enumerate() {
        let y = HEAD_H + CELL_H * r as i32;
        let _ = write!(
            s,
            "<text class=\"tl-fg\" x=\"6\" y=\"{}\"><tspan class=\"tl-muted\">{}</tspan> {}</text>",
            y + 13,
            esc(&l.locator),
            esc(&clip(&l.label, 20))
        );
        for i in l.since..n {
            let x = LABEL_W + CELL_W * i as i32;
            let (class, what) = match l.links[i] {
                None => ("tl-origin", "first appears".to_string()),
                Some(link) => (lineage_class(link.similarity), lineage_words(link.similarity, link.moved)),
            };
            let _ = write!(
                s,
                "<rect data-doc=\"{i}\" data-at=\"{}\" class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"><title>{}: {what}</title></rect>",
                l.at[i].unwrap_or(0),
                x + 1,
                y + 1,
                CELL_W - 2,
                CELL_H - 2,
                esc(&column_head(t, i))
            );
        }
    }
    let _ = write!(
        s,
        "<text class=\"tl-muted\" x=\"6\" y=\"{}\">Green: first appears. Blue: came from the document before; the darker, the less it changed (darkest: unchanged).</text>",
        height - 10
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_on_the_chart_together_never_share_a_colour_and_one_document_stays_grey() {
        // Eight lines over the whole series, one in one document only, one in the first
        // three documents, and one that begins right where that one ended.
        let mut spans: Vec<Option<(usize, usize)>> = vec![Some((0, 6)); 8];
        spans.extend([None, Some((0, 2)), Some((3, 6))]);
        let colours = track_colours(&spans);
        assert_eq!(colours[8], None, "one document only: grey, not a palette colour");
        let mut distinct: Vec<&str> = colours.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 10, "a line beginning where another ended would look like its sequel: {colours:?}");
        assert!(!PALETTE.contains(&ONE_DOCUMENT));
    }
}
