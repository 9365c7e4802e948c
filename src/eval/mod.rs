//! Evaluation against the shared data sets. Native only: reads files.

pub mod timeml;
pub mod timex;
