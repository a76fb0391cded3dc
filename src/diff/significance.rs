//! Significance of a change: routine, modifier or substantive.
//!
//! Analysts distrust tools that show a comma as loudly as a dropped formulation. So every change
//! (a deleted and/or inserted phrase) gets a class:
//!
//! - **routine**: nothing but numbers, dates, ordinals, punctuation, whitespace and a few
//!   function words differ (`Ninth → Tenth`, `2019年10月 → 2020年10月`, `202人 → 198人`,
//!   `第四次 → 第五次`, a comma);
//! - **modifier**: only intensifiers and hedges differ (`unswervingly → comprehensively`,
//!   `+进一步`), from the list in `src/data/modifiers.txt`;
//! - **substantive**: everything else.
//!
//! The test is: strip the routine material (and, for the modifier class, the modifiers) from
//! both sides; if what is left is equal, the change is of that class.

use crate::text::normalize::{fold_char, is_han, push_lowercase};
use crate::text::numerals::ORDINALS;
use serde::{Deserialize, Serialize};

/// How much a change matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Significance {
    /// Numbers, dates, ordinals, punctuation, whitespace.
    Routine,
    /// Intensifiers and hedges.
    Modifier,
    /// Everything else.
    Substantive,
}

const MODIFIERS: &str = include_str!("../data/modifiers.txt");

const MONTHS: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Cardinal number words and ordinals past twentieth (the first twenty ordinals are
/// [`ORDINALS`]).
const NUMBER_WORDS: [&str; 28] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "hundredth",
];

const FUNCTION_WORDS: [&str; 12] = ["the", "a", "an", "of", "and", "to", "in", "on", "at", "for", "st", "nd"];

/// Chinese characters that are numerals or counters of sessions and dates.
fn is_zh_routine(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
    )
}

/// The words of `text`, folded and lower-cased, with Han runs kept whole.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut current_han = false;
    let flush = |current: &mut String, out: &mut Vec<String>| {
        if !current.is_empty() {
            out.push(std::mem::take(current));
        }
    };
    for c in text.chars().map(fold_char) {
        // Han and ASCII first: neither needs the Unicode tables.
        let han = is_han(c);
        if han || c.is_alphanumeric() {
            if han != current_han {
                flush(&mut current, &mut out);
                current_han = han;
            }
            push_lowercase(c, |l| current.push(l));
        } else {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

/// True for a non-Han word that routine changes may touch: a number, a month, a number
/// word or ordinal, a function word.
fn is_routine_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || MONTHS.contains(&w)
        || NUMBER_WORDS.contains(&w)
        || ORDINALS.contains(&w)
        || FUNCTION_WORDS.contains(&w)
}

/// What is left of some words once routine material is removed.
fn strip_routine(words: Vec<String>) -> Vec<String> {
    words
        .into_iter()
        .filter_map(|w| {
            let han = w.chars().next().is_some_and(is_han);
            if han {
                let kept: String = w.chars().filter(|c| !is_zh_routine(*c)).collect();
                (!kept.is_empty()).then_some(kept)
            } else {
                (!is_routine_word(&w)).then_some(w)
            }
        })
        .collect()
}

/// The modifier lexicon, parsed once.
struct ModifierLists {
    /// Chinese entries, longest first.
    zh: Vec<&'static str>,
    /// English entries.
    en: Vec<&'static str>,
    /// Every character of a Chinese entry, as its code, sorted (numbers share the page's one
    /// copy of the sort of `u64`; see `crate::util::shared_sort`).
    zh_chars: Vec<u64>,
}

fn modifier_lists() -> &'static ModifierLists {
    static LISTS: std::sync::OnceLock<ModifierLists> = std::sync::OnceLock::new();
    LISTS.get_or_init(parse_modifiers)
}

fn parse_modifiers() -> ModifierLists {
    let mut zh: Vec<&str> = Vec::new();
    let mut en: Vec<&str> = Vec::new();
    for line in MODIFIERS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if line.chars().any(is_han) {
            zh.push(line);
        } else {
            en.push(line);
        }
    }
    crate::util::shared_sort::sort_by_key(&mut zh, |m| std::cmp::Reverse(m.chars().count()));
    let mut zh_chars: Vec<u64> = zh.iter().flat_map(|m| m.chars()).map(|c| c as u64).collect();
    zh_chars.sort_unstable();
    zh_chars.dedup();
    ModifierLists { zh, en, zh_chars }
}

