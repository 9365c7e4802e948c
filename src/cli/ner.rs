//! The entity tagger's commands: `conll`, `eval-conll`, `eval-ner` and `train-ner`.

use std::io::Write;

use super::{io_error, read_input, Args, CONLL_DIR, USAGE};
use crate::error::{Error, Result};

/// The model named by `--model`, or the shipped one.
pub(super) fn load_model(args: &Args) -> Result<Option<crate::analysis::entities::model::Model>> {
    args.value("--model")
        .map(|path| {
            let bytes = std::fs::read(path).map_err(io_error(path))?;
            crate::analysis::entities::model::Model::from_bytes(&bytes)
        })
        .transpose()
}

/// `lede conll`: the CoNLL file with one more column, the predicted tag.
pub(super) fn conll_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::analysis::entities::{gazetteer::Gazetteer, Tagger};
    let args = Args::parse(args, &["--model"], &[])?;
    let text = read_input(args.single()?.unwrap_or("-"))?;
    let model = load_model(&args)?;
    let tagger = match &model {
        Some(model) => Tagger {
            model,
            gazetteer: Gazetteer::shipped(),
        },
        None => *Tagger::shipped(),
    };
    out.write_all(crate::eval::conll::annotate(&text, &tagger).as_bytes())
        .map_err(io_error("stdout"))
}

/// `lede eval-conll`: tags a CoNLL file and scores it against its last column.
pub(super) fn eval_conll_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::analysis::entities::{gazetteer::Gazetteer, Tagger};
    let args = Args::parse(args, &["--model"], &[])?;
    let default = format!("{CONLL_DIR}/eng.testa");
    let text = read_input(args.single()?.unwrap_or(&default))?;
    let model = load_model(&args)?;
    let tagger = match &model {
        Some(model) => Tagger {
            model,
            gazetteer: Gazetteer::shipped(),
        },
        None => *Tagger::shipped(),
    };
    let docs = crate::eval::conll::read(&text);
    let started = std::time::Instant::now();
    let predicted = crate::eval::conll::tag_documents(&tagger, &docs);
    let elapsed = started.elapsed().as_secs_f64();
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.len())
        .sum();
    let score = crate::eval::conll::score(&docs, &predicted);
    write!(out, "{}", score.report()).map_err(io_error("stdout"))?;
    writeln!(
        out,
        "{tokens} tokens in {:.2} s ({:.0} tokens/s)",
        elapsed,
        tokens as f64 / elapsed.max(1e-9)
    )
    .map_err(io_error("stdout"))
}

/// `lede train-ner`: trains the tagger and writes the model file.
pub(super) fn train_ner_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::eval::train::{train, TrainOptions};
    let args = Args::parse(
        args,
        &[
            "--train",
            "--dev",
            "--out",
            "--epochs",
            "--passes",
            "--min-count",
            "--prune-quantile",
            "--bags",
        ],
        &[],
    )?;
    if let Some(extra) = args.positional.first() {
        return Err(Error::Usage(format!(
            "unexpected argument '{extra}'; {USAGE}"
        )));
    }
    let train_path = args
        .value("--train")
        .map_or(format!("{CONLL_DIR}/eng.train"), String::from);
    let dev_path = args
        .value("--dev")
        .map_or(format!("{CONLL_DIR}/eng.testa"), String::from);
    let out_path = args.value("--out").unwrap_or("model/ner.bin");
    let defaults = TrainOptions::default();
    let passes = args.number("--passes", defaults.passes as usize)?;
    if !(1..=2).contains(&passes) {
        return Err(Error::Usage("--passes is 1 or 2".into()));
    }
    let options = TrainOptions {
        epochs: args.number("--epochs", defaults.epochs)?.max(1),
        bags: args.number("--bags", defaults.bags)?.clamp(1, 8),
        passes: passes as u8,
        min_count: args.number("--min-count", defaults.min_count as usize)? as u32,
        prune_quantile: match args.value("--prune-quantile") {
            None => defaults.prune_quantile,
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|q| (0.0..1.0).contains(q))
                .ok_or_else(|| Error::Usage(format!("--prune-quantile is in 0..1, not '{v}'")))?,
        },
        ..defaults
    };
    let train_docs = crate::eval::conll::read(&read_input(&train_path)?);
    let dev_docs = crate::eval::conll::read(&read_input(&dev_path)?);
    let started = std::time::Instant::now();
    let model = train(&train_docs, &dev_docs, &options, out);
    let bytes = model.to_bytes();
    std::fs::write(out_path, &bytes).map_err(|e| Error::Io {
        path: out_path.to_string(),
        message: e.to_string(),
    })?;
    writeln!(
        out,
        "wrote {out_path}: {} bytes, {} feature rows, in {:.0} s",
        bytes.len(),
        model.rows(),
        started.elapsed().as_secs_f64()
    )
    .map_err(io_error("stdout"))
}

