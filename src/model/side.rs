//! Which of the two documents: A (the earlier, shown on the left) or B.
//!
//! One type for every layer that names a side: the workspace, focus and share links (where
//! it is written `"a"` or `"b"`, as links always have been).

use serde::{Deserialize, Serialize};

/// Which of the two documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The first document (shown on the left).
    #[serde(rename = "a")]
    A,
    /// The second document (shown on the right).
    #[serde(rename = "b")]
    B,
}

impl Side {
    /// Both sides, A first.
    pub const BOTH: [Side; 2] = [Side::A, Side::B];

    /// `"A"` or `"B"`.
    pub fn label(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }

    /// 0 for A, 1 for B: the side's place in a pair of anything.
    pub fn index(self) -> usize {
        match self {
            Side::A => 0,
            Side::B => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_side_is_written_as_links_have_always_written_it() {
        assert_eq!(serde_json::to_string(&Side::A).unwrap(), r#""a""#);
        assert_eq!(serde_json::from_str::<Side>(r#""b""#).unwrap(), Side::B);
        assert_eq!(Side::BOTH.map(Side::index), [0, 1]);
        assert_eq!(Side::B.label(), "B");
    }
}
