//! The timeline: formulations, priorities and sections followed across a series.
//! Native only: it reads the built-in lexicon.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use tifa::findings::lexicon::Lexicon;
use tifa::timeline::formulation_tracks::{select, FormulationOrder};
use tifa::timeline::{analyse, assemble, build, date_order, SeriesDoc, Timeline};

fn series(texts: &[&str]) -> Timeline {
    let docs: Vec<SeriesDoc<'_>> =
        texts.iter().map(|text| SeriesDoc { label: "doc", title: "doc", date: "", text }).collect();
    build(&docs, Lexicon::builtin())
}

/// The timeline of corpus documents, in the order given.
fn corpus_series(ids: &[&str]) -> Timeline {
    let texts: Vec<String> = ids.iter().map(|id| common::corpus(id)).collect();
    let docs: Vec<SeriesDoc<'_>> =
        ids.iter().zip(&texts).map(|(id, text)| SeriesDoc { label: id, title: id, date: "", text }).collect();
    build(&docs, Lexicon::builtin())
}

fn plenums() -> Timeline {
    corpus_series(&tifa::timeline::presets::CC19_FOURTH_TO_SIXTH)
}

fn row<'t>(t: &'t Timeline, form: &str) -> &'t tifa::timeline::FormulationTrack {
    t.formulations.iter().find(|s| s.forms.iter().any(|f| f == form)).unwrap_or_else(|| panic!("no row for {form}"))
}

#[test]
fn a_formulation_in_every_plenum_has_a_count_in_every_column_and_no_mark() {
    let t = plenums();
    let r = row(&t, "两个维护");
    assert_eq!(r.counts, [1, 1, 1]);
    assert!(!r.appears && !r.vanishes && !r.intermittent);
    assert_eq!((r.first, r.last, r.total, r.changes), (0, 2, 3, 0));
}

#[test]
fn formulations_new_at_the_sixth_plenum_are_marked_as_appearing_there() {
    let t = plenums();
    for form in ["全过程人民民主", "党史学习教育", "自我革命"] {
        let r = row(&t, form);
        assert_eq!(r.first, 2, "{form}");
        assert!(r.appears && !r.vanishes, "{form}");
        assert_eq!(r.counts[..2], [0, 0], "{form}");
    }
}

#[test]
fn a_formulation_dropped_after_the_fourth_plenum_vanishes() {
    let t = plenums();
    let r = row(&t, "两个一百年");
    assert_eq!(r.counts, [3, 0, 0]);
    assert!(r.vanishes && !r.appears);
}

#[test]
fn a_formulation_that_skips_a_plenum_is_intermittent() {
    let t = plenums();
    let r = row(&t, "两个大局");
    assert_eq!(r.counts, [2, 0, 2]);
    assert!(r.intermittent);
}

#[test]
fn a_reworded_formulation_stays_one_row_with_both_forms() {
    let t = series(&[
        "题\n会议要求，实施“稳健的货币政策”，保持流动性合理充裕。\n",
        "题\n会议要求，实施“适度宽松的货币政策”，保持流动性合理充裕。\n",
    ]);
    let r = row(&t, "适度宽松的货币政策");
    assert_eq!(r.forms, ["稳健的货币政策", "适度宽松的货币政策"]);
    assert_eq!(r.counts, [1, 1]);
    assert_eq!(r.text, "适度宽松的货币政策", "the latest form names the row");
    assert!(r.keys.iter().all(Option::is_some), "each column knows the key to open");
}

