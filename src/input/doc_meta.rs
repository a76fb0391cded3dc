//! What a document says about itself: its title, its date and which body and session it
//! comes from, read from the text alone, so that a pasted document is labelled like an
//! opened one (issue 25).
//!
//! These documents announce themselves in their first lines (see DOMAIN.md): a communiqué
//! has a title line, an adoption line （2024年7月18日……通过） and an opening sentence
//! (……第四次全体会议，于2019年10月28日至31日在北京举行); a work report a dateline
//! (——2023年3月5日在第十四届全国人民代表大会第一次会议上); a congress report a subtitle
//! (——在中国共产党第二十次全国代表大会上的报告) and a date line （2022年10月16日）; an English
//! speech a title naming the event ("… at the 27th APEC Economic Leaders’ Meeting").
//!
//! Recognised: dates in digits or Chinese numerals (二〇二二年一月二十日, 号 for 日), a span
//! (……至31日) read as its last day, the day the communiqué is adopted and dated; English
//! "October 24, 2017", "24 October 2017", "October 2017"; ordinals 第十九届 / 二十届三中全会 /
//! 十九届中央纪委五次全会 / 第二十次全国代表大会, "Ninth Plenary Session of the 12th …
//! Committee", "19th National Congress". Only the first lines count (the first five
//! non-blank lines and 600 characters; an adoption line among the first ten), and only the
//! first 4 KB of the text is read, so the work is bounded whatever the input.

use crate::text::numerals::{arabic_prefix, en_ordinal_prefix, zh_numeral_prefix};

/// What a document says about itself.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DocMeta {
    /// Its title: the first non-blank line when it reads as a title (short, no sentence-final
    /// punctuation, not a salutation like 各位代表： / "Dear Colleagues," / "Mr. President,"),
    /// else None.
    pub title: Option<String>,
    /// The date it states of itself, ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when that is all
    /// it says), else None.
    pub date: Option<String>,
    /// What kind of document and which session, in words a reader knows: "19th Central
    /// Committee, 4th plenary session", "Government work report 2019", "20th National
    /// Congress", "CCDI 19th, 5th plenary session", or None.
    pub body: Option<String>,
}

/// The bytes of the text read at most.
const WINDOW: usize = 4096;
/// Marks that end a sentence or a salutation, never a title.
const CLOSING: &[char] = &['。', '．', '.', '!', '！', '?', '？', ';', '；', ':', '：', ',', '，', '、'];
/// Openings of salutations that may lack their closing mark.
const SALUTATIONS: &[&str] =
    &["各位", "同志们", "Dear ", "Mr.", "Mr ", "Madam", "Your Excellenc", "Your Majesty", "Ladies"];
/// Month names, January first.
const MONTHS: &str = "january february march april may june july august september october november december";

/// Reads the title, date and body a document states in its first lines.
pub fn describe(text: &str) -> DocMeta {
    let mut end = text.len().min(WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let lines: Vec<&str> = text[..end].lines().map(clean).filter(|l| !l.is_empty()).take(10).collect();
    let mut top = Vec::new();
    let mut budget = 600;
    for line in lines.iter().take(5) {
        let cut = line.char_indices().nth(budget).map_or(*line, |(i, _)| &line[..i]);
        budget -= cut.chars().count();
        top.push(cut);
        if budget == 0 {
            break;
        }
    }
    let title = title_of(&lines);
    let adoption = lines.iter().filter(|l| l.len() <= 360 && l.contains("通过")).find_map(|l| date_in(l));
    let full = top.iter().filter_map(|l| date_in(l)).find(|d| d.2 > 0);
    // A partial date (2019年, 2019年10月, October 2017) only from a line that reads as a title.
    let partial = top.iter().zip(&lines).filter(|(_, l)| reads_as_title(l)).find_map(|(cut, _)| date_in(cut));
    let date = adoption.or(full).or(partial);
    let date = date.or_else(|| title.as_deref().and_then(year_in).map(|y| (y, 0, 0)));
    let body = body_of(&top, &lines, title.as_deref(), date.map(|d| d.0));
    let date = date.map(|(y, m, d)| match (m, d) {
        (0, _) => format!("{y:04}"),
        (_, 0) => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}-{m:02}-{d:02}"),
    });
    DocMeta { title, date, body }
}

