//! Segmentation: a document's text becomes an outline of sections.
//!
//! Paragraphs are the non-blank lines. A paragraph that lists priorities inside it
//! ("…the tasks of the year. First, … Second, …", "……一是……二是……") is split into a
//! lead and one item per priority, so the alignment can follow a priority that moved from
//! third to first. A line that starts with a heading marker (`一、`, `（一）`) or is short and
//! ends without closing punctuation is a heading; a first such line is the title.
//!
//! Architecture Invariant: the leaves partition the text. Every byte belongs to exactly one
//! leaf (leading blank lines go to the first, the blank lines after a paragraph go to it), so
//! nothing of a document can be lost between the outline and the view. A document with no
//! visible character has no sections.

use crate::text::numerals::{arabic_prefix, en_ordinal_prefix, zh_numeral_prefix};
use crate::util::span::Span;
use serde::Serialize;

/// What role a section plays in the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The document's first line, when it reads like a title.
    Title,
    /// A short line without closing punctuation, or one opening with `一、` / `（一）`.
    Heading,
    /// A paragraph (leaf) or a paragraph split into lead and items (parent).
    Paragraph,
    /// The text of a split paragraph before its first enumerated item.
    Lead,
    /// One enumerated item: `First, …`, `一是……`, `第一，……`, `（一）……`, `1. …`.
    Item,
}

/// How an enumerated item is numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerStyle {
    /// `First,` `Second,` …
    EnglishOrdinal,
    /// `一是` `二是` …
    ZhShi,
    /// `第一，` `第二，` …
    ZhDi,
    /// `（一）` `（二）` …
    ZhParen,
    /// `一、` `二、` …
    ZhDun,
    /// `1.` `2、` …
    Arabic,
}

/// An enumeration marker and the number it gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The numbering style.
    pub style: MarkerStyle,
    /// 1 for the first item.
    pub number: u32,
    /// The marker's own bytes (`Second`, `二是`, `（二）`).
    pub span: Span,
}

/// One node of the outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Index in [`Outline::sections`].
    pub id: usize,
    /// Its role.
    pub kind: SectionKind,
    /// Every byte it owns, trailing blank lines included.
    pub span: Span,
    /// The visible text: `span` without surrounding whitespace.
    pub body: Span,
    /// The enclosing section, for lead and items.
    pub parent: Option<usize>,
    /// 1-based number of the paragraph (non-blank line) it belongs to.
    pub paragraph: usize,
    /// The enumeration marker it opens with, if any.
    pub marker: Option<Marker>,
    /// True when the section has no children.
    pub leaf: bool,
}

impl Section {
    /// Whether it is the heading of a numbered part (`二、…`).
    pub fn is_part_heading(&self) -> bool {
        self.kind == SectionKind::Heading && self.marker.is_some_and(|m| m.style == MarkerStyle::ZhDun)
    }
}

/// The sections of one document, parents before their children, in text order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outline {
    /// All sections; `sections[i].id == i`.
    pub sections: Vec<Section>,
    /// Ids of the leaves, in text order.
    pub leaves: Vec<usize>,
}

impl Outline {
    /// The section with this id.
    pub fn get(&self, id: usize) -> &Section {
        &self.sections[id]
    }

    /// For each leaf, the numbered part (`一、…` heading) it falls in: 0 before the first
    /// such heading, then 1, 2… A document without part headings is all part 0.
    pub fn leaf_parts(&self) -> Vec<usize> {
        let mut part = 0;
        let mut out = Vec::with_capacity(self.leaves.len());
        for &id in &self.leaves {
            if self.get(id).is_part_heading() {
                part += 1;
            }
            out.push(part);
        }
        out
    }

    /// The leaf that owns byte `at` (the last leaf for `at` past the end).
    pub fn leaf_at(&self, at: usize) -> Option<usize> {
        let k = self.leaves.partition_point(|&id| self.get(id).span.end <= at);
        self.leaves.get(k).copied()
    }

    /// Number of paragraphs (non-blank lines).
    pub fn paragraph_count(&self) -> usize {
        self.sections.last().map_or(0, |s| s.paragraph)
    }
}

/// Longest line, in characters, still read as a heading when it has no marker.
const HEADING_MAX_CHARS: usize = 80;

