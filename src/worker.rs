//! The analysis worker (wasm32 only): `analyze` off the page's main thread, so a long paste never
//! freezes the tab and can be cancelled by terminating the worker.
//!
//! The protocol is small JS arrays, so the article text crosses as a plain string and never pays
//! for JSON escaping:
//!
//! ```text
//! page → worker   [id, text, options JSON]
//! worker → page   [id, "stage", name]                    before each stage, for progress
//!                 [id, "done", parts, part ends, analyze ms]   (see `transfer`)
//!                 [id, "error", message]
//!                 [0, "warm", parts, part ends, 0]        once, before any reply: the worker's own
//!                                                         warm-up analysis (`transfer::WARM_UP_TEXT`)
//! ```
//! `parts` is an `ArrayBuffer` of the parts' JSON end to end, *transferred* (not copied) to the
//! page; `part ends` is an array of numbers, where each part ends in it.
//!
//! The page may post a request at once, before this wasm has even loaded: the loader
//! (`public/worker/lede-worker-loader.js`) keeps what arrives early in `self.ledeQueue`, and
//! `run` answers the newest of those once the models are built. There is no "ready" round trip
//! through the page's main thread, which is busy building the page just then.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::{analyze, analyze_observed, Options, PROFILED_STAGES};

/// The heap the worker claims at start: the models and a long article's analysis fit in it.
const WARM_HEAP_BYTES: usize = 32 << 20;

/// Starts listening for requests. The worker binary's `main` calls only this.
pub fn run() {
    console_error_panic_hook::set_once();
    // Wasm memory grows a page run at a time as the allocator asks, and each grow costs the
    // browser a new buffer: building the models and the first analysis took 27 of them (about
    // 175 ms of a cold load's trace). One early request for what they need makes it one grow;
    // the freed block stays in the allocator for them.
    drop(std::hint::black_box(Vec::<u8>::with_capacity(
        WARM_HEAP_BYTES,
    )));
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            answer(&replies, event.data());
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The models are built on first use: building them now, with a throwaway analysis, before
    // any request. Even with the page's first request already waiting, this is faster than
    // answering it cold: its analysis then ran in code that V8 was still optimising. (Cold loads,
    // 3 rounds of 5 each way: the sample's analysis took 140-160 ms after the warm-up, 480-570 ms
    // with the models built inside it; its first view came 100-200 ms sooner.)
    //
    // Its reply goes to the page too, which reads it back and models it once, then drops it
    // (`app::engine`): the page's code for a reply is compiled on first use, which cost the first
    // real reply's read-back tens of milliseconds on a cold load, while the page's main thread
    // sat idle waiting for it.
    let warm = analyze(crate::transfer::WARM_UP_TEXT, &Options::default());
    if let Ok((reply, buffer)) = reply_of(&JsValue::from_f64(0.0), "warm", warm, 0.0) {
        let _ = scope.post_message_with_transfer(&reply, &js_sys::Array::of1(&buffer));
    }
    // What arrived while the wasm loaded: only the newest request matters (the page drops the
    // replies to older ones). Requests that came later wait in line for the listener above.
    let early = js_sys::Reflect::get(&scope, &"ledeQueue".into())
        .ok()
        .filter(|q| q.is_object())
        .map(|q| js_sys::Array::from(&q));
    let _ = js_sys::Reflect::delete_property(&scope, &"ledeQueue".into());
    if let Some(queue) = early.filter(|q| q.length() > 0) {
        answer(&scope, queue.get(queue.length() - 1));
    }
}

/// Analyses one request and posts the reply, its buffer transferred; then, the first times, warms
/// the code up on the reader's text while the worker is idle.
fn answer(scope: &web_sys::DedicatedWorkerGlobalScope, data: JsValue) {
    let (reply, transfer, text) = handle(scope, data);
    let _ = match transfer {
        Some(buffer) => scope.post_message_with_transfer(&reply, &js_sys::Array::of1(&buffer)),
        None => scope.post_message(&reply),
    };
    if let Some(text) = text {
        warm_up(text);
    }
}

/// How many idle analyses a worker runs in its life, after its first replies.
///
/// V8 runs a new module's functions in its baseline compiler (Liftoff) and recompiles a function
/// with its optimising compiler (TurboFan) only once the function has run enough, and a call
/// already running keeps its baseline code. So a reader's first few pastes ran in baseline code:
/// the sample's analysis took 50, 33, 20, 26, 31 ms on its first five pastes after a load, and
/// about 15 ms once every hot function was optimised. Re-reading the reader's own text a few
/// times while idle moves that cost off the reader's next paste.
const WARM_ROUNDS: u32 = 4;

