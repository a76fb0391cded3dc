//! Word diff inside an aligned pair of sections.
//!
//! Tokens (see [`crate::token`]) are compared in their folded form with `similar`'s Myers
//! diff, then a semantic cleanup turns "confetti" into readable phrases: an equal run that is
//! no longer than the changes on both sides of it is absorbed into one replaced phrase (the
//! rule of diff-match-patch's `cleanupSemantic`, applied to tokens). So
//! `稳健的货币政策 → 适度宽松的货币政策` reads as one replacement, not as scattered characters.
//!
//! Architecture Invariant: the ops of a diff tile both inputs. Concatenating the A side of
//! `equal` and `delete` ops gives the A text byte for byte; the same holds for B with `equal`
//! and `insert`.

use crate::normalize::fold;
use crate::options::Granularity;
use crate::significance::{classify, Significance};
use crate::span::Span;
use crate::token::{tokenize, tokenize_chars, Token, TokenClass};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use similar::algorithms::{myers, Capture, Compact, Replace};
use similar::DiffOp;
use std::borrow::Cow;
use std::ops::Range;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Op {
    /// Equal, delete or insert.
    #[serde(rename = "op")]
    pub kind: OpKind,
    /// Bytes in A.
    pub a: Span,
    /// Bytes in B.
    pub b: Span,
    /// For deletes and inserts: the significance of the change they belong to (a delete
    /// and the insert that replaces it share one).
    pub class: Option<Significance>,
}

/// Diffs `span_a` of `text_a` against `span_b` of `text_b`.
///
/// With [`Granularity::Character`] every character is a token of its own.
pub fn diff<'t>(text_a: &'t str, span_a: Span, text_b: &'t str, span_b: Span, granularity: Granularity) -> Vec<Op> {
    let split = |text: &str, span: Span| match granularity {
        Granularity::Word => tokenize(text, span),
        Granularity::Character => tokenize_chars(text, span),
    };
    let tokens_a = split(text_a, span_a);
    let tokens_b = split(text_b, span_b);
    // Each distinct folded token gets a small integer; most tokens need no folding and are
    // borrowed from the texts.
    let mut interner: HashMap<Cow<'t, str>, u32> = HashMap::default();
    let mut key = |text: &'t str, t: &Token| -> u32 {
        let next = interner.len() as u32;
        *interner.entry(fold(t.span.of(text))).or_insert(next)
    };
    let keys_a: Vec<u32> = tokens_a.iter().map(|t| key(text_a, t)).collect();
    let keys_b: Vec<u32> = tokens_b.iter().map(|t| key(text_b, t)).collect();
    let runs = runs_from(&myers_ops(&keys_a, &keys_b));
    let weight_a: Vec<usize> = tokens_a.iter().map(|t| content_chars(text_a, t)).collect();
    let weight_b: Vec<usize> = tokens_b.iter().map(|t| content_chars(text_b, t)).collect();
    let runs = semantic_cleanup(runs, &weight_a, &weight_b);
    to_ops(&runs, (text_a, &tokens_a, span_a), (text_b, &tokens_b, span_b))
}

/// Myers' diff of two key sequences, with `similar`'s compaction of ambiguous runs.
///
/// Calls the Myers module directly (not `capture_diff_slices`, which dispatches on the
/// algorithm at run time and so links every algorithm into the wasm), and never with a
/// deadline (deadlines read the clock, which traps on wasm32).
fn myers_ops(a: &[u32], b: &[u32]) -> Vec<DiffOp> {
    let mut hook = Compact::new(Replace::new(Capture::new()), a, b);
    // The capture hook cannot fail.
    let _ = myers::diff(&mut hook, a, 0..a.len(), b, 0..b.len());
    hook.into_inner().into_inner().into_ops()
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
type Side<'s> = (&'s str, &'s [Token], Span);

fn to_ops(runs: &[Run], (text_a, tokens_a, span_a): Side<'_>, (text_b, tokens_b, span_b): Side<'_>) -> Vec<Op> {
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

/// True when the ops hold no insert or delete.
pub fn is_unchanged(ops: &[Op]) -> bool {
    ops.iter().all(|op| op.kind == OpKind::Equal)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders ops as `equal[-deleted-]{+inserted+}`.
    fn redline(a: &str, b: &str) -> String {
        let ops = diff(a, Span::new(0, a.len()), b, Span::new(0, b.len()), Granularity::Word);
        ops.iter()
            .map(|op| match op.kind {
                OpKind::Equal => op.a.of(a).to_string(),
                OpKind::Delete => format!("[-{}-]", op.a.of(a)),
                OpKind::Insert => format!("{{+{}+}}", op.b.of(b)),
            })
            .collect()
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
        let ops = diff(a, Span::new(0, a.len()), b, Span::new(0, b.len()), Granularity::Word);
        let rebuilt_a: String = ops.iter().filter(|o| o.kind != OpKind::Insert).map(|o| o.a.of(a)).collect();
        let rebuilt_b: String = ops.iter().filter(|o| o.kind != OpKind::Delete).map(|o| o.b.of(b)).collect();
        assert_eq!((rebuilt_a.as_str(), rebuilt_b.as_str()), (a, b));
    }

    #[test]
    fn empty_sides() {
        assert_eq!(redline("", "new"), "{+new+}");
        assert_eq!(redline("old", ""), "[-old-]");
        assert!(diff("", Span::new(0, 0), "", Span::new(0, 0), Granularity::Word).is_empty());
    }
}
