//! Formulations found by repetition: phrases a document keeps coming back to that no
//! lexicon entry, quotation mark or number pattern caught.
//!
//! A new formulation is printed before anyone has put it in a lexicon, and documents repeat
//! what they mean to stress: the 2021 history resolution's communiqué repeats
//! 同志为主要代表的中国共产党人 six times, Xi's 2021 UN speech "Staying committed" six times.
//! So a phrase of two to five words (Chinese: up to [`MAX_HAN_TOKENS`] tokens, four to
//! twelve characters) that recurs at least [`MIN_REPEATS`] times in one document, outside
//! the formulations already found, is a candidate. Ordinary phrases are kept out by their
//! edges: a candidate neither begins nor ends with a function word (the, of, we…; 的, 和,
//! 要…) or a stock verb or lead-in (坚持, 推进, 全会…), nor begins with a word that closes
//! the phrase before it (“十三五”时期我国发展 is no phrase of its own: the word after a
//! closing quotation mark, 时期, 方面…); phrases never run across
//! punctuation, a line break or a numeral; an English phrase that runs on into another
//! content word wherever it stands is a modifier ("global economic"), not a candidate. Of a
//! phrase and a longer one that stands
//! wherever it does, only the longer is kept, and each kept phrase grows to the longest run
//! all its places share. At most [`MAX_PER_DOCUMENT`] candidates per document, the most
//! repeated first. A phrase the record of seventy years finds in more than half of its
//! documents (人民群众, 各位代表) is the everyday wording of the genre and no candidate.
//!
//! Each candidate of either document is then counted in both, so a phrase repeated in A and
//! printed once in B is "count changed", not dropped. Words are those of the diff: Unicode
//! word boundaries for English, the word list of [`crate::text::zh_words`] for Chinese.
//!
//! Cost: a few passes over each document's words. Pairs of words are counted first, and
//! longer phrases only where all their pairs recur, so the counting map stays small; no
//! strings are built until a phrase is kept. Documents above [`MAX_DOCUMENT_BYTES`] (a
//! congress report of 33,000 characters is about 98 KB) are not searched: the search costs
//! a fifth of their whole comparison, long reports repeat hundreds of ordinary phrases, and
//! their formulations are the lexicon's.

use crate::findings::formulations::{Formulation, FormulationKind};
use crate::findings::lexicon::Lexicon;
use crate::text::fingerprint::hash_folded;
use crate::text::normalize::fold_char;
use crate::text::token::{words_of as join_han_words, Token, TokenClass};
use crate::util::span::Span;
use rustc_hash::FxHashMap;

/// Times a phrase must stand in one document to be a candidate.
pub const MIN_REPEATS: usize = 3;
/// Candidates kept per document.
pub const MAX_PER_DOCUMENT: usize = 20;
/// Longest English phrase, in words.
pub const MAX_WORDS: usize = 5;
/// Longest Chinese phrase, in tokens (words of the word list, or single characters it
/// does not know); Chinese phrases are also held to four to twelve characters.
pub const MAX_HAN_TOKENS: usize = 8;
/// Longest phrase a candidate grows to, in bytes (24 Han characters, or a dozen English
/// words).
pub const MAX_GROWN_BYTES: usize = 72;
/// Documents longer than this (in bytes) are not searched for recurring phrases.
pub const MAX_DOCUMENT_BYTES: usize = 80_000;

/// English words that make a phrase ordinary when it begins or ends with them.
const EN_FUNCTION_WORDS: [&str; 72] = [
    "a", "about", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "do",
    "each", "for", "from", "had", "has", "have", "he", "her", "his", "i", "in", "into", "is", "it", "its", "last",
    "more", "must", "my", "need", "next", "no", "not", "of", "on", "one", "or", "other", "our", "over", "should", "so",
    "such", "than", "that", "the", "their", "them", "there", "these", "they", "this", "those", "time", "to", "today",
    "us", "was", "we", "were", "which", "will", "with", "would", "year", "years",
];

