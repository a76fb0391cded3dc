//! The lead-in formulas that give a communiqué's paragraph its role: 全会认为 (the plenum's
//! assessment), 全会强调 (what it stresses), 全会提出 (what it proposes), 全会号召 (its
//! closing call), and their English renderings ("The meeting held that", "It was
//! emphasized that"). Two paragraphs that open with the same formula play the same part
//! in the document's order of business, however differently the rest is worded, so the
//! alignment counts the formula as one shared feature ([`crate::text::fingerprint::role_feature`]).

/// What a lead-in formula says the paragraph does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// 认为, "held that": an assessment.
    Assesses,
    /// 强调, "stressed", "emphasized".
    Stresses,
    /// 指出, "pointed out".
    PointsOut,
    /// 提出, "proposed".
    Proposes,
    /// 要求, "required", "called for".
    Requires,
    /// 号召, "called on": the closing call.
    CallsOn,
    /// 决定, "decided".
    Decides,
}

/// Who speaks in a Chinese lead-in: the plenum, the meeting, the congress.
const ZH_SUBJECTS: [&str; 4] = ["全会", "会议", "大会", "党中央"];

/// Chinese verbs after the subject (一致 "unanimously" may come between).
const ZH_VERBS: [(&str, Role); 7] = [
    ("认为", Role::Assesses),
    ("强调", Role::Stresses),
    ("指出", Role::PointsOut),
    ("提出", Role::Proposes),
    ("要求", Role::Requires),
    ("号召", Role::CallsOn),
    ("决定", Role::Decides),
];

/// English openings, compared without case.
const EN_OPENINGS: [(&str, Role); 14] = [
    ("the meeting held", Role::Assesses),
    ("the plenum held", Role::Assesses),
    ("the session held", Role::Assesses),
    ("it was emphasized", Role::Stresses),
    ("the meeting stressed", Role::Stresses),
    ("the plenum stressed", Role::Stresses),
    ("the meeting emphasized", Role::Stresses),
    ("the meeting pointed out", Role::PointsOut),
    ("the plenum pointed out", Role::PointsOut),
    ("the meeting proposed", Role::Proposes),
    ("the plenum proposed", Role::Proposes),
    ("the meeting required", Role::Requires),
    ("the meeting called on", Role::CallsOn),
    ("the plenum called on", Role::CallsOn),
];

/// The role the opening formula of `body` gives it, if it has one.
///
/// `全会一致认为，…` → [`Role::Assesses`]; `The meeting stressed that …` → [`Role::Stresses`].
pub fn role_of(body: &str) -> Option<Role> {
    let body = body.trim_start();
    if let Some(rest) = ZH_SUBJECTS.iter().find_map(|s| body.strip_prefix(s)) {
        let rest = rest.strip_prefix("一致").unwrap_or(rest);
        return ZH_VERBS.iter().find(|(verb, _)| rest.starts_with(verb)).map(|&(_, role)| role);
    }
    let head = body.get(..body.len().min(32))?;
    EN_OPENINGS.iter().find(|(opening, _)| starts_with_ignoring_case(head, opening)).map(|&(_, role)| role)
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_lead_ins_give_their_role() {
        assert_eq!(role_of("全会强调，全党必须……"), Some(Role::Stresses));
        assert_eq!(role_of("全会一致认为，面对错综复杂的国际形势"), Some(Role::Assesses));
        assert_eq!(role_of("会议要求，各地区各部门……"), Some(Role::Requires));
        assert_eq!(role_of("全会号召，全党全军全国各族人民……"), Some(Role::CallsOn));
    }

    #[test]
    fn english_lead_ins_give_their_role_whatever_the_case() {
        assert_eq!(role_of("The meeting stressed that reform must deepen."), Some(Role::Stresses));
        assert_eq!(role_of("It was emphasized that the Party…"), Some(Role::Stresses));
        assert_eq!(role_of("THE MEETING CALLED ON the whole Party"), Some(Role::CallsOn));
    }

    #[test]
    fn a_paragraph_without_a_lead_in_has_no_role() {
        assert_eq!(role_of("全面深化改革，坚持新发展理念。"), None);
        assert_eq!(role_of("会"), None);
        assert_eq!(role_of("The meeting"), None);
        assert_eq!(role_of("Thé meeting stressed"), None);
        assert_eq!(role_of(""), None);
    }
}
