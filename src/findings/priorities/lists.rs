//! Finding a document's priority lists: items of one paragraph, numbered paragraphs, runs of
//! lead-ins or dashes; and each item's label.

use super::{Priority, PriorityList, DASH_STYLE};
use crate::text::segment::{MarkerStyle, Outline, SectionKind};
use std::collections::BTreeMap;

/// Lead-in formulas that open the items of a plenum's task list.
const LEAD_INS: [&str; 6] =
    ["全会提出，", "会议提出，", "会议要求，", "全会要求，", "The meeting required", "The plenum proposed"];

/// Dashes that open the items of a dashed list (a paragraph starting with one of them).
const DASHES: [&str; 5] = ["——", "—", "–", "─", "- "];

/// The dash a paragraph opens with, if any.
fn leading_dash(body: &str) -> Option<&'static str> {
    DASHES.iter().copied().find(|d| body.starts_with(d))
}

/// Longest label, in characters: Chinese, and other scripts.
const LABEL_CHARS: (usize, usize) = (32, 90);

/// Where the first sentence of a text in a Western script ends: at a full stop before a
/// space (of any width, translations carry no-break spaces) or at the end, or at a
/// semicolon, colon, question or exclamation mark.
fn first_sentence_end(t: &str) -> Option<usize> {
    t.char_indices().find_map(|(k, c)| {
        let stop = match c {
            ';' | ':' | '?' | '!' => true,
            // Not after a capital: "the U.S. and China" goes on.
            '.' => {
                t[k + 1..].chars().next().is_none_or(char::is_whitespace)
                    && !t[..k].chars().next_back().is_some_and(char::is_uppercase)
            }
            _ => false,
        };
        stop.then_some(k)
    })
}

/// A label: the first clause of Chinese text (to its first comma), the first sentence of
/// other text (a comma in English separates the members of a series as often as clauses:
/// "pursue more robust, greener and more balanced global development").
fn label_of(text: &str) -> String {
    let t = text.trim();
    let clause_end = if t.chars().any(crate::text::normalize::is_han) {
        t.find(['，', '。', '；', '：', ',', '.', ';', ':'])
    } else {
        first_sentence_end(t)
    }
    .unwrap_or(t.len());
    let mut clause = &t[..clause_end];
    if clause.chars().count() < 4 {
        clause = t;
    }
    let max = if clause.chars().any(crate::text::normalize::is_han) { LABEL_CHARS.0 } else { LABEL_CHARS.1 };
    // No-break spaces (translations carry one between most words) would keep a label from
    // wrapping where it should.
    let label: String = clause.chars().take(max).collect();
    let label = crate::text::normalize::breakable_spaces(&label).into_owned();
    if clause.chars().count() > max {
        format!("{label}…")
    } else {
        label
    }
}

/// Text after an item's marker (and the punctuation that follows it) or lead-in.
pub(super) fn after_marker<'t>(text: &'t str, outline: &Outline, section: usize) -> &'t str {
    let s = outline.get(section);
    let body = s.body.of(text);
    let skip = match s.marker {
        Some(m) if m.span.start == s.body.start => m.span.len(),
        _ => LEAD_INS.iter().copied().find(|l| body.starts_with(l)).or_else(|| leading_dash(body)).map_or(0, str::len),
    };
    body[skip..].trim_start_matches(['，', ',', '、', '：', ':', ' ', '．', '.', '—', '–'])
}

/// The leaves of a top-level section (itself, or its children).
fn leaves_of(outline: &Outline, section: usize) -> Vec<usize> {
    if outline.get(section).leaf {
        vec![section]
    } else {
        outline.sections.iter().filter(|s| s.parent == Some(section)).map(|s| s.id).collect()
    }
}

/// The leaves from section `from` up to (not including) the top-level section `until`, or
/// to the end of `from`'s numbered part: a task paragraph and the paragraphs that develop it.
fn leaves_through(outline: &Outline, parts: &[usize], from: usize, until: Option<usize>) -> Vec<usize> {
    let start = outline.leaves.iter().position(|&l| l == from || outline.get(l).parent == Some(from));
    let Some(start) = start else { return Vec::new() };
    let part = parts[start];
    outline.leaves[start..]
        .iter()
        .zip(&parts[start..])
        .take_while(|(&l, &p)| p == part && until.is_none_or(|u| l != u && outline.get(l).parent != Some(u)))
        .map(|(&l, _)| l)
        .collect()
}

