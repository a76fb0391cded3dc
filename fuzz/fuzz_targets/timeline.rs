//! A timeline of arbitrary documents never panics, has one column per document, points
//! only at character boundaries of its documents, and draws and tabulates without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tifa::timeline::{build, charts, formulation_tracks, tables, SeriesDoc};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // \x01 separates the documents of the series (at most eight).
    let texts: Vec<&str> = text.split('\u{1}').take(8).collect();
    let docs: Vec<SeriesDoc<'_>> = texts.iter().map(|t| SeriesDoc { label: "d", title: "d", date: "", text: t }).collect();
    let t = build(&docs, tifa::findings::lexicon::Lexicon::builtin());
    let n = docs.len();
    assert_eq!(t.documents.len(), n);
    assert_eq!(t.steps.len(), n.saturating_sub(1));
    for s in &t.formulations {
        assert_eq!(s.counts.len(), n);
        assert!(s.first <= s.last && s.last < n && s.total > 0);
    }
    for l in &t.lineages {
        assert!(l.since < n && l.at[l.since].is_some());
        for (i, at) in l.at.iter().enumerate() {
            if let Some(at) = at {
                assert!(texts[i].is_char_boundary(*at));
            }
        }
    }
    for c in &t.priorities {
        for p in &c.tracks {
            for (i, at) in p.at.iter().enumerate() {
                if let Some(at) = at {
                    assert!(texts[i].is_char_boundary(*at));
                }
            }
        }
    }
    let rows = formulation_tracks::select(&t.formulations, "", true, formulation_tracks::FormulationOrder::Volatility);
    let _ = (charts::heat_map(&t, &rows), charts::lineage_strips(&t), charts::bump_chart(&t, 0));
    let _ = (tables::formulations_csv(&t, &rows), tables::priorities_csv(&t), tables::lineage_csv(&t), tables::markdown(&t));
});
