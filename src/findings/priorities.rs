//! Priorities: the enumerated lists of a document, and how their items moved.
//!
//! A list is one of:
//! - the items of one paragraph (`First, … Second, …`, `一是……二是……`);
//! - paragraphs opening with numbered markers of one style, 1, 2, 3… in order
//!   (`第一，…` paragraphs of a discipline plenum; `（一）…` tasks of a work report);
//! - a run of three or more consecutive paragraphs opening with the same lead-in formula
//!   (`全会提出，…`: the tasks of a plenum communiqué);
//! - a run of three or more consecutive paragraphs opening with a dash (`——必须坚持人民至上`,
//!   `— Staying committed to…`): the principles of a congress report, the points of a speech.
//!
//! Items are matched across documents through the section alignment (by content, so a
//! priority that moved from third to first is a rank change, not a drop and an add). Items
//! of matched lists that the alignment left apart are then matched, each to its best match
//! when that match's best is it too: first by their headlines (the words naming the task)
//! from [`ITEM_HEADLINE_MIN`] on; then by content, the share of the smaller item's
//! rarity-weighted fingerprints that the other holds, from [`ITEM_CONTENT_MIN`] on; last,
//! the items beside a matched pair continue its run on less evidence ([`ITEM_RUN_MIN`]).
//! A reordered task list keeps its items even when the alignment, which favours order,
//! paired only some of them. Lists that no row links are matched last by their items'
//! content ([`LIST_CONTENT_MIN_ITEMS`]): a speech that turned its "First, … Second, …"
//! points into dashed ones keeps its list, whatever the numbering.

use crate::model::prepared::Prepared;
use crate::model::row::{Relation, Row};
use crate::text::segment::{MarkerStyle, Outline, SectionKind};
use serde::Serialize;
use std::collections::BTreeMap;

/// One enumerated priority.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Priority {
    /// 1-based rank in its list.
    pub rank: usize,
    /// A short label: the first clause after the marker or lead-in.
    pub label: String,
    /// The section that holds it (an item or a paragraph).
    pub section: usize,
    /// Its leaves (an item, or a paragraph and what belongs to it).
    pub leaves: Vec<usize>,
}

/// One list of priorities.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriorityList {
    /// How the list is numbered: a marker style, or `lead_in`.
    pub style: String,
    /// Its items in order.
    pub items: Vec<Priority>,
}

/// Lead-in formulas that open the items of a plenum's task list.
const LEAD_INS: [&str; 6] =
    ["全会提出，", "会议提出，", "会议要求，", "全会要求，", "The meeting required", "The plenum proposed"];

/// Two items left unmatched by their headlines that are each other's best match by content
/// pair from this share on. Set for precision: on the annotated pairs the true content
/// matches score 0.155 and up, and the highest wrong pair of mutual best matches scores
/// 0.129 (the plenum's foreign-policy item against the next plenum's opening-up item). A
/// wrong match misleads more than an item shown as dropped and another as new, which the
/// reader can still compare.
pub const ITEM_CONTENT_MIN: f32 = 0.14;

/// An unmatched item next to a matched one and the item on the same side of its partner
/// pair from this content share on, when each is the other's best (see [`extend_runs`]).
/// The plenum's social-governance item and the next plenum's security item share 0.13 and
/// follow the livelihood items that match. In the corpus, the most that neighbours of
/// matched items share without continuing them is 0.06 (the congress reports' fourth
/// ecology tasks: the environmental regulation system, and carbon peaking).
pub const ITEM_RUN_MIN: f32 = 0.09;

/// Two unmatched items that are each other's best match by their headlines (the words that
/// name the task) pair from this similarity on. A headline is short and a long item's
/// content touches its neighbours' too: the work reports' 推动城乡区域协调发展 and
/// 扩大国内有效需求，推进区域协调发展和新型城镇化 score 0.21 by headline, while by content the
/// first is nearer the next year's grain and rural item. On the annotated pairs no wrong
/// pair of headlines scores above 0.14.
pub const ITEM_HEADLINE_MIN: f32 = 0.2;

/// Most unmatched items a side that [`match_unlinked_items`] compares (priority lists are short;
/// lists as long as this are enumerations of something else).
pub const MAX_CONTENT_ITEMS: usize = 40;

/// Dashes that open the items of a dashed list (a paragraph starting with one of them).
const DASHES: [&str; 5] = ["——", "—", "–", "─", "- "];

/// Two lists that no row links pair when at least this many of their items match by
/// headline or content (and at least half the shorter list's): one chance likeness between
/// two items does not make two lists the same enumeration.
pub const LIST_CONTENT_MIN_ITEMS: usize = 2;

/// The style of a list of paragraphs opening with a dash.
pub const DASH_STYLE: &str = "dash";

/// The dash a paragraph opens with, if any.
fn leading_dash(body: &str) -> Option<&'static str> {
    DASHES.iter().copied().find(|d| body.starts_with(d))
}

/// Longest label, in characters: Chinese, and other scripts.
const LABEL_CHARS: (usize, usize) = (32, 90);

/// Where the first sentence of a text in a Western script ends: at a full stop before a
/// space (of any width, translations carry no-break spaces) or at the end, or at a
/// semicolon, colon, question or exclamation mark.
fn first_sentence_end(t: &str) -> Option<usize> {
    t.char_indices().find_map(|(k, c)| {
        let stop = match c {
            ';' | ':' | '?' | '!' => true,
            // Not after a capital: "the U.S. and China" goes on.
            '.' => {
                t[k + 1..].chars().next().is_none_or(char::is_whitespace)
                    && !t[..k].chars().next_back().is_some_and(char::is_uppercase)
            }
            _ => false,
        };
        stop.then_some(k)
    })
}

