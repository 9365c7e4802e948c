//! Scoring and training the quotes stage on PolNeAR (BRAT standoff attribution annotations),
//! in three parts:
//!
//! - `gold`: reading a split, and which quotes and speakers its annotations make gold;
//! - `score`: running the stage as `analysis::analyze` runs it and counting what it gets right
//!   (`lede eval-quotes`);
//! - `train`: training the stage's two learned parts, the speech model and the speaker ranker, on
//!   the same gold (`lede train-quotes`), and cross-validating them on train (`--cv`) so that dev
//!   stays for reporting.
//!
//! Reading, scoring and training are apart because each changes for its own reasons: the gold's
//! conventions with the data, the measures with what we report, the trainers with the models;
//! the trainers label their examples with the scorer's own match so that they learn what it counts.

mod gold;
mod score;
mod train;

pub use gold::{gold_quotes, load, load_some, GoldArticle, GoldQuote, Offsets};
pub use score::{
    agreement, evaluate, score_article, score_article_with, ArticleReport, QuoteScores,
    WrongSpeaker,
};
pub use train::{
    cross_validate, labelled_examples, train_models, train_ranker, train_speech, LabelledRanking,
    LabelledSpeech, FOLDS, RANKER_BAGS, RANKER_EPOCHS, RANKER_MIN_COUNT, SPEECH_BAGS,
    SPEECH_EPOCHS, SPEECH_MIN_COUNT,
};
