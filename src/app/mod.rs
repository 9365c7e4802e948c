//! The browser app (wasm32 only): a few signals, an analysis worker, and read-only views.
//!
//! ```text
//! draft (textarea) ──debounce/paste/file──► text ──► worker: analyze ──► shown text + Analysis ──► views
//! ```
//! The user writes only the text, the options and the selection; everything shown is derived from
//! the analysis. The analysis runs in a Web Worker (`engine`), so the page stays responsive and a
//! long analysis can be cancelled; until it answers, the previous result stays on screen.

mod corrections;
mod dom;
mod engine;
mod entities;
mod input;
mod lexicon;
mod mark_menu;
mod quotes;
mod reader;
mod side;
mod storage;
mod timeline;
mod toolbar;

use leptos::prelude::*;

use crate::analysis::{Analysis, Options};
use crate::reading::{reading_model, ReadingArticle, ReadingBuilder};
use crate::share::{self, Settings, Shared};

/// Mounts the app on `<body>`. `main` calls only this.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    // The service worker waits for the first analysed view (see `App`), or a few seconds when
    // there is nothing to analyse.
    set_timeout(register_service_worker, std::time::Duration::from_secs(5));
}

/// Registers `sw.js`, which caches the app so that it opens with no network after the first
/// visit. Browsers offer service workers only on https and localhost; elsewhere Lede simply
/// works online. Only the first call registers: it is called once the first analysed view is on
/// screen, because installing fetches and stores every file of the app again (3 MB), which would
/// compete with that view for the network and the CPU.
fn register_service_worker() {
    static ASKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if ASKED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let has_service_workers =
        js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if has_service_workers {
        // A failed registration only means no offline use; the page works as it is. Awaiting
        // the promise keeps a refusal from surfacing as an unhandled rejection.
        let registered = navigator.service_worker().register("./sw.js");
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
        });
    }
}

/// The text being analysed: set after a debounce, a paste, a dropped or opened file.
#[derive(Clone, Copy)]
pub struct Text(pub RwSignal<String>);

/// The first screen of a whole new article (a paste, a file), shown plain until its analysis is
/// on screen (`crate::reading::first_screen`); `None` otherwise.
#[derive(Clone, Copy)]
pub struct Preview(pub RwSignal<Option<Vec<String>>>);

/// How much of a new article its plain first screen shows: about two screens of text.
pub const PREVIEW_CHARS: usize = 3_000;

/// The paragraph-role hints of an imported text (an HTML paste or file), with the text they
/// belong to: they apply only while that very text is the one analysed.
#[derive(Clone, Copy)]
pub struct Imported(pub RwSignal<Option<(String, Vec<crate::analysis::Hint>)>>);

/// What the message bar says: an error, or nothing.
#[derive(Clone, Copy)]
pub struct Message(pub RwSignal<Option<String>>);

/// Today in the reader's own time zone: the last resort for an undated article.
fn browser_today() -> Option<crate::analysis::Date> {
    let now = js_sys::Date::new_0();
    crate::analysis::Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// The page's clock in milliseconds (`performance.now()`), for the timing attributes.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Scrolls the first element matching `selector` into the middle of the view and flashes it.
pub fn flash(selector: &str) {
    use wasm_bindgen::JsCast;
    let Ok(Some(el)) = document().query_selector(selector) else {
        // A long text's later chunks may not be rendered yet: render them, then try once more.
        if reader::budget::render_all() {
            let selector = selector.to_string();
            set_timeout(move || flash(&selector), std::time::Duration::ZERO);
        }
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = el.class_list().add_1("flash");
    let el: web_sys::Element = el.unchecked_into();
    set_timeout(
        move || {
            let _ = el.class_list().remove_1("flash");
        },
        std::time::Duration::from_millis(1600),
    );
}

/// Texts above this size are refused with a message: far beyond any article, and the analysis
/// and its view would need more memory than a tab can be sure of.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// Texts longer than this are stored in a task after the render rather than during it.
const DEFERRED_SAVE_BYTES: usize = 256 * 1024;

/// An analysis in flight: how big its text is and which stage the worker reported last.
#[derive(Clone, Debug, PartialEq)]
pub struct Busy {
    pub bytes: usize,
    pub stage: Option<String>,
}

/// Milliseconds, as measured for the newest result: `analyze` in the worker, reading the result
/// back on the page, and rendering it. Shown on `<main>` for the benchmarks, with how many results
/// have been timed: two results can take the same milliseconds to the hundredth, and a benchmark
/// waiting for the figures to change then waited forever.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Timings {
    analyze: f64,
    parse: f64,
    render: f64,
    results: u64,
}

/// The share link in the page's address, if any: `#v1.…` (or anything else after `#`, which
/// gets a message rather than silence).
fn fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    (hash.len() > 1).then_some(hash)
}

