//! The `lede` command line. Native only: none of this goes into the wasm bundle.

mod html;
mod models;
mod ner;
mod timeline;
mod timex;

use std::io::{Read, Write};

use crate::analysis::{analyze, Date, Options};
use crate::error::{read_text, Error, Result};

const USAGE: &str = "usage: lede analyze|import|export|conll|eval-conll|eval-ner|train-ner|train-wordclasses|build-wikinames|pack-names|eval-timex|eval-quotes|train-quotes|eval-captions|train-captions|eval-html|pos|train-pos|eval-pos|eval-anchoring|train-anchoring|eval-labels|pack-model|dump-model ...; see lede --help";

/// `lede --help`. Errors quote the one-line `USAGE` instead, since they are one line.
const HELP: &str = "usage: lede analyze [FILE|-] [--date YYYY-MM-DD] [--lexicon FILE] [--compact]
                    [--html|--markdown]
       lede import [FILE|-] [--html|--markdown] [--roles]
       lede export --format json|md|timelinejs|csv-entities|csv-quotes|html [FILE|-]
                   [--date YYYY-MM-DD] [--lexicon FILE] [--out PATH]
       lede conll [FILE|-] [--model FILE]
       lede eval-conll [FILE] [--model FILE]
       lede eval-ner [--model FILE] [--check] [--errors NAME|all]
       lede train-ner [--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--passes 1|2]
                      [--min-count N] [--prune-quantile Q] [--bags N] [--no-restyle]
                      [--wikigold WEIGHT] [--extra FILE:WEIGHT]... [--cv-wikigold] [--holdout K]
       lede train-wordclasses [--out FILE] [--coarse K] [--fine K] [--min-count N]
       lede build-wikinames [--out FILE]
       lede pack-names TABLE.tsv [--out FILE]
       lede eval-timex [DIR] [--split dev|train|all] [--cv] [--errors]
       lede eval-quotes [DIR] [--verbose] [--rules-only] [--agreement]
                        [--speech FILE] [--speaker FILE]
       lede train-quotes [DIR] [--out-speech FILE] [--out-ranker FILE] [--cv]
       lede eval-captions [DIR] [--cv|--train-cv|--all|--rules-only] [--verbose]
       lede train-captions [DIR] [--out FILE]
       lede eval-html [DIR] [--out DIR] [--per-page] [--cv]
                     [--html-from DIR]
       lede pos [FILE|-]
       lede train-pos [--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--prune-quantile Q]
       lede eval-pos [FILE] [--model FILE] [--errors N]
       lede eval-anchoring [DIR] [--split dev|train|all] [--model FILE] [--errors]
       lede train-anchoring [DIR] [--out FILE] [--cv [--errors]]
       lede eval-labels [DIR] [--list]
       lede pack-model FILE [--out FILE]
       lede dump-model FILE";

/// Where the trainers write the small models, packed; each one's text goes beside it as `.txt`.
const CAPTIONS_MODEL: &str = "model/captions.bin";
const SPEECH_MODEL: &str = "model/speech.bin";
const SPEAKER_MODEL: &str = "model/speaker.bin";
const ANCHORING_MODEL: &str = "model/anchoring.bin";

/// Where the CoNLL-2003 files are unless a command is told otherwise.
const CONLL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/conll2003");

/// Where `lede eval-quotes` looks for PolNeAR's dev split when no directory is given.
const POLNEAR_DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/polnear/dev");

/// Where the L3S caption pages live on the project machines (`../shared/data` from the main clone).
const L3S_DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/captions-l3s/dev"
);

