//! Series (排比): enumerations of parallel phrases that are read as one formulation
//! (系统性、整体性、协同性; 科学执政、民主执政、依法执政; 抓重点、补短板、强弱项、防风险), and the
//! members that were added to or dropped from a series both documents print.
//!
//! A series is a run of three or more items separated by 、 (the last may be joined by 和),
//! each two to eight Han characters, all of the same length, that share a first or last
//! character or are three characters or longer: the shape of a coined list, not of an
//! inventory (农业、工业和服务业 has items of different lengths; 北京、天津、河北 shares nothing
//! and is two characters an item). The first item may carry the verb that governs the list
//! (坚持系统治理、依法治理、综合治理): it is cut to the length of the others, and so is a last
//! item that runs on into the sentence, unless the cut falls inside a word or leaves a stub
//! of one (安全性更|高, 回旋余|地大): then the list is no series of equal members.
//!
//! Comparing: a series of A and one of B that share at least two members, and half of the
//! smaller one, are the same series: kept when worded alike, else B's wording rewords A's
//! ([`crate::findings::formulation_changes`] pairs them in their aligned row), and each member that only
//! one of them prints is reported on its own (稳增长、促改革、调结构、惠民生、防风险 → …、保稳定:
//! 保稳定 added), counted wherever its document prints it. A series with no partner is added
//! or dropped whole. Series and members already found another way (a lexicon entry, a quoted
//! phrase) are left to that finding.

use crate::findings::formulations::{Formulation, FormulationKind};
use crate::text::normalize::is_han;
use crate::text::zh_words::Dictionary;
use crate::util::span::Span;
use std::collections::BTreeSet;

/// Fewest items of a series.
const MIN_ITEMS: usize = 3;

/// Longest item, in characters.
const MAX_ITEM_CHARS: usize = 8;

/// One series of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    /// From the first item to the last.
    pub span: Span,
    /// Each item.
    pub members: Vec<Span>,
}

/// The runs of Han characters between 、 (and a final 和) in one clause, as spans.
fn items_of_clause(text: &str, clause: Span) -> Vec<Span> {
    let mut items = Vec::new();
    let mut start = clause.start;
    for (at, c) in text[clause.start..clause.end].char_indices().map(|(i, c)| (clause.start + i, c)) {
        if c == '、' {
            items.push(Span::new(start, at));
            start = at + c.len_utf8();
        }
    }
    items.push(Span::new(start, clause.end));
    items
}

fn chars(text: &str, s: Span) -> usize {
    s.of(text).chars().count()
}

/// The last `n` characters of `s`.
fn last_chars(text: &str, s: Span, n: usize) -> Span {
    let skip = chars(text, s).saturating_sub(n);
    let start = s.of(text).char_indices().nth(skip).map_or(s.end, |(i, _)| s.start + i);
    Span::new(start, s.end)
}

/// The first `n` characters of `s`.
fn first_chars(text: &str, s: Span, n: usize) -> Span {
    let end = s.of(text).char_indices().nth(n).map_or(s.end, |(i, _)| s.start + i);
    Span::new(s.start, end)
}

/// The ending all of `members` share (建设 of 经济建设、政治建设), possibly empty.
fn shared_ending(text: &str, members: &[Span]) -> String {
    let mut ending: Vec<char> = members[0].of(text).chars().rev().collect();
    for m in &members[1..] {
        let same = m.of(text).chars().rev().zip(&ending).take_while(|(x, y)| x == *y).count();
        ending.truncate(same);
    }
    ending.iter().rev().collect()
}

/// Whether the characters on either side of byte `at` make a word of `words` (a cut there
/// would split 人民战争 into 人 and 民战争).
fn splits_word(text: &str, at: usize, words: &Dictionary) -> bool {
    match (text[..at].chars().next_back(), text[at..].chars().next()) {
        (Some(x), Some(y)) => {
            words.contains(&[x, y])
                || text[at..].chars().nth(1).is_some_and(|z| words.contains(&[x, y, z]))
                || text[..at].chars().rev().nth(1).is_some_and(|w| words.contains(&[w, x, y]))
        }
        _ => false,
    }
}

