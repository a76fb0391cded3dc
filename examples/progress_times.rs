//! Times the stages of the whole comparison as `compare_reporting` reports them:
//! `cargo run --release --example progress_times -- A B`.
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a = std::fs::read_to_string(&args[0]).unwrap();
    let b = std::fs::read_to_string(&args[1]).unwrap();
    let start = Instant::now();
    let mut last = ("start", start);
    let c = tifa::compare::compare_reporting(
        &a,
        &b,
        tifa::Granularity::default(),
        tifa::findings::lexicon::Lexicon::builtin(),
        &mut |stage, _| {
            if stage != last.0 {
                println!("{:<45} {:?}", last.0, last.1.elapsed());
                last = (stage, Instant::now());
            }
        },
    );
    println!("{:<45} {:?}", last.0, last.1.elapsed());
    println!("total {:?}, {} rows", start.elapsed(), c.rows.len());
}