/// A label: the first clause of Chinese text (to its first comma), the first sentence of
/// other text (a comma in English separates the members of a series as often as clauses:
/// "pursue more robust, greener and more balanced global development").
fn label_of(text: &str) -> String {
    let t = text.trim();
    let clause_end = if t.chars().any(crate::text::normalize::is_han) {
        t.find(['，', '。', '；', '：', ',', '.', ';', ':'])
    } else {
        first_sentence_end(t)
    }
    .unwrap_or(t.len());
    let mut clause = &t[..clause_end];
    if clause.chars().count() < 4 {
        clause = t;
    }
    let max = if clause.chars().any(crate::text::normalize::is_han) { LABEL_CHARS.0 } else { LABEL_CHARS.1 };
    let label: String = clause.chars().take(max).collect();
    if clause.chars().count() > max {
        format!("{label}…")
    } else {
        label
    }
}

/// Text after an item's marker (and the punctuation that follows it) or lead-in.
fn after_marker<'t>(text: &'t str, outline: &Outline, section: usize) -> &'t str {
    let s = outline.get(section);
    let body = s.body.of(text);
    let skip = match s.marker {
        Some(m) if m.span.start == s.body.start => m.span.len(),
        _ => LEAD_INS.iter().copied().find(|l| body.starts_with(l)).or_else(|| leading_dash(body)).map_or(0, str::len),
    };
    body[skip..].trim_start_matches(['，', ',', '、', '：', ':', ' ', '．', '.', '—', '–'])
}

/// The leaves of a top-level section (itself, or its children).
fn leaves_of(outline: &Outline, section: usize) -> Vec<usize> {
    if outline.get(section).leaf {
        vec![section]
    } else {
        outline.sections.iter().filter(|s| s.parent == Some(section)).map(|s| s.id).collect()
    }
}

/// The leaves from section `from` up to (not including) the top-level section `until`, or
/// to the end of `from`'s numbered part: a task paragraph and the paragraphs that develop it.
fn leaves_through(outline: &Outline, parts: &[usize], from: usize, until: Option<usize>) -> Vec<usize> {
    let start = outline.leaves.iter().position(|&l| l == from || outline.get(l).parent == Some(from));
    let Some(start) = start else { return Vec::new() };
    let part = parts[start];
    outline.leaves[start..]
        .iter()
        .zip(&parts[start..])
        .take_while(|(&l, &p)| p == part && until.is_none_or(|u| l != u && outline.get(l).parent != Some(u)))
        .map(|(&l, _)| l)
        .collect()
}

/// The priority lists of a document.
pub fn find_lists(text: &str, outline: &Outline) -> Vec<PriorityList> {
    let parts = outline.leaf_parts();
    let mut lists = Vec::new();
    let make = |ids: &[usize], style: String, extend: bool| PriorityList {
        style,
        items: ids
            .iter()
            .enumerate()
            .map(|(k, &id)| Priority {
                rank: k + 1,
                label: label_of(after_marker(text, outline, id)),
                section: id,
                leaves: if extend {
                    leaves_through(outline, &parts, id, ids.get(k + 1).copied())
                } else {
                    leaves_of(outline, id)
                },
            })
            .collect(),
    };
    // Items inside one paragraph.
    let mut by_parent: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for s in outline.sections.iter().filter(|s| s.kind == SectionKind::Item) {
        if let Some(p) = s.parent {
            by_parent.entry(p).or_default().push(s.id);
        }
    }
    for ids in by_parent.values() {
        let style = outline.get(ids[0]).marker.map_or("item".to_string(), |m| style_name(m.style));
        lists.push(make(ids, style, false));
    }
    // Paragraphs opening with markers 1, 2, 3… of one style; each item runs to the next.
    let tops: Vec<usize> = outline.sections.iter().filter(|s| s.parent.is_none()).map(|s| s.id).collect();
    let mut runs: BTreeMap<MarkerStyle, Vec<Vec<usize>>> = BTreeMap::new();
    for &id in &tops {
        let s = outline.get(id);
        let Some(m) = s.marker.filter(|m| m.span.start == s.body.start && m.style != MarkerStyle::ZhDun) else {
            continue;
        };
        let style_runs = runs.entry(m.style).or_default();
        match style_runs.last_mut() {
            Some(run) if outline.get(*run.last().unwrap()).marker.is_some_and(|x| x.number + 1 == m.number) => {
                run.push(id)
            }
            _ if m.number == 1 => style_runs.push(vec![id]),
            _ => {}
        }
    }
    for (style, style_runs) in runs {
        for run in style_runs.into_iter().filter(|r| r.len() >= 2) {
            lists.push(make(&run, style_name(style), true));
        }
    }
    // Runs of paragraphs opening with the same lead-in, or with a dash (any dash: a list
    // keeps one, but a text retyped by hand may not).
    let opening = |id: usize| -> Option<(&'static str, &'static str)> {
        let body = outline.get(id).body.of(text);
        LEAD_INS
            .iter()
            .copied()
            .find(|l| body.starts_with(l))
            .map(|l| (l, "lead_in"))
            .or_else(|| leading_dash(body).map(|_| (DASH_STYLE, DASH_STYLE)))
    };
    let mut run: Vec<usize> = Vec::new();
    let mut run_lead: Option<(&str, &str)> = None;
    for &id in tops.iter().chain(std::iter::once(&usize::MAX)) {
        let lead = (id != usize::MAX).then(|| opening(id)).flatten();
        if lead.is_some() && lead == run_lead {
            run.push(id);
            continue;
        }
        if let Some((_, style)) = run_lead.filter(|_| run.len() >= 3) {
            lists.push(make(&run, style.to_string(), false));
        }
        run = lead.map(|_| vec![id]).unwrap_or_default();
        run_lead = lead;
    }
    crate::util::shared_sort::sort_by_key(&mut lists, |l| l.items[0].section);
    lists
}

