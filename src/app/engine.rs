//! The page's side of the analysis worker (`crate::worker`): one worker, one request in flight
//! that matters (the newest), and cancellation by terminating the worker and starting a fresh one.
//! A request is posted at once, even before the worker's wasm has loaded: its loader keeps it.
//!
//! A reply to anything but the newest request is dropped, so a slow analysis of an old text can
//! never overwrite a newer one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::{Analysis, Options};
use crate::transfer::Assembler;

/// Where Trunk puts the worker's loader, relative to the page, so any sub-path works.
const WORKER_URL: &str = "./lede-worker-loader.js";

/// A JS event listener kept alive in Rust.
type Listener = Closure<dyn FnMut(JsValue)>;

/// What the worker sent back about the newest request.
pub enum Reply {
    /// It started a stage (for the progress strip).
    Stage(String),
    /// It finished: the text analysed, the analysis, the milliseconds `analyze` took in the
    /// worker, when its reply arrived (page clock, ms) and the main thread's time reading it back.
    Done {
        text: String,
        analysis: Box<Analysis>,
        analyze_ms: f64,
        arrived: f64,
        parse_ms: f64,
    },
    /// It failed: a message for the reader.
    Failed(String),
    /// The worker's own warm-up analysis (`transfer::WARM_UP_TEXT`), read back: for the page to
    /// model once and drop, so that its code for a reply is compiled before the first real one
    /// arrives. It answers no request.
    Warm {
        text: String,
        analysis: Box<Analysis>,
    },
}

/// The worker and the bookkeeping of requests.
pub struct Engine {
    worker: RefCell<Option<web_sys::Worker>>,
    /// The newest request's id and text (kept to hand back with its analysis).
    newest: Rc<Cell<u64>>,
    pending: Rc<RefCell<Option<String>>>,
    on_reply: Rc<dyn Fn(Reply)>,
    // Kept alive as long as the worker that calls them.
    handlers: RefCell<Vec<Listener>>,
}

impl Engine {
    /// Starts a worker; `on_reply` hears about the newest request only.
    pub fn new(on_reply: impl Fn(Reply) + 'static) -> Rc<Engine> {
        let engine = Rc::new(Engine {
            worker: RefCell::new(None),
            newest: Rc::new(Cell::new(0)),
            pending: Rc::new(RefCell::new(None)),
            on_reply: Rc::new(on_reply),
            handlers: RefCell::new(Vec::new()),
        });
        engine.start();
        engine
    }

    /// The worker index.html started before the app loaded, if it is still there to adopt.
    fn early_worker() -> Option<web_sys::Worker> {
        let window = web_sys::window()?;
        let key = JsValue::from_str("ledeWorker");
        let worker = js_sys::Reflect::get(&window, &key).ok()?;
        let worker = worker.dyn_into::<web_sys::Worker>().ok()?;
        let _ = js_sys::Reflect::delete_property(&window, &key);
        Some(worker)
    }

    fn start(&self) {
        if let Some(worker) = Engine::early_worker() {
            self.listen(worker);
            return;
        }
        let worker = match web_sys::Worker::new(WORKER_URL) {
            Ok(worker) => worker,
            Err(e) => {
                (self.on_reply)(Reply::Failed(format!(
                    "Lede could not start its analysis worker ({}). Reload the page to try again.",
                    describe(&e)
                )));
                return;
            }
        };
        self.listen(worker);
    }