/// Whether `rest`, what cutting the last item to the others' length leaves of it, is the
/// stub of a longer last member rather than the sentence going on: one character
/// (…、能干成|事), one character before 等 (…、自驾车营|地等设施), or two that make no word
/// (…、回旋余|地大). Text after a particle (…、爱农民|的…) always goes on.
fn leaves_a_stub(text: &str, rest: Span, words: &Dictionary) -> bool {
    let r: Vec<char> = rest.of(text).chars().collect();
    match r.len() {
        0 => false,
        _ if "的等和与及是".contains(r[0]) => false,
        1 => true,
        _ if r[1] == '等' => true,
        2 => !words.contains(&r),
        _ => false,
    }
}

/// Characters a member of a series never begins or ends with: a preposition, particle or
/// copula picked up from the sentence (对…, 是…, …的, …等), or an adverb whose word was cut
/// off (速度更快、成本更低、安全性更高 cut to …安全性更).
const NOT_AT_START: [char; 4] = ['对', '的', '和', '是'];
const NOT_AT_END: [char; 7] = ['的', '等', '和', '更', '最', '较', '不'];

/// About a hundred of the commonest Chinese surnames. Three-character items with no shared
/// first or last character that all begin with one are a roster of people, not a coined
/// list: the plenums name the members they promote or expel (递补刘晓凯、陈志荣、金振吉为
/// 中央委员会委员; 给予傅政华、沈德咏、张敬华开除党籍处分). No series of the corpus or the
/// record has all its members begin with one of these but the rosters and one line of
/// leaders' names (孙中山、毛泽东、邓小平).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/// Whether `members` (of `n` characters each, no edge shared by all) name people. A long
/// roster may hold one rarer surname (孙政才、黄兴国、…、项俊波、…: five members or more, all
/// but one).
fn is_roster(text: &str, members: &[Span], n: usize) -> bool {
    let others = members.iter().filter(|m| !m.of(text).chars().next().is_some_and(|c| SURNAMES.contains(c))).count();
    n == 3 && others <= usize::from(members.len() >= 5)
}

/// The series among `items` (consecutive items of one clause), if they make one.
fn series_of(text: &str, items: &[Span], words: &Dictionary) -> Option<Series> {
    if items.len() < MIN_ITEMS {
        return None;
    }
    // The inner items fix the length; the first and last are cut to it.
    let inner = &items[1..items.len() - 1];
    let n = chars(text, inner[0]);
    if !(2..=MAX_ITEM_CHARS).contains(&n) || inner.iter().any(|&s| chars(text, s) != n) {
        return None;
    }
    let first = items[0];
    let mut last = items[items.len() - 1];
    // A last item joined by 和 (…、社会建设和生态文明建设) is two items of the list.
    let mut members: Vec<Span> = Vec::with_capacity(items.len() + 1);
    if chars(text, first) < n {
        return None;
    }
    let cut_first = last_chars(text, first, n);
    if cut_first.start > first.start && splits_word(text, cut_first.start, words) {
        return None;
    }
    members.push(cut_first);
    members.extend_from_slice(inner);
    if let Some(k) = last.of(text).find('和').filter(|&k| k > 0) {
        let before = Span::new(last.start, last.start + k);
        if chars(text, before) == n {
            members.push(before);
            last = Span::new(last.start + k + '和'.len_utf8(), last.end);
        }
    }
    // The last item ends where the others' shared ending ends (…和生态文明建设 may be longer
    // than 政治建设), else after as many characters as the others have.
    let tail = shared_ending(text, &members);
    let through_tail = (tail.chars().count() >= 2)
        .then(|| last.of(text).find(tail.as_str()))
        .flatten()
        .map(|k| Span::new(last.start, last.start + k + tail.len()))
        // The shared ending alone is the list's head noun, no member (群众体育、竞技体育、
        // 体育产业: 体育 is what the first two are kinds of).
        .filter(|&s| chars(text, s) <= MAX_ITEM_CHARS && s.len() > tail.len());
    let cut_last = match through_tail {
        Some(s) => s,
        // Two-character items stand alone (生育、养育、教育): 二中、三中、四中全会 is no series.
        None if chars(text, last) == n || (n > 2 && chars(text, last) > n) => first_chars(text, last, n),
        None => return None,
    };
    let rest = Span::new(cut_last.end, last.end);
    if cut_last.end < last.end && (splits_word(text, cut_last.end, words) || leaves_a_stub(text, rest, words)) {
        return None;
    }
    members.push(cut_last);
    let badly_edged = |m: &Span| {
        let s = m.of(text);
        s.starts_with(NOT_AT_START) || s.ends_with(NOT_AT_END) || !s.chars().all(is_han)
    };
    if members.iter().any(badly_edged) {
        return None;
    }
    // Checked pairwise, not through sets: collecting a set compiles a copy of the standard
    // sort of its own (see `crate::util::shared_sort`), and a series has a handful of members.
    let all_share = |edge: fn(&str) -> Option<char>| {
        let first = edge(members[0].of(text));
        members.iter().all(|m| edge(m.of(text)) == first)
    };
    let shares_an_edge = all_share(|m| m.chars().next()) || all_share(|m| m.chars().last());
    let repeats_a_member =
        members.iter().enumerate().any(|(k, m)| members[..k].iter().any(|p| p.of(text) == m.of(text)));
    if repeats_a_member || !(shares_an_edge || n >= 3) || (!shares_an_edge && is_roster(text, &members, n)) {
        return None;
    }
    Some(Series { span: Span::new(members[0].start, members[members.len() - 1].end), members })
}

