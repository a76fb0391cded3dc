//! The formulation lexicon: fixed phrases analysts track, kept as data in
//! `src/data/lexicon.tsv` (Chinese form, English renderings, gloss, kind, Chinese aliases).
//!
//! A lexicon entry is one formulation whatever its spelling: 两个维护, “two maintains”,
//! “two upholds” and “two safeguards” all resolve to the same entry, so a change of
//! translation is not reported as a new formulation.
//!
//! Matching is leftmost-longest over the text: Chinese entries as substrings, English
//! entries as whole words, case-insensitively. The scanner indexes entries by their first
//! character, which keeps the wasm small (no automaton tables) and is linear in practice.
//!
//! The lexicon also carries the Chinese word list the word diff reads
//! ([`crate::text::zh_words`]): both are language data the engine is handed, not code.
//!
//! Native builds (CLI, tests, benchmarks) compile both in (`Lexicon::builtin`).
//! The web app fetches `lexicon.tsv` and `zh_words.txt` from the site instead and passes them
//! to [`crate::compare::compare_with`], which keeps the wasm within its size budget.

use crate::findings::phrase_table::PhraseTable;
use crate::text::normalize::{fold_char, is_han};
use crate::text::zh_words::Dictionary;
use crate::util::span::Span;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

#[cfg(any(not(target_arch = "wasm32"), test))]
const LEXICON_TSV: &str = include_str!("../data/lexicon.tsv");

/// One formulation of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Index in [`Lexicon::entries`].
    pub id: usize,
    /// Chinese form (may be empty for English-only entries).
    pub zh: &'static str,
    /// English renderings, the first being the preferred one.
    pub en: Vec<&'static str>,
    /// Short explanation.
    pub gloss: &'static str,
    /// numbered, ideology, stance, formulation or plan.
    pub kind: &'static str,
}

impl Entry {
    /// The form to show: Chinese when there is one, else the preferred English rendering.
    pub fn label(&self) -> &'static str {
        if self.zh.is_empty() {
            self.en.first().copied().unwrap_or("")
        } else {
            self.zh
        }
    }
}

