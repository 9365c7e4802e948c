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

#[cfg(test)]
mod tests {
    use super::super::run_args;

    /// A data folder of six one-sentence documents in two sources: every fold holds one, fold 0
    /// two.
    fn tiny_corpus() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("lede-timex-{}", std::process::id()));
        for (i, source) in ["A", "A", "B", "B", "B", "B"].iter().enumerate() {
            std::fs::create_dir_all(dir.join(source)).unwrap();
            let tml = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">x</TIMEX3></DCT>
<TEXT>He left <TIMEX3 tid="t1" type="DATE" value="1998-08-06">Thursday</TIMEX3> and came back <TIMEX3 tid="t2" type="DATE" value="1998-08-04">last week</TIMEX3>.</TEXT>"#;
            std::fs::write(dir.join(source).join(format!("d{i}.tml")), tml).unwrap();
        }
        dir
    }

    #[test]
    fn cross_validation_reports_every_part() {
        let dir = tiny_corpus();
        let table = run_args(&["eval-timex", dir.to_str().unwrap(), "--cv"]);
        let errors = run_args(&["eval-timex", dir.to_str().unwrap(), "--cv", "--errors"]);
        let dev = run_args(&["eval-timex", dir.to_str().unwrap()]);
        let mixed = run_args(&[
            "eval-timex",
            dir.to_str().unwrap(),
            "--cv",
            "--split",
            "dev",
        ]);
        std::fs::remove_dir_all(&dir).ok();
        let table = table.unwrap();
        for row in [
            "A ",
            "B ",
            "fold 0",
            "fold 4 (dev)",
            "fold mean",
            "fold sd",
            "dev",
            "all",
        ] {
            assert!(table.contains(row), "no row {row:?} in\n{table}");
        }
        // "Thursday" is right and "last week" is a week, not the gold's day: value F1 0.5.
        assert!(table.contains("all                  6    12    12   1.000   1.000  0.500"));
        let errors = errors.unwrap();
        assert_eq!(errors.matches("\tVALUE\tlast week\t").count(), 6);
        assert!(errors.starts_with("A/d0.tml\tfold 0\tVALUE\t"), "{errors}");
        assert!(dev.unwrap().starts_with("documents 1 "));
        assert!(mixed.unwrap_err().to_string().contains("--cv"));
    }

    #[test]
    fn a_folder_without_timeml_is_an_error() {
        let dir = std::env::temp_dir().join(format!("lede-timex-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let err = run_args(&["eval-timex", dir.to_str().unwrap(), "--cv"]);
        std::fs::remove_dir_all(&dir).ok();
        assert!(err.unwrap_err().to_string().contains("no .tml files"));
        let err = run_args(&["eval-timex", "no/such/folder"]).unwrap_err();
        assert!(err.to_string().contains("cannot read no/such/folder"));
    }
}