    /// Takes `worker` on: its replies and its errors.
    fn listen(&self, worker: web_sys::Worker) {
        let newest = self.newest.clone();
        let pending = self.pending.clone();
        let on_reply = self.on_reply.clone();
        let on_message = Listener::new(move |event: JsValue| {
            let data = js_sys::Reflect::get(&event, &"data".into()).unwrap_or(JsValue::NULL);
            let reply = js_sys::Array::from(&data);
            if reply.get(1).as_string().as_deref() == Some("warm") {
                ReadBack::of(&reply, 0, crate::transfer::WARM_UP_TEXT.to_string(), true)
                    .run(newest.clone(), on_reply.clone());
                return;
            }
            if reply.get(0).as_f64() != Some(newest.get() as f64) {
                return;
            }
            let kind = reply.get(1).as_string().unwrap_or_default();
            let detail = reply.get(2).as_string().unwrap_or_default();
            match kind.as_str() {
                "stage" => on_reply(Reply::Stage(detail)),
                "done" => {
                    let Some(text) = pending.borrow_mut().take() else {
                        return;
                    };
                    ReadBack::of(&reply, newest.get(), text, false)
                        .run(newest.clone(), on_reply.clone());
                }
                _ => {
                    pending.borrow_mut().take();
                    on_reply(Reply::Failed(format!("The analysis failed: {detail}.")));
                }
            }
        });
        let pending = self.pending.clone();
        let on_reply = self.on_reply.clone();
        let on_error = Listener::new(move |event: JsValue| {
            let detail = js_sys::Reflect::get(&event, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "the worker stopped".to_string());
            if pending.borrow_mut().take().is_some() {
                on_reply(Reply::Failed(format!(
                    "The analysis failed ({detail}). Your text is kept; edit it or press Analyse to try again."
                )));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.handlers.replace(vec![on_message, on_error]);
        self.worker.replace(Some(worker));
    }

    /// Asks for `text` to be analysed; any earlier request's reply will be ignored.
    pub fn analyse(&self, text: String, options: &Options) {
        let id = self.newest.get() + 1;
        self.newest.set(id);
        let options = serde_json::to_string(options).unwrap_or_default();
        let message = js_sys::Array::of3(
            &JsValue::from_f64(id as f64),
            &JsValue::from_str(&text),
            &JsValue::from_str(&options),
        );
        self.pending.replace(Some(text));
        let posted = match self.worker.borrow().as_ref() {
            Some(worker) => worker.post_message(&message).map_err(|e| describe(&e)),
            None => Err("the worker is not running".to_string()),
        };
        if let Err(e) = posted {
            self.pending.replace(None);
            (self.on_reply)(Reply::Failed(format!("The analysis could not start: {e}.")));
        }
    }

    /// Stops the analysis in flight: the worker is terminated and a fresh one started.
    pub fn cancel(&self) {
        self.newest.set(self.newest.get() + 1);
        self.pending.replace(None);
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
        self.start();
    }
}

/// How long one turn of reading the worker's reply back may hold the main thread, in ms: well
/// under the 50 ms at which the page stops feeling responsive.
const READ_SLICE_MS: f64 = 10.0;

/// A reply being read back, a few parts per turn of the event loop (see `crate::transfer`).
struct ReadBack {
    /// The request it answers: a newer request or a cancel drops it.
    id: u64,
    /// The parts' JSON end to end, and where each part ends.
    bytes: js_sys::Uint8Array,
    ends: Vec<u32>,
    next: usize,
    assembler: Option<Assembler>,
    text: String,
    analyze_ms: f64,
    arrived: f64,
    parse_ms: f64,
    /// Whether it is the worker's warm-up (`Reply::Warm`), which reports no failure: the reader
    /// asked for nothing.
    warm: bool,
}

impl ReadBack {
    /// Reading back `reply` (`[id, kind, parts, part ends, analyze ms]`), which answers request
    /// `id` for `text`.
    fn of(reply: &js_sys::Array, id: u64, text: String, warm: bool) -> ReadBack {
        let ends: Vec<u32> = js_sys::Array::from(&reply.get(3))
            .iter()
            .map(|end| end.as_f64().unwrap_or(0.0) as u32)
            .collect();
        ReadBack {
            id,
            bytes: js_sys::Uint8Array::new(&reply.get(2)),
            ends,
            next: 0,
            assembler: None,
            text,
            analyze_ms: reply.get(4).as_f64().unwrap_or(0.0),
            arrived: now_ms(),
            parse_ms: 0.0,
            warm,
        }
    }

    /// Reads parts until the slice is used up, then yields to the page and goes on in a new task;
    /// hands the analysis over once every part is in.
    fn run(mut self, newest: Rc<Cell<u64>>, on_reply: Rc<dyn Fn(Reply)>) {
        // A newer request or a cancel makes a reply moot; the warm-up answers none.
        if !self.warm && newest.get() != self.id {
            return;
        }
        let started = now_ms();
        while self.next < self.ends.len() && now_ms() - started < READ_SLICE_MS {
            let start = self.next.checked_sub(1).map_or(0, |i| self.ends[i]);
            let bytes = self.bytes.subarray(start, self.ends[self.next]).to_vec();
            self.next += 1;
            let read = String::from_utf8(bytes)
                .map_err(|_| "the analysis came back garbled".to_string())
                .and_then(|json| match self.assembler.as_mut() {
                    None => Assembler::new(&json).map(|a| self.assembler = Some(a)),
                    Some(assembler) => assembler.add(&json),
                });
            if let Err(e) = read {
                if !self.warm {
                    on_reply(Reply::Failed(format!("The analysis failed: {e}.")));
                }
                return;
            }
        }
        self.parse_ms += now_ms() - started;
        if self.next < self.ends.len() {
            leptos::prelude::set_timeout(
                move || self.run(newest, on_reply),
                std::time::Duration::ZERO,
            );
            return;
        }
        let Some(assembler) = self.assembler else {
            if !self.warm {
                on_reply(Reply::Failed("The analysis came back empty.".to_string()));
            }
            return;
        };
        if self.warm {
            on_reply(Reply::Warm {
                text: self.text,
                analysis: Box::new(assembler.finish()),
            });
            return;
        }
        on_reply(Reply::Done {
            text: self.text,
            analysis: Box::new(assembler.finish()),
            analyze_ms: self.analyze_ms,
            arrived: self.arrived,
            parse_ms: self.parse_ms,
        });
    }
}

/// The page's clock in milliseconds.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A JS error's message, for the reader.
fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
