//! The commands, their arguments and their output.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tifa::input::corpus::{build_index, describe, parse_manifest};
use tifa::output::report::{self, DocLabel};
use tifa::{compare, output::json, timeline, Granularity};

const HELP: &str = "\
tifa: compare two policy documents section by section

USAGE:
    tifa compare <A> <B> [--format json|md|html|csv] [--title-a <T>] [--title-b <T>]
    tifa timeline <FILE>... [--format json|csv|md] [--table slogans|priorities|lineage]
                  [--by-date] [--all-kinds]
    tifa corpus-index --out <DIR> <CORPUS_DIR>...
    tifa --help | --version

COMMANDS:
    compare        Compare text file A with text file B and print the result.
                   --format json   versioned JSON (schema tifa.comparison/1; see README)
                   --format md     Markdown report: summary, formulations, priorities,
                                   changed sections with inline redline
                   --format html   the same as one self-contained HTML page
                   --format csv    the formulations table
                   --title-a/-b    labels for the documents (default: file names)
    timeline       How formulations, priorities and sections rise and fall over a series
                   of 2 to 20 documents, in the order given (or by date with --by-date).
                   Titles and dates come from a corpus.tsv or MANIFEST.tsv beside a file.
                   --format json   schema tifa.timeline/1, every table (default)
                   --format md     documents, headline formulations, priority ranks,
                                   section lineage
                   --format csv    one table: --table slogans (default), priorities or
                                   lineage; slogans are headline ones unless --all-kinds
    corpus-index   Read each CORPUS_DIR's manifest (corpus.tsv or MANIFEST.tsv) and text
                   files, and write DIR/index.json plus DIR/<id>.txt for the web app.

Files are text in UTF-8, UTF-16, GB18030 or Big5 (a file not in UTF-8 is named on stderr
with the encoding it was read as). Exit status: 0 success, 1 unreadable input, 2 bad usage.
";

/// Runs the command named by the first argument.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => write_out(HELP),
        Some("-V" | "--version") => write_out(&format!("tifa {}\n", env!("CARGO_PKG_VERSION"))),
        Some("compare") => run_compare(&args[1..]),
        Some("timeline") => run_timeline(&args[1..]),
        Some("corpus-index") => run_corpus_index(&args[1..]),
        Some(other) => Err(Failure::Usage(format!("unknown command {other:?}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("tifa: {msg}\n\n{HELP}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("tifa: {msg}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Input(String),
}

/// Writes the result to standard output. A reader that stops early (`tifa … | head`) is
/// not a failure: what it did not read is simply not written.
fn write_out(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Input(format!("cannot write the result: {e}")))
        }
        _ => Ok(()),
    }
}

/// A text file in UTF-8, UTF-16, GB18030 or Big5; a file not in UTF-8 is named on stderr
/// with the encoding it was read as.
fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::Input(format!("cannot read {}: {e}", path.display())))?;
    #[cfg(not(target_arch = "wasm32"))]
    let legacy = tifa::input::encoding::EncodingRs;
    #[cfg(target_arch = "wasm32")]
    let legacy = tifa::input::encoding::UtfOnly;
    match tifa::input::import::decode_text(&bytes, &legacy) {
        Ok((text, tifa::input::encoding::Encoding::Utf8)) => Ok(text),
        Ok((text, encoding)) => {
            eprintln!("tifa: {} read as {}", path.display(), encoding.name());
            Ok(text)
        }
        Err(e) => Err(Failure::Input(format!("cannot use {}: {e}", path.display()))),
    }
}