/// The parsed lexicon with its match index.
#[derive(Debug)]
pub struct Lexicon {
    /// All entries.
    pub entries: Vec<Entry>,
    /// Chinese forms by their first two characters, longest first.
    han: FxHashMap<(char, char), Vec<(&'static str, usize)>>,
    /// English forms by the [`word_key`] of their first word, longest first (a key shared
    /// by two words only costs a failed compare).
    latin: FxHashMap<u64, Vec<(&'static str, usize)>>,
    /// The TSV it was parsed from (the web app hands it to its comparison worker).
    source: &'static str,
    /// The Chinese word list (empty unless given).
    words: Dictionary,
    /// The text of the word list.
    words_source: &'static str,
    /// The phrase table (empty unless given): the learned tier and every phrase's record.
    phrases: PhraseTable,
}

/// The [`Entry::kind`] of a phrase of the phrase table that the lexicon does not list.
pub const LEARNED: &str = "learned";

/// A match of a lexicon entry in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Entry id.
    pub entry: usize,
    /// Where it stands.
    pub span: Span,
}

impl Lexicon {
    /// The built-in lexicon with the word list and the phrase table, parsed once. Native
    /// builds only: a wasm build has no built-in data (the page fetches it) and must say
    /// which lexicon it compares with, so that no call gives different results in the
    /// browser and natively without saying so.
    #[cfg(any(not(target_arch = "wasm32"), test))]
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon::parse(LEXICON_TSV)
                .with_words(crate::text::zh_words::BUILTIN_LIST)
                .with_phrases(PhraseTable::builtin_source())
        })
    }

    /// A lexicon with no entries, no word list and no phrase table: what a wasm build
    /// compares with before its language data arrive. Only quoted, numbered and repeated
    /// formulations are found with it.
    pub fn empty() -> &'static Lexicon {
        static EMPTY: OnceLock<Lexicon> = OnceLock::new();
        EMPTY.get_or_init(|| Lexicon::parse(""))
    }

    /// This lexicon with the phrase table `tsv` (format of `src/data/phrases.tsv`), which
    /// gives every formulation its record ([`Lexicon::phrases`]).
    pub fn with_phrases(mut self, tsv: &'static str) -> Lexicon {
        self.phrases = PhraseTable::parse(tsv);
        self
    }

    /// This lexicon with every phrase of its phrase table that it does not already list as
    /// an entry of kind [`LEARNED`], found like the others: the *learned tier*.
    ///
    /// Measured, not used: on the nine dev pairs of `tests/formulation_quality.rs` it adds 2,180
    /// added and dropped phrases of which 41 are annotated formulations (a table of recurring
    /// n-grams is mostly vocabulary: 国内生产总值, 取得明显成效). The quality test prints its
    /// scores beside the engine's, so that a better table can be judged the same way.
    pub fn with_learned_tier(mut self) -> Lexicon {
        let table = std::mem::take(&mut self.phrases);
        for phrase in &table.phrases {
            let id = self.entries.len();
            let folded = crate::findings::phrase_table::lookup_key(phrase.text);
            let Some(list) = self.forms_like(phrase.text) else { continue };
            if list.iter().any(|(form, _)| crate::findings::phrase_table::lookup_key(form) == folded) {
                continue;
            }
            list.push((phrase.text, id));
            let english = !is_han(phrase.text.chars().next().unwrap_or(' '));
            self.entries.push(Entry {
                id,
                zh: if english { "" } else { phrase.text },
                en: if english { vec![phrase.text] } else { Vec::new() },
                gloss: "",
                kind: LEARNED,
            });
        }
        self.longest_forms_first();
        self.phrases = table;
        self
    }

    /// The list of the match index that `form` is filed in: Chinese forms by their first
    /// two characters, others by their first word; `None` for a form that starts neither.
    fn forms_like(&mut self, form: &str) -> Option<&mut Vec<(&'static str, usize)>> {
        let mut chars = form.chars();
        match (chars.next(), chars.next()) {
            (Some(c1), Some(c2)) if is_han(c1) => Some(self.han.entry((c1, c2)).or_default()),
            (Some(c1), _) if c1.is_alphanumeric() => Some(self.latin.entry(word_key(form).1).or_default()),
            _ => None,
        }
    }

    /// Orders every list of the match index longest form first (leftmost-longest matching).
    fn longest_forms_first(&mut self) {
        for list in self.han.values_mut().chain(self.latin.values_mut()) {
            crate::util::shared_sort::sort_by_key(list, |(form, _)| std::cmp::Reverse(form.len()));
        }
    }

    /// [`Lexicon::with_phrases`] for a table fetched at run time.
    pub fn with_phrases_owned(self, tsv: String) -> Lexicon {
        self.with_phrases(Box::leak(tsv.into_boxed_str()))
    }

    /// The phrase table (empty when none was given).
    pub fn phrases(&self) -> &PhraseTable {
        &self.phrases
    }

    /// Whether entry `id` is a phrase of the phrase table rather than of the lexicon.
    pub fn is_learned(&self, id: usize) -> bool {
        self.entries.get(id).is_some_and(|e| e.kind == LEARNED)
    }

    /// This lexicon with the Chinese word list `list` (format of `src/data/zh_words.txt`).
    pub fn with_words(mut self, list: &'static str) -> Lexicon {
        self.words = Dictionary::parse(list);
        self.words_source = list;
        self
    }

    /// [`Lexicon::with_words`] for a list fetched at run time.
    pub fn with_words_owned(self, list: String) -> Lexicon {
        self.with_words(Box::leak(list.into_boxed_str()))
    }

    /// The Chinese word list.
    pub fn words(&self) -> &Dictionary {
        &self.words
    }

    /// The text of the Chinese word list.
    pub fn words_source(&self) -> &'static str {
        self.words_source
    }

    /// Parses a lexicon fetched at run time; the text lives as long as the program.
    pub fn parse_owned(tsv: String) -> Lexicon {
        Lexicon::parse(Box::leak(tsv.into_boxed_str()))
    }

    /// Parses the TSV format (header line; `#` comments; columns zh, en, gloss, kind, aliases).
    pub fn parse(tsv: &'static str) -> Lexicon {
        let mut lexicon = Lexicon {
            entries: Vec::new(),
            han: FxHashMap::default(),
            latin: FxHashMap::default(),
            source: tsv,
            words: Dictionary::default(),
            words_source: "",
            phrases: PhraseTable::default(),
        };
        let rows = tsv.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).skip(1);
        for line in rows {
            let cells: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            let cell = |i: usize| cells.get(i).copied().unwrap_or("");
            let id = lexicon.entries.len();
            let en: Vec<&'static str> = cell(1).split('|').map(str::trim).filter(|s| !s.is_empty()).collect();
            let forms = std::iter::once(cell(0))
                .chain(cell(4).split('|').map(str::trim))
                .chain(en.iter().copied())
                .filter(|f| f.chars().count() >= 2);
            for form in forms {
                if let Some(list) = lexicon.forms_like(form) {
                    list.push((form, id));
                }
            }
            lexicon.entries.push(Entry { id, zh: cell(0), en, gloss: cell(2), kind: cell(3) });
        }
        lexicon.longest_forms_first();
        lexicon
    }

    /// The TSV text it was parsed from.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Leftmost-longest matches in `text`, plus the formulations nested inside them (小康社会
    /// inside 全面建成小康社会 is a formulation where it stands, and counts). A match that
    /// starts inside another but runs past it, or is the same entry, is not reported. English
    /// forms match whole words, ignoring case.
    ///
    /// Chinese forms are looked up by the two characters at each position, English forms by
    /// the word starting there, so each position costs one hash lookup and a few compares.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        // The enclosing match, if the scan is inside one: (its end, its entry).
        let mut outer: Option<(usize, usize)> = None;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Spaces and punctuation of ASCII start nothing: skipped without decoding.
            if bytes[at] < 0x80 && !bytes[at].is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let rest = &text[at..];
            let mut chars = rest.chars();
            let Some(c) = chars.next() else { break };
            let han = is_han(c);
            if !han && !c.is_alphanumeric() {
                at += c.len_utf8();
                continue;
            }
            if outer.is_some_and(|(end, _)| at >= end) {
                outer = None;
            }
            // Chinese forms may start at every character; English forms only where a word of
            // letters or digits starts, so the scan goes on after the word.
            let (next, candidates) = if han {
                (at + c.len_utf8(), chars.next().and_then(|c2| self.han.get(&(c, c2))))
            } else {
                let (length, key) = word_key(rest);
                // A word glued to the Han text before it is not read as English.
                let glued = text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
                (at + length, if glued { None } else { self.latin.get(&key) })
            };
            for &(form, entry) in candidates.into_iter().flatten() {
                let length = if han {
                    rest.starts_with(form).then_some(form.len())
                } else {
                    latin_prefix(rest, form).filter(|&n| !rest[n..].chars().next().is_some_and(char::is_alphanumeric))
                };
                if let Some(length) = length {
                    let end = at + length;
                    match outer {
                        None => {
                            hits.push(Hit { entry, span: Span::new(at, end) });
                            outer = Some((end, entry));
                        }
                        Some((outer_end, outer_entry)) if end <= outer_end && entry != outer_entry => {
                            hits.push(Hit { entry, span: Span::new(at, end) });
                        }
                        // Runs past the enclosing match, or repeats it: a shorter form may
                        // still nest.
                        Some(_) => continue,
                    }
                    break;
                }
            }
            at = next;
        }
        hits
    }
}

