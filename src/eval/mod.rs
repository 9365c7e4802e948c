//! Evaluation against the shared data sets. Native only: reads files.

pub mod captions;
pub mod polnear;
pub mod timeml;
pub mod timex;
