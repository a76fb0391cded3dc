//! Formulations (提法): extraction from one text, and comparison of two.
//!
//! A formulation is found in three ways:
//! - **quoted**: any phrase in “…”, ‘…’, "…", 「…」 or 『…』 (book titles in 《…》 are kept as
//!   their own kind);
//! - **numbered**: number + 个 + term (四个意识, 两个确立), 五位一体-style phrases;
//! - **lexicon**: the fixed formulations of [`crate::findings::lexicon`], in Chinese or any of their
//!   English renderings;
//! - **learned**: the set phrases of [`crate::findings::phrase_table`] the lexicon does not list.
//!
//! Counting is by formulation, not substring: one formulation standing in one place counts
//! once, however many ways found it (“两个维护” is a quoted phrase, a numbered formulation and
//! a lexicon entry at once), and the longest lexicon match wins (国家安全 inside 总体国家安全观
//! does not count).

use crate::findings::lexicon::Lexicon;
use crate::findings::phrase_table::History;
use crate::text::normalize::{fold_char, is_han};
use crate::util::span::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// How a formulation was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormulationKind {
    /// A lexicon entry.
    Lexicon,
    /// Number + 个 + term.
    Numbered,
    /// A phrase in quotation marks.
    Quoted,
    /// A book or document title in 《…》.
    Title,
    /// A set phrase of the phrase table ([`crate::findings::phrase_table`]) that the lexicon does not
    /// list.
    Learned,
    /// A series of parallel phrases, or a member added to or dropped from one
    /// ([`crate::findings::series`]).
    Series,
    /// A phrase the document repeats, found by [`crate::findings::recurring`] (a candidate).
    Recurring,
}

impl FormulationKind {
    /// Whether a formulation found this way is a candidate: listed apart and left out of the
    /// counts. Phrases found by repetition and series are: measured against annotations,
    /// most of them are lists and phrasing rather than formulations (`tests/formulation_quality.rs`).
    pub fn is_candidate(self) -> bool {
        matches!(self, FormulationKind::Recurring | FormulationKind::Series)
    }
}

/// One formulation of one document with every place it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Formulation {
    /// Identity across documents: `lex:<id>` for lexicon entries, else `text:<folded text>`
    /// (a change of a lexicon entry's quoted name is `lex:<id>:quoted`).
    pub key: String,
    /// The form to show (lexicon label, or the text as first printed, without quotes).
    pub text: String,
    /// How it was found (the strongest way).
    pub kind: FormulationKind,
    /// Lexicon kind (numbered, ideology, stance, formulation, plan), if a lexicon entry.
    pub category: Option<&'static str>,
    /// English gloss, if a lexicon entry.
    pub gloss: Option<&'static str>,
    /// The lexicon's Chinese form, when the text printed a translation of it.
    pub canonical: Option<&'static str>,
    /// Where it stands, in text order.
    pub occurrences: Vec<Span>,
    /// Its record in the phrase table, if the table knows it ([`crate::findings::phrase_table`]).
    pub history: Option<History>,
}

const OPEN_CLOSE: [(char, char); 6] = [('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』'), ('《', '》'), ('"', '"')];

/// Longest quoted phrase still read as a formulation, in characters.
const MAX_QUOTED_CHARS: usize = 40;

/// Longest quoted saying ("As a Chinese saying goes, “…”"), in characters. Speeches quote
/// proverbs, poems and classics whole, and analysts track which ones a leader chose; a long
/// quotation counts only when the words before it announce a saying.
const MAX_SAYING_CHARS: usize = 250;

/// Words that, shortly before a quotation, announce a saying, a poem or a classic.
const SAYING_MARKERS: [&str; 16] = [
    "saying",
    "adage",
    "proverb",
    "poem",
    "poet",
    "verse",
    "teaching",
    "philosopher",
    "ancient",
    "observed",
    "put it",
    "古人",
    "古语",
    "俗话",
    "常言",
    "诗云",
];

/// Whether the text just before a quotation (`before`, up to the quote mark) announces a
/// saying: one of [`SAYING_MARKERS`] within its last sentence, at most 80 bytes back.
fn introduces_saying(before: &str) -> bool {
    let mut from = before.len().saturating_sub(80);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = &before[from..];
    let sentence = tail.rsplit(['.', '。', '!', '?', '\n']).next().unwrap_or(tail).to_lowercase();
    SAYING_MARKERS.iter().any(|m| sentence.contains(m))
}