/// Text of a lexicon field read back from a comparison in binary form (the web app's worker
/// sends its result that way, see [`crate::output::wire`]), kept for the rest of the program like
/// the lexicon itself.
/// Each distinct text is stored once, so reading many comparisons does not grow memory.
pub fn intern(text: &str) -> &'static str {
    static TEXTS: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut texts = TEXTS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    match texts.binary_search(&text) {
        Ok(i) => texts[i],
        Err(i) => {
            let kept: &'static str = Box::leak(text.to_owned().into_boxed_str());
            texts.insert(i, kept);
            kept
        }
    }
}

/// Length in bytes of the English form `form` at the start of `rest`, if it is there:
/// letters compare without case, a space in the form matches any run of white space in the
/// text (a no-break space, a line break of hard-wrapped text), and curly quotes and
/// full-width forms compare as their plain ASCII forms ([`fold_char`]).
fn latin_prefix(rest: &str, form: &str) -> Option<usize> {
    let (r, f) = (rest.as_bytes(), form.as_bytes());
    let same = r.iter().zip(f).take_while(|(x, y)| x.eq_ignore_ascii_case(y)).count();
    if same == f.len() {
        return rest.is_char_boundary(same).then_some(same);
    }
    // Folding can only help where the text has white space or a character beyond ASCII (or
    // the form has one): the usual mismatch, a different word, costs no more than before.
    match (r.get(same), f.get(same)) {
        (Some(x), Some(y)) if !x.is_ascii() || x.is_ascii_whitespace() || !y.is_ascii() => {}
        _ => return None,
    }
    let mut text = rest.char_indices().peekable();
    for f in form.chars() {
        let (_, t) = text.next()?;
        let t = fold_char(t);
        if f == ' ' {
            if !t.is_whitespace() {
                return None;
            }
            while text.peek().is_some_and(|&(_, t)| fold_char(t).is_whitespace()) {
                text.next();
            }
        } else if !t.eq_ignore_ascii_case(&fold_char(f)) {
            return None;
        }
    }
    Some(text.peek().map_or(rest.len(), |&(at, _)| at))
}