/// Drops the fragment from the address without a reload, so that a reload shows the article
/// as it is now (kept in storage), not as the link first gave it.
fn clear_fragment() {
    let location = window().location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// What the page opens with: a share link's article, else the one kept from the last visit,
/// else the sample. A bad link gets a message and falls back without overwriting anything.
fn opening() -> (Shared, Option<String>) {
    let mut problem = None;
    if let Some(hash) = fragment() {
        match share::decode(&hash) {
            Ok(shared) => return (shared, None),
            Err(e) => {
                problem = Some(format!(
                    "This link could not be opened: {e}. The article from your last visit is shown instead."
                ))
            }
        }
    }
    match storage::load_current() {
        Ok(Some(saved)) => (saved, problem),
        Ok(None) => (sample(), problem),
        // Unreadable storage is worth saying only when nothing else went wrong.
        Err(e) => (sample(), problem.or(Some(e))),
    }
}

fn sample() -> Shared {
    Shared {
        text: crate::SAMPLE_ARTICLE.to_string(),
        settings: Settings::default(),
        corrections: Vec::new(),
    }
}

/// A cheap fingerprint of a text: its length and a hash of its first and last few hundred bytes.
fn text_key(text: &str) -> (usize, u64) {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let bytes = text.as_bytes();
    bytes[..bytes.len().min(256)].hash(&mut hasher);
    bytes[bytes.len().saturating_sub(256)..].hash(&mut hasher);
    (bytes.len(), hasher.finish())
}

/// How long one step of building a reading model may hold the main thread, in ms.
const BUILD_SLICE_MS: f64 = 10.0;

/// Builds the reading model of `text` a slice at a time, yielding to the page between slices,
/// then hands everything to `done`; gives up, silently, once `current` says a newer result came.
fn build_reading(
    text: String,
    analysis: Box<Analysis>,
    current: impl Fn() -> bool + 'static,
    done: impl FnOnce(String, Box<Analysis>, Vec<ReadingArticle>) + 'static,
) {
    let builder = ReadingBuilder::new(&text, &analysis);
    // Finding the marks is a slice of its own (1 MB of news: a few milliseconds).
    set_timeout(
        move || step_reading(builder, text, analysis, current, done),
        std::time::Duration::ZERO,
    );
}

fn step_reading(
    mut builder: ReadingBuilder,
    text: String,
    analysis: Box<Analysis>,
    current: impl Fn() -> bool + 'static,
    done: impl FnOnce(String, Box<Analysis>, Vec<ReadingArticle>) + 'static,
) {
    if !current() {
        return;
    }
    let started = now_ms();
    loop {
        // A few dozen paragraphs are well under a millisecond: the clock is read between them.
        if builder.step(&text, &analysis, 32) {
            done(text, analysis, builder.finish());
            return;
        }
        if now_ms() - started >= BUILD_SLICE_MS {
            break;
        }
    }
    set_timeout(
        move || step_reading(builder, text, analysis, current, done),
        std::time::Duration::ZERO,
    );
}

/// The whole page.
#[component]
fn App() -> impl IntoView {
    let (opened, problem) = opening();
    let from_link = fragment().is_some() && problem.is_none();
    let fixes = corrections::Corrections::new(opened.corrections.clone());
    provide_context(fixes);
    // The opening article (the sample, a share link, the last text) shows its first screen while
    // the worker starts: on a cold load that is the text half a second before its marks.
    let preview = RwSignal::new(
        Some(crate::reading::first_screen(&opened.text, PREVIEW_CHARS)).filter(|l| !l.is_empty()),
    );
    provide_context(Preview(preview));
    let text = RwSignal::new(opened.text);
    let message = RwSignal::new(problem);
    // The reader's own names: every analysis weighs them.
    let names = RwSignal::new(storage::load_lexicon().unwrap_or_else(|e| {
        message.set(Some(e));
        crate::lexicon::Lexicon::new()
    }));
    let options = RwSignal::new(Options {
        today: browser_today(),
        lexicon: names.with_untracked(|l| l.names.clone()),
        reference_date: opened
            .settings
            .reference_date
            .as_deref()
            .and_then(|d| d.parse().ok()),
        ..Options::default()
    });
    lexicon::keep(names, options, Message(message));
    let imported = RwSignal::new(None::<(String, Vec<crate::analysis::Hint>)>);
    // What is on screen: a text and its analysis, replaced together when the worker answers.
    let shown_text = RwSignal::new(String::new());
    let analysis = RwSignal::new(Analysis::default());
    // The worker's analysis before the reader's corrections, kept once there are any, so that a
    // new correction (or an undo) re-applies them all without asking the worker again.
    let found = StoredValue::new(None::<Analysis>);
    let busy = RwSignal::new(None::<Busy>);
    let timings = RwSignal::new(Timings::default());
    // The reading view's model of what is on screen, built from the text and its analysis.
    let reading = RwSignal::new(Vec::<ReadingArticle>::new());
    // Counts the worker's results: a reading model still being built for an older one stops.
    let latest = StoredValue::new(0u64);
    let engine = StoredValue::new_local(engine::Engine::new(move |reply| match reply {
        engine::Reply::Stage(stage) => busy.update(|b| {
            if let Some(b) = b {
                b.stage = Some(stage);
            }
        }),
        engine::Reply::Done {
            text,
            analysis: result,
            analyze_ms,
            arrived,
            parse_ms,
        } => {
            // Reading the result back took a few short tasks; building the reading model takes a
            // few more (`build_reading`), and rendering the one after: none holds the main thread
            // for the sum.
            let render = move |text: String, result: Box<Analysis>, model: Vec<ReadingArticle>| {
                shown_text.set(text);
                // The old article's analysis and model are dropped in a task of their own: for a
                // long text, freeing them is tens of milliseconds the new view need not wait for.
                let old = (
                    analysis.try_update(|a| std::mem::replace(a, *result)),
                    reading.try_update(|r| std::mem::replace(r, model)),
                );
                set_timeout(move || drop(old), std::time::Duration::ZERO);
                fixes.menu.set(None);
                busy.set(None);
                preview.set(None);
                // Rendering happens in effects after this returns; a zero timeout runs after
                // them, so it measures reading back and rendering on the main thread.
                set_timeout(
                    move || {
                        timings.update(|t| {
                            *t = Timings {
                                analyze: analyze_ms,
                                parse: parse_ms,
                                render: now_ms() - arrived,
                                results: t.results + 1,
                            }
                        })
                    },
                    std::time::Duration::ZERO,
                );
            };
            let generation = latest.get_value() + 1;
            latest.set_value(generation);
            set_timeout(
                move || {
                    // The reader's corrections apply to every analysis of the text, whatever its
                    // options; with none, the worker's analysis is shown as it is, uncopied.
                    let done = fixes.history.with_untracked(|h| h.done.clone());
                    let result = if done.is_empty() {
                        found.set_value(None);
                        fixes.outcomes.set(Vec::new());
                        result
                    } else {
                        let (fixed, outcomes) = crate::corrections::apply(&text, &result, &done);
                        found.set_value(Some(*result));
                        fixes.outcomes.set(outcomes);
                        Box::new(fixed)
                    };
                    // A newer result arriving meanwhile makes this one moot.
                    let current = move || latest.get_value() == generation;
                    build_reading(text, result, current, move |text, result, model| {
                        set_timeout(
                            move || render(text, result, model),
                            std::time::Duration::ZERO,
                        )
                    });
                },
                std::time::Duration::ZERO,
            );
        }
        // The worker's warm-up, read back: modelled once and dropped (see `Reply::Warm`).
        engine::Reply::Warm { text, analysis } => drop(reading_model(&text, &analysis)),
        engine::Reply::Failed(reason) => {
            busy.set(None);
            preview.set(None);
            message.set(Some(reason));
        }
    }));
    // Every new text or option asks the worker; an empty text needs no worker.
    let ask = move |requested: String, options: Options| {
        if requested.len() > MAX_TEXT_BYTES {
            message.set(Some(format!(
                "This text is {:.1} MB; Lede analyses up to {} MB. It is kept in the box, and the article shown is unchanged.",
                requested.len() as f64 / 1_048_576.0,
                MAX_TEXT_BYTES / 1_048_576
            )));
            preview.set(None);
            return;
        }
        if requested.trim().is_empty() {
            engine.with_value(|e| e.cancel());
            busy.set(None);
            preview.set(None);
            shown_text.set(requested);
            analysis.set(Analysis::default());
            reading.set(Vec::new());
            return;
        }
        busy.set(Some(Busy {
            bytes: requested.len(),
            stage: None,
        }));
        engine.with_value(|e| e.analyse(requested, &options));
    };
    // The opening article is asked for now, before the page is built: the worker, started by
    // index.html, takes it as soon as its wasm is ready (on a cold load, while this page still
    // builds), instead of after the ~100 ms the page takes to build.
    ask(text.get_untracked(), options.get_untracked());
    let asked_at_start = StoredValue::new(true);
    Effect::new(move |_| {
        let requested = text.get();
        let mut options = options.get();
        options.hints = imported.with(|i| match i {
            Some((for_text, hints)) if *for_text == requested => hints.clone(),
            _ => Vec::new(),
        });
        // The first run sees what was asked for above (it tracks the signals all the same).
        if asked_at_start.get_value() {
            asked_at_start.set_value(false);
            return;
        }
        ask(requested, options);
    });
    // A correction made, undone or redone: apply the list again to the worker's analysis. Only a
    // real change of the list does: a new article resetting an empty list changes nothing.
    Effect::new(
        move |previous: Option<Vec<crate::corrections::Correction>>| {
            let done = fixes.history.with(|h| h.done.clone());
            let unchanged = previous.as_ref().is_none_or(|p| *p == done);
            if unchanged || shown_text.with_untracked(|t| t.trim().is_empty()) {
                return done;
            }
            let base = found
                .get_value()
                .unwrap_or_else(|| analysis.get_untracked());
            let (fixed, outcomes) =
                shown_text.with_untracked(|t| crate::corrections::apply(t, &base, &done));
            found.set_value(Some(base));
            let model = shown_text.with_untracked(|t| reading_model(t, &fixed));
            fixes.outcomes.set(outcomes);
            analysis.set(fixed);
            reading.set(model);
            done
        },
    );
    // The first result on screen (its render timed) lets the service worker install.
    Effect::new(move |_| {
        if timings.with(|t| t.render > 0.0) {
            register_service_worker();
        }
    });
    let cancel = move || {
        engine.with_value(|e| e.cancel());
        busy.set(None);
        preview.set(None);
        message.set(Some(
            "Analysis cancelled. Your text is still in the box; edit it, or press Analyse to run it again."
                .to_string(),
        ));
    };
    let retry = move || {
        message.set(None);
        text.update(|_| {});
    };
    let analysis = analysis.read_only();
    // The selected entity cluster, and the entity types whose highlights are off.
    let selection = RwSignal::new(None::<usize>);
    let hidden = RwSignal::new(opened.settings.hidden_labels.clone());
    let raw = RwSignal::new(opened.settings.raw_view);
    let tab = RwSignal::new(side::Tab::from_id(&opened.settings.tab));
    // A new text's clusters are not the old one's; a restored selection waits for its analysis.
    let restored_selection = StoredValue::new(opened.settings.selected_cluster);
    // Keyed by a fingerprint, so a new analysis of the same text (a new reference date) keeps it.
    let shown_key = Memo::new(move |_| shown_text.with(|t| text_key(t)));
    Effect::new(move |_| {
        // `get`, not `track`: tracking alone would not compute the memo, which then never hears
        // of the text changing.
        let _ = shown_key.get();
        if shown_text.with_untracked(|t| t.trim().is_empty()) {
            return;
        }
        let restored = restored_selection.get_value();
        restored_selection.set_value(None);
        selection.set(restored);
    });
    let highlighted = RwSignal::new(None::<usize>);
    // The timeline shown wide, beside the article, in place of the input column.
    let wide = RwSignal::new(false);
    let wide_shown = move || wide.get() && tab.get() == side::Tab::Timeline;
    let settings = Signal::derive(move || Settings {
        reference_date: options.with(|o| o.reference_date.map(|d| d.to_string())),
        hidden_labels: hidden.get(),
        selected_cluster: selection.get(),
        raw_view: raw.get(),
        tab: tab.get().id().to_string(),
    });
    // The article on screen and its settings survive a reload. A failure is said once per text
    // (a settings change on the same text does not repeat it).
    let failed_for = StoredValue::new(None::<(usize, u64)>);
    Effect::new(move |_| {
        let shared = Shared {
            text: shown_text.get(),
            settings: settings.get(),
            corrections: fixes.history.with(|h| h.done.clone()),
        };
        if shared.text.trim().is_empty() && from_link {
            return;
        }
        let long = shared.text.len() > DEFERRED_SAVE_BYTES;
        let key = text_key(&shared.text);
        let saved = move |result: Result<(), String>| match result {
            Ok(()) => failed_for.set_value(None),
            Err(e) => {
                if failed_for.get_value() != Some(key) {
                    failed_for.set_value(Some(key));
                    message.set(Some(e));
                }
            }
        };
        // Storing a long text takes tens of milliseconds (1 MB: ~10 ms to write its JSON, ~15
        // more in localStorage): it goes to tasks of its own, one for each half, not the one
        // that renders the new article.
        if long {
            set_timeout(
                move || match storage::current_json(&shared) {
                    Ok(json) => set_timeout(
                        move || saved(storage::write_current(&json)),
                        std::time::Duration::ZERO,
                    ),
                    Err(e) => saved(Err(e)),
                },
                std::time::Duration::ZERO,
            );
        } else {
            saved(storage::current_json(&shared).and_then(|json| storage::write_current(&json)));
        }
    });
    if from_link {
        clear_fragment();
    }
    // A share link opened while Lede is already open (pasted into the address bar).
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let Some(hash) = fragment() else { return };
        match share::decode(&hash) {
            Ok(shared) => {
                restored_selection.set_value(shared.settings.selected_cluster);
                hidden.set(shared.settings.hidden_labels);
                raw.set(shared.settings.raw_view);
                tab.set(side::Tab::from_id(&shared.settings.tab));
                options.update(|o| {
                    o.reference_date = shared.settings.reference_date.and_then(|d| d.parse().ok())
                });
                fixes.reset(shared.corrections);
                text.set(shared.text);
                message.set(None);
                clear_fragment();
            }
            Err(e) => message.set(Some(format!(
                "This link could not be opened: {e}. The article shown is unchanged."
            ))),
        }
    });
    on_cleanup(move || hash_listener.remove());
    let library = RwSignal::new(storage::load_library().unwrap_or_else(|e| {
        message.set(Some(e));
        crate::library::Library::new()
    }));
    // Counts completed renders, so tests (and anyone watching) can tell a new analysis is on screen.
    let generation = RwSignal::new(0u64);
    Effect::new(move |_| {
        // The reader renders from both: a new reference date changes the analysis (every
        // relative date) while the reading model's layout can stay the same.
        analysis.track();
        reading.track();
        generation.update(|g| *g += 1);
    });
    let state = move || {
        if busy.with(Option::is_some) {
            "analysing"
        } else if shown_text.with(|t| t.trim().is_empty()) {
            "empty"
        } else {
            "ready"
        }
    };
    let stale = Memo::new(move |_| {
        busy.with(Option::is_none) && text.with(|t| shown_text.with(|s| t != s))
    });

    view! {
        <main
            id="app"
            data-state=state
            data-generation=move || generation.get().to_string()
            data-analyze-ms=move || format!("{:.2}", timings.get().analyze)
            data-parse-ms=move || format!("{:.2}", timings.get().parse)
            data-render-ms=move || format!("{:.2}", timings.get().render)
            data-timed=move || timings.get().results.to_string()
        >
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">"L"</span>
                    <span class="name">"Lede"</span>
                    <span class="tagline">"a news reader’s X-ray"</span>
                </div>
                <p class="privacy">"Runs in your browser. Nothing you paste leaves this page."</p>
                <toolbar::Toolbar
                    shown_text=shown_text.read_only()
                    analysis=analysis
                    settings=settings
                    library=library
                    message=Message(message)
                />
            </header>
            <div class="layout" class:timeline-wide=wide_shown>
                <input::InputPanel
                    text=Text(text)
                    message=Message(message)
                    shown=shown_text.read_only()
                    idle=Signal::derive(move || busy.with(Option::is_none))
                    imported=Imported(imported)
                >
                    <toolbar::LibraryPanel library=library text=text message=Message(message) />
                    <lexicon::LexiconPanel lexicon=names message=Message(message) />
                </input::InputPanel>
                <div class="reader-column">
                    <Progress busy=busy.read_only() stale=stale on_cancel=cancel on_retry=retry />
                    <corrections::CorrectionsStrip />
                    <reader::Reader
                        reading=reading.read_only()
                        analysis=analysis
                        text=Text(text)
                        busy=busy.read_only()
                        hidden=entities::HiddenLabels(hidden)
                        raw=raw
                        on_timex=move |t: usize| {
                            let event = analysis.with(|a| a.events.iter().position(|e| e.timex == t));
                            highlighted.set(event);
                            if let Some(e) = event {
                                tab.set(side::Tab::Timeline);
                                request_animation_frame(move || flash(&format!("[data-event=\"{e}\"]")));
                            }
                        }
                        on_quote=move |q: usize| {
                            tab.set(side::Tab::Quotes);
                            request_animation_frame(move || flash(&format!("[data-quote-ref=\"{q}\"]")));
                        }
                    />
                </div>
                <side::SidePanel
                    analysis=analysis
                    options=options
                    tab=tab
                    highlighted=timeline::HighlightedEvent(highlighted)
                    text=shown_text.read_only()
                    selection=entities::Selection(selection)
                    hidden=entities::HiddenLabels(hidden)
                    wide=timeline::WideTimeline(wide)
                />
            </div>
            <mark_menu::MarkMenu analysis=analysis text=shown_text.read_only() />
            <corrections::SelectionBar />
        </main>
    }
}