/// Terms after number + 个 that make ordinary counting phrases, not formulations.
const NOT_FORMULATIONS: [&str; 15] = [
    "方面", "百分", "多月", "小时", "以上", "左右", "国家", "地区", "部门", "领域", "阶段", "时期", "孩子", "季度",
    "星期",
];

/// Whether `c` opens a quotation (book titles in 《…》 aside).
pub(crate) fn opens_quotation(c: char) -> bool {
    OPEN_CLOSE.iter().any(|&(open, _)| open == c && open != '《')
}

/// Whether `c` opens or closes a quotation (book titles in 《…》 aside).
pub(crate) fn is_quotation_mark(c: char) -> bool {
    OPEN_CLOSE.iter().any(|&(open, close)| (open == c || close == c) && open != '《')
}

fn fold_key(s: &str) -> String {
    s.chars().map(fold_char).flat_map(char::to_lowercase).collect::<String>().trim().to_string()
}

struct Found {
    key: String,
    text: String,
    kind: FormulationKind,
    lexicon: Option<usize>,
    span: Span,
}

impl Found {
    /// A find that no lexicon entry names, keyed by its folded text.
    fn by_text(text: &str, span: Span, kind: FormulationKind) -> Found {
        let phrase = span.of(text);
        Found { key: format!("text:{}", fold_key(phrase)), text: phrase.to_string(), kind, lexicon: None, span }
    }
}

fn quoted(text: &str, lexicon: &Lexicon, out: &mut Vec<Found>) {
    // Where the scan picks up again: after the last quotation taken.
    let mut resume = 0;
    for (start, c) in text.char_indices() {
        if start < resume {
            continue;
        }
        let Some(&(_, close)) = OPEN_CLOSE.iter().find(|(open, _)| *open == c) else { continue };
        let inner_start = start + c.len_utf8();
        // The closing mark within reach, as (characters before it, its byte position).
        let mut closing = None;
        for (offset, (at, x)) in text[inner_start..].char_indices().take(MAX_SAYING_CHARS + 1).enumerate() {
            if matches!(x, '\n' | '。' | '！' | '？') || (x == c && c != close) {
                break;
            }
            if x == close {
                closing = Some((offset, inner_start + at));
                break;
            }
        }
        let Some((offset, inner_end)) = closing else { continue };
        let inner = text[inner_start..inner_end].trim();
        let words = inner.split_whitespace().count();
        let phrase = offset <= MAX_QUOTED_CHARS && words <= 8;
        let saying = !phrase && c != '《' && introduces_saying(&text[..start]);
        if offset > MAX_QUOTED_CHARS && !saying {
            // A long quotation that is no saying: look inside it for shorter quotes.
            continue;
        }
        if !inner.is_empty() && (phrase || saying) && inner.chars().any(char::is_alphanumeric) {
            let span = Span::new(start, inner_end + close.len_utf8());
            let whole_entry = lexicon
                .find(inner)
                .into_iter()
                .find(|h| h.span.start == 0 && h.span.end == inner.len() && !lexicon.is_learned(h.entry))
                .map(|h| h.entry);
            let kind = if c == '《' {
                FormulationKind::Title
            } else if whole_entry.is_some() {
                FormulationKind::Lexicon
            } else if numbered_at(inner, 0).is_some_and(|n| n == inner.len()) {
                FormulationKind::Numbered
            } else {
                FormulationKind::Quoted
            };
            let key = match (kind, whole_entry) {
                (FormulationKind::Title, _) => format!("title:{}", fold_key(inner)),
                (_, Some(id)) => format!("lex:{id}"),
                _ => format!("text:{}", fold_key(inner)),
            };
            out.push(Found { key, text: inner.to_string(), kind, lexicon: whole_entry, span });
        }
        resume = inner_end + close.len_utf8();
    }
}

