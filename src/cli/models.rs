//! The small learned models' two forms (`analysis::packed_weights`): `lede pack-model` and
//! `lede dump-model` convert between them, and the trainers write both through `write_both`.
//! `lede dump-model` also prints a word-class table's canonical lines.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{io_error, Args, USAGE};
use crate::analysis::captions::model::{self as captions, Model as CaptionsModel};
use crate::analysis::quotes::{SpeechModel, SPEECH_MAGIC};
use crate::analysis::timeline::ranker::{self as anchoring, AnchorModel};
use crate::error::{Error, Result};

/// A model file of a kind that ships packed, told apart by its first line.
enum SmallModel {
    Captions(CaptionsModel),
    /// The speech model or the speaker ranker: one format.
    Speech(SpeechModel),
    Anchoring(AnchorModel),
}

impl SmallModel {
    /// Reads a model file, packed or text.
    fn read(bytes: &[u8]) -> Result<SmallModel> {
        let is = |magic: &str| bytes.starts_with(magic.as_bytes());
        if is(captions::MAGIC) {
            CaptionsModel::read(bytes).map(SmallModel::Captions)
        } else if is(SPEECH_MAGIC) {
            SpeechModel::read(bytes).map(SmallModel::Speech)
        } else if is(anchoring::MAGIC) {
            AnchorModel::read(bytes).map(SmallModel::Anchoring)
        } else {
            Err(Error::Model(format!(
                "not a model that ships packed: its first line is none of '{}', '{}', '{}'",
                captions::MAGIC,
                SPEECH_MAGIC,
                anchoring::MAGIC
            )))
        }
    }

    fn to_text(&self) -> String {
        match self {
            SmallModel::Captions(m) => m.to_text(),
            SmallModel::Speech(m) => m.to_text(),
            SmallModel::Anchoring(m) => m.to_text(),
        }
    }

    fn to_bytes(&self) -> Result<Vec<u8>> {
        match self {
            SmallModel::Captions(m) => m.to_bytes(),
            SmallModel::Speech(m) => m.to_bytes(),
            SmallModel::Anchoring(m) => m.to_bytes(),
        }
    }
}

fn read_file(path: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(io_error(path))
}

/// Where the text of the packed model at `packed` goes: beside it, as `.txt`.
fn text_path(packed: &str) -> Result<PathBuf> {
    let text = Path::new(packed).with_extension("txt");
    if text == Path::new(packed) {
        return Err(Error::Usage(format!(
            "{packed} would be overwritten by its own text: name the packed model .bin"
        )));
    }
    Ok(text)
}

/// Writes a trained model: packed at `packed` (what the build includes) and as text beside it
/// (`X.bin` and `X.txt`). Returns what was written, for the trainer's report.
pub(super) fn write_both(packed: &str, bytes: &[u8], text: &str) -> Result<String> {
    let text_path = text_path(packed)?;
    let shown = text_path.display().to_string();
    std::fs::write(packed, bytes).map_err(io_error(packed))?;
    std::fs::write(&text_path, text).map_err(io_error(&shown))?;
    Ok(format!("{packed} and {shown}"))
}

/// `lede pack-model FILE [--out FILE]`: a model's text (or packed file) packed as the build
/// carries it, written to `--out` or beside FILE as `.bin`. Deterministic: the same model gives the
/// same bytes; the file written is checked to read back as the same model.
pub(super) fn pack_model_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    let args = Args::parse(args, &["--out"], &[])?;
    let Some(path) = args.single()? else {
        return Err(Error::Usage(format!(
            "pack-model needs a model file; {USAGE}"
        )));
    };
    let input = read_file(path)?;
    if input.starts_with(b"LEDE-NER") {
        return pack_ner_model(path, &input, args.value("--out"), out);
    }
    let model = SmallModel::read(&input)?;
    let bytes = model.to_bytes()?;
    let text = model.to_text();
    if SmallModel::read(&bytes)?.to_text() != text {
        return Err(Error::Model(format!(
            "{path}: the packed model does not read back the same"
        )));
    }
    let default_out = Path::new(path).with_extension("bin");
    let out_path = args
        .value("--out")
        .map(PathBuf::from)
        .unwrap_or(default_out);
    let shown = out_path.display().to_string();
    std::fs::write(&out_path, &bytes).map_err(io_error(&shown))?;
    let canonical = if input == text.as_bytes() || input == bytes {
        String::new()
    } else {
        format!(" ({path} is not in canonical order: `lede dump-model {shown}` prints it so)")
    };
    writeln!(
        out,
        "wrote {shown}: {} bytes from {} of text{canonical}",
        bytes.len(),
        text.len()
    )
    .map_err(io_error("stdout"))
}

/// `pack-model` for the entity tagger's model: reads it in any layout this build reads (the
/// row-by-row one of older code included) and writes it in today's, to `--out` or in place.
/// `scripts/rebuild-ner` trains with the code that trained the shipped model, then packs the
/// result so.
fn pack_ner_model(
    path: &str,
    input: &[u8],
    out_path: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::analysis::entities::model::Model;
    let model = Model::from_bytes(input).map_err(|e| Error::Model(format!("{path}: {e}")))?;
    let bytes = model.to_bytes();
    if Model::from_bytes(&bytes)? != model {
        return Err(Error::Model(format!(
            "{path}: the packed model does not read back the same"
        )));
    }
    let shown = out_path.unwrap_or(path);
    std::fs::write(shown, &bytes).map_err(io_error(shown))?;
    writeln!(
        out,
        "wrote {shown}: {} bytes, {} feature rows (from {} bytes)",
        bytes.len(),
        model.rows(),
        input.len()
    )
    .map_err(io_error("stdout"))
}