/// Splits `text` into an outline. Never fails: odd text yields plain paragraphs.
pub fn segment(text: &str) -> Outline {
    let mut outline = Outline::default();
    let lines = paragraph_spans(text);
    for (index, (span, body)) in lines.iter().enumerate() {
        let number = index + 1;
        let body_text = body.of(text);
        let kind = paragraph_kind(body_text, index == 0);
        let items = if kind == SectionKind::Paragraph { find_items(text, *body) } else { Vec::new() };
        let head_marker = leading_marker(text, *body);
        let id = outline.sections.len();
        outline.sections.push(Section {
            id,
            kind,
            span: *span,
            body: *body,
            parent: None,
            paragraph: number,
            marker: head_marker,
            leaf: items.is_empty(),
        });
        if items.is_empty() {
            outline.leaves.push(id);
            continue;
        }
        let mut cuts: Vec<(usize, Option<Marker>)> = Vec::new();
        if items[0].span.start > body.start {
            cuts.push((span.start, None));
        }
        for (k, marker) in items.iter().enumerate() {
            let start = if k == 0 && cuts.is_empty() { span.start } else { marker.span.start };
            cuts.push((start, Some(*marker)));
        }
        for (k, (start, marker)) in cuts.iter().enumerate() {
            let end = cuts.get(k + 1).map_or(span.end, |next| next.0);
            let child = Span::new(*start, end);
            let child_id = outline.sections.len();
            outline.sections.push(Section {
                id: child_id,
                kind: if marker.is_some() { SectionKind::Item } else { SectionKind::Lead },
                span: child,
                body: child.trim(text),
                parent: Some(id),
                paragraph: number,
                marker: *marker,
                leaf: true,
            });
            outline.leaves.push(child_id);
        }
    }
    outline
}

/// `(owned span, body)` for each non-blank line; owned spans tile the whole text.
fn paragraph_spans(text: &str) -> Vec<(Span, Span)> {
    let mut bodies = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(line_start, line_start + line.len());
        let body = span.trim(text);
        if !body.is_empty() {
            bodies.push(body);
        }
        line_start += line.len();
    }
    let mut out = Vec::with_capacity(bodies.len());
    for (k, body) in bodies.iter().enumerate() {
        let start = if k == 0 { 0 } else { body.start };
        let end = bodies.get(k + 1).map_or(text.len(), |next| next.start);
        out.push((Span::new(start, end), *body));
    }
    out
}

fn ends_with_closing_punctuation(s: &str) -> bool {
    s.trim_end_matches(['”', '"', '’', '\'', '）', ')', '」', '』'])
        .ends_with(['。', '.', '！', '!', '？', '?', '；', ';', '…', '：', ':', '，', ','])
}

fn paragraph_kind(body: &str, first: bool) -> SectionKind {
    let chars = body.chars().count();
    let closed = ends_with_closing_punctuation(body);
    let heading_marker = zh_dun_marker(body).is_some() || zh_paren_marker(body).is_some();
    if first && !closed && chars <= 200 {
        SectionKind::Title
    } else if (heading_marker && !closed && chars <= HEADING_MAX_CHARS) || (!closed && chars <= HEADING_MAX_CHARS / 2) {
        SectionKind::Heading
    } else {
        SectionKind::Paragraph
    }
}

/// `一、` at the start: the value and byte length of the whole marker.
fn zh_dun_marker(s: &str) -> Option<(u32, usize)> {
    let (n, used) = zh_numeral_prefix(s)?;
    s[used..].starts_with('、').then_some((n, used + '、'.len_utf8()))
}

/// `（一）` or `(一)` at the start.
fn zh_paren_marker(s: &str) -> Option<(u32, usize)> {
    let open = s.chars().next().filter(|c| *c == '（' || *c == '(')?;
    let rest = &s[open.len_utf8()..];
    let (n, used) = zh_numeral_prefix(rest).or_else(|| arabic_prefix(rest))?;
    let close = rest[used..].chars().next().filter(|c| *c == '）' || *c == ')')?;
    Some((n, open.len_utf8() + used + close.len_utf8()))
}

/// The marker a piece of text opens with, of any style.
fn marker_at(s: &str, after_comma: bool) -> Option<(MarkerStyle, u32, usize)> {
    if let Some((n, used)) = zh_numeral_prefix(s) {
        if s[used..].starts_with('是') {
            return Some((MarkerStyle::ZhShi, n, used + '是'.len_utf8()));
        }
    }
    if after_comma {
        return None;
    }
    if let Some(rest) = s.strip_prefix('第') {
        if let Some((n, used)) = zh_numeral_prefix(rest) {
            if rest[used..].starts_with(['，', '、', '：', ',']) {
                return Some((MarkerStyle::ZhDi, n, '第'.len_utf8() + used));
            }
        }
    }
    if let Some((n, used)) = zh_paren_marker(s) {
        return Some((MarkerStyle::ZhParen, n, used));
    }
    if let Some((n, used)) = zh_dun_marker(s) {
        return Some((MarkerStyle::ZhDun, n, used));
    }
    if let Some((n, used)) = en_ordinal_prefix(s) {
        if s[used..].starts_with(',') {
            return Some((MarkerStyle::EnglishOrdinal, n, used));
        }
    }
    if let Some((n, used)) = arabic_prefix(s) {
        let rest = &s[used..];
        if rest.starts_with(['、', '．']) || (rest.starts_with(". ") && n < 100) {
            return Some((MarkerStyle::Arabic, n, used));
        }
    }
    None
}

