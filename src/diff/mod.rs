//! Word diff inside an aligned pair of sections.
//!
//! Tokens (see [`crate::text::token`]) are compared in their folded form with `similar`'s Myers
//! diff, then a semantic cleanup turns "confetti" into readable phrases: an equal run that is
//! no longer than the changes on both sides of it is absorbed into one replaced phrase (the
//! rule of diff-match-patch's `cleanupSemantic`, applied to tokens). So
//! `稳健的货币政策 → 适度宽松的货币政策` reads as one replacement, not as scattered characters.
//!
//! Architecture Invariant: the ops of a diff tile both inputs. Concatenating the A side of
//! `equal` and `delete` ops gives the A text byte for byte; the same holds for B with `equal`
//! and `insert`.

pub mod significance;

use crate::diff::significance::{classify, Significance};
use crate::text::normalize::fold;
use crate::text::token::{chars_of, tokenize, words_of, Token, TokenClass};
use crate::text::zh_words::Dictionary;
use crate::util::span::Span;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use similar::algorithms::{myers, Capture, Compact, Replace};
use similar::DiffOp;
use std::borrow::Cow;
use std::ops::Range;

/// The unit of the word diff.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Words for English, characters (cleaned up into phrases) for Chinese.
    #[default]
    Word,
    /// Single characters everywhere.
    Character,
}

/// What an op does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    /// Same text on both sides (after folding width and quotes).
    Equal,
    /// Text only in A.
    Delete,
    /// Text only in B.
    Insert,
}

/// One step of a diff, with the bytes it covers on each side (empty on the side it lacks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Op {
    /// Equal, delete or insert.
    pub kind: OpKind,
    /// Bytes in A.
    pub a: Span,
    /// Bytes in B.
    pub b: Span,
    /// For deletes and inserts: the significance of the change they belong to (a delete
    /// and the insert that replaces it share one).
    pub class: Option<Significance>,
}

/// Most tokens on either side of one word-level Myers call. Myers costs O((N+M)·D), so an
/// unbounded call on two long, unrelated paragraphs could freeze the page; past this size
/// the diff first aligns sentences.
pub const MAX_WORD_DIFF_TOKENS: usize = 3_000;

/// Most sentences on either side of the sentence-level pass; past this, or when a changed
/// block of sentences is itself past [`MAX_WORD_DIFF_TOKENS`], the block is shown as
/// replaced whole (a coarse diff, reported as such).
pub const MAX_DIFF_SENTENCES: usize = 5_000;

/// Diffs `span_a` of `text_a` against `span_b` of `text_b`.
///
/// With [`Granularity::Character`] every character is a token of its own; with
/// [`Granularity::Word`], runs of Han characters divide into the words of `words`.
pub fn diff<'t>(
    text_a: &'t str,
    span_a: Span,
    text_b: &'t str,
    span_b: Span,
    granularity: Granularity,
    words: &Dictionary,
) -> Vec<Op> {
    diff_bounded(text_a, span_a, text_b, span_b, granularity, words).0
}

/// Like [`diff`], and says whether part of the result is coarse (a block too large to diff
/// word by word, shown as deleted and inserted whole). Time is bounded by
/// O((N+M)·[`MAX_WORD_DIFF_TOKENS`]) whatever the input.
pub fn diff_bounded<'t>(
    text_a: &'t str,
    span_a: Span,
    text_b: &'t str,
    span_b: Span,
    granularity: Granularity,
    words: &Dictionary,
) -> (Vec<Op>, bool) {
    let (ta, tb) = (tokenize(text_a, span_a), tokenize(text_b, span_b));
    diff_tokens((text_a, span_a, ta), (text_b, span_b, tb), granularity, words)
}

