//! # tifa: compare two policy documents section by section
//!
//! tifa (提法, "formulation") compares two communiqués, work reports or speeches, in Chinese
//! or English, the way a China watcher reads them: section by section, with the wording
//! changes inside each section, and the formulations (slogans) and priorities that were
//! added, dropped, reworded or moved.
//!
//! The engine is a pipeline of pure functions, from text to a [`compare::Comparison`]:
//!
//! 0. [`import`] and [`encoding`] turn a file into text (UTF-8, UTF-16, GB18030, Big5;
//!    HTML, .docx), and [`doc_meta`] reads what a document says of itself;
//! 1. [`segment`] splits each text into an [`segment::Outline`] of titles, headings,
//!    paragraphs and enumerated items, with byte spans that tile the text;
//! 2. [`fingerprint`] and [`align`] pair the sections of A with those of B (in order,
//!    moved, split, merged) and mark the rest added or dropped, each with its closest
//!    sections on the other side;
//! 3. [`diff`] diffs each pair by words (Chinese divided into the words of a word list)
//!    with `similar`, then cleans the result up into readable phrases;
//! 4. [`slogans`], [`slogan_changes`] and [`priorities`] find the formulations and the
//!    enumerated priorities and compare them;
//! 5. [`compare`] ties these together; [`json`] turns the result into the versioned JSON
//!    the CLI prints.
//!
//! Nothing in the engine touches the DOM, the clock or randomness: the same two texts give
//! the same result, natively and in the browser. The browser UI lives in `ui` (wasm only).
#![warn(missing_docs)]

pub mod align;
pub mod compare;
pub mod corpus;
pub mod diff;
pub mod doc_meta;
pub mod encoding;
pub mod fingerprint;
pub mod import;
pub mod json;
pub mod labels;
pub mod lexicon;
pub mod navigation;
pub mod normalize;
pub mod numerals;
pub mod options;
pub mod phrase_table;
pub mod prepared;
pub mod priorities;
pub mod recurring;
pub mod report;
pub mod roles;
pub mod row;
pub mod segment;
pub mod sentence_classes;
pub mod sentences;
pub mod series;
pub mod share;
pub mod shared_sort;
pub mod significance;
pub mod slogan_changes;
pub mod slogans;
pub mod sorted;
pub mod span;
pub mod timeline;
pub mod token;
pub mod wire;
pub mod word_bounds;
pub mod zh_words;

#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use compare::{compare, Comparison, Relation, Row};
pub use options::{Granularity, Options};
pub use span::Span;
