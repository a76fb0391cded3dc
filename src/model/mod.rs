//! The data every stage after the alignment shares: a document prepared for comparison
//! ([`prepared::Prepared`]) and the row model ([`row::Row`]).
//!
//! It sits below the findings and the pipeline, so that a stage which reads rows (the
//! priorities, the sentence marks) never imports the pipeline that makes them.

pub mod prepared;
pub mod row;
pub mod side;