/// [`diff_bounded`] given each side's [`tokenize`] tokens (which must tile its span), for
/// callers that already have them.
pub fn diff_tokens<'t>(
    (text_a, span_a, uax_a): (&'t str, Span, Vec<Token>),
    (text_b, span_b, uax_b): (&'t str, Span, Vec<Token>),
    granularity: Granularity,
    words: &Dictionary,
) -> (Vec<Op>, bool) {
    // A section only one side has (added or dropped) is one insert or delete: its words
    // need no finding, nor its tokens any matching.
    if uax_a.is_empty() != uax_b.is_empty() {
        let whole = Run { equal: false, a: 0..uax_a.len(), b: 0..uax_b.len() };
        return (to_ops(&[whole], (text_a, &uax_a, span_a), (text_b, &uax_b, span_b)), false);
    }
    // Most sections of two versions of a report are the same word for word: one equal run,
    // with no words to find in them.
    if !uax_a.is_empty() && span_a.of(text_a) == span_b.of(text_b) && same_token_lengths(&uax_a, &uax_b) {
        let whole = Run { equal: true, a: 0..uax_a.len(), b: 0..uax_b.len() };
        return (to_ops(&[whole], (text_a, &uax_a, span_a), (text_b, &uax_b, span_b)), false);
    }
    let split = |text: &str, tokens: Vec<Token>| match granularity {
        Granularity::Word => words_of(text, tokens, words),
        Granularity::Character => chars_of(text, tokens),
    };
    let tokens_a = split(text_a, uax_a);
    let tokens_b = split(text_b, uax_b);
    // Each distinct folded token gets a small integer; most tokens need no folding and are
    // borrowed from the texts.
    let mut interner: HashMap<Cow<'t, str>, u32> = HashMap::default();
    let mut key = |text: &'t str, t: &Token| -> u32 {
        let next = interner.len() as u32;
        *interner.entry(fold(t.span.of(text))).or_insert(next)
    };
    let keys_a: Vec<u32> = tokens_a.iter().map(|t| key(text_a, t)).collect();
    let keys_b: Vec<u32> = tokens_b.iter().map(|t| key(text_b, t)).collect();
    let (runs, coarse) = bounded_runs(&keys_a, &keys_b, (text_a, &tokens_a), (text_b, &tokens_b));
    let weight_a: Vec<usize> = tokens_a.iter().map(|t| content_chars(text_a, t)).collect();
    let weight_b: Vec<usize> = tokens_b.iter().map(|t| content_chars(text_b, t)).collect();
    let runs = semantic_cleanup(runs, &weight_a, &weight_b);
    (to_ops(&runs, (text_a, &tokens_a, span_a), (text_b, &tokens_b, span_b)), coarse)
}

/// Whether two token lists cut their texts at the same lengths (two same texts tokenized
/// alike: the tokens of a group skip what lies between its leaves).
fn same_token_lengths(a: &[Token], b: &[Token]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.span.len() == y.span.len())
}

/// Token runs, word by word when the sides are small enough, else through a sentence-level
/// alignment first.
fn bounded_runs<'k>(
    keys_a: &'k [u32],
    keys_b: &'k [u32],
    a: (&str, &[Token]),
    b: (&str, &[Token]),
) -> (Vec<Run>, bool) {
    if keys_a.len() <= MAX_WORD_DIFF_TOKENS && keys_b.len() <= MAX_WORD_DIFF_TOKENS {
        return (token_runs(keys_a, keys_b), false);
    }
    let (sa, sb) = (sentences(a.0, a.1), sentences(b.0, b.1));
    let whole = || vec![Run { equal: false, a: 0..keys_a.len(), b: 0..keys_b.len() }];
    if sa.len() > MAX_DIFF_SENTENCES || sb.len() > MAX_DIFF_SENTENCES {
        return (whole(), true);
    }
    let mut ids: HashMap<&'k [u32], u32> = HashMap::default();
    let mut sentence_key = |keys: &'k [u32]| -> u32 {
        let next = ids.len() as u32;
        *ids.entry(keys).or_insert(next)
    };
    let ka: Vec<u32> = sa.iter().map(|r| sentence_key(&keys_a[r.clone()])).collect();
    let kb: Vec<u32> = sb.iter().map(|r| sentence_key(&keys_b[r.clone()])).collect();
    let token_range = |s: &[Range<usize>], r: &Range<usize>, total: usize| -> Range<usize> {
        let start = s.get(r.start).map_or(total, |x| x.start);
        let end = if r.is_empty() { start } else { s[r.end - 1].end };
        start..end
    };
    let mut runs = Vec::new();
    let mut coarse = false;
    for sr in runs_from(&myers_ops(&ka, &kb)) {
        let (ta, tb) = (token_range(&sa, &sr.a, keys_a.len()), token_range(&sb, &sr.b, keys_b.len()));
        if sr.equal {
            push_run(&mut runs, Run { equal: true, a: ta, b: tb });
        } else if ta.len() <= MAX_WORD_DIFF_TOKENS && tb.len() <= MAX_WORD_DIFF_TOKENS {
            for r in token_runs(&keys_a[ta.clone()], &keys_b[tb.clone()]) {
                push_run(
                    &mut runs,
                    Run {
                        equal: r.equal,
                        a: r.a.start + ta.start..r.a.end + ta.start,
                        b: r.b.start + tb.start..r.b.end + tb.start,
                    },
                );
            }
        } else {
            coarse = true;
            push_run(&mut runs, Run { equal: false, a: ta, b: tb });
        }
    }
    (runs, coarse)
}

