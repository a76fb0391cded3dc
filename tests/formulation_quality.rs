//! Formulation and priority quality against hand annotations (tests/formulations/,
//! tests/priorities/): precision and recall of added and dropped formulations, and the
//! priority matches. Prints the scores beside the targets and fails below the
//! recorded floors (the scores when the floors were set, less 0.02).
//!
//! Formulations: every annotated pair of tests/formulations/ (each file `A__B.tsv`) is scored, in
//! the set (dev or test) tests/alignment/SPLIT.tsv gives it. A change is `(added | dropped,
//! key)`, and a prediction is right when the annotation has the same change with the same
//! key (strict: no partial credit for a neighbouring wording). Each set prints a table per
//! pair, its means (all pairs, Chinese, English), and the scores per tier:
//!
//! - predictions go to the tier of their kind: `quoted`, `lexicon`, `numbered` (the
//!   "lexicon-only" engine of before issue 26), `learned` (the phrase table's phrases, with
//!   [`Lexicon::with_learned_tier`]), `series` (lists of parallel phrases and their members,
//!   candidates) or `recurring` (phrases found by repetition, candidates);
//! - annotated changes go to a tier by the first tag of their note: `quoted`, `numbered`;
//!   a line the lexicon knows (its formulation, or a Chinese form of its note, is a whole
//!   lexicon entry) whatever its tag (`ideology list`, `stance list`, `lexicon`, but also a
//!   `set phrase` or an English `fixed` phrase the lexicon lists) is `lexicon`; the rest
//!   (`set phrase`, `series`, `fixed`, …, not in the lexicon) is `unlisted`, which no tier
//!   of the lexicon-only engine aims at and only the recurring phrases can find (recall
//!   only: no prediction has that tier). A line under the tags alone (a `set phrase` the
//!   lexicon lists still `unlisted`) would credit the unlisted tier with the lexicon's finds;
//!   that reading is printed too, on one line per set.
//!
//! Three engines are scored per pair: the lexicon-only engine (a lexicon without the phrase
//! table), the engine as the page and the CLI report (candidates left out), and the engine
//! with the learned tier; the tier table adds the candidates, so that each finder's precision
//! shows, counted or not.
//!
//! A recurring phrase's own key (`rep:…`), a series' and a lexicon entry's quoted name
//! (`lex:…:quoted`) are replaced by its text keyed as an annotated formulation is
//! ([`gold_key`]), so that it can match one.
//!
//! Rewordings. An annotated `reworded` line (B form as the formulation, `reworded from <A
//! form>` in the note) counts, for added and dropped, as the B form added and the A form
//! dropped; a predicted reworded change counts the same way (its key added, the key of its
//! `reworded_from` text dropped). Splitting both sides alike means a correct rewording is two
//! hits, never two false positives, and an engine that sees the new and the old wording but
//! does not pair them still gets the two facts a reader needs most (Y is new, X is gone);
//! whether it paired them is scored apart, as rewordings matched (same A key and same B key).
//! The A form's tier is the one its own key gives under the line's tag, and a predicted
//! rewording's A side takes the kind of its B side (the row keeps only that one; candidates
//! only reword each other, so the engine is still exactly the predictions that are no
//! candidates).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use tifa::compare::compare_with;
use tifa::findings::formulation_changes::FormulationStatus;
use tifa::findings::formulations::FormulationKind;
use tifa::findings::lexicon::Lexicon;
use tifa::{compare, Granularity};

/// The key a gold formulation maps to: the lexicon entry one of its forms names (the
/// formulation itself, or a Chinese form given in the note), else its folded text.
fn gold_key(formulation: &str, note: &str) -> String {
    let bare = formulation.trim_matches(|c| matches!(c, '“' | '”' | '"' | '‘' | '’'));
    let lexicon = Lexicon::builtin();
    let mut forms = vec![bare.to_string()];
    forms.extend(
        note.split(|c: char| c == ';' || c == ',' || c == '(' || c == ')' || c.is_whitespace())
            .filter(|w| w.chars().any(tifa::text::normalize::is_han))
            .map(str::to_string),
    );
    for form in &forms {
        if let Some(hit) = lexicon
            .find(form)
            .into_iter()
            .find(|h| h.span.start == 0 && h.span.end == form.len() && !lexicon.is_learned(h.entry))
        {
            return format!("lex:{}", hit.entry);
        }
    }
    let folded: String = bare.chars().map(tifa::text::normalize::fold_char).flat_map(char::to_lowercase).collect();
    format!("text:{}", folded.trim())
}