/// Runs the CLI on `args` (without the program name), writing to `out`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("analyze") => analyze_command(&args[1..], out),
        Some("export") => export_command(&args[1..], out),
        Some("import") => import_command(&args[1..], out),
        Some("eval-timex") => timex::eval_timex_command(&args[1..], out),
        Some("eval-quotes") => eval_quotes_command(&args[1..], out),
        Some("train-quotes") => train_quotes_command(&args[1..], out),
        Some("eval-captions") => captions_command(&args[1..], false, out),
        Some("train-captions") => captions_command(&args[1..], true, out),
        Some("eval-html") => html::eval_html_command(&args[1..], out),
        Some("conll") => ner::conll_command(&args[1..], out),
        Some("eval-conll") => ner::eval_conll_command(&args[1..], out),
        Some("eval-ner") => ner::eval_ner_command(&args[1..], out),
        Some("train-ner") => ner::train_ner_command(&args[1..], out),
        Some("train-wordclasses") => ner::train_wordclasses_command(&args[1..], out),
        Some("build-wikinames") => ner::build_wikinames_command(&args[1..], out),
        Some("pack-names") => ner::pack_names_command(&args[1..], out),
        Some("train-pos") => timeline::train_pos_command(&args[1..], out),
        Some("eval-pos") => timeline::eval_pos_command(&args[1..], out),
        Some("pos") => timeline::pos_command(&args[1..], out),
        Some("eval-anchoring") => timeline::eval_anchoring_command(&args[1..], out),
        Some("train-anchoring") => timeline::train_anchoring_command(&args[1..], out),
        Some("eval-labels") => timeline::eval_labels_command(&args[1..], out),
        Some("pack-model") => models::pack_model_command(&args[1..], out),
        Some("dump-model") => models::dump_model_command(&args[1..], out),
        Some("-h" | "--help" | "help") => writeln!(out, "{HELP}").map_err(io_error("stdout")),
        Some(other) => Err(Error::Usage(format!("unknown command '{other}'; {USAGE}"))),
        None => Err(Error::Usage(USAGE.to_string())),
    }
}

/// Reads the command's input (importing HTML or Markdown), and analyses it with today's date,
/// `--date` as the reference date and `--lexicon` (a personal lexicon as the app exports it,
/// `crate::lexicon`) when given: what `analyze` and `export` share.
fn read_and_analyze(args: &Args) -> Result<(String, crate::analysis::Analysis)> {
    let mut options = Options {
        today: Some(system_today()),
        ..Options::default()
    };
    if let Some(date) = args.value("--date") {
        let date: Date = date
            .parse()
            .map_err(|e: crate::analysis::date::DateError| Error::BadDate(e.to_string()))?;
        options.reference_date = Some(date);
    }
    if let Some(path) = args.value("--lexicon") {
        let json = std::fs::read_to_string(path).map_err(io_error(path))?;
        options.lexicon = crate::lexicon::Lexicon::from_json(&json)?.names;
    }
    let imported = import_input(args)?;
    options.hints = imported.hints;
    let analysis = analyze(&imported.text, &options);
    Ok((imported.text, analysis))
}

/// `lede analyze [FILE|-] [--date YYYY-MM-DD] [--lexicon FILE] [--compact] [--html|--markdown]`:
/// the JSON
/// contract. An `.html`/`.htm` or `.md` file (or `--html`, `--markdown`) is imported first, and
/// its structure's role hints go to the analysis.
fn analyze_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    let args = Args::parse(
        args,
        &["--date", "--lexicon"],
        &["--compact", "--html", "--markdown"],
    )?;
    let (_, analysis) = read_and_analyze(&args)?;
    let json = if args.has("--compact") {
        serde_json::to_string(&analysis)
    } else {
        serde_json::to_string_pretty(&analysis)
    }
    .expect("an Analysis always serialises");
    writeln!(out, "{json}").map_err(io_error("stdout"))
}

/// `lede export --format F [FILE|-] [--date YYYY-MM-DD] [--lexicon FILE] [--out PATH]`: one
/// export of the
/// analysis (see `crate::export`), to standard output or a file.
fn export_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::export::Format;
    let args = Args::parse(
        args,
        &["--format", "--date", "--lexicon", "--out"],
        &["--html", "--markdown"],
    )?;
    let names = || {
        Format::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join("|")
    };
    let format = match args.value("--format") {
        None => return Err(Error::Usage(format!("export needs --format {}", names()))),
        Some(name) => Format::parse(name).ok_or_else(|| {
            Error::Usage(format!("unknown export format '{name}'; use {}", names()))
        })?,
    };
    let (text, analysis) = read_and_analyze(&args)?;
    let rendered = format.render(&text, &analysis);
    match args.value("--out") {
        Some(path) => std::fs::write(path, rendered).map_err(io_error(path)),
        None => out
            .write_all(rendered.as_bytes())
            .map_err(io_error("stdout")),
    }
}

