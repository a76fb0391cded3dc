//! Small utilities every layer may use: byte spans, shared sort routines, sorted-slice walks.
//!
//! They import nothing of tifa's, so any module can use them without a cycle.

pub mod shared_sort;
pub mod sorted;
pub mod span;
