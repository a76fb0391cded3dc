//! Chinese words: where a run of Han characters divides into words.
//!
//! Chinese has no spaces, and Unicode's word boundaries (UAX #29) fall between every two Han
//! characters. A diff over single characters matches stray characters (的, 和, 发) across
//! rewritten sentences and costs the Myers diff one step per character. So the word diff
//! reads Han runs as words from a list kept as data (`src/data/zh_words.txt`, about 6,300
//! words of two to four characters, built by `scripts/build-zh-words.py`): the division with
//! the fewest words, then the fewest single characters, wins. Text the list does not know
//! falls back to single characters. Numbers are kept out of the list on purpose, so
//! `第四次 → 第五次` still shows as the one numeral that changed.
//!
//! Like the formulation lexicon, the list travels with [`crate::findings::lexicon::Lexicon`]: native
//! builds compile it in, the web app fetches `zh_words.txt` from the site (20 KB gzipped
//! kept out of the page's wasm), and without it Chinese is compared character by character.
//!
//! `"实施稳健的货币政策"` → `["实施", "稳健", "的", "货币政策"]`

use rustc_hash::FxHashSet;

/// The built-in word list: compiled into native builds only (the web app fetches it).
#[cfg(any(not(target_arch = "wasm32"), test))]
pub const BUILTIN_LIST: &str = include_str!("../data/zh_words.txt");

/// The longest word in the list, in characters.
pub const MAX_WORD_CHARS: usize = 4;

/// First code point of the CJK Unified Ideographs block, the only block the list uses.
const HAN_FIRST: u32 = 0x4E00;
/// Last code point of that block.
const HAN_LAST: u32 = 0x9FFF;

/// The word list, ready for look-ups.
#[derive(Debug, Default)]
pub struct Dictionary {
    /// Packed words (see [`pack`]).
    words: FxHashSet<u64>,
    /// For each character of the block, the length of the longest word it starts (0: none).
    longest_from: Vec<u8>,
}

/// The character's place in the block plus one (so no packed character is zero), or
/// `None` outside the block.
fn code(c: char) -> Option<u64> {
    let v = c as u32;
    (HAN_FIRST..=HAN_LAST).contains(&v).then(|| (v - HAN_FIRST + 1) as u64)
}

/// Up to four characters of the block in one number, 15 bits each. Distinct words give
/// distinct numbers: no packed character is zero, so length is part of the value.
fn pack(chars: &[char]) -> Option<u64> {
    chars.iter().enumerate().try_fold(0u64, |key, (k, &c)| code(c).map(|v| key | v << (15 * k)))
}

impl Dictionary {
    /// Reads a word list in the format of `src/data/zh_words.txt`: `#` comment lines, then
    /// lines of a first character followed by the rest of each word, space-separated.
    /// Words outside 2..=[`MAX_WORD_CHARS`] characters or the block are skipped.
    pub fn parse(list: &str) -> Dictionary {
        let mut dictionary =
            Dictionary { words: FxHashSet::default(), longest_from: vec![0; (HAN_LAST - HAN_FIRST + 1) as usize] };
        for line in list.lines().filter(|l| !l.starts_with('#')) {
            let mut parts = line.split(' ');
            let Some(first) = parts.next().and_then(|p| p.chars().next()) else { continue };
            for rest in parts {
                let word: Vec<char> = std::iter::once(first).chain(rest.chars()).collect();
                dictionary.insert(&word);
            }
        }
        dictionary
    }

    fn insert(&mut self, word: &[char]) {
        if !(2..=MAX_WORD_CHARS).contains(&word.len()) {
            return;
        }
        if let Some(key) = pack(word) {
            self.words.insert(key);
            let slot = &mut self.longest_from[(word[0] as u32 - HAN_FIRST) as usize];
            *slot = (*slot).max(word.len() as u8);
        }
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True for a list without words (Chinese then divides into single characters).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when `chars` is a word of the list.
    pub fn contains(&self, chars: &[char]) -> bool {
        chars.len() >= 2 && pack(chars).is_some_and(|key| self.words.contains(&key))
    }

    fn longest_from(&self, c: char) -> usize {
        code(c).map_or(1, |v| self.longest_from.get((v - 1) as usize).map_or(1, |&l| l.max(1) as usize))
    }

    /// The lengths, in characters, of the words of a run of Han characters, in order: the
    /// division into the fewest words, then the fewest single characters. Linear in the
    /// run's length (at most [`MAX_WORD_CHARS`] look-ups per character).
    pub fn divide(&self, run: &[char]) -> Vec<usize> {
        let n = run.len();
        // best[k]: (words, single characters, length of the last word) for run[..k].
        let mut best: Vec<(u32, u32, usize)> = vec![(u32::MAX, u32::MAX, 0); n + 1];
        best[0] = (0, 0, 0);
        for i in 0..n {
            let (words, singles, _) = best[i];
            for len in 1..=self.longest_from(run[i]).min(n - i) {
                if len > 1 && !self.contains(&run[i..i + len]) {
                    continue;
                }
                let candidate = (words + 1, singles + u32::from(len == 1), len);
                if (candidate.0, candidate.1) < (best[i + len].0, best[i + len].1) {
                    best[i + len] = candidate;
                }
            }
        }
        let mut lengths = Vec::new();
        let mut k = n;
        while k > 0 {
            lengths.push(best[k].2);
            k -= best[k].2;
        }
        lengths.reverse();
        lengths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static Dictionary {
        static BUILTIN: std::sync::OnceLock<Dictionary> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| Dictionary::parse(BUILTIN_LIST))
    }

    fn words(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        builtin()
            .divide(&chars)
            .into_iter()
            .map(|len| {
                at += len;
                chars[at - len..at].iter().collect()
            })
            .collect()
    }

    #[test]
    fn policy_phrases_divide_into_words() {
        assert_eq!(words("实施稳健的货币政策"), ["实施", "稳健", "的", "货币政策"]);
        assert_eq!(words("适度宽松的货币政策"), ["适度", "宽松", "的", "货币政策"]);
    }

    #[test]
    fn numerals_stay_single_characters() {
        assert_eq!(words("第四次全体会议"), ["第", "四", "次", "全体会议"]);
        assert_eq!(words("两个维护"), ["两", "个", "维护"]);
    }

    #[test]
    fn unknown_text_falls_back_to_characters() {
        assert_eq!(words("龘靐"), ["龘", "靐"]);
        assert!(words("").is_empty());
    }

    #[test]
    fn fewest_words_win_over_a_greedy_first_match() {
        let d = Dictionary::parse("甲 乙 乙丙\n丙 丁\n");
        // Greedy longest-first would take 甲乙丙 and leave 丁; two words beat that and the
        // single-character alternative alike.
        let run: Vec<char> = "甲乙丙丁".chars().collect();
        assert_eq!(d.divide(&run), [2, 2]);
    }

    #[test]
    fn characters_outside_the_block_are_never_words() {
        let d = Dictionary::parse("a bc\n𠀀 𠀁\n");
        assert!(!d.contains(&['a', 'b', 'c']));
        assert!(!d.contains(&['𠀀', '𠀁']));
        assert_eq!(d.divide(&['𠀀', '𠀁']), [1, 1]);
    }

    #[test]
    fn the_builtin_list_is_loaded() {
        assert!(builtin().len() > 5_000);
        assert!(Dictionary::default().is_empty());
        assert_eq!(Dictionary::default().divide(&['实', '施']), [1, 1]);
    }
}