/// How much of the reader's text an idle analysis reads: enough to run every stage's hot loops,
/// short enough that a request arriving meanwhile waits at most one such analysis.
const WARM_BYTES: usize = 16 << 10;

thread_local! {
    /// Idle analyses left to run, and whether one is already scheduled.
    static WARM_LEFT: Cell<u32> = const { Cell::new(WARM_ROUNDS) };
    static WARMING: Cell<bool> = const { Cell::new(false) };
}

/// Where the idle analyses' text ends: the whole text if it is short, or else after its last
/// line break within `WARM_BYTES` (whole paragraphs), or at worst on a character boundary.
fn warm_text_end(text: &str) -> usize {
    if text.len() <= WARM_BYTES {
        return text.len();
    }
    let mut end = WARM_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].rfind('\n').map_or(end, |line| line + 1)
}

/// Schedules the next idle analysis of (the start of) `text`, each in a task of its own, so a
/// request that arrives is answered between two of them.
fn warm_up(mut text: String) {
    if WARM_LEFT.get() == 0 || WARMING.get() {
        return;
    }
    text.truncate(warm_text_end(&text));
    WARMING.set(true);
    gloo::timers::callback::Timeout::new(0, move || {
        WARMING.set(false);
        WARM_LEFT.set(WARM_LEFT.get().saturating_sub(1));
        drop(std::hint::black_box(analyze(&text, &Options::default())));
        warm_up(text);
    })
    .forget();
}

/// What the progress strip says while `stage` runs.
fn stage_label(stage: &str) -> &'static str {
    match stage {
        "captions" => "sorting captions from the story",
        "entities" => "finding names",
        "time" => "reading dates",
        "timeline" => "building the timeline",
        "quotes" => "finding quotes",
        _ => "finishing",
    }
}

/// Analyses one request and builds its reply, with the buffer to transfer, if any, and the text
/// it analysed (for the idle warm-up), if it got that far.
fn handle(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    data: JsValue,
) -> (js_sys::Array, Option<JsValue>, Option<String>) {
    let request = js_sys::Array::from(&data);
    let id = request.get(0);
    let failed = |message: &str| js_sys::Array::of3(&id, &"error".into(), &message.into());
    let Some(text) = request.get(1).as_string() else {
        return (failed("the request carried no text"), None, None);
    };
    let options = match request
        .get(2)
        .as_string()
        .map(|o| serde_json::from_str::<Options>(&o))
    {
        Some(Ok(options)) => options,
        Some(Err(e)) => {
            let message = format!("the request's options were unreadable: {e}");
            return (failed(&message), None, None);
        }
        None => Options::default(),
    };
    let clock = scope.performance();
    let now = || clock.as_ref().map_or(0.0, |p| p.now());
    let started = now();
    // Progress: as each stage finishes, the page hears which one runs next.
    let mut progress = |done: &'static str| {
        let next = PROFILED_STAGES
            .iter()
            .position(|&s| s == done)
            .and_then(|i| PROFILED_STAGES.get(i + 1));
        if let Some(next) = next {
            let step = js_sys::Array::of3(&id, &"stage".into(), &stage_label(next).into());
            let _ = scope.post_message(&step);
        }
    };
    let analysis = analyze_observed(&text, &options, &mut progress);
    let elapsed = now() - started;
    match reply_of(&id, "done", analysis, elapsed) {
        Ok((reply, buffer)) => (reply, Some(buffer), Some(text)),
        Err(e) => (
            failed(&format!("the analysis could not be serialised: {e}")),
            None,
            Some(text),
        ),
    }
}

/// `[id, kind, parts, part ends, analyze ms]` for `analysis` (see `transfer`), and the parts'
/// buffer, to transfer with it.
fn reply_of(
    id: &JsValue,
    kind: &str,
    analysis: crate::analysis::Analysis,
    elapsed: f64,
) -> Result<(js_sys::Array, JsValue), serde_json::Error> {
    let parts = crate::transfer::split(analysis, crate::transfer::PART_BYTES)?;
    let bytes = js_sys::Uint8Array::new_with_length(parts.bytes.len() as u32);
    bytes.copy_from(&parts.bytes);
    let ends: js_sys::Array = parts
        .ends
        .iter()
        .map(|&end| JsValue::from(end as u32))
        .collect();
    let buffer = bytes.buffer();
    let reply = js_sys::Array::of5(id, &kind.into(), &buffer, &ends, &elapsed.into());
    Ok((reply, buffer.into()))
}