fn clean(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

fn reads_as_title(line: &str) -> bool {
    !line.is_empty()
        && line.len() <= 300
        && !line.ends_with(CLOSING)
        && !SALUTATIONS.iter().any(|s| line.starts_with(s))
        && line.chars().any(char::is_alphabetic)
        && !line.chars().any(char::is_control)
}

/// The first line as a title, without a Markdown `#` or a news agency's dateline
/// (新华社北京10月31日电); a main title set on two lines before a —— subtitle is joined.
fn title_of(lines: &[&str]) -> Option<String> {
    let mut first = clean(lines.first()?.trim_start_matches('#'));
    if first.starts_with("新华社") || first.starts_with("本报") {
        if let Some(p) = first.find('电').filter(|&p| p < 60 && p + 3 < first.len()) {
            first = clean(&first[p + 3..]);
        }
    }
    if !reads_as_title(first) {
        return None;
    }
    let mut title = first.to_string();
    if let (Some(second), Some(third)) = (lines.get(1), lines.get(2)) {
        if third.starts_with("——") && !second.starts_with("——") && reads_as_title(second) && second.len() <= 120
        {
            title.push(' ');
            title.push_str(second);
        }
    }
    Some(title)
}

/// A date as (year, month or 0, day or 0).
type Date = (u32, u32, u32);

fn date_in(line: &str) -> Option<Date> {
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        if !is_digit(prev) {
            if let Some(d) = zh_date(&line[i..]) {
                return Some(d);
            }
        }
        prev = c;
    }
    en_date(line)
}

fn is_digit(c: char) -> bool {
    digit(c).is_some() || c == '十'
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c as u32 - '0' as u32,
        '０'..='９' => c as u32 - '０' as u32,
        '〇' | '○' | '零' => 0,
        _ => zh_numeral_prefix(c.encode_utf8(&mut [0; 4])).filter(|&(n, _)| n < 10)?.0,
    })
}

/// A number in digits or Chinese numerals at the start of `s`, and the bytes it takes.
fn num(s: &str) -> Option<(u32, usize)> {
    arabic_prefix(s).or_else(|| zh_numeral_prefix(s))
}

/// A number and its unit (月, 日 or 号) at the start of `s`, within `range`.
fn unit(s: &str, units: &[char], range: std::ops::RangeInclusive<u32>) -> Option<(u32, usize)> {
    let (n, used) = num(s).filter(|(n, _)| range.contains(n))?;
    let u = s[used..].chars().next().filter(|c| units.contains(c))?;
    Some((n, used + u.len_utf8()))
}

/// A Chinese date at the start of `s`: 2019年10月28日, 二〇二二年一月二十日, 2019年10月; of a
/// span (2019年10月28日至31日) its last day.
fn zh_date(s: &str) -> Option<Date> {
    let mut year = 0;
    let mut chars = s.char_indices();
    for _ in 0..4 {
        year = year * 10 + chars.next().and_then(|(_, c)| digit(c))?;
    }
    let rest = s.get(chars.next().filter(|&(_, c)| c == '年')?.0 + 3..)?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let Some((mut month, used)) = unit(rest, &['月'], 1..=12) else { return Some((year, 0, 0)) };
    let rest = &rest[used..];
    let Some((mut day, used)) = unit(rest, &['日', '号', '號'], 1..=31) else { return Some((year, month, 0)) };
    let rest = &rest[used..];
    if let Some(to) = rest.strip_prefix('至').or_else(|| rest.strip_prefix('—')).or_else(|| rest.strip_prefix('-')) {
        if let Some((y, m, d)) = zh_date(to).filter(|d| d.2 > 0) {
            return Some((y, m, d));
        }
        let (m, to) = match unit(to, &['月'], 1..=12) {
            Some((m, used)) => (m, &to[used..]),
            None => (month, to),
        };
        if let Some((d, _)) = unit(to, &['日', '号', '號'], 1..=31) {
            (month, day) = (m, d);
        }
    }
    Some((year, month, day))
}