/// The strip above the article while the worker analyses (with Cancel), or when the text in the
/// box is not the one shown (with Analyse).
#[component]
fn Progress(
    busy: ReadSignal<Option<Busy>>,
    stale: Memo<bool>,
    on_cancel: impl Fn() + Copy + Send + Sync + 'static,
    on_retry: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        if let Some(b) = busy.get() {
            let size = if b.bytes >= 1_048_576 {
                format!("{:.1} MB", b.bytes as f64 / 1_048_576.0)
            } else {
                format!("{} KB", b.bytes.div_ceil(1024))
            };
            let stage = b.stage.map(|s| format!(" · {s}")).unwrap_or_default();
            view! {
                <div id="progress" class="progress" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    <span class="progress-text">{format!("Analysing {size}{stage}…")}</span>
                    <button id="cancel" type="button" class="secondary" on:click=move |_| on_cancel()>
                        "Cancel"
                    </button>
                </div>
            }
            .into_any()
        } else if stale.get() {
            view! {
                <div id="progress" class="progress idle" role="status">
                    <span class="progress-text">"The text in the box is not the one analysed."</span>
                    <button id="analyse" type="button" on:click=move |_| on_retry()>"Analyse"</button>
                </div>
            }
            .into_any()
        } else {
            ().into_any()
        }
    }
}