/// Every series of `text`, in text order; `words` (the Chinese word list) keeps the cuts of
/// the first and last items off the middle of a word.
pub fn find_series(text: &str, words: &Dictionary) -> Vec<Series> {
    let mut out = Vec::new();
    let mut clause_start = 0;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), '\n'))) {
        if c == '、' || is_han(c) {
            continue;
        }
        let clause = Span::new(clause_start, at);
        clause_start = at + c.len_utf8();
        if !clause.of(text).contains('、') {
            continue;
        }
        out.extend(series_of(text, &items_of_clause(text, clause), words));
    }
    out
}

/// Where `needle` stands in `text`, each place once.
fn places(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle).map(|(i, m)| Span::new(i, i + m.len())).collect()
}

/// A series as one formulation of a document: its first printing, and every place it is
/// printed in the same words.
struct Distinct {
    span: Span,
    members: Vec<Span>,
    places: Vec<Span>,
}

/// The series of one text, each wording once, in order of first printing.
fn distinct(text: &str, series: impl Iterator<Item = Series>) -> Vec<Distinct> {
    let mut out: Vec<Distinct> = Vec::new();
    for s in series {
        match out.iter_mut().find(|d| d.span.of(text) == s.span.of(text)) {
            Some(d) => d.places.push(s.span),
            None => out.push(Distinct { span: s.span, members: s.members, places: vec![s.span] }),
        }
    }
    out
}

fn overlaps(found: &[Formulation], span: Span) -> bool {
    found.iter().flat_map(|s| &s.occurrences).any(|o| o.start < span.end && span.start < o.end)
}

fn formulation(key: String, text: &str, occurrences: Vec<Span>) -> Formulation {
    Formulation {
        key,
        text: text.to_string(),
        kind: FormulationKind::Series,
        category: None,
        gloss: None,
        canonical: None,
        occurrences,
        history: None,
    }
}

/// A series of one text that no series of the other partners: a formulation of its own
/// text, and of the other's too where it is printed there word for word but was not cut as
/// a series (a governing verb kept it whole, or a formulation there covers it), so that it
/// is kept, not added or dropped.
fn unpartnered(
    (text, series): (&str, &Distinct),
    other: &str,
    (own, others): (&mut Vec<Formulation>, &mut Vec<Formulation>),
) {
    let wording = series.span.of(text);
    own.push(formulation(format!("text:{wording}"), wording, series.places.clone()));
    let elsewhere = places(other, wording);
    if !elsewhere.is_empty() {
        others.push(formulation(format!("text:{wording}"), wording, elsewhere));
    }
}