/// Single Han characters that make a phrase ordinary when it begins or ends with them
/// (particles, prepositions, conjunctions, measure words).
const ZH_FUNCTION_CHARS: &str =
    "的地得和与及或并而是在了着过对把被为以等将要更使从向于中上下其这那各之也就都还又再才所让给跟同由个些年";

/// Chinese numerals: a phrase never runs across one (十九届中央委员会第五次 is a session's
/// name, not a formulation; numbered formulations are found elsewhere).
const ZH_NUMERALS: &str = "〇零一二三四五六七八九十百千万亿两第";

/// Chinese words that make a phrase ordinary when it begins or ends with them: lead-ins,
/// pronouns and the verbs of every task sentence.
const ZH_EDGE_WORDS: [&str; 38] = [
    "全会",
    "会议",
    "我们",
    "我国",
    "必须",
    "坚持",
    "加强",
    "推进",
    "推动",
    "完善",
    "提高",
    "加快",
    "促进",
    "健全",
    "深化",
    "实施",
    "进一步",
    "不断",
    "积极",
    "全面",
    "坚决",
    "努力",
    "切实",
    "更加",
    "继续",
    "做好",
    "进行",
    "实现",
    "开展",
    "加大",
    "保持",
    "支持",
    "落实",
    "强化",
    "统筹",
    "优化",
    "扩大",
    "增强",
];

/// Chinese words that begin no phrase: nouns that close the phrase before them (“十三五”
/// 时期, 各方面, 改革开放以来), so a phrase that begins with one has lost its head.
const ZH_NOT_FIRST: [&str; 4] = ["时期", "方面", "期间", "以来"];

/// Closing quotation marks: the word after one is the head of the quoted phrase's noun
/// phrase (“十三五”时期, “四个全面”战略布局, the “Belt and Road” Initiative) and begins no
/// phrase. The straight quote " both opens and closes, and the right single quote is also
/// the English apostrophe (the peoples’ well-being): both are left out.
const CLOSING_QUOTES: &str = "”」』";

/// One word of a document: where it stands and a hash of its folded text.
struct Word {
    span: Span,
    hash: u64,
    han: bool,
    /// Begins or ends no candidate.
    edge_banned: bool,
    /// Begins no candidate ([`ZH_NOT_FIRST`], [`CLOSING_QUOTES`]).
    start_banned: bool,
    /// The first word after punctuation, a number or a line break: phrases do not cross it.
    starts_segment: bool,
}

/// The words of a document from the word-boundary tokens of its leaves (as
/// [`crate::compare::Prepared`] holds them), Han runs joined into words; a leaf boundary
/// ends a phrase.
fn words_of(text: &str, leaves: &[Vec<Token>], lexicon: &Lexicon) -> Vec<Word> {
    let mut out = Vec::with_capacity(leaves.iter().map(Vec::len).sum::<usize>() / 2);
    for leaf in leaves {
        if leaf.iter().any(|t| t.class == TokenClass::Han) {
            push_words(text, &join_han_words(text, leaf.clone(), lexicon.words()), &mut out);
        } else {
            push_words(text, leaf, &mut out);
        }
    }
    out
}

/// Whether `word` is one of [`EN_FUNCTION_WORDS`], in any case.
fn is_function_word(word: &str) -> bool {
    word.len() <= 7
        && EN_FUNCTION_WORDS.binary_search_by(|f| f.bytes().cmp(word.bytes().map(|b| b.to_ascii_lowercase()))).is_ok()
}

