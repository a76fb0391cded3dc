//! The whole comparison never panics, and every row's ops rebuild both sides.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tifa::diff::OpKind;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The first line separator splits the input into document A and document B.
    let (a, b) = text.split_once('\u{1}').unwrap_or((text, ""));
    let c = tifa::compare(a, b, tifa::Granularity::default());
    for row in &c.rows {
        let rebuilt_a: String = row.ops.iter().filter(|o| o.kind != OpKind::Insert).map(|o| o.a.of(a)).collect();
        let rebuilt_b: String = row.ops.iter().filter(|o| o.kind != OpKind::Delete).map(|o| o.b.of(b)).collect();
        let whole = |o: &tifa::text::segment::Outline, ids: &[usize], t: &str| -> String {
            match (ids.first(), ids.last()) {
                (Some(&f), Some(&l)) => t[o.get(f).body.start..o.get(l).body.end].to_string(),
                _ => String::new(),
            }
        };
        assert_eq!(rebuilt_a, whole(&c.outline_a, &row.a, a));
        assert_eq!(rebuilt_b, whole(&c.outline_b, &row.b, b));
    }
    let _ = tifa::output::report::markdown(
        &c,
        tifa::output::report::DocLabel { title: "A", date: "", text: a },
        tifa::output::report::DocLabel { title: "B", date: "", text: b },
    );
});
