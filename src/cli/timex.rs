//! The time stage's command: `eval-timex`.

use std::io::Write;

use super::{io_error, Args, USAGE};
use crate::error::{Error, Result};
use crate::eval::timex::{errors_of, score_files, scores_of, CrossValidation, Split};

/// The TempEval-3 TimeML data, from a worktree or the main checkout.
const TIMEML_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/tempeval3/TBAQ-cleaned"
);

/// `lede eval-timex [DIR] [--split dev|train|all] [--cv] [--errors]`: strict, relaxed and value
/// F1 on a split (dev unless told otherwise) or, with `--cv`, on each source, each of the five
/// folds and the dev part, with the folds' mean and spread. `--errors` lists the misses first,
/// each after its file and fold (all files with `--cv`).
pub(super) fn eval_timex_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    let args = Args::parse(args, &["--split"], &["--errors", "--cv"])?;
    let split = match args.value("--split") {
        None if args.has("--cv") => Split::All,
        None => Split::Dev,
        Some(_) if args.has("--cv") => {
            return Err(Error::Usage(format!(
                "--cv scores every fold; it takes no --split; {USAGE}"
            )))
        }
        Some(value) => Split::parse(value)
            .ok_or_else(|| Error::Usage(format!("--split takes dev, train or all; {USAGE}")))?,
    };
    let dir = std::path::Path::new(args.single()?.unwrap_or(TIMEML_DIR));
    let files = score_files(dir, args.has("--errors"))?;
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "no .tml files under {}; {USAGE}",
            dir.display()
        )));
    }
    for e in errors_of(&files, |f| split.keeps(f.fold)) {
        writeln!(out, "{e}").map_err(io_error("stdout"))?;
    }
    if args.has("--cv") {
        write!(out, "{}", CrossValidation::of(&files))
    } else {
        write!(out, "{}", scores_of(&files, |f| split.keeps(f.fold)))
    }
    .map_err(io_error("stdout"))
}