/// Reads the command's input and imports it by `--html`, `--markdown` or the file's extension; any
/// other input is plain text, with no hints. A file is read as a whole page (`Source::Page`).
fn import_input(args: &Args) -> Result<crate::import::Imported> {
    use crate::import::{from_html_as, from_markdown, from_text, kind_of_path, Kind, Source};
    let path = args.single()?.unwrap_or("-");
    let raw = read_input(path)?;
    let kind = if args.has("--html") {
        Some(Kind::Html)
    } else if args.has("--markdown") {
        Some(Kind::Markdown)
    } else {
        kind_of_path(path)
    };
    Ok(match kind {
        Some(Kind::Html) => from_html_as(&raw, Source::Page),
        Some(Kind::Markdown) => from_markdown(&raw),
        Some(Kind::Text) | None => from_text(&raw),
    })
}

/// `lede import [FILE|-] [--html|--markdown] [--roles]`: the text an import extracts, exactly as
/// `analyze` reads it; `--roles` prints each paragraph after its hinted role (`-` for none) and
/// the page title first.
fn import_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    let args = Args::parse(args, &[], &["--html", "--markdown", "--roles"])?;
    let imported = import_input(&args)?;
    if !args.has("--roles") {
        return writeln!(out, "{}", imported.text).map_err(io_error("stdout"));
    }
    let mut listing = String::new();
    if let Some(title) = &imported.title {
        listing.push_str(&format!("title\t{title}\n"));
    }
    let mut start = 0;
    for paragraph in imported
        .text
        .split("\n\n")
        .filter(|_| !imported.text.is_empty())
    {
        let end = start + paragraph.len();
        let role = imported
            .hints
            .iter()
            .find(|h| h.start <= start && end <= h.end)
            .map_or("-", |h| h.role.as_str());
        listing.push_str(&format!("{role}\t{}\n", paragraph.replace('\n', " / ")));
        start = end + 2;
    }
    write!(out, "{listing}").map_err(io_error("stdout"))
}

/// Where `lede train-quotes` looks for PolNeAR's train split when no directory is given.
const POLNEAR_TRAIN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/polnear/train");

/// `lede eval-quotes [DIR] [--verbose] [--rules-only] [--agreement] [--speech FILE] [--speaker FILE]`:
/// scores the quotes stage on a PolNeAR split (dev unless told otherwise), with the shipped models
/// or, with `--rules-only`, without them. `--speech`/`--speaker` score a model file (packed or
/// text) in place of the shipped one, so a model `train-quotes` just wrote can be compared with
/// the shipped one before it is kept, with no rebuild. `--agreement` scores the annotators against
/// each other instead, on the articles several of them annotated, beside Lede on the same articles.
fn eval_quotes_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::analysis::quotes::{Models, SpeechModel};
    let args = Args::parse(
        args,
        &["--speech", "--speaker"],
        &["--verbose", "--rules-only", "--agreement"],
    )?;
    let read_model = |flag: &str| -> Result<Option<SpeechModel>> {
        args.value(flag)
            .map(|path| SpeechModel::read(&std::fs::read(path).map_err(io_error(path))?))
            .transpose()
    };
    let (speech, speaker) = (read_model("--speech")?, read_model("--speaker")?);
    let dir = std::path::Path::new(args.single()?.unwrap_or(POLNEAR_DEV));
    if args.has("--agreement") {
        let (annotators, lede) = crate::eval::polnear::agreement(dir)?;
        return writeln!(
            out,
            "PolNeAR {}: articles with several annotators' files\n\nother annotators against the first\n{annotators}\n\nLede against the first\n{lede}",
            dir.display()
        )
        .map_err(io_error("stdout"));
    }
    let models = if args.has("--rules-only") {
        Models::default()
    } else {
        let shipped = Models::shipped();
        Models {
            speech: speech.as_ref().or(shipped.speech),
            ranker: speaker.as_ref().or(shipped.ranker),
        }
    };
    let scores = crate::eval::polnear::evaluate(dir, models, args.has("--verbose"), out)?;
    writeln!(out, "PolNeAR {}\n{scores}", dir.display()).map_err(io_error("stdout"))
}