/// `lede dump-model FILE`: a model's text, from its packed file (or its text), to stdout. A table
/// of word classes (`wordclasses.bin`) prints as its canonical `word<TAB>coarse<TAB>fine` lines,
/// what the entity model's fingerprint hashes, so two tables compare with `diff`.
pub(super) fn dump_model_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    use crate::analysis::entities::wordclass;
    let args = Args::parse(args, &[], &[])?;
    let Some(path) = args.single()? else {
        return Err(Error::Usage(format!(
            "dump-model needs a model file; {USAGE}"
        )));
    };
    let bytes = read_file(path)?;
    let text = if bytes.starts_with(wordclass::MAGIC) {
        wordclass::canonical_lines(&bytes).map_err(|e| Error::Model(format!("{path}: {e}")))?
    } else {
        SmallModel::read(&bytes)?.to_text().into_bytes()
    };
    out.write_all(&text).map_err(io_error("stdout"))
}

#[cfg(test)]
mod tests {
    use super::super::run_args;

    /// Each shipped model's text packs to its shipped file, and the shipped file dumps to the text.
    #[test]
    fn pack_and_dump_convert_the_shipped_models() {
        let dir = std::env::temp_dir().join(format!("lede-pack-model-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let model_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/model");
        for name in ["captions", "speech", "speaker", "anchoring"] {
            let text_path = format!("{model_dir}/{name}.txt");
            let packed_path = format!("{model_dir}/{name}.bin");
            let out = dir.join(format!("{name}.bin"));
            let out = out.to_str().unwrap();
            let said = run_args(&["pack-model", &text_path, "--out", out]).unwrap();
            assert!(said.starts_with(&format!("wrote {out}: ")), "{said}");
            assert!(!said.contains("canonical"), "{said}");
            assert_eq!(
                std::fs::read(out).unwrap(),
                std::fs::read(&packed_path).unwrap(),
                "{name}"
            );
            let dumped = run_args(&["dump-model", &packed_path]).unwrap();
            assert_eq!(
                dumped,
                std::fs::read_to_string(&text_path).unwrap(),
                "{name}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The shipped word classes dump as their canonical lines: one `word<TAB>coarse<TAB>fine`
    /// line per word, sorted, as many as the table reads.
    #[test]
    fn dump_prints_the_word_classes_canonical_lines() {
        use crate::analysis::entities::wordclass::WordClasses;
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/analysis/entities/wordclasses.bin"
        );
        let dumped = run_args(&["dump-model", path]).unwrap();
        let words: Vec<&str> = dumped
            .lines()
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').collect();
                assert_eq!(fields.len(), 3, "{line:?}");
                assert!(
                    fields[1..].iter().all(|f| f.parse::<u16>().is_ok()),
                    "{line:?}"
                );
                fields[0]
            })
            .collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted by word");
        let table = WordClasses::read(&std::fs::read(path).unwrap()).unwrap();
        assert_eq!(words.len(), table.len());
        let cut = b"LEDE word classes 1\n\x05\x00";
        let dir = std::env::temp_dir().join(format!("lede-dump-classes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("cut.bin");
        std::fs::write(&bad, cut).unwrap();
        let err = run_args(&["dump-model", bad.to_str().unwrap()]).unwrap_err();
        assert!(err.to_string().contains("word classes"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn files_that_are_no_such_model_are_errors() {
        let dir = std::env::temp_dir().join(format!("lede-pack-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cases: &[(&str, &[u8], &str)] = &[
            (
                "another kind",
                b"LEDE-OTHER 1\n",
                "not a model that ships packed",
            ),
            (
                "a bad line",
                b"LEDE-SPEECH-MODEL 1\nbias 1\n",
                "speech model line 2",
            ),
            (
                "not text",
                b"LEDE-SPEECH-MODEL 1\xff\n",
                "neither packed nor text",
            ),
        ];
        for (name, bytes, want) in cases {
            let path = dir.join("model.txt");
            std::fs::write(&path, bytes).unwrap();
            let path = path.to_str().unwrap();
            for command in ["pack-model", "dump-model"] {
                let err = run_args(&[command, path]).unwrap_err().to_string();
                assert!(err.contains(want), "{name}, {command}: {err}");
            }
        }
        // The entity tagger's model is packed (re-encoded) too, and read as one.
        let path = dir.join("ner.bin");
        std::fs::write(&path, b"LEDE-NER\x07\x00").unwrap();
        let err = run_args(&["pack-model", path.to_str().unwrap()]).unwrap_err();
        assert!(err.to_string().contains("format version 7"), "{err}");
        let err = run_args(&["pack-model"]).unwrap_err().to_string();
        assert!(err.contains("needs a model file"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The shipped entity model is in today's layout: packing it gives back its bytes.
    #[test]
    fn the_shipped_ner_model_packs_to_itself() {
        let dir = std::env::temp_dir().join(format!("lede-pack-ner-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/model/ner.bin");
        let out = dir.join("ner.bin");
        run_args(&["pack-model", shipped, "--out", out.to_str().unwrap()]).unwrap();
        assert!(std::fs::read(&out).unwrap() == std::fs::read(shipped).unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_packed_model_is_not_written_over_its_text() {
        assert!(super::text_path("model/captions.txt").is_err());
        assert_eq!(
            super::text_path("model/captions.bin").unwrap(),
            std::path::Path::new("model/captions.txt")
        );
    }
}
