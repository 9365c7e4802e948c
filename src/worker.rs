//! The analysis worker (wasm32 only): `analyze` off the page's main thread, so a long paste never
//! freezes the tab and can be cancelled by terminating the worker.
//!
//! The protocol is three-element JS arrays, so the article text crosses as a plain string and
//! never pays for JSON escaping:
//!
//! ```text
//! worker → page   ["ready"]                              once, when it can take requests
//! page → worker   [id, text, options JSON]
//! worker → page   [id, "stage", name]                    before each stage, for progress
//!                 [id, "done", [head JSON, part JSON, …], analyze ms]   (see `transfer`)
//!                 [id, "error", message]
//! ```

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
            let reply = handle(&replies, event.data());
            let _ = replies.post_message(&reply);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The model is built on first use; building it now, before the first request, overlaps it
    // with the page's own loading.
    let _ = analyze("Lede warms up.", &Options::default());
    // Messages that arrived while the wasm was loading had no listener; the page waits for this.
    let _ = scope.post_message(&js_sys::Array::of1(&"ready".into()));
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

/// Analyses one request and builds its reply.
fn handle(scope: &web_sys::DedicatedWorkerGlobalScope, data: JsValue) -> js_sys::Array {
    let request = js_sys::Array::from(&data);
    let id = request.get(0);
    let Some(text) = request.get(1).as_string() else {
        return js_sys::Array::of3(&id, &"error".into(), &"the request carried no text".into());
    };
    let options = match request
        .get(2)
        .as_string()
        .map(|o| serde_json::from_str::<Options>(&o))
    {
        Some(Ok(options)) => options,
        Some(Err(e)) => {
            let message = format!("the request's options were unreadable: {e}");
            return js_sys::Array::of3(&id, &"error".into(), &message.into());
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
    match crate::transfer::split(analysis, crate::transfer::PART_BYTES) {
        Ok(parts) => {
            let parts: js_sys::Array = parts.into_iter().map(JsValue::from).collect();
            js_sys::Array::of4(&id, &"done".into(), &parts, &elapsed.into())
        }
        Err(e) => js_sys::Array::of3(
            &id,
            &"error".into(),
            &format!("the analysis could not be serialised: {e}").into(),
        ),
    }
}
