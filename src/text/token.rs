//! Tokens: the units a diff compares.
//!
//! English splits at Unicode word boundaries (UAX #29, [`crate::text::word_bounds`]), so a word, a number, a run of spaces
//! and each punctuation mark are tokens of their own. UAX #29 puts a boundary between any two
//! Han characters, so [`tokenize`] gives Chinese one character per token (what fingerprints
//! want: character bigrams need no word list); [`tokenize_words`] then joins runs of Han
//! characters into words (see [`crate::text::zh_words`]), which is what the word diff compares.
//!
//! `"Tan spoke, twice."` → `["Tan", " ", "spoke", ",", " ", "twice", "."]`
//! `tokenize("全会认为，")` → `["全", "会", "认", "为", "，"]`
//! `tokenize_words("全会认为，")` → `["全会", "认为", "，"]`

use crate::text::normalize::is_han;
use crate::text::word_bounds::for_each_word_bound;
use crate::text::zh_words::Dictionary;
use crate::util::span::Span;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// What kind of text a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenClass {
    /// A Latin (or other spaced-script) word.
    Word,
    /// Han characters: one, or a word of several (see [`tokenize_words`]).
    Han,
    /// Digits, possibly with separators (`2,019`, `3.5`).
    Number,
    /// A punctuation mark or symbol.
    Punct,
    /// Whitespace, including line breaks.
    Space,
}

/// One token: where it stands and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token in the document.
    pub span: Span,
    /// Its class.
    pub class: TokenClass,
}

/// Splits `span` of `text` into tokens that cover it exactly, in order.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let piece = span.of(text);
    let mut out: Vec<Token> = Vec::new();
    let mut joined = false;
    for_each_word_bound(piece, |offset, word| {
        let token =
            Token { span: Span::new(span.start + offset, span.start + offset + word.len()), class: classify(word) };
        match out.last_mut() {
            // Word boundaries can fall inside a grapheme cluster (after a prepended mark such
            // as U+0600 ARABIC NUMBER SIGN): such a token runs on into the next, so no token
            // boundary cuts a user-perceived character.
            Some(last) if splits_grapheme(piece, offset) => {
                last.span.end = token.span.end;
                joined = true;
            }
            _ => out.push(token),
        }
    });
    if joined {
        for t in &mut out {
            t.class = classify(t.span.of(text));
        }
    }
    out
}

/// Whether byte `at` of `s` (a word boundary) lies inside a grapheme cluster. Only a
/// character outside ASCII and the Han blocks before it can make it so; the rest are
/// answered without the grapheme tables.
fn splits_grapheme(s: &str, at: usize) -> bool {
    let Some(before) = s[..at].chars().next_back() else { return false };
    if before.is_ascii() || is_han(before) {
        return false;
    }
    let mut cursor = unicode_segmentation::GraphemeCursor::new(at, s.len(), true);
    !cursor.is_boundary(s, 0).unwrap_or(true)
}

/// Like [`tokenize`], with each run of Han characters divided into the words of
/// `dictionary`, unknown text staying one character per token.
pub fn tokenize_words(text: &str, span: Span, dictionary: &Dictionary) -> Vec<Token> {
    words_of(text, tokenize(text, span), dictionary)
}

/// [`tokenize_words`] from the [`tokenize`] tokens of a span, already at hand.
pub fn words_of(text: &str, tokens: Vec<Token>, dictionary: &Dictionary) -> Vec<Token> {
    if !tokens.iter().any(|t| t.class == TokenClass::Han) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut run: Vec<char> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if tokens[k].class != TokenClass::Han {
            out.push(tokens[k]);
            k += 1;
            continue;
        }
        // A run of Han tokens (one character each, with any marks it carries; tokens tile the
        // text, so a run is contiguous). Each token stands for its first character.
        let start = k;
        while k < tokens.len() && tokens[k].class == TokenClass::Han {
            k += 1;
        }
        run.clear();
        run.extend(tokens[start..k].iter().map(|t| t.span.of(text).chars().next().unwrap_or(' ')));
        let mut at = start;
        for len in dictionary.divide(&run) {
            let span = Span::new(tokens[at].span.start, tokens[at + len - 1].span.end);
            out.push(Token { span, class: TokenClass::Han });
            at += len;
        }
    }
    out
}