/// `lede train-quotes [DIR] [--out-speech FILE] [--out-ranker FILE]`: rebuilds the speech model
/// and the speaker ranker from PolNeAR train, byte for byte. `--cv` instead prints five-fold
/// cross-validation on it, fold by fold: the figures to tune on, since dev is for reporting.
fn train_quotes_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::eval::polnear as ev;
    let args = Args::parse(args, &["--out-speech", "--out-ranker"], &["--cv"])?;
    let dir = std::path::Path::new(args.single()?.unwrap_or(POLNEAR_TRAIN));
    let articles = ev::load_some(dir)?;
    let w = |out: &mut dyn Write, s: String| write!(out, "{s}").map_err(io_error("stdout"));
    if args.has("--cv") {
        let folds = ev::cross_validate(&articles);
        let mut total: [ev::QuoteScores; 3] = Default::default();
        for (k, fold) in folds.iter().enumerate() {
            let line: Vec<String> = fold
                .iter()
                .map(|s| {
                    format!(
                        "F1 {:.4} spk {:.4} e2e {:.4}",
                        s.f1(),
                        s.speaker_accuracy(),
                        s.end_to_end_f1()
                    )
                })
                .collect();
            w(out, format!("fold {k}: {}\n", line.join(" | ")))?;
            for (t, s) in total.iter_mut().zip(fold) {
                t.add(s);
            }
        }
        let [rules, speech, both] = total;
        return w(
            out,
            format!(
                "rules alone\n{rules}\nwith the speech model\n{speech}\nwith both models\n{both}\n"
            ),
        );
    }
    let speech_path = args.value("--out-speech").unwrap_or(SPEECH_MODEL);
    let ranker_path = args.value("--out-ranker").unwrap_or(SPEAKER_MODEL);
    let (speech, ranker) = ev::train_models(&articles);
    let speech_files = models::write_both(speech_path, &speech.to_bytes()?, &speech.to_text())?;
    let ranker_files = models::write_both(ranker_path, &ranker.to_bytes()?, &ranker.to_text())?;
    w(
        out,
        format!(
            "trained on {} articles; wrote {speech_files}, {ranker_files}\n",
            articles.len()
        ),
    )
}

/// `eval-captions`: character-weighted scores of the caption/boilerplate roles on the L3S dev
/// pages: the shipped model on the held-out fold (default), five-fold cross-validation (`--cv`),
/// all pages (`--all`, in-sample for four folds), or the strong signals alone (`--rules-only`);
/// `--train-cv` cross-validates within the training folds only, the figure to tune on; both
/// cross-validations print each fold's F1 first, since the spread between folds is the noise.
/// `--verbose` first lists every caption miss and false alarm.
/// `train-captions`: rebuilds the shipped model from the training folds, byte for byte.
fn captions_command(args: &[String], train: bool, out: &mut dyn Write) -> Result<()> {
    use crate::analysis::captions::Model;
    use crate::eval::captions as ev;
    let args = if train {
        Args::parse(args, &["--out"], &[])?
    } else {
        Args::parse(
            args,
            &[],
            &["--cv", "--train-cv", "--all", "--rules-only", "--verbose"],
        )?
    };
    let mode = ["cv", "train-cv", "all", "rules-only"]
        .into_iter()
        .find(|m| args.has(&format!("--{m}")))
        .unwrap_or("held-out");
    let verbose = args.has("--verbose");
    let out_path = args.value("--out").unwrap_or(CAPTIONS_MODEL);
    let dir = std::path::Path::new(args.single()?.unwrap_or(L3S_DEV));
    let pages = ev::load_pages(dir)?;
    let w = |out: &mut dyn Write, s: String| write!(out, "{s}").map_err(io_error("stdout"));
    if train {
        let model = ev::train(&ev::pages_in(&pages, &ev::training_folds()));
        let files = models::write_both(out_path, &model.to_bytes()?, &model.to_text())?;
        return w(
            out,
            format!(
                "wrote {files}: {} features, trained on {} pages\n",
                model.len(),
                ev::pages_in(&pages, &ev::training_folds()).len()
            ),
        );
    }
    let mut log = Vec::new();
    let errors = verbose.then_some(&mut log);
    let held = ev::pages_in(&pages, &[ev::HELD_OUT]);
    // Cross-validation also reports each fold, so a change can be weighed against the spread.
    let mut per_fold = String::new();
    let mut cv = |folds: Vec<usize>, errors: Option<&mut Vec<String>>| {
        let mut total = ev::Confusion::default();
        for (fold, conf) in ev::cross_validate_folds(&pages, &folds, errors) {
            per_fold.push_str(&format!(
                "fold {fold}: {} pages, body F1 {:.2}, caption F1 {:.2}\n",
                ev::pages_in(&pages, &[fold]).len(),
                conf.prf(0).2 * 100.0,
                conf.prf(1).2 * 100.0
            ));
            total.add(&conf);
        }
        total
    };
    let (what, conf) = match mode {
        "cv" => (
            "five-fold cross-validation".to_string(),
            cv((0..ev::FOLDS).collect(), errors),
        ),
        "train-cv" => (
            "cross-validation within the training folds".to_string(),
            cv(ev::training_folds(), errors),
        ),
        "all" => {
            let all: Vec<usize> = (0..ev::FOLDS).collect();
            (
                "all pages (in-sample for folds 1-4)".to_string(),
                ev::evaluate_logged(&ev::pages_in(&pages, &all), Model::shipped(), errors),
            )
        }
        "rules-only" => (
            format!("strong signals only, held-out fold ({} pages)", held.len()),
            ev::evaluate_logged(&held, &Model::default(), errors),
        ),
        _ => (
            format!(
                "shipped model, held-out fold {} ({} pages)",
                ev::HELD_OUT,
                held.len()
            ),
            ev::evaluate_logged(&held, Model::shipped(), errors),
        ),
    };
    for line in &log {
        w(out, format!("{line}\n"))?;
    }
    w(
        out,
        format!(
            "{what}, {} pages in {}\n{per_fold}{}",
            pages.len(),
            dir.display(),
            conf.report()
        ),
    )
}

