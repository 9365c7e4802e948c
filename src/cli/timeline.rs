//! The timeline's commands: the part-of-speech tagger it reads clauses with (`train-pos`,
//! `eval-pos`), how well a card's predicate matches TimeBank's anchoring (`eval-anchoring`), and
//! how its labels read on unseen news (`eval-labels`).

use std::io::Write;

use super::{io_error, read_input, Args, CONLL_DIR, USAGE};
use crate::error::{Error, Result};

/// Reads a CoNLL-2003 file's POS and chunk columns.
fn read_pos(path: &str) -> Result<Vec<crate::eval::pos::PosSentence>> {
    crate::eval::pos::read(&read_input(path)?).map_err(|e| Error::Io {
        path: path.to_string(),
        message: e,
    })
}

/// `lede eval-pos [FILE] [--model FILE] [--errors N]`: tag accuracy and chunk F1 on `eng.testa`;
/// `--errors N` first lists N sentences whose chunks differ from gold.
pub(super) fn eval_pos_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::analysis::syntax::Model;
    let args = Args::parse(args, &["--model", "--errors"], &[])?;
    let default = format!("{CONLL_DIR}/eng.testa");
    let sentences = read_pos(args.single()?.unwrap_or(&default))?;
    let loaded = args
        .value("--model")
        .map(|path| Model::from_bytes(&std::fs::read(path).map_err(io_error(path))?))
        .transpose()?;
    let model = loaded.as_ref().unwrap_or_else(|| Model::shipped());
    if let Some(n) = args.value("--errors") {
        let n = args
            .number("--errors", 0)
            .unwrap_or(0)
            .max(usize::from(n.is_empty()));
        let listing = crate::eval::pos::chunk_errors(model, &sentences, n);
        out.write_all(listing.as_bytes())
            .map_err(io_error("stdout"))?;
    }
    let started = std::time::Instant::now();
    let s = crate::eval::pos::score(model, &sentences);
    let elapsed = started.elapsed().as_secs_f64();
    writeln!(
        out,
        "tokens {}\ntag accuracy {:.4}\nchunks P {:.4} R {:.4} F1 {:.4} (NP F1 {:.4}, VP F1 {:.4})\n{:.0} tokens/s (tagging and chunking)",
        s.tokens,
        s.accuracy,
        s.chunk_p,
        s.chunk_r,
        s.chunk_f1,
        s.np_f1,
        s.vp_f1,
        s.tokens as f64 / elapsed.max(1e-9)
    )
    .map_err(io_error("stdout"))
}

/// `lede train-pos [--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--prune-quantile Q]`:
/// trains the tagger and writes the model file.
pub(super) fn train_pos_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::eval::pos::{train, PosOptions};
    let args = Args::parse(
        args,
        &["--train", "--dev", "--out", "--epochs", "--prune-quantile"],
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
    let out_path = args.value("--out").unwrap_or("model/pos.bin");
    let defaults = PosOptions::default();
    let options = PosOptions {
        epochs: args.number("--epochs", defaults.epochs)?.max(1),
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
    let train_set = read_pos(&train_path)?;
    let dev_set = read_pos(&dev_path)?;
    let started = std::time::Instant::now();
    let model = train(&train_set, &dev_set, &options, out);
    let bytes = model.to_bytes();
    std::fs::write(out_path, &bytes).map_err(|e| Error::Io {
        path: out_path.to_string(),
        message: e.to_string(),
    })?;
    let packed = miniz_oxide::deflate::compress_to_vec(&bytes, 9).len();
    writeln!(
        out,
        "wrote {out_path}: {} bytes ({packed} deflated), {} feature rows, in {:.0} s",
        bytes.len(),
        model.rows(),
        started.elapsed().as_secs_f64()
    )
    .map_err(io_error("stdout"))
}

/// `lede pos [FILE|-]`: each sentence of a plain text as `word/TAG` pairs, then its chunks.
pub(super) fn pos_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::analysis::syntax;
    let args = Args::parse(args, &[], &[])?;
    let text = read_input(args.single()?.unwrap_or("-"))?;
    let doc = crate::analysis::segment::segment(&text);
    let mut listing = String::new();
    for s in &doc.sentences {
        let words: Vec<&str> = doc.tokens[s.tokens.clone()]
            .iter()
            .map(|t| t.span.of(&text))
            .collect();
        let tags = syntax::tag(&words);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let tagged: Vec<String> = words
            .iter()
            .zip(&tags)
            .map(|(w, t)| format!("{w}/{}", t.as_str()))
            .collect();
        listing.push_str(&tagged.join(" "));
        listing.push('\n');
        let chunks: Vec<String> = syntax::chunk(&lower, &tags)
            .iter()
            .map(|c| format!("[{} {}]", c.kind.as_str(), words[c.start..c.end].join(" ")))
            .collect();
        listing.push_str(&chunks.join(" "));
        listing.push_str("\n\n");
    }
    out.write_all(listing.as_bytes())
        .map_err(io_error("stdout"))
}