fn style_name(style: MarkerStyle) -> String {
    match style {
        MarkerStyle::EnglishOrdinal => "english_ordinal",
        MarkerStyle::ZhShi => "zh_shi",
        MarkerStyle::ZhDi => "zh_di",
        MarkerStyle::ZhParen => "zh_paren",
        MarkerStyle::ZhDun => "zh_dun",
        MarkerStyle::Arabic => "arabic",
    }
    .to_string()
}

/// (list index, item index).
type ItemRef = (usize, usize);

/// A priority of A matched to one of B (or unmatched on one side).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriorityMatch {
    /// Rank in A's list (None: new in B).
    pub rank_a: Option<usize>,
    /// Rank in B's list (None: dropped).
    pub rank_b: Option<usize>,
    /// Label in A.
    pub label_a: Option<String>,
    /// Label in B.
    pub label_b: Option<String>,
    /// Section ids in A and B.
    pub section_a: Option<usize>,
    /// Section id in B.
    pub section_b: Option<usize>,
    /// Positive when the priority rose (rank_a − rank_b).
    pub rank_change: Option<i64>,
}

/// A list of A and its counterpart in B, with item matches.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListMatch {
    /// Index into A's lists.
    pub list_a: Option<usize>,
    /// Index into B's lists.
    pub list_b: Option<usize>,
    /// Item matches, in B's order then dropped items.
    pub items: Vec<PriorityMatch>,
}

/// Both documents' lists and how they match.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PriorityComparison {
    /// Lists of A.
    pub lists_a: Vec<PriorityList>,
    /// Lists of B.
    pub lists_b: Vec<PriorityList>,
    /// Matched lists (and unmatched ones on their own).
    pub matches: Vec<ListMatch>,
}

/// Finds and matches the priority lists of A and B through the comparison's rows.
/// `docs` are the two documents prepared for alignment (their outlines, and the leaves'
/// fingerprints that the content pass reads).
pub fn compare_priorities(texts: (&str, &str), docs: (&Prepared, &Prepared), rows: &[Row]) -> PriorityComparison {
    let outlines = (&docs.0.outline, &docs.1.outline);
    let lists_a = find_lists(texts.0, outlines.0);
    let lists_b = find_lists(texts.1, outlines.1);
    // Which B leaf each A leaf is paired with, and how much text the pair stands for: the
    // row's similarity times the shorter leaf's length. A salutation both speeches repeat
    // ("Colleagues,", "Thank you.") pairs at 1.0 but stands for a few bytes; counted as
    // much as a paragraph, the ones after a speech's last item tied that item to the
    // other speech's last item, whatever the two said.
    let length = |outline: &Outline, leaf: usize| outline.get(leaf).body.len() as f32;
    let mut partners: Vec<(usize, usize, f32)> = Vec::new();
    for row in rows.iter().filter(|r| !matches!(r.relation, Relation::Added | Relation::Dropped)) {
        for &x in &row.a {
            for &y in &row.b {
                let text = length(outlines.0, x).min(length(outlines.1, y)).max(1.0);
                partners.push((x, y, row.similarity.max(0.01) * text));
            }
        }
    }
    // How strongly two priorities are linked: the text of the pairs linking their leaves,
    // summed in one pass over the pairs: ((list A, item), (list B, item)) → weight.
    let item_of = |lists: &[PriorityList]| -> BTreeMap<usize, Vec<ItemRef>> {
        let mut map: BTreeMap<usize, Vec<ItemRef>> = BTreeMap::new();
        for (l, list) in lists.iter().enumerate() {
            for (i, item) in list.items.iter().enumerate() {
                for &leaf in &item.leaves {
                    map.entry(leaf).or_default().push((l, i));
                }
            }
        }
        map
    };
    let (items_a, items_b) = (item_of(&lists_a), item_of(&lists_b));
    let mut weights: BTreeMap<(ItemRef, ItemRef), f32> = BTreeMap::new();
    for (x, y, w) in &partners {
        if let (Some(ia), Some(ib)) = (items_a.get(x), items_b.get(y)) {
            for &pa in ia {
                for &pb in ib {
                    *weights.entry((pa, pb)).or_insert(0.0) += w;
                }
            }
        }
    }
    let link = |la: usize, p: usize, lb: usize, q: usize| weights.get(&((la, p), (lb, q))).copied().unwrap_or(0.0);
    // Pair lists by the number of linked items, best first.
    let mut linked_items: BTreeMap<(usize, usize), std::collections::BTreeSet<usize>> = BTreeMap::new();
    for (pa, pb) in weights.keys() {
        linked_items.entry((pa.0, pb.0)).or_default().insert(pa.1);
    }
    // Numbered and lead-in lists pair among themselves first, dashed ones after: a dashed
    // passage is often a list within a point (a speech's "First, …" point and the dashed
    // proposals under it), so that the numbered points pair with numbered points when
    // both are there.
    let dashed = |x: usize, y: usize| lists_a[x].style == DASH_STYLE || lists_b[y].style == DASH_STYLE;
    let mut scores: Vec<(bool, usize, usize, usize)> =
        linked_items.iter().map(|(&(x, y), items)| (dashed(x, y), items.len(), x, y)).collect();
    crate::util::shared_sort::sort_by(&mut scores, |p, q| {
        p.0.cmp(&q.0).then(q.1.cmp(&p.1)).then(p.2.cmp(&q.2)).then(p.3.cmp(&q.3))
    });
    let (mut used_a, mut used_b) = (vec![false; lists_a.len()], vec![false; lists_b.len()]);
    let mut matches = Vec::new();
    for (_, _, x, y) in scores {
        if used_a[x] || used_b[y] {
            continue;
        }
        used_a[x] = true;
        used_b[y] = true;
        let (la, lb) = (&lists_a[x], &lists_b[y]);
        // Items pair greedily, strongest link first.
        let mut links: Vec<(f32, usize, usize)> = Vec::new();
        for p in 0..la.items.len() {
            for q in 0..lb.items.len() {
                let w = link(x, p, y, q);
                if w > 0.0 {
                    links.push((w, p, q));
                }
            }
        }
        crate::util::shared_sort::best_first(&mut links);
        let mut matched_a = vec![false; la.items.len()];
        let mut partner_of_b: Vec<Option<usize>> = vec![None; lb.items.len()];
        for (_, p, q) in links {
            if !matched_a[p] && partner_of_b[q].is_none() {
                matched_a[p] = true;
                partner_of_b[q] = Some(p);
            }
        }
        match_unlinked_items(texts, docs, (la, lb), &mut matched_a, &mut partner_of_b);
        matches.push(list_match((x, la), (y, lb), &matched_a, &partner_of_b));
    }
    for (x, la) in lists_a.iter().enumerate().filter(|(x, _)| !used_a[*x]) {
        matches.push(ListMatch {
            list_a: Some(x),
            list_b: None,
            items: la.items.iter().map(|p| item_match(Some(p), None)).collect(),
        });
    }
    for (y, lb) in lists_b.iter().enumerate().filter(|(y, _)| !used_b[*y]) {
        matches.push(ListMatch {
            list_a: None,
            list_b: Some(y),
            items: lb.items.iter().map(|p| item_match(None, Some(p))).collect(),
        });
    }
    PriorityComparison { lists_a, lists_b, matches }
}

