//! What a China watcher looks for in the two texts: formulations (lexicon, phrase table,
//! extraction, comparison, recurring phrases, series), priorities, and sentence marks.
//!
//! Each reads the prepared documents and the rows ([`crate::model`]) and returns its own
//! findings; [`crate::compare`](mod@crate::compare) calls them in order.

pub mod formulation_changes;
pub mod formulations;
pub mod lexicon;
pub mod phrase_table;
pub mod priorities;
pub mod recurring;
pub mod sentence_classes;
pub mod series;
