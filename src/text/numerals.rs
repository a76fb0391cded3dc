//! Reading the numbers that enumerate priorities: `一`…`九十九`, `1`…, `First`…`Twentieth`.

/// Reads a Chinese numeral from 一 to 九十九 at the start of `s`.
///
/// Returns the value and the number of bytes read: `"十二是"` → `Some((12, 6))`,
/// `"二十"` → `Some((20, 6))`, `"是"` → `None`.
pub fn zh_numeral_prefix(s: &str) -> Option<(u32, usize)> {
    let mut value: Option<u32> = None;
    let mut tens: Option<u32> = None;
    let mut used = 0;
    for c in s.chars() {
        let digit = match c {
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            '十' => 10,
            _ => break,
        };
        if digit == 10 {
            if tens.is_some() {
                break;
            }
            tens = Some(value.take().unwrap_or(1) * 10);
        } else if value.is_some() {
            break;
        } else {
            value = Some(digit);
        }
        used += c.len_utf8();
    }
    let total = tens.unwrap_or(0) + value.unwrap_or(0);
    (used > 0 && total > 0).then_some((total, used))
}

/// Reads ASCII (or full-width) digits at the start of `s`: `"12. "` → `Some((12, 2))`.
pub fn arabic_prefix(s: &str) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut used = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
        used += c.len_utf8();
        if used > 9 {
            return None;
        }
    }
    (used > 0).then_some((value, used))
}

/// English ordinal words, first to twentieth, lower case.
pub const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// Reads an English ordinal word (`First`…`Twentieth`, also `Firstly`) at the start of `s`.
///
/// `"Third, efforts"` → `Some((3, 5))`; `"Thirdly,"` → `Some((3, 7))`; `"Firsthand"` → `None`.
pub fn en_ordinal_prefix(s: &str) -> Option<(u32, usize)> {
    let word_len = s.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(s.len());
    let word = s[..word_len].to_ascii_lowercase();
    let stem = word.strip_suffix("ly").unwrap_or(&word);
    ORDINALS.iter().position(|o| *o == stem).map(|i| (i as u32 + 1, word_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(zh_numeral_prefix("一是"), Some((1, 3)));
        assert_eq!(zh_numeral_prefix("十是"), Some((10, 3)));
        assert_eq!(zh_numeral_prefix("十二是"), Some((12, 6)));
        assert_eq!(zh_numeral_prefix("二十三、"), Some((23, 9)));
        assert_eq!(zh_numeral_prefix("是"), None);
    }

    #[test]
    fn arabic_numerals() {
        assert_eq!(arabic_prefix("12. x"), Some((12, 2)));
        assert_eq!(arabic_prefix("３、"), Some((3, 3)));
        assert_eq!(arabic_prefix("x"), None);
        assert_eq!(arabic_prefix("99999999999"), None);
    }

    #[test]
    fn english_ordinals() {
        assert_eq!(en_ordinal_prefix("Third, efforts"), Some((3, 5)));
        assert_eq!(en_ordinal_prefix("Thirdly, we"), Some((3, 7)));
        assert_eq!(en_ordinal_prefix("Twelfth,"), Some((12, 7)));
        assert_eq!(en_ordinal_prefix("Firsthand"), None);
    }
}
