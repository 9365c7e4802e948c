//! Evaluation against the shared data sets. Native only: reads files.

pub mod captions;
pub mod conll;
pub mod polnear;
pub mod timeml;
pub mod timex;
pub mod train;