fn run_compare(args: &[String]) -> Result<(), Failure> {
    let mut files: Vec<&String> = Vec::new();
    let mut format = "json".to_string();
    let mut titles: [Option<String>; 2] = [None, None];
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| Failure::Usage(format!("{name} needs a value")));
        match arg.as_str() {
            "--format" => format = value("--format")?,
            "--title-a" => titles[0] = Some(value("--title-a")?),
            "--title-b" => titles[1] = Some(value("--title-b")?),
            flag if flag.starts_with("--") => return Err(Failure::Usage(format!("unknown option {flag}"))),
            _ => files.push(arg),
        }
    }
    if !matches!(format.as_str(), "json" | "md" | "html" | "csv") {
        return Err(Failure::Usage(format!("unknown format {format:?} (supported: json, md, html, csv)")));
    }
    let [a, b] = files.as_slice() else {
        return Err(Failure::Usage("compare needs two files".into()));
    };
    let (text_a, text_b) = (read_text(Path::new(a))?, read_text(Path::new(b))?);
    let name = |p: &str| Path::new(p).file_name().map_or(p.to_string(), |n| n.to_string_lossy().into_owned());
    let title_a = titles[0].clone().unwrap_or_else(|| name(a));
    let title_b = titles[1].clone().unwrap_or_else(|| name(b));
    let comparison = compare(&text_a, &text_b, Granularity::default());
    // Dates as the documents state them (a dropped formulation's record reads against B's).
    let date = |text: &str| tifa::input::doc_meta::describe(text).date.unwrap_or_default();
    let (date_a, date_b) = (date(&text_a), date(&text_b));
    let (a, b) = (
        DocLabel { title: &title_a, date: &date_a, text: &text_a },
        DocLabel { title: &title_b, date: &date_b, text: &text_b },
    );
    let out = match format.as_str() {
        "md" => report::markdown(&comparison, a, b),
        "html" => report::html(&comparison, a, b),
        "csv" => report::formulations_csv(&comparison, &date_b),
        _ => {
            let report = json::report(&comparison, (&title_a, &text_a), (&title_b, &text_b));
            serde_json::to_string_pretty(&report).map_err(|e| Failure::Input(format!("cannot encode JSON: {e}")))?
                + "\n"
        }
    };
    write_out(&out)
}

/// Title and date of `path` from a manifest in its folder, if there is one naming it.
fn manifest_label(path: &Path) -> Option<(String, String)> {
    let dir = path.parent()?;
    let file = path.file_name()?.to_string_lossy().into_owned();
    let manifest = ["corpus.tsv", "MANIFEST.tsv"].iter().map(|m| dir.join(m)).find(|p| p.is_file())?;
    let (rows, _) = parse_manifest(&std::fs::read_to_string(manifest).ok()?);
    let row = rows.into_iter().find(|r| r.source_file == file)?;
    Some((row.entry.title, row.entry.date))
}