/// Pairs the lists that no row links, by their items: each pair of such lists has its
/// items matched as [`match_unlinked_items`] matches them, and the pairs with the most
/// matched items pair first, from [`LIST_CONTENT_MIN_ITEMS`] and half the shorter list on.
/// The alignment, which keeps order, leaves a regrouped speech's points apart more often
/// than a list's items, read together, do. Called after the alignment has followed the
/// lists that rows link ([`crate::compare::align_with_priorities`]): lists matched by
/// content alone are shown as one list, but they do not move rows (on the annotated pairs,
/// following them loses more true pairs than it finds).
pub fn match_unlinked_lists(comparison: &mut PriorityComparison, texts: (&str, &str), docs: (&Prepared, &Prepared)) {
    let mut used_a = vec![true; comparison.lists_a.len()];
    let mut used_b = vec![true; comparison.lists_b.len()];
    for m in &comparison.matches {
        match (m.list_a, m.list_b) {
            (Some(x), None) => used_a[x] = false,
            (None, Some(y)) => used_b[y] = false,
            _ => {}
        }
    }
    let found =
        match_lists_by_content(texts, docs, (&comparison.lists_a, &comparison.lists_b), (&mut used_a, &mut used_b));
    if found.is_empty() {
        return;
    }
    // The lists now matched leave their one-sided entries; the new matches go after the
    // matches rows made, before the lists still on their own.
    comparison.matches.retain(|m| match (m.list_a, m.list_b) {
        (Some(x), None) => !used_a[x],
        (None, Some(y)) => !used_b[y],
        _ => true,
    });
    let at = comparison.matches.iter().position(|m| m.list_a.is_none() || m.list_b.is_none());
    let at = at.unwrap_or(comparison.matches.len());
    comparison.matches.splice(at..at, found);
}

