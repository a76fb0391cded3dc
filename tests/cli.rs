//! The CLI prints the comparison as versioned JSON whose byte ranges slice the inputs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::Value;
use std::process::Command;

fn tifa(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tifa")).args(args).output().expect("run tifa")
}

#[test]
fn compare_json_byte_ranges_slice_the_inputs() {
    let seeds = common::root().join("seeds");
    let (pa, pb) = (seeds.join("000_32d0b0de139dc88b.txt"), seeds.join("001_demo_illustrative_edit.txt"));
    let out = tifa(&["compare", pa.to_str().unwrap(), pb.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["schema"], "tifa.comparison/1");
    let (a, b) = common::sample_pair();
    for (key, text) in [("a", &a), ("b", &b)] {
        let sections = json["documents"][key]["sections"].as_array().unwrap();
        let mut rebuilt = String::new();
        for s in sections.iter().filter(|s| s["leaf"] == true) {
            let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            rebuilt.push_str(&text[start..end]);
            let (bs, be) = (s["body_start"].as_u64().unwrap() as usize, s["body_end"].as_u64().unwrap() as usize);
            assert_eq!(text[bs..be].trim(), &text[bs..be]);
        }
        assert_eq!(&rebuilt, text, "leaf sections of {key} do not tile the input");
    }
    let pairs = json["pairs"].as_array().unwrap();
    assert!(pairs.iter().any(|p| p["relation"] == "reworded"));
    assert!(pairs.iter().any(|p| p["moved"] == true));
    let op = pairs.iter().flat_map(|p| p["ops"].as_array().unwrap()).find(|o| o["op"] == "insert").unwrap();
    let range = |v: &Value| v.as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as usize).collect::<Vec<_>>();
    let r = range(&op["b"]);
    assert!(!b[r[0]..r[1]].is_empty());
    assert_eq!(json["added"].as_array().unwrap().len(), 1);
    assert_eq!(json["dropped"].as_array().unwrap().len(), 1);
    let formulations = json["slogans"].as_array().unwrap();
    let dropped = formulations.iter().find(|s| s["status"] == "dropped").expect("a dropped formulation");
    assert_eq!(dropped["text"], "three advances");
    let occurrence = range(&dropped["occurrences_a"][0]);
    assert_eq!(&a[occurrence[0]..occurrence[1]], "“three advances”");
    let items = json["priorities"]["matches"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 9);
    assert!(items.iter().any(|i| i["rank_a"] == 6 && i["rank_b"] == 5 && i["rank_change"] == 1));
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = tifa(&["compare", "/nonexistent/a.txt", "/nonexistent/b.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/a.txt"));
}

#[test]
fn binary_file_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("tifa-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("x.bin");
    std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).unwrap();
    let out = tifa(&["compare", bin.to_str().unwrap(), bin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is not a text file (it contains binary data)"));
}

fn file(name: &str) -> String {
    common::root().join("tests/files").join(name).to_str().unwrap().to_string()
}

fn corpus_file(id: &str) -> String {
    common::corpus_dir().join(format!("{id}.txt")).to_str().unwrap().to_string()
}

/// The comparison's JSON without the titles and byte counts, which name the files.
fn findings(out: &std::process::Output) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    for side in ["a", "b"] {
        let doc = v["documents"][side].as_object_mut().unwrap();
        doc.remove("title");
        doc.remove("bytes");
    }
    v
}