/// An English date: "October 24, 2017", "24 October 2017", "(September 22, 2020)", "October 2017".
fn en_date(line: &str) -> Option<Date> {
    let words: Vec<&str> = line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(300).collect();
    let number = |i: usize, len: usize| {
        words.get(i).filter(|w| w.len() <= len && w.bytes().all(|b| b.is_ascii_digit())).and_then(|w| w.parse().ok())
    };
    let year = |i: usize| number(i, 4).filter(|y| (1900..=2100).contains(y) && words[i].len() == 4);
    let day = |i: usize| number(i, 2).filter(|d| (1..=31).contains(d));
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_ascii_lowercase();
        let month = |f: &str| f == lower || ((lower.len() == 3 || lower == "sept") && f.starts_with(&lower));
        let Some(m) = MONTHS.split(' ').position(month).filter(|_| w.starts_with(|c: char| c.is_ascii_uppercase()))
        else {
            continue;
        };
        let m = m as u32 + 1;
        if let (Some(d), Some(y)) = (day(i + 1), year(i + 2)) {
            return Some((y, m, d));
        }
        if let (Some(d), Some(y)) = (i.checked_sub(1).and_then(day), year(i + 1)) {
            return Some((y, m, d));
        }
        if let Some(y) = year(i + 1) {
            return Some((y, m, 0));
        }
    }
    None
}

/// A year a title names: 2019年, or 2019 as a word.
fn year_in(line: &str) -> Option<u32> {
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        let s = &line[i..];
        if !prev.is_alphanumeric() && s.len() >= 4 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
            let next = s[4..].chars().next().unwrap_or(' ');
            if next == '年' || !next.is_alphanumeric() {
                return s[..4].parse().ok().filter(|y| (1900..=2100).contains(y));
            }
        }
        prev = c;
    }
    None
}

/// `n` with its English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th, 21st.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The body and session: a work report by its title; else the first of the top lines that
/// reads as a title (`lines`, whole) or states the meeting (举行, 通过) naming one.
fn body_of(top: &[&str], lines: &[&str], title: Option<&str>, year: Option<u32>) -> Option<String> {
    let title = title.unwrap_or("");
    if title.contains("政府工作报告") {
        let year = year.or_else(|| top.iter().find_map(|l| year_in(l)));
        return Some(year.map_or("Government work report".to_string(), |y| format!("Government work report {y}")));
    }
    let states = |(cut, whole): &(&&str, &&str)| reads_as_title(whole) || cut.contains("举行") || cut.contains("通过");
    let found = top.iter().zip(lines).filter(states).find_map(|(l, _)| zh_body(l).or_else(|| en_body(l)))?;
    let constitution = title.contains("章程") || title.to_ascii_lowercase().contains("constitution");
    Some(if constitution && found.ends_with("National Congress") {
        format!("Party Constitution, {found}")
    } else {
        found
    })
}

/// 第十九届中央委员会第四次全体会议, 二十届三中全会, 第十九届中央纪律检查委员会第五次全体会议,
/// 十九届中央纪委五次全会, 第二十次全国代表大会.
fn zh_body(line: &str) -> Option<String> {
    let session = |s: &str, ends: &[&str]| {
        let (m, used) = num(s.strip_prefix('第').unwrap_or(s))?;
        let rest = &s[used + if s.starts_with('第') { 3 } else { 0 }..];
        ends.iter().any(|e| rest.starts_with(e)).then_some(m)
    };
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        let s = line[i..].strip_prefix('第').unwrap_or(&line[i..]);
        let start = !is_digit(prev);
        prev = c;
        let Some((n, used)) = num(s).filter(|_| start) else { continue };
        let rest = &s[used..];
        if rest.starts_with("次全国代表大会") {
            return Some(format!("{} National Congress", ordinal(n)));
        }
        let Some(rest) = rest.strip_prefix('届') else { continue };
        let full = ["次全体会议", "次全会"];
        if let Some(m) =
            rest.strip_prefix("中央委员会").and_then(|r| session(r, &full[..1])).or(session(rest, &["中全会"]))
        {
            return Some(format!("{} Central Committee, {} plenary session", ordinal(n), ordinal(m)));
        }
        let ccdi = rest.strip_prefix("中央纪律检查委员会").or_else(|| rest.strip_prefix("中央纪委"));
        if let Some(m) = ccdi.and_then(|r| session(r, &full)) {
            return Some(format!("CCDI {}, {} plenary session", ordinal(n), ordinal(m)));
        }
    }
    None
}