fn push_words(text: &str, tokens: &[Token], out: &mut Vec<Word>) {
    let mut boundary = true;
    let mut after_quote = false;
    // Whether the last token was a Chinese numeral: the single character after one is a
    // measure word or an ordinal's suffix (十九届, 第五次), which begins no phrase.
    let mut after_numeral = false;
    for &t in tokens {
        let s = t.span.of(text);
        let single_han = t.class == TokenClass::Han && s.chars().count() == 1;
        let numeral = single_han && ZH_NUMERALS.contains(s);
        let counted = std::mem::replace(&mut after_numeral, numeral) && single_han;
        // A hyphen inside a word joins ("Anti-Fascist"); other punctuation ends a phrase.
        let joining_hyphen = matches!(s, "-" | "\u{2010}") && !boundary;
        match t.class {
            _ if numeral => boundary = true,
            TokenClass::Punct if joining_hyphen => {}
            TokenClass::Word | TokenClass::Han => {
                let han = t.class == TokenClass::Han;
                let edge_banned = if han {
                    counted || (single_han && ZH_FUNCTION_CHARS.contains(s)) || ZH_EDGE_WORDS.contains(&s)
                } else {
                    is_function_word(s) || s.bytes().any(|b| b.is_ascii_digit())
                };
                let start_banned = after_quote || (han && ZH_NOT_FIRST.contains(&s));
                let word = Word {
                    span: t.span,
                    hash: hash_folded(s),
                    han,
                    edge_banned,
                    start_banned,
                    starts_segment: boundary,
                };
                out.push(word);
                boundary = false;
            }
            TokenClass::Space if !s.contains('\n') => {}
            _ => boundary = true,
        }
        after_quote = t.class == TokenClass::Punct && s.chars().all(|c| CLOSING_QUOTES.contains(c));
    }
}

/// The hash of the phrase `words[i..i + n]`.
fn phrase_hash(words: &[Word], i: usize, n: usize) -> u64 {
    words[i..i + n].iter().fold(PHRASE_SEED, extend_hash)
}

const PHRASE_SEED: u64 = 0x51_7cc1_b727_220a;