/// The marker at the very start of a body, if any.
fn leading_marker(text: &str, body: Span) -> Option<Marker> {
    marker_at(body.of(text), false).map(|(style, number, used)| Marker {
        style,
        number,
        span: Span::new(body.start, body.start + used),
    })
}

/// Enumerated items inside one paragraph: the longest run 1, 2, 3… of one style, at
/// clause starts. Fewer than two items is no enumeration.
fn find_items(text: &str, body: Span) -> Vec<Marker> {
    let piece = body.of(text);
    let mut candidates: Vec<Marker> = Vec::new();
    let mut clause_start = true;
    let mut after_comma = false;
    for (offset, c) in piece.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        if clause_start || after_comma {
            if let Some((style, number, used)) = marker_at(&piece[offset..], after_comma && !clause_start) {
                let start = body.start + offset;
                candidates.push(Marker { style, number, span: Span::new(start, start + used) });
            }
        }
        clause_start = matches!(c, '。' | '；' | '：' | '！' | '？' | '.' | ';' | ':' | '!' | '?');
        after_comma = matches!(c, '，' | ',');
    }
    let mut best: Vec<Marker> = Vec::new();
    for style in [
        MarkerStyle::EnglishOrdinal,
        MarkerStyle::ZhShi,
        MarkerStyle::ZhDi,
        MarkerStyle::ZhParen,
        MarkerStyle::ZhDun,
        MarkerStyle::Arabic,
    ] {
        let mut run: Vec<Marker> = Vec::new();
        for m in candidates.iter().filter(|m| m.style == style) {
            if m.number as usize == run.len() + 1 {
                run.push(*m);
            }
        }
        if run.len() >= 2 && run.len() > best.len() {
            best = run;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SectionKind, &str)> {
        let o = segment(text);
        o.leaves.iter().map(|&id| (o.get(id).kind, o.get(id).body.of(text))).collect()
    }

    #[test]
    fn leaves_tile_the_text() {
        let text = "\n\nTitle line\n\nFirst paragraph. It goes on.\n\n\nLast one.\n";
        let o = segment(text);
        let mut at = 0;
        for &id in &o.leaves {
            assert_eq!(o.get(id).span.start, at);
            at = o.get(id).span.end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn blank_document_has_no_sections() {
        assert!(segment(" \n\u{3000}\n").sections.is_empty());
        assert!(segment("").sections.is_empty());
    }

    #[test]
    fn title_heading_paragraph() {
        assert_eq!(
            kinds("会议公报\n一、过去一年工作回顾\n全会认为，形势很好。\n"),
            [
                (SectionKind::Title, "会议公报"),
                (SectionKind::Heading, "一、过去一年工作回顾"),
                (SectionKind::Paragraph, "全会认为，形势很好。"),
            ]
        );
    }

    #[test]
    fn english_ordinals_split_a_paragraph() {
        let text = "T\nIt was emphasized that we act. First, grow. Second, reform. Third, open.";
        let got = kinds(text);
        assert_eq!(got[1], (SectionKind::Lead, "It was emphasized that we act."));
        assert_eq!(got[2], (SectionKind::Item, "First, grow."));
        assert_eq!(got[4], (SectionKind::Item, "Third, open."));
    }

    #[test]
    fn zh_shi_items_after_commas() {
        let text = "题\n要做好三件事：一是稳增长，二是促改革，三是惠民生。";
        let got = kinds(text);
        assert_eq!(got[1], (SectionKind::Lead, "要做好三件事："));
        assert_eq!(got[2], (SectionKind::Item, "一是稳增长，"));
        assert_eq!(got[4], (SectionKind::Item, "三是惠民生。"));
    }

    #[test]
    fn di_yi_needs_punctuation_after_it() {
        let text = "题\n第一次会议很重要。第二次会议也是。";
        assert_eq!(kinds(text).len(), 2);
    }

    #[test]
    fn a_single_ordinal_is_not_a_list() {
        let text = "T\nFirst, we came. Then we left.";
        assert_eq!(kinds(text)[1].0, SectionKind::Paragraph);
    }

    #[test]
    fn paragraph_opening_with_marker_keeps_it() {
        let text = "题\n第一，坚决维护党中央权威。\n第二，推进改革。";
        let o = segment(text);
        let m = o.get(1).marker.unwrap();
        assert_eq!((m.style, m.number), (MarkerStyle::ZhDi, 1));
        assert_eq!(o.get(2).marker.unwrap().number, 2);
    }
}