#[test]
fn files_in_gb18030_utf16_and_big5_are_read_and_named() {
    let utf8 = tifa(&["compare", &corpus_file("cc19-4-zh"), &corpus_file("cc19-5-zh"), "--format", "json"]);
    assert!(utf8.status.success());
    for (a, b, said) in [
        (file("cc19-4-zh.gb18030.txt"), corpus_file("cc19-5-zh"), "read as GB18030"),
        (corpus_file("cc19-4-zh"), file("cc19-5-zh.utf16le.txt"), "read as UTF-16LE"),
        (corpus_file("cc19-4-zh"), file("cc19-5-zh.utf16be.txt"), "read as UTF-16BE"),
    ] {
        let out = tifa(&["compare", &a, &b, "--format", "json"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains(said), "stderr should say {said}");
        // Byte offsets differ only where the UTF-16 file is concerned; GB18030 is read back
        // to the same UTF-8 text, so its comparison is the same.
        if said.contains("GB18030") {
            assert_eq!(findings(&out), findings(&utf8));
        }
    }
    let out =
        tifa(&["compare", &file("gwr1954-zh-hant.big5.txt"), &file("gwr1954-zh-hant.utf8.txt"), "--format", "json"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("read as Big5"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stats"]["same"], v["pairs"].as_array().unwrap().len(), "the Big5 file reads as its UTF-8 twin");
}

#[test]
fn a_pdf_is_named_as_one_and_a_picture_as_binary() {
    for name in ["communique.pdf", "communique-saved-as.txt"] {
        let out = tifa(&["compare", &file(name), &corpus_file("cc19-5-zh")]);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("it is a PDF"), "{name}");
    }
    let out = tifa(&["compare", &file("picture-saved-as.txt"), &corpus_file("cc19-5-zh")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary data"));
}

#[test]
fn bad_usage_exits_2_with_help() {
    let out = tifa(&["compare", "only-one.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("USAGE"));
    assert!(tifa(&["--help"]).status.success());
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `tifa compare … | head`: the pipe closes before the report is written.
    let seeds = common::root().join("seeds");
    let (pa, pb) = (seeds.join("000_32d0b0de139dc88b.txt"), seeds.join("001_demo_illustrative_edit.txt"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(["compare", pa.to_str().unwrap(), pb.to_str().unwrap(), "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run tifa");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait for tifa");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn compare_seeds(format: &str) -> String {
    let seeds = common::root().join("seeds");
    let (pa, pb) = (seeds.join("000_32d0b0de139dc88b.txt"), seeds.join("001_demo_illustrative_edit.txt"));
    let out = tifa(&["compare", pa.to_str().unwrap(), pb.to_str().unwrap(), "--format", format]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn markdown_report() {
    let md = compare_seeds("md");
    assert!(md.starts_with("# Comparison"));
    assert!(md.contains("| three advances | dropped | 1 | 0 |"));
    assert!(md.contains("| 5 | we must continue to safeguard and improve people’s livelihood | ↑1 | 6 |"));
    assert!(md.contains("~~unswervingly~~**comprehensively**"));
}

#[test]
fn html_report_is_one_self_contained_file() {
    let html = compare_seeds("html");
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<del>Ninth</del>") || html.contains("<del>Ninth"));
    assert!(!html.contains("<script") && !html.contains("<link"));
}

#[test]
fn csv_of_formulations() {
    let csv = compare_seeds("csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("formulation,status,reworded_from,count_a,count_b,kind,category,gloss,record"));
    assert!(csv.lines().any(|l| l.starts_with("two establishments,added,,0,1,lexicon,")));
}

#[test]
fn reports_carry_each_formulation_s_record_read_against_the_documents_dates() {
    let (a, b) = (corpus_file("gwr2016-zh"), corpus_file("gwr2017-zh"));
    let out = tifa(&["compare", &a, &b, "--format", "md"]);
    let md = String::from_utf8_lossy(&out.stdout);
    // The dates come from the documents themselves ...
    assert!(md.contains("- **B**: gwr2017-zh.txt (2017-03-05)"), "{md}");
    // ... and a formulation dropped in 2017 that the record uses until 2022 was not "last
    // seen 2022".
    let row = md.lines().find(|l| l.starts_with("| 质量强国 |")).expect("质量强国 is dropped");
    assert!(row.ends_with("| in use 2016–2022 · 4 of 65 work and congress reports |"), "{row}");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let out = tifa(&["compare", "a", "b", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("supported: json, md, html, csv"));
}

fn corpus_path(id: &str) -> String {
    common::corpus_dir().join(format!("{id}.txt")).to_string_lossy().into_owned()
}

#[test]
fn timeline_json_has_every_table_with_titles_and_dates_from_the_manifest() {
    let files = [corpus_path("cc19-6-zh"), corpus_path("cc19-4-zh"), corpus_path("cc19-5-zh")];
    let mut args = vec!["timeline", "--by-date"];
    args.extend(files.iter().map(String::as_str));
    let out = tifa(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["schema"], "tifa.timeline/1");
    let dates: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2019-10-31", "2020-10-29", "2021-11-11"], "--by-date orders the series");
    assert!(json["documents"][0]["title"].as_str().unwrap().contains("第四次全体会议"));
    for table in ["slogans", "priorities", "lineages", "steps"] {
        assert!(!json[table].as_array().unwrap().is_empty(), "{table}");
    }
}

#[test]
fn timeline_csv_and_markdown_give_the_same_rows() {
    let (a, b) = (corpus_path("gwr2022-zh"), corpus_path("gwr2023-zh"));
    let csv = String::from_utf8(tifa(&["timeline", &a, &b, "--format", "csv"]).stdout).unwrap();
    assert!(csv.starts_with("formulation,forms,kind,category,gloss,2022-03-05 gwr2022-zh,2023-03-05 gwr2023-zh,"));
    let md = String::from_utf8(tifa(&["timeline", &a, &b, "--format", "md"]).stdout).unwrap();
    assert!(md.starts_with("# Timeline\n"));
    let md_rows = md.lines().filter(|l| l.starts_with("| ") && l.contains(" | ")).count();
    assert!(md_rows > csv.lines().count(), "the Markdown holds the formulations and more tables");
    let priorities =
        String::from_utf8(tifa(&["timeline", &a, &b, "--format", "csv", "--table", "priorities"]).stdout).unwrap();
    assert!(priorities.starts_with("chain,priority,"));
}

#[test]
fn timeline_needs_two_files_and_a_known_format() {
    let one = tifa(&["timeline", &corpus_path("cc19-4-zh")]);
    assert_eq!(one.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&one.stderr).contains("timeline needs 2 to 20 files, got 1"));
    let bad = tifa(&["timeline", "a", "b", "--format", "pdf"]);
    assert_eq!(bad.status.code(), Some(2));
    let missing = tifa(&["timeline", "/nonexistent/a.txt", "/nonexistent/b.txt"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn json_lists_the_closest_sections_of_added_and_dropped_ones_and_a_confidence_per_pair() {
    let out = tifa(&["compare", &corpus_file("unga75-2020-en"), &corpus_file("unga76-2021-en"), "--format", "json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let dropped: Vec<u64> = v["dropped"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
    let closest_a = v["closest"]["a"].as_array().unwrap();
    assert!(!closest_a.is_empty());
    for n in closest_a {
        assert!(dropped.contains(&n["section"].as_u64().unwrap()), "closest lists dropped sections of A");
        let list = n["closest"].as_array().unwrap();
        assert!((1..=3).contains(&list.len()));
        assert!(list.iter().all(|l| l["similarity"].as_f64().unwrap() >= 0.03));
    }
    assert!(v["closest"]["b"].is_array());
    for p in v["pairs"].as_array().unwrap() {
        let weak = p["similarity"].as_f64().unwrap() < 0.15;
        assert_eq!(p["confidence"], if weak { "weak" } else { "sure" });
    }
}