/// Today's date (UTC) from the system clock: the last-resort reference date.
fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::analysis::time::calendar::from_day_number((secs / 86_400) as i64)
}

/// A command's arguments: positional ones, `--flag value` pairs and bare `--switch`es. Anything
/// else starting with `--` is an error, so a typo never passes silently.
struct Args<'a> {
    positional: Vec<&'a str>,
    values: Vec<(&'a str, &'a str)>,
    switches: Vec<&'a str>,
}

impl<'a> Args<'a> {
    /// Parses `args`; `valued` lists the flags that take a value, `switches` those that don't.
    fn parse(args: &'a [String], valued: &[&str], switches: &[&str]) -> Result<Args<'a>> {
        let mut parsed = Args {
            positional: Vec::new(),
            values: Vec::new(),
            switches: Vec::new(),
        };
        let mut i = 0;
        while i < args.len() {
            let arg = args[i].as_str();
            if valued.contains(&arg) {
                let value = args
                    .get(i + 1)
                    .ok_or_else(|| Error::Usage(format!("{arg} needs a value; {USAGE}")))?;
                parsed.values.push((arg, value.as_str()));
                i += 2;
                continue;
            }
            if switches.contains(&arg) {
                parsed.switches.push(arg);
            } else if arg.starts_with("--") {
                return Err(Error::Usage(format!("unknown option '{arg}'; {USAGE}")));
            } else {
                parsed.positional.push(arg);
            }
            i += 1;
        }
        Ok(parsed)
    }

    /// The value of `--name`, the last one if given twice.
    fn value(&self, name: &str) -> Option<&'a str> {
        self.values
            .iter()
            .rev()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
    }

    /// Every value of a flag that may be given more than once, in order.
    fn values_of(&self, name: &str) -> Vec<&'a str> {
        self.values
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| *v)
            .collect()
    }

    fn has(&self, switch: &str) -> bool {
        self.switches.contains(&switch)
    }

    /// The one positional argument a command takes, if given.
    fn single(&self) -> Result<Option<&'a str>> {
        match self.positional.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            [_, extra, ..] => Err(Error::Usage(format!(
                "unexpected argument '{extra}'; {USAGE}"
            ))),
        }
    }

    /// `--name` as a number, or `default`.
    fn number(&self, name: &str, default: usize) -> Result<usize> {
        self.value(name).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| Error::Usage(format!("{name} takes a number, not '{v}'")))
        })
    }
}

