//! Engine benchmarks on real document pairs: `cargo bench --bench engine`.
//!
//! Stages: segmentation, segmentation + alignment (fingerprints included), the word diffs
//! of every aligned pair with their significance classes, formulations and priorities
//! (extraction and comparison), and the whole comparison (all of these). Documents come from seeds/corpus (or
//! $TIFA_CORPUS) and seeds/.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

/// Benchmarks run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod stages {
    use std::path::PathBuf;
    use tifa::text::fingerprint::fingerprint;
    use tifa::text::segment::{segment, Outline};
    use tifa::{compare, Granularity};

    const PAIRS: [(&str, &str); 4] = [
        ("seed:000_32d0b0de139dc88b", "seed:001_demo_illustrative_edit"),
        ("cc19-4-zh", "cc19-5-zh"),
        ("gwr2022-zh", "gwr2023-zh"),
        ("congress19-zh", "congress20-zh"),
    ];

    fn read(id: &str) -> String {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let path = match id.strip_prefix("seed:") {
            Some(name) => root.join("seeds").join(format!("{name}.txt")),
            None => std::env::var_os("TIFA_CORPUS")
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("seeds/corpus"))
                .join(format!("{id}.txt")),
        };
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn pair(index: usize) -> (String, String) {
        (read(PAIRS[index].0), read(PAIRS[index].1))
    }

    fn prints(text: &str, o: &Outline) -> Vec<Vec<u64>> {
        o.leaves.iter().map(|&id| fingerprint(text, o.get(id).body)).collect()
    }

    #[divan::bench(args = [0, 1, 2, 3])]
    fn segment_both(bencher: divan::Bencher, index: usize) {
        let (a, b) = pair(index);
        bencher.bench(|| (segment(divan::black_box(&a)), segment(divan::black_box(&b))));
    }

    #[divan::bench(args = [0, 1, 2, 3])]
    fn segment_and_align(bencher: divan::Bencher, index: usize) {
        let (a, b) = pair(index);
        bencher.bench(|| {
            let (oa, ob) = (segment(&a), segment(&b));
            tifa::align::align_in_parts(&prints(&a, &oa), &prints(&b, &ob), &oa.leaf_parts(), &ob.leaf_parts())
        });
    }

    /// The byte span from the first to the last leaf of a group's side.
    fn group_span(o: &Outline, leaves: &[usize], len: usize) -> tifa::Span {
        match (leaves.first(), leaves.last()) {
            (Some(&f), Some(&l)) => tifa::Span::new(o.get(o.leaves[f]).body.start, o.get(o.leaves[l]).body.end),
            _ => tifa::Span::empty(len),
        }
    }

    #[divan::bench(args = [0, 1, 2, 3])]
    fn diff_and_classify_aligned_pairs(bencher: divan::Bencher, index: usize) {
        let (a, b) = pair(index);
        let (pa, pb) = (tifa::compare::prepare(&a), tifa::compare::prepare(&b));
        let spans: Vec<(tifa::Span, tifa::Span)> = tifa::compare::align_prepared(&pa, &pb)
            .iter()
            .filter(|g| !g.a.is_empty() && !g.b.is_empty())
            .map(|g| (group_span(&pa.outline, &g.a, a.len()), group_span(&pb.outline, &g.b, b.len())))
            .collect();
        let words = tifa::findings::lexicon::Lexicon::builtin().words();
        bencher.bench(|| {
            spans
                .iter()
                .map(|&(sa, sb)| {
                    tifa::diff::diff_bounded(&a, sa, &b, sb, tifa::view::options::Granularity::Word, words).0.len()
                })
                .sum::<usize>()
        });
    }

    #[divan::bench(args = [0, 1, 2, 3])]
    fn formulations_and_priorities(bencher: divan::Bencher, index: usize) {
        let (a, b) = pair(index);
        let c = compare(&a, &b, Granularity::default());
        let (pa, pb) = (tifa::compare::prepare(&a), tifa::compare::prepare(&b));
        let lexicon = tifa::findings::lexicon::Lexicon::builtin();
        bencher.bench(|| {
            let (mut found_a, mut found_b) = (
                tifa::findings::formulations::extract(&a, lexicon),
                tifa::findings::formulations::extract(&b, lexicon),
            );
            tifa::findings::recurring::add_recurring(
                (&a, &b),
                (&pa.tokens, &pb.tokens),
                (&mut found_a, &mut found_b),
                lexicon,
            );
            let formulations = tifa::findings::formulation_changes::compare_formulations(
                (&a, &b),
                &found_a,
                &found_b,
                &c.rows,
                (&c.outline_a, &c.outline_b),
            );
            let priorities = tifa::findings::priorities::compare_priorities((&a, &b), (&pa, &pb), &c.rows);
            (formulations, priorities)
        });
    }

    #[divan::bench(args = [0, 1, 2, 3])]
    fn whole_comparison(bencher: divan::Bencher, index: usize) {
        let (a, b) = pair(index);
        bencher.bench(|| compare(divan::black_box(&a), divan::black_box(&b), Granularity::default()));
    }

    #[divan::bench]
    fn timeline_of_eight_chinese_documents(bencher: divan::Bencher) {
        let series = tifa::timeline::presets::EIGHT_CHINESE;
        let texts: Vec<String> = series.iter().map(|id| read(id)).collect();
        let docs: Vec<tifa::timeline::SeriesDoc<'_>> = series
            .iter()
            .zip(&texts)
            .map(|(id, text)| tifa::timeline::SeriesDoc { label: id, title: id, date: "", text })
            .collect();
        bencher.bench(|| tifa::timeline::build(divan::black_box(&docs), tifa::findings::lexicon::Lexicon::builtin()));
    }
}