fn run_timeline(args: &[String]) -> Result<(), Failure> {
    let mut files: Vec<&String> = Vec::new();
    let mut format = "json".to_string();
    let mut table = "slogans".to_string();
    let (mut by_date, mut all_kinds) = (false, false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| Failure::Usage(format!("{name} needs a value")));
        match arg.as_str() {
            "--format" => format = value("--format")?,
            "--table" => table = value("--table")?,
            "--by-date" => by_date = true,
            "--all-kinds" => all_kinds = true,
            flag if flag.starts_with("--") => return Err(Failure::Usage(format!("unknown option {flag}"))),
            _ => files.push(arg),
        }
    }
    if !matches!(format.as_str(), "json" | "md" | "csv") {
        return Err(Failure::Usage(format!("unknown format {format:?} (supported: json, csv, md)")));
    }
    if !matches!(table.as_str(), "slogans" | "priorities" | "lineage") {
        return Err(Failure::Usage(format!("unknown table {table:?} (supported: slogans, priorities, lineage)")));
    }
    if !(timeline::MIN_SERIES..=timeline::MAX_SERIES).contains(&files.len()) {
        return Err(Failure::Usage(format!(
            "timeline needs {} to {} files, got {}",
            timeline::MIN_SERIES,
            timeline::MAX_SERIES,
            files.len()
        )));
    }
    struct Member {
        label: String,
        title: String,
        date: String,
        text: String,
    }
    let mut members = Vec::new();
    for f in files {
        let path = Path::new(f);
        let text = read_text(path)?;
        let label = path.file_stem().map_or(f.to_string(), |s| s.to_string_lossy().into_owned());
        let (title, date) = manifest_label(path).unwrap_or_else(|| (label.clone(), String::new()));
        members.push(Member { label, title, date, text });
    }
    if by_date {
        let order = timeline::date_order(&members.iter().map(|m| m.date.as_str()).collect::<Vec<_>>());
        let mut slots: Vec<Option<Member>> = members.into_iter().map(Some).collect();
        members = order.into_iter().filter_map(|i| slots[i].take()).collect();
    }
    let docs: Vec<timeline::SeriesDoc<'_>> = members
        .iter()
        .map(|m| timeline::SeriesDoc { label: &m.label, title: &m.title, date: &m.date, text: &m.text })
        .collect();
    let t = timeline::build(&docs, tifa::findings::lexicon::Lexicon::builtin());
    let out = match (format.as_str(), table.as_str()) {
        ("md", _) => timeline::tables::markdown(&t),
        ("csv", "priorities") => timeline::tables::priorities_csv(&t),
        ("csv", "lineage") => timeline::tables::lineage_csv(&t),
        ("csv", _) => {
            let rows = timeline::formulation_tracks::select(&t.formulations, "", all_kinds, Default::default());
            timeline::tables::formulations_csv(&t, &rows)
        }
        _ => {
            serde_json::to_string_pretty(&timeline::json::report(&t))
                .map_err(|e| Failure::Input(format!("cannot encode JSON: {e}")))?
                + "\n"
        }
    };
    write_out(&out)
}

fn run_corpus_index(args: &[String]) -> Result<(), Failure> {
    let mut out: Option<PathBuf> = None;
    let mut sources: Vec<PathBuf> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--out" => out = Some(it.next().ok_or_else(|| Failure::Usage("--out needs a folder".into()))?.into()),
            flag if flag.starts_with("--") => return Err(Failure::Usage(format!("unknown option {flag}"))),
            // An empty argument stands for "no extra corpus" in build scripts.
            "" => {}
            dir => sources.push(dir.into()),
        }
    }
    let out = out.ok_or_else(|| Failure::Usage("corpus-index needs --out <DIR>".into()))?;
    std::fs::create_dir_all(&out).map_err(|e| Failure::Input(format!("cannot create {}: {e}", out.display())))?;
    let mut entries = Vec::new();
    for dir in &sources {
        let manifest = ["corpus.tsv", "MANIFEST.tsv"].iter().map(|m| dir.join(m)).find(|p| p.is_file());
        let Some(manifest) = manifest else {
            return Err(Failure::Input(format!("{} has no corpus.tsv or MANIFEST.tsv", dir.display())));
        };
        let (rows, warnings) = parse_manifest(&read_text(&manifest)?);
        for w in warnings {
            eprintln!("tifa: {}: {w}", manifest.display());
        }
        for row in rows {
            let path = dir.join(&row.source_file);
            let text = match read_text(&path) {
                Ok(text) => text,
                Err(Failure::Input(msg) | Failure::Usage(msg)) => {
                    eprintln!("tifa: skipping {}: {msg}", row.entry.id);
                    continue;
                }
            };
            let entry = describe(row.entry, &text);
            let target = out.join(&entry.file);
            std::fs::write(&target, &text)
                .map_err(|e| Failure::Input(format!("cannot write {}: {e}", target.display())))?;
            entries.push(entry);
        }
    }
    let (index, warnings) = build_index(entries);
    for w in warnings {
        eprintln!("tifa: {w}");
    }
    let body = serde_json::to_string_pretty(&index).map_err(|e| Failure::Input(format!("cannot encode JSON: {e}")))?;
    let target = out.join("index.json");
    std::fs::write(&target, body).map_err(|e| Failure::Input(format!("cannot write {}: {e}", target.display())))?;
    eprintln!("tifa: wrote {} documents to {}", index.documents.len(), out.display());
    Ok(())
}