/// Token ranges of the sentences of a token list: the sentences of
/// [`crate::text::sentences`] (the one splitter, with its abbreviations and initials), and
/// a line break ends one too (a merged row holds several paragraphs). A token belongs to
/// the sentence its first byte is in.
fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return Vec::new() };
    let spans = crate::text::sentences::sentences(text, Span::new(first.span.start, last.span.end));
    let mut out = Vec::new();
    let (mut start, mut sentence) = (0, 0);
    for (k, t) in tokens.iter().enumerate() {
        while sentence + 1 < spans.len() && t.span.start >= spans[sentence].end {
            sentence += 1;
            if start < k {
                out.push(start..k);
                start = k;
            }
        }
        if t.class == TokenClass::Space && t.span.of(text).contains('\n') {
            out.push(start..k + 1);
            start = k + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Myers' diff of two key sequences, with `similar`'s compaction of ambiguous runs.
///
/// Calls the Myers module directly (not `capture_diff_slices`, which dispatches on the
/// algorithm at run time and so links every algorithm into the wasm), and never with a
/// deadline (deadlines read the clock, which traps on wasm32).
pub(crate) fn myers_ops(a: &[u32], b: &[u32]) -> Vec<DiffOp> {
    let mut hook = Compact::new(Replace::new(Capture::new()), a, b);
    // The capture hook cannot fail.
    let _ = myers::diff(&mut hook, a, 0..a.len(), b, 0..b.len());
    hook.into_inner().into_inner().into_ops()
}

/// The word-level runs of two token sequences. A token found on one side only is never
/// equal to anything; when such tokens are a quarter or more of the two sides (a rewritten
/// paragraph, a task condensed from five paragraphs into one), they are set aside before
/// Myers, as GNU diff sets aside lines without a match. Myers costs O((N+M)·D), and both
/// N+M and D shrink by the tokens set aside; the common subsequence it finds is as long,
/// so the diff stays minimal.
fn token_runs(a: &[u32], b: &[u32]) -> Vec<Run> {
    let keys = a.iter().chain(b).max().map_or(0, |&k| k as usize + 1);
    let (mut in_a, mut in_b) = (vec![false; keys], vec![false; keys]);
    a.iter().for_each(|&k| in_a[k as usize] = true);
    b.iter().for_each(|&k| in_b[k as usize] = true);
    let kept_a: Vec<usize> = (0..a.len()).filter(|&i| in_b[a[i] as usize]).collect();
    let kept_b: Vec<usize> = (0..b.len()).filter(|&j| in_a[b[j] as usize]).collect();
    if (kept_a.len() + kept_b.len()) * 4 > (a.len() + b.len()) * 3 {
        return runs_from(&myers_ops(a, b));
    }
    let shared_a: Vec<u32> = kept_a.iter().map(|&i| a[i]).collect();
    let shared_b: Vec<u32> = kept_b.iter().map(|&j| b[j]).collect();
    let mut runs = Vec::new();
    // The next positions of each side not yet in a run.
    let (mut i, mut j) = (0, 0);
    for op in myers_ops(&shared_a, &shared_b) {
        let DiffOp::Equal { old_index, new_index, len } = op else { continue };
        for k in 0..len {
            let (x, y) = (kept_a[old_index + k], kept_b[new_index + k]);
            push_run(&mut runs, Run { equal: false, a: i..x, b: j..y });
            push_run(&mut runs, Run { equal: true, a: x..x + 1, b: y..y + 1 });
            (i, j) = (x + 1, y + 1);
        }
    }
    push_run(&mut runs, Run { equal: false, a: i..a.len(), b: j..b.len() });
    runs
}

/// A maximal run of tokens: equal on both sides, or a change (delete and/or insert).
#[derive(Clone, Debug, PartialEq)]
struct Run {
    equal: bool,
    a: Range<usize>,
    b: Range<usize>,
}

fn runs_from(ops: &[DiffOp]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for op in ops {
        let (equal, a, b) = match *op {
            DiffOp::Equal { old_index, new_index, len } => {
                (true, old_index..old_index + len, new_index..new_index + len)
            }
            DiffOp::Delete { old_index, old_len, new_index } => {
                (false, old_index..old_index + old_len, new_index..new_index)
            }
            DiffOp::Insert { old_index, new_index, new_len } => {
                (false, old_index..old_index, new_index..new_index + new_len)
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (false, old_index..old_index + old_len, new_index..new_index + new_len)
            }
        };
        push_run(&mut runs, Run { equal, a, b });
    }
    runs
}

fn push_run(runs: &mut Vec<Run>, run: Run) {
    if run.a.is_empty() && run.b.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.equal == run.equal => {
            last.a.end = run.a.end;
            last.b.end = run.b.end;
        }
        _ => runs.push(run),
    }
}

/// Characters that carry content: whitespace counts for nothing, so a lone space between
/// two changed words is always absorbed.
fn content_chars(text: &str, t: &Token) -> usize {
    match t.class {
        TokenClass::Space => 0,
        _ => t.span.of(text).chars().count(),
    }
}

/// Absorbs every equal run no longer (in content characters) than the larger side of the
/// change before it and of the change after it, until none is left.
fn semantic_cleanup(mut runs: Vec<Run>, weight_a: &[usize], weight_b: &[usize]) -> Vec<Run> {
    let size = |r: &Run| -> usize {
        let a: usize = weight_a[r.a.clone()].iter().sum();
        let b: usize = weight_b[r.b.clone()].iter().sum();
        a.max(b)
    };
    loop {
        let mut absorbed = false;
        let mut k = 1;
        while k + 1 < runs.len() {
            if runs[k].equal && !runs[k - 1].equal && !runs[k + 1].equal {
                let e = size(&runs[k]);
                if e <= size(&runs[k - 1]) && e <= size(&runs[k + 1]) {
                    let merged = Run {
                        equal: false,
                        a: runs[k - 1].a.start..runs[k + 1].a.end,
                        b: runs[k - 1].b.start..runs[k + 1].b.end,
                    };
                    runs.splice(k - 1..k + 2, [merged]);
                    absorbed = true;
                    continue;
                }
            }
            k += 1;
        }
        if !absorbed {
            return runs;
        }
    }
}

fn byte_span(tokens: &[Token], range: &Range<usize>, whole: Span) -> Span {
    if range.is_empty() {
        let at = tokens.get(range.start).map_or(whole.end, |t| t.span.start);
        return Span::empty(at);
    }
    Span::new(tokens[range.start].span.start, tokens[range.end - 1].span.end)
}

/// One side's text, tokens and diffed span.
type Operand<'s> = (&'s str, &'s [Token], Span);

fn to_ops(runs: &[Run], (text_a, tokens_a, span_a): Operand<'_>, (text_b, tokens_b, span_b): Operand<'_>) -> Vec<Op> {
    let mut ops = Vec::with_capacity(runs.len() * 2);
    for run in runs {
        let a = byte_span(tokens_a, &run.a, span_a);
        let b = byte_span(tokens_b, &run.b, span_b);
        if run.equal {
            ops.push(Op { kind: OpKind::Equal, a, b, class: None });
            continue;
        }
        let class = Some(classify(a.of(text_a), b.of(text_b)));
        if !a.is_empty() {
            ops.push(Op { kind: OpKind::Delete, a, b: Span::empty(b.start), class });
        }
        if !b.is_empty() {
            ops.push(Op { kind: OpKind::Insert, a: Span::empty(a.end), b, class });
        }
    }
    ops
}

/// Renders ops in word-diff notation, `equal[-deleted-]{+inserted+}`: for tests and quick
/// inspection in plain text.
pub fn plain_redline<'o>(ops: impl IntoIterator<Item = &'o Op>, a: &str, b: &str) -> String {
    ops.into_iter()
        .map(|op| match op.kind {
            OpKind::Equal => op.a.of(a).to_string(),
            OpKind::Delete => format!("[-{}-]", op.a.of(a)),
            OpKind::Insert => format!("{{+{}+}}", op.b.of(b)),
        })
        .collect()
}