/// Where wikigold is (`../shared/data` from the main clone).
const WIKIGOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/ner-extra/wikigold/wikigold.conll.txt"
);

/// `lede eval-ner [--model FILE] [--check] [--errors NAME|all]`: the tagger on every dev set side by
/// side, per type: `eng.testa` (CoNLL-2003, 1996 Reuters), wikigold (Wikipedia) and the modern-news
/// set (`tests/data/polnear-ner`, 2016 US news). No decision should rest on one of them alone.
///
/// `--check` adds the modern set's `check` split, which is kept out of tuning; `--errors` prints a
/// modern-set article's misses and false alarms (`all`: every dev article's).
pub(super) fn eval_ner_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::analysis::entities::{gazetteer::Gazetteer, Tagger};
    use crate::eval::{conll, polnear_ner};
    let args = Args::parse(args, &["--model", "--errors"], &["--check"])?;
    if let Some(extra) = args.positional.first() {
        return Err(Error::Usage(format!(
            "unexpected argument '{extra}'; {USAGE}"
        )));
    }
    let model = load_model(&args)?;
    let tagger = match &model {
        Some(model) => Tagger {
            model,
            gazetteer: Gazetteer::shipped(),
        },
        None => *Tagger::shipped(),
    };
    let articles = polnear_ner::load(
        std::path::Path::new(polnear_ner::ANN_DIR),
        std::path::Path::new(polnear_ner::TEXT_DIR),
    )?;
    if let Some(which) = args.value("--errors") {
        for article in articles
            .iter()
            .filter(|a| (which == "all" && a.split == "dev") || a.name == which)
        {
            writeln!(out, "== {}", article.name).map_err(io_error("stdout"))?;
            for line in polnear_ner::errors(article, &tagger) {
                writeln!(out, "{line}").map_err(io_error("stdout"))?;
            }
        }
        return Ok(());
    }
    let mut rows: Vec<(String, conll::Score)> = Vec::new();
    for (name, path) in [
        ("eng.testa".to_string(), format!("{CONLL_DIR}/eng.testa")),
        ("wikigold".to_string(), WIKIGOLD.to_string()),
    ] {
        let docs = conll::read(&read_input(&path)?);
        rows.push((
            name,
            conll::score(&docs, &conll::tag_documents(&tagger, &docs)),
        ));
    }
    let count = |split: &str| articles.iter().filter(|a| a.split == split).count();
    rows.push((
        format!("polnear-ner dev ({} articles)", count("dev")),
        polnear_ner::score(&articles, Some("dev"), &tagger),
    ));
    if args.has("--check") {
        rows.push((
            format!("polnear-ner check ({} articles)", count("check")),
            polnear_ner::score(&articles, Some("check"), &tagger),
        ));
    }
    let mut table = String::from("| set | F1 | P | R | PER | ORG | LOC | MISC |\n");
    table.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (name, score) in &rows {
        let of = |kind: &str| {
            score
                .by_type
                .iter()
                .find(|(k, _)| k == kind)
                .map_or(0.0, |(_, c)| 100.0 * c.f1())
        };
        table.push_str(&format!(
            "| {name} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |\n",
            100.0 * score.overall.f1(),
            100.0 * score.overall.precision(),
            100.0 * score.overall.recall(),
            of("PER"),
            of("ORG"),
            of("LOC"),
            of("MISC"),
        ));
    }
    write!(out, "{table}").map_err(io_error("stdout"))
}
