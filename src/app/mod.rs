//! The browser app (wasm32 only): a few signals, one analysis memo, and read-only views.
//!
//! ```text
//! draft (textarea) ──debounce/paste/file──► text ──► analyze ──► Memo<Analysis> ──► views
//! ```
//! The user writes only the text (and, later, options and the selection); everything shown is
//! derived from the analysis.

mod entities;
mod input;
mod quotes;
mod reader;
mod side;
mod timeline;

use leptos::prelude::*;

use crate::analysis::{analyze, Analysis, Options};
use crate::reading::{reading_model, ReadingArticle};

/// Mounts the app on `<body>`. `main` calls only this.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The text being analysed: set after a debounce, a paste, a dropped or opened file.
#[derive(Clone, Copy)]
pub struct Text(pub RwSignal<String>);

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

/// The whole page.
#[component]
fn App() -> impl IntoView {
    let text = RwSignal::new(crate::SAMPLE_ARTICLE.to_string());
    let message = RwSignal::new(None::<String>);
    let options = RwSignal::new(Options {
        today: browser_today(),
        ..Options::default()
    });
    // How long the last `analyze` took and when it finished (ms), for data-analyze-ms and
    // data-render-ms: the benchmarks' contract with the app.
    let analyzed = StoredValue::new((0.0, 0.0));
    let analysis: Memo<Analysis> = Memo::new(move |_| {
        text.with(|t| {
            options.with(|o| {
                let started = now_ms();
                let analysis = analyze(t, o);
                let done = now_ms();
                analyzed.set_value((done - started, done));
                analysis
            })
        })
    });
    let reading: Memo<Vec<ReadingArticle>> =
        Memo::new(move |_| text.with(|t| analysis.with(|a| reading_model(t, a))));
    // The selected entity cluster, and the entity types whose highlights are off.
    let selection = RwSignal::new(None::<usize>);
    let hidden = RwSignal::new(Vec::<String>::new());
    // A new text's clusters are not the old one's.
    Effect::new(move |_| {
        text.track();
        selection.set(None);
    });
    let highlighted = RwSignal::new(None::<usize>);
    let tab = RwSignal::new(side::Tab::Overview);
    // Counts completed renders, so tests (and anyone watching) can tell a new analysis is on screen.
    let generation = RwSignal::new(0u64);
    // (analyze ms, render ms) of the last analysis: analysis alone, then from its result to the
    // updated DOM.
    let timings = RwSignal::new(None::<(f64, f64)>);
    Effect::new(move |_| {
        // The reader renders from both: a new reference date changes the analysis (every
        // relative date) while the reading model's layout can stay the same.
        analysis.track();
        reading.track();
        generation.update(|g| *g += 1);
        // A task queued now runs after every effect of this update has changed the DOM.
        set_timeout(
            move || {
                let (analyze_ms, done) = analyzed.get_value();
                timings.set(Some((analyze_ms, now_ms() - done)));
            },
            std::time::Duration::ZERO,
        );
    });
    let state = move || {
        if text.with(|t| t.trim().is_empty()) {
            "empty"
        } else {
            "ready"
        }
    };

    view! {
        <main
            id="app"
            data-state=state
            data-generation=move || generation.get().to_string()
            data-analyze-ms=move || timings.get().map(|(a, _)| format!("{a:.1}"))
            data-render-ms=move || timings.get().map(|(_, r)| format!("{r:.1}"))
        >
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">"L"</span>
                    <span class="name">"Lede"</span>
                    <span class="tagline">"a news reader’s X-ray"</span>
                </div>
                <p class="privacy">"Runs in your browser. Nothing you paste leaves this page."</p>
            </header>
            <div class="layout">
                <input::InputPanel text=Text(text) message=Message(message) />
                <reader::Reader
                    reading=reading
                    analysis=analysis
                    text=Text(text)
                    hidden=entities::HiddenLabels(hidden)
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
                <side::SidePanel
                    analysis=analysis
                    options=options
                    tab=tab
                    highlighted=timeline::HighlightedEvent(highlighted)
                    text=text.read_only()
                    selection=entities::Selection(selection)
                    hidden=entities::HiddenLabels(hidden)
                />
            </div>
        </main>
    }
}