/// The priority lists of a document.
pub fn find_lists(text: &str, outline: &Outline) -> Vec<PriorityList> {
    let parts = outline.leaf_parts();
    let mut lists = Vec::new();
    let make = |ids: &[usize], style: String, extend: bool| PriorityList {
        style,
        items: ids
            .iter()
            .enumerate()
            .map(|(k, &id)| Priority {
                rank: k + 1,
                label: label_of(after_marker(text, outline, id)),
                section: id,
                leaves: if extend {
                    leaves_through(outline, &parts, id, ids.get(k + 1).copied())
                } else {
                    leaves_of(outline, id)
                },
            })
            .collect(),
    };
    // Items inside one paragraph.
    let mut by_parent: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for s in outline.sections.iter().filter(|s| s.kind == SectionKind::Item) {
        if let Some(p) = s.parent {
            by_parent.entry(p).or_default().push(s.id);
        }
    }
    for ids in by_parent.values() {
        let style = outline.get(ids[0]).marker.map_or("item".to_string(), |m| style_name(m.style));
        lists.push(make(ids, style, false));
    }
    // Paragraphs opening with markers 1, 2, 3… of one style; each item runs to the next.
    let tops: Vec<usize> = outline.sections.iter().filter(|s| s.parent.is_none()).map(|s| s.id).collect();
    let mut runs: BTreeMap<MarkerStyle, Vec<Vec<usize>>> = BTreeMap::new();
    for &id in &tops {
        let s = outline.get(id);
        let Some(m) = s.marker.filter(|m| m.span.start == s.body.start && m.style != MarkerStyle::ZhDun) else {
            continue;
        };
        let style_runs = runs.entry(m.style).or_default();
        match style_runs.last_mut() {
            Some(run) if outline.get(*run.last().unwrap()).marker.is_some_and(|x| x.number + 1 == m.number) => {
                run.push(id)
            }
            _ if m.number == 1 => style_runs.push(vec![id]),
            _ => {}
        }
    }
    for (style, style_runs) in runs {
        for run in style_runs.into_iter().filter(|r| r.len() >= 2) {
            lists.push(make(&run, style_name(style), true));
        }
    }
    // Runs of paragraphs opening with the same lead-in, or with a dash (any dash: a list
    // keeps one, but a text retyped by hand may not).
    let opening = |id: usize| -> Option<(&'static str, &'static str)> {
        let body = outline.get(id).body.of(text);
        LEAD_INS
            .iter()
            .copied()
            .find(|l| body.starts_with(l))
            .map(|l| (l, "lead_in"))
            .or_else(|| leading_dash(body).map(|_| (DASH_STYLE, DASH_STYLE)))
    };
    let mut run: Vec<usize> = Vec::new();
    let mut run_lead: Option<(&str, &str)> = None;
    for &id in tops.iter().chain(std::iter::once(&usize::MAX)) {
        let lead = (id != usize::MAX).then(|| opening(id)).flatten();
        if lead.is_some() && lead == run_lead {
            run.push(id);
            continue;
        }
        if let Some((_, style)) = run_lead.filter(|_| run.len() >= 3) {
            lists.push(make(&run, style.to_string(), false));
        }
        run = lead.map(|_| vec![id]).unwrap_or_default();
        run_lead = lead;
    }
    crate::util::shared_sort::sort_by_key(&mut lists, |l| l.items[0].section);
    lists
}

fn style_name(style: MarkerStyle) -> String {
    match style {
        MarkerStyle::EnglishOrdinal => "english_ordinal",
        MarkerStyle::ZhShi => "zh_shi",
        MarkerStyle::ZhDi => "zh_di",
        MarkerStyle::ZhParen => "zh_paren",
        MarkerStyle::ZhDun => "zh_dun",
        MarkerStyle::Arabic => "arabic",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::segment;

    #[test]
    fn inline_ordinals_make_a_list_with_labels() {
        let text = "T\nIt was emphasized that we act. First, we must grow the economy. Second, reform.";
        let lists = find_lists(text, &segment(text));
        assert_eq!(lists.len(), 1);
        let labels: Vec<&str> = lists[0].items.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["we must grow the economy", "reform"]);
    }

    #[test]
    fn english_labels_run_to_the_end_of_the_first_sentence_not_the_first_comma() {
        let text = "T\nFirst, we must pursue more robust, greener and more balanced growth.\u{a0}It matters. \
            Second, the U.S. and China must talk; more follows.";
        let labels: Vec<String> = find_lists(text, &segment(text))[0].items.iter().map(|p| p.label.clone()).collect();
        assert_eq!(
            labels,
            ["we must pursue more robust, greener and more balanced growth", "the U.S. and China must talk"]
        );
    }

    #[test]
    fn paragraphs_opening_with_a_dash_make_a_list() {
        let text = "题\n——在大会上的报告\n正文。\n——必须坚持人民至上。人民性是本质属性。\n\
            ——必须坚持自信自立。\n— 必须坚持守正创新。\n结语。";
        let lists = find_lists(text, &segment(text));
        assert_eq!(lists.len(), 1, "the lone subtitle is no list: {lists:?}");
        assert_eq!(lists[0].style, "dash");
        let labels: Vec<&str> = lists[0].items.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["必须坚持人民至上", "必须坚持自信自立", "必须坚持守正创新"]);
    }

    #[test]
    fn lead_in_runs_make_a_list() {
        let text = "题\n全会提出，坚持创新驱动。内容。\n全会提出，加快发展现代产业体系，推动升级。\n全会提出，形成强大国内市场。\n全会号召，团结奋斗。";
        let lists = find_lists(text, &segment(text));
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].style, "lead_in");
        assert_eq!(lists[0].items[1].label, "加快发展现代产业体系");
    }

    #[test]
    fn numbered_paragraphs_make_a_list() {
        let text = "题\n（一）稳定宏观经济大盘。\n说明段落。\n（二）扩大内需。\n";
        let lists = find_lists(text, &segment(text));
        assert_eq!(lists[0].items.len(), 2);
        assert_eq!(lists[0].items[0].label, "稳定宏观经济大盘");
    }
}