/// Whether `c` is a numeral a numbered formulation opens with (两 to 十).
fn counts_items(c: char) -> bool {
    matches!(c, '两' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// A match `span` of a numbered entry (三个历史决议, 两个一百年) printed after 第: the span of
/// the ordinal, which names one item of the list (第三个历史决议), not the list.
fn ordinal_of_numbered(text: &str, span: Span) -> Option<Span> {
    let first = span.of(text).chars().next()?;
    let before = text[..span.start].strip_suffix('第')?;
    counts_items(first).then(|| Span::new(before.len(), span.end))
}

/// Length in bytes of a numbered formulation starting at byte `at` of `s`, if one does:
/// `两个维护` → 12, `五位一体` → 12.
fn numbered_at(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let mut chars = rest.char_indices();
    let (_, n) = chars.next()?;
    if !counts_items(n) {
        return None;
    }
    let (_, counter) = chars.next()?;
    if counter == '位' {
        return rest[n.len_utf8() + counter.len_utf8()..].starts_with("一体").then_some(4 * 3);
    }
    if counter != '个' {
        return None;
    }
    let term: Vec<(usize, char)> = chars.by_ref().take(2).collect();
    if term.len() < 2 || !term.iter().all(|(_, c)| is_han(*c)) {
        return None;
    }
    let end = term[1].0 + term[1].1.len_utf8();
    let after = rest[end..].chars().next();
    let term_text = &rest[term[0].0..end];
    let ends_well = after.is_none_or(|c| !is_han(c) || c == '的' || c == '和' || c == '与');
    (ends_well && !NOT_FORMULATIONS.contains(&term_text)).then_some(end)
}

fn numbered(text: &str, out: &mut Vec<Found>) {
    for (at, _) in text.char_indices().filter(|&(_, c)| counts_items(c)) {
        if let Some(len) = numbered_at(text, at) {
            out.push(Found::by_text(text, Span::new(at, at + len), FormulationKind::Numbered));
        }
    }
}

/// Every formulation of `text`, in order of first occurrence.
pub fn extract(text: &str, lexicon: &Lexicon) -> Vec<Formulation> {
    let mut found: Vec<Found> = Vec::new();
    quoted(text, lexicon, &mut found);
    numbered(text, &mut found);
    for hit in lexicon.find(text) {
        if let Some(ordinal) = ordinal_of_numbered(text, hit.span) {
            // 第三个历史决议 is one resolution, not the entry 三个历史决议 (all three of them).
            found.push(Found::by_text(text, ordinal, FormulationKind::Numbered));
            continue;
        }
        if lexicon.is_learned(hit.entry) {
            found.push(Found::by_text(text, hit.span, FormulationKind::Learned));
            continue;
        }
        found.push(Found {
            key: format!("lex:{}", hit.entry),
            text: hit.span.of(text).to_string(),
            kind: FormulationKind::Lexicon,
            lexicon: Some(hit.entry),
            span: hit.span,
        });
    }
    // A numbered phrase inside a lexicon match takes the entry's key. Lexicon matches do not
    // overlap (leftmost-longest), so the one that could contain a span is found by search.
    let mut lexicon_spans: Vec<(Span, String)> =
        found.iter().filter(|f| f.lexicon.is_some()).map(|f| (f.span, f.key.clone())).collect();
    crate::util::shared_sort::sort_by_key(&mut lexicon_spans, |(s, _)| s.start);
    for f in found.iter_mut().filter(|f| f.kind == FormulationKind::Numbered && f.lexicon.is_none()) {
        let k = lexicon_spans.partition_point(|(s, _)| s.start <= f.span.start);
        if let Some((_, key)) = k.checked_sub(1).map(|k| &lexicon_spans[k]).filter(|(s, _)| f.span.end <= s.end) {
            f.key = key.clone();
        }
    }
    let mut by_key: BTreeMap<String, Vec<Found>> = BTreeMap::new();
    for f in found {
        by_key.entry(f.key.clone()).or_default().push(f);
    }
    let mut formulations: Vec<Formulation> = by_key
        .into_values()
        .map(|mut list| {
            crate::util::shared_sort::sort_by_key(&mut list, |f| (f.span.start, std::cmp::Reverse(f.span.end)));
            let lexicon: &Lexicon = lexicon;
            let kind = list.iter().map(|f| f.kind).min().unwrap_or(FormulationKind::Quoted);
            let entry = list.iter().find_map(|f| f.lexicon).map(|id| &lexicon.entries[id]);
            let text = match entry {
                Some(e) if !e.zh.is_empty() && list[0].text.chars().any(is_han) => e.zh.to_string(),
                _ => list[0].text.clone(),
            };
            // One place, one count: drop occurrences inside another of the same formulation.
            // Sorted by start, a span lies inside an earlier one exactly when it ends no later
            // than the furthest end seen so far.
            let mut occurrences: Vec<Span> = Vec::new();
            let mut reach = 0;
            for f in &list {
                if occurrences.is_empty() || f.span.end > reach {
                    occurrences.push(f.span);
                    reach = reach.max(f.span.end);
                }
            }
            let table = lexicon.phrases();
            let history = table.history(&text).or_else(|| {
                let zh = entry?.zh;
                table.history(zh).map(|h| History { form: Some(zh), ..h })
            });
            Formulation {
                history,
                key: list[0].key.clone(),
                kind,
                category: entry.map(|e| e.kind),
                gloss: entry.map(|e| e.gloss),
                canonical: entry.map(|e| e.zh).filter(|zh| !zh.is_empty() && *zh != text),
                text,
                occurrences,
            }
        })
        .collect();
    crate::util::shared_sort::sort_by_key(&mut formulations, |s| s.occurrences[0].start);
    formulations
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, FormulationKind, usize)> {
        extract(text, Lexicon::builtin()).into_iter().map(|s| (s.text, s.kind, s.occurrences.len())).collect()
    }

    #[test]
    fn quoted_numbered_and_lexicon_forms_count_once() {
        let got = found("增强“四个意识”、坚定“四个自信”、做到“两个维护”。四个意识要增强。");
        assert_eq!(got[0].0, "四个意识");
        assert_eq!(got[0].2, 2);
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn an_ordinal_before_a_numbered_entry_names_one_item_not_the_list() {
        let got = found("党的第三个历史决议。三个历史决议一脉相承。");
        assert_eq!(got[0], ("第三个历史决议".to_string(), FormulationKind::Numbered, 1));
        assert_eq!(got[1], ("三个历史决议".to_string(), FormulationKind::Lexicon, 1));
    }

    #[test]
    fn book_titles_are_their_own_kind() {
        let got = found("审议通过了《中共中央关于党的百年奋斗重大成就和历史经验的决议》。");
        assert_eq!(got[0].1, FormulationKind::Title);
    }

    #[test]
    fn counting_phrases_are_not_formulations() {
        assert!(found("这三个方面和两个月的工作").is_empty());
        assert!(found("一对夫妇可生育两个孩子，连续两个季度").is_empty());
    }

    #[test]
    fn a_formulation_carries_its_record_and_an_english_rendering_that_of_its_chinese_form() {
        let zh = extract("坚持以人民为中心的发展思想。", Lexicon::builtin());
        let h = zh[0].history.expect("以人民为中心 has a record");
        assert_eq!(h.form, None);
        // The English speeches never say "people-centered" often enough for a row of its
        // own: the rendering carries its Chinese form's record, and says so.
        let en = extract("We follow a people-centered approach.", Lexicon::builtin());
        assert_eq!(en[0].history, Some(History { form: Some("以人民为中心"), ..h }));
    }

    #[test]
    fn english_translation_variants_share_a_key() {
        let a = extract("achieve “two maintains”", Lexicon::builtin());
        let b = extract("achieve the “two upholds”", Lexicon::builtin());
        assert_eq!(a[0].key, b[0].key);
    }

    #[test]
    fn a_quoted_saying_counts_whole_when_the_words_before_announce_it() {
        let text = "As a Chinese saying goes, “Power may win for the time being, but justice will prevail for the long run.” We agree.";
        let got = found(text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Power may win for the time being, but justice will prevail for the long run.");
        assert_eq!(got[0].1, FormulationKind::Quoted);
    }

    #[test]
    fn a_long_quotation_that_is_no_saying_is_searched_for_shorter_quotes() {
        let text =
            "The report said “we must build a ‘green lane’ for goods and people across all of our borders soon”.";
        let got: Vec<String> = found(text).into_iter().map(|g| g.0).collect();
        assert_eq!(got, ["green lane"]);
    }

    #[test]
    fn unclosed_quote_is_ignored() {
        assert!(found("他说“没有结束。").is_empty());
    }
}