/// Reads a file, or standard input for `-`, as checked UTF-8 text. Control characters a text
/// file should not hold (a stray NUL in a crawled page) are dropped, and a note on standard error
/// says so.
pub fn read_input(path: &str) -> Result<String> {
    let mut bytes = Vec::new();
    let source = if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(io_error("standard input"))?;
        "standard input"
    } else {
        bytes = std::fs::read(path).map_err(io_error(path))?;
        path
    };
    let read = read_text(&bytes, source)?;
    if let Some(note) = read.note(source) {
        eprintln!("lede: note: {note}");
    }
    Ok(read.text)
}

fn io_error(path: &str) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_string(),
        message: e.to_string(),
    }
}

/// Runs the CLI on `args` and returns what it printed: the command tests of every `cli` module.
#[cfg(test)]
fn run_args(args: &[&str]) -> Result<String> {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    run(&args, &mut out)?;
    Ok(String::from_utf8(out).unwrap())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyzes_the_sample() {
        let json = run_args(&[
            "analyze",
            "public/samples/ap-ukraine-ceasefire.txt",
            "--compact",
        ])
        .unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["articles"].as_array().unwrap().len(), 2);
        assert_eq!(value["paragraphs"].as_array().unwrap().len(), 80);
    }

    /// `--lexicon` reads an exported personal lexicon; a bad one is refused with its message.
    #[test]
    fn lexicon_marks_the_readers_names() {
        let dir = std::env::temp_dir().join(format!("lede-cli-lexicon-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = dir.join("article.txt");
        std::fs::write(
            &text,
            "The deal was backed by Zorblat Quenth and the bank, officials said on Tuesday.\n",
        )
        .unwrap();
        let good = dir.join("lexicon.json");
        std::fs::write(
            &good,
            r#"{"version":1,"names":[{"name":"Zorblat Quenth","label":"PER"}]}"#,
        )
        .unwrap();
        let bad = dir.join("newer.json");
        std::fs::write(&bad, r#"{"version":9,"names":[]}"#).unwrap();
        let path = |p: &std::path::Path| p.to_str().unwrap().to_string();
        let json = run_args(&["analyze", &path(&text), "--lexicon", &path(&good)]).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let entity = &value["entities"][0];
        assert_eq!(
            (&entity["text"], &entity["label"], &entity["source"]),
            (
                &serde_json::json!("Zorblat Quenth"),
                &serde_json::json!("PER"),
                &serde_json::json!("lexicon")
            )
        );
        let err = run_args(&["analyze", &path(&text), "--lexicon", &path(&bad)]).unwrap_err();
        assert!(err.to_string().contains("newer Lede"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn date_fixes_the_reference_date() {
        let json = run_args(&[
            "analyze",
            "public/samples/ap-ukraine-ceasefire.txt",
            "--date",
            "2025-03-21",
        ])
        .unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["reference_date"], "2025-03-21");
        assert_eq!(value["reference_date_source"], "given");
        assert_eq!(value["articles"][1]["reference_date"], "2025-03-21");
    }

    #[test]
    fn exports_every_format() {
        for format in crate::export::Format::ALL {
            let out = run_args(&[
                "export",
                "--format",
                format.name(),
                "public/samples/ap-ukraine-ceasefire.txt",
                "--date",
                "2025-03-14",
            ])
            .unwrap();
            assert!(out.len() > 1000, "{}", format.name());
        }
        let path = std::env::temp_dir().join(format!("lede-export-{}.html", std::process::id()));
        let printed = run_args(&[
            "export",
            "--format",
            "html",
            "public/samples/ap-ukraine-ceasefire.txt",
            "--out",
            path.to_str().unwrap(),
        ])
        .unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        std::fs::remove_file(&path).ok();
        assert!(printed.is_empty() && written.starts_with("<!DOCTYPE html>"));
    }

    #[test]
    fn imports_html_and_markdown() {
        let dir = std::env::temp_dir();
        let html = dir.join(format!("lede-import-{}.html", std::process::id()));
        let md = dir.join(format!("lede-import-{}.md", std::process::id()));
        std::fs::write(&html, "<html><head><title>T</title></head><body><nav><a href=/>Home</a></nav><p>Story text.</p><figure><figcaption>Putin speaks. (AP Photo)</figcaption></figure></body></html>").unwrap();
        std::fs::write(&md, "# Head\n\nStory *text*.").unwrap();
        let text = run_args(&["import", html.to_str().unwrap()]).unwrap();
        let roles = run_args(&["import", html.to_str().unwrap(), "--roles"]).unwrap();
        let markdown = run_args(&["import", md.to_str().unwrap()]).unwrap();
        let json = run_args(&["analyze", html.to_str().unwrap(), "--compact"]).unwrap();
        std::fs::remove_file(&html).ok();
        std::fs::remove_file(&md).ok();
        assert_eq!(text, "Home\n\nStory text.\n\nPutin speaks. (AP Photo)\n");
        assert_eq!(
            roles,
            "title\tT\nboilerplate\tHome\n-\tStory text.\ncaption\tPutin speaks. (AP Photo)\n"
        );
        assert_eq!(markdown, "Head\n\nStory text.\n");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let roles: Vec<&str> = value["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["role"].as_str().unwrap())
            .collect();
        // The unhinted paragraph is the classifier's to judge; the hinted ones are fixed.
        assert_eq!(roles[0], "boilerplate");
        assert_eq!(roles[2], "caption");
    }

    #[test]
    fn conll_adds_a_column() {
        let path = std::env::temp_dir().join(format!("lede-conll-{}.txt", std::process::id()));
        let input = "-DOCSTART- -X- O O\n\nPutin NNP I-NP I-PER\nvisited VBD I-VP O\nMoscow NNP I-NP I-LOC\n";
        std::fs::write(&path, input).unwrap();
        let out = run_args(&["conll", path.to_str().unwrap()]).unwrap();
        std::fs::remove_file(&path).ok();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[..2], ["-DOCSTART- -X- O O", ""]);
        for line in &lines[2..] {
            let columns: Vec<&str> = line.split(' ').collect();
            assert_eq!(columns.len(), 5, "{line}");
            let tag = columns[4];
            assert!(
                tag == "O" || tag.starts_with("I-") || tag.starts_with("B-"),
                "{line}"
            );
        }
        assert_eq!(lines[3], "visited VBD I-VP O O");
        assert_eq!(lines[4], "Moscow NNP I-NP I-LOC I-LOC");
    }

    #[test]
    fn a_bad_model_file_is_an_error() {
        let path = std::env::temp_dir().join(format!("lede-model-{}.bin", std::process::id()));
        std::fs::write(&path, b"not a model").unwrap();
        let err = run_args(&["eval-conll", "-", "--model", path.to_str().unwrap()]);
        std::fs::remove_file(&path).ok();
        assert!(err.unwrap_err().to_string().contains("bad model"));
    }

    #[test]
    fn errors_are_one_line() {
        let cases: &[(&str, &[&str], &str)] = &[
            (
                "missing file",
                &["analyze", "no/such/file.txt"],
                "cannot read no/such/file.txt",
            ),
            (
                "malformed date",
                &[
                    "analyze",
                    "public/samples/ap-ukraine-ceasefire.txt",
                    "--date",
                    "14/03/2025",
                ],
                "bad date",
            ),
            (
                "impossible date",
                &["analyze", "-", "--date", "2025-02-30"],
                "not a day on the calendar",
            ),
            ("unknown command", &["frobnicate"], "unknown command"),
            ("export without format", &["export", "-"], "needs --format"),
            (
                "unknown export format",
                &["export", "--format", "pdf", "-"],
                "unknown export format 'pdf'",
            ),
            ("no command", &[], "usage"),
            (
                "date without value",
                &["analyze", "--date"],
                "needs a value",
            ),
            (
                "date without value",
                &["analyze", "--date"],
                "needs a value",
            ),
            (
                "train flag without value",
                &["train-ner", "--epochs"],
                "needs a value",
            ),
            (
                "bad passes",
                &["train-ner", "--passes", "3"],
                "--passes is 1 or 2",
            ),
            (
                "missing speech model",
                &["eval-quotes", "--speech", "no/such/speech.bin"],
                "cannot read no/such/speech.bin",
            ),
            (
                "a caption model as the speaker ranker",
                &["eval-quotes", "--speaker", "model/captions.bin"],
                "speech model",
            ),
            (
                "unknown conll flag",
                &["conll", "--frobnicate"],
                "unknown option",
            ),
        ];
        for (name, args, expected) in cases {
            let err = run_args(args).unwrap_err().to_string();
            assert!(err.contains(expected), "{name}: {err}");
            assert!(!err.contains('\n'), "{name}: one line");
        }
    }
}