/// A key as a reader knows it: `lex:<id>` with the entry's label.
fn shown(key: &str) -> String {
    match key.strip_prefix("lex:").and_then(|id| id.parse::<usize>().ok()) {
        Some(id) => format!("{key} {}", Lexicon::builtin().entries[id].label()),
        None => key.to_string(),
    }
}

/// Where a formulation's change is scored (see the module comment).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Quoted,
    Lexicon,
    Numbered,
    Learned,
    Series,
    Recurring,
    Unlisted,
}

const TIERS: [Tier; 7] =
    [Tier::Quoted, Tier::Lexicon, Tier::Numbered, Tier::Learned, Tier::Series, Tier::Recurring, Tier::Unlisted];

impl Tier {
    fn name(self) -> &'static str {
        match self {
            Tier::Quoted => "quoted",
            Tier::Lexicon => "lexicon",
            Tier::Numbered => "numbered",
            Tier::Learned => "learned",
            Tier::Series => "series",
            Tier::Recurring => "recurring",
            Tier::Unlisted => "unlisted",
        }
    }

    /// The tier of a predicted formulation, by how the engine found it.
    fn of_kind(kind: FormulationKind) -> Tier {
        match kind {
            FormulationKind::Lexicon => Tier::Lexicon,
            FormulationKind::Numbered => Tier::Numbered,
            FormulationKind::Quoted | FormulationKind::Title => Tier::Quoted,
            FormulationKind::Learned => Tier::Learned,
            FormulationKind::Series => Tier::Series,
            FormulationKind::Recurring => Tier::Recurring,
        }
    }

    /// The tier of an annotated formulation, by the first tag of its note and its key.
    fn of_gold(note: &str, key: &str) -> Tier {
        match note.split(';').next().unwrap_or("").trim() {
            "quoted" => Tier::Quoted,
            "numbered" => Tier::Numbered,
            _ if key.starts_with("lex:") => Tier::Lexicon,
            _ => Tier::Unlisted,
        }
    }
}

/// An added or dropped formulation: `("added" | "dropped", key)`.
type Change = (&'static str, String);

/// The changes of one side (annotation or engine) of a pair, with their tiers, and its
/// rewordings as `(A key, B key)`.
#[derive(Default)]
struct Changes {
    changes: BTreeMap<Change, Tier>,
    reworded: BTreeSet<(String, String)>,
    /// Annotated lines tagged as neither of the lexicon's kinds (`set phrase`, `series`,
    /// `fixed`, …) that the lexicon knows, scored in the lexicon tier.
    listed_elsewhere: usize,
    /// Annotated changes by the tag of their note alone: those lines in the unlisted tier.
    by_tag: BTreeMap<Change, Tier>,
}

impl Changes {
    /// Adds a change; a key found two ways keeps the first tier in [`TIERS`] order.
    fn insert(&mut self, status: &'static str, key: String, tier: Tier) {
        let t = self.changes.entry((status, key)).or_insert(tier);
        *t = (*t).min(tier);
    }

    /// Adds an annotated change, its tier read from its note (see [`Tier::of_gold`]).
    fn insert_gold(&mut self, status: &'static str, key: String, note: &str) {
        let tier = Tier::of_gold(note, &key);
        let tag = note.split(';').next().unwrap_or("").trim();
        let by_tag = if tier == Tier::Lexicon && !["ideology list", "stance list", "lexicon"].contains(&tag) {
            self.listed_elsewhere += 1;
            Tier::Unlisted
        } else {
            tier
        };
        let t = self.by_tag.entry((status, key.clone())).or_insert(by_tag);
        *t = (*t).min(by_tag);
        self.insert(status, key, tier);
    }

    /// The changes without the phrases found by repetition, which the page lists as
    /// candidates and does not count: what the engine reports.
    fn without_recurring(&self) -> Changes {
        self.without(Tier::Recurring)
    }

    /// The changes without the candidates (recurring phrases, series) and without those of
    /// `tier`.
    fn without(&self, tier: Tier) -> Changes {
        let keep = |t: Tier| t != Tier::Recurring && t != Tier::Series && t != tier;
        Changes {
            changes: self.changes.iter().filter(|(_, &t)| keep(t)).map(|(c, &t)| (c.clone(), t)).collect(),
            reworded: self.reworded.clone(),
            listed_elsewhere: self.listed_elsewhere,
            by_tag: self.by_tag.clone(),
        }
    }
}

/// `(A form, the note before "reworded from")` of a reworded line's note.
fn reworded_from(note: &str) -> Option<(&str, &str)> {
    let at = note.find("reworded from ")?;
    let rest = &note[at + "reworded from ".len()..];
    let end = rest.find([';', '(', '（']).unwrap_or(rest.len());
    Some((rest[..end].trim(), &note[..at]))
}

/// Every added, dropped and reworded formulation of a gold file. A reworded line counts as
/// its B form added and its A form dropped (see the module comment).
fn gold_changes(tsv: &str) -> Changes {
    let mut out = Changes::default();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let (formulation, status, note) = (cells[0], cells[1], cells.get(4).copied().unwrap_or(""));
        match status {
            "added" | "dropped" => {
                let status = if status == "added" { "added" } else { "dropped" };
                out.insert_gold(status, gold_key(formulation, note), note);
            }
            "reworded" => {
                let (from, before) =
                    reworded_from(note).unwrap_or_else(|| panic!("reworded line without \"reworded from\": {line}"));
                // The note's other Chinese forms describe A's wording: B's key is looked up
                // from the note before "reworded from" only.
                let (key_b, key_a) = (gold_key(formulation, before), gold_key(from, ""));
                out.insert_gold("added", key_b.clone(), note);
                out.insert_gold("dropped", key_a.clone(), note);
                out.reworded.insert((key_a, key_b));
            }
            _ => {}
        }
    }
    out
}