#[test]
fn heat_map_orders_and_filters() {
    let t = plenums();
    let by_total = select(&t.formulations, "", false, FormulationOrder::Total);
    assert!(by_total.windows(2).all(|w| t.formulations[w[0]].total >= t.formulations[w[1]].total));
    let by_last = select(&t.formulations, "", false, FormulationOrder::LastAppearance);
    assert!(by_last.windows(2).all(|w| t.formulations[w[0]].last >= t.formulations[w[1]].last));
    let by_first = select(&t.formulations, "", false, FormulationOrder::FirstAppearance);
    assert!(by_first.windows(2).all(|w| t.formulations[w[0]].first <= t.formulations[w[1]].first));
    let volatile = select(&t.formulations, "", false, FormulationOrder::Volatility);
    assert!(volatile.windows(2).all(|w| t.formulations[w[0]].changes >= t.formulations[w[1]].changes));
    let filtered = select(&t.formulations, "人民", false, FormulationOrder::FirstAppearance);
    assert!(
        !filtered.is_empty() && filtered.iter().all(|&i| t.formulations[i].forms.iter().any(|f| f.contains("人民")))
    );
    let glossed = select(&t.formulations, "party history", false, FormulationOrder::FirstAppearance);
    assert!(glossed.iter().any(|&i| t.formulations[i].text == "党史学习教育"), "the filter reads English glosses too");
    let (a, b) = (common::corpus("gwr2022-zh"), common::corpus("gwr2023-zh"));
    let reports = series(&[&a, &b]);
    let headline = select(&reports.formulations, "", false, FormulationOrder::FirstAppearance);
    let all = select(&reports.formulations, "", true, FormulationOrder::FirstAppearance);
    assert!(headline
        .iter()
        .all(|&i| reports.formulations[i].kind != tifa::findings::formulations::FormulationKind::Quoted));
    assert!(
        all.iter().any(|&i| reports.formulations[i].text == "米袋子"),
        "quoted phrases join when all kinds are asked for"
    );
}

#[test]
fn priorities_are_followed_through_a_swap_an_addition_and_a_drop() {
    let t = series(&[
        "题\n（一）稳定宏观经济大盘。保持经济运行在合理区间。\n（二）扩大国内需求。推动消费恢复。\n（三）加强生态环境保护。持续打好蓝天保卫战。\n",
        "题\n（一）扩大国内需求。推动消费恢复。\n（二）稳定宏观经济大盘。保持经济运行在合理区间。\n（三）加强生态环境保护。持续打好蓝天保卫战。\n（四）建设现代化产业体系。推进新型工业化。\n",
        "题\n（一）建设现代化产业体系。推进新型工业化。\n（二）扩大国内需求。推动消费恢复。\n（三）稳定宏观经济大盘。保持经济运行在合理区间。\n",
    ]);
    let chain = &t.priorities[0];
    assert_eq!(chain.span, (0, 2));
    let ranks = |label: &str| chain.tracks.iter().find(|p| p.label == label).map(|p| p.ranks.clone()).unwrap();
    assert_eq!(ranks("扩大国内需求"), [Some(2), Some(1), Some(2)]);
    assert_eq!(ranks("稳定宏观经济大盘"), [Some(1), Some(2), Some(3)]);
    assert_eq!(ranks("建设现代化产业体系"), [None, Some(4), Some(1)]);
    assert_eq!(ranks("加强生态环境保护"), [Some(3), Some(3), None]);
    let track = |label: &str| chain.tracks.iter().find(|p| p.label == label).unwrap();
    assert!(track("建设现代化产业体系").new && !track("建设现代化产业体系").dropped);
    assert!(track("加强生态环境保护").dropped && !track("加强生态环境保护").new);
    assert_eq!(chain.tracks[0].label, "建设现代化产业体系", "ordered by the latest rank");
}