/// The TempEval-3 TimeML data, from a worktree or the main checkout.
const TIMEML_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/tempeval3/TBAQ-cleaned"
);

/// `lede eval-anchoring [DIR] [--split dev|train|all] [--model FILE] [--errors]`: how often a
/// card's predicate is the event TimeBank links its date to, with the shipped model or `FILE`.
pub(super) fn eval_anchoring_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::eval::anchoring::{evaluate, Split};
    let args = Args::parse(args, &["--split", "--model"], &["--errors"])?;
    let split = match args.value("--split") {
        None => Split::Dev,
        Some(value) => Split::parse(value)
            .ok_or_else(|| Error::Usage(format!("--split takes dev, train or all; {USAGE}")))?,
    };
    let dir = std::path::Path::new(args.single()?.unwrap_or(TIMEML_DIR));
    let model = match args.value("--model") {
        None => None,
        Some(path) => {
            let bytes = std::fs::read(path).map_err(io_error(path))?;
            Some(crate::analysis::timeline::ranker::AnchorModel::read(
                &bytes,
            )?)
        }
    };
    let scores = evaluate(dir, split, model.as_ref())?;
    if args.has("--errors") {
        for miss in &scores.misses {
            writeln!(out, "MISS\t{miss}").map_err(io_error("stdout"))?;
        }
    }
    write!(out, "{scores}").map_err(io_error("stdout"))
}

/// `lede train-anchoring [DIR] [--out FILE] [--cv [--errors]]`: trains the anchoring ranker on
/// the non-dev part of TBAQ and writes its model; `--cv` prints five-fold cross-validation on
/// that part first (with `--errors`, every held-out miss).
pub(super) fn train_anchoring_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::eval::anchoring::{cross_validate, documents, reachable, score, train, Split};
    let args = Args::parse(args, &["--out"], &["--cv", "--errors"])?;
    let dir = std::path::Path::new(args.single()?.unwrap_or(TIMEML_DIR));
    let out_path = args.value("--out").unwrap_or(super::ANCHORING_MODEL);
    let train_docs = documents(dir, |i| Split::Train.keeps(i))?;
    if args.has("--cv") {
        let rules = score(&train_docs, None).dated;
        let (folds, all, misses) = cross_validate(&train_docs);
        if args.has("--errors") {
            for miss in &misses {
                writeln!(out, "MISS\t{miss}").map_err(io_error("stdout"))?;
            }
        }
        let listed: Vec<String> = folds
            .iter()
            .map(|t| format!("{:.3}", t.accuracy()))
            .collect();
        writeln!(
            out,
            "train, a linked event among the options: {} of {}\ntrain, rules alone: {:.3} ({} of {})\ntrain, five-fold: {:.3} ({} of {}); folds {}",
            reachable(&train_docs),
            rules.total,
            rules.accuracy(),
            rules.right,
            rules.total,
            all.accuracy(),
            all.right,
            all.total,
            listed.join(" ")
        )
        .map_err(io_error("stdout"))?;
    }
    let model = train(&train_docs);
    let files = super::models::write_both(out_path, &model.to_bytes()?, &model.to_text())?;
    writeln!(
        out,
        "wrote {files}: {} weights; rebuild, then `lede eval-anchoring` scores dev",
        model.weight_count()
    )
    .map_err(io_error("stdout"))
}

/// PolNeAR's dev articles.
const POLNEAR_TEXT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/polnear/dev/text"
);

/// `lede eval-labels [DIR] [--list]`: the share of timeline labels that read as a sentence on a
/// folder of articles (PolNeAR dev by default); `--list` prints every label with its verdict.
pub(super) fn eval_labels_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    let args = Args::parse(args, &[], &["--list"])?;
    let dir = std::path::Path::new(args.single()?.unwrap_or(POLNEAR_TEXT));
    let scores = crate::eval::labels::evaluate(dir)?;
    if args.has("--list") {
        for line in &scores.listing {
            writeln!(out, "{line}").map_err(io_error("stdout"))?;
        }
    }
    write!(out, "{scores}").map_err(io_error("stdout"))
}