/// What no stripping can remove: the Han characters that are neither routine nor part of
/// a modifier, and the other words that are neither routine nor modifiers, as a sorted
/// list of keys. Two sides whose stripped forms are equal have equal plain units, so unequal
/// plain units settle most substantive changes without the stripping itself.
fn plain_units(words: &[String]) -> Vec<u64> {
    let lists = modifier_lists();
    let mut out = Vec::new();
    for w in words {
        if w.chars().next().is_some_and(is_han) {
            out.extend(
                w.chars()
                    .filter(|c| !is_zh_routine(*c) && lists.zh_chars.binary_search(&(*c as u64)).is_err())
                    .map(|c| c as u64),
            );
        } else if !is_routine_word(w) && !lists.en.contains(&w.as_str()) {
            let hash = w.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
            out.push(hash | 1 << 63);
        }
    }
    out.sort_unstable();
    out
}

/// What is left of some words once modifiers are removed.
fn strip_modifiers(words: Vec<String>) -> Vec<String> {
    let ModifierLists { zh, en, .. } = modifier_lists();
    words
        .into_iter()
        .filter_map(|w| {
            if w.chars().next().is_some_and(is_han) {
                // Longest modifiers first, each removed everywhere; a modifier is only
                // searched for when the word holds its first character (most hold none).
                let mut present: Vec<u64> = w.chars().map(|c| c as u64).collect();
                present.sort_unstable();
                present.dedup();
                let mut rest = w;
                for m in zh {
                    let first = m.chars().next().unwrap_or_default();
                    if present.binary_search(&(first as u64)).is_ok() && rest.contains(m) {
                        rest = rest.replace(m, "");
                    }
                }
                (!rest.is_empty()).then_some(rest)
            } else {
                (!en.contains(&w.as_str())).then_some(w)
            }
        })
        .collect()
}

/// The class of a change that replaced `deleted` by `inserted` (either may be empty).
///
/// `("Ninth", "Tenth")` → routine; `("unswervingly", "comprehensively")` → modifier;
/// `("稳健", "适度宽松")` → substantive.
pub fn classify(deleted: &str, inserted: &str) -> Significance {
    let (d, i) = (words(deleted), words(inserted));
    if plain_units(&d) != plain_units(&i) {
        return Significance::Substantive;
    }
    if strip_routine(d.clone()) == strip_routine(i.clone()) {
        return Significance::Routine;
    }
    if strip_routine(strip_modifiers(d)) == strip_routine(strip_modifiers(i)) {
        return Significance::Modifier;
    }
    Significance::Substantive
}

/// True when a change touches nothing but punctuation and whitespace.
pub fn is_punctuation_only(deleted: &str, inserted: &str) -> bool {
    deleted.chars().chain(inserted.chars()).all(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Significance::*;

    #[test]
    fn session_ordinals_dates_and_counts_are_routine() {
        assert_eq!(classify("Ninth", "Tenth"), Routine);
        assert_eq!(classify("August 5, the ninth", "December 20, the tenth"), Routine);
        assert_eq!(classify("2019年10月28日至31", "2020年10月26日至29"), Routine);
        assert_eq!(classify("四", "五"), Routine);
        assert_eq!(classify("202", "198"), Routine);
        assert_eq!(classify("53 members and 13", "52 members and 14"), Routine);
    }

    #[test]
    fn punctuation_is_routine() {
        assert_eq!(classify("，", "、"), Routine);
        assert_eq!(classify(",", ""), Routine);
        assert!(is_punctuation_only("，", "；"));
        assert!(!is_punctuation_only("，", "和"));
    }

    #[test]
    fn intensifiers_are_modifiers() {
        assert_eq!(classify("unswervingly", "comprehensively"), Modifier);
        assert_eq!(classify("", "进一步"), Modifier);
        assert_eq!(classify("坚定不移", "全面"), Modifier);
        assert_eq!(classify("resolutely ", ""), Modifier);
    }

    #[test]
    fn policy_wording_is_substantive() {
        assert_eq!(classify("稳健", "适度宽松"), Substantive);
        assert_eq!(classify(" and “three advances”", ""), Substantive);
        assert_eq!(classify("", " and cultivate new quality productive forces"), Substantive);
        assert_eq!(classify("三中全会", "四中全会"), Routine);
    }
}