fn match_lists_by_content(
    texts: (&str, &str),
    docs: (&Prepared, &Prepared),
    (lists_a, lists_b): (&[PriorityList], &[PriorityList]),
    (used_a, used_b): (&mut [bool], &mut [bool]),
) -> Vec<ListMatch> {
    // (matched items, list of A, list of B, A's matched items, B's partners).
    type Found = (usize, usize, usize, Vec<bool>, Vec<Option<usize>>);
    let mut found: Vec<Found> = Vec::new();
    for (x, la) in lists_a.iter().enumerate().filter(|(x, l)| !used_a[*x] && l.items.len() >= 2) {
        for (y, lb) in lists_b.iter().enumerate().filter(|(y, l)| !used_b[*y] && l.items.len() >= 2) {
            let mut matched_a = vec![false; la.items.len()];
            let mut partner_of_b = vec![None; lb.items.len()];
            match_unlinked_items(texts, docs, (la, lb), &mut matched_a, &mut partner_of_b);
            let count = partner_of_b.iter().flatten().count();
            if count >= LIST_CONTENT_MIN_ITEMS && 2 * count >= la.items.len().min(lb.items.len()) {
                found.push((count, x, y, matched_a, partner_of_b));
            }
        }
    }
    crate::util::shared_sort::sort_by(&mut found, |p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    let mut out = Vec::new();
    for (_, x, y, matched_a, partner_of_b) in found {
        if used_a[x] || used_b[y] {
            continue;
        }
        used_a[x] = true;
        used_b[y] = true;
        out.push(list_match((x, &lists_a[x]), (y, &lists_b[y]), &matched_a, &partner_of_b));
    }
    out
}

/// Two matched lists' item matches: B's items in order, each with its partner in A, then
/// A's items left unmatched.
fn list_match(
    (x, la): (usize, &PriorityList),
    (y, lb): (usize, &PriorityList),
    matched_a: &[bool],
    partner_of_b: &[Option<usize>],
) -> ListMatch {
    let mut items: Vec<PriorityMatch> =
        lb.items.iter().zip(partner_of_b).map(|(pb, pa)| item_match(pa.map(|k| &la.items[k]), Some(pb))).collect();
    items.extend(la.items.iter().zip(matched_a).filter(|(_, m)| !**m).map(|(pa, _)| item_match(Some(pa), None)));
    ListMatch { list_a: Some(x), list_b: Some(y), items }
}

/// Pairs the items of two matched lists that the rows left unmatched: first by their
/// headlines, items that are each other's best match from [`ITEM_HEADLINE_MIN`] on; then, the
/// same way, items still unmatched by content from [`ITEM_CONTENT_MIN`] on. Headlines go
/// first because they name the task: a long item's content also touches its neighbours'
/// (the work report's 推动城乡区域协调发展 shares more words with the next year's grain and
/// rural item than with the regional item its headline continues).
fn match_unlinked_items(
    texts: (&str, &str),
    docs: (&Prepared, &Prepared),
    lists: (&PriorityList, &PriorityList),
    matched_a: &mut [bool],
    partner_of_b: &mut [Option<usize>],
) {
    let (a, b) = (ItemFeatures::new(texts.0, docs.0), ItemFeatures::new(texts.1, docs.1));
    match_items(
        lists,
        matched_a,
        partner_of_b,
        (&|p| a.headline(p), &|p| b.headline(p)),
        (&|p| a.content(p), &|p| b.content(p)),
    );
}

/// The passes of [`match_unlinked_items`] over features read by `by_headline` and
/// `by_content`.
fn match_items(
    lists: (&PriorityList, &PriorityList),
    matched_a: &mut [bool],
    partner_of_b: &mut [Option<usize>],
    by_headline: Features<'_>,
    by_content: Features<'_>,
) {
    pair_mutual_best(lists, matched_a, partner_of_b, (ITEM_HEADLINE_MIN, dice), by_headline);
    pair_mutual_best(lists, matched_a, partner_of_b, (ITEM_CONTENT_MIN, overlap), by_content);
    extend_runs(lists, matched_a, partner_of_b, ITEM_RUN_MIN, by_content);
}

/// How one document's items are read for matching.
struct ItemFeatures<'d> {
    text: &'d str,
    doc: &'d Prepared,
}

impl ItemFeatures<'_> {
    fn new<'d>(text: &'d str, doc: &'d Prepared) -> ItemFeatures<'d> {
        ItemFeatures { text, doc }
    }

    /// The fingerprints of an item's headline.
    fn headline(&self, item: &Priority) -> Vec<u64> {
        let h = headline_of(after_marker(self.text, &self.doc.outline, item.section));
        crate::text::fingerprint::fingerprint(h, crate::util::span::Span::new(0, h.len()))
    }

    /// An item's content: the union of its leaves' fingerprints (leaves are in id order, so
    /// a leaf's place is found by binary search).
    fn content(&self, item: &Priority) -> Vec<u64> {
        let mut f: Vec<u64> = item
            .leaves
            .iter()
            .filter_map(|l| self.doc.outline.leaves.binary_search(l).ok())
            .flat_map(|k| self.doc.prints[k].iter().copied())
            .collect();
        f.sort_unstable();
        f.dedup();
        f
    }
}

/// Two weighted feature sets' similarity from what they share and their totals: Dice, for
/// headlines (short, of like length).
fn dice(shared: f32, total_a: f32, total_b: f32) -> f32 {
    2.0 * shared / (total_a + total_b)
}

/// The share of the smaller set found in the larger: for contents, whose lengths differ
/// by up to seven times (one year's task runs over five paragraphs, the next year's over
/// one), so that Dice would mostly measure the difference in length.
fn overlap(shared: f32, total_a: f32, total_b: f32) -> f32 {
    shared / total_a.min(total_b)
}

/// An item's headline: its text after the marker up to the end of its first sentence or
/// clause list (`扩大国内有效需求，推进区域协调发展和新型城镇化`).
fn headline_of(text: &str) -> &str {
    let end = text.find(['。', '；', ';', '\n']).unwrap_or(text.len());
    let line = &text[..end];
    line.find(". ").map_or(line, |k| &line[..k])
}

/// How an item's features are read, for A's items and for B's (a function each, behind a
/// reference: the passes share one copy of the code that reads them).
type Features<'f> = (&'f dyn Fn(&Priority) -> Vec<u64>, &'f dyn Fn(&Priority) -> Vec<u64>);

/// Pairs unmatched items of two lists that are each other's best match from `min` on, in
/// order of similarity: `measure` over the rarity-weighted features `features` gives them
/// (the first function for A's items, the second for B's).
fn pair_mutual_best(
    lists: (&PriorityList, &PriorityList),
    matched_a: &mut [bool],
    partner_of_b: &mut [Option<usize>],
    (min, measure): (f32, fn(f32, f32, f32) -> f32),
    features: Features<'_>,
) {
    let sims = free_similarities(lists, matched_a, partner_of_b, measure, features);
    // Each item's best similarity, in one pass (not a scan of all pairs per pair).
    let (mut best_a, mut best_b) = (vec![0f32; lists.0.items.len()], vec![0f32; lists.1.items.len()]);
    for &(sim, p, q) in &sims {
        best_a[p] = best_a[p].max(sim);
        best_b[q] = best_b[q].max(sim);
    }
    let mut mutual: Vec<(f32, usize, usize)> =
        sims.iter().copied().filter(|&(sim, p, q)| sim >= min && sim >= best_a[p] && sim >= best_b[q]).collect();
    crate::util::shared_sort::best_first(&mut mutual);
    for (_, p, q) in mutual {
        if !matched_a[p] && partner_of_b[q].is_none() {
            matched_a[p] = true;
            partner_of_b[q] = Some(p);
        }
    }
}