/// The leading run of letters and digits of `s` (`"high-quality growth"` → `"high"`), as its
/// length in bytes and a hash of its lower-case form: the key English forms are filed under.
/// One pass, no string built: the scan calls it at every word of an English text.
fn word_key(s: &str) -> (usize, u64) {
    let step = |h: u64, c: char| (h.rotate_left(5) ^ c as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    let mut hash = 0u64;
    for (k, c) in s.char_indices() {
        if c.is_ascii() {
            if !c.is_ascii_alphanumeric() {
                return (k, hash);
            }
            hash = step(hash, c.to_ascii_lowercase());
        } else if c.is_alphanumeric() && !is_han(c) {
            hash = c.to_lowercase().fold(hash, step);
        } else {
            return (k, hash);
        }
    }
    (s.len(), hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "zh\ten\tgloss\tkind\taliases\n\
        两个维护\ttwo upholds|two maintains|two safeguards\tuphold the core\tnumbered\t\n\
        国家安全\tnational security\tsecurity\tstance\t\n\
        总体国家安全观\tholistic approach to national security\tsecurity doctrine\tstance\t\n";

    fn lexicon() -> Lexicon {
        Lexicon::parse(SAMPLE)
    }

    #[test]
    fn interning_keeps_one_copy_of_each_text() {
        let first = intern("uphold the core");
        let second = intern(&String::from("uphold the core"));
        assert!(std::ptr::eq(first, second));
        assert_eq!(intern("other"), "other");
    }

    #[test]
    fn translations_resolve_to_one_entry() {
        let l = lexicon();
        let text = "achieve “two maintains” and the Two Upholds";
        let hits = l.find(text);
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().all(|h| h.entry == 0));
        assert_eq!(hits[1].span.of(text), "Two Upholds");
    }

    #[test]
    fn longest_match_wins_and_nested_formulations_count_where_they_stand() {
        let l = lexicon();
        let text = "坚持总体国家安全观，维护国家安全";
        let got: Vec<(usize, &str)> = l.find(text).iter().map(|h| (h.span.start, h.span.of(text))).collect();
        // 国家安全 stands inside 总体国家安全观 as well as on its own.
        assert_eq!(got, [(6, "总体国家安全观"), (12, "国家安全"), (36, "国家安全")]);
        // The same entry is never counted twice over (a form inside another form of it).
        assert!(l
            .find("总体国家安全观")
            .iter()
            .all(|h| h.span.start == 0 || h.entry != l.find("总体国家安全观")[0].entry));
    }

    #[test]
    fn the_budgets_three_guarantees_are_not_found_inside_the_poverty_standards() {
        let l = Lexicon::builtin();
        let text = "实现两不愁三保障，做好三保工作";
        let budgets = |h: &&Hit| l.entries[h.entry].zh == "三保";
        let found: Vec<&str> = l.find(text).iter().filter(budgets).map(|h| h.span.of(text)).collect();
        assert_eq!(found, ["三保"]);
        assert!(l.find(text).iter().filter(budgets).all(|h| h.span.start > text.find('，').unwrap()));
    }

    #[test]
    fn english_forms_match_across_no_break_spaces_line_breaks_and_curly_quotes() {
        let l = lexicon();
        for (text, form) in [
            ("a holistic approach to\u{a0}national security", "holistic approach to\u{a0}national security"),
            ("holistic approach to\n  national security.", "holistic approach to\n  national security"),
            ("the “Two Maintains”", "Two Maintains"),
        ] {
            assert_eq!(l.find(text)[0].span.of(text), form, "{text:?}");
        }
        let text = "national\u{a0}security matters";
        assert_eq!(l.find(text)[0].span.of(text), "national\u{a0}security");
    }

    #[test]
    fn english_needs_word_boundaries() {
        let l = lexicon();
        assert!(l.find("international securityx").is_empty());
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn builtin_lexicon_parses_with_glosses() {
        let l = Lexicon::builtin();
        assert!(l.entries.len() >= 200, "{} entries", l.entries.len());
        assert!(l.entries.iter().all(|e| !e.en.is_empty() && !e.gloss.is_empty()));
        let text = "做到“两个维护”";
        assert_eq!(l.find(text).len(), 1);
    }
}
