//! Times the whole comparison of two files and prints one JSON line, for the side-by-side
//! benchmark (`e2e/bench/side-by-side.mjs`):
//! `cargo run --release --example time_compare -- A B [runs]` → `{"ms":…,"rows":…}` (median).
#![allow(clippy::disallowed_methods)] // not in the wasm: the standard sort is fine here

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let (a, b) = (read(&args[0]), read(&args[1]));
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let granularity = tifa::Granularity::default();
    let mut rows = tifa::compare(&a, &b, granularity).rows.len();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        rows = tifa::compare(&a, &b, granularity).rows.len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!("{{\"ms\":{:.3},\"rows\":{rows}}}", times[times.len() / 2]);
}