/// Extends the runs of matched items: an unmatched item next to a matched one pairs with the
/// unmatched item on the same side of its partner (the one after it, or before it) when
/// the two are each other's best match among the unmatched items, from `min` on. Tasks
/// move in blocks: the plenum's livelihood and social-governance items, fifth and sixth
/// from the end, became the next plenum's livelihood and security items, in the same
/// order; the second pair shares less than strangers are asked to, but it continues the
/// first.
fn extend_runs(
    lists: (&PriorityList, &PriorityList),
    matched_a: &mut [bool],
    partner_of_b: &mut [Option<usize>],
    min: f32,
    features: Features<'_>,
) {
    let sims = free_similarities(lists, matched_a, partner_of_b, overlap, features);
    let sim_of = |p: usize, q: usize| sims.iter().find(|s| s.1 == p && s.2 == q).map_or(0.0, |s| s.0);
    loop {
        let free = |p: usize, q: usize, matched_a: &[bool], partner_of_b: &[Option<usize>]| {
            p < matched_a.len() && q < partner_of_b.len() && !matched_a[p] && partner_of_b[q].is_none()
        };
        // The best similarity each item still has to an unmatched item.
        let (mut best_a, mut best_b) = (vec![0f32; lists.0.items.len()], vec![0f32; lists.1.items.len()]);
        for &(sim, p, q) in sims.iter().filter(|s| free(s.1, s.2, matched_a, partner_of_b)) {
            best_a[p] = best_a[p].max(sim);
            best_b[q] = best_b[q].max(sim);
        }
        let next = partner_of_b.iter().enumerate().filter_map(|(q, p)| p.map(|p| (p, q))).find_map(|(p, q)| {
            [(p + 1, q + 1), (p.wrapping_sub(1), q.wrapping_sub(1))].into_iter().find(|&(x, y)| {
                free(x, y, matched_a, partner_of_b) && {
                    let sim = sim_of(x, y);
                    sim >= min && sim >= best_a[x] && sim >= best_b[y]
                }
            })
        });
        let Some((p, q)) = next else { break };
        matched_a[p] = true;
        partner_of_b[q] = Some(p);
    }
}

/// The similarities of every unmatched item of A to every unmatched item of B:
/// `(similarity, A item, B item)`, `measure` over the rarity-weighted features
/// `features` gives them. Empty when either side has none or more than
/// [`MAX_CONTENT_ITEMS`].
fn free_similarities(
    (la, lb): (&PriorityList, &PriorityList),
    matched_a: &[bool],
    partner_of_b: &[Option<usize>],
    measure: fn(f32, f32, f32) -> f32,
    features: Features<'_>,
) -> Vec<(f32, usize, usize)> {
    let free_a: Vec<usize> = (0..la.items.len()).filter(|&p| !matched_a[p]).collect();
    let free_b: Vec<usize> = (0..lb.items.len()).filter(|&q| partner_of_b[q].is_none()).collect();
    if free_a.is_empty() || free_b.is_empty() || free_a.len() > MAX_CONTENT_ITEMS || free_b.len() > MAX_CONTENT_ITEMS {
        return Vec::new();
    }
    // Only the unmatched items are read (indexes below are into `free_a` and `free_b`).
    let fa: Vec<Vec<u64>> = free_a.iter().map(|&p| features.0(&la.items[p])).collect();
    let fb: Vec<Vec<u64>> = free_b.iter().map(|&q| features.1(&lb.items[q])).collect();
    // Rarity among those items: what most of them say counts for nothing (of two or three
    // items left, a word two share is no commonplace). Each item's features get their
    // weights once, in the same order.
    let mut all: Vec<u64> = fa.iter().chain(&fb).flatten().copied().collect();
    all.sort_unstable();
    let n = (fa.len() + fb.len()) as f32;
    let weight = |f: &u64| -> f32 {
        let df = all.partition_point(|x| x <= f) - all.partition_point(|x| x < f);
        if n >= 4.0 && df as f32 > n / 2.0 {
            0.0
        } else {
            (1.0 + n / df as f32).ln()
        }
    };
    let (wa, wb): (Vec<Vec<f32>>, Vec<Vec<f32>>) = (
        fa.iter().map(|f| f.iter().map(weight).collect()).collect(),
        fb.iter().map(|f| f.iter().map(weight).collect()).collect(),
    );
    let (ta, tb): (Vec<f32>, Vec<f32>) =
        (wa.iter().map(|w| w.iter().sum()).collect(), wb.iter().map(|w| w.iter().sum()).collect());
    let mut sims: Vec<(f32, usize, usize)> = Vec::new();
    for p in 0..fa.len() {
        for q in 0..fb.len() {
            let mut shared = 0.0f32;
            crate::util::sorted::for_each_shared(&fa[p], &fb[q], |i, _| shared += wa[p][i]);
            if ta[p] > 0.0 && tb[q] > 0.0 {
                sims.push((measure(shared, ta[p], tb[q]), free_a[p], free_b[q]));
            }
        }
    }
    sims
}

