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

/// `lede train-ner`: trains the tagger on the recipe (`eval::recipe`) and writes the model file;
/// with `--cv-wikigold`, trains one model per wikigold fold instead and prints the cross-validated
/// wikigold score (no file is written).
pub(super) fn train_ner_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::eval::recipe::{DevSets, Recipe, WIKIGOLD_FOLDS};
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
            "--wikigold",
            "--extra",
            "--holdout",
        ],
        &["--no-restyle", "--cv-wikigold"],
    )?;
    if let Some(extra) = args.positional.first() {
        return Err(Error::Usage(format!(
            "unexpected argument '{extra}'; {USAGE}"
        )));
    }
    let defaults = Recipe::default();
    let weight = |v: &str| {
        v.parse::<f32>()
            .ok()
            .filter(|w| (0.0..=4.0).contains(w))
            .ok_or_else(|| Error::Usage(format!("a corpus weight is in 0..=4, not '{v}'")))
    };
    let mut recipe = Recipe {
        train: args
            .value("--train")
            .map_or(defaults.train.clone(), String::from),
        restyle: if args.has("--no-restyle") {
            None
        } else {
            defaults.restyle
        },
        wikigold: args
            .value("--wikigold")
            .map_or(Ok(defaults.wikigold), weight)?,
        wikigold_holdout: args
            .value("--holdout")
            .map(|_| args.number("--holdout", 0))
            .transpose()?
            .filter(|&k| k < WIKIGOLD_FOLDS),
        extra: Vec::new(),
    };
    for value in args.values_of("--extra") {
        let (path, w) = value
            .rsplit_once(':')
            .ok_or_else(|| Error::Usage(format!("--extra takes FILE:WEIGHT, not '{value}'")))?;
        recipe.extra.push((path.to_string(), weight(w)?));
    }
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
    let started = std::time::Instant::now();
    if args.has("--cv-wikigold") {
        if recipe.wikigold == 0.0 {
            return Err(Error::Usage(
                "--cv-wikigold needs --wikigold above 0".into(),
            ));
        }
        let mut pooled = crate::eval::conll::Score::default();
        for k in 0..WIKIGOLD_FOLDS {
            writeln!(out, "== wikigold fold {k} held out").map_err(io_error("stdout"))?;
            let fold_recipe = Recipe {
                wikigold_holdout: Some(k),
                ..recipe.clone()
            };
            let dev = DevSets::load(&dev_path, Some(k))?;
            let model = train(
                &fold_recipe.corpora()?,
                &mut |m, log| dev.evaluate(m, log),
                &options,
                out,
            );
            let (_, _, wiki) = dev.scores(&model);
            writeln!(
                out,
                "fold {k}: {}",
                wiki.report().lines().last().unwrap_or("")
            )
            .map_err(io_error("stdout"))?;
            pooled.merge(&wiki);
        }
        writeln!(
            out,
            "wikigold, {WIKIGOLD_FOLDS}-fold cross-validation, pooled:\n{}in {:.0} s",
            pooled.report(),
            started.elapsed().as_secs_f64()
        )
        .map_err(io_error("stdout"))?;
        return Ok(());
    }
    let dev = DevSets::load(&dev_path, recipe.wikigold_holdout)?;
    let model = train(
        &recipe.corpora()?,
        &mut |m, log| dev.evaluate(m, log),
        &options,
        out,
    );
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