#[test]
fn each_section_of_the_latest_document_knows_where_it_first_appeared() {
    let kept = "全会认为，坚持党的全面领导是根本保证，必须毫不动摇坚持。";
    let t = series(&[
        &format!("题\n{kept}\n全会听取了工作报告，审议通过了决议。\n"),
        &format!("题\n{kept}\n全会听取了工作报告，审议通过了决议和说明。\n"),
        &format!("题\n{kept}\n全会听取了工作报告，审议通过了决议和说明。\n全会决定，召开第二十次全国代表大会。\n"),
    ]);
    let of = |start: &str| t.lineages.iter().find(|l| l.label.starts_with(start)).unwrap();
    let unchanged = of("全会认为");
    assert_eq!(unchanged.since, 0);
    assert!(unchanged.links[1..].iter().all(|l| l.is_some_and(|l| l.similarity == 1.0)));
    assert!(unchanged.at.iter().all(Option::is_some), "every document has its place");
    let edited = of("全会听取");
    assert_eq!(edited.since, 0);
    let step = edited.links[1].unwrap().similarity;
    assert!(step < 1.0 && step > 0.5, "edited once, then unchanged: {step}");
    assert_eq!(edited.links[2].unwrap().similarity, 1.0);
    let new = of("全会决定");
    assert_eq!(new.since, 2);
    assert_eq!(new.at, [None, None, Some(t.lineages.last().unwrap().at[2].unwrap())]);
}

#[test]
fn steps_count_the_sections_kept_added_and_dropped() {
    let t = series(&["题\n第一段。\n第二段落的内容很长。\n", "题\n第二段落的内容很长。\n新的一段话，完全不同。\n"]);
    assert_eq!(t.steps.len(), 1);
    let s = &t.steps[0];
    assert_eq!((s.kept, s.added, s.dropped), (2, 1, 1));
}

#[test]
fn series_sort_by_date_with_undated_documents_last() {
    assert_eq!(date_order(&["2021-11-11", "", "2019-10-31", "2020-10-29"]), [2, 3, 0, 1]);
}

#[test]
fn empty_and_single_series_give_empty_tables_without_panicking() {
    let none = series(&[]);
    assert!(none.formulations.is_empty() && none.lineages.is_empty() && none.steps.is_empty());
    let one = series(&["题\n坚持“两个维护”。\n"]);
    assert!(one.steps.is_empty() && one.priorities.is_empty());
    assert_eq!(one.lineages.len(), 2);
    let blank = series(&["", " \n"]);
    assert!(blank.lineages.is_empty());
}

#[test]
fn charts_are_standalone_svg_with_a_dark_variant_and_clickable_marks() {
    let t = plenums();
    let rows = select(&t.formulations, "", false, FormulationOrder::FirstAppearance);
    for svg in [
        tifa::timeline::charts::heat_map(&t, &rows),
        tifa::timeline::charts::bump_chart(&t, 0),
        tifa::timeline::charts::lineage_strips(&t),
    ] {
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("prefers-color-scheme:dark"));
        assert!(svg.contains("data-doc=\""));
        assert_eq!(svg.matches("<svg").count(), 1);
    }
    let heat = tifa::timeline::charts::heat_map(&t, &rows);
    assert!(heat.contains("两个维护"));
    assert_eq!(heat.matches("<g data-doc=").count(), rows.len() * 3, "one cell per row and document");
}

#[test]
fn csv_tables_have_a_column_per_document() {
    let t = plenums();
    let rows = select(&t.formulations, "", false, FormulationOrder::FirstAppearance);
    let csv = tifa::timeline::tables::formulations_csv(&t, &rows);
    let header = csv.lines().next().unwrap();
    assert!(header.contains("cc19-4-zh") && header.contains("cc19-6-zh"));
    assert_eq!(csv.lines().count(), rows.len() + 1);
    let line = csv.lines().find(|l| l.starts_with("全过程人民民主,")).unwrap();
    assert!(line.contains(",0,0,2,cc19-6-zh,cc19-6-zh,2,1,new"), "{line}");
    let p = tifa::timeline::tables::priorities_csv(&t);
    assert!(p.lines().count() > 1);
    let l = tifa::timeline::tables::lineage_csv(&t);
    assert_eq!(l.lines().count(), t.lineages.len() + 1);
}