fn item_match(a: Option<&Priority>, b: Option<&Priority>) -> PriorityMatch {
    PriorityMatch {
        rank_a: a.map(|p| p.rank),
        rank_b: b.map(|p| p.rank),
        label_a: a.map(|p| p.label.clone()),
        label_b: b.map(|p| p.label.clone()),
        section_a: a.map(|p| p.section),
        section_b: b.map(|p| p.section),
        rank_change: a.zip(b).map(|(a, b)| a.rank as i64 - b.rank as i64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::segment;

    #[test]
    fn inline_ordinals_make_a_list_with_labels() {
        let text = "T\nIt was emphasized that we act. First, we must grow the economy. Second, reform.";
        let lists = find_lists(text, &segment(text));
        assert_eq!(lists.len(), 1);
        let labels: Vec<&str> = lists[0].items.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["we must grow the economy", "reform"]);
    }

    #[test]
    fn english_labels_run_to_the_end_of_the_first_sentence_not_the_first_comma() {
        let text = "T\nFirst, we must pursue more robust, greener and more balanced growth.\u{a0}It matters. \
            Second, the U.S. and China must talk; more follows.";
        let labels: Vec<String> = find_lists(text, &segment(text))[0].items.iter().map(|p| p.label.clone()).collect();
        assert_eq!(
            labels,
            ["we must pursue more robust, greener and more balanced growth", "the U.S. and China must talk"]
        );
    }

    #[test]
    fn paragraphs_opening_with_a_dash_make_a_list() {
        let text = "题\n——在大会上的报告\n正文。\n——必须坚持人民至上。人民性是本质属性。\n\
            ——必须坚持自信自立。\n— 必须坚持守正创新。\n结语。";
        let lists = find_lists(text, &segment(text));
        assert_eq!(lists.len(), 1, "the lone subtitle is no list: {lists:?}");
        assert_eq!(lists[0].style, "dash");
        let labels: Vec<&str> = lists[0].items.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["必须坚持人民至上", "必须坚持自信自立", "必须坚持守正创新"]);
    }

    #[test]
    fn a_dashed_list_pairs_with_the_numbered_list_whose_points_it_keeps() {
        // B regroups A's points under dashes and in another order, with a new opening
        // paragraph: the rows alone need not link the two lists, their items do.
        let a = "Speech\nFirst, we need to uphold multilateralism and reject unilateralism and hegemony.\n\
            Second, we need to pursue green development, protect biodiversity and cut carbon emissions.\n\
            Third, we need to support open trade, resilient supply chains and the WTO.\n";
        let b = "Speech\nA new opening on the pandemic and vaccines for all.\n\
            — We need to champion green development, protect biodiversity and cut carbon emissions.\n\
            — We need to practice true multilateralism and reject unilateralism and hegemony.\n\
            — We need to keep supply chains resilient and trade open under the WTO.\n";
        let (pa, pb) = (crate::compare::prepare(a), crate::compare::prepare(b));
        let mut comparison = compare_priorities((a, b), (&pa, &pb), &[]);
        match_unlinked_lists(&mut comparison, (a, b), (&pa, &pb));
        assert_eq!(comparison.matches.len(), 1, "{:#?}", comparison.matches);
        let ranks: Vec<(Option<usize>, Option<usize>)> =
            comparison.matches[0].items.iter().map(|m| (m.rank_a, m.rank_b)).collect();
        assert_eq!(ranks, [(Some(2), Some(1)), (Some(1), Some(2)), (Some(3), Some(3))]);
    }

    #[test]
    fn lists_that_share_one_chance_item_stay_apart() {
        let a = "Speech\nFirst, we need to uphold multilateralism and reject hegemony.\n\
            Second, we need to build roads.\nThird, we need to plant trees.\n";
        let b = "Speech\n— We need to uphold multilateralism and reject hegemony.\n\
            — Ports will be dredged.\n— Rivers will be cleaned.\n— Schools will open.\n";
        let (pa, pb) = (crate::compare::prepare(a), crate::compare::prepare(b));
        let mut comparison = compare_priorities((a, b), (&pa, &pb), &[]);
        match_unlinked_lists(&mut comparison, (a, b), (&pa, &pb));
        assert!(
            comparison.matches.iter().all(|m| m.list_a.is_none() || m.list_b.is_none()),
            "{:#?}",
            comparison.matches
        );
    }

    #[test]
    fn lead_in_runs_make_a_list() {
        let text = "题\n全会提出，坚持创新驱动。内容。\n全会提出，加快发展现代产业体系，推动升级。\n全会提出，形成强大国内市场。\n全会号召，团结奋斗。";
        let lists = find_lists(text, &segment(text));
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].style, "lead_in");
        assert_eq!(lists[0].items[1].label, "加快发展现代产业体系");
    }

    #[test]
    fn items_unlike_in_content_pair_when_their_headlines_share_the_task() {
        // The review lists of two work reports: B's regional item is long and about much
        // else, so only its headline says it continues A's.
        let a = "题\n（一）推动城乡区域协调发展。\n（二）加强生态环境保护。\n（三）着力保障和改善民生。\n";
        let b = "题\n（一）切实保障和改善民生。\n（二）持续加强生态环境保护。\n（三）扩大国内有效需求，推进区域协调发展和新型城镇化。\
            扩大消费，增加投资，稳定外贸，发展服务业，完善收入分配，建设现代流通体系，促进居民消费升级。\n";
        assert_eq!(item_partners(a, b), [Some(2), Some(1), Some(0)]);
    }

    /// Runs the item passes over the first lists of `a` and `b`, with nothing matched
    /// before: B's partner in A for each of B's items.
    fn item_partners(a: &str, b: &str) -> Vec<Option<usize>> {
        let (pa, pb) = (crate::compare::prepare(a), crate::compare::prepare(b));
        let (la, lb) = (find_lists(a, &pa.outline), find_lists(b, &pb.outline));
        let (mut matched_a, mut partner_of_b) = (vec![false; la[0].items.len()], vec![None; lb[0].items.len()]);
        match_unlinked_items((a, b), (&pa, &pb), (&la[0], &lb[0]), &mut matched_a, &mut partner_of_b);
        partner_of_b
    }

    #[test]
    fn a_short_item_pairs_with_the_long_item_it_condenses() {
        // A's innovation task runs over seven paragraphs; B keeps a few of its phrases in one
        // short item under a new headline. Measured against the long item's length (Dice)
        // they share too little; measured against the short one's, most of it.
        let a = "题\n（一）深入实施创新驱动发展战略。\n强化国家战略科技力量，实施科技体制改革三年攻坚方案。\n\
            加大企业创新激励力度，提高研发费用加计扣除比例。\n推动数字经济发展，建设数字信息基础设施。\n\
            培育壮大战略性新兴产业，促进平台经济健康发展。\n完善人才发展体制机制，弘扬科学家精神。\n\
            深化基础研究，实施基础研究十年规划，加强知识产权保护和运用。\n\
            健全科技成果转化机制，扩大国际科技交流合作，建设开放创新生态。\n\
            （二）持续改善生态环境。\n加强污染治理和生态保护修复，推进大气污染联防联控。\n";
        let b = "题\n（一）推动发展方式绿色转型。\n加强污染治理和生态保护修复，推进大气污染联防联控。\n\
            （二）加快建设现代化产业体系。\n强化国家战略科技力量，推动数字经济发展。\n\
            推进制造业高端化智能化，提升产业链供应链韧性和安全水平。\n";
        assert_eq!(item_partners(a, b), [Some(1), Some(0)]);
    }

    #[test]
    fn headlines_pair_before_content_does() {
        // A's regional item shares its rural words with B's grain item, but its headline
        // continues in B's demand and regional item.
        let a = "题\n（一）推动城乡区域协调发展。全面推进乡村振兴，促进农民增收，巩固拓展脱贫攻坚成果。\n\
            （二）加强生态环境保护。\n";
        let b = "题\n（一）保障国家粮食安全，大力实施乡村振兴战略。促进农民增收，巩固拓展脱贫攻坚成果。\n\
            （二）扩大国内有效需求，推进区域协调发展和新型城镇化。扩大消费，增加投资。\n\
            （三）持续加强生态环境保护。\n";
        assert_eq!(item_partners(a, b), [None, Some(0), Some(1)]);
    }

    #[test]
    fn the_items_after_a_matched_pair_continue_its_run_on_less_evidence() {
        let text = "题\n（一）甲。\n（二）乙。\n（三）丙。\n";
        let list = find_lists(text, &segment(text)).remove(0);
        // A's second item and B's third share two features of sixteen: too little for
        // strangers, enough for the items after a matched pair (A's first, B's second).
        let own = |from: u64, n: u64| (from..from + n).collect::<Vec<u64>>();
        let features_a = [own(100, 5), [vec![1, 2], own(200, 12)].concat(), own(300, 12)];
        let features_b = [own(400, 12), own(500, 5), [vec![1, 2], own(600, 14)].concat()];
        let features: Features = (&|item: &Priority| features_a[item.rank - 1].clone(), &|item: &Priority| {
            features_b[item.rank - 1].clone()
        });
        let (mut matched_a, mut partner_of_b) = (vec![false; 3], vec![None; 3]);
        pair_mutual_best((&list, &list), &mut matched_a, &mut partner_of_b, (ITEM_CONTENT_MIN, overlap), features);
        assert_eq!(partner_of_b, [None, None, None]);
        extend_runs((&list, &list), &mut matched_a, &mut partner_of_b, ITEM_RUN_MIN, features);
        assert_eq!(partner_of_b, [None, None, None], "no run to continue");
        matched_a[0] = true;
        partner_of_b[1] = Some(0);
        extend_runs((&list, &list), &mut matched_a, &mut partner_of_b, ITEM_RUN_MIN, features);
        assert_eq!(partner_of_b, [None, Some(0), Some(1)]);
    }

    #[test]
    fn salutations_after_the_last_items_do_not_tie_them_together() {
        // Each speech's last item runs to its end, over the salutations both repeat. A's
        // second item continues in B's second, not in B's third, which only shares them.
        let a = "Title\nFirst, we need to step up health cooperation and build a community of health.\n\
            Second, we need to nourish people-to-people amity, cultural exchanges and mutual learning among our peoples.\n\
            Colleagues,\nThank you.\n";
        let b = "Title\nFirst, we need to enhance solidarity and health cooperation against the pandemic.\n\
            Second, we need to boost interactions and mutual learning, cultural exchanges and amity among our peoples.\n\
            Third, we need to uphold equity and justice in international affairs.\n\
            Colleagues,\nThank you.\n";
        let c = crate::compare(a, b, &crate::Options::default());
        let ranks: Vec<(usize, usize)> =
            c.priorities.matches.iter().flat_map(|m| &m.items).filter_map(|i| Some((i.rank_a?, i.rank_b?))).collect();
        assert!(ranks.contains(&(2, 2)), "{ranks:?}");
        assert!(!ranks.contains(&(2, 3)), "{ranks:?}");
    }

    #[test]
    fn numbered_paragraphs_make_a_list() {
        let text = "题\n（一）稳定宏观经济大盘。\n说明段落。\n（二）扩大内需。\n";
        let lists = find_lists(text, &segment(text));
        assert_eq!(lists[0].items.len(), 2);
        assert_eq!(lists[0].items[0].label, "稳定宏观经济大盘");
    }
}