/// Adds the series of both documents, and the members added to or dropped from a series
/// both print, to their formulations (`found`), leaving out what is already found there.
pub fn add_series(texts: (&str, &str), found: (&mut Vec<Formulation>, &mut Vec<Formulation>), words: &Dictionary) {
    let (text_a, text_b) = texts;
    let (found_a, found_b) = found;
    let series_a = distinct(text_a, find_series(text_a, words).into_iter().filter(|s| !overlaps(found_a, s.span)));
    let series_b = distinct(text_b, find_series(text_b, words).into_iter().filter(|s| !overlaps(found_b, s.span)));
    // Each series' members as a set, once.
    let members = |text: &str, list: &[Distinct]| -> Vec<BTreeSet<String>> {
        // Filled by insertion, not collected (see above).
        let set_of = |s: &Distinct| {
            let mut set = BTreeSet::new();
            for m in &s.members {
                set.insert(m.of(text).to_string());
            }
            set
        };
        list.iter().map(set_of).collect()
    };
    let (members_a, members_b) = (members(text_a, &series_a), members(text_b, &series_b));
    let (mut new_a, mut new_b) = (Vec::new(), Vec::new());
    let mut partner_of_b: Vec<Option<usize>> = vec![None; series_b.len()];
    // The same wording first, then the most members shared.
    let mut candidates: Vec<(bool, usize, usize, usize)> = Vec::new();
    for (i, (sa, ma)) in series_a.iter().zip(&members_a).enumerate() {
        for (j, (sb, mb)) in series_b.iter().zip(&members_b).enumerate() {
            let shared = ma.intersection(mb).count();
            if shared >= 2 && 2 * shared >= ma.len().min(mb.len()) {
                candidates.push((sa.span.of(text_a) == sb.span.of(text_b), shared, i, j));
            }
        }
    }
    crate::util::shared_sort::sort_by_key(&mut candidates, |&(same, shared, i, j)| {
        (std::cmp::Reverse(same), std::cmp::Reverse(shared), i, j)
    });
    let mut partner_of_a: Vec<Option<usize>> = vec![None; series_a.len()];
    for (_, _, i, j) in candidates {
        if partner_of_a[i].is_none() && partner_of_b[j].is_none() {
            partner_of_a[i] = Some(j);
            partner_of_b[j] = Some(i);
        }
    }
    for (i, (sa, ma)) in series_a.iter().zip(&members_a).enumerate() {
        match partner_of_a[i] {
            Some(j) => {
                let (sb, mb) = (&series_b[j], &members_b[j]);
                // Each wording is its own formulation: the same wording is kept, a new one
                // reads as a rewording of the old where the two stand in one aligned row.
                new_a.push(formulation(format!("text:{}", sa.span.of(text_a)), sa.span.of(text_a), sa.places.clone()));
                new_b.push(formulation(format!("text:{}", sb.span.of(text_b)), sb.span.of(text_b), sb.places.clone()));
                for member in ma.symmetric_difference(mb) {
                    let (in_a, in_b) = (places(text_a, member), places(text_b, member));
                    let key = format!("text:{member}");
                    if !in_a.is_empty() && !in_a.iter().any(|&p| overlaps(found_a, p)) {
                        new_a.push(formulation(key.clone(), member, in_a));
                    }
                    if !in_b.is_empty() && !in_b.iter().any(|&p| overlaps(found_b, p)) {
                        new_b.push(formulation(key, member, in_b));
                    }
                }
            }
            None => unpartnered((text_a, sa), text_b, (&mut new_a, &mut new_b)),
        }
    }
    for (sb, _) in series_b.iter().zip(&partner_of_b).filter(|(_, partner)| partner.is_none()) {
        unpartnered((text_b, sb), text_a, (&mut new_b, &mut new_a));
    }
    for (found, new) in [(found_a, new_a), (found_b, new_b)] {
        // One key, one formulation: a series printed twice is one series in two places.
        for s in new {
            match found.iter_mut().find(|f| f.key == s.key) {
                Some(f) => {
                    for o in s.occurrences {
                        if !f.occurrences.contains(&o) {
                            f.occurrences.push(o);
                        }
                    }
                    crate::util::shared_sort::sort_by_key(&mut f.occurrences, |o| o.start);
                }
                None => found.push(s),
            }
        }
        crate::util::shared_sort::sort_by_key(found, |s| s.occurrences[0].start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(text: &str) -> Vec<Vec<&str>> {
        let words = crate::findings::lexicon::Lexicon::builtin().words();
        find_series(text, words).iter().map(|s| s.members.iter().map(|m| m.of(text)).collect()).collect()
    }

    #[test]
    fn items_that_share_an_edge_make_a_series_and_the_governing_verb_is_cut_off() {
        assert_eq!(
            series("坚持系统治理、依法治理、综合治理、源头治理。"),
            [["系统治理", "依法治理", "综合治理", "源头治理"]]
        );
        assert_eq!(series("增强系统性、整体性、协同性，"), [["系统性", "整体性", "协同性"]]);
    }

    #[test]
    fn a_roster_of_people_is_no_series() {
        assert!(series("全会决定递补中央委员会候补委员刘晓凯、陈志荣、金振吉为中央委员会委员。").is_empty());
        assert!(series("给予傅政华、沈德咏、张敬华开除党籍处分").is_empty());
        assert!(series("关于孙政才、黄兴国、孙怀山、吴爱英、苏树林、王三运、项俊波严重违纪问题").is_empty());
        // Members that share an edge are a coined list even where a surname begins each,
        // and so are members that share none but do not all begin with one.
        assert_eq!(series("坚持高标准、高质量、高效率，"), [["高标准", "高质量", "高效率"]]);
        assert_eq!(series("做到讲党性、重品行、作表率。"), [["讲党性", "重品行", "作表率"]]);
    }

    #[test]
    fn a_last_item_joined_by_he_is_a_member() {
        assert_eq!(
            series("统筹推进经济建设、政治建设、文化建设、社会建设和生态文明建设的总体布局"),
            [["经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设"]]
        );
    }

    #[test]
    fn no_cut_falls_inside_a_word_or_keeps_a_particle() {
        assert!(series("坚持人民战争、总体战、持久战").is_empty());
        assert!(series("完善劳动力市场、资本市场、技术市场").is_empty());
        assert!(series("对拉票贿选、说情打招呼、破坏选举等").is_empty());
        assert!(series("十九届二中、三中、四中全会精神").is_empty());
        // A copula before the list and an adverb cut from its adjective make no member.
        assert!(series("面对的是改革进入攻坚期、利益关系深刻调整、影响社会稳定因素增多的复杂局面").is_empty());
        assert!(series("建设速度更快、成本更低、安全性更高的信息网络").is_empty());
        // A last item longer than the others by a character or two is no member cut short.
        assert!(series("经济韧性强、潜力足、回旋余地大，").is_empty());
        assert!(series("加强旅游交通、景区景点、自驾车营地等设施建设").is_empty());
        assert!(series("让干部愿干事、敢干事、能干成事。").is_empty());
        assert_eq!(series("懂农业、爱农村、爱农民的队伍"), [["懂农业", "爱农村", "爱农民"]]);
    }

    #[test]
    fn the_head_noun_a_list_shares_is_no_member_of_its_own() {
        assert_eq!(series("促进群众体育、竞技体育、体育产业发展"), [["群众体育", "竞技体育", "体育产业"]]);
    }

    #[test]
    fn inventories_are_not_series() {
        assert!(series("北京、天津、河北协同发展").is_empty());
        assert!(series("农业、工业和服务业").is_empty());
        assert!(series("两个、三个").is_empty());
    }

    #[test]
    fn a_member_added_to_a_series_both_print_is_reported_alone() {
        let a = "坚持稳增长、促改革、调结构、惠民生、防风险。";
        let b = "坚持稳增长、促改革、调结构、惠民生、防风险、保稳定。";
        let (mut fa, mut fb) = (Vec::new(), Vec::new());
        add_series((a, b), (&mut fa, &mut fb), crate::findings::lexicon::Lexicon::builtin().words());
        let keys_a: Vec<&str> = fa.iter().map(|s| s.key.as_str()).collect();
        let keys_b: Vec<&str> = fb.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys_a, ["text:稳增长、促改革、调结构、惠民生、防风险"]);
        assert_eq!(keys_b, ["text:稳增长、促改革、调结构、惠民生、防风险、保稳定", "text:保稳定"]);
    }

    #[test]
    fn a_series_printed_in_both_texts_is_kept_however_each_was_cut() {
        // gwr2021 → gwr2022: A's governing verb keeps the list whole there, B's is cut off.
        let a = "要严控非税收入不合理增长，严厉整治乱收费、乱罚款、乱摊派，不得扰民渔利。";
        let b = "建立协同治理和联合惩戒机制，坚决查处乱收费、乱罚款、乱摊派。";
        let (mut fa, mut fb) = (Vec::new(), Vec::new());
        add_series((a, b), (&mut fa, &mut fb), crate::findings::lexicon::Lexicon::builtin().words());
        let keys = |found: &[Formulation]| -> Vec<String> { found.iter().map(|s| s.key.clone()).collect() };
        for key in keys(&fb) {
            assert!(keys(&fa).contains(&key), "{key} is printed in A too: {:?}", keys(&fa));
        }
    }

    #[test]
    fn a_series_already_found_as_a_formulation_is_left_to_it() {
        let text = "一体推进不敢腐、不能腐、不想腐。";
        let found = crate::findings::formulations::extract(text, crate::findings::lexicon::Lexicon::builtin());
        let (mut fa, mut fb) = (found.clone(), found.clone());
        add_series((text, text), (&mut fa, &mut fb), crate::findings::lexicon::Lexicon::builtin().words());
        assert_eq!(fa, found);
    }
}