/// Splits `span` of `text` into one token per user-perceived character (grapheme cluster,
/// so a letter keeps its combining accents); whitespace runs stay whole.
pub fn tokenize_chars(text: &str, span: Span) -> Vec<Token> {
    chars_of(text, tokenize(text, span))
}

/// [`tokenize_chars`] from the [`tokenize`] tokens of a span, already at hand.
pub fn chars_of(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::new();
    for t in tokens {
        if matches!(t.class, TokenClass::Space | TokenClass::Han) {
            out.push(t);
            continue;
        }
        for (offset, g) in t.span.of(text).grapheme_indices(true) {
            let start = t.span.start + offset;
            out.push(Token { span: Span::new(start, start + g.len()), class: t.class });
        }
    }
    out
}

/// The class of a token's text.
pub fn classify(word: &str) -> TokenClass {
    let Some(first) = word.chars().next() else {
        return TokenClass::Space;
    };
    if first.is_whitespace() {
        TokenClass::Space
    } else if is_han(first) {
        TokenClass::Han
    } else if first.is_numeric() {
        TokenClass::Number
    } else if first.is_alphanumeric() {
        TokenClass::Word
    } else {
        TokenClass::Punct
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn english_splits_words_spaces_and_punctuation() {
        assert_eq!(words("Tan spoke, twice."), ["Tan", " ", "spoke", ",", " ", "twice", "."]);
    }

    #[test]
    fn no_token_boundary_falls_inside_a_grapheme_cluster() {
        // U+11A84 (Soyombo) and U+0600 (Arabic number sign) are prepended to the next
        // character: a word boundary after them is no grapheme boundary.
        assert_eq!(words("\u{11A84}（二）"), ["\u{11A84}（", "二", "）"]);
        assert_eq!(words("\u{600}12 x"), ["\u{600}12", " ", "x"]);
    }

    #[test]
    fn chinese_splits_per_character() {
        assert_eq!(words("全会认为，"), ["全", "会", "认", "为", "，"]);
    }

    #[test]
    fn chinese_words_join_characters() {
        let text = "全会认为，实施稳健的货币政策";
        let dictionary = Dictionary::parse(crate::text::zh_words::BUILTIN_LIST);
        let got: Vec<&str> =
            tokenize_words(text, Span::new(0, text.len()), &dictionary).iter().map(|t| t.span.of(text)).collect();
        assert_eq!(got, ["全会", "认为", "，", "实施", "稳健", "的", "货币政策"]);
    }

    #[test]
    fn word_tokens_tile_mixed_text() {
        let text = "In 2023年GDP增长5.2%，好。";
        let tokens =
            tokenize_words(text, Span::new(0, text.len()), &Dictionary::parse(crate::text::zh_words::BUILTIN_LIST));
        let rebuilt: String = tokens.iter().map(|t| t.span.of(text)).collect();
        assert_eq!(rebuilt, text);
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(words("202人"), ["202", "人"]);
    }

    #[test]
    fn character_tokens() {
        let text = "Tan 谈";
        let chars: Vec<&str> = tokenize_chars(text, Span::new(0, text.len())).iter().map(|t| t.span.of(text)).collect();
        assert_eq!(chars, ["T", "a", "n", " ", "谈"]);
    }

    #[test]
    fn classes() {
        assert_eq!(classify("全"), TokenClass::Han);
        assert_eq!(classify("the"), TokenClass::Word);
        assert_eq!(classify("19th"), TokenClass::Number);
        assert_eq!(classify("，"), TokenClass::Punct);
        assert_eq!(classify("\n\n"), TokenClass::Space);
    }
}