/// True when the ops hold no insert or delete.
pub fn is_unchanged(ops: &[Op]) -> bool {
    ops.iter().all(|op| op.kind == OpKind::Equal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> &'static Dictionary {
        crate::findings::lexicon::Lexicon::builtin().words()
    }

    /// Renders ops as `equal[-deleted-]{+inserted+}`.
    fn redline(a: &str, b: &str) -> String {
        let ops = diff(a, Span::new(0, a.len()), b, Span::new(0, b.len()), Granularity::Word, words());
        plain_redline(&ops, a, b)
    }

    #[test]
    fn sentences_for_long_rows_follow_the_one_splitter_and_line_breaks() {
        let text = "The U.S. and China met. Talks went on.\n第二段。完";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let pieces: Vec<String> = sentences(text, &tokens)
            .into_iter()
            .map(|r| text[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string())
            .collect();
        assert_eq!(pieces, ["The U.S. and China met. ", "Talks went on.\n", "第二段。", "完"]);
    }

    #[test]
    fn replaced_word() {
        assert_eq!(redline("we must act now", "we should act now"), "we [-must-]{+should+} act now");
    }

    #[test]
    fn chinese_phrase_replaced_as_one() {
        assert_eq!(redline("实施稳健的货币政策。", "实施适度宽松的货币政策。"), "实施[-稳健-]{+适度宽松+}的货币政策。");
    }

    #[test]
    fn short_equal_between_changes_is_absorbed() {
        // Without cleanup: "[-quickly-]{+slowly+} [-ran-]{+walked+}" with the space kept equal.
        assert_eq!(redline("he quickly ran home", "he slowly walked home"), "he [-quickly ran-]{+slowly walked+} home");
    }

    #[test]
    fn full_width_and_half_width_are_equal() {
        assert_eq!(redline("（一）改革", "(一)改革"), "（一）改革");
    }

    #[test]
    fn ops_rebuild_both_sides() {
        let (a, b) = ("全会认为，形势很好。", "全会指出，形势总体很好！");
        let ops = diff(a, Span::new(0, a.len()), b, Span::new(0, b.len()), Granularity::Word, words());
        let rebuilt_a: String = ops.iter().filter(|o| o.kind != OpKind::Insert).map(|o| o.a.of(a)).collect();
        let rebuilt_b: String = ops.iter().filter(|o| o.kind != OpKind::Delete).map(|o| o.b.of(b)).collect();
        assert_eq!((rebuilt_a.as_str(), rebuilt_b.as_str()), (a, b));
    }

    #[test]
    fn long_texts_align_sentences_first_and_stay_exact() {
        let a: String = (0..4000).map(|i| format!("Sentence number {i} stays. ")).collect();
        let b = a.replace("number 2000 stays", "number 2000 changed");
        let (ops, coarse) =
            diff_bounded(&a, Span::new(0, a.len()), &b, Span::new(0, b.len()), Granularity::Word, words());
        assert!(!coarse);
        let changed: Vec<&str> = ops.iter().filter(|o| o.kind == OpKind::Insert).map(|o| o.b.of(&b)).collect();
        assert_eq!(changed, ["changed"]);
    }

    #[test]
    fn huge_unrelated_blocks_are_coarse() {
        let a = "alpha beta ".repeat(5000);
        let b = "gamma delta ".repeat(5000);
        let (ops, coarse) =
            diff_bounded(&a, Span::new(0, a.len()), &b, Span::new(0, b.len()), Granularity::Word, words());
        assert!(coarse);
        assert_eq!(ops.len(), 2);
    }

    #[test]
    fn empty_sides() {
        assert_eq!(redline("", "new"), "{+new+}");
        assert_eq!(redline("old", ""), "[-old-]");
        assert!(diff("", Span::new(0, 0), "", Span::new(0, 0), Granularity::Word, words()).is_empty());
    }

    /// proptest is a native dev-dependency (the wasm tests run in a browser).
    #[cfg(not(target_arch = "wasm32"))]
    mod setting_aside_unmatched_tokens {
        use super::*;
        use proptest::prelude::*;

        fn equal_tokens(runs: &[Run]) -> usize {
            runs.iter().filter(|r| r.equal).map(|r| r.a.len()).sum()
        }

        proptest! {
            /// Tokens 0–9 may occur on both sides; 100+ on A's side only, 200+ on B's, so
            /// most cases take the path that sets tokens aside.
            #[test]
            fn keeps_as_many_tokens_equal_as_myers_and_tiles_both_sides(
                a in proptest::collection::vec(prop_oneof![0u32..10, 100u32..140], 0..120),
                b in proptest::collection::vec(prop_oneof![0u32..10, 200u32..240], 0..120),
            ) {
                let runs = token_runs(&a, &b);
                prop_assert_eq!(equal_tokens(&runs), equal_tokens(&runs_from(&myers_ops(&a, &b))));
                let (mut i, mut j) = (0, 0);
                for r in &runs {
                    prop_assert_eq!((r.a.start, r.b.start), (i, j));
                    if r.equal {
                        prop_assert_eq!(&a[r.a.clone()], &b[r.b.clone()]);
                    }
                    (i, j) = (r.a.end, r.b.end);
                }
                prop_assert_eq!((i, j), (a.len(), b.len()));
                prop_assert!(runs.windows(2).all(|w| w[0].equal != w[1].equal));
            }
        }
    }
}