#[test]
fn the_downloads_carry_each_row_s_record_read_against_the_document_it_left() {
    let t = plenums();
    let rows = select(&t.formulations, "", false, FormulationOrder::FirstAppearance);
    let csv = tifa::timeline::tables::formulations_csv(&t, &rows);
    assert!(csv.lines().next().unwrap().ends_with(",marks,record"));
    // Gone from the 2020 plenum; the record last saw it in 2019.
    let gone = csv.lines().find(|l| l.starts_with("两个一百年,")).unwrap();
    assert!(gone.ends_with(",gone,last seen 2019 · first in 2015 · 6 of 65 work and congress reports"), "{gone}");
    let md = tifa::timeline::tables::markdown(&t);
    assert!(md.contains("| Marks | Record |"));
    assert!(md.contains("| gone | last seen 2019 · first in 2015 · 6 of 65 work and congress reports |"), "{md}");
}

#[test]
fn unrelated_lists_do_not_join_but_editions_of_one_list_do() {
    let t = corpus_series(&tifa::timeline::presets::EIGHT_CHINESE);
    let tracks = || t.priorities.iter().flat_map(|c| &c.tracks);
    // The discipline commission's tasks (index 4) are not the government's (index 5).
    assert!(tracks().all(|p| p.ranks[4].is_none() || p.ranks[5].is_none()));
    // The two work reports' task lists are one list in two editions: its items pair even
    // where the headings were reworded.
    let (a, b) = (common::corpus("gwr2022-zh"), common::corpus("gwr2023-zh"));
    let reports = series(&[&a, &b]);
    let basic_needs = reports
        .priorities
        .iter()
        .flat_map(|c| &c.tracks)
        .find(|p| p.label == "保障基本民生和发展社会事业")
        .expect("the 2023 task is tracked");
    assert_eq!(basic_needs.ranks, [Some(9), Some(8)]);
    assert_eq!(basic_needs.labels[0].as_deref(), Some("切实保障和改善民生"));
}

#[test]
fn a_series_analysed_document_by_document_gives_the_same_timeline() {
    // The page analyses each document in a task of its own, then assembles.
    let ids = tifa::timeline::presets::CC19_FOURTH_TO_SIXTH;
    let texts: Vec<String> = ids.iter().map(|id| common::corpus(id)).collect();
    let docs: Vec<SeriesDoc<'_>> =
        ids.iter().zip(&texts).map(|(id, text)| SeriesDoc { label: id, title: id, date: "", text }).collect();
    let one_by_one = docs.iter().map(|d| analyse(d.text, Lexicon::builtin())).collect();
    assert_eq!(assemble(&docs, one_by_one), build(&docs, Lexicon::builtin()));
}

#[test]
fn the_bump_chart_names_every_line_in_its_key_with_the_documents_it_runs_through() {
    let t = plenums();
    let lines: usize =
        t.priorities.iter().flat_map(|c| &c.tracks).filter(|track| track.ranks.iter().flatten().count() > 1).count();
    assert!(lines > 3, "the three plenums follow priorities across documents ({lines} lines)");
    for (k, chain) in t.priorities.iter().enumerate() {
        let svg = tifa::timeline::charts::bump_chart(&t, k);
        let followed: Vec<_> = chain.tracks.iter().filter(|track| track.ranks.iter().flatten().count() > 1).collect();
        assert_eq!(svg.matches("r=\"5\"").count(), followed.len(), "one key entry per line of list {k}");
        for track in followed {
            let start = track.ranks.iter().position(Option::is_some).unwrap();
            let end = track.ranks.iter().rposition(Option::is_some).unwrap();
            let named = track.labels[start].as_deref().unwrap().chars().take(15).collect::<String>();
            assert!(svg.contains(&named), "{named} in the key of list {k}");
            let runs = format!(
                " · {} to {}",
                tifa::timeline::charts::column_head(&t, start),
                tifa::timeline::charts::column_head(&t, end)
            );
            assert!(svg.contains(&runs), "{runs} in the key of list {k}");
        }
    }
}
