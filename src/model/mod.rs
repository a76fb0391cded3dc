//! The data every stage after the alignment shares: a document prepared for comparison
//! ([`prepared::Prepared`]), the row model ([`row::Row`]) and what the two sides of a
//! largely rewritten row share ([`shared_phrases`]).
//!
//! It sits below the findings and the pipeline, so that a stage which reads rows (the
//! priorities, the sentence marks) never imports the pipeline that makes them.

pub mod prepared;
pub mod row;
pub mod shared_phrases;
pub mod side;