/// The lexicon without the phrase table: the engine of before issue 26.
fn lexicon_without_phrases() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(Lexicon::builtin().source()).with_words(Lexicon::builtin().words_source()))
}

/// The built-in lexicon with the learned tier ([`Lexicon::with_learned_tier`]), measured
/// beside the engine.
fn lexicon_with_learned_tier() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let builtin = Lexicon::builtin();
        Lexicon::parse(builtin.source())
            .with_words(builtin.words_source())
            .with_phrases(builtin.phrases().source())
            .with_learned_tier()
    })
}

/// The added, dropped and reworded formulations found with `lexicon`, recurring phrases
/// included.
fn predicted_changes(a: &str, b: &str, lexicon: &Lexicon) -> Changes {
    let c = compare_with(a, b, Granularity::default(), lexicon);
    let mut out = Changes::default();
    for s in &c.formulations {
        let tier = Tier::of_kind(s.kind);
        // A phrase found by repetition has a key of its own (`rep:…`, its words joined); its
        // text is keyed as an annotated formulation is, so that it can match one.
        let key =
            if matches!(s.kind, FormulationKind::Recurring | FormulationKind::Series) || s.key.ends_with(":quoted") {
                gold_key(&s.text, "")
            } else {
                s.key.clone()
            };
        match s.status {
            FormulationStatus::Added => out.insert("added", key, tier),
            FormulationStatus::Dropped => out.insert("dropped", key, tier),
            FormulationStatus::Reworded => {
                out.insert("added", key.clone(), tier);
                // A's key is not kept on the row; the text of A's formulation stands for it.
                if let Some(from) = &s.reworded_from {
                    let key_a = gold_key(from, "");
                    out.insert("dropped", key_a.clone(), tier);
                    if s.kind != FormulationKind::Recurring {
                        out.reworded.insert((key_a, key));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Counts for precision and recall, per tier and in all.
#[derive(Clone, Copy, Default)]
struct Tally {
    /// Annotated changes, and those the engine found.
    gold: usize,
    found: usize,
    /// Predicted changes, and those that are right.
    predicted: usize,
    right: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.gold += other.gold;
        self.found += other.found;
        self.predicted += other.predicted;
        self.right += other.right;
    }

    fn precision(self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.right as f64 / self.predicted as f64
        }
    }

    fn recall(self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.found as f64 / self.gold as f64
        }
    }
}

/// The tally of `predicted` against `truth`, for all changes and per tier (annotated changes
/// by their tier, predictions by theirs).
fn tally(predicted: &Changes, truth: &Changes) -> (Tally, BTreeMap<Tier, Tally>) {
    let mut per_tier: BTreeMap<Tier, Tally> = TIERS.iter().map(|&t| (t, Tally::default())).collect();
    let mut all = Tally::default();
    for (change, &tier) in &truth.changes {
        let found = usize::from(predicted.changes.contains_key(change));
        let t = per_tier.entry(tier).or_default();
        t.gold += 1;
        t.found += found;
        all.gold += 1;
        all.found += found;
    }
    for (change, &tier) in &predicted.changes {
        let right = usize::from(truth.changes.contains_key(change));
        let t = per_tier.entry(tier).or_default();
        t.predicted += 1;
        t.right += right;
        all.predicted += 1;
        all.right += right;
    }
    (all, per_tier)
}

/// A floor: (precision, recall).
type PrecisionRecall = (f64, f64);

/// Floors (precision, recall) of added+dropped (strict) per pair: for the lexicon-only
/// engine (no phrase table, no candidates), then for the engine as it reports (the same
/// finders: the learned tier and the candidates are measured beside it, not counted). Each
/// is the score when the floors were set less 0.02, cut to two decimals. Every annotated
/// pair must have a line.
///
/// The five older dev pairs' annotations were written from the lexicon (their unlisted set
/// phrases and series are not listed), so they score the lexicon tier near its ceiling; the
/// four dev pairs annotated for issue 26 (apec27 → apecretreat, cc19-3 → cc19-4, ccdi19-5 →
/// ccdi19-6, gwr2021 → gwr2022) list every formulation a careful reader marks, as the test
/// files do, and show the recall a lexicon gives on such annotations (about 0.3).
///
/// In December 2026 the lexicon grew by 272 set phrases of the record (each used in two
/// or more reports or speeches of different years, or an official name; see the lexicon's
/// last two sections). The five older dev pairs' annotations do not list most of them, so
/// their strict precision fell (cc19-4 → cc19-5 from 1.00 to 0.58) while the fully annotated
/// pairs gained recall at about the same precision; a hand check of 60 of the new rows
/// (tests/plausibility/new-lexicon.tsv) found 57 of them plausible formulations.
///
/// A second batch of 62 entries came from the dev pairs' annotations: the set phrases and
/// series annotated there that the lexicon missed and that two or more documents of different
/// dates use (the record or the bundled corpus), less those that came out wrong on another
/// dev pair. It lifts the test pairs' Chinese recall (0.612 → 0.643) at a cost in strict
/// precision (0.717 → 0.682) where the test annotations leave such phrases out; a blind hand
/// check of every row they give over ten pairs (tests/plausibility/lexicon-from-dev-annotations.tsv)
/// found 104 of 114 plausible, and the four entries behind the ten were taken out or merged.
/// A third batch of 68 series came from the record: lists the engine cuts as series in the
/// corpus documents of no test pair, printed word for word by two or more documents of
/// different years, vetted and rendered by a reader (two left out for coming out wrong on
/// a dev pair). Over the test pairs it moves little (Chinese recall 0.643 → 0.648, strict
/// precision 0.682 → 0.670); all 25 rows it gives over ten pairs were judged plausible
/// (tests/plausibility/series-entries.tsv).
///
/// Two annotated rewordings (全面推进依法治国 ↔ 全面依法治国, cc18-4 → cc18-5 and cc19-6 → cc19-7)
/// join two wordings the lexicon holds as one entry: the line asks for that entry added and
/// dropped at once, which no prediction can give, and stays two misses of the lexicon tier.
const FLOORS: [(&str, &str, PrecisionRecall, PrecisionRecall); 15] = [
    // dev
    ("cc19-4-zh", "cc19-5-zh", (0.45, 0.94), (0.45, 0.94)),
    ("cc19-5-zh", "cc19-6-zh", (0.55, 0.96), (0.55, 0.96)),
    ("gwr2022-zh", "gwr2023-zh", (0.51, 0.95), (0.51, 0.95)),
    ("unga75-2020-en", "unga76-2021-en", (0.48, 0.90), (0.48, 0.90)),
    ("sco20-2020-en", "sco21-2021-en", (0.60, 0.94), (0.60, 0.94)),
    ("apec27-2020-en", "apecretreat-2021-en", (0.83, 0.44), (0.83, 0.44)),
    ("cc19-3-zh", "cc19-4-zh", (0.82, 0.65), (0.82, 0.65)),
    ("ccdi19-5-zh", "ccdi19-6-zh", (0.92, 0.50), (0.92, 0.50)),
    ("gwr2021-zh", "gwr2022-zh", (0.85, 0.70), (0.85, 0.70)),
    // test: far below the targets; the floors only catch a fall
    ("cc18-4-zh", "cc18-5-zh", (0.65, 0.47), (0.65, 0.47)),
    ("cc19-6-zh", "cc19-7-zh", (0.59, 0.64), (0.59, 0.64)),
    ("ccdi19-4-zh", "ccdi19-5-zh", (0.69, 0.60), (0.69, 0.60)),
    ("gwr2018-zh", "gwr2019-zh", (0.67, 0.73), (0.67, 0.73)),
    ("g20-15-2020-en", "g20-16-2021-en", (0.61, 0.70), (0.61, 0.70)),
    ("climate-ambition-2020-en", "climate-leaders-2021-en", (0.58, 0.51), (0.58, 0.51)),
];

/// `(A id, B id) → set` from tests/alignment/SPLIT.tsv.
fn split() -> BTreeMap<(String, String), String> {
    let path = common::root().join("tests/alignment/SPLIT.tsv");
    let text = std::fs::read_to_string(&path).expect("tests/alignment/SPLIT.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            ((cells[0].to_string(), cells[1].to_string()), cells[2].to_string())
        })
        .collect()
}

/// Every annotated pair: the files `A__B.tsv` of tests/formulations/, as `(A id, B id)`.
fn annotated_pairs() -> BTreeSet<(String, String)> {
    let dir = common::root().join("tests/slogans");
    std::fs::read_dir(&dir)
        .expect("tests/slogans")
        .map(|e| e.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter_map(|name| {
            let (a, b) = name.strip_suffix(".tsv")?.split_once("__")?;
            Some((a.to_string(), b.to_string()))
        })
        .collect()
}

/// The scores of one pair.
struct PairScore {
    a: String,
    b: String,
    /// Lexicon-only engine (no phrase table, no candidates), the engine (what it reports:
    /// no candidates), the engine with the learned tier, and that with the recurring
    /// candidates too (for the scores per tier).
    lexicon_only: (Tally, BTreeMap<Tier, Tally>),
    engine: (Tally, BTreeMap<Tier, Tally>),
    learned: (Tally, BTreeMap<Tier, Tally>),
    whole: (Tally, BTreeMap<Tier, Tally>),
    /// Annotated rewordings, those the engine paired the same way, and the engine's.
    reworded: (usize, usize, usize),
    /// See [`Changes::listed_elsewhere`].
    listed_elsewhere: usize,
    /// Per tier by the notes' tags alone ([`Changes::by_tag`]): annotated changes, found by
    /// the whole engine, found by the lexicon-only one.
    by_tag: BTreeMap<Tier, (usize, usize, usize)>,
}

fn mean(scores: &[&PairScore], f: impl Fn(&PairScore) -> f64) -> f64 {
    if scores.is_empty() {
        f64::NAN
    } else {
        scores.iter().map(|s| f(s)).sum::<f64>() / scores.len() as f64
    }
}

/// Which pairs of a set a mean is over.
type Keep = fn(&PairScore) -> bool;

/// Prints one set: the table per pair with its means, then the tiers pooled over the set.
fn print_set(out: &mut String, set: &str, scores: &[&PairScore]) {
    let _ = writeln!(
        out,
        "\n== {set}: added and dropped formulations (strict key match; targets: precision 0.90, recall 0.90)"
    );
    let _ = writeln!(
        out,
        "{:<52} {:>5}   {:<17}   {:<17}   {:<17}   reworded",
        "", "", "lexicon-only", "engine", "+ learned tier"
    );
    let _ = writeln!(
        out,
        "{:<52} {:>5}   {:>9} {:>7}   {:>9} {:>7}   {:>9} {:>7}   paired/annotated, predicted",
        "pair", "gold", "precision", "recall", "precision", "recall", "precision", "recall"
    );
    for s in scores {
        let (l, w, t) = (s.lexicon_only.0, s.engine.0, s.learned.0);
        let _ = writeln!(
            out,
            "{:<52} {:>5}   {:>9.3} {:>7.3}   {:>9.3} {:>7.3}   {:>9.3} {:>7.3}   {}/{}, {}",
            format!("{} → {}", s.a, s.b),
            l.gold,
            l.precision(),
            l.recall(),
            w.precision(),
            w.recall(),
            t.precision(),
            t.recall(),
            s.reworded.1,
            s.reworded.0,
            s.reworded.2
        );
    }
    let groups: [(&str, Keep); 3] =
        [("mean", |_| true), ("mean Chinese", |s| s.a.ends_with("-zh")), ("mean English", |s| s.a.ends_with("-en"))];
    for (name, keep) in groups {
        let group: Vec<&PairScore> = scores.iter().filter(|s| keep(s)).copied().collect();
        let _ = writeln!(
            out,
            "{:<52} {:>5}   {:>9.3} {:>7.3}   {:>9.3} {:>7.3}   {:>9.3} {:>7.3}",
            format!("{name} ({} pairs)", group.len()),
            "",
            mean(&group, |s| s.lexicon_only.0.precision()),
            mean(&group, |s| s.lexicon_only.0.recall()),
            mean(&group, |s| s.engine.0.precision()),
            mean(&group, |s| s.engine.0.recall()),
            mean(&group, |s| s.learned.0.precision()),
            mean(&group, |s| s.learned.0.recall()),
        );
    }

    // Tiers, pooled over the pairs of the set.
    let mut lexicon_only = (Tally::default(), BTreeMap::<Tier, Tally>::new());
    let mut whole = (Tally::default(), BTreeMap::<Tier, Tally>::new());
    let mut engine = (Tally::default(), BTreeMap::<Tier, Tally>::new());
    for s in scores {
        for (sum, part) in [(&mut lexicon_only, &s.lexicon_only), (&mut whole, &s.whole), (&mut engine, &s.engine)] {
            sum.0.add(part.0);
            for (&tier, &t) in &part.1 {
                sum.1.entry(tier).or_default().add(t);
            }
        }
    }
    let listed_elsewhere: usize = scores.iter().map(|s| s.listed_elsewhere).sum();
    let _ = writeln!(
        out,
        "\n{set}, per tier, pooled over its pairs: annotated changes by their note's tier (recall by the whole \
         engine with the learned tier and the candidates, and by the lexicon-only one), predictions by their kind \
         (precision)"
    );
    let _ = writeln!(
        out,
        "{:<10} {:>5} {:>6} {:>7} {:>9} {:>9}   {:>9} {:>6} {:>9}",
        "tier", "gold", "found", "recall", "found l-o", "recall l-o", "predicted", "right", "precision"
    );
    for tier in TIERS {
        let (l, w) =
            (lexicon_only.1.get(&tier).copied().unwrap_or_default(), whole.1.get(&tier).copied().unwrap_or_default());
        let recall = if w.gold == 0 {
            format!("{:>5} {:>6} {:>7} {:>9} {:>9}", "-", "-", "-", "-", "-")
        } else {
            format!("{:>5} {:>6} {:>7.3} {:>9} {:>9.3}", w.gold, w.found, w.recall(), l.found, l.recall())
        };
        let precision = if w.predicted == 0 {
            format!("{:>9} {:>6} {:>9}", "-", "-", "-")
        } else {
            format!("{:>9} {:>6} {:>9.3}", w.predicted, w.right, w.precision())
        };
        let _ = writeln!(out, "{:<10} {recall}    {precision}", tier.name());
    }
    let (l, w) = (lexicon_only.0, engine.0);
    let _ = writeln!(
        out,
        "engine (all annotated added+dropped): recall {:.3}, precision {:.3} ({} annotated, {} predicted)",
        w.recall(),
        w.precision(),
        w.gold,
        w.predicted
    );
    let _ = writeln!(
        out,
        "lexicon-only engine:                  recall {:.3}, precision {:.3} ({} annotated, {} predicted)",
        l.recall(),
        l.precision(),
        l.gold,
        l.predicted
    );
    let mut by_tag: BTreeMap<Tier, (usize, usize, usize)> = BTreeMap::new();
    for (&tier, &(n, found, found_l)) in scores.iter().flat_map(|s| &s.by_tag) {
        let e = by_tag.entry(tier).or_default();
        *e = (e.0 + n, e.1 + found, e.2 + found_l);
    }
    let tag_recall = |tier: Tier| {
        let (n, found, found_l) = by_tag.get(&tier).copied().unwrap_or_default();
        let ratio = |k: usize| if n == 0 { 1.0 } else { k as f64 / n as f64 };
        format!("{} {:.3} ({found}/{n}; lexicon-only {:.3})", tier.name(), ratio(found), ratio(found_l))
    };
    let _ = writeln!(
        out,
        "by the notes' tags alone ({listed_elsewhere} lines tagged set phrase, series, fixed, … that the lexicon \
         knows counted unlisted, not lexicon): recall {}, {}",
        tag_recall(Tier::Lexicon),
        tag_recall(Tier::Unlisted)
    );
    let r = scores.iter().fold((0, 0, 0), |acc, s| (acc.0 + s.reworded.0, acc.1 + s.reworded.1, acc.2 + s.reworded.2));
    let _ = writeln!(
        out,
        "rewordings: {} annotated, {} paired as annotated (same A and B), {} predicted (engine)",
        r.0, r.1, r.2
    );
}

#[test]
fn added_and_dropped_formulations_against_annotations() {
    let split = split();
    let floors: BTreeMap<(&str, &str), (PrecisionRecall, PrecisionRecall)> =
        FLOORS.iter().map(|&(a, b, lex, whole)| ((a, b), (lex, whole))).collect();
    let debug = std::env::var_os("TIFA_SLOGAN_DEBUG").is_some();
    let mut failures = Vec::new();
    let mut out = String::new();
    let mut by_set: BTreeMap<String, Vec<PairScore>> = BTreeMap::new();
    let pairs = annotated_pairs();
    for (a_id, b_id) in &pairs {
        let path = common::root().join(format!("tests/slogans/{a_id}__{b_id}.tsv"));
        let truth = gold_changes(&std::fs::read_to_string(&path).expect("annotation"));
        let (a_text, b_text) = (common::corpus(a_id), common::corpus(b_id));
        let engine = predicted_changes(&a_text, &b_text, Lexicon::builtin()).without_recurring();
        let predicted = predicted_changes(&a_text, &b_text, lexicon_with_learned_tier());
        let learned = predicted.without_recurring();
        let lexicon_only = predicted_changes(&a_text, &b_text, lexicon_without_phrases()).without_recurring();
        let paired = engine.reworded.intersection(&truth.reworded).count();
        let score = PairScore {
            a: a_id.clone(),
            b: b_id.clone(),
            lexicon_only: tally(&lexicon_only, &truth),
            engine: tally(&engine, &truth),
            learned: tally(&learned, &truth),
            whole: tally(&predicted, &truth),
            reworded: (truth.reworded.len(), paired, engine.reworded.len()),
            listed_elsewhere: truth.listed_elsewhere,
            by_tag: truth.by_tag.iter().fold(BTreeMap::new(), |mut m, (change, &tier)| {
                let e: &mut (usize, usize, usize) = m.entry(tier).or_default();
                e.0 += 1;
                e.1 += usize::from(predicted.changes.contains_key(change));
                e.2 += usize::from(lexicon_only.changes.contains_key(change));
                m
            }),
        };
        if debug {
            // The engine as the page reports it, its candidates (series, recurring) listed too.
            let shown_engine = predicted_changes(&a_text, &b_text, Lexicon::builtin());
            let _ = writeln!(out, "{a_id} → {b_id}");
            for (change, tier) in &shown_engine.changes {
                let verdict = if truth.changes.contains_key(change) { "right" } else { "false" };
                let _ = writeln!(out, "  {verdict:<6} {:<9} {:<7} {}", tier.name(), change.0, shown(&change.1));
            }
            for (change, tier) in truth.changes.iter().filter(|(c, _)| !engine.changes.contains_key(*c)) {
                let _ = writeln!(out, "  missed {:<9} {:<7} {}", tier.name(), change.0, shown(&change.1));
            }
        }
        let set = split.get(&(a_id.clone(), b_id.clone())).cloned().unwrap_or_else(|| {
            failures.push(format!("{a_id} → {b_id}: not in tests/alignment/SPLIT.tsv"));
            "unsplit".to_string()
        });
        let (l, w) = (score.lexicon_only.0, score.engine.0);
        match floors.get(&(a_id.as_str(), b_id.as_str())) {
            None => failures.push(format!(
                "{a_id} → {b_id}: no floor in FLOORS (lexicon-only precision {:.3}, recall {:.3}; engine {:.3}, {:.3})",
                l.precision(),
                l.recall(),
                w.precision(),
                w.recall()
            )),
            Some(&(lex, whole)) => {
                if l.precision() < lex.0 || l.recall() < lex.1 {
                    failures.push(format!(
                        "{a_id} → {b_id}, lexicon-only: precision {:.3}, recall {:.3} (floors {lex:?})",
                        l.precision(),
                        l.recall()
                    ));
                }
                if w.precision() < whole.0 || w.recall() < whole.1 {
                    failures.push(format!(
                        "{a_id} → {b_id}, engine: precision {:.3}, recall {:.3} (floors {whole:?})",
                        w.precision(),
                        w.recall()
                    ));
                }
            }
        }
        by_set.entry(set).or_default().push(score);
    }
    for (a, b, _, _) in FLOORS {
        if !pairs.contains(&(a.to_string(), b.to_string())) {
            failures.push(format!("{a} → {b}: a floor but no annotation tests/slogans/{a}__{b}.tsv"));
        }
    }
    for set in ["dev", "test", "unsplit"] {
        if let Some(scores) = by_set.get(set) {
            print_set(&mut out, set, &scores.iter().collect::<Vec<_>>());
        }
    }
    println!("{out}");
    assert!(failures.is_empty(), "formulation quality regressed:\n{}", failures.join("\n"));
}

/// `(A paragraph, B paragraph)` of every matched priority in a gold file (from `A¶n B¶m`).
fn gold_priority_matches(tsv: &str) -> BTreeSet<(usize, usize)> {
    let para = |note: &str, tag: &str| -> Option<usize> {
        let at = note.find(tag)? + tag.len();
        note[at..].chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()
    };
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let note = l.split('\t').nth(3)?;
            Some((para(note, "A¶")?, para(note, "B¶")?))
        })
        .collect()
}

#[test]
fn priority_matches_against_annotations() {
    println!("{:<34} {:>10} {:>8}   (target: all correct)", "pair", "precision", "recall");
    let mut failures = Vec::new();
    // Floors (precision, recall): every match reported must be right and every annotated
    // match found (the target: all correct).
    let pairs = [
        ("cc19-4-zh", "cc19-5-zh", (1.0, 1.0)),
        ("cc19-5-zh", "cc19-6-zh", (1.0, 1.0)),
        // 0.929 since the gap alignment by dynamic programming (issue 24): the 2022 report's
        // fifth review item (推动城乡区域协调发展) covers both regions and the countryside; its
        // paragraph now pairs with the 2023 report's rural item (A¶20 with B¶47–49, 0.109)
        // instead of its regional one (B¶43–46, 0.05), and the item match follows the row.
        // Both are gold pairs of the alignment annotation; the priority annotation names B¶43.
        // 0.950 since rows out of order no longer link items (compare_priorities).
        ("gwr2022-zh", "gwr2023-zh", (0.93, 0.93)),
    ];
    for (a_id, b_id, floor) in pairs {
        let path = common::root().join(format!("tests/priorities/{a_id}__{b_id}.tsv"));
        let truth = gold_priority_matches(&std::fs::read_to_string(&path).expect("annotation"));
        let (a, b) = (common::corpus(a_id), common::corpus(b_id));
        let c = compare(&a, &b, Granularity::default());
        let predicted: BTreeSet<(usize, usize)> = c
            .priorities
            .matches
            .iter()
            .flat_map(|m| &m.items)
            .filter_map(|i| Some((c.outline_a.get(i.section_a?).paragraph, c.outline_b.get(i.section_b?).paragraph)))
            .collect();
        let hit = predicted.intersection(&truth).count() as f64;
        let p = if predicted.is_empty() { 1.0 } else { hit / predicted.len() as f64 };
        let r = if truth.is_empty() { 1.0 } else { hit / truth.len() as f64 };
        println!("{:<34} {:>10.3} {:>8.3}", format!("{a_id} → {b_id}"), p, r);
        if std::env::var_os("TIFA_SLOGAN_DEBUG").is_some() {
            println!("  predicted {predicted:?}\n  truth {truth:?}");
        }
        if p < floor.0 || r < floor.1 {
            failures.push(format!("{a_id} → {b_id}: precision {p:.3}, recall {r:.3} (floors {floor:?})"));
        }
    }
    assert!(failures.is_empty(), "priority matching regressed:\n{}", failures.join("\n"));
}