/// The hash of a phrase one word longer.
fn extend_hash(h: u64, w: &Word) -> u64 {
    (h.rotate_left(17) ^ w.hash).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Whether `words[i..i + n]` can be a phrase: good edges and long enough (the caller has
/// checked that it stays within one segment).
fn well_formed(words: &[Word], i: usize, n: usize) -> bool {
    let phrase = &words[i..i + n];
    if phrase[0].edge_banned || phrase[0].start_banned || phrase[n - 1].edge_banned {
        return false;
    }
    let bytes: usize = phrase.iter().map(|w| w.span.len()).sum();
    if phrase[0].han {
        // Four to twelve Han characters (three bytes each).
        (12..=36).contains(&bytes)
    } else {
        bytes >= 8
    }
}

/// The text a key is made of: words folded and lower-cased, joined by one space (English)
/// or nothing (Chinese).
fn key_text(text: &str, words: &[Word]) -> String {
    let join = if words[0].han { "" } else { " " };
    let parts: Vec<String> =
        words.iter().map(|w| w.span.of(text).chars().map(fold_char).flat_map(char::to_lowercase).collect()).collect();
    parts.join(join)
}

/// The formulations already found in a document, for "does this phrase overlap one?".
struct Covered {
    /// Starts, ascending.
    starts: Vec<usize>,
    /// `max_end[k]`: the furthest end among the first `k` spans.
    max_end: Vec<usize>,
}

impl Covered {
    fn new(list: &[Formulation]) -> Covered {
        // As `(start, end)` pairs, whose sort the page has anyway (see
        // `crate::util::shared_sort`): spans would compile a copy of their own.
        let mut spans: Vec<(usize, usize)> =
            list.iter().flat_map(|s| s.occurrences.iter().map(|o| (o.start, o.end))).collect();
        spans.sort_unstable();
        let mut max_end = vec![0];
        for &(_, end) in &spans {
            max_end.push(max_end[max_end.len() - 1].max(end));
        }
        Covered { starts: spans.iter().map(|s| s.0).collect(), max_end }
    }

    fn overlaps(&self, s: Span) -> bool {
        self.max_end[self.starts.partition_point(|&start| start < s.end)] > s.start
    }
}

/// Calls `each(i, n, hash)` for every phrase of two to `longest.0` words (Chinese:
/// `longest.1`) within one segment, in text order.
fn for_each_phrase(words: &[Word], longest: (usize, usize), mut each: impl FnMut(usize, usize, u64)) {
    for i in 0..words.len() {
        let longest = if words[i].han { longest.1 } else { longest.0 };
        let mut hash = extend_hash(PHRASE_SEED, &words[i]);
        for n in 2..=longest.min(words.len() - i) {
            if words[i + n - 1].starts_segment {
                break;
            }
            hash = extend_hash(hash, &words[i + n - 1]);
            each(i, n, hash);
        }
    }
}

/// What the counting pass knows of a phrase.
#[derive(Clone, Copy)]
struct Tally {
    /// The hash of its first word.
    first: u64,
    /// Its length in words.
    words: usize,
    /// Places counted so far.
    count: usize,
    /// End of the last place counted: overlapping repeats count once.
    reach: usize,
}

/// Every place each wanted phrase stands outside `covered`, without overlaps, in text
/// order: one pass.
fn places(words: &[Word], covered: &Covered, wanted: &mut FxHashMap<u64, Tally>) -> Vec<(u64, Span)> {
    wanted.values_mut().for_each(|t| t.reach = 0);
    // Most words begin no wanted phrase: those are passed over after one search.
    let mut firsts: Vec<u64> = wanted.values().map(|t| t.first).collect();
    firsts.sort_unstable();
    firsts.dedup();
    let longest = wanted.values().map(|t| t.words).max().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..words.len() {
        if firsts.binary_search(&words[i].hash).is_err() {
            continue;
        }
        let mut hash = extend_hash(PHRASE_SEED, &words[i]);
        for n in 2..=longest.min(words.len() - i) {
            if words[i + n - 1].starts_segment {
                break;
            }
            hash = extend_hash(hash, &words[i + n - 1]);
            let Some(t) = wanted.get_mut(&hash).filter(|t| t.words == n) else { continue };
            let span = Span::new(words[i].span.start, words[i + n - 1].span.end);
            if span.start >= t.reach && !covered.overlaps(span) {
                t.reach = span.end;
                out.push((hash, span));
            }
        }
    }
    out
}

/// Places grouped by phrase: `(hash, places in text order)`, ordered by hash.
fn grouped(mut places: Vec<(u64, Span)>) -> Vec<(u64, Vec<Span>)> {
    crate::util::shared_sort::sort_by_key(&mut places, |p| p.0);
    let mut out: Vec<(u64, Vec<Span>)> = Vec::new();
    for (hash, span) in places {
        match out.last_mut() {
            Some((h, spans)) if *h == hash => spans.push(span),
            _ => out.push((hash, vec![span])),
        }
    }
    out
}

/// The recurring phrases of one document, as `(hash, words, hash of the first word)`: at most
/// [`MAX_PER_DOCUMENT`], the most repeated first, without phrases that only stand inside a
/// longer one that is kept.
fn candidates(words: &[Word], covered: &Covered) -> Vec<(u64, usize, u64)> {
    // A phrase recurs only where every word and every pair of neighbouring words in it
    // recur: those are counted first (sorted hashes, no map), and longer phrases only
    // where all their pairs are frequent (most phrases of a text are unique, so the
    // counting map stays small).
    let frequent = |mut hashes: Vec<u64>| {
        hashes.sort_unstable();
        move |h: u64| hashes.partition_point(|&x| x <= h) - hashes.partition_point(|&x| x < h) >= MIN_REPEATS
    };
    let frequent_word = frequent(words.iter().map(|w| w.hash).collect());
    let word_ok: Vec<bool> = words.iter().map(|w| frequent_word(w.hash)).collect();
    let pair_at = |i: usize| i + 1 < words.len() && !words[i + 1].starts_segment && word_ok[i] && word_ok[i + 1];
    let frequent_pair_hash =
        frequent((0..words.len()).filter(|&i| pair_at(i)).map(|i| phrase_hash(words, i, 2)).collect());
    let frequent_pair: Vec<bool> =
        (0..words.len()).map(|i| pair_at(i) && frequent_pair_hash(phrase_hash(words, i, 2))).collect();
    let mut counts: FxHashMap<u64, Tally> = FxHashMap::default();
    for_each_phrase(words, (MAX_WORDS, MAX_HAN_TOKENS), |i, n, hash| {
        if !frequent_pair[i..i + n - 1].iter().all(|&f| f) || !well_formed(words, i, n) {
            return;
        }
        let span = Span::new(words[i].span.start, words[i + n - 1].span.end);
        if covered.overlaps(span) {
            return;
        }
        let t = counts.entry(hash).or_insert(Tally { first: words[i].hash, words: n, count: 0, reach: 0 });
        if span.start >= t.reach {
            t.count += 1;
            t.reach = span.end;
        }
    });
    counts.retain(|_, t| t.count >= MIN_REPEATS);
    let mut found: Vec<(u64, Vec<Span>)> = grouped(places(words, covered, &mut counts));
    // Longest first (so a longer phrase is kept before the shorter ones inside it), then
    // most repeated; ties by hash keep the order fixed.
    let length = |h: &u64| counts.get(h).map_or(0, |t| t.words);
    crate::util::shared_sort::sort_by(&mut found, |x, y| {
        length(&y.0).cmp(&length(&x.0)).then(y.1.len().cmp(&x.1.len())).then(x.0.cmp(&y.0))
    });
    let mut kept: Vec<(u64, Vec<Span>)> = Vec::new();
    for (hash, spans) in found {
        let within =
            |longer: &[Span]| spans.iter().all(|s| longer.iter().any(|l| l.start <= s.start && s.end <= l.end));
        if !kept.iter().any(|(_, longer)| within(longer)) {
            kept.push((hash, spans));
        }
    }
    crate::util::shared_sort::sort_by_key(&mut kept, |k| std::cmp::Reverse(k.1.len()));
    // Each kept phrase grows to the longest run its occurrences all share (a refrain longer
    // than the window, 以毛泽东同志为主要代表的中国共产党人, is one phrase, not five
    // overlapping ones); phrases that grow into the same one are one.
    let mut out: Vec<(u64, usize, u64)> = Vec::new();
    for (hash, spans) in kept {
        let grown = grown(words, covered, &spans, length(&hash));
        if !out.iter().any(|o| o.0 == grown.0)
            && out.len() < MAX_PER_DOCUMENT
            && !modifies_the_next_word(words, &spans, grown.1)
        {
            out.push(grown);
        }
    }
    out
}

/// Whether an English phrase of `n` words at `spans` is a modifier of the word after it
/// everywhere it stands: every occurrence runs on into another content word ("global
/// economic recovery", "global economic governance": "global economic" names nothing by
/// itself). A phrase that ends where a sentence, a clause or a function word begins
/// somewhere ("economic globalization.", "common development and …") is whole. Chinese is
/// left alone: its compounds run on without a space, so running on says nothing there.
fn modifies_the_next_word(words: &[Word], spans: &[Span], n: usize) -> bool {
    spans.iter().all(|s| {
        let i = words.partition_point(|w| w.span.start < s.start);
        words.get(i + n).is_some_and(|next| !next.han && !next.starts_segment && !next.edge_banned)
    })
}

/// Adds the recurring phrases of both documents to their formulations (`formulations`), each
/// counted in both documents. Formulations already found (any kind) are not searched
/// again.
/// `leaves` are the word-boundary tokens of each document's leaves, in leaf order.
pub fn add_recurring(
    texts: (&str, &str),
    leaves: (&[Vec<Token>], &[Vec<Token>]),
    formulations: (&mut Vec<Formulation>, &mut Vec<Formulation>),
    lexicon: &Lexicon,
) {
    if texts.0.len() > MAX_DOCUMENT_BYTES || texts.1.len() > MAX_DOCUMENT_BYTES {
        return;
    }
    let (covered_a, covered_b) = (Covered::new(formulations.0), Covered::new(formulations.1));
    let (words_a, words_b) = (words_of(texts.0, leaves.0, lexicon), words_of(texts.1, leaves.1, lexicon));
    let mut wanted: FxHashMap<u64, Tally> = FxHashMap::default();
    for (hash, n, first) in candidates(&words_a, &covered_a).into_iter().chain(candidates(&words_b, &covered_b)) {
        wanted.insert(hash, Tally { first, words: n, count: 0, reach: 0 });
    }
    if wanted.is_empty() {
        return;
    }
    for (text, words, covered, list) in
        [(texts.0, &words_a, &covered_a, &mut *formulations.0), (texts.1, &words_b, &covered_b, &mut *formulations.1)]
    {
        for (hash, spans) in grouped(places(words, covered, &mut wanted)) {
            let first = spans[0];
            let i = words.partition_point(|w| w.span.start < first.start);
            let n = wanted.get(&hash).map_or(1, |t| t.words);
            let key = key_text(text, &words[i..i + n]);
            if is_everyday_wording(&key, lexicon) {
                continue;
            }
            list.push(Formulation {
                key: format!("rep:{key}"),
                text: first.of(text).to_string(),
                kind: FormulationKind::Recurring,
                category: None,
                gloss: None,
                canonical: None,
                occurrences: spans,
                history: None,
            });
        }
        crate::util::shared_sort::sort_by_key(list, |s| s.occurrences[0].start);
    }
}

/// Whether the record ([`crate::findings::phrase_table`]) finds `phrase` in more than half
/// of its documents: the everyday wording of these texts (人民群众, 中国共产党, 各位代表,
/// 国内生产总值: 34 to 59 of 65 work and congress reports), which a document repeats
/// because it is that kind of document, not because it coins anything. Without the record
/// (before the page has fetched it) nothing is left out.
fn is_everyday_wording(phrase: &str, lexicon: &Lexicon) -> bool {
    lexicon.phrases().history(phrase).is_some_and(|h| 2 * h.documents > h.of_documents)
}

/// The phrase of `n` words standing at `spans`, grown word by word to the left and right
/// while every occurrence has the same next word (within its segment, clear of `covered`,
/// at most [`MAX_GROWN_BYTES`]), then trimmed of ordinary edge words: `(hash, words, hash
/// of the first word)`.
fn grown(words: &[Word], covered: &Covered, spans: &[Span], n: usize) -> (u64, usize, u64) {
    let mut starts: Vec<usize> = spans.iter().map(|s| words.partition_point(|w| w.span.start < s.start)).collect();
    let mut n = n;
    // Whether every occurrence has a word at `next(start)`, and they are all the same word.
    let same = |starts: &[usize], next: &dyn Fn(usize) -> Option<usize>| -> bool {
        let at: Option<Vec<usize>> = starts.iter().map(|&i| next(i)).collect();
        at.is_some_and(|js| js.iter().all(|&j| words[j].hash == words[js[0]].hash))
    };
    let fits = |i: usize, n: usize| {
        let span = Span::new(words[i].span.start, words[i + n - 1].span.end);
        span.len() <= MAX_GROWN_BYTES && !covered.overlaps(span)
    };
    while same(&starts, &|i| (i + n < words.len() && !words[i + n].starts_segment).then_some(i + n))
        && starts.iter().all(|&i| fits(i, n + 1))
    {
        n += 1;
    }
    while same(&starts, &|i| (i > 0 && !words[i].starts_segment).then(|| i - 1))
        && starts.iter().all(|&i| fits(i - 1, n + 1))
    {
        starts.iter_mut().for_each(|i| *i -= 1);
        n += 1;
    }
    // Growing may have reached ordinary words at either end: trim them again.
    let mut first = starts[0];
    while n > 2 && (words[first].edge_banned || words[first].start_banned) {
        first += 1;
        n -= 1;
    }
    while n > 2 && words[first + n - 1].edge_banned {
        n -= 1;
    }
    (phrase_hash(words, first, n), n, words[first].hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(text, times)` of each recurring phrase.
    type Found = Vec<(String, usize)>;

    fn recurring(a: &str, b: &str) -> (Found, Found) {
        let lexicon = Lexicon::builtin();
        let (mut sa, mut sb) =
            (crate::findings::formulations::extract(a, lexicon), crate::findings::formulations::extract(b, lexicon));
        let (pa, pb) = (crate::compare::prepare(a), crate::compare::prepare(b));
        add_recurring((a, b), (&pa.tokens, &pb.tokens), (&mut sa, &mut sb), lexicon);
        let pick = |list: Vec<Formulation>| {
            list.into_iter()
                .filter(|s| s.kind == FormulationKind::Recurring)
                .map(|s| (s.text, s.occurrences.len()))
                .collect::<Vec<_>>()
        };
        (pick(sa), pick(sb))
    }

    #[test]
    fn a_phrase_repeated_three_times_is_a_candidate_and_is_counted_in_both_documents() {
        let a = "We build the Silk Road bridges. Silk Road bridges carry goods. More Silk Road bridges, then.";
        let b = "Our Silk Road bridges stand.";
        let (ra, rb) = recurring(a, b);
        assert_eq!(ra, [("Silk Road bridges".to_string(), 3)]);
        assert_eq!(rb, [("Silk Road bridges".to_string(), 1)]);
    }

    #[test]
    fn ordinary_edges_numbers_and_punctuation_make_no_candidate() {
        let a = "we need to act. we need to act. we need to act. in 2020 ships, in 2020 ships, in 2020 ships.";
        let (ra, _) = recurring(a, "");
        assert!(ra.is_empty(), "{ra:?}");
        // "Road bridges, carry" never forms across the comma.
        let a = "Road bridges, carry on. Road bridges, carry on. Road bridges, carry on.";
        let (ra, _) = recurring(a, "");
        assert!(ra.iter().all(|(t, _)| !t.contains(',')), "{ra:?}");
    }

    #[test]
    fn a_modifier_that_runs_on_into_a_different_noun_everywhere_is_no_candidate() {
        let a = "a global economic recovery; global economic governance; global economic growth.";
        let (ra, _) = recurring(a, "");
        assert!(ra.is_empty(), "{ra:?}");
        // Ending a clause once is enough to stand as a phrase of its own.
        let a = "economic globalization matters; economic globalization helps; and economic globalization.";
        let (ra, _) = recurring(a, "");
        assert_eq!(ra, [("economic globalization".to_string(), 3)]);
    }

    #[test]
    fn chinese_phrases_recur_by_words_and_the_longest_form_wins() {
        let a = "建设边境口岸城市。边境口岸城市要开放。支持边境口岸城市发展。";
        let (ra, _) = recurring(a, "");
        assert_eq!(ra, [("边境口岸城市".to_string(), 3)]);
    }

    #[test]
    fn a_measure_word_after_a_numeral_begins_no_phrase() {
        let a = "十九届中央委员会召开。十九届中央委员会决定。十九届中央委员会号召。";
        let (ra, _) = recurring(a, "");
        assert_eq!(ra, [("中央委员会".to_string(), 3)]);
    }

    #[test]
    fn a_phrase_that_lost_its_head_is_no_candidate() {
        // The cc18-5 communiqué: the phrase after “十三五” is that period's, not one of its own.
        let a = "“十二五”时期我国发展成就。“十三五”时期我国发展环境。“十三五”时期我国发展思想。";
        let (ra, _) = recurring(a, "");
        assert!(ra.is_empty(), "{ra:?}");
        // 各方面制度: 方面 closes 各 and begins nothing.
        let a = "各方面制度更加成熟。各方面制度更加定型。完善各方面制度建设。";
        let (ra, _) = recurring(a, "");
        assert!(ra.is_empty(), "{ra:?}");
    }

    #[test]
    fn the_everyday_wording_of_the_record_is_no_candidate() {
        // 国内生产总值 stands in 34 of the record's 65 work and congress reports; 边境口岸城市
        // in none.
        let a = "国内生产总值增长。国内生产总值达到。国内生产总值提高。建设边境口岸城市。边境口岸城市开放。支持边境口岸城市。";
        let (ra, _) = recurring(a, "");
        assert_eq!(ra, [("边境口岸城市".to_string(), 3)]);
    }

    #[test]
    fn the_function_words_are_sorted_for_binary_search() {
        assert!(EN_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn formulations_already_found_are_not_found_again() {
        let a = "高质量发展。高质量发展。高质量发展。";
        let (ra, _) = recurring(a, "");
        assert!(ra.is_empty(), "{ra:?}");
    }
}