/// An English ordinal word: 19th, 1st, Ninth.
fn en_ordinal(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = word[digits..].to_ascii_lowercase();
    if digits > 0 && digits <= 3 && ["st", "nd", "rd", "th"].contains(&suffix.as_str()) {
        return word[..digits].parse().ok();
    }
    en_ordinal_prefix(word).filter(|&(_, used)| used == word.len()).map(|(n, _)| n)
}

/// "Ninth Plenary Session of the 12th CPC Dalian Municipal Committee", "the 19th National
/// Congress", or the event a title names ("… at the 27th APEC Economic Leaders’ Meeting").
fn en_body(line: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    let word_before = |p: usize| line[..p].trim_end().rsplit(char::is_whitespace).next().and_then(en_ordinal);
    let plenum = |key: &str| {
        let p = lower.find(key)?;
        let (first, rest) = line[p + key.len()..].split_once(char::is_whitespace)?;
        let (m, n) = (word_before(p)?, en_ordinal(first)?);
        let name = rest.get(..rest.to_ascii_lowercase().find("committee")? + 9)?;
        let name = if name.eq_ignore_ascii_case("CPC Central Committee") { "Central Committee" } else { name };
        Some(format!("{} {name}, {} plenary session", ordinal(n), ordinal(m)))
    };
    if let Some(found) = plenum("plenary session of the ").or_else(|| plenum("plenary meeting of the ")) {
        return Some(found);
    }
    if let Some(n) = lower.find(" national congress").and_then(word_before) {
        return Some(format!("{} National Congress", ordinal(n)));
    }
    let p = lower.rfind("at the ").filter(|&p| p == 0 || lower[..p].ends_with(char::is_whitespace))?;
    let mut event = &line[p + 7..];
    if let Some(q) = event.find(" of the ").filter(|&q| event[q + 8..].starts_with(|c: char| c.is_ascii_digit())) {
        event = &event[q + 8..];
    }
    let event = event.trim_end_matches(CLOSING).trim();
    event.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()).then(|| event.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(title: Option<&str>, date: Option<&str>, body: Option<&str>) -> DocMeta {
        DocMeta { title: title.map(Into::into), date: date.map(Into::into), body: body.map(Into::into) }
    }

    #[test]
    fn plenum_communique() {
        let text = "中国共产党第二十届中央委员会第三次全体会议公报\n\n（2024年7月18日中国共产党第二十届中央委员会第三次全体会议通过）\n\n中国共产党第二十届中央委员会第三次全体会议，于2024年7月15日至18日在北京举行。";
        let title = "中国共产党第二十届中央委员会第三次全体会议公报";
        let body = "20th Central Committee, 3rd plenary session";
        assert_eq!(describe(text), meta(Some(title), Some("2024-07-18"), Some(body)));
        // Without the adoption line, the span's last day; with a dateline, the title after it.
        let text = "新华社北京10月31日电  二十届三中全会公报\n于2019年10月28日至31日在北京举行。";
        assert_eq!(describe(text), meta(Some("二十届三中全会公报"), Some("2019-10-31"), Some(body)));
    }

    #[test]
    fn discipline_commission() {
        let text = "中国共产党第十九届中央纪律检查委员会第六次全体会议公报\n（二〇二二年一月二十日……通过）";
        assert_eq!(describe(text).date.as_deref(), Some("2022-01-20"));
        assert_eq!(describe(text).body.as_deref(), Some("CCDI 19th, 6th plenary session"));
        let text = "十九届中央纪委五次全会公报\n会议于2021年1月22日至24号在北京举行。";
        assert_eq!(describe(text).body.as_deref(), Some("CCDI 19th, 5th plenary session"));
        assert_eq!(describe(text).date.as_deref(), Some("2021-01-24"));
    }

    #[test]
    fn work_report_and_congress() {
        let text = "政府工作报告\n\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n\n国务院总理　李克强\n\n各位代表：\n\n";
        let body = Some("Government work report 2023");
        assert_eq!(describe(text), meta(Some("政府工作报告"), Some("2023-03-05"), body));
        let text = "高举中国特色社会主义伟大旗帜\n为全面建设社会主义现代化国家而团结奋斗\n——在中国共产党第二十次全国代表大会上的报告\n（2022年10月16日）\n同志们：";
        let title = "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗";
        assert_eq!(describe(text), meta(Some(title), Some("2022-10-16"), Some("20th National Congress")));
        assert_eq!(describe("2019年工作总结").date.as_deref(), Some("2019"));
        assert_eq!(describe("会议纪要\n2019年10月").date.as_deref(), Some("2019-10"));
    }

    #[test]
    fn english() {
        let text = "The Ninth Plenary Session of the 12th CPC Dalian Municipal Committee Holds\n\nOn August 5, the meeting was held.";
        let body = "12th CPC Dalian Municipal Committee, 9th plenary session";
        assert_eq!(describe(text), meta(text.lines().next(), None, Some(body)));
        let text = "Statement by Xi Jinping\u{a0}at the General Debate of the 75th Session of the United Nations General Assembly\n(September 22, 2020)\nMr. President,";
        let body = Some("75th Session of the United Nations General Assembly");
        assert_eq!(describe(text), meta(text.lines().next(), Some("2020-09-22"), body));
        let text = "Mr. President,\n\nColleagues,\n\nOn 22 September 2020 we met at the Summit of the 3rd Kind.";
        assert_eq!(describe(text), meta(None, Some("2020-09-22"), None));
        let text = "CONSTITUTION\nRevised and adopted at the 21st National Congress on October 24, 2017";
        assert_eq!(describe(text).body.as_deref(), Some("Party Constitution, 21st National Congress"));
        assert_eq!(describe(text).date.as_deref(), Some("2017-10-24"));
        assert_eq!(describe("Annual Review\nOctober 2017").date.as_deref(), Some("2017-10"));
        assert_eq!(describe("Annual Review\nIt was held in October 2017.").date, None);
        assert_eq!(describe("Dear Colleagues,\nHello.").title, None);
        assert_eq!(describe("各位代表：\n现在。").title, None);
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 103, 111].iter().map(|&n| ordinal(n)).collect();
        assert_eq!(got, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "103rd", "111th"]);
    }

    #[test]
    fn odd_input() {
        assert_eq!(describe(""), DocMeta::default());
        assert_eq!(describe("\n\n"), DocMeta::default());
        assert_eq!(describe("\u{0}\u{1}\u{fffd}\u{fffd}"), DocMeta::default());
        let long = "中".repeat(40_000) + "2019年1月1日";
        assert_eq!(describe(&long), DocMeta::default());
        assert_eq!(describe(&"a".repeat(100_000)), DocMeta::default());
        assert_eq!(describe("A plain note without a date").date, None);
        for text in [
            "2019年",
            "2019年13月",
            "第十届",
            "十九届中央",
            "年月日至",
            "9999年1月1日",
            "October",
            "Ninth Plenary Session of the",
        ] {
            let _ = describe(text);
        }
        // Every prefix and suffix of a text full of half-read forms.
        let text = "新华社北京1月24日电二十届三中全会\n（二〇二二年十二月三十一日至2023年1月2号通过）\n第十九届中央纪委五次全会\n\
                    Ninth Plenary Session of the 12th Committee at the 3rd Summit, 24 October 2017 Sept 2019年";
        for (i, _) in text.char_indices() {
            let _ = (describe(&text[i..]), describe(&text[..i]));
        }
    }
}
