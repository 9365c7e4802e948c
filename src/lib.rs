//! Lede: a news reader's X-ray.
//!
//! The analysis core (`analysis`) is plain Rust: text goes in, an `Analysis` value comes out. The
//! `lede` CLI and the browser app (`app`, wasm32 only) both call `analyze`.

pub mod analysis;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod corrections;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod export;
pub mod import;
pub mod lexicon;
pub mod library;
pub mod reading;
pub mod share;
pub mod transfer;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod worker;

pub use analysis::{analyze, analyze_text, Analysis, Date, Options};

/// The sample article every visitor sees first: a real AP page, pasted.
pub const SAMPLE_ARTICLE: &str = include_str!("../public/samples/ap-ukraine-ceasefire.txt");