/// `lede train-wordclasses [--out FILE] [--coarse K] [--fine K] [--min-count N] [--iterations N]`:
/// induces the tagger's word classes from the unlabelled text of `eval::recipe` and writes the
/// table in its binary layout (`analysis::entities::wordclass`: the `word<TAB>coarse<TAB>fine`
/// lines, sorted, laid out to gzip small). Deterministic: the same command gives the same bytes.
pub(super) fn train_wordclasses_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::analysis::entities::wordclass::{encode, Classes};
    use crate::eval::wordclass_train::induce;
    let args = Args::parse(
        args,
        &["--out", "--coarse", "--fine", "--min-count", "--iterations"],
        &[],
    )?;
    if let Some(extra) = args.positional.first() {
        return Err(Error::Usage(format!(
            "unexpected argument '{extra}'; {USAGE}"
        )));
    }
    let out_path = args
        .value("--out")
        .unwrap_or("src/analysis/entities/wordclasses.bin");
    let coarse = args.number("--coarse", 64)?;
    let fine = args.number("--fine", 512)?;
    let min_count = args.number("--min-count", 5)? as u32;
    let iterations = args.number("--iterations", 12)?;
    let started = std::time::Instant::now();
    let sentences = crate::eval::recipe::unlabelled_sentences()?;
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    writeln!(out, "{} sentences, {tokens} tokens", sentences.len()).map_err(io_error("stdout"))?;
    writeln!(out, "coarse: {coarse} classes").map_err(io_error("stdout"))?;
    let coarse = induce(&sentences, coarse, min_count, iterations, out);
    writeln!(out, "fine: {fine} classes").map_err(io_error("stdout"))?;
    let fine = induce(&sentences, fine, min_count, iterations, out);
    let entries: Vec<(String, Classes)> = coarse
        .iter()
        .zip(&fine)
        .map(|((word, coarse), (word2, fine))| {
            debug_assert_eq!(word, word2, "one vocabulary");
            let (coarse, fine) = (*coarse, *fine);
            (word.clone(), Classes { coarse, fine })
        })
        .collect();
    let table = encode(&entries).map_err(|e| Error::Model(e.to_string()))?;
    std::fs::write(out_path, &table).map_err(|e| Error::Io {
        path: out_path.to_string(),
        message: e.to_string(),
    })?;
    writeln!(
        out,
        "wrote {out_path}: {} words, {} bytes, in {:.0} s",
        coarse.len(),
        table.len(),
        started.elapsed().as_secs_f64()
    )
    .map_err(io_error("stdout"))
}

/// `lede build-wikinames [--out FILE]`: the Wikipedia name lists cut to the names news prints
/// (`eval::wikinames`), written as the gazetteer's second table. Deterministic.
pub(super) fn build_wikinames_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    let args = Args::parse(args, &["--out"], &[])?;
    if let Some(extra) = args.positional.first() {
        return Err(Error::Usage(format!(
            "unexpected argument '{extra}'; {USAGE}"
        )));
    }
    let out_path = args
        .value("--out")
        .unwrap_or("src/analysis/entities/wikinames.names");
    let table = crate::eval::wikinames::build()?;
    let packed = crate::analysis::entities::packed::pack(&table)
        .ok_or_else(|| Error::Usage("the built table is not KIND<TAB>name lines".into()))?;
    std::fs::write(out_path, &packed).map_err(|e| Error::Io {
        path: out_path.to_string(),
        message: e.to_string(),
    })?;
    writeln!(
        out,
        "wrote {out_path}: {} names, {} bytes",
        table.lines().count(),
        table.len()
    )
    .map_err(io_error("stdout"))
}

/// `lede pack-names TABLE.tsv [--out FILE]`: a `KIND<TAB>name` table packed as the gazetteer ships
/// it (`analysis::entities::packed`), to stdout or FILE. Deterministic.
pub(super) fn pack_names_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    let args = Args::parse(args, &["--out"], &[])?;
    let Some(path) = args.positional.first() else {
        return Err(Error::Usage(format!("pack-names needs a table; {USAGE}")));
    };
    let table = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    let packed = crate::analysis::entities::packed::pack(&table).ok_or_else(|| {
        Error::Usage(format!(
            "{path} is not KIND<TAB>name lines ending in a line break"
        ))
    })?;
    match args.value("--out") {
        Some(out_path) => std::fs::write(out_path, &packed).map_err(|e| Error::Io {
            path: out_path.to_string(),
            message: e.to_string(),
        }),
        None => out.write_all(packed.as_bytes()).map_err(io_error("stdout")),
    }
}
