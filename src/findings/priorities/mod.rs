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

mod items;
mod lists;
mod matching;

pub use lists::find_lists;
pub use matching::{compare_priorities, match_unlinked_lists};

/// One enumerated priority.
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityList {
    /// How the list is numbered: a marker style, or `lead_in`.
    pub style: String,
    /// Its items in order.
    pub items: Vec<Priority>,
}

/// Two items left unmatched by their headlines that are each other's best match by content
/// pair from this share on. Set for precision: on the annotated pairs the true content
/// matches score 0.155 and up, and the highest wrong pair of mutual best matches scores
/// 0.129 (the plenum's foreign-policy item against the next plenum's opening-up item). A
/// wrong match misleads more than an item shown as dropped and another as new, which the
/// reader can still compare.
pub const ITEM_CONTENT_MIN: f32 = 0.14;

/// An unmatched item next to a matched one and the item on the same side of its partner
/// pair from this content share on, when each is the other's best (see `extend_runs`).
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

/// Most unmatched items a side that `match_unlinked_items` compares (priority lists are short;
/// lists as long as this are enumerations of something else).
pub const MAX_CONTENT_ITEMS: usize = 40;

/// Two lists that no row links pair when at least this many of their items match by
/// headline or content (and at least half the longer list's): one chance likeness between
/// two items does not make two lists the same enumeration.
pub const LIST_CONTENT_MIN_ITEMS: usize = 2;

/// The style of a list of paragraphs opening with a dash.
pub const DASH_STYLE: &str = "dash";

/// A priority of A matched to one of B (or unmatched on one side).
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct ListMatch {
    /// Index into A's lists.
    pub list_a: Option<usize>,
    /// Index into B's lists.
    pub list_b: Option<usize>,
    /// Item matches, in B's order then dropped items.
    pub items: Vec<PriorityMatch>,
}

/// Both documents' lists and how they match.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PriorityComparison {
    /// Lists of A.
    pub lists_a: Vec<PriorityList>,
    /// Lists of B.
    pub lists_b: Vec<PriorityList>,
    /// Matched lists (and unmatched ones on their own).
    pub matches: Vec<ListMatch>,
}
