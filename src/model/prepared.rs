//! A document prepared for comparison: its outline (sections, leaves) and, for each leaf,
//! its word-boundary tokens, its fingerprint and whether the document repeats it. Each
//! document is prepared once, whatever it is compared with (a timeline compares each
//! document twice).

use crate::text::fingerprint::fingerprint_tokens;
use crate::text::segment::{segment, Outline};
use crate::text::token::{tokenize, Token};

/// A document ready to be aligned: its outline and the fingerprints of its leaves.
/// Preparing each document once lets a series of comparisons (a timeline) reuse them.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// Its sections.
    pub outline: Outline,
    /// One fingerprint per leaf, in leaf order.
    pub prints: Vec<Vec<crate::text::fingerprint::Feature>>,
    /// The word-boundary tokens of each leaf's body, in leaf order (the fingerprints are
    /// made from them, and the word diff starts from them instead of tokenizing again).
    pub tokens: Vec<Vec<Token>>,
    /// For each leaf, whether it is a line the document repeats (a salutation; see
    /// [`crate::align::repeated_lines`]).
    pub repeated: Vec<bool>,
    /// For each leaf, its part for the alignment ([`alignment_parts`]).
    pub parts: Vec<usize>,
}

/// The part of each leaf for the alignment: its numbered part (`二、…`, see
/// [`Outline::leaf_parts`]), with neighbouring parts whose headings name the same year
/// counted as one. A work report lays out the year ahead in one part (三、2021年重点工作)
/// or in two (二、2022年经济社会发展总体要求和政策取向, 三、2022年政府工作任务): the overall
/// requirements of one year's report pair with those of the next wherever each puts them.
pub fn alignment_parts(text: &str, outline: &Outline) -> Vec<usize> {
    let parts = outline.leaf_parts();
    let mut year_of_part: Vec<Option<&str>> = vec![None; parts.last().map_or(1, |p| p + 1)];
    for (&id, &part) in outline.leaves.iter().zip(&parts) {
        let section = outline.get(id);
        if section.is_part_heading() {
            year_of_part[part] = year_named(section.body.of(text));
        }
    }
    // Each part's number once parts naming the same year as the one before are joined.
    let mut joined = Vec::with_capacity(year_of_part.len());
    for (part, year) in year_of_part.iter().enumerate() {
        let same = year.is_some() && part > 0 && year_of_part[part - 1] == *year;
        joined.push(match joined.last() {
            None => 0,
            Some(&before) if same => before,
            Some(&before) => before + 1,
        });
    }
    parts.iter().map(|&p| joined[p]).collect()
}

/// The year a part's heading names: four digits before 年 (2022年), or 今年 ("this year").
fn year_named(heading: &str) -> Option<&str> {
    if let Some(k) = heading.find("今年") {
        return Some(&heading[k..k + "今年".len()]);
    }
    let at = heading.find('年')?;
    let digits = heading[..at].char_indices().rev().take_while(|(_, c)| c.is_ascii_digit()).last()?.0;
    (at - digits == 4).then(|| &heading[digits..at])
}

/// The feature a part's heading (`二、…`) has for its number: two reports' second parts
/// open at the same place in their outlines however their headings are worded, and a
/// heading is short enough for its words alone to miss that.
fn part_heading_place(section: &crate::text::segment::Section) -> Option<crate::text::fingerprint::Feature> {
    let marker = section.marker.filter(|_| section.is_part_heading())?;
    Some(crate::text::fingerprint::place_feature(marker.number))
}

/// Segments `text` and fingerprints its leaves.
pub fn prepare(text: &str) -> Prepared {
    let outline = segment(text);
    let tokens: Vec<Vec<Token>> = outline.leaves.iter().map(|&id| tokenize(text, outline.get(id).body)).collect();
    let prints: Vec<Vec<crate::text::fingerprint::Feature>> = outline
        .leaves
        .iter()
        .zip(&tokens)
        .map(|(&id, t)| {
            let mut features = fingerprint_tokens(text, t);
            let section = outline.get(id);
            let role = crate::text::roles::role_of(section.body.of(text)).map(crate::text::fingerprint::role_feature);
            for extra in part_heading_place(section).into_iter().chain(role) {
                if let Err(k) = features.binary_search(&extra) {
                    features.insert(k, extra);
                }
            }
            features
        })
        .collect();
    let repeated = crate::align::repeated_lines(&prints);
    let parts = alignment_parts(text, &outline);
    Prepared { outline, prints, tokens, repeated, parts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_that_name_the_same_year_are_one_part_for_the_alignment() {
        let text = "政府工作报告\n各位代表：\n一、2021年工作回顾\n过去一年成绩显著。\n\
            二、2022年经济社会发展总体要求和政策取向\n今年发展主要预期目标是。\n\
            三、2022年政府工作任务\n着力稳定宏观经济大盘。\n四、十四五时期\n展望。\n";
        let outline = segment(text);
        let named = |p: &[usize]| -> Vec<(usize, String)> {
            outline.leaves.iter().zip(p).map(|(&id, &k)| (k, outline.get(id).body.of(text).to_string())).collect()
        };
        let parts = named(&alignment_parts(text, &outline));
        let part_of = |start: &str| parts.iter().find(|(_, t)| t.starts_with(start)).unwrap().0;
        assert_eq!(part_of("政府工作报告"), 0);
        assert_eq!(part_of("过去一年"), 1);
        assert_eq!(part_of("今年发展"), 2);
        assert_eq!(part_of("着力稳定"), 2, "2022 twice: one part");
        assert_eq!(part_of("展望"), 3, "no year: a part of its own");
        assert_eq!(outline.leaf_parts().iter().max(), Some(&4), "the outline keeps every numbered part");
    }

    #[test]
    fn a_year_is_four_digits_before_nian_or_this_year() {
        assert_eq!(year_named("二、2022年经济社会发展总体要求"), Some("2022"));
        assert_eq!(year_named("二、对今年政府工作的建议"), Some("今年"));
        assert_eq!(year_named("一、过去五年工作回顾"), None);
        assert_eq!(year_named("二、“十四五”时期主要目标任务"), None);
        assert_eq!(year_named("三、近20年来"), None);
    }
}
